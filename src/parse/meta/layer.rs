//! One settings file read on its own: an archive's panel.yaml, which every meeting shares,
//! or a meeting's report.yaml. Each is read into a [`Layer`] of what it gives, every value
//! with its file, before any is merged; [`super::merge`] then decides what a later layer
//! changes, so the reading of a key and the rule of inheritance live apart.

use crate::diagnostic::{Diagnostic, Diagnostics, SourceId};
use crate::model::{Audience, CaseType, Choice, Fact, FieldDecl, Located, Member, Privacy};
use crate::parse::frontmatter::{entries, text, text_list, unknown_key};
use crate::parse::labels::{self, localised};
use crate::parse::yaml::Node;

use super::{
    KEYS, audiences, breakdown, case_types, fields, meeting_date, members, privacy, scale, session,
};

/// Which file a layer is: what a panel shares, or what one meeting says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Panel,
    Meeting,
}

/// A text in the report's language, if given, and in its others, by language.
pub type Localised = (Option<String>, Vec<(String, String)>);

/// What one settings file gives; `None` where it says nothing.
pub struct Layer<'a> {
    pub file: &'a str,
    pub role: Role,
    /// The title in the report's language, and in its others.
    pub title: Option<Localised>,
    /// `Some(None)` when given but not a date (already reported).
    pub meeting_date: Option<Option<String>>,
    /// `Some(None)` when given but not a text (already reported).
    pub session: Option<Option<String>>,
    pub panel: Option<Localised>,
    pub organisation: Option<Localised>,
    pub force: Option<Option<String>>,
    pub marking: Option<Option<String>>,
    pub language: Option<String>,
    pub languages: Option<Vec<String>>,
    pub labels: Option<&'a Node>,
    pub word_template: Option<Option<Located<String>>>,
    pub judgements: Option<Vec<Choice>>,
    pub checks: Option<Vec<Choice>>,
    pub case_facts: Option<Vec<Fact>>,
    pub breakdown: Option<Vec<Located<String>>>,
    pub fields: Option<Vec<FieldDecl>>,
    pub case_types: Option<Vec<CaseType>>,
    pub privacy: Option<Privacy>,
    pub response_headings: Option<Vec<String>>,
    pub audiences: Option<Vec<Audience>>,
    pub members: Option<Vec<Member>>,
    /// `packs_due:`, the date members send their review packs back by.
    pub packs_due: Option<Option<String>>,
    /// `packs_audience:`, the copy whose facts a review pack shows.
    pub packs_audience: Option<Option<Located<String>>>,
    /// Every known key the file gives, at its line.
    pub keys: Vec<Located<String>>,
}

/// Reads `root`, the YAML of `file`. `language` is the report's, which texts given by
/// language are read against even where a later layer is what sets it.
pub fn read<'a>(
    file: &'a str,
    root: &'a Node,
    role: Role,
    language: &str,
    diagnostics: &mut Diagnostics,
) -> Layer<'a> {
    let source = SourceId::new(file);
    let what = file.rsplit('/').next().unwrap_or(file);
    let mut layer = Layer {
        file,
        role,
        title: None,
        meeting_date: None,
        session: None,
        panel: None,
        organisation: None,
        force: None,
        marking: None,
        language: None,
        languages: None,
        labels: None,
        word_template: None,
        judgements: None,
        checks: None,
        case_facts: None,
        breakdown: None,
        fields: None,
        case_types: None,
        privacy: None,
        response_headings: None,
        audiences: None,
        members: None,
        packs_due: None,
        packs_audience: None,
        keys: Vec::new(),
    };
    for (key, value) in entries(root, file, what, diagnostics) {
        let name = key.name.as_str();
        if KEYS.contains(&name) {
            layer.keys.push(Located {
                value: name.to_string(),
                loc: key.loc,
                source: source.clone(),
            });
        }
        match name {
            "title" => layer.title = Some(localised(value, file, name, language, diagnostics)),
            "meeting_date" if role == Role::Panel => diagnostics.push(
                Diagnostic::error(file, key.loc, "`meeting_date` belongs in each meeting's report.yaml, not in panel.yaml")
                    .width(name.len())
                    .hint("panel.yaml holds what every meeting shares; move this line into the report.yaml of the meeting it dates"),
            ),
            "meeting_date" => layer.meeting_date = Some(meeting_date(value, file, diagnostics)),
            "session" if role == Role::Panel => diagnostics.push(
                Diagnostic::error(file, key.loc, "`session` belongs in each meeting's report.yaml, not in panel.yaml")
                    .width(name.len())
                    .hint("a session names one sitting of a day, such as `session: 3–5 pm`; move this line into the report.yaml of the sitting it names"),
            ),
            "session" => layer.session = Some(session(value, file, diagnostics)),
            "panel" => layer.panel = Some(localised(value, file, name, language, diagnostics)),
            "organisation" => {
                layer.organisation = Some(localised(value, file, name, language, diagnostics));
            }
            "force" => layer.force = Some(text(value, file, name, diagnostics)),
            "marking" => layer.marking = Some(text(value, file, name, diagnostics)),
            "language" => {
                if let Some(language) = labels::language(value, file, diagnostics) {
                    layer.language = Some(language);
                }
            }
            "languages" => layer.languages = Some(labels::languages(value, file, diagnostics)),
            "labels" => layer.labels = Some(value),
            "word_template" => {
                layer.word_template = Some(text(value, file, name, diagnostics).map(|t| Located {
                    value: t,
                    loc: value.loc,
                    source: source.clone(),
                }));
            }
            "judgements" => {
                layer.judgements = Some(scale::scale(value, file, name, true, language, diagnostics));
            }
            "checks" => {
                layer.checks = Some(scale::scale(value, file, name, false, language, diagnostics));
            }
            "case_facts" => layer.case_facts = Some(scale::case_facts(value, file, language, diagnostics)),
            "breakdown" => layer.breakdown = Some(breakdown::breakdown(value, file, diagnostics)),
            "fields" => layer.fields = Some(fields::fields(value, file, language, diagnostics)),
            "case_types" => {
                layer.case_types = Some(case_types::case_types(value, file, language, diagnostics));
            }
            "privacy" => layer.privacy = Some(privacy::privacy(value, file, diagnostics)),
            "response_headings" => {
                let headings = text_list(value, file, name, diagnostics);
                layer.response_headings = Some(headings.into_iter().map(|(t, _)| t).collect());
            }
            "audiences" => {
                layer.audiences = Some(audiences::audiences(value, file, diagnostics));
            }
            "members" => layer.members = Some(members::members(value, file, diagnostics)),
            "packs_due" => layer.packs_due = Some(text(value, file, name, diagnostics)),
            "packs_audience" => {
                layer.packs_audience = Some(text(value, file, name, diagnostics).map(|t| Located {
                    value: t,
                    loc: value.loc,
                    source: source.clone(),
                }));
            }
            _ => diagnostics.push(unknown_key(file, key, KEYS, what, false)),
        }
    }
    layer
}
