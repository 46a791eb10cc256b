//! The report as a reader sees it: one view, built from the model and its analysis, that
//! every renderer lays out.
//!
//! What the HTML page, the Word document and later formats must agree on is decided here
//! once: the sections and their numbers, the order of the themes (concerns, then good
//! practice), each count's share (shares of one whole rounded so that they add up), the
//! evidence behind each theme in a reader's words with each point once, a case's facts
//! box and checklist answers, and each observation's number and cases. The view borrows
//! the model and works out per-case records only when asked, so a 20,000-case report is
//! never held twice. Renderers read nothing else: every label, share and judgement they
//! print comes from here, in the version's language, with [`wording`] putting the
//! catalogue's words together.

mod breakdown;
mod carried;
mod evidence;
mod facts;
mod figure;
mod follow;
mod groups;
pub mod language;
mod names;
mod notes;
mod scales;
mod shares;
mod swatch;
pub mod trends;
pub mod wording;

use crate::analyse::{Analysis, CheckTally, Tally};
use crate::catalogue::Labels;
use crate::model::{Answer, Case, CaseKey, Choice, Observation, Report, ThemeKind};

pub use breakdown::{BreakdownView, PairView};
pub use carried::Carried;
pub use evidence::{ChecklistReading, Reading};
pub use facts::{FactColumn, ShownFact, field_text};
pub use figure::{Figure, Suppression, too_small};
pub use follow::FollowUpView;
pub use groups::CaseGroup;
pub use language::{CaseBody, PointLangs, Shown};
pub use names::CaseNames;
pub use notes::{CaseAnswer, MatrixNote, mark_of, superscript};
pub use scales::TypeScale;
use shares::fraction;
pub use shares::{largest_remainder, share};
pub use swatch::Swatch;

/// One numbered section of the report.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Section {
    /// `3.2`.
    pub number: String,
    pub title: String,
    pub anchor: &'static str,
}

impl Section {
    /// `3.2 Theme tally`.
    pub fn heading(&self) -> String {
        format!("{} {}", self.number, self.title)
    }
}

/// The report's sections in order, each with its sub-sections.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outline {
    pub background: Section,
    pub cases: Section,
    pub summary: Section,
    pub themes_found: Section,
    pub tally: Section,
    pub judgements: Section,
    /// Only when report.yaml has `checks:`.
    pub checklist: Option<Section>,
    pub observations: Section,
    /// Only in an archive, when observations of earlier meetings were open.
    pub follow_up: Option<Section>,
    /// Only when there are closing remarks.
    pub closing: Option<Section>,
}

impl Outline {
    fn new(report: &Report, analysis: &Analysis, l: &Labels) -> Outline {
        let top = |n: u32, title: &str, anchor| Section {
            number: format!("{n}.0"),
            title: title.to_string(),
            anchor,
        };
        let sub = |n: u32, m: u32, title: &str, anchor| Section {
            number: format!("{n}.{m}"),
            title: title.to_string(),
            anchor,
        };
        Outline {
            background: top(1, &l.background, "background"),
            cases: top(2, &l.cases, "cases"),
            summary: top(3, &l.summary, "summary"),
            themes_found: sub(3, 1, &l.themes_found, "themes"),
            tally: sub(3, 2, &l.theme_tally, "tally"),
            judgements: sub(3, 3, &l.judgements, "judgements"),
            checklist: (!report.meta.checks.is_empty())
                .then(|| sub(3, 4, &l.checklist_results, "checklist")),
            observations: top(4, &l.observations, "observations"),
            follow_up: (!analysis.follow_up.is_empty()).then(|| top(5, &l.follow_up, "follow-up")),
            closing: report.closing.is_some().then(|| {
                let n = if analysis.follow_up.is_empty() { 5 } else { 6 };
                top(n, &l.closing_remarks, "closing")
            }),
        }
    }

