//! The report as plain data: what the parse stage produces and every later stage reads.
//!
//! Nothing here parses, checks or formats. Markdown is held as a small block tree so that
//! each renderer (HTML, Word, JSON) can walk it in its own way without parsing text again,
//! and every value that a diagnostic may later point at keeps its [`Loc`].

use serde::Serialize;

use crate::catalogue::Labels;
use crate::diagnostic::{Loc, SourceId};

pub mod audience;
mod case_key;
mod declared;
mod member;
pub use audience::{Audience, Shown};
pub use case_key::CaseKey;
pub use declared::{FieldDecl, FieldKind};
pub use member::{Member, Review};

/// A value together with where it was written: the file, and the place in it. In an
/// archive a meeting's settings come from panel.yaml and report.yaml both, so a value's
/// own file is the only sure way to point a diagnostic at it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located<T> {
    pub value: T,
    pub loc: Loc,
    pub source: SourceId,
}

/// The whole report folder, parsed.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub meta: Meta,
    pub background: Option<Doc>,
    /// Sorted by case number.
    pub cases: Vec<Case>,
    /// `None` when the folder has no themes.yaml: tags are then free-form.
    pub themes: Option<Vec<Theme>>,
    pub summary: Option<Doc>,
    /// In display order.
    pub observations: Vec<Observation>,
    pub closing: Option<Doc>,
    /// The translations beside the plain files, for the report's other `languages:`.
    pub translations: Vec<Translation>,
    /// This meeting's updates on earlier meetings' observations, by file name.
    pub updates: Vec<Update>,
}

