//! The built-in template's PDF, laid out in pieces side by side and joined into one document.
//!
//! typst lays a document out whole: it keeps every page, the pages of its previous attempt
//! and its memo cache of every paragraph until the end, so a long report cost more than
//! twice as much memory as its pages, on one core at a time. Here each part of the report
//! (the cover and contents, 1.0, each run of [`CASES_PER_PIECE`] cases, 3.0, 4.0 with what
//! follows it, the appendix) is laid out on its own, the pieces in parallel, and the cache
//! is emptied as they finish. The pieces' pages are then joined into one document, which
//! typst writes as one tagged PDF, so its structure, bookmarks and links are typst's own.
//!
//! What spans pieces is laid out last, from what the pieces measured: the contents, given
//! each section's page and place, and "Page X of Y", laid out as a page of numbers alone for
//! each page and laid over it. Every part already starts on a new page, so the only change
//! a reader can see is a page break between runs of cases.
//!
//! Each piece is compiled as a main file of its own name, so that the places typst gives
//! its elements never meet another piece's. A join whose elements did meet would lose some
//! from its structure, so it is refused, and the report laid out whole.
//!
//! Emptying typst's cache is felt by every PDF being laid out at the time (another copy's,
//! another meeting's): they take longer, never come out different, since typst checks
//! every cached result before it uses it.

use std::collections::HashSet;

use rayon::prelude::*;
use serde::Serialize;
use serde_json::{Map, Value};
use typst::diag::SourceDiagnostic;
use typst::foundations::StyleChain;
use typst::introspection::{Location, Tag};
use typst::layout::{Frame, FrameItem, Point};
use typst::model::{Document, HeadingElem};
use typst_layout::PagedDocument;

use super::world::ReportWorld;

/// Cases laid out together. A report of more is laid out in pieces, and breaks to a new
/// page after each run of them; no meeting's report is that long.
pub const CASES_PER_PIECE: usize = 100;

/// The appendix's rows laid out together, about as many pages as a piece of cases: a
/// longer appendix starts a new page at the theme after each run of them.
const EVIDENCE_PER_PIECE: usize = 500;

/// What one piece holds, as the template reads it in `report.piece`.
#[derive(Serialize, Default)]
struct Spec {
    parts: Vec<&'static str>,
    /// The first piece of the cases, or of the appendix, opens with its heading.
    opens: bool,
    contents: Vec<Entry>,
    /// For the page numbers alone: how many pages the joined report has.
    pages: usize,
}

/// A line of the contents: a heading the pieces found, and where it is in the joined report.
#[derive(Serialize)]
struct Entry {
    level: usize,
    text: String,
    page: usize,
    /// From the top of the page, in points.
    y: f64,
}

/// A piece that failed to lay out: typst's errors, with the world that locates them.
pub struct Failed {
    pub world: ReportWorld,
    pub errors: Vec<SourceDiagnostic>,
}

/// Why a join was not made.
pub enum NotJoined {
    /// typst reported errors.
    Failed(Box<Failed>),
    /// The pieces' elements met, or a piece's pages were not as measured: the report must be
    /// laid out whole.
    Refused,
}

/// The report's data, split into the data of each piece; the report as the template reads it.
struct Parts<'a> {
    /// Everything but the cases and themes, which only some pieces need.
    base: Map<String, Value>,
    cases: &'a [Value],
    themes: &'a [Value],
}

#[derive(Serialize)]
struct PieceData<'a> {
    #[serde(flatten)]
    base: &'a Map<String, Value>,
    cases: &'a [Value],
    themes: &'a [Value],
    piece: &'a Spec,
}

