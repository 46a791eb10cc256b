//! report.html: one self-contained page, laid out by a Tera template.
//!
//! Rust prepares a view of the report (every fragment of user text already escaped or
//! sanitised, every count already worked out) and the template only arranges it. The
//! built-in templates are compiled into the binary; a file of the same name in the report
//! folder's templates/ replaces one, so a panel can restyle the page without a rebuild. A
//! mistake in such a template is reported at its file and line like any other input.

use std::io::{self, Write};

use serde::Serialize;
use tera::{Context, Tera};

use crate::analyse::{Analysis, EvidenceSource};
use crate::diagnostic::{Diagnostic, Diagnostics, Loc};
use crate::load::TemplateFile;
use crate::model::{Answer, Case, Report, Status, plain_text};
use crate::render::markup::{blocks_html, inlines_html, point_anchor};
use crate::render::text::{answer_label, case_list, count_note, long_date, share, strand_label};
use crate::render::{RenderError, Sources};

/// The built-in templates, by the file name that overrides each.
/// Included templates come first: Tera checks includes as each template is added.
pub const BUILT_IN: [(&str, &str); 2] = [
    ("style.css", include_str!("../../templates/style.css")),
    ("report.html", include_str!("../../templates/report.html")),
];

#[derive(Serialize)]
struct View {
    title: String,
    meeting_date: String,
    meeting_date_iso: String,
    panel: Option<String>,
    organisation: Option<String>,
    force: Option<String>,
    marking: Option<String>,
    /// The marking as the text of a CSS string, for the printed page's margins.
    marking_css: Option<String>,
    language: String,
    total_cases: usize,
    background: Option<String>,
    cases: Vec<CaseView>,
    themes: Vec<ThemeView>,
    chart_height: usize,
    summary: Option<String>,
    judgements: Vec<CountView>,
    unjudged: String,
    checks: Vec<CheckView>,
    matrix: Vec<MatrixRow>,
    observations: Vec<ObservationView>,
    closing: Option<String>,
}

#[derive(Serialize)]
struct CaseView {
    number: u32,
    anchor: String,
    title: Option<String>,
    recorded_as: Option<String>,
    strands: String,
    risk: Option<String>,
    judgement: Option<String>,
    themes: Vec<Chip>,
    sections: Vec<SectionView>,
}

#[derive(Serialize)]
struct SectionView {
    heading: Option<String>,
    body: String,
}

#[derive(Serialize)]
struct Chip {
    id: String,
    label: String,
}

#[derive(Serialize)]
struct ThemeView {
    id: String,
    label: String,
    sentence: String,
    count: usize,
    share: u32,
    cases: Vec<CaseLink>,
    note: String,
    evidence: Vec<EvidenceView>,
    /// Bar length as a share of the chart's bar area, 0–100.
    bar: f64,
    y: usize,
}

#[derive(Serialize)]
struct CaseLink {
    number: u32,
    anchor: String,
}

#[derive(Serialize)]
struct EvidenceView {
    case: u32,
    anchor: String,
    location: String,
    source: &'static str,
    rule: String,
    text: String,
}

#[derive(Serialize)]
struct CountView {
    label: String,
    count: usize,
    share: u32,
    cases: String,
}

#[derive(Serialize)]
struct CheckView {
    id: String,
    label: String,
    /// Counts per answer, such as `Yes 10 · No 3`.
    answers: Vec<CountView>,
    unanswered: usize,
}

#[derive(Serialize)]
struct MatrixRow {
    number: u32,
    anchor: String,
    cells: Vec<Cell>,
}

#[derive(Serialize)]
struct Cell {
    text: &'static str,
    class: &'static str,
}

#[derive(Serialize)]
struct ObservationView {
    number: usize,
    observation: String,
    response: Option<String>,
    status: &'static str,
    status_id: &'static str,
    themes: Vec<Chip>,
    cases: Vec<CaseLink>,
}

const BAR_ROW: usize = 28;