/// One file's translation into one language. Counting is done on the plain files only; a
/// translation changes what a version of the report says, never what it counts.
#[derive(Debug, Clone, PartialEq)]
pub struct Translation {
    pub language: String,
    /// The translation's own path, and the path of the file it translates.
    pub file: String,
    pub original: String,
    pub content: Translated,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Translated {
    /// background, summary or closing.
    Doc(Doc),
    /// A case's body, and its title if the translation gives one. `paired` is whether
    /// its points pair one to one with the original's, as evidence needs to quote them.
    Case {
        title: Option<String>,
        sections: Vec<Section>,
        points: Vec<Point>,
        paired: bool,
        /// Check answers' notes in this language, by check id.
        notes: Vec<(String, String)>,
        /// The force's response in this language; empty when the translation gives none.
        response: Vec<Block>,
        /// The restricted notes in this language; empty when the translation gives none.
        restricted: Vec<Block>,
    },
    Observation {
        observation: Vec<Block>,
        response: Vec<Block>,
    },
}

/// report.yaml.
#[derive(Debug, Clone, Default)]
pub struct Meta {
    pub title: String,
    /// The title in the report's other languages, by language.
    pub title_in: Vec<(String, String)>,
    /// `YYYY-MM-DD`, or `YYYY-MM` for a meeting dated by its month, already checked.
    pub meeting_date: String,
    /// `session:`, which of a day's sittings this meeting is: `3–5 pm`.
    pub session: Option<String>,
    pub panel: Option<String>,
    /// The panel's name in the report's other languages, by language.
    pub panel_in: Vec<(String, String)>,
    pub organisation: Option<String>,
    /// The organisation in the report's other languages, by language.
    pub organisation_in: Vec<(String, String)>,
    pub force: Option<String>,
    /// The language the plain files are written in.
    pub language: String,
    /// The versions one build writes, in order: `languages:`, or just `language`.
    pub languages: Vec<String>,
    /// The words of each of `languages`, with `labels:` applied, in the same order.
    pub catalogues: Vec<(String, Labels)>,
    pub marking: Option<String>,
    pub word_template: Option<Located<String>>,
    pub judgements: Vec<Choice>,
    pub checks: Vec<Choice>,
    /// `case_facts:`: the front-matter fields each case shows in its facts box, in order.
    /// Empty when report.yaml gives none; the view then shows the standard ones.
    pub case_facts: Vec<Fact>,
    /// `breakdown:`: the case fields the summary counts each theme's cases by, in order.
    pub breakdown: Vec<Located<String>>,
    /// `fields:`: the panel's own case fields, in the order declared. Empty when the
    /// panel declares none, and then a case's fields are free text.
    pub fields: Vec<FieldDecl>,
    /// `case_types:`: the kinds of case a meeting reviews, in order. Empty when none are
    /// set, and then every case is asked every check and numbered across the report.
    pub case_types: Vec<CaseType>,
    /// Whether the meeting's own report.yaml sets `case_types:` rather than inheriting
    /// them: only then is a case without `type:` warned about, so that an archive's
    /// earlier meetings, written before the types, keep building quietly.
    pub case_types_own: bool,
    pub privacy: Privacy,
    /// `response_headings:`: the case headings under which the force answers the case,
    /// as written. Empty unless the panel prints the force's words with its cases.
    pub response_headings: Vec<String>,
    /// `audiences:`: the copies a build makes, in the order written. Empty when none is
    /// declared, and then the build makes the one report it always has.
    pub audiences: Vec<Audience>,
    /// `members:`: the panel's members, in the order their points follow the agreed ones.
    pub members: Vec<Member>,
    /// `packs_due:`: the date members are asked to send their review packs back by.
    pub packs_due: Option<String>,
    /// `packs_audience:`: the audience whose copy's facts a review pack shows; `None`
    /// shows the public copy's, or every field where there are no audiences.
    pub packs_audience: Option<Located<String>>,
    /// The audience this report is the copy for, in a copy made for one (see
    /// `crate::audience`); `None` in the report as the folder gives it.
    pub audience: Option<String>,
    /// The count under which this copy shows a number of cases as "fewer than" it (see
    /// `crate::view::Figure`); 0, nothing suppressed, outside a copy that suppresses.
    pub suppress_below: u32,
    /// Every key the settings files give, each at its file and line, in the order they
    /// were read: an archive's panel.yaml, then the meeting's report.yaml. The values
    /// above are the two merged; this says where each came from.
    pub keys: Vec<Located<String>>,
}

/// One entry of `case_types:`: a kind of case with its own numbering and checks, such as
/// stop and search beside use of force.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseType {
    pub id: Located<String>,
    pub label: String,
    pub label_in: Vec<(String, String)>,
    /// What its cases' numbers are printed after: "S&S Case" in "S&S Case 1".
    pub prefix: String,
    pub prefix_in: Vec<(String, String)>,
    /// Its cases counted, "searches" in "2 of 5 searches"; `None` says "cases".
    pub noun: Option<String>,
    pub noun_in: Vec<(String, String)>,
    /// The checks its cases are asked, each a declared check, in the order given.
    pub checks: Vec<Located<String>>,
    /// `fields:`: the declared fields its cases carry; `None` carries every one.
    pub fields: Option<Vec<Located<String>>>,
    /// `judgements:`: its own scale, when its cases are judged on other terms than the
    /// report's (a use of force justified or not, a search appropriate or not); `None`
    /// judges them on the report's.
    pub judgements: Option<Vec<Choice>>,
}

impl CaseType {
    /// Whether its cases are asked the check `id`.
    pub fn asks(&self, id: &str) -> bool {
        self.checks.iter().any(|c| c.value == id)
    }

    /// Whether its cases carry the declared field `id`.
    pub fn carries(&self, id: &str) -> bool {
        self.fields
            .as_ref()
            .is_none_or(|fields| fields.iter().any(|f| f.value == id))
    }
}

/// One entry of `case_facts:`: a front-matter field and the label it is shown under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    pub field: String,
    /// `None` when given as a bare name: the field's name is then shown in words.
    pub label: Option<String>,
    /// The label in the report's other languages, by language.
    pub label_in: Vec<(String, String)>,
    pub loc: Loc,
}

