//! trends.docx: the archive's trends as a Word document, written by the report's own
//! Office XML layer in `render::docx` (see its `archive` module).

use crate::analyse::trends::Trends;
use crate::render::{Output, RenderError};

/// trends.docx's renderer.
pub struct Word;

impl super::ArchiveRenderer for Word {
    fn file_name(&self) -> &'static str {
        "trends.docx"
    }

    fn render(&self, trends: &Trends, mut out: &mut dyn Output) -> Result<(), RenderError> {
        crate::render::docx::render_trends(trends, &mut out)?;
        Ok(())
    }
}