    /// Every section in reading order, with its level (1 or 2).
    pub fn all(&self) -> Vec<(u8, &Section)> {
        let mut all = vec![
            (1, &self.background),
            (1, &self.cases),
            (1, &self.summary),
            (2, &self.themes_found),
            (2, &self.tally),
            (2, &self.judgements),
        ];
        all.extend(self.checklist.iter().map(|s| (2, s)));
        all.push((1, &self.observations));
        all.extend(self.follow_up.iter().map(|s| (1, s)));
        all.extend(self.closing.iter().map(|s| (1, s)));
        all
    }
}

/// The view every renderer reads.
pub struct View<'a> {
    pub report: &'a Report,
    pub analysis: &'a Analysis,
    /// The language of this version of the report, and its words.
    pub language: &'a str,
    pub labels: &'a Labels,
    /// How cases are named in this version: headings, lists and anchors.
    pub names: CaseNames<'a>,
    /// This version's translations, by the file each translates.
    translations: language::Index<'a>,
    pub outline: Outline,
    /// Concerns, then good practice; most cases first within each.
    pub themes: Vec<ThemeView<'a>>,
    /// Indices into `themes` in the tally's own order, most cases first whatever the
    /// kind, as the data formats list them.
    by_count: Vec<usize>,
    /// Whether any theme is good practice, so that the summary shows the two groups.
    pub grouped: bool,
    /// The report's judgement scale, over the cases judged on it (see `judged`).
    pub judgements: Vec<Count<'a>>,
    /// The cases without a judgement, with their share of the same whole.
    pub unjudged: Count<'a>,
    /// How many cases are judged on the report's scale: every case, less those of the
    /// types with a scale of their own.
    pub judged: usize,
    /// One table per type with its own `judgements:`, in the order of `case_types:`.
    pub type_scales: Vec<TypeScale<'a>>,
    pub checks: Vec<CheckView<'a>>,
    pub observations: Vec<ObservationView<'a>>,
    /// Section 5.0: the earlier meetings' observations that were open.
    pub follow_up: Vec<FollowUpView<'a>>,
    /// The facts box of every case: which fields, under which labels.
    pub facts: Vec<FactColumn>,
    /// One table per field of `breakdown:`, in its order.
    pub breakdowns: Vec<BreakdownView<'a>>,
    /// The themes found together in two or more cases.
    pub pairs: Vec<PairView<'a>>,
    /// Which numbers this copy shows (see [`Figure`]).
    pub suppression: Suppression,
}

/// A theme as the summary, the tally and the chart show it.
pub struct ThemeView<'a> {
    /// Its plain numbers, for deciding what to lay out; what is printed is `figure`.
    pub tally: &'a Tally,
    /// Its number of cases as this copy shows it.
    pub figure: Figure,
    /// The cases this copy lists under it: none when its number is suppressed.
    pub listed: &'a [CaseKey],
    /// How many cases gave none of the answers it is read from, as this copy shows it.
    pub not_recorded: Figure,
    /// The label in this version's language, and the panel's summary sentence if any.
    pub label: Shown<'a>,
    pub summary: Option<Shown<'a>>,
    pub kind: ThemeKind,
    /// Per cent of the cases reviewed. Themes are not parts of one whole, so these are
    /// rounded one by one. `None` when its number is suppressed.
    pub share: Option<u32>,
    /// The bar's length: the share of every case reviewed, 0–100, to a tenth; 0 when its
    /// number is suppressed, as a bar's length would give it away.
    pub bar: f64,
    /// The share of every case reviewed as a fraction to three places, as report.json
    /// and themes.csv give it for other tools; `None` when suppressed.
    pub fraction: Option<f64>,
    /// What it is counted over, which the shares above are of: every case, or one
    /// type's, named in this version's words.
    pub counted: wording::Counted<'a>,
}

