//! The records the page template sees, one per case, theme, count, check and
//! observation. Each holds text already escaped or HTML already sanitised, and numbers
//! already worked out, so the template only lays them out.

use serde::Serialize;
use serde_json::Value;

use crate::view::Figure;

/// A count as the template sees it: a number, as a panel's own template has always had
/// it, or for one this copy suppresses its words, which no template can print as the
/// number.
pub(super) fn shown(figure: &Figure) -> Value {
    match figure.number() {
        Some(n) => Value::from(n),
        None => Value::from(figure.to_string()),
    }
}

/// A share as the template sees it: a number, or `–` for one suppressed with its count.
pub(super) fn share(share: Option<u32>) -> Value {
    share.map_or_else(|| Value::from("–"), Value::from)
}

#[derive(Serialize)]
pub(super) struct CaseView<'a> {
    pub(super) number: u32,
    pub(super) anchor: String,
    /// The heading of its type, over the first case of each type.
    pub(super) group: Option<GroupHeading<'a>>,
    /// `Case 6`, and the name of its checklist for screen readers.
    pub(super) label: String,
    pub(super) checklist_label: String,
    pub(super) heading: String,
    pub(super) title: Option<String>,
    pub(super) title_lang: Option<&'a str>,
    pub(super) judgement: Option<String>,
    /// The facts box, in `case_facts:` order.
    pub(super) facts: Vec<FactView>,
    /// Each check of report.yaml with this case's answer id, to look up in
    /// `answer_labels` (`none` where it gave none).
    pub(super) answers: Vec<tera::Value>,
    /// Theme ids, to look up in `theme_labels`: a label is written once, not per case.
    pub(super) themes: Vec<&'a str>,
    /// The feedback, with each section's heading as an `h4`, deeper ones `h5` and `h6`.
    pub(super) body: String,
    /// The force's response, when the case has one, shown apart after the feedback.
    pub(super) response: Option<String>,
    /// The panel's restricted notes, in a copy that carries them, shown apart likewise.
    pub(super) restricted: Option<String>,
    /// "Carried over from the meeting of 3 March 2026.", for a case an earlier meeting
    /// carried over.
    pub(super) carried_from: Option<String>,
}

/// A row of the table of cases carried over to the next meeting.
#[derive(Serialize)]
pub(super) struct CarriedView<'a> {
    pub(super) case_html: String,
    pub(super) judgement: &'a str,
    pub(super) lang: Option<&'a str>,
}

#[derive(Serialize)]
pub(super) struct FactView {
    pub(super) label: String,
    pub(super) value: String,
    /// `#RRGGBB` fill and text colour, for a judgement with a colour.
    pub(super) fill: Option<String>,
    pub(super) ink: Option<String>,
}

#[derive(Serialize)]
pub(super) struct AnswerView<'a> {
    pub(super) label: &'a str,
    /// The answer id, for styling.
    pub(super) answer: &'static str,
    /// The answer in words, or "Not recorded".
    pub(super) text: &'a str,
    /// The panel's words beside the answer, and their language when not the version's.
    pub(super) note: Option<&'a str>,
    pub(super) note_lang: Option<&'a str>,
}

#[derive(Serialize)]
pub(super) struct ThemeView<'a> {
    pub(super) id: String,
    pub(super) label: String,
    /// The label's language, and the sentence's, when not the page's: untranslated.
    pub(super) lang: Option<&'a str>,
    pub(super) sentence_lang: Option<&'a str>,
    pub(super) kind: &'static str,
    pub(super) sentence: String,
    /// Whether any case has it, which a suppressed count still says.
    pub(super) found: bool,
    /// A number, or the words for one this copy suppresses (see [`shown`]).
    pub(super) count: Value,
    pub(super) share: Value,
    pub(super) cases: Vec<u32>,
    /// Its cases, each number a link: `6, 10`, or `S&S 1; UOF 2`.
    pub(super) cases_html: String,
    /// Its mentions: the feedback points among its evidence.
    pub(super) points: usize,
    /// The mentions as the tally shows them: `–` for a theme found from answers alone.
    pub(super) mentions: String,
    /// `1 did not record it`, when any case gave none of the answers it is read from.
    pub(super) did_not_record: Option<String>,
    /// `(4 of 16 cases: 6, 10, 14, 16)`.
    pub(super) note: String,
    /// `(4 of 16 cases · 6 mentions)`, above its evidence.
    pub(super) evidence_note: String,
    /// `(4 of 16 cases: 6, 10, 14, 16)` with each case number a link to its case.
    pub(super) note_html: String,
    /// The evidence as `li` elements, each point once, in a reader's words; made here
    /// rather than in the template because a large report has a hundred thousand of them.
    pub(super) evidence: String,
    /// Bar length as a share of every case reviewed, 0–100.
    pub(super) bar: f64,
    /// The bar's width in the chart's units, and where its count is written.
    pub(super) bar_width: f64,
    pub(super) value_x: f64,
    pub(super) y: usize,
}