impl Parts<'_> {
    fn data(&self, spec: &Spec, cases: &[Value]) -> Result<Vec<u8>, NotJoined> {
        let themes = if spec.parts.contains(&"summary") {
            self.themes
        } else {
            &[]
        };
        self.with_themes(spec, cases, themes)
    }

    fn with_themes(
        &self,
        spec: &Spec,
        cases: &[Value],
        themes: &[Value],
    ) -> Result<Vec<u8>, NotJoined> {
        let data = PieceData {
            base: &self.base,
            cases,
            themes,
            piece: spec,
        };
        serde_json::to_vec(&data).map_err(|_| NotJoined::Refused)
    }
}

/// Lays out the report in pieces and joins them, from the template and the report's data.
pub fn lay_out(
    template: &str,
    report: &Value,
    per_piece: usize,
) -> Result<PagedDocument, NotJoined> {
    let empty = Vec::new();
    let object = report.as_object().ok_or(NotJoined::Refused)?;
    let array = |key: &str| object.get(key).and_then(Value::as_array).unwrap_or(&empty);
    let parts = Parts {
        base: object
            .iter()
            .filter(|(k, _)| !matches!(k.as_str(), "cases" | "themes"))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
        cases: array("cases"),
        themes: array("themes"),
    };
    let body = body_pieces(&parts, per_piece)?;
    // typst numbers files in the order it first meets them, which among pieces laid out in
    // parallel would change from run to run, and with it the places of their elements.
    for n in 0..body.len() + 2 {
        ReportWorld::name_piece(n);
    }
    let lay_out_piece = |n: usize, data: Vec<u8>| {
        let document = compile(template, data, n);
        // What this piece cached is of no use to the next: parts share little.
        typst::comemo::evict(1);
        document
    };
    // The longest first, each piece a task of its own, so that no core is left with a long
    // piece at the end.
    let mut order: Vec<usize> = (0..body.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(body[i].len()));
    let mut laid: Vec<(usize, Result<PagedDocument, NotJoined>)> = order
        .into_par_iter()
        .with_max_len(1)
        .map(|i| (i, lay_out_piece(i + 2, body[i].clone())))
        .collect();
    laid.sort_by_key(|(i, _)| *i);
    let laid: Vec<PagedDocument> = laid
        .into_iter()
        .map(|(_, document)| document)
        .collect::<Result<_, _>>()?;
    let body_pages: usize = laid.iter().map(|d| d.pages().len()).sum();

    // The contents' own length moves every page after it, so it is laid out until the pages
    // it was told it takes are the pages it takes; a few tries settle it, or nothing will.
    let mut front_pages = 2;
    let mut front = None;
    for _ in 0..4 {
        let spec = Spec {
            parts: vec!["cover", "contents"],
            contents: contents(&laid, front_pages),
            ..Spec::default()
        };
        let laid_out = lay_out_piece(0, parts.data(&spec, &[])?)?;
        if laid_out.pages().len() == front_pages {
            front = Some(laid_out);
            break;
        }
        front_pages = laid_out.pages().len();
    }
    let front = front.ok_or(NotJoined::Refused)?;
    let total = front_pages + body_pages;
    let spec = Spec {
        parts: vec!["numbers"],
        pages: total,
        ..Spec::default()
    };
    let numbers = lay_out_piece(1, parts.data(&spec, &[])?)?;
    if numbers.pages().len() != total {
        return Err(NotJoined::Refused);
    }
    let mut pieces = Vec::with_capacity(laid.len() + 2);
    pieces.push(front);
    pieces.extend(laid);
    let joined = join(pieces, &numbers).ok_or(NotJoined::Refused);
    // Nothing laid out is asked for again: the joined pages are all that is kept.
    typst::comemo::evict(0);
    joined
}

