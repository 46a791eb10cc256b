//! The Office Open XML layer: packages, their XML, the house template and the names
//! report.docx and `responses` share, for everything that writes or reads a .docx.
//!
//! The renderers in `render/docx` only lay the document out; `import`, `responses` and the
//! house-template reader all open an untrusted package through the one bounded reader
//! here, and every fault found in one is a [`Refusal`] worded for what it was read for.

pub mod names;
pub mod package;
pub mod read;
mod refusal;
pub mod template;
pub mod xml;

pub use refusal::{Reading, Refusal};
