//! A member's pack as a Word document: a first page saying in plain words what to do,
//! then each case with its facts, its agreed points, a drop-down per check and one for
//! the judgement, and a grey box under each usual heading holding the member's points.
//!
//! Only the boxes and the drop-downs are read back, so each is named by bookmarks from
//! its case and heading ([`crate::office::names::pack_key`]): LibreOffice 7.4 keeps
//! bookmarks and drop-downs but drops the controls' tags, and keeps only the first
//! paragraph of a rich-text control, so a box is a grey table cell between two
//! bookmarks, never a control. An empty box shows a prompt as plain text, which
//! `collect` passes over.

use std::io::{self, Seek, Write};

use super::Manifest;
use super::folder::{self, Folder};
use crate::catalogue::{Labels, fill};
use crate::model::{Answer, Block, Case, Choice, Inline, Item, Meta};
use crate::office::names::{
    BOX_END_MARK, BOX_MARK, PACK, PACK_PROPERTY, PACK_TAG, PICK_MARK, mark_name, pack_key,
};
use crate::render::docx::blocks::{Place, blocks};
use crate::render::docx::body::{Body, Fmt, Para};
use crate::render::docx::controls::mark;
use crate::render::docx::styles::MUTED;
use crate::render::docx::tables::{self, Cell, Look, split};
use crate::view::View;
use crate::view::wording::{answer_label, long_date};

/// The grey of a box the member writes in.
pub const BOX_FILL: &str = "EDEDED";
/// What a drop-down's "not answered" entry is worth: no answer.
pub const NOT_ANSWERED: &str = "-";

/// Writes `member`'s pack of the cases `view` shows (the copy its facts come from) to
/// `out`; `folder` gives the member's own points and answers.
pub fn write(
    folder: &Folder,
    view: &View<'_>,
    manifest: &Manifest,
    out: &mut (impl Write + Seek),
) -> io::Result<()> {
    let meta = &folder.checked.report.meta;
    let properties = [(PACK_PROPERTY, manifest.to_json())];
    crate::render::docx::own_document(
        meta,
        view.labels,
        &meta.language,
        Some(PACK),
        &properties,
        out,
        |body| {
            first_page(meta, &manifest.member, body);
            let mut marks = 0;
            for id in &manifest.cases {
                let Some(index) = view.report.cases.iter().position(|c| c.id() == *id) else {
                    continue;
                };
                let own = folder.case(id);
                case(view, index, own, manifest, &mut marks, body);
            }
            // LibreOffice drops a bookmark in the document's last paragraph, which
            // would otherwise hold the last box's end.
            let l = view.labels;
            body.paragraph(
                Para {
                    before: Some(480),
                    ..Para::default()
                },
                &l.pack_return,
                Fmt::MUTED,
            );
        },
    )
}

/// The member's name from `members:`, or their id.
pub fn member_name<'a>(meta: &'a Meta, member: &'a str) -> &'a str {
    meta.members
        .iter()
        .find(|m| m.id.value == member)
        .map_or(member, |m| m.name.as_str())
}

/// The first page: whose pack it is and what to do, in each of the report's languages.
fn first_page(meta: &Meta, member: &str, body: &mut Body) {
    let name = member_name(meta, member);
    let mut languages = vec![meta.language.as_str()];
    languages.extend(
        meta.languages
            .iter()
            .map(String::as_str)
            .filter(|l| *l != meta.language),
    );
    for (i, code) in languages.iter().enumerate() {
        let l = meta.labels(code);
        let lang = (i > 0).then(|| crate::render::docx::word_language(code));
        body.in_language(lang, |body| {
            body.open_p(Para {
                before: Some(if i == 0 { 1200 } else { 480 }),
                ..Para::style("Title")
            });
            body.run(&fill(&l.pack_title, &[("member", name)]), Fmt::PLAIN);
            body.close_p();
            body.paragraph(Para::style("Subtitle"), &meta.title, Fmt::PLAIN);
            let date = long_date(l, &meta.meeting_date);
            let mut lines = vec![fill(&l.pack_intro, &[("date", &date)]), l.pack_how.clone()];
            if let Some(due) = &meta.packs_due {
                lines.push(fill(&l.pack_due, &[("date", &long_date(l, due))]));
            }
            lines.push(l.pack_return.clone());
            for line in &lines {
                body.paragraph(Para::default(), line, Fmt::PLAIN);
            }
            body.paragraph(Para::default(), &l.pack_read_back, Fmt::BOLD);
        });
    }
}