/// Renders the page into `out`, or reports why a user template could not be used.
pub fn render(
    sources: Sources<'_>,
    out: &mut impl Write,
    diagnostics: &mut Diagnostics,
) -> Result<(), RenderError> {
    let mut tera = Tera::new();
    for (name, built_in) in BUILT_IN {
        let user = sources.templates.iter().find(|t| t.name == name);
        let (source, shown) = match user {
            Some(file) => (template_text(file, diagnostics)?, file.path.clone()),
            None => (built_in.to_string(), format!("(built-in) templates/{name}")),
        };
        if let Err(err) = tera.add_raw_template(name, &source) {
            diagnostics.push(template_error(&shown, &source, &err));
            return Err(RenderError::Reported);
        }
    }
    let context = Context::from_serialize(&view(sources.report, sources.analysis))
        .map_err(|err| io::Error::other(format!("the page's data could not be prepared: {err}")))?;
    match tera.render_to("report.html", &context, out) {
        Ok(()) => Ok(()),
        Err(err) => {
            if let tera::ErrorKind::Io(kind) = err.kind() {
                return Err(RenderError::Io(io::Error::new(*kind, err.to_string())));
            }
            let (shown, source) = sources
                .templates
                .iter()
                .find(|t| t.name == error_file(&err).unwrap_or("report.html"))
                .map(|t| {
                    (
                        t.path.clone(),
                        String::from_utf8_lossy(&t.bytes).into_owned(),
                    )
                })
                .unwrap_or_else(|| ("(built-in) templates/report.html".into(), String::new()));
            diagnostics.push(template_error(&shown, &source, &err));
            Err(RenderError::Reported)
        }
    }
}

/// A user template's text, with a byte-order mark and Windows line endings removed so
/// that Tera's line numbers match what an editor shows.
fn template_text(
    file: &TemplateFile,
    diagnostics: &mut Diagnostics,
) -> Result<String, RenderError> {
    let bytes = file
        .bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(&file.bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.replace("\r\n", "\n")),
        Err(_) => {
            diagnostics.push(
                Diagnostic::error(&file.path, Loc::START, "this template is not UTF-8 text")
                    .hint("save the template as UTF-8 text"),
            );
            Err(RenderError::Reported)
        }
    }
}

fn error_file(err: &tera::Error) -> Option<&str> {
    match err.kind() {
        tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => {
            Some(report.filename())
        }
        _ => None,
    }
}

fn template_error(file: &str, source: &str, err: &tera::Error) -> Diagnostic {
    let (loc, message) = match err.kind() {
        tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => {
            let span = report.span();
            (
                Loc::new(span.start_line.max(1), span.start_col + 1),
                report.message().to_string(),
            )
        }
        _ => (Loc::START, err.to_string()),
    };
    let mut diagnostic = Diagnostic::error(file, loc, format!("template error: {message}"))
        .hint("fix the template, or delete it to use the built-in one; variables are listed in the README");
    diagnostic.source_line = source.lines().nth(loc.line - 1).map(str::to_string);
    diagnostic
}

