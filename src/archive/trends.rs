//! The archive's meetings in one date range, laid side by side as [`Trends`]: each
//! theme's cases per meeting, each check's answers, the judgements, and every observation
//! followed to where it stands.
//!
//! Every number is taken from the meetings' own analyses, so a trend can never disagree
//! with the reports it sums up.

use crate::analyse::Analysis;
use crate::analyse::follow::{self, Record};
use crate::analyse::trends::{
    CarriedCase, CheckInMeeting, CheckTrend, MeetingRow, ThemeInMeeting, ThemeTrend, Tracked,
    TrendCase, Trends, TypeJudgementTrend,
};
use crate::audience::Copy;
use crate::catalogue::Labels;
use crate::diagnostic::Diagnostics;
use crate::model::{Choice, Meta, Report, Status, ThemeKind, Translated};
use crate::parse::meta;
use crate::render::Format;
use crate::view::CaseNames;
use crate::view::language::pick;

use super::{Archive, Meeting};

/// One meeting as a set of trends reads it: whole, or as one audience's copy.
struct Seen<'a> {
    meeting: &'a Meeting,
    report: &'a Report,
    analysis: &'a Analysis,
    /// The audience whose copy this is, whose folder its page is in.
    audience: Option<&'a str>,
}

/// The trends of the meetings of `archive` in `range` (a subset of its meetings, in
/// order), and the catalogue's words they are written in: those of panel.yaml's
/// language with its `labels:`, or else the latest meeting's; or, given `language`,
/// of that version of a bilingual archive.
pub fn trends(archive: &Archive, range: &[&Meeting], language: Option<&str>) -> (Trends, Labels) {
    let seen: Vec<Seen> = range
        .iter()
        .map(|m| Seen {
            meeting: m,
            report: &m.checked.report,
            analysis: &m.checked.analysis,
            audience: None,
        })
        .collect();
    gather(archive, &seen, 0, language)
}

/// One audience's trends: of each meeting in range that has its copy, from that copy
/// alone, so that a field it hides is not read, linking to that copy's page, and
/// suppressing the smallest numbers as strictly as any of the copies does.
pub fn audience_trends(
    archive: &Archive,
    range: &[(&Meeting, &Copy)],
    language: Option<&str>,
) -> (Trends, Labels) {
    let seen: Vec<Seen> = range
        .iter()
        .map(|(m, copy)| Seen {
            meeting: m,
            report: &copy.report,
            analysis: &copy.analysis,
            audience: Some(copy.name()),
        })
        .collect();
    let below = range
        .iter()
        .map(|(_, copy)| copy.report.meta.suppress_below)
        .max()
        .unwrap_or(0);
    gather(archive, &seen, below, language)
}

/// The languages an archive's own files are written in: panel.yaml's `languages:`, or
/// else the latest meeting's; just its language when it has one.
pub fn languages(archive: &Archive, range: &[&Meeting]) -> Vec<String> {
    let panel = panel_meta(archive);
    let settings = panel
        .as_ref()
        .or_else(|| range.last().map(|m| &m.checked.report.meta));
    settings.map_or_else(|| vec!["en".to_string()], |m| m.languages.clone())
}

fn gather(
    archive: &Archive,
    range: &[Seen],
    suppress_below: u32,
    language: Option<&str>,
) -> (Trends, Labels) {
    let panel = panel_meta(archive);
    let settings = panel.as_ref().or(latest(range));
    let own = settings.map_or("en", |m| m.language.as_str());
    let language = language.unwrap_or(own).to_string();
    let labels = settings.map_or_else(Labels::english, |m| m.labels(&language).clone());
    // Words of the settings, in this version's language where they give it.
    let tr = |text: &str, others: &[(String, String)]| {
        pick(&language, own, text, others).text.to_string()
    };
    let themes = themes(range, &labels, &language, own);
    // A carried-over case is counted at the meeting that judges it, so the judgement
    // that carries it over is never counted.
    let judgement_scale: Vec<Choice> = union(range.iter().map(|m| &m.report.meta.judgements))
        .into_iter()
        .filter(|c| !c.carry_over)
        .map(|c| Choice {
            label: tr(&c.label, &c.label_in),
            ..c
        })
        .collect();
    let meetings = range
        .iter()
        .map(|m| meeting_row(m, &judgement_scale, &language))
        .collect();
    let trends = Trends {
        title: settings
            .map(|m| tr(&m.title, &m.title_in))
            .unwrap_or_default(),
        panel: settings.and_then(|m| Some(tr(m.panel.as_deref()?, &m.panel_in))),
        organisation: settings
            .and_then(|m| Some(tr(m.organisation.as_deref()?, &m.organisation_in))),
        languages: settings.map_or_else(|| vec![language.clone()], |m| m.languages.clone()),
        translated: language != own,
        language: language.clone(),
        as_of: range
            .last()
            .map(|m| m.report.meta.meeting_date.clone())
            .unwrap_or_default(),
        marking: range.last().and_then(|m| m.report.meta.marking.clone()),
        meetings,
        themes,
        checks: checks(range, &language, own),
        type_judgements: type_judgements(range, &tr),
        observations: tracker(archive, range, &language),
        carried: carried(archive, range, &labels, &language),
        judgement_scale,
        suppress_below,
    };
    (trends, labels)
}

