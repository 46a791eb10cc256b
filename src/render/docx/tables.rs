//! Word tables: the building blocks every table of the report is made of.
//!
//! Every table has a fixed layout with explicit column widths that add up to the text
//! width, because Word and LibreOffice disagree on automatic widths and a report should
//! look the same in both. Data tables carry the "Report Table" style, so the officer can
//! restyle them all at once, and also the same borders and header shading directly,
//! because LibreOffice applies only part of a table style's conditional formatting.

use super::blocks::inlines;
use super::body::{Body, Fmt, Para};
use super::styles::{ACCENT, ACCENT_PALE, RULE};
use crate::model::Inline;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Look {
    /// Rules between rows and a shaded header row.
    Data,
    /// No borders at all: for layout, such as the title page's facts or the chart.
    Plain,
}

/// Tables with more rows than this are not kept on one page.
const KEEP_ROWS: usize = 30;

/// Space between a cell's side and its text, in twips.
pub const CELL_MARGIN: u32 = 85;

/// One cell's own properties.
#[derive(Debug, Clone, Copy, Default)]
pub struct Cell {
    pub span: u32,
    pub fill: Option<&'static str>,
    pub header: bool,
    /// Raw `w:tcBorders` children, in schema order.
    pub borders: Option<&'static str>,
    pub middle: bool,
    /// Text at the foot of the cell, as under a row of long column labels.
    pub bottom: bool,
}

impl Cell {
    pub const HEADER: Cell = Cell {
        span: 1,
        fill: Some(ACCENT_PALE),
        header: true,
        borders: None,
        middle: false,
        bottom: true,
    };
    pub const BODY: Cell = Cell {
        span: 1,
        fill: None,
        header: false,
        borders: None,
        middle: false,
        bottom: false,
    };
}

/// `total` split in the proportions `parts`, the rounding put in the last column so the
/// widths add up exactly.
pub fn split(total: u32, parts: &[u32]) -> Vec<u32> {
    let sum: u32 = parts.iter().sum::<u32>().max(1);
    let mut widths: Vec<u32> = parts
        .iter()
        .map(|p| (u64::from(total) * u64::from(*p) / u64::from(sum)) as u32)
        .collect();
    let used: u32 = widths.iter().sum();
    if let Some(last) = widths.last_mut() {
        *last += total.saturating_sub(used);
    }
    widths
}

/// Twips a character of a bold 10 pt header label takes: Arial bold averages a little over
/// half an em, so 0.62 em leaves room for the wide letters.
const HEADER_CHAR: u32 = 124;

/// The narrowest column in which no word of a header `label` is broken inside itself.
pub fn unbroken(label: &str) -> u32 {
    let longest = label
        .split_whitespace()
        .map(|word| word.chars().count())
        .max()
        .unwrap_or(0);
    longest as u32 * HEADER_CHAR + 2 * CELL_MARGIN
}

/// A label column then the `wanted` columns, in `total`: each column as wanted and the label
/// the rest, unless that leaves the label less than `label_min`, when every column is
/// scaled to fit, since a table wider than the page is worse than a broken word.
pub fn fit(total: u32, label_min: u32, wanted: &[u32]) -> Vec<u32> {
    let columns: u32 = wanted.iter().sum();
    if columns + label_min <= total {
        let mut widths = vec![total - columns];
        widths.extend_from_slice(wanted);
        widths
    } else {
        let mut parts = vec![label_min];
        parts.extend_from_slice(wanted);
        split(total, &parts)
    }
}

pub fn open(body: &mut Body, widths: &[u32], look: Look, indent: u32) {
    let total: u32 = widths.iter().sum();
    let xml = &mut body.xml;
    xml.open("w:tbl", &[]).open("w:tblPr", &[]);
    if look == Look::Data {
        xml.val("w:tblStyle", body.styles.id("ReportTable"));
    }
    xml.empty("w:tblW", &[("w:w", &total), ("w:type", &"dxa")])
        .empty("w:tblInd", &[("w:w", &indent), ("w:type", &"dxa")])
        .open("w:tblBorders", &[]);
    for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
        let tag = format!("w:{side}");
        match (look, side) {
            (Look::Data, "top") => border(xml, &tag, 8, ACCENT),
            (Look::Data, "bottom" | "insideH") => border(xml, &tag, 4, RULE),
            _ => {
                xml.val(&tag, "nil");
            }
        }
    }
    xml.close("w:tblBorders")
        .empty("w:tblLayout", &[("w:type", &"fixed")])
        .open("w:tblCellMar", &[]);
    let (across, down) = (CELL_MARGIN, 57);
    for (side, width) in [
        ("top", down),
        ("left", across),
        ("bottom", down),
        ("right", across),
    ] {
        xml.empty(&format!("w:{side}"), &[("w:w", &width), ("w:type", &"dxa")]);
    }
    let first_row = u8::from(look == Look::Data);
    xml.close("w:tblCellMar")
        .empty(
            "w:tblLook",
            &[
                ("w:val", &if first_row == 1 { "04A0" } else { "0000" }),
                ("w:firstRow", &first_row),
                ("w:lastRow", &0),
                ("w:firstColumn", &0),
                ("w:lastColumn", &0),
                ("w:noHBand", &1),
                ("w:noVBand", &1),
            ],
        )
        .close("w:tblPr")
        .open("w:tblGrid", &[]);
    for width in widths {
        xml.empty("w:gridCol", &[("w:w", width)]);
    }
    xml.close("w:tblGrid");
}

