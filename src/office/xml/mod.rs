//! XML for every part of a package, read or written: one place that knows how quick-xml
//! is driven, so the writer, the house-template reader, `import` and `responses` agree.
//!
//! Reading ([`read`]) is bounded and tolerant, because the parts come from outside;
//! writing ([`write`]) is infallible and drops what XML 1.0 forbids, because Word refuses
//! a whole file over one bad character.

mod read;
mod write;

pub use read::{Item, MAX_DEPTH, Part, attr, is_on, local, name, skip, val, walk, well_formed};
pub use write::{Attrs, DECLARATION, R_NS, W_NS, Xml, attribute, clean};
