//! members.html: the members' view, for the panel's own use when its members review on
//! their own: each member's cases, points and themes, how many of a case's reviewers
//! raised each theme, and members' own answers beside the panel's agreed one.
//!
//! It names members, so it is written only for a report whose copy still has its
//! `members:`, which a public copy never has. It is laid out like report.html (the same
//! stylesheet, marking and language), from counts made in `analyse::members`; this module
//! only words them.

use std::collections::BTreeMap;
use std::io;

use serde::Serialize;
use tera::Context;

use crate::analyse::members::{Difference, by_member, differences};
use crate::catalogue::{Labels, fill};
use crate::diagnostic::Diagnostics;
use crate::render::html::{self, css_string, page_css};
use crate::render::{Output, RenderError, Renderer, Sources, name_in};
use crate::view::View;
use crate::view::wording::answer_label;

/// The templates the page is made from.
const MEMBERS_PAGE: [&str; 4] = ["style.css", "base.html", "marking.html", "members.html"];

/// The page's renderer.
pub struct Page;

impl Renderer<Sources<'_>> for Page {
    fn file_name(&self) -> &'static str {
        "members.html"
    }

    fn check(&self, sources: Sources<'_>, diagnostics: &mut Diagnostics) {
        if is_written(sources.view) {
            let _ = html::compile(&MEMBERS_PAGE, sources.templates, diagnostics);
        }
    }

    fn render(
        &self,
        sources: Sources<'_>,
        mut out: &mut dyn Output,
        diagnostics: &mut Diagnostics,
    ) -> Result<(), RenderError> {
        let tera = html::compile(&MEMBERS_PAGE, sources.templates, diagnostics)?;
        let context = Context::from_serialize(&context(sources.view))
            .map_err(|err| io::Error::other(format!("members.html could not be made: {err}")))?;
        html::render_page(
            &tera,
            self.file_name(),
            &context,
            sources.templates,
            &mut out,
            diagnostics,
        )
    }
}

/// Whether a version of the report has a members' view: only while it names its members.
pub fn is_written(view: &View<'_>) -> bool {
    !view.report.meta.members.is_empty()
}

#[derive(Serialize)]
struct Root<'a> {
    language: &'a str,
    title: String,
    organisation: Option<&'a str>,
    marking: Option<&'a str>,
    marking_css: Option<String>,
    versions: Vec<BTreeMap<&'static str, String>>,
    labels: &'a Labels,
    words: BTreeMap<&'static str, String>,
    cover: Vec<Fact<'a>>,
    members: Vec<MemberRow>,
    agreement: Vec<AgreementRow<'a>>,
    differences: Vec<DifferenceRow>,
}

/// A fact of the cover, as report.html's: `Meeting date`, `12 March 2025`.
#[derive(Serialize)]
struct Fact<'a> {
    label: &'a str,
    value: String,
}

/// A row of the members' table.
#[derive(Serialize)]
struct MemberRow {
    name: String,
    cases: String,
    points: usize,
    themes: String,
}

/// "HCSO contact not made within 48 hours", case 2, "3 of 3 members".
#[derive(Serialize)]
struct AgreementRow<'a> {
    theme: &'a str,
    case: String,
    raised: String,
}

/// A question of a case, members' answers beside the panel's.
#[derive(Serialize)]
struct DifferenceRow {
    case: String,
    question: String,
    /// "Appropriate: 1 of 2 members (Alice Jones)", one per answer given.
    given: Vec<String>,
    agreed: String,
}