/// The data of every piece after the cover and contents, in the report's order.
fn body_pieces(parts: &Parts<'_>, per_piece: usize) -> Result<Vec<Vec<u8>>, NotJoined> {
    let only = |part: &'static str| Spec {
        parts: vec![part],
        ..Spec::default()
    };
    let mut pieces = vec![parts.data(&only("background"), &[])?];
    let runs: Vec<&[Value]> = if parts.cases.is_empty() {
        vec![&[]]
    } else {
        parts.cases.chunks(per_piece.max(1)).collect()
    };
    for (i, run) in runs.into_iter().enumerate() {
        let spec = Spec {
            opens: i == 0,
            ..only("cases")
        };
        pieces.push(parts.data(&spec, run)?);
    }
    // The summary's checklist table has a row for every case.
    pieces.push(parts.data(&only("summary"), parts.cases)?);
    pieces.push(parts.data(&only("observations"), &[])?);
    for (i, themes) in evidence_runs(parts.themes).into_iter().enumerate() {
        let spec = Spec {
            opens: i == 0,
            ..only("evidence")
        };
        pieces.push(parts.with_themes(&spec, &[], themes)?);
    }
    Ok(pieces)
}

/// The themes the appendix lists, in runs of whole themes of about [`EVIDENCE_PER_PIECE`]
/// rows; none when no theme has any evidence, as the template decides it. A run is cut
/// only before a theme the appendix lists, so that none holds nothing but unlisted themes,
/// which would lay out as a blank page.
fn evidence_runs(themes: &[Value]) -> Vec<&[Value]> {
    let rows = |theme: &Value| {
        let len = |key: &str| theme.get(key).and_then(Value::as_array).map_or(0, Vec::len);
        len("evidence") + len("checklist")
    };
    if !themes.iter().any(|t| rows(t) > 0) {
        return Vec::new();
    }
    let mut runs = Vec::new();
    let (mut start, mut held) = (0, 0);
    for (i, theme) in themes.iter().enumerate() {
        if held > 0 && rows(theme) > 0 && held + rows(theme) > EVIDENCE_PER_PIECE {
            runs.push(&themes[start..i]);
            (start, held) = (i, 0);
        }
        held += rows(theme);
    }
    runs.push(&themes[start..]);
    runs
}

/// Lays out one piece, as a main file named for it.
fn compile(template: &str, data: Vec<u8>, n: usize) -> Result<PagedDocument, NotJoined> {
    let world = ReportWorld::piece(template.to_string(), data, n);
    let compiled = typst::compile::<PagedDocument>(&world);
    compiled.output.map_err(|errors| {
        NotJoined::Failed(Box::new(Failed {
            world,
            errors: errors.to_vec(),
        }))
    })
}

/// The headings the contents lists, found in the laid-out pieces after the cover and
/// contents, with their pages in the joined report.
fn contents(pieces: &[PagedDocument], front_pages: usize) -> Vec<Entry> {
    let mut entries = Vec::new();
    let mut offset = front_pages;
    for piece in pieces {
        let introspector = piece.introspector();
        for element in introspector.elements().all() {
            let Some(heading) = element.to_packed::<HeadingElem>() else {
                continue;
            };
            let outlined = matches!(
                element.get_by_name("outlined"),
                Ok(typst::foundations::Value::Bool(true))
            );
            let Some(position) = element.location().and_then(|l| introspector.position(l)) else {
                continue;
            };
            let level = heading.resolve_level(StyleChain::default()).get();
            if outlined && level <= 2 {
                entries.push(Entry {
                    level,
                    text: heading.body.plain_text().to_string(),
                    page: offset + position.page.get(),
                    y: position.point.y.to_pt(),
                });
            }
        }
        offset += piece.pages().len();
    }
    entries
}

/// The pieces' pages as one document, each with its page number laid over it; `None` when
/// the pieces' elements meet, since the joined document would lose some.
fn join(pieces: Vec<PagedDocument>, numbers: &PagedDocument) -> Option<PagedDocument> {
    if !apart(pieces.iter().chain([numbers])) {
        return None;
    }
    let info = pieces.first()?.info().clone();
    let mut pages = typst::ecow::EcoVec::new();
    for piece in pieces {
        pages.extend(piece.pages().iter().cloned());
    }
    for (i, (page, number)) in pages.make_mut().iter_mut().zip(numbers.pages()).enumerate() {
        page.frame.push_frame(Point::zero(), number.frame.clone());
        page.number = i as u64 + 1;
    }
    Some(PagedDocument::new(pages, info))
}