fn border(xml: &mut crate::office::xml::Xml, tag: &str, size: u32, color: &str) {
    xml.empty(
        tag,
        &[
            ("w:val", &"single"),
            ("w:sz", &size),
            ("w:space", &0),
            ("w:color", &color),
        ],
    );
}

pub fn close(body: &mut Body) {
    body.xml.close("w:tbl");
}

/// Starts a row, which is never split across two pages. A header row repeats at the top
/// of every page the table runs onto.
pub fn open_row(body: &mut Body, header: bool, height: Option<u32>) {
    row_properties(body, header, height, true);
}

/// Starts a row that may run from one page onto the next, for a cell that may be longer
/// than a page (an observation and its response): a row taller than the page cannot be
/// kept whole, and Word and LibreOffice differ over what they do with one.
pub fn open_splittable_row(body: &mut Body) {
    row_properties(body, false, None, false);
}

fn row_properties(body: &mut Body, header: bool, height: Option<u32>, whole: bool) {
    body.xml.open("w:tr", &[]);
    if header || whole || height.is_some() {
        body.xml.open("w:trPr", &[]);
        if header || whole {
            body.xml.empty("w:cantSplit", &[]);
        }
        if let Some(h) = height {
            body.xml
                .empty("w:trHeight", &[("w:val", &h), ("w:hRule", &"atLeast")]);
        }
        if header {
            body.xml.empty("w:tblHeader", &[]);
        }
        body.xml.close("w:trPr");
    }
}

pub fn close_row(body: &mut Body) {
    body.xml.close("w:tr");
}

/// A cell of `width` twips whose content `fill` writes; a cell always ends with a
/// paragraph, as Word requires.
pub fn cell(body: &mut Body, width: u32, cell: Cell, fill: impl FnOnce(&mut Body)) {
    let xml = &mut body.xml;
    xml.open("w:tc", &[])
        .open("w:tcPr", &[])
        .empty("w:tcW", &[("w:w", &width), ("w:type", &"dxa")]);
    if cell.span > 1 {
        xml.val("w:gridSpan", cell.span);
    }
    if cell.header {
        xml.open("w:tcBorders", &[]);
        border(xml, "w:bottom", 12, ACCENT);
        xml.close("w:tcBorders");
    } else if let Some(borders) = cell.borders {
        xml.open("w:tcBorders", &[])
            .raw(borders)
            .close("w:tcBorders");
    }
    if let Some(color) = cell.fill {
        xml.empty(
            "w:shd",
            &[
                ("w:val", &"clear"),
                ("w:color", &"auto"),
                ("w:fill", &color),
            ],
        );
    }
    if cell.middle {
        xml.val("w:vAlign", "center");
    } else if cell.bottom {
        xml.val("w:vAlign", "bottom");
    }
    xml.close("w:tcPr");
    let before = body.xml.len();
    fill(body);
    if body.xml.len() == before || !body.xml.ends_with("</w:p>") {
        // Through `open_p`, so that it keeps with the next like the row's other paragraphs.
        body.open_p(Para::default());
        body.close_p();
    }
    body.xml.close("w:tc");
}

/// A cell holding one paragraph of text in the table's text style.
pub fn text_cell(body: &mut Body, width: u32, c: Cell, text: &str, align: Option<&'static str>) {
    let fmt = if c.header { Fmt::HEADER } else { Fmt::PLAIN };
    cell(body, width, c, |body| {
        body.paragraph(
            Para {
                align,
                ..Para::style("TableText")
            },
            text,
            fmt,
        );
    });
}

