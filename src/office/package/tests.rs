//! The bounded reader against packages built to break it, and the paths it resolves.

use std::io::Write as _;

use super::*;

fn zip(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in files {
        out.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(bytes).unwrap();
    }
    out.finish().unwrap().into_inner()
}

fn refusal(bytes: &[u8], reading: Reading) -> Refusal {
    Package::open(bytes, reading).err().expect("refused")
}

#[test]
fn a_file_that_is_not_a_zip_is_refused_in_words_for_its_reader() {
    assert!(
        refusal(b"%PDF-1.7", Reading::Returned)
            .message
            .contains("not a zip")
    );
    assert!(
        refusal(b"%PDF-1.7", Reading::Template)
            .message
            .contains("not a .docx")
    );
    assert!(
        refusal(b"%PDF-1.7", Reading::Import)
            .hint
            .contains("import reads")
    );
}

#[test]
fn a_package_without_a_document_is_refused() {
    let err = refusal(&zip(&[("a.xml", b"<a/>")]), Reading::Returned);
    assert!(err.message.contains("no word/document.xml"), "{err:?}");
}

#[test]
fn the_parts_are_read_as_text_without_a_byte_order_mark() {
    let bytes = zip(&[
        (DOCUMENT, "\u{feff}<w:document/>".as_bytes()),
        ("docProps/custom.xml", b"<Properties/>"),
    ]);
    let mut package = Package::open(&bytes, Reading::Returned).unwrap();
    assert_eq!(
        package.text(DOCUMENT, MAX_BYTES).unwrap().as_deref(),
        Some("<w:document/>")
    );
    assert_eq!(package.text("missing.xml", MAX_BYTES).unwrap(), None);
}

#[test]
fn a_part_over_its_cap_is_refused_without_reading_it_all() {
    let big = vec![b' '; 1024 * 1024 + 10];
    let bytes = zip(&[(DOCUMENT, b"<w:document/>"), ("docProps/custom.xml", &big)]);
    let mut package = Package::open(&bytes, Reading::Returned).unwrap();
    let err = package
        .text("docProps/custom.xml", 1024 * 1024)
        .unwrap_err();
    assert!(err.message.contains("larger than 1 MiB"), "{err:?}");
}

#[test]
fn text_that_is_not_utf8_is_refused_except_on_import() {
    let bytes = zip(&[(DOCUMENT, b"<a>\xff</a>")]);
    let mut package = Package::open(&bytes, Reading::Template).unwrap();
    assert!(package.text(DOCUMENT, MAX_BYTES).is_err());
    let mut package = Package::open(&bytes, Reading::Import).unwrap();
    assert_eq!(
        package.text(DOCUMENT, MAX_BYTES).unwrap().as_deref(),
        Some("<a>\u{fffd}</a>")
    );
}

#[test]
fn relationships_are_read_with_their_mode() {
    let rels = br#"<Relationships><Relationship Id="rId1" Type="t/hyperlink" Target="https://example.org" TargetMode="External"/><Relationship Id="rId2" Type="t/styles" Target="styles.xml"/></Relationships>"#;
    let bytes = zip(&[
        (DOCUMENT, b"<w:document/>"),
        ("word/_rels/document.xml.rels", rels),
    ]);
    let mut package = Package::open(&bytes, Reading::Import).unwrap();
    let found = package.relationships(DOCUMENT, MAX_BYTES).unwrap();
    assert_eq!(found.len(), 2);
    assert!(found[0].external && !found[1].external);
    assert_eq!(found[1].target, "styles.xml");
    assert_eq!(
        package
            .relationships("word/header1.xml", MAX_BYTES)
            .unwrap(),
        []
    );
}

#[test]
fn resolves_paths_inside_the_package_only() {
    assert_eq!(
        resolve("word", "media/logo.png").as_deref(),
        Some("word/media/logo.png")
    );
    assert_eq!(
        resolve("word", "../media/a.png").as_deref(),
        Some("media/a.png")
    );
    assert_eq!(
        resolve("word", "/word/media/b.png").as_deref(),
        Some("word/media/b.png")
    );
    assert_eq!(resolve("word", "../../etc/passwd"), None);
}