fn view(report: &Report, analysis: &Analysis) -> View {
    let meta = &report.meta;
    let total = analysis.total_cases;
    let label_of = |id: &str| {
        analysis
            .themes
            .iter()
            .find(|t| t.id == id)
            .map_or_else(|| id.to_string(), |t| t.label.clone())
    };
    let links = |cases: &[u32]| {
        cases
            .iter()
            .map(|&n| CaseLink {
                number: n,
                anchor: format!("case-{n}"),
            })
            .collect()
    };
    let themes = analysis
        .themes
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let max = analysis
                .themes
                .iter()
                .map(|t| t.count())
                .max()
                .unwrap_or(0)
                .max(1);
            let sentence = t.summary.clone().unwrap_or_else(|| format!("{}.", t.label));
            ThemeView {
                id: t.id.clone(),
                label: t.label.clone(),
                sentence: sentence.trim_end().to_string(),
                count: t.count(),
                share: share(t.count(), total),
                cases: links(&t.cases),
                note: count_note(&t.cases, total),
                evidence: t
                    .evidence
                    .iter()
                    .map(|e| EvidenceView {
                        case: e.case,
                        anchor: e.point.map_or_else(
                            || format!("case-{}", e.case),
                            |p| point_anchor(e.case, p),
                        ),
                        location: format!("{}:{}", e.file, e.line),
                        source: e.source.id(),
                        rule: match e.source {
                            EvidenceSource::Tag | EvidenceSource::FrontMatter => e.rule.clone(),
                            EvidenceSource::Check | EvidenceSource::Field => {
                                format!("{} is {}", e.rule, e.text)
                            }
                            EvidenceSource::Phrase => format!("“{}”", e.rule),
                        },
                        text: match e.source {
                            EvidenceSource::Check => check_label(report, &e.rule),
                            _ => e.text.clone(),
                        },
                    })
                    .collect(),
                bar: (t.count() as f64 / max as f64 * 100.0 * 10.0).round() / 10.0,
                y: i * BAR_ROW,
            }
        })
        .collect::<Vec<_>>();
    View {
        title: meta.title.clone(),
        meeting_date: long_date(&meta.meeting_date),
        meeting_date_iso: meta.meeting_date.clone(),
        panel: meta.panel.clone(),
        organisation: meta.organisation.clone(),
        force: meta.force.clone(),
        marking: meta.marking.clone(),
        marking_css: meta.marking.as_deref().map(css_string),
        language: meta.language.clone(),
        total_cases: total,
        background: report
            .background
            .as_ref()
            .map(|d| blocks_html(&d.blocks, None)),
        cases: report
            .cases
            .iter()
            .zip(&analysis.case_themes)
            .map(|(case, ids)| case_view(report, case, ids, &label_of))
            .collect(),
        chart_height: themes.len() * BAR_ROW,
        themes,
        summary: report
            .summary
            .as_ref()
            .map(|d| blocks_html(&d.blocks, None)),
        judgements: analysis
            .judgements
            .iter()
            .map(|j| CountView {
                label: j.label.clone(),
                count: j.cases.len(),
                share: share(j.cases.len(), total),
                cases: case_list(&j.cases),
            })
            .collect(),
        unjudged: case_list(&analysis.unjudged),
        checks: analysis
            .checks
            .iter()
            .map(|c| CheckView {
                id: c.id.clone(),
                label: c.label.clone(),
                answers: c
                    .answers
                    .iter()
                    .map(|(a, cases)| CountView {
                        label: answer_label(*a).to_string(),
                        count: cases.len(),
                        share: share(cases.len(), total),
                        cases: case_list(cases),
                    })
                    .collect(),
                unanswered: c.unanswered.len(),
            })
            .collect(),
        matrix: report
            .cases
            .iter()
            .map(|case| MatrixRow {
                number: case.number,
                anchor: format!("case-{}", case.number),
                cells: meta
                    .checks
                    .iter()
                    .map(
                        |check| match case.checks.iter().find(|a| a.id == check.id) {
                            Some(a) => Cell {
                                text: answer_label(a.answer),
                                class: answer_class(a.answer),
                            },
                            None => Cell {
                                text: "–",
                                class: "none",
                            },
                        },
                    )
                    .collect(),
            })
            .collect(),
        observations: report
            .observations
            .iter()
            .zip(&analysis.observation_cases)
            .enumerate()
            .map(|(i, (o, cases))| ObservationView {
                number: i + 1,
                observation: blocks_html(&o.observation, None),
                response: (!o.response.is_empty()).then(|| blocks_html(&o.response, None)),
                status: match o.status {
                    Status::AwaitingResponse => "Awaiting response",
                    Status::Responded => "Responded",
                    Status::Closed => "Closed",
                },
                status_id: o.status.id(),
                themes: o
                    .themes
                    .iter()
                    .map(|t| Chip {
                        id: t.value.clone(),
                        label: label_of(&t.value),
                    })
                    .collect(),
                cases: links(cases),
            })
            .collect(),
        closing: report
            .closing
            .as_ref()
            .map(|d| blocks_html(&d.blocks, None)),
    }
}

/// Text made safe inside a double-quoted CSS string within a `<style>` element.
fn css_string(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || c == ' ' || c == '-' || c == '_' {
            out.push(c);
        } else {
            out.push_str(&format!("\\{:x} ", c as u32));
        }
    }
    out
}

fn check_label(report: &Report, id: &str) -> String {
    report
        .meta
        .checks
        .iter()
        .find(|c| c.id == id)
        .map_or_else(|| id.to_string(), |c| c.label.clone())
}

