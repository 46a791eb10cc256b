//! The reader on hand-written WordprocessingML: what it takes, and what it passes over.

use super::*;
use crate::office::xml::MAX_DEPTH;

fn doc(body: &str) -> String {
    format!(r#"<w:document xmlns:w="w"><w:body>{body}</w:body></w:document>"#)
}

fn sdt(tag: &str, extra: &str, content: &str) -> String {
    format!(
        r#"<w:sdt><w:sdtPr><w:rPr><w:b/></w:rPr><w:tag w:val="{tag}"/>{extra}</w:sdtPr><w:sdtContent>{content}</w:sdtContent></w:sdt>"#
    )
}

#[test]
fn only_tagged_controls_are_read_with_their_runs_and_lists() {
    let xml = doc(&format!(
        "{}{}",
        sdt("other", "", "<w:p><w:r><w:t>No</w:t></w:r></w:p>"),
        sdt(
            "br:a",
            "",
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr><w:rPr><w:b/></w:rPr></w:pPr><w:r><w:rPr><w:i/></w:rPr><w:t>a&amp;b</w:t></w:r><w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t xml:space="preserve"> c</w:t><w:br/></w:r></w:p>"#
        )
    ));
    let found = read(&xml, "br:").unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].tag, "br:a");
    let p = &found[0].paragraphs[0];
    assert_eq!(p.list, Some(1));
    assert_eq!(
        p.runs,
        [
            Run {
                text: "a&b".into(),
                bold: false,
                italic: true
            },
            Run {
                text: " c\n".into(),
                bold: false,
                italic: false
            }
        ]
    );
}

#[test]
fn deletions_moves_away_field_codes_and_old_properties_are_passed_over() {
    let xml = doc(&sdt(
        "br:a",
        "<w:showingPlcHdr/>",
        r#"<w:p><w:pPr><w:pPrChange><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:pPrChange></w:pPr><w:del><w:r><w:delText>gone</w:delText></w:r></w:del><w:moveFrom><w:r><w:t>away</w:t></w:r></w:moveFrom><w:ins><w:r><w:instrText>PAGE</w:instrText><w:t>kept</w:t></w:r></w:ins><w:moveTo><w:r><w:t>here</w:t></w:r></w:moveTo></w:p>"#,
    ));
    let found = read(&xml, "br:").unwrap();
    assert!(found[0].placeholder);
    assert_eq!(found[0].paragraphs[0].list, None);
    assert_eq!(found[0].paragraphs[0].text(), "kepthere");
}

#[test]
fn broken_or_deeply_nested_xml_is_refused() {
    assert!(read("<w:p><w:r></w:p>", "br:").is_err());
    let deep = "<a>".repeat(MAX_DEPTH + 1);
    let err = read(&deep, "br:").unwrap_err();
    assert!(err.message.contains("nested"), "{err:?}");
}

#[test]
fn a_cell_with_a_bookmark_is_read_without_the_bookmarked_paragraphs() {
    let xml = doc(concat!(
        r#"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>4.1</w:t></w:r><w:bookmarkStart w:id="9" w:name="_BrText_ab"/></w:p>"#,
        r#"<w:p><w:r><w:t>Late.</w:t></w:r></w:p><w:p><w:r><w:t>Cases</w:t></w:r><w:bookmarkStart w:id="8" w:name="_BrCases_ab"/></w:p></w:tc>"#,
        r#"<w:tc><w:p><w:r><w:t>Plain</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#,
    ));
    let found = read(&xml, "br:").unwrap();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].tag, "_BrText_ab");
    let texts: Vec<String> = found[0].paragraphs.iter().map(Paragraph::text).collect();
    assert_eq!(texts, ["Late."]);
}

#[test]
fn a_custom_property_is_read_by_name() {
    let xml = r#"<Properties><property name="x"><vt:lpwstr>no</vt:lpwstr></property><property name="build-report"><vt:lpwstr>original</vt:lpwstr></property></Properties>"#;
    assert_eq!(property(xml, "build-report").as_deref(), Some("original"));
    assert_eq!(property(xml, "y"), None);
}

#[test]
fn every_paragraph_is_read_with_the_bookmarks_before_and_in_it() {
    let xml = doc(concat!(
        r#"<w:bookmarkStart w:id="1" w:name="_BrBox_a"/><w:bookmarkEnd w:id="1"/>"#,
        r#"<w:p><w:r><w:t>one</w:t></w:r></w:p>"#,
        r#"<w:tbl><w:tr><w:tc><w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr><w:r><w:t>two</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#,
        r#"<w:p><w:sdt><w:sdtContent><w:bookmarkStart w:id="2" w:name="_BrPick_b"/><w:r><w:t>Yes</w:t></w:r></w:sdtContent></w:sdt><w:bookmarkStart w:id="3" w:name="other"/></w:p>"#,
        r#"<w:bookmarkStart w:id="4" w:name="_BrBoxEnd_a"/>"#,
    ));
    let found = paragraphs(&xml).unwrap();
    let seen: Vec<(String, Option<u8>, Vec<String>)> = found
        .iter()
        .map(|p| (p.text(), p.list, p.marks.clone()))
        .collect();
    assert_eq!(
        seen,
        [
            ("one".into(), None, vec!["_BrBox_a".to_string()]),
            ("two".into(), Some(0), vec![]),
            ("Yes".into(), None, vec!["_BrPick_b".to_string()]),
            (String::new(), None, vec!["_BrBoxEnd_a".to_string()]),
        ]
    );
}