/// One case: its heading on a new page, its facts, the drop-downs and the boxes.
fn case(
    view: &View<'_>,
    index: usize,
    own: Option<&Case>,
    manifest: &Manifest,
    marks: &mut u32,
    body: &mut Body,
) {
    let shown = view.case(index);
    let case = shown.case;
    let id = case.id();
    body.heading(2, &shown.heading, true);
    facts(view, case, body);
    let review = own.and_then(|c| c.reviews.iter().find(|r| r.member == manifest.member));
    let l = view.labels;
    body.heading(3, &l.pack_your_answers, false);
    let meta = &view.report.meta;
    let mut picks: Vec<Pick> = meta
        .checks
        .iter()
        .filter(|c| meta.asks(case.kind(), &c.id))
        .map(|check| {
            let given = review
                .and_then(|r| r.checks.iter().find(|a| a.id == check.id))
                .map(|a| a.answer);
            Pick {
                label: view.tr(&check.label, &check.label_in).text.to_string(),
                key: pack_key(&id, &format!("check:{}", check.id)),
                choices: Answer::ALL
                    .iter()
                    .map(|a| (a.id().to_string(), answer_label(l, *a).to_string()))
                    .collect(),
                chosen: given.map(|a| a.id().to_string()),
            }
        })
        .collect();
    let scale: &[Choice] = meta.judgement_scale(case.kind());
    picks.push(Pick {
        label: l.pack_judgement.clone(),
        key: pack_key(&id, "judgement"),
        choices: scale
            .iter()
            .map(|c| {
                (
                    c.id.clone(),
                    view.tr(&c.label, &c.label_in).text.to_string(),
                )
            })
            .collect(),
        chosen: review
            .and_then(|r| r.judgement.as_ref())
            .map(|j| j.value.clone()),
    });
    drop_downs(&picks, l, marks, body);
    for heading in &manifest.headings {
        body.heading(3, heading, false);
        let agreed = own
            .map(|c| points_under(c, heading, None))
            .unwrap_or_default();
        if !agreed.is_empty() {
            body.paragraph(Para::default(), &l.pack_agreed, Fmt::MUTED);
            blocks(body, &agreed, Place::BODY);
        }
        let points = own
            .map(|c| points_under(c, heading, Some(&manifest.member)))
            .unwrap_or_default();
        grey_box(&pack_key(&id, heading), &points, l, marks, body);
    }
}

/// The case's own fields as the copy shows them, in the order its front matter gives
/// them, on one line.
fn facts(view: &View<'_>, case: &Case, body: &mut Body) {
    let mut lines: Vec<&(String, usize)> = case.key_lines.iter().collect();
    lines.sort_by_key(|(_, line)| *line);
    let shown: Vec<(String, String)> = lines
        .iter()
        .map(|(field, _)| field.as_str())
        .filter(|f| !crate::parse::case::KEYS.contains(f))
        .filter_map(|f| Some((view.field_label(f), view.field_value(case, f)?)))
        .collect();
    if shown.is_empty() {
        return;
    }
    body.open_p(Para {
        keep_next: true,
        ..Para::style("CaseFacts")
    });
    for (i, (label, value)) in shown.iter().enumerate() {
        if i > 0 {
            body.run("     ", Fmt::PLAIN);
        }
        let muted = Fmt {
            color: Some(MUTED),
            ..Fmt::PLAIN
        };
        body.run(&format!("{label}: "), muted);
        body.run(value, Fmt::BOLD);
    }
    body.close_p();
}

/// The list items under `heading` in `case` written by `member`, or agreed in case.md
/// when `member` is `None`, as one list.
pub fn points_under(case: &Case, heading: &str, member: Option<&str>) -> Vec<Block> {
    let normal = crate::parse::normalise(heading);
    let mut items: Vec<Item> = Vec::new();
    let mut ordered = None;
    for section in &case.sections {
        let same =
            folder::heading_text(section).is_some_and(|h| crate::parse::normalise(&h) == normal);
        if !same {
            continue;
        }
        for block in &section.blocks {
            let Block::List { start, items: list } = block else {
                continue;
            };
            for item in list {
                let whose = item
                    .point
                    .and_then(|p| case.points.get(p))
                    .map(|p| p.member.as_deref());
                if whose == Some(member) {
                    ordered.get_or_insert(*start);
                    items.push(match member {
                        Some(_) => with_tags(case, item),
                        None => item.clone(),
                    });
                }
            }
        }
    }
    if items.is_empty() {
        return Vec::new();
    }
    vec![Block::List {
        start: ordered.flatten(),
        items,
    }]
}