/// Before row `i` of `count`: a short table is kept on one page with its header, by
/// keeping each row with the next (Word's own way: every paragraph of every row but the
/// last keeps with the next, and no row splits); a long one breaks where it must, its
/// header row repeated, but never before its last row, which would stand alone.
/// A data table of plain text: `labels` over `rows`, a cell per width, rows kept
/// together as [`keep_row`] does, then the space after a table.
pub fn text_table(body: &mut Body, widths: &[u32], labels: &[&str], rows: &[Vec<String>]) {
    open(body, widths, Look::Data, 0);
    header_row(body, widths, labels, &[]);
    for (i, cells) in rows.iter().enumerate() {
        keep_row(body, i, rows.len());
        open_row(body, false, None);
        for (width, text) in widths.iter().zip(cells) {
            text_cell(body, *width, Cell::BODY, text, None);
        }
        close_row(body);
    }
    close(body);
    body.keep_together = false;
    spacer(body);
}

pub fn keep_row(body: &mut Body, i: usize, count: usize) {
    body.keep_together = (count <= KEEP_ROWS && i + 1 < count) || before_last(i, count);
}

/// Whether row `i` of `count` is the one before the last, which keeps with the last even
/// in a table whose rows may split, so that the last row never starts a page alone.
pub fn before_last(i: usize, count: usize) -> bool {
    i + 2 == count
}

/// A header row of plain labels; columns listed in `right` are right-aligned.
pub fn header_row(body: &mut Body, widths: &[u32], labels: &[&str], right: &[usize]) {
    body.keep_together = true;
    open_row(body, true, None);
    for (i, (width, label)) in widths.iter().zip(labels).enumerate() {
        let align = right.contains(&i).then_some("right");
        text_cell(body, *width, Cell::HEADER, label, align);
    }
    close_row(body);
}

/// A table written in Markdown, with equal columns.
pub fn markdown(
    body: &mut Body,
    head: &[Vec<Inline>],
    rows: &[Vec<Vec<Inline>>],
    indent: u32,
    width: u32,
) {
    let columns = rows
        .iter()
        .map(Vec::len)
        .chain([head.len()])
        .max()
        .unwrap_or(0);
    if columns == 0 {
        return;
    }
    let widths = split(width.saturating_sub(indent).max(720), &vec![1; columns]);
    open(body, &widths, Look::Data, indent);
    // The table may sit inside a row that is being kept with the next.
    let keeping = body.keep_together;
    let row = |body: &mut Body, cells: &[Vec<Inline>], header: bool| {
        open_row(body, header, None);
        for (i, width) in widths.iter().enumerate() {
            let kind = if header { Cell::HEADER } else { Cell::BODY };
            cell(body, *width, kind, |body| {
                body.open_p(Para::style("TableText"));
                if let Some(content) = cells.get(i) {
                    let fmt = if header { Fmt::HEADER } else { Fmt::PLAIN };
                    inlines(body, content, fmt);
                }
                body.close_p();
            });
        }
        close_row(body);
    };
    if !head.is_empty() {
        body.keep_together = true;
        row(body, head, true);
    }
    for (i, cells) in rows.iter().enumerate() {
        keep_row(body, i, rows.len());
        body.keep_together |= keeping;
        row(body, cells, false);
    }
    body.keep_together = keeping;
    close(body);
    spacer(body);
}

/// An empty paragraph after a table, so that two tables never merge and text does not
/// touch the table's last rule.
pub fn spacer(body: &mut Body) {
    body.paragraph(
        Para {
            after: Some(0),
            ..Para::default()
        },
        "",
        Fmt::PLAIN,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_add_up_exactly() {
        assert_eq!(split(9638, &[1, 1, 1]), [3212, 3212, 3214]);
        assert_eq!(split(100, &[45, 12, 12, 31]).iter().sum::<u32>(), 100);
        assert_eq!(split(100, &[]), Vec::<u32>::new());
    }

    #[test]
    fn header_columns_fit_their_longest_word_and_the_label_takes_the_rest() {
        assert_eq!(
            unbroken("Appropriate with observations"),
            unbroken("observations")
        );
        assert!(unbroken("Inappropriate") > unbroken("Appropriate"));
        assert_eq!(unbroken(""), 2 * CELL_MARGIN);
        assert_eq!(fit(9000, 2000, &[1000, 1500]), [6500, 1000, 1500]);
        // Too wide for the page: everything shrinks in proportion, and still adds up.
        let squeezed = fit(9000, 3000, &[4000, 4000]);
        assert_eq!(squeezed.iter().sum::<u32>(), 9000);
        assert!(squeezed[0] < 3000);
    }
}
