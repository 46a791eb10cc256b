//! Every word build-report itself prints, one catalogue per language.
//!
//! The catalogues are plain YAML files in `labels/`, compiled into the binary: a panel
//! officer or a translator can read and correct them, and `labels:` in report.yaml uses
//! the same keys to change any entry. They are YAML rather than Fluent because the only
//! sentence that depends on a number is "4 of 16 cases", which English words two ways
//! (`count_of_one`, `count_of_many`) and Welsh one way (a numeral takes the singular
//! noun); a second format and its crate would buy nothing. Each catalogue is read into the
//! typed [`Labels`], which denies unknown keys and has no defaults, so a word missing from
//! one language fails a unit test rather than a reader.

use serde::{Deserialize, Serialize};

/// The languages with a built-in catalogue, by their code in report.yaml.
pub const LANGUAGES: [(&str, &str); 2] = [
    ("en", include_str!("../labels/en.yaml")),
    ("cy", include_str!("../labels/cy.yaml")),
];

/// One language's words. Values may hold `{name}` places that [`fill`] fills.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Labels {
    pub background: String,
    pub cases: String,
    pub summary: String,
    pub themes_found: String,
    pub theme_tally: String,
    pub judgements: String,
    pub checklist_results: String,
    pub observations: String,
    pub closing_remarks: String,
    pub contents: String,
    pub evidence_heading: String,
    pub appendix_evidence: String,
    pub panel: String,
    pub force: String,
    pub meeting_date: String,
    pub cases_reviewed: String,
    pub protective_marking: String,
    pub case: String,
    pub title: String,
    pub panel_judgement: String,
    pub checklist: String,
    pub checklist_for_case: String,
    pub themes: String,
    pub count_of_one: String,
    pub count_of_many: String,
    pub count_of_noun: String,
    pub col_theme: String,
    pub col_cases: String,
    pub col_share: String,
    pub col_case_numbers: String,
    pub col_judgement: String,
    pub col_check: String,
    pub col_answers: String,
    pub col_not_recorded: String,
    pub col_case: String,
    /// The workbook's column of each case's type, once a meeting has `case_types:`.
    pub col_type: String,
    pub col_number: String,
    pub col_observation: String,
    pub col_force_response: String,
    pub response_prompt: String,
    /// Above the force's answer on a case, which `response_headings:` takes out of its body.
    pub case_response: String,
    /// The heading of the panel's restricted notes on a case, and their label in a copy
    /// that carries them.
    pub restricted_notes: String,
    /// A member's review pack: its first page, its boxes and its drop-downs.
    pub pack_title: String,
    pub pack_intro: String,
    pub pack_how: String,
    pub pack_due: String,
    pub pack_return: String,
    pub pack_read_back: String,
    pub pack_prompt: String,
    pub pack_not_answered: String,
    pub pack_agreed: String,
    pub pack_your_answers: String,
    pub pack_judgement: String,
    pub chart_title: String,
    pub chart_caption: String,
    pub chart_scale_all: String,
    pub tally_caption: String,
    pub judgement_chart_title: String,
    pub judgement_chart_caption: String,
    pub judgements_caption: String,
    pub checks_caption: String,
    pub matrix_caption: String,
    pub observations_caption: String,
    pub no_background: String,
    pub no_theme_found: String,
    pub no_themes: String,
    pub no_observations: String,
    pub evidence_in_appendix: String,
    pub appendix_intro: String,
    pub panel_summary: String,
    pub concerns: String,
    pub good_practice: String,
    pub breakdown_heading: String,
    pub breakdown_caption: String,
    pub breakdown_caption_several: String,
    pub all_cases: String,
    pub not_given: String,
    pub pairs_heading: String,
    pub pairs_caption: String,
    pub col_found_with: String,
    pub no_pairs: String,
    pub col_mentions: String,
    pub mentions_one: String,
    pub mentions_many: String,
    pub did_not_record: String,
    pub fewer_than: String,
    pub withheld: String,
    pub from_checklist: String,
    pub in_cases_one: String,
    pub in_cases_many: String,
    pub answer_yes: String,
    pub answer_partial: String,
    pub answer_no: String,
    pub answer_unclear: String,
    pub answer_split: String,
    pub answer_na: String,
    pub not_recorded: String,
    pub no_judgement: String,
    /// The short table of cases carried over to the next meeting, and a carried case's mark.
    pub carried_heading: String,
    pub carried_caption: String,
    pub carried_from: String,
    pub carried_from_earlier: String,
    /// The trends' list of carried-over cases no meeting has judged yet.
    pub carried_open: String,
    pub carried_open_caption: String,
    pub col_latest_meeting: String,
    /// The cover's number of cases reviewed when some were carried over: "15, and 1
    /// carried over".
    pub cases_and_carried: String,
    /// The paragraph `new-meeting` writes above a carried-over case's earlier points.
    pub carried_earlier: String,
    pub status: String,
    pub awaiting_response: String,
    pub responded: String,
    pub in_progress: String,
    pub follow_up: String,
    pub follow_up_intro: String,
    pub follow_up_caption: String,
    pub raised_at: String,
    pub col_status_before: String,
    pub col_update: String,
    pub no_update: String,
    pub closed: String,
    pub value_yes: String,
    pub value_no: String,
    pub given_by_panel: String,
    pub cases_behind: String,
    pub judgement_appropriate: String,
    pub judgement_appropriate_with_observations: String,
    pub judgement_inappropriate: String,
    pub judgement_not_agreed: String,
    pub case_facts: String,
    pub col_evidence: String,
    pub sheet_themes: String,
    pub sheet_cases: String,
    pub sheet_evidence: String,
    pub sheet_checks: String,
    pub sheet_observations: String,
    pub sheet_breakdowns: String,
    pub col_field: String,
    pub col_value: String,
    pub col_theme_id: String,
    pub col_kind: String,
    pub col_share_of_cases: String,
    pub col_file: String,
    pub col_line: String,
    pub col_found_by: String,
    pub col_rule: String,
    pub col_text: String,
    pub col_answer: String,
    pub col_answer_note: String,
    pub kind_concern: String,
    pub kind_good_practice: String,
    pub csv_id: String,
    pub csv_label: String,
    pub csv_count: String,
    pub csv_share: String,
    pub csv_cases: String,
    pub archive_meetings: String,
    pub index_caption: String,
    pub col_meeting: String,
    pub trends: String,
    pub see_trends: String,
    pub all_meetings: String,
    pub period: String,
    pub period_range: String,
    pub status_as_of: String,
    pub theme_trends: String,
    pub theme_trends_caption: String,
    pub share_chart_title: String,
    pub share_chart_caption: String,
    pub count_share: String,
    pub count_of_total: String,
    pub change_up: String,
    pub change_down: String,
    pub change_same: String,
    pub change_within_chance: String,
    pub change_beyond_chance: String,
    pub no_comparison: String,
    pub change_trends_caption: String,
    pub over_range_caption: String,
    pub share_interval: String,
    pub check_trends: String,
    pub check_trends_caption: String,
    pub judgement_trends: String,
    pub judgement_trends_caption: String,
    pub observation_tracker: String,
    pub tracker_caption: String,
    pub open_observations: String,
    pub closed_observations: String,
    pub col_raised: String,
    pub col_time_open: String,
    pub col_updates: String,
    pub no_update_yet: String,
    pub open_for: String,
    pub closed_after: String,
    pub month_one: String,
    pub month_many: String,
    pub under_a_month: String,
    pub later_meeting_none: String,
    pub later_meeting_one: String,
    pub later_meeting_many: String,
    pub no_meetings: String,
    pub changes_title: String,
    pub changes_since: String,
    pub changes_none: String,
    pub changes_meeting_added: String,
    pub changes_meeting_removed: String,
    pub changes_cases: String,
    pub changes_tallies: String,
    pub changes_answers: String,
    pub changes_points: String,
    pub changes_observations: String,
    pub changes_translations: String,
    pub col_before: String,
    pub col_after: String,
    pub changed_added: String,
    pub changed_removed: String,
    pub changed_reworded: String,
    pub changed_response: String,
    pub not_answered: String,
    /// members.html and the workbook's Members sheet, for the panel's own use.
    pub members_view: String,
    pub members_view_intro: String,
    pub members_heading: String,
    pub members_caption: String,
    pub col_member: String,
    pub col_points: String,
    pub no_case_yet: String,
    pub agreement_heading: String,
    pub agreement_caption: String,
    pub col_raised_by: String,
    pub members_of_one: String,
    pub members_of_many: String,
    pub no_agreement: String,
    pub differences_heading: String,
    pub differences_caption: String,
    pub col_question: String,
    pub col_members_answers: String,
    pub col_panel_agreed: String,
    pub no_differences: String,
    pub sheet_members: String,
    pub page_x_of_y: String,
    pub this_report_in: String,
    pub date: String,
    pub month_date: String,
    pub sitting_date: String,
    pub months: Vec<String>,
}