/// The latest meeting's settings, for an archive without a panel.yaml.
fn latest<'a>(range: &[Seen<'a>]) -> Option<&'a Meta> {
    range.last().map(|m| &m.report.meta)
}

/// panel.yaml's own settings, for the archive's title and words. Its problems were
/// reported with each meeting's, and panel.yaml alone has no meeting date.
fn panel_meta(archive: &Archive) -> Option<Meta> {
    let source = archive.panel.settings.as_ref()?;
    meta::parse_layers(&[source], &mut Diagnostics::default())
}

/// The entries of several scales, each once, in the order first seen.
fn union<'a>(scales: impl Iterator<Item = &'a Vec<Choice>>) -> Vec<Choice> {
    let mut out: Vec<Choice> = Vec::new();
    for scale in scales {
        for choice in scale {
            match out.iter_mut().find(|c| c.id == choice.id) {
                // The latest meeting's label is the one a reader knows now.
                Some(old) => *old = choice.clone(),
                None => out.push(choice.clone()),
            }
        }
    }
    out
}

/// Each case type judged on a scale of its own at some meeting, with its cases per
/// judgement at every meeting.
fn type_judgements(
    range: &[Seen],
    tr: &impl Fn(&str, &[(String, String)]) -> String,
) -> Vec<TypeJudgementTrend> {
    let mut kinds: Vec<(String, String)> = Vec::new();
    for (kind, _) in range.iter().flat_map(|m| m.report.meta.own_scales()) {
        match kinds.iter_mut().find(|(id, _)| *id == kind.id.value) {
            Some(seen) => seen.1 = tr(&kind.label, &kind.label_in),
            None => kinds.push((kind.id.value.clone(), tr(&kind.label, &kind.label_in))),
        }
    }
    kinds
        .into_iter()
        .map(|(kind, label)| {
            let scales = range
                .iter()
                .filter_map(|m| m.report.meta.case_type(&kind)?.judgements.as_ref());
            let scale: Vec<Choice> = union(scales)
                .into_iter()
                .filter(|c| !c.carry_over)
                .map(|c| Choice {
                    label: tr(&c.label, &c.label_in),
                    ..c
                })
                .collect();
            let by_meeting = range
                .iter()
                .map(|m| {
                    let Some(at) = m.analysis.type_judgements.iter().find(|t| t.kind == kind)
                    else {
                        return vec![0; scale.len() + 1];
                    };
                    let mut counts: Vec<usize> = scale
                        .iter()
                        .map(|c| {
                            let found = at.judgements.iter().find(|j| j.id == c.id);
                            found.map_or(0, |j| j.cases.len())
                        })
                        .collect();
                    counts.push(at.unjudged.len());
                    counts
                })
                .collect();
            TypeJudgementTrend {
                kind,
                label,
                scale,
                by_meeting,
            }
        })
        .collect()
}