fn case_view(
    report: &Report,
    case: &Case,
    theme_ids: &[String],
    label_of: &dyn Fn(&str) -> String,
) -> CaseView {
    CaseView {
        number: case.number,
        anchor: format!("case-{}", case.number),
        title: case.title.clone(),
        recorded_as: case.recorded_as.clone(),
        strands: case
            .strands
            .iter()
            .map(|s| strand_label(s))
            .collect::<Vec<_>>()
            .join(", "),
        risk: case.risk.as_deref().map(strand_label),
        judgement: case.judgement.as_ref().map(|j| {
            report
                .meta
                .judgements
                .iter()
                .find(|c| c.id == j.value)
                .map_or_else(|| j.value.clone(), |c| c.label.clone())
        }),
        themes: theme_ids
            .iter()
            .map(|id| Chip {
                id: id.clone(),
                label: label_of(id),
            })
            .collect(),
        sections: case
            .sections
            .iter()
            .map(|s| SectionView {
                heading: s.heading.as_ref().map(|h| {
                    if plain_text(h).is_empty() {
                        String::new()
                    } else {
                        inlines_html(h)
                    }
                }),
                body: blocks_html(&s.blocks, Some(case.number)),
            })
            .collect(),
    }
}

fn answer_class(answer: Answer) -> &'static str {
    match answer {
        Answer::Yes => "yes",
        Answer::Partial => "partial",
        Answer::No => "no",
        Answer::Unclear => "unclear",
        Answer::Split => "split",
        Answer::NotApplicable => "na",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{Folder, Source};

    fn checked() -> (Report, Analysis) {
        let folder = Folder {
            report: Some(Source {
                path: "report.yaml".into(),
                text: "title: T & Co\nmeeting_date: 2021-09-29\nmarking: OFFICIAL\n".into(),
            }),
            cases: vec![Source {
                path: "cases/a.md".into(),
                text: "---\ncase: 1\n---\n- A point. #slow\n".into(),
            }],
            ..Folder::default()
        };
        let mut diagnostics = Diagnostics::default();
        let report = crate::parse::parse(&folder, &mut diagnostics);
        let analysis = crate::analyse::analyse(&report, &mut diagnostics);
        (report, analysis)
    }

    fn sources<'a>(
        report: &'a Report,
        analysis: &'a Analysis,
        templates: &'a [TemplateFile],
    ) -> Sources<'a> {
        Sources {
            report,
            analysis,
            templates,
            word_template: None,
        }
    }

    #[test]
    fn a_user_template_may_start_with_a_byte_order_mark_and_use_crlf() {
        let (report, analysis) = checked();
        let mut diagnostics = Diagnostics::default();
        let user = [template("report.html", "\u{feff}<p>{{ title }}</p>\r\n")];
        let mut html = Vec::new();
        render(
            sources(&report, &analysis, &user),
            &mut html,
            &mut diagnostics,
        )
        .unwrap();
        assert_eq!(String::from_utf8(html).unwrap(), "<p>T &amp; Co</p>\n");
    }

    fn template(name: &str, text: &str) -> TemplateFile {
        TemplateFile {
            name: name.into(),
            path: format!("templates/{name}"),
            bytes: text.as_bytes().to_vec(),
        }
    }

    #[test]
    fn a_user_template_replaces_the_built_in_one_by_name() {
        let (report, analysis) = checked();
        let mut diagnostics = Diagnostics::default();
        let user = [template(
            "report.html",
            "<h1>{{ title }}</h1>{% for t in themes %}{{ t.label }}={{ t.note }}{% endfor %}",
        )];
        let mut html = Vec::new();
        render(
            sources(&report, &analysis, &user),
            &mut html,
            &mut diagnostics,
        )
        .unwrap();
        assert_eq!(html, b"<h1>T &amp; Co</h1>slow=(1 of 1 case: 1)");
    }

    #[test]
    fn a_broken_user_template_is_reported_at_its_line() {
        let (report, analysis) = checked();
        let mut diagnostics = Diagnostics::default();
        let user = [template("style.css", "body {}\n{% if %}\n")];
        let result = render(
            sources(&report, &analysis, &user),
            &mut Vec::new(),
            &mut diagnostics,
        );
        assert!(matches!(result, Err(RenderError::Reported)));
        let found = diagnostics.sorted();
        assert_eq!(
            (found[0].file.as_str(), found[0].loc.line),
            ("templates/style.css", 2)
        );
        assert_eq!(found[0].source_line.as_deref(), Some("{% if %}"));
    }

    #[test]
    fn markings_are_safe_inside_css_strings() {
        assert_eq!(css_string("OFFICIAL-SENSITIVE"), "OFFICIAL-SENSITIVE");
        assert_eq!(
            css_string("a\"}</style>"),
            "a\\22 \\7d \\3c \\2f style\\3e "
        );
    }
}