impl Meta {
    /// The marking of the panel's own pages, which quote the whole report: the first
    /// copy's that is not the public one, else the report's own `marking:`.
    pub fn own_marking(&self) -> Option<&str> {
        self.audiences
            .iter()
            .filter(|a| !a.is_public())
            .find_map(|a| a.marking.as_deref())
            .or(self.marking.as_deref())
    }

    /// The files that give `key`, as a hint names them: "report.yaml", or "panel.yaml and
    /// report.yaml". Names without folders, since a hint reads the same wherever the
    /// build started; report.yaml when none gives it, as that is where it would go.
    pub fn files_giving(&self, key: &str) -> String {
        let names: Vec<&str> = self
            .keys
            .iter()
            .filter(|k| k.value == key)
            .map(|k| k.source.path().rsplit('/').next().unwrap_or_default())
            .collect();
        match names.as_slice() {
            [] => crate::layout::REPORT.to_string(),
            [one] => (*one).to_string(),
            [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        }
    }

    /// The type `id` of `case_types:`.
    pub fn case_type(&self, id: &str) -> Option<&CaseType> {
        self.case_types.iter().find(|t| t.id.value == id)
    }

    /// Whether a case of the type `kind` is asked the check `id`: every check is asked
    /// of a case of no type, or of a type the meeting does not declare.
    pub fn asks(&self, kind: Option<&str>, id: &str) -> bool {
        kind.and_then(|k| self.case_type(k))
            .is_none_or(|t| t.asks(id))
    }

    /// Whether a case of the type `kind` carries the declared field `id`: a case of no
    /// type, or of a type that lists no `fields:`, carries every one.
    pub fn carries(&self, kind: Option<&str>, id: &str) -> bool {
        kind.and_then(|k| self.case_type(k))
            .is_none_or(|t| t.carries(id))
    }

    /// The judgement scale a case of the type `kind` is judged on: its type's own, or
    /// the report's.
    pub fn judgement_scale(&self, kind: Option<&str>) -> &[Choice] {
        kind.and_then(|k| self.case_type(k))
            .and_then(|t| t.judgements.as_deref())
            .unwrap_or(&self.judgements)
    }

    /// Whether `case` was carried over to the next meeting: judged with a judgement of its
    /// scale that says `carry_over: true`.
    pub fn carried_over(&self, case: &Case) -> bool {
        case.judgement.as_ref().is_some_and(|j| {
            self.judgement_scale(case.kind())
                .iter()
                .any(|c| c.carry_over && c.id == j.value)
        })
    }

    /// The types with a judgement scale of their own, in the order of `case_types:`.
    pub fn own_scales(&self) -> impl Iterator<Item = (&CaseType, &[Choice])> {
        self.case_types
            .iter()
            .filter_map(|t| Some((t, t.judgements.as_deref()?)))
    }

    /// The declaration of the case field `id`.
    pub fn field(&self, id: &str) -> Option<&FieldDecl> {
        self.fields.iter().find(|f| f.id == id)
    }

    /// The words of `language`, or of the report's own language when it has no such
    /// version, or English for a report with no catalogue at all.
    pub fn labels(&self, language: &str) -> &Labels {
        static ENGLISH: std::sync::LazyLock<Labels> = std::sync::LazyLock::new(Labels::english);
        self.catalogues
            .iter()
            .find(|(code, _)| code == language)
            .or_else(|| {
                self.catalogues
                    .iter()
                    .find(|(code, _)| *code == self.language)
            })
            .or_else(|| self.catalogues.first())
            .map_or(&*ENGLISH, |(_, labels)| labels)
    }
}

/// report.yaml's `privacy:`: the force's own reference formats, and text safe to publish.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Privacy {
    /// Regular expressions, already checked to compile.
    pub references: Vec<Located<String>>,
    pub allow: Vec<String>,
    /// `recent_dates: allow`: a full date in a case file or an observation from the two
    /// years up to the meeting, and not next to a word for birth, is taken for the
    /// incident or viewing date it almost always is.
    pub recent_dates_allowed: bool,
}