/// Every key of [`Labels`], in the catalogue's order, for "did you mean" hints.
pub const KEYS: &[&str] = &[
    "background",
    "cases",
    "summary",
    "themes_found",
    "theme_tally",
    "judgements",
    "checklist_results",
    "observations",
    "closing_remarks",
    "contents",
    "evidence_heading",
    "appendix_evidence",
    "panel",
    "force",
    "meeting_date",
    "cases_reviewed",
    "protective_marking",
    "case",
    "title",
    "panel_judgement",
    "checklist",
    "checklist_for_case",
    "themes",
    "count_of_one",
    "count_of_many",
    "count_of_noun",
    "col_theme",
    "col_cases",
    "col_share",
    "col_case_numbers",
    "col_judgement",
    "col_check",
    "col_answers",
    "col_not_recorded",
    "col_case",
    "col_type",
    "col_number",
    "col_observation",
    "col_force_response",
    "response_prompt",
    "case_response",
    "restricted_notes",
    "pack_title",
    "pack_intro",
    "pack_how",
    "pack_due",
    "pack_return",
    "pack_read_back",
    "pack_prompt",
    "pack_not_answered",
    "pack_agreed",
    "pack_your_answers",
    "pack_judgement",
    "chart_title",
    "chart_caption",
    "chart_scale_all",
    "tally_caption",
    "judgement_chart_title",
    "judgement_chart_caption",
    "judgements_caption",
    "checks_caption",
    "matrix_caption",
    "observations_caption",
    "no_background",
    "no_theme_found",
    "no_themes",
    "no_observations",
    "evidence_in_appendix",
    "appendix_intro",
    "panel_summary",
    "concerns",
    "good_practice",
    "breakdown_heading",
    "breakdown_caption",
    "breakdown_caption_several",
    "all_cases",
    "not_given",
    "pairs_heading",
    "pairs_caption",
    "col_found_with",
    "no_pairs",
    "col_mentions",
    "mentions_one",
    "mentions_many",
    "did_not_record",
    "fewer_than",
    "withheld",
    "from_checklist",
    "in_cases_one",
    "in_cases_many",
    "answer_yes",
    "answer_partial",
    "answer_no",
    "answer_unclear",
    "answer_split",
    "answer_na",
    "not_recorded",
    "no_judgement",
    "carried_heading",
    "carried_caption",
    "carried_from",
    "carried_from_earlier",
    "carried_open",
    "carried_open_caption",
    "col_latest_meeting",
    "cases_and_carried",
    "carried_earlier",
    "status",
    "awaiting_response",
    "responded",
    "in_progress",
    "follow_up",
    "follow_up_intro",
    "follow_up_caption",
    "raised_at",
    "col_status_before",
    "col_update",
    "no_update",
    "closed",
    "value_yes",
    "value_no",
    "given_by_panel",
    "cases_behind",
    "judgement_appropriate",
    "judgement_appropriate_with_observations",
    "judgement_inappropriate",
    "judgement_not_agreed",
    "case_facts",
    "col_evidence",
    "sheet_themes",
    "sheet_cases",
    "sheet_evidence",
    "sheet_checks",
    "sheet_observations",
    "sheet_breakdowns",
    "col_field",
    "col_value",
    "col_theme_id",
    "col_kind",
    "col_share_of_cases",
    "col_file",
    "col_line",
    "col_found_by",
    "col_rule",
    "col_text",
    "col_answer",
    "col_answer_note",
    "kind_concern",
    "kind_good_practice",
    "csv_id",
    "csv_label",
    "csv_count",
    "csv_share",
    "csv_cases",
    "archive_meetings",
    "index_caption",
    "col_meeting",
    "trends",
    "see_trends",
    "all_meetings",
    "period",
    "period_range",
    "status_as_of",
    "theme_trends",
    "theme_trends_caption",
    "share_chart_title",
    "share_chart_caption",
    "count_share",
    "count_of_total",
    "change_up",
    "change_down",
    "change_same",
    "change_within_chance",
    "change_beyond_chance",
    "no_comparison",
    "change_trends_caption",
    "over_range_caption",
    "share_interval",
    "check_trends",
    "check_trends_caption",
    "judgement_trends",
    "judgement_trends_caption",
    "observation_tracker",
    "tracker_caption",
    "open_observations",
    "closed_observations",
    "col_raised",
    "col_time_open",
    "col_updates",
    "no_update_yet",
    "open_for",
    "closed_after",
    "month_one",
    "month_many",
    "under_a_month",
    "later_meeting_none",
    "later_meeting_one",
    "later_meeting_many",
    "no_meetings",
    "changes_title",
    "changes_since",
    "changes_none",
    "changes_meeting_added",
    "changes_meeting_removed",
    "changes_cases",
    "changes_tallies",
    "changes_answers",
    "changes_points",
    "changes_observations",
    "changes_translations",
    "col_before",
    "col_after",
    "changed_added",
    "changed_removed",
    "changed_reworded",
    "changed_response",
    "not_answered",
    "members_view",
    "members_view_intro",
    "members_heading",
    "members_caption",
    "col_member",
    "col_points",
    "no_case_yet",
    "agreement_heading",
    "agreement_caption",
    "col_raised_by",
    "members_of_one",
    "members_of_many",
    "no_agreement",
    "differences_heading",
    "differences_caption",
    "col_question",
    "col_members_answers",
    "col_panel_agreed",
    "no_differences",
    "sheet_members",
    "page_x_of_y",
    "this_report_in",
    "date",
    "month_date",
    "sitting_date",
    "months",
];