fn meeting_row(seen: &Seen, scale: &[Choice], language: &str) -> MeetingRow {
    let (meeting, analysis) = (seen.meeting, seen.analysis);
    let meta = &seen.report.meta;
    // The meeting's report in this version's language, or its first where it has none.
    let version = match meta.languages.iter().find(|l| *l == language) {
        Some(own) => own,
        None => meta.languages.first().unwrap_or(&meta.language),
    };
    let page = Format::Html.file_name_in(version, &meta.languages);
    MeetingRow {
        id: meeting.id.clone(),
        meeting_date: meta.meeting_date.clone(),
        session: meta.session.clone(),
        title: pick(language, &meta.language, &meta.title, &meta.title_in)
            .text
            .to_string(),
        total_cases: analysis.total_cases,
        judgements: scale
            .iter()
            .map(|choice| {
                let cases = analysis
                    .judgements
                    .iter()
                    .find(|j| j.id == choice.id)
                    .map_or(0, |j| j.cases.len());
                (choice.id.clone(), cases)
            })
            .collect(),
        unjudged: analysis.unjudged.len(),
        // An audience's own files sit in its folder, one level down, as each meeting's
        // copy does in the meeting's.
        report: match seen.audience {
            None => format!("{}/{page}", meeting.id),
            Some(audience) => format!("../{}/{audience}/{page}", meeting.id),
        },
    }
}

/// Every theme of any meeting in range: concerns, then good practice, each in the order
/// of the themes files (the panel's, then each meeting's additions), or of first finding
/// where tags are free-form.
fn themes(range: &[Seen], labels: &Labels, language: &str, own: &str) -> Vec<ThemeTrend> {
    let mut known: Vec<(String, String, ThemeKind)> = Vec::new();
    let tr = |text: &str, others: &[(String, String)]| {
        pick(language, own, text, others).text.to_string()
    };
    for meeting in range {
        let report = meeting.report;
        let defined: Vec<(String, String, ThemeKind)> = match &report.themes {
            Some(themes) => themes
                .iter()
                .map(|t| (t.id.clone(), tr(&t.label, &t.label_in), t.kind))
                .collect(),
            None => meeting
                .analysis
                .themes
                .iter()
                .map(|t| (t.id.clone(), tr(&t.label, &t.label_in), t.kind))
                .collect(),
        };
        for theme in defined {
            match known.iter_mut().find(|(id, _, _)| *id == theme.0) {
                Some(old) => *old = theme,
                None => known.push(theme),
            }
        }
    }
    known.sort_by_key(|(_, _, kind)| *kind);
    known
        .into_iter()
        .map(|(id, label, kind)| ThemeTrend {
            by_meeting: range
                .iter()
                .map(|m| {
                    let analysis = m.analysis;
                    let tally = analysis.themes.iter().find(|t| t.id == id);
                    let names = CaseNames::new(&m.report.meta, labels, language);
                    // A typed case by its name, as its meeting's report lists it: a
                    // trend's meetings may type their cases differently.
                    let cases: Vec<TrendCase> = tally
                        .map(|t| {
                            t.cases
                                .iter()
                                .map(|&c| match c.kind {
                                    Some(_) => TrendCase::Named(names.list(&[c])),
                                    None => TrendCase::Number(c.number),
                                })
                                .collect()
                        })
                        .unwrap_or_default();
                    let unrecorded = tally.map_or(0, |t| t.not_recorded.len());
                    ThemeInMeeting {
                        meeting: m.meeting.id.clone(),
                        count: cases.len(),
                        cases,
                        total_cases: analysis.total_cases,
                        recorded: analysis.total_cases.saturating_sub(unrecorded),
                    }
                })
                .collect(),
            id,
            label,
            kind,
        })
        .collect()
}

fn checks(range: &[Seen], language: &str, own: &str) -> Vec<CheckTrend> {
    union(range.iter().map(|m| &m.report.meta.checks))
        .into_iter()
        .map(|check| CheckTrend {
            by_meeting: range
                .iter()
                .map(|m| CheckInMeeting {
                    meeting: m.meeting.id.clone(),
                    answers: m
                        .analysis
                        .checks
                        .iter()
                        .find(|c| c.id == check.id)
                        .map(|c| {
                            c.answers
                                .iter()
                                .map(|(answer, cases)| (*answer, cases.len()))
                                .collect()
                        })
                        .unwrap_or_default(),
                })
                .collect(),
            label: pick(language, own, &check.label, &check.label_in)
                .text
                .to_string(),
            id: check.id,
        })
        .collect()
}