/// One entry of a scale defined in report.yaml: an id and the label shown for it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Choice {
    pub id: String,
    pub label: String,
    /// The label in the report's other languages, by language.
    #[serde(skip)]
    pub label_in: Vec<(String, String)>,
    /// `#RRGGBB`, for a RAG-style judgement scale; always shown beside the label.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub colour: Option<String>,
    /// `carry_over: true`: the panel could not decide, and takes the case up again at its
    /// next meeting, so a case given it is not counted at this one.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub carry_over: bool,
}

/// A free Markdown document such as background.md.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Doc {
    pub file: String,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Heading {
        level: u8,
        content: Vec<Inline>,
    },
    Paragraph(Vec<Inline>),
    List {
        start: Option<u64>,
        items: Vec<Item>,
    },
    Quote(Vec<Block>),
    Code(String),
    /// Raw HTML as written; renderers must sanitise or drop it.
    Html(String),
    Rule,
    Table {
        head: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
    },
}

/// A list item. In a case file every item is a feedback point.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// Index into [`Case::points`] when this item is a feedback point.
    pub point: Option<usize>,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    Text(String),
    Emphasis(Vec<Inline>),
    Strong(Vec<Inline>),
    Strikethrough(Vec<Inline>),
    Code(String),
    Link {
        url: String,
        content: Vec<Inline>,
    },
    /// Raw inline HTML as written; renderers must sanitise or drop it.
    Html(String),
    SoftBreak,
    HardBreak,
}

/// One case file.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Case {
    /// Numbered within its type when it has one, else across the report.
    pub number: u32,
    pub number_loc: Loc,
    /// `type:`, an id of `case_types:`.
    pub kind: Option<Located<String>>,
    pub file: String,
    pub title: Option<String>,
    pub checks: Vec<CheckAnswer>,
    pub judgement: Option<Located<String>>,
    /// Other scalar front-matter fields, for theme rules. Sorted by name.
    pub fields: Vec<(String, Field)>,
    /// Other front-matter fields given as a list of single values (`offence: [assault,
    /// criminal damage]`), in the order written: a rule holds when it holds for any of
    /// them, and a breakdown counts the case under each.
    pub lists: Vec<(String, Vec<Field>)>,
    /// The line of every front-matter key, so evidence from a field can point at it.
    pub key_lines: Vec<(String, usize)>,
    /// Where each custom field's value is, so a value a rule cannot test is pointed at.
    pub field_locs: Vec<(String, Loc)>,
    /// Theme ids given in front matter `themes:`.
    pub themes: Vec<Located<String>>,
    pub sections: Vec<Section>,
    pub points: Vec<Point>,
    /// The force's answer on the case, when the panel sets `response_headings:`.
    pub response: Option<CaseResponse>,
    /// The panel's restricted notes, when a copy carries them.
    pub restricted: Option<RestrictedNotes>,
    /// Tags, and front-matter themes, typed with capitals, `_`, spaces or `#`; each also
    /// counts under its plain id.
    pub odd_tags: Vec<OddTag>,
    /// `# word` in a point: perhaps a tag typed with a space after its `#`, which is text.
    pub spaced_tags: Vec<Located<String>>,
    /// For a case written as a folder, each member's file beside case.md.
    pub reviews: Vec<Review>,
    /// For a case written as a folder, case.md's own sections before the members' points
    /// joined them: what case.cy.md translates, heading for heading.
    pub own_sections: Option<Vec<Section>>,
    /// `carried_from: 2026-03/case-04`: the case an earlier meeting carried over, which
    /// this one takes up; the meeting's folder and the case's file without `.md`.
    pub carried_from: Option<Located<String>>,
}

impl Case {
    /// How the case is named in `cases:` lists and diagnostics: `stop-search-1` for a
    /// case of a type, the bare number otherwise.
    pub fn id(&self) -> String {
        case_id(self.kind.as_ref().map(|k| k.value.as_str()), self.number)
    }

