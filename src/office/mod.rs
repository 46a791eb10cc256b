//! The Office Open XML layer that is not a renderer: reading a Word package's parts.
//!
//! Writing report.docx lives with its renderer in `render/docx`; reading is here so that
//! import (and later reading back a returned report.docx) share one tolerant reader that
//! never trusts the package it is given.

pub mod read;