/// The cases carried over at or before the range's last meeting that no meeting up to it
/// has judged: each chain of carrying over by its latest link, which is the carried-over
/// case itself until a meeting takes it up, and then that meeting's case until it is
/// given a judgement.
fn carried(archive: &Archive, range: &[Seen], labels: &Labels, language: &str) -> Vec<CarriedCase> {
    let Some(last) = range
        .last()
        .and_then(|l| archive.meetings.iter().position(|m| m.id == l.meeting.id))
    else {
        return Vec::new();
    };
    let unjudged = |(at, key): (usize, crate::model::CaseKey)| {
        archive.meetings[at]
            .checked
            .report
            .case(key)
            .is_some_and(|c| c.judgement.is_none())
    };
    archive
        .carries
        .iter()
        .filter(|c| c.meeting <= last)
        .filter_map(|c| match c.taken_by {
            Some(taken) if taken.0 <= last => unjudged(taken).then_some((c, taken)),
            _ => Some((c, (c.meeting, c.case))),
        })
        .filter_map(|(c, (at, key))| {
            let meeting = &archive.meetings[at];
            let meta = &meeting.checked.report.meta;
            let names = CaseNames::new(meta, labels, language);
            Some(CarriedCase {
                meeting: meeting.id.clone(),
                meeting_date: meta.meeting_date.clone(),
                case: names.heading(key),
                anchor: names.anchor(key),
                id: super::carried::case_id(&meeting.id, meeting.checked.report.case(key)?),
                since: archive.meetings[c.first]
                    .checked
                    .report
                    .meta
                    .meeting_date
                    .clone(),
                meetings_open: last - c.first,
            })
        })
        .collect()
}

/// Every observation that is the range's business: raised in it, or raised before it
/// and still open when it began. Open ones first, then closed; oldest raised first.
fn tracker(archive: &Archive, range: &[Seen], language: &str) -> Vec<Tracked> {
    let (Some(first), Some(last)) = (range.first(), range.last()) else {
        return Vec::new();
    };
    let index = |id: &str| archive.meetings.iter().position(|m| m.id == id);
    let (Some(first), Some(last)) = (index(&first.meeting.id), index(&last.meeting.id)) else {
        return Vec::new();
    };
    let list = archive.follow();
    // The updates were checked with the archive; here only their history is wanted.
    let mut ignored: Vec<Diagnostics> = list.iter().map(|_| Diagnostics::default()).collect();
    let records = follow::records(&list, &mut ignored);
    let as_of = &archive.meetings[last].checked.report.meta.meeting_date;
    let mut tracked: Vec<Tracked> = records
        .iter()
        .filter(|r| r.meeting <= last)
        .filter(|r| r.meeting >= first || r.status_before(first) != Status::Closed)
        .map(|r| track(archive, r, first, last, as_of, language))
        .collect();
    tracked.sort_by_key(|t| !t.is_open());
    tracked
}

fn track(
    archive: &Archive,
    record: &Record,
    first: usize,
    last: usize,
    as_of: &str,
    language: &str,
) -> Tracked {
    let raised = &archive.meetings[record.meeting];
    // The observation in this version's language, where its meeting translates it.
    let translated = raised
        .checked
        .report
        .translations
        .iter()
        .filter(|t| t.language == language && t.original == record.observation.file)
        .find_map(|t| match &t.content {
            Translated::Observation {
                observation,
                response,
            } => Some((observation, response)),
            _ => None,
        });
    let (text, response) = translated.unwrap_or((
        &record.observation.observation,
        &record.observation.response,
    ));
    let status = record.status_after(last);
    let closed_at = (record.meeting..=last).find(|&m| record.status_after(m) == Status::Closed);
    let open_until = closed_at.map_or_else(
        || as_of.to_string(),
        |m| archive.meetings[m].checked.report.meta.meeting_date.clone(),
    );
    let meetings_open = (record.meeting + 1..=last)
        .filter(|&m| m >= first && record.status_before(m) != Status::Closed)
        .count();
    Tracked {
        id: record.id.clone(),
        meeting: raised.id.clone(),
        meeting_date: raised.checked.report.meta.meeting_date.clone(),
        session: raised.checked.report.meta.session.clone(),
        number: format!("4.{}", record.number),
        text: text.clone(),
        response: response.clone(),
        status,
        open_until,
        meetings_open,
        history: record
            .history
            .iter()
            .filter(|(m, _)| *m <= last)
            .map(|(_, step)| step.clone())
            .collect(),
    }
}