    pub fn kind(&self) -> Option<&str> {
        self.kind.as_ref().map(|k| k.value.as_str())
    }
}

/// A case's id from its type and number: `stop-search-1`, or `1` for a case of no type.
pub fn case_id(kind: Option<&str>, number: u32) -> String {
    match kind {
        Some(kind) => format!("{kind}-{number}"),
        None => number.to_string(),
    }
}

/// A case as an observation's `cases:` names it: `4`, or `stop-search-4` once the
/// meeting has `case_types:`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct CaseRef {
    pub kind: Option<String>,
    pub number: u32,
}

impl std::fmt::Display for CaseRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&case_id(self.kind.as_deref(), self.number))
    }
}

/// The force's answer on a case: what stands under one of `response_headings:`. It is
/// the force's words, not the panel's, so it is never a [`Point`]: it gives no theme any
/// evidence and is not linted as feedback, though it is published and scanned as such.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CaseResponse {
    /// The heading as the case file writes it, under which `responses` writes it back.
    pub heading: String,
    pub line: usize,
    pub blocks: Vec<Block>,
}

/// The panel's words on a case for the force alone: what stands under its restricted
/// notes heading or in a fenced `restricted` block. They are the panel's private words,
/// so never a [`Point`] nor evidence for a theme, in any copy; a copy whose audience does
/// not carry them has none of their bytes.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RestrictedNotes {
    /// The line of the first note.
    pub line: usize,
    pub blocks: Vec<Block>,
}

/// A tag typed with capitals or `_` (`#Record_quality`), or a theme in front matter
/// typed so (`themes: [Record quality]`, `themes: ["#late"]`), and the id it was read as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OddTag {
    /// As typed (a tag with its `#`), located where it starts.
    pub written: Located<String>,
    pub id: String,
    /// Whether it was given in front matter `themes:` rather than as a tag in a point.
    pub front: bool,
}

/// A heading of a case and what follows it, up to the next heading. A deeper heading
/// starts a section nested in this one's `children`; the first section may have no
/// heading. Nesting is at most six deep, as Markdown has six heading levels.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub heading: Option<Vec<Inline>>,
    /// The heading's Markdown level, 1 to 6; 0 for the text before the first heading.
    pub level: u8,
    pub blocks: Vec<Block>,
    pub children: Vec<Section>,
    /// Its heading is in the original's language in a translation: a heading only a
    /// member's file of a case folder has, which the translation of case.md cannot
    /// cover, so that a version marks it for a screen reader to read in that voice.
    pub untranslated: bool,
}

/// A feedback point: one list item of a case.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Point {
    pub line: usize,
    /// The item's own text (not its nested items), tags removed, white space collapsed.
    pub text: String,
    pub tags: Vec<Located<String>>,
    /// The member whose file it is in; `None` for a point of the case's own file.
    pub member: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Answer {
    Yes,
    Partial,
    No,
    Unclear,
    Split,
    #[serde(rename = "n/a")]
    NotApplicable,
}

