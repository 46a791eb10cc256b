//! The document reader on the structures Word writes: merged cells, nested tables,
//! nested fields, links, moves and alternate content.

use super::*;

fn blocks(body: &str) -> Read {
    let xml = format!(
        r#"<w:document xmlns:w="w" xmlns:r="r" xmlns:mc="mc"><w:body>{body}</w:body></w:document>"#
    );
    let links = HashMap::from([("rId1".to_string(), "https://example.org/a b".to_string())]);
    read(&xml, &Styles::default(), &Numbering::default(), &links).unwrap()
}

fn cell(text: &str, props: &str) -> String {
    format!("<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>")
}

fn texts(row: &[Cell]) -> Vec<String> {
    row.iter().map(Cell::text).collect()
}

#[test]
fn a_spanned_cell_keeps_the_columns_after_it_in_place_for_a_merge_below() {
    let body = format!(
        "<w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>",
        cell("wide", r#"<w:gridSpan w:val="2"/>"#),
        cell("top", r#"<w:vMerge w:val="restart"/>"#),
        cell("a", ""),
        cell("b", ""),
        cell("", "<w:vMerge/>"),
        cell("c", r#"<w:gridSpan w:val="2"/>"#),
        cell("more", "<w:vMerge/>"),
    );
    let read = blocks(&body);
    let Block::Table { rows, line, .. } = &read.blocks[0] else {
        panic!("a table: {:?}", read.blocks);
    };
    assert_eq!(*line, 1);
    assert_eq!(texts(&rows[0]), ["wide", "", "top more"]);
    assert_eq!(texts(&rows[1]), ["a", "b", ""]);
    assert_eq!(texts(&rows[2]), ["c", "", ""]);
}

#[test]
fn a_table_in_a_cell_joins_the_cell() {
    let inner = format!(
        "<w:tbl><w:tr>{}{}</w:tr></w:tbl>",
        cell("x", ""),
        cell("y", "")
    );
    let body = format!(
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>outer</w:t></w:r></w:p>{inner}</w:tc>{}</w:tr></w:tbl>",
        cell("z", "")
    );
    let read = blocks(&body);
    let Block::Table { rows, .. } = &read.blocks[0] else {
        panic!("a table");
    };
    assert_eq!(texts(&rows[0]), ["outer x y", "z"]);
}

#[test]
fn fields_keep_their_results_even_nested_and_drop_their_codes() {
    let body = r#"<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>IF </w:instrText></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>inner</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>Result</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#;
    let read = blocks(body);
    assert!(
        matches!(&read.blocks[0], Block::Paragraph { text, .. } if text == "Result"),
        "{:?}",
        read.blocks
    );
}

#[test]
fn links_moves_and_alternate_content() {
    let body = r#"<w:p><w:hyperlink r:id="rId1"><w:r><w:t>a [b]</w:t></w:r></w:hyperlink><w:hyperlink w:anchor="x"><w:r><w:t> here</w:t></w:r></w:hyperlink></w:p><w:p><w:moveFrom><w:r><w:t>gone</w:t></w:r></w:moveFrom><w:moveTo><w:r><w:t>moved</w:t></w:r></w:moveTo></w:p><w:p><mc:AlternateContent><mc:Choice><w:r><w:t>chosen</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>fallback</w:t></w:r></mc:Fallback></mc:AlternateContent><w:unknown><w:r><w:t> kept</w:t></w:r></w:unknown></w:p>"#;
    let read = blocks(body);
    let texts: Vec<&str> = read
        .blocks
        .iter()
        .map(|b| match b {
            Block::Paragraph { text, .. } => text.as_str(),
            _ => "",
        })
        .collect();
    assert_eq!(
        texts,
        [
            r"[a \[b\]](<https://example.org/a b>) here",
            "moved",
            "chosen kept"
        ]
    );
    assert_eq!(read.warnings.len(), 1);
    assert_eq!(read.warnings[0].paragraph, 2);
}