impl Labels {
    /// The built-in catalogue for `language`, if there is one.
    pub fn built_in(language: &str) -> Option<Labels> {
        let (_, text) = LANGUAGES.iter().find(|(code, _)| *code == language)?;
        // The catalogues are part of the binary and a unit test reads each one, so a
        // failure here is a bug in this build, reported rather than hidden.
        match serde_saphyr::from_str(text) {
            Ok(labels) => Some(labels),
            Err(err) => panic!("the built-in `{language}` catalogue does not read: {err}"),
        }
    }

    /// English, the language every report falls back to.
    pub fn english() -> Labels {
        Labels::built_in("en").unwrap_or_else(|| unreachable!("English is built in"))
    }

    /// Replaces the entry `key` with `value`; `false` when there is no such key.
    pub fn set(&mut self, key: &str, value: &str) -> bool {
        if key == "months" {
            return false;
        }
        let Ok(serde_json::Value::Object(mut map)) = serde_json::to_value(&*self) else {
            return false;
        };
        match map.get_mut(key) {
            Some(slot @ serde_json::Value::String(_)) => {
                *slot = serde_json::Value::String(value.to_string());
            }
            _ => return false,
        }
        match serde_json::from_value(serde_json::Value::Object(map)) {
            Ok(labels) => {
                *self = labels;
                true
            }
            Err(_) => false,
        }
    }