impl Answer {
    pub const ALL: [Answer; 6] = [
        Answer::Yes,
        Answer::Partial,
        Answer::No,
        Answer::Unclear,
        Answer::Split,
        Answer::NotApplicable,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Answer::Yes => "yes",
            Answer::Partial => "partial",
            Answer::No => "no",
            Answer::Unclear => "unclear",
            Answer::Split => "split",
            Answer::NotApplicable => "n/a",
        }
    }

    pub fn from_id(id: &str) -> Option<Answer> {
        Answer::ALL
            .into_iter()
            .find(|a| a.id().eq_ignore_ascii_case(id.trim()))
    }

    /// The answer that text off the scale most likely means, for a "did you mean": the
    /// words panels use for each (`partly`, `N/K`, `not applicable`), then close spellings.
    pub fn likely(text: &str) -> Option<Answer> {
        let word = text.trim().to_lowercase();
        let word = word.trim_end_matches('.');
        let by_word = match word {
            "y" | "ok" | "done" | "completed" | "met" => Some(Answer::Yes),
            "partly" | "partially" | "part" | "some" | "in part" => Some(Answer::Partial),
            "n" | "none" | "not met" | "not done" => Some(Answer::No),
            "na" | "n.a" | "n / a" | "not applicable" | "none applicable" => {
                Some(Answer::NotApplicable)
            }
            "?" | "unknown" | "not known" | "n/k" | "nk" | "unsure" | "not clear" => {
                Some(Answer::Unclear)
            }
            "mixed" | "divided" | "disagreed" | "no agreement" => Some(Answer::Split),
            _ => None,
        };
        by_word.or_else(|| {
            crate::diagnostic::did_you_mean(word, Answer::ALL.map(Answer::id))
                .and_then(Answer::from_id)
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckAnswer {
    pub id: String,
    pub answer: Answer,
    pub loc: Loc,
    /// The panel's words beside the answer (`{answer: partial, note: ...}`): shown with
    /// it, never counted nor evidence.
    pub note: Option<String>,
}

/// A scalar front-matter field that theme rules can test.
#[derive(Debug, Clone, PartialEq)]
pub enum Field {
    Text(String),
    Number(f64),
    Bool(bool),
}

/// A theme from themes.yaml.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub id: String,
    /// The themes.yaml that defines it: the meeting's, or in an archive the panel's.
    pub file: String,
    pub loc: Loc,
    pub label: String,
    pub summary: Option<String>,
    /// The label and the summary in the report's other languages, by language.
    pub label_in: Vec<(String, String)>,
    pub summary_in: Vec<(String, String)>,
    pub kind: ThemeKind,
    /// Each located at its `- ` item in themes.yaml, so a rule that never holds can be shown.
    pub rules: Vec<Located<Rule>>,
}

/// Whether a theme is a concern or good practice; the summary lists them apart.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ThemeKind {
    #[default]
    Concern,
    GoodPractice,
}

impl ThemeKind {
    pub const ALL: [ThemeKind; 2] = [ThemeKind::Concern, ThemeKind::GoodPractice];

    pub fn id(self) -> &'static str {
        match self {
            ThemeKind::Concern => "concern",
            ThemeKind::GoodPractice => "good-practice",
        }
    }
}

/// One way a case can be found to have a theme.
#[derive(Debug, Clone, PartialEq)]
pub enum Rule {
    Check {
        check: Located<String>,
        is: Vec<Answer>,
    },
    Field {
        name: String,
        test: FieldTest,
    },
    /// `phrase` and `unless` as written; matching normalises them.
    Phrase {
        phrase: String,
        unless: Vec<String>,
        /// What a match inside a word or after a negation does; `None` counts it with a
        /// warning until someone has decided.
        negated: Option<Negated>,
    },
}

/// A phrase rule's `negated:`: what a match that may mean the opposite of the phrase
/// ("complete" in "incomplete", "compliant" after "not") does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Negated {
    /// Not counted.
    Skip,
    /// Counted, as the phrase itself is.
    Count,
}

impl Negated {
    pub const ALL: [Negated; 2] = [Negated::Skip, Negated::Count];