impl<'a> ThemeView<'a> {
    /// `tally` of the cases `counted` says under its label, as a copy with
    /// `suppression` shows it.
    pub fn new(
        tally: &'a Tally,
        label: Shown<'a>,
        summary: Option<Shown<'a>>,
        suppression: &Suppression,
        counted: wording::Counted<'a>,
    ) -> ThemeView<'a> {
        let count = tally.count();
        let total = counted.total;
        let figure = suppression.one(count);
        let shown = !figure.is_suppressed();
        ThemeView {
            tally,
            figure,
            listed: if shown { &tally.cases } else { &[] },
            not_recorded: suppression.one(tally.not_recorded.len()),
            label,
            summary,
            kind: tally.kind,
            share: shown.then(|| share(count, total)),
            bar: if shown { bar(count, total) } else { 0.0 },
            fraction: shown.then(|| fraction(count, total)),
            counted,
        }
    }

    /// Whether this copy shows its number of cases.
    pub fn is_shown(&self) -> bool {
        !self.figure.is_suppressed()
    }

    /// The sentence that states the theme in the summary, with its language when that is
    /// not the version's: the panel's own summary, or else its label.
    pub fn sentence(&self) -> (String, Option<&'a str>) {
        match self.summary {
            Some(summary) => (summary.text.to_string(), summary.lang),
            None => (
                format!("{}.", self.label.text).trim_end().to_string(),
                self.label.lang,
            ),
        }
    }
}

/// How many cases gave one answer or judgement, as a share of all cases.
pub struct Count<'a> {
    pub label: &'a str,
    /// The label's language when it is not the version's.
    pub lang: Option<&'a str>,
    /// `#RRGGBB`, for a judgement scale with colours.
    pub colour: Option<Swatch>,
    /// The cases this copy lists: none when their number is suppressed.
    pub listed: &'a [CaseKey],
    pub figure: Figure,
    /// `None` when the number is suppressed.
    pub share: Option<u32>,
}

impl Count<'_> {
    /// Whether any case is counted, which a suppressed number still says.
    pub fn any(&self) -> bool {
        self.figure.number() != Some(0)
    }

    /// The bar's length over `total` cases: none for a suppressed number.
    pub fn bar(&self, total: usize) -> f64 {
        self.figure.number().map_or(0.0, |n| bar(n, total))
    }

    /// The share of `total` cases as a fraction to three places, as the data files give
    /// it; `None` for a suppressed number.
    pub fn fraction(&self, total: usize) -> Option<f64> {
        self.figure.number().map(|n| fraction(n, total))
    }
}

/// One check's answers, with the cases that gave none, as shares of all cases.
pub struct CheckView<'a> {
    pub tally: &'a CheckTally,
    pub label: Shown<'a>,
    pub answers: Vec<(Answer, Count<'a>)>,
    pub unanswered: Count<'a>,
}

/// A row of section 4.0.
pub struct ObservationView<'a> {
    pub observation: &'a Observation,
    /// `4.1`.
    pub number: String,
    /// The cases behind it: its `cases:`, or else the cases of its themes.
    pub cases: &'a [CaseKey],
    pub status: &'a str,
}

/// A case as its section shows it.
pub struct CaseView<'a> {
    pub case: &'a Case,
    /// `Case 6 – Public order offence`, and the language of the title when it is not the
    /// version's.
    pub heading: String,
    pub heading_lang: Option<&'a str>,
    /// The title and feedback in this version's language, or the original's.
    pub body: CaseBody<'a>,
    /// The facts box, in order; facts the case lacks are left out.
    pub facts: Vec<ShownFact<'a>>,
    /// Every check of report.yaml with this case's answer and note.
    pub answers: Vec<CaseAnswer<'a>>,
    /// Ids of the themes it has, as the tallies order them.
    pub themes: &'a [String],
}