    /// Sets the twelve month names at once.
    pub fn set_months(&mut self, months: Vec<String>) -> bool {
        if months.len() != 12 {
            return false;
        }
        self.months = months;
        true
    }
}

/// `template` with each `{name}` replaced by its value; unknown places stay as written.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match values.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => out.push_str(value),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `{name}` places in `template`, so an override can be checked for the places the
/// built-in entry has.
pub fn places(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        names.push(&after[..close]);
        rest = &after[close + 1..];
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_catalogue_reads_and_has_every_word() {
        for (code, _) in LANGUAGES {
            let labels = Labels::built_in(code).unwrap();
            assert_eq!(labels.months.len(), 12, "{code}");
            let english = Labels::english();
            let (en, this) = (
                serde_json::to_value(&english).unwrap(),
                serde_json::to_value(&labels).unwrap(),
            );
            for key in KEYS {
                let (a, b) = (&en[key], &this[key]);
                assert!(!b.is_null(), "{code} has no `{key}`");
                if let (Some(a), Some(b)) = (a.as_str(), b.as_str()) {
                    assert!(!b.trim().is_empty(), "{code}: `{key}` is empty");
                    let (mut pa, mut pb) = (places(a), places(b));
                    pa.sort_unstable();
                    pb.sort_unstable();
                    assert_eq!(pa, pb, "{code}: `{key}` must keep the places of English");
                }
            }
        }
    }

    #[test]
    fn welsh_has_its_own_words() {
        let cy = Labels::built_in("cy").unwrap();
        assert_eq!(cy.background, "Cefndir");
        assert_eq!(cy.col_force_response, "Ymateb yr Heddlu");
        assert_eq!(cy.months[8], "Medi");
        assert_eq!(
            fill(&cy.count_of_many, &[("count", "16"), ("total", "16")]),
            "16 o 16 achos"
        );
        assert_eq!(
            fill(&cy.page_x_of_y, &[("page", "2"), ("pages", "9")]),
            "Tudalen 2 o 9"
        );
    }

    #[test]
    fn fill_leaves_unknown_places_and_odd_braces_alone() {
        assert_eq!(fill("Case {number}", &[("number", "6")]), "Case 6");
        assert_eq!(fill("{x} and {", &[]), "{x} and {");
        assert_eq!(fill("a}b", &[]), "a}b");
    }

    #[test]
    fn an_entry_can_be_changed_but_not_invented() {
        let mut labels = Labels::english();
        assert!(labels.set("contents", "Table of contents"));
        assert_eq!(labels.contents, "Table of contents");
        assert!(!labels.set("contnets", "x"));
        assert!(!labels.set("months", "x"));
        assert!(labels.set_months((1..=12).map(|m| m.to_string()).collect()));
        assert!(!labels.set_months(vec!["Jan".into()]));
    }
}