/// Whether no two pieces hold an element at the same place. One piece may: an element
/// broken across pages, or a table's header repeated, is tagged on each page it is on.
fn apart<'a>(pieces: impl Iterator<Item = &'a PagedDocument>) -> bool {
    fn places(frame: &Frame, into: &mut HashSet<Location>) {
        for (_, item) in frame.items() {
            match item {
                FrameItem::Group(group) => places(&group.frame, into),
                FrameItem::Tag(Tag::Start(element, flags))
                    if flags.introspectable || flags.tagged =>
                {
                    into.extend(element.location());
                }
                _ => {}
            }
        }
    }
    let mut seen = HashSet::new();
    for piece in pieces {
        let mut own = HashSet::new();
        for page in piece.pages() {
            places(&page.frame, &mut own);
        }
        if own.iter().any(|place| seen.contains(place)) {
            return false;
        }
        seen.extend(own);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostics;
    use crate::load::{Folder, Source};
    use crate::view::View;

    /// The report of `n` cases, each with a point and a theme, as the template reads it.
    fn report(n: usize) -> Value {
        let folder = Folder {
            report: Some(Source {
                path: "report.yaml".into(),
                text: "title: T\nmeeting_date: 2021-09-29\nmarking: OFFICIAL\n".into(),
            }),
            cases: (1..=n)
                .map(|i| Source {
                    path: format!("cases/{i}.md"),
                    text: format!("---\ncase: {i}\n---\n- Point {i} was slow. #slow\n"),
                })
                .collect(),
            ..Folder::default()
        };
        let mut diagnostics = Diagnostics::default();
        let report = crate::parse::parse(&folder, &mut diagnostics);
        let analysis = crate::analyse::analyse(&report, &mut diagnostics);
        let (data, _) = super::super::data::json(&View::new(&report, &analysis), |_| true).unwrap();
        serde_json::from_slice(&data).unwrap()
    }

    fn whole(report: &Value) -> PagedDocument {
        let world = ReportWorld::new(
            super::super::BUILT_IN.into(),
            serde_json::to_vec(report).unwrap(),
        );
        typst::compile::<PagedDocument>(&world).output.unwrap()
    }

    /// Each page's words, in the order typst placed them.
    fn words(document: &PagedDocument) -> Vec<Vec<String>> {
        fn walk(frame: &Frame, into: &mut Vec<String>) {
            for (_, item) in frame.items() {
                match item {
                    FrameItem::Group(group) => walk(&group.frame, into),
                    FrameItem::Text(text) => into.push(text.text.to_string()),
                    _ => {}
                }
            }
        }
        let pages = document.pages().iter();
        pages
            .map(|page| {
                let mut words = Vec::new();
                walk(&page.frame, &mut words);
                words
            })
            .collect()
    }

    #[test]
    fn a_report_laid_out_in_pieces_reads_as_the_whole_one_with_its_pages_numbered() {
        let report = report(5);
        let whole = whole(&report);
        let Ok(joined) = lay_out(super::super::BUILT_IN, &report, 2) else {
            panic!("the pieces were not joined");
        };
        let total = joined.pages().len();
        // Three runs of cases: at most two more page breaks than the whole report has.
        assert!((whole.pages().len()..=whole.pages().len() + 2).contains(&total));
        let pages = words(&joined);
        for (i, page) in pages.iter().enumerate() {
            let number = format!("Page {} of {total}", i + 1);
            assert_eq!(
                page.iter().filter(|w| **w == number).count(),
                1,
                "page {}: {page:?}",
                i + 1
            );
        }
        // The same words in the same order, but for the page furniture and the contents' leaders.
        let read = |pages: Vec<Vec<String>>| -> Vec<String> {
            let furniture = |w: &String| {
                // A run of cases starts a new page, with the marking at its top and bottom.
                w == "OFFICIAL"
                    || w.starts_with("Page ")
                    || w.chars()
                        .all(|c| c.is_ascii_digit() || " .\u{2060}".contains(c))
            };
            pages
                .into_iter()
                .flatten()
                .filter(|w| !furniture(w))
                .collect()
        };
        assert_eq!(read(pages), read(words(&whole)));
        assert!(
            read(words(&joined))
                .iter()
                .any(|w| w.contains("Point 5 was slow"))
        );
        // typst writes the joined pages as one tagged PDF, to PDF/UA-1.
        assert!(typst_pdf::pdf(&joined, &super::super::options()).is_ok());
    }

    #[test]
    fn the_contents_point_at_the_pages_the_sections_are_on() {
        let report = report(5);
        let Ok(joined) = lay_out(super::super::BUILT_IN, &report, 2) else {
            panic!("the pieces were not joined");
        };
        let pages = words(&joined);
        let on = |heading: &str| {
            pages
                .iter()
                .position(|p| p.iter().any(|w| w == heading))
                .unwrap()
                + 1
        };
        let contents = &pages[1];
        for heading in [
            "1.0 Background",
            "2.0 Cases",
            "3.0 Summary",
            "4.0 Observations",
        ] {
            let at = contents.iter().position(|w| w.trim() == heading);
            let number = contents[at.expect(heading)..]
                .iter()
                .map(|w| w.trim_matches([' ', '\u{2060}']))
                .find(|w| w.chars().all(|c| c.is_ascii_digit()));
            assert_eq!(number, Some(on(heading).to_string().as_str()), "{heading}");
        }
    }

    #[test]
    fn pieces_whose_elements_meet_are_not_joined() {
        let report = report(1);
        let parts = Spec {
            parts: vec!["background"],
            ..Spec::default()
        };
        let mut data = report.as_object().unwrap().clone();
        data.insert("piece".into(), serde_json::to_value(&parts).unwrap());
        let data = serde_json::to_vec(&data).unwrap();
        let template = super::super::BUILT_IN;
        let Ok(one) = compile(template, data.clone(), 2) else {
            panic!("laid out")
        };
        let Ok(again) = compile(template, data.clone(), 2) else {
            panic!("laid out")
        };
        let Ok(apart) = compile(template, data, 3) else {
            panic!("laid out")
        };
        let numbers = |pages: usize| {
            let spec = Spec {
                parts: vec!["numbers"],
                pages,
                ..Spec::default()
            };
            let mut data = report.as_object().unwrap().clone();
            data.insert("piece".into(), serde_json::to_value(&spec).unwrap());
            match compile(template, serde_json::to_vec(&data).unwrap(), 1) {
                Ok(numbers) => numbers,
                Err(_) => panic!("laid out"),
            }
        };
        let pages = one.pages().len() + again.pages().len();
        assert!(join(vec![one.clone(), again], &numbers(pages)).is_none());
        assert!(join(vec![one, apart], &numbers(pages)).is_some());
    }

    #[test]
    fn the_appendix_is_cut_between_themes_into_runs_of_about_so_many_rows() {
        let theme = |rows: usize| serde_json::json!({ "evidence": vec![0; rows], "checklist": [] });
        let themes: Vec<Value> = [300, 300, 0, 600, 10].map(theme).to_vec();
        let runs: Vec<usize> = evidence_runs(&themes).iter().map(|r| r.len()).collect();
        assert_eq!(runs, [1, 2, 1, 1]);
        // A theme the appendix leaves out never starts a run of its own.
        let runs: Vec<usize> = evidence_runs(&[600, 0, 0].map(theme))
            .iter()
            .map(|r| r.len())
            .collect();
        assert_eq!(runs, [3]);
        assert!(evidence_runs(&[theme(0), theme(0)]).is_empty());
        assert!(evidence_runs(&[]).is_empty());
    }
}
