//! The sealed world typst compiles the report in.
//!
//! typst reads everything through its `World` trait: the main source, files, fonts and
//! the date. This one holds exactly two files, the template (`/report.typ`) and the
//! report's data (`/report.json`), and the fonts shipped inside the binary. Anything else
//! a template asks for, such as `read("/etc/passwd")` or a package, is not found, so an
//! override template can lay out the report but never reach the machine, the network or
//! the clock: the same input gives the same bytes on every machine.

use std::sync::LazyLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// Noto Sans, under the SIL Open Font License (assets/fonts/OFL.txt): a plain sans-serif
/// made for legibility, with every Welsh letter (ŵ, ŷ, ẁ, ẃ, ẅ, ỳ and the rest).
const FONT_FILES: [&[u8]; 4] = [
    include_bytes!("../../../assets/fonts/NotoSans-Regular.ttf"),
    include_bytes!("../../../assets/fonts/NotoSans-Bold.ttf"),
    include_bytes!("../../../assets/fonts/NotoSans-Italic.ttf"),
    include_bytes!("../../../assets/fonts/NotoSans-BoldItalic.ttf"),
];

/// The family name the template sets.
pub const FONT_FAMILY: &str = "Noto Sans";

/// The fonts and their book, read once however many reports a process builds.
static FONTS: LazyLock<(LazyHash<FontBook>, Vec<Font>)> = LazyLock::new(|| {
    let fonts: Vec<Font> = FONT_FILES
        .iter()
        .flat_map(|data| Font::iter(Bytes::new(*data)))
        .collect();
    (LazyHash::new(FontBook::from_fonts(&fonts)), fonts)
});

/// The standard library, with no inputs: the report arrives as a file.
static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));

/// Whether every one of the fonts can show `c`, so that it prints in any style.
pub fn covered(c: char) -> bool {
    FONTS
        .1
        .iter()
        .all(|font| font.info().coverage.contains(u32::from(c)))
}

pub const TEMPLATE_PATH: &str = "/report.typ";
pub const DATA_PATH: &str = "/report.json";

pub struct ReportWorld {
    template: Source,
    data: Bytes,
    data_id: FileId,
}

/// The id of a file at `path` in the project.
pub fn file_id(path: &str) -> FileId {
    // Both paths are constants that are valid; the fallback is never reached, and a
    // detached id would only make the file unreadable, never wrong.
    match VirtualPath::new(path) {
        Ok(vpath) => RootedPath::new(VirtualRoot::Project, vpath).intern(),
        Err(_) => Source::detached("").id(),
    }
}

impl ReportWorld {
    pub fn new(template: String, data: Vec<u8>) -> ReportWorld {
        Self::with_main(file_id(TEMPLATE_PATH), template, data)
    }

    fn with_main(main: FileId, template: String, data: Vec<u8>) -> ReportWorld {
        ReportWorld {
            template: Source::new(main, template),
            data: Bytes::new(data),
            data_id: file_id(DATA_PATH),
        }
    }

    /// The world of one piece of a report laid out in pieces (see [`pieces`](super::pieces)):
    /// the same template as a main file of the piece's own name, so that no two pieces'
    /// elements are given the same place.
    pub fn piece(template: String, data: Vec<u8>, n: usize) -> ReportWorld {
        Self::with_main(Self::name_piece(n), template, data)
    }

    /// The name of piece `n`'s main file, made typst's own.
    pub fn name_piece(n: usize) -> FileId {
        file_id(&format!("/report-{n}.typ"))
    }

    pub fn template(&self) -> &Source {
        &self.template
    }
}

impl World for ReportWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.0
    }

    fn main(&self) -> FileId {
        self.template.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.template.id() {
            Ok(self.template.clone())
        } else {
            Err(not_found(id))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            Ok(self.data.clone())
        } else if id == self.template.id() {
            Ok(Bytes::from_string(self.template.clone()))
        } else {
            Err(not_found(id))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.1.get(index).cloned()
    }

    /// No date: a template that asks for today's would make every build differ.
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.vpath().get_without_slash().into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_font_has_every_welsh_letter() {
        let fonts = &FONTS.1;
        assert_eq!(fonts.len(), 4, "regular, bold, italic and bold italic");
        assert!(FONTS.0.contains_family(&FONT_FAMILY.to_lowercase()));
        let welsh = "âêîôûŵŷáéíóúẃýàèìòùẁỳäëïöüẅÿÂÊÎÔÛŴŶÁÉÍÓÚẂÝÀÈÌÒÙẀỲÄËÏÖÜẄŸ‘’“”–—";
        for font in fonts {
            for c in welsh.chars() {
                assert!(
                    font.info().coverage.contains(u32::from(c)),
                    "{} has no glyph for {c}",
                    font.info().family
                );
            }
        }
    }

    #[test]
    fn only_the_template_and_the_data_can_be_read() {
        let world = ReportWorld::new("= Hi".into(), b"{}".to_vec());
        assert!(world.file(file_id(DATA_PATH)).is_ok());
        assert!(world.source(world.main()).is_ok());
        assert!(world.file(file_id("/etc/passwd")).is_err());
        assert!(world.today(None).is_none());
    }
}