    pub fn id(self) -> &'static str {
        match self {
            Negated::Skip => "skip",
            Negated::Count => "count",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum FieldTest {
    Is(Vec<String>),
    Above(f64),
    Below(f64),
    Present(bool),
}

/// One row of section 4.0: an observation and the force's response.
#[derive(Debug, Clone, PartialEq)]
pub struct Observation {
    pub file: String,
    pub order: Option<i64>,
    pub themes: Vec<Located<String>>,
    /// `cases:`: the cases behind it, named outright; used in place of its themes' cases.
    pub cases: Option<Vec<Located<CaseRef>>>,
    pub status: Status,
    pub observation: Vec<Block>,
    pub response: Vec<Block>,
}

/// A meeting's update on an observation of an earlier meeting: `updates/*.md`.
#[derive(Debug, Clone, PartialEq)]
pub struct Update {
    pub file: String,
    /// `2023-03/referrals`: the meeting's id, `/`, the observation's file name without .md.
    pub observation: Located<String>,
    pub status: Status,
    pub status_loc: Loc,
    pub text: Vec<Block>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    AwaitingResponse,
    Responded,
    InProgress,
    Closed,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::AwaitingResponse,
        Status::Responded,
        Status::InProgress,
        Status::Closed,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Status::AwaitingResponse => "awaiting-response",
            Status::Responded => "responded",
            Status::InProgress => "in-progress",
            Status::Closed => "closed",
        }
    }
}

/// Plain text of inline content, as a reader would see it.
pub fn plain_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    push_plain(inlines, &mut out);
    out
}

fn push_plain(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text(t) | Inline::Code(t) => out.push_str(t),
            Inline::Emphasis(c)
            | Inline::Strong(c)
            | Inline::Strikethrough(c)
            | Inline::Link { content: c, .. } => push_plain(c, out),
            Inline::Html(_) => {}
            Inline::SoftBreak | Inline::HardBreak => out.push(' '),
        }
    }
}

/// Plain text of blocks, paragraphs separated by blank lines.
pub fn blocks_text(blocks: &[Block]) -> String {
    let mut parts = Vec::new();
    for block in blocks {
        match block {
            Block::Heading { content, .. } | Block::Paragraph(content) => {
                parts.push(plain_text(content));
            }
            Block::List { items, .. } => {
                for item in items {
                    parts.push(blocks_text(&item.blocks));
                }
            }
            Block::Quote(inner) => parts.push(blocks_text(inner)),
            Block::Code(code) => parts.push(code.trim_end().to_string()),
            Block::Html(_) | Block::Rule => {}
            Block::Table { head, rows } => {
                let row_text = |row: &Vec<Vec<Inline>>| {
                    row.iter()
                        .map(|c| plain_text(c))
                        .collect::<Vec<_>>()
                        .join(" | ")
                };
                parts.push(row_text(head));
                parts.extend(rows.iter().map(row_text));
            }
        }
    }
    parts.retain(|p| !p.is_empty());
    parts.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_read_their_ids_in_any_case() {
        assert_eq!(Answer::from_id(" N/A "), Some(Answer::NotApplicable));
        assert_eq!(Answer::from_id("Split"), Some(Answer::Split));
        assert_eq!(Answer::from_id("maybe"), None);
        assert_eq!(Answer::likely("partly"), Some(Answer::Partial));
        assert_eq!(
            Answer::likely(" Not applicable "),
            Some(Answer::NotApplicable)
        );
        assert_eq!(Answer::likely("unclera"), Some(Answer::Unclear));
        assert_eq!(Answer::likely("maybe"), None);
        assert!(
            Answer::ALL
                .iter()
                .all(|a| Answer::from_id(a.id()) == Some(*a))
        );
    }

    #[test]
    fn plain_text_reads_like_the_page() {
        let inlines = vec![
            Inline::Text("A ".into()),
            Inline::Strong(vec![Inline::Text("bold".into())]),
            Inline::SoftBreak,
            Inline::Html("<b>".into()),
            Inline::Link {
                url: "https://x".into(),
                content: vec![Inline::Code("code".into())],
            },
        ];
        assert_eq!(plain_text(&inlines), "A bold code");
        let blocks = vec![
            Block::Paragraph(vec![Inline::Text("one".into())]),
            Block::Rule,
            Block::List {
                start: None,
                items: vec![Item {
                    point: None,
                    blocks: vec![Block::Paragraph(vec![Inline::Text("two".into())])],
                }],
            },
        ];
        assert_eq!(blocks_text(&blocks), "one\n\ntwo");
    }
}