impl<'a> View<'a> {
    /// The report in its own language.
    pub fn new(report: &'a Report, analysis: &'a Analysis) -> View<'a> {
        View::in_language(report, analysis, &report.meta.language)
    }

    /// The version of the report in `language`, one of report.yaml's `languages:`.
    pub fn in_language(report: &'a Report, analysis: &'a Analysis, language: &str) -> View<'a> {
        let labels = report.meta.labels(language);
        let language = report
            .meta
            .catalogues
            .iter()
            .find(|(code, _)| code == language)
            .map_or(report.meta.language.as_str(), |(code, _)| code.as_str());
        let l = labels;
        let original = report.meta.language.as_str();
        let tr = |own: &'a str, others: &'a [(String, String)]| {
            language::pick(language, original, own, others)
        };
        let total = analysis.total_cases;
        let suppression = Suppression::new(report.meta.suppress_below, l);
        let mut themes: Vec<ThemeView<'a>> = analysis
            .themes
            .iter()
            .map(|tally| {
                let label = tr(&tally.label, &tally.label_in);
                let summary = tally
                    .summary
                    .as_deref()
                    .map(|own| tr(own.trim_end(), &tally.summary_in));
                let counted = wording::Counted {
                    total: tally.total,
                    noun: tally
                        .over
                        .as_deref()
                        .and_then(|kind| report.meta.case_type(kind))
                        .and_then(|kind| Some(tr(kind.noun.as_deref()?, &kind.noun_in).text)),
                };
                ThemeView::new(tally, label, summary, &suppression, counted)
            })
            .collect();
        // Stable, so the tally's own order (most cases first) holds within each kind.
        let mut order: Vec<usize> = (0..themes.len()).collect();
        order.sort_by_key(|&i| themes[i].kind);
        themes.sort_by_key(|t| t.kind);
        let mut by_count = vec![0; order.len()];
        for (shown, &tallied) in order.iter().enumerate() {
            by_count[tallied] = shown;
        }
        let grouped = themes.iter().any(|t| t.kind == ThemeKind::GoodPractice);

        let judged = total
            - analysis
                .type_judgements
                .iter()
                .map(|t| t.total)
                .sum::<usize>();
        let (judgements, unjudged) = scales::counts(
            tr,
            &report.meta.judgements,
            &analysis.judgements,
            &analysis.unjudged,
            judged,
            &suppression,
            l,
        );
        let type_scales = analysis
            .type_judgements
            .iter()
            .filter_map(|t| {
                let kind = report.meta.case_type(&t.kind)?;
                let scale = kind.judgements.as_deref()?;
                let (judgements, unjudged) = scales::counts(
                    tr,
                    scale,
                    &t.judgements,
                    &t.unjudged,
                    t.total,
                    &suppression,
                    l,
                );
                Some(TypeScale {
                    kind: &kind.id.value,
                    label: tr(&kind.label, &kind.label_in),
                    total: t.total,
                    judgements,
                    unjudged,
                })
            })
            .collect();

        let checks = analysis
            .checks
            .iter()
            .map(|tally| {
                let mut parts: Vec<usize> = tally.answers.iter().map(|(_, c)| c.len()).collect();
                parts.push(tally.unanswered.len());
                // Over the cases asked the check: another type's cases are not.
                let asked = parts.iter().sum();
                let shares = largest_remainder(&parts, asked);
                let mut figures = suppression.parts(&parts);
                let unanswered = figures.pop().unwrap_or(Figure::Shown(0));
                let choice = report.meta.checks.iter().find(|c| c.id == tally.id);
                CheckView {
                    label: choice.map_or(
                        Shown {
                            text: &tally.label,
                            lang: None,
                        },
                        |c| tr(&c.label, &c.label_in),
                    ),
                    tally,
                    answers: tally
                        .answers
                        .iter()
                        .zip(&shares)
                        .zip(figures)
                        .map(|(((answer, cases), &share), figure)| {
                            let count = Count {
                                label: wording::answer_label(l, *answer),
                                lang: None,
                                colour: None,
                                listed: listed(cases, &figure),
                                share: figure.number().map(|_| share),
                                figure,
                            };
                            (*answer, count)
                        })
                        .collect(),
                    unanswered: Count {
                        label: &l.not_recorded,
                        lang: None,
                        colour: None,
                        listed: listed(&tally.unanswered, &unanswered),
                        share: unanswered
                            .number()
                            .map(|_| shares.last().copied().unwrap_or(0)),
                        figure: unanswered,
                    },
                }
            })
            .collect();

        let outline = Outline::new(report, analysis, l);
        let observations = report
            .observations
            .iter()
            .zip(&analysis.observation_cases)
            .enumerate()
            .map(|(i, (observation, cases))| ObservationView {
                observation,
                number: format!(
                    "{}.{}",
                    outline.observations.number.trim_end_matches(".0"),
                    i + 1
                ),
                cases,
                status: wording::status_label(l, observation.status),
            })
            .collect();

        let mut view = View {
            report,
            analysis,
            language,
            labels,
            names: CaseNames::new(&report.meta, labels, language),
            translations: language::index(&report.translations, language),
            outline,
            themes,
            by_count,
            grouped,
            judgements,
            unjudged,
            judged,
            type_scales,
            checks,
            observations,
            follow_up: follow::rows(analysis, l),
            facts: facts::fact_columns(report, l, language),
            breakdowns: Vec::new(),
            pairs: Vec::new(),
            suppression,
        };
        // Both show themes by their labels in this version, which need the view's themes.
        view.breakdowns = view.breakdown_views();
        view.pairs = view.pair_views();
        view
    }

    /// Every theme in the tally's own order, most cases first whatever its kind, as
    /// report.json, themes.csv and the workbook list them.
    pub fn themes_by_count(&self) -> impl Iterator<Item = &ThemeView<'a>> {
        self.by_count.iter().map(|&i| &self.themes[i])
    }

    /// The label of a judgement id in this version's language, or the id itself for one
    /// the scale lacks.
    pub fn judgement_label<'b>(&'b self, id: &'b str) -> &'b str {
        self.choice_label(&self.report.meta.judgements, id)
    }

    /// The label of a check id in this version's language, or the id itself for one
    /// report.yaml lacks.
    pub fn check_label<'b>(&'b self, id: &'b str) -> &'b str {
        self.choice_label(&self.report.meta.checks, id)
    }

    fn choice_label<'b>(&'b self, scale: &'a [Choice], id: &'b str) -> &'b str {
        scale
            .iter()
            .find(|c| c.id == id)
            .map_or(id, |c| self.tr(&c.label, &c.label_in).text)
    }

    /// The themes of one kind, in display order.
    pub fn themes_of(&self, kind: ThemeKind) -> impl Iterator<Item = &ThemeView<'a>> {
        self.themes.iter().filter(move |t| t.kind == kind)
    }

    /// The facts on the title page, in order: panel, force, meeting date, cases reviewed
    /// and the protective marking, each only when the report has it.
    pub fn title_facts(&self) -> Vec<(&'a str, String)> {
        let meta = &self.report.meta;
        let l = self.labels;
        let mut facts = Vec::new();
        if let Some(panel) = self.panel() {
            facts.push((l.panel.as_str(), panel.text.to_string()));
        }
        if let Some(force) = &meta.force {
            facts.push((l.force.as_str(), force.clone()));
        }
        facts.push((l.meeting_date.as_str(), self.meeting_date()));
        facts.push((
            l.cases_reviewed.as_str(),
            match self.analysis.carried_over.len() {
                0 => self.analysis.total_cases.to_string(),
                carried => crate::catalogue::fill(
                    &l.cases_and_carried,
                    &[
                        ("count", &self.analysis.total_cases.to_string()),
                        ("carried", &carried.to_string()),
                    ],
                ),
            },
        ));
        if let Some(marking) = &meta.marking {
            facts.push((l.protective_marking.as_str(), marking.clone()));
        }
        facts
    }

    /// The meeting date in words, with the sitting's session if it has one: `29 September
    /// 2021`, `1 April 2025, 3–5 pm`.
    pub fn meeting_date(&self) -> String {
        let meta = &self.report.meta;
        wording::sitting_date(self.labels, &meta.meeting_date, meta.session.as_deref())
    }

    /// The groups the summary, tally and chart show: one group without a heading when
    /// every theme is a concern, else concerns and good practice under their headings.
    pub fn theme_groups(&self) -> Vec<(Option<&'a str>, Vec<&ThemeView<'a>>)> {
        if !self.grouped {
            return vec![(None, self.themes.iter().collect())];
        }
        ThemeKind::ALL
            .into_iter()
            .map(|kind| {
                let label = wording::kind_label(self.labels, kind);
                (Some(label), self.themes_of(kind).collect())
            })
            .filter(|(_, themes): &(_, Vec<_>)| !themes.is_empty())
            .collect()
    }

    /// The label of a theme id, or the id itself for one no tally has (an observation may
    /// name a theme that no case has).
    pub fn theme_label<'b>(&'b self, id: &'b str) -> &'b str {
        self.themes
            .iter()
            .find(|t| t.tally.id == id)
            .map_or(id, |t| t.label.text)
    }

    /// The label of every theme id the report uses, for renderers that look labels up
    /// rather than writing one per case.
    pub fn theme_labels(&self) -> std::collections::BTreeMap<&'a str, &'a str> {
        // Only an observation can name a theme that no tally has; it then shows its id.
        let mut labels: std::collections::BTreeMap<&str, &str> = self
            .report
            .observations
            .iter()
            .flat_map(|o| o.themes.iter().map(|t| t.value.as_str()))
            .map(|id| (id, id))
            .collect();
        labels.extend(
            self.themes
                .iter()
                .map(|t| (t.tally.id.as_str(), t.label.text)),
        );
        labels
    }

    /// Case `index` (in report order) as its section shows it.
    pub fn case<'v>(&'v self, index: usize) -> CaseView<'v> {
        let case = &self.report.cases[index];
        let meta = &self.report.meta;
        let facts = self
            .facts
            .iter()
            .filter_map(|column| {
                let value = facts::fact_value(self, case, &column.field)?;
                let colour = (column.field == "judgement")
                    .then_some(case.judgement.as_ref())
                    .flatten()
                    .and_then(|j| colour_of(meta.judgement_scale(case.kind()), &j.value));
                Some(ShownFact {
                    field: &column.field,
                    label: &column.label,
                    value,
                    swatch: colour,
                })
            })
            .collect();
        let answers = self.case_answers(case);
        let body = self.case_body(case);
        let (heading, heading_lang) = self.case_heading(case);
        CaseView {
            case,
            heading,
            heading_lang,
            body,
            facts,
            answers,
            themes: &self.analysis.case_themes[index],
        }
    }

    /// The evidence behind a theme as a reader reads it: each point once, however many
    /// rules found it, and each answer or field in words.
    pub fn evidence(&self, theme: &Tally) -> Vec<Reading> {
        evidence::readings(self, theme)
    }

    /// For a theme found from check answers alone, its answers as one line per check and
    /// answer, shown before its points; empty for any other theme.
    pub fn checklist_evidence<'v>(&'v self, theme: &'v Tally) -> Vec<ChecklistReading<'v>> {
        evidence::checklist(self, theme)
    }

    /// The label a case field is shown under: `case_facts:`'s, else its declared label,
    /// else its name in words.
    pub fn field_label(&self, field: &str) -> String {
        self.facts.iter().find(|f| f.field == field).map_or_else(
            || facts::field_label(self.report, self.labels, self.language, field),
            |f| f.label.clone(),
        )
    }
}

/// `count` of `total` as a bar's length, 0–100 to a tenth: a full bar is every case.
pub fn bar(count: usize, total: usize) -> f64 {
    if total == 0 {
        0.0
    } else {
        (count as f64 / total as f64 * 1000.0).round() / 10.0
    }
}

/// The cases a copy lists behind a number: none behind a suppressed one.
fn listed<'c>(cases: &'c [CaseKey], figure: &Figure) -> &'c [CaseKey] {
    if figure.is_suppressed() { &[] } else { cases }
}

fn colour_of(scale: &[Choice], id: &str) -> Option<Swatch> {
    scale
        .iter()
        .find(|c| c.id == id)
        .and_then(|c| c.colour.as_deref())
        .and_then(Swatch::of)
}

#[cfg(test)]
mod tests;