fn context<'a>(view: &'a View<'a>) -> Root<'a> {
    let report = view.report;
    let meta = &report.meta;
    let l = view.labels;
    let name = |id: &str| {
        meta.members
            .iter()
            .find(|m| m.id.value == id)
            .map_or_else(|| id.to_string(), |m| m.name.clone())
    };
    let (members, agreement) = by_member(report, view.analysis);
    let members = members
        .iter()
        .map(|m| MemberRow {
            name: m.name.to_string(),
            cases: match m.reviewed.is_empty() {
                true => l.no_case_yet.clone(),
                false => m.reviewed.join(", "),
            },
            points: m.points,
            themes: m
                .themes
                .iter()
                .map(|t| view.theme_label(t))
                .collect::<Vec<_>>()
                .join("; "),
        })
        .collect();
    let agreement = agreement
        .iter()
        .map(|a| AgreementRow {
            theme: view.theme_label(a.theme),
            case: a.case.clone(),
            raised: members_of(l, a.raised, a.reviewed),
        })
        .collect();
    let found = differences(report);
    let judgements = found.judgements.iter().map(|d| {
        let kind = d.case.kind();
        row(d, &l.col_judgement, l, &name, |id| {
            view.judgement_label_of(kind, id).to_string()
        })
    });
    let checks = found.checks.iter().map(|d| {
        let question = view.check_label(d.check.unwrap_or_default());
        row(d, question, l, &name, |a| answer_label(l, a).to_string())
    });
    let versions = view
        .other_versions()
        .into_iter()
        .map(|(code, text)| {
            BTreeMap::from([
                ("href", name_in("members.html", code, &meta.languages)),
                ("lang", code.to_string()),
                ("text", text.to_string()),
            ])
        })
        .collect();
    Root {
        language: view.language,
        title: view.title().text.to_string(),
        organisation: view.organisation().map(|o| o.text),
        marking: meta.marking.as_deref(),
        marking_css: meta.marking.as_deref().map(css_string),
        versions,
        labels: l,
        words: BTreeMap::from([("page_css", page_css(l))]),
        cover: view
            .title_facts()
            .into_iter()
            .map(|(label, value)| Fact { label, value })
            .collect(),
        members,
        agreement,
        differences: judgements.chain(checks).collect(),
    }
}

/// One difference as a row, its answers worded by `label`.
fn row<T: Copy>(
    d: &Difference<'_, T>,
    question: &str,
    l: &Labels,
    name: &dyn Fn(&str) -> String,
    label: impl Fn(T) -> String,
) -> DifferenceRow {
    let answered = d.answered();
    DifferenceRow {
        case: d.case.id(),
        question: question.to_string(),
        given: d
            .given
            .iter()
            .map(|(answer, members)| {
                let names: Vec<String> = members.iter().map(|m| name(m)).collect();
                format!(
                    "{}: {} ({})",
                    label(*answer),
                    members_of(l, members.len(), answered),
                    names.join(", ")
                )
            })
            .collect(),
        agreed: d.agreed.map_or_else(|| l.not_recorded.clone(), label),
    }
}

/// `3 of 3 members`.
fn members_of(l: &Labels, count: usize, total: usize) -> String {
    let template = match total {
        1 => &l.members_of_one,
        _ => &l.members_of_many,
    };
    fill(
        template,
        &[("count", &count.to_string()), ("total", &total.to_string())],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page() -> String {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/members");
        let checked = crate::check(&dir);
        let view = View::new(&checked.report, &checked.analysis);
        let mut out = std::io::Cursor::new(Vec::new());
        let mut diagnostics = Diagnostics::default();
        Page.render(checked.sources(&view), &mut out, &mut diagnostics)
            .unwrap();
        assert!(!diagnostics.has_errors());
        String::from_utf8(out.into_inner()).unwrap()
    }

    /// The page from its body on: the stylesheet is report.html's, snapshotted there.
    fn body(html: &str) -> &str {
        html.find("<body>").map_or(html, |at| &html[at..])
    }

    #[test]
    fn the_members_view_of_the_fixture() {
        let html = page();
        assert!(html.contains(".members td ul"), "its own style is inlined");
        insta::assert_snapshot!(body(&html));
    }

    #[test]
    fn a_view_names_members_only_while_they_are_listed() {
        let mut report = crate::model::Report::default();
        let analysis = crate::analyse::Analysis::default();
        assert!(!is_written(&View::new(&report, &analysis)));
        report.meta.members.push(crate::model::Member {
            id: crate::model::Located {
                value: "alice".into(),
                loc: crate::diagnostic::Loc::START,
                source: crate::diagnostic::SourceId::new("report.yaml"),
            },
            name: "Alice Jones".into(),
        });
        assert!(is_written(&View::new(&report, &analysis)));
    }
}