/// `item` with its point's tags typed back after its text, as the member wrote them,
/// since parsing took them out of the text and collecting must find them again.
fn with_tags(case: &Case, item: &Item) -> Item {
    let mut item = item.clone();
    let tags = item
        .point
        .and_then(|p| case.points.get(p))
        .map(|p| {
            p.tags
                .iter()
                .map(|t| format!(" #{}", t.value))
                .collect::<String>()
        })
        .unwrap_or_default();
    if tags.is_empty() {
        return item;
    }
    match item.blocks.first_mut() {
        Some(Block::Paragraph(content)) => content.push(Inline::Text(tags)),
        _ => item.blocks.insert(
            0,
            Block::Paragraph(vec![Inline::Text(tags.trim_start().to_string())]),
        ),
    }
    item
}

/// A drop-down the member chooses from.
struct Pick {
    label: String,
    key: String,
    /// Each answer's id and its words.
    choices: Vec<(String, String)>,
    chosen: Option<String>,
}

/// The case's drop-downs, a row each: the question, then its drop-down.
fn drop_downs(picks: &[Pick], l: &Labels, marks: &mut u32, body: &mut Body) {
    let widths = split(body.text_width(), &[60, 40]);
    tables::open(body, &widths, Look::Plain, 0);
    for (i, pick) in picks.iter().enumerate() {
        tables::keep_row(body, i, picks.len());
        tables::open_row(body, false, None);
        tables::text_cell(body, widths[0], Cell::BODY, &pick.label, None);
        tables::cell(body, widths[1], Cell::BODY, |body| {
            body.open_p(Para::style("TableText"));
            *marks += 1;
            mark(body, *marks, &mark_name(PICK_MARK, &pick.key));
            drop_down(pick, l, body);
            body.close_p();
        });
        tables::close_row(body);
    }
    tables::close(body);
}

/// An inline drop-down content control showing the chosen answer, or "not answered".
fn drop_down(pick: &Pick, l: &Labels, body: &mut Body) {
    let shown = pick
        .chosen
        .as_ref()
        .and_then(|id| pick.choices.iter().find(|(c, _)| c == id))
        .map_or(l.pack_not_answered.as_str(), |(_, words)| words.as_str());
    let xml = &mut body.xml;
    xml.open("w:sdt", &[])
        .open("w:sdtPr", &[])
        .val("w:alias", &pick.label)
        .val(
            "w:tag",
            format!("{PACK_TAG}{}", pick.key.replace('\n', "/")),
        )
        .val("w:lock", "sdtLocked")
        .open("w:dropDownList", &[]);
    let not_answered = (NOT_ANSWERED.to_string(), l.pack_not_answered.clone());
    for (value, words) in std::iter::once(&not_answered).chain(&pick.choices) {
        xml.empty(
            "w:listItem",
            &[("w:displayText", words), ("w:value", value)],
        );
    }
    xml.close("w:dropDownList")
        .close("w:sdtPr")
        .open("w:sdtContent", &[]);
    body.run(shown, Fmt::BOLD);
    body.xml.close("w:sdtContent").close("w:sdt");
}

/// A grey box for the member's points under a heading, between its two bookmarks, with
/// `points` in it or the prompt.
fn grey_box(key: &str, points: &[Block], l: &Labels, marks: &mut u32, body: &mut Body) {
    let boundary = |body: &mut Body, marks: &mut u32, kind: &str| {
        body.open_p(Para {
            before: Some(0),
            after: Some(0),
            ..Para::default()
        });
        *marks += 1;
        mark(body, *marks, &mark_name(kind, key));
        body.close_p();
    };
    boundary(body, marks, BOX_MARK);
    let width = body.text_width();
    tables::open(body, &[width], Look::Plain, 0);
    tables::open_splittable_row(body);
    let boxed = Cell {
        fill: Some(BOX_FILL),
        borders: Some(BORDERS),
        ..Cell::BODY
    };
    tables::cell(body, width, boxed, |body| {
        if points.is_empty() {
            body.paragraph(
                Para::style("TableText"),
                &l.pack_prompt,
                // Grey but not italic: Word types over a prompt in its format, and
                // italic would come back as Markdown.
                Fmt {
                    color: Some(MUTED),
                    ..Fmt::PLAIN
                },
            );
        } else {
            blocks(body, points, Place::cell(width));
        }
    });
    tables::close_row(body);
    tables::close(body);
    boundary(body, marks, BOX_END_MARK);
}

/// A thin grey rule round a box, so that it shows on a page printed without its ground.
const BORDERS: &str = concat!(
    r#"<w:top w:val="single" w:sz="4" w:space="0" w:color="B1B4B6"/>"#,
    r#"<w:left w:val="single" w:sz="4" w:space="0" w:color="B1B4B6"/>"#,
    r#"<w:bottom w:val="single" w:sz="4" w:space="0" w:color="B1B4B6"/>"#,
    r#"<w:right w:val="single" w:sz="4" w:space="0" w:color="B1B4B6"/>"#,
);