#[derive(Serialize)]
pub(super) struct GroupView<'a> {
    /// `Concerns` or `Good practice`; absent when every theme is a concern.
    pub(super) label: Option<&'a str>,
    /// Indexes into `themes`.
    pub(super) themes: Vec<usize>,
}

#[derive(Serialize)]
pub(super) struct CoverFact<'a> {
    pub(super) label: &'a str,
    pub(super) value: String,
    /// For the meeting date, its `YYYY-MM-DD` form for a `time` element.
    pub(super) datetime: Option<&'a str>,
}

#[derive(Serialize)]
pub(super) struct ChartGroup<'a> {
    pub(super) label: &'a str,
    pub(super) y: usize,
}

#[derive(Serialize)]
pub(super) struct CountView<'a> {
    pub(super) label: String,
    pub(super) lang: Option<&'a str>,
    pub(super) count: Value,
    pub(super) share: Value,
    pub(super) cases: String,
    /// The same cases, each a link to its case.
    pub(super) cases_html: String,
    pub(super) fill: Option<String>,
    pub(super) ink: Option<String>,
    /// For a chart of the counts: the bar's width in the chart's units, where its count
    /// is written, and its row.
    pub(super) bar_width: f64,
    pub(super) value_x: f64,
    pub(super) y: usize,
}

#[derive(Serialize)]
pub(super) struct CheckView<'a> {
    pub(super) id: String,
    pub(super) label: String,
    pub(super) lang: Option<&'a str>,
    /// Counts per answer, such as `Yes 10 · No 3`.
    pub(super) answers: Vec<CountView<'a>>,
    pub(super) unanswered: Value,
    pub(super) unanswered_share: Value,
}

/// A case type's heading in section 2.0.
#[derive(Serialize)]
pub(super) struct GroupHeading<'a> {
    pub(super) label: &'a str,
    pub(super) lang: Option<&'a str>,
    pub(super) anchor: String,
}

/// One checklist matrix: a type's cases under its own checks, or every case under every
/// check in a meeting without `case_types:`.
#[derive(Serialize)]
pub(super) struct MatrixView {
    pub(super) caption: String,
    /// The checks it shows, as indices into `checks`.
    pub(super) checks: Vec<usize>,
    pub(super) rows: Vec<MatrixRow>,
}

#[derive(Serialize)]
pub(super) struct MatrixRow {
    pub(super) number: u32,
    /// The case as the row names it, `6` or `S&S 6`, and its section's anchor.
    pub(super) name: String,
    pub(super) anchor: String,
    /// One answer id per check, `none` where the case has no answer.
    pub(super) cells: Vec<&'static str>,
    /// Per check, the number of the cell's note under the matrix, 0 for none; empty when
    /// the case has no note, as most have.
    pub(super) marks: Vec<usize>,
}

/// A note under the checklist matrix, numbered as its cell's mark.
#[derive(Serialize)]
pub(super) struct MatrixNoteView<'a> {
    pub(super) mark: usize,
    pub(super) case: u32,
    pub(super) anchor: String,
    /// "Case 3, GOWISELY"
    pub(super) at: String,
    pub(super) note: &'a str,
    pub(super) lang: Option<&'a str>,
}

/// A row of section 5.0.
#[derive(Serialize)]
pub(super) struct FollowUpView<'a> {
    pub(super) raised: String,
    pub(super) observation: String,
    pub(super) response: Option<String>,
    pub(super) before: &'a str,
    pub(super) before_id: &'static str,
    pub(super) update_status: Option<&'a str>,
    pub(super) update_id: Option<&'static str>,
    pub(super) update: Option<String>,
}

#[derive(Serialize)]
pub(super) struct ObservationView<'a> {
    /// `4.1`.
    pub(super) number: String,
    pub(super) observation: String,
    pub(super) response: Option<String>,
    pub(super) status: &'a str,
    pub(super) status_id: &'static str,
    pub(super) themes: Vec<&'a str>,
    pub(super) cases: Vec<u32>,
    pub(super) cases_html: String,
}

#[derive(Serialize)]
pub(super) struct BreakdownView<'a> {
    pub(super) heading: String,
    pub(super) caption: String,
    pub(super) columns: Vec<String>,
    /// Every case by value, the table's first row.
    pub(super) all: Vec<Value>,
    pub(super) rows: Vec<BreakdownRow<'a>>,
}

#[derive(Serialize)]
pub(super) struct BreakdownRow<'a> {
    pub(super) label: &'a str,
    pub(super) lang: Option<&'a str>,
    pub(super) counts: Vec<Value>,
}

#[derive(Serialize)]
pub(super) struct PairView<'a> {
    pub(super) first: &'a str,
    pub(super) first_lang: Option<&'a str>,
    pub(super) second: &'a str,
    pub(super) second_lang: Option<&'a str>,
    pub(super) count: Value,
    pub(super) cases: Vec<u32>,
    pub(super) cases_html: String,
}
