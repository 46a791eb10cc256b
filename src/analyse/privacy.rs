//! Likely personal data in what a report publishes, found before it is published.
//!
//! Published reports have exposed victims through "jigsaw" details: a date of birth here,
//! a reference number there. This check looks for the kinds of detail that identify
//! people (emails, phone numbers, postcodes, National Insurance numbers, full dates,
//! crime or incident references, officer collar numbers, names after titles) and warns at
//! the exact place. It reads the files' text rather than the model so that front matter
//! and points are covered alike, with the columns the user sees. It is a safety net, not a
//! guarantee; `privacy.allow` in report.yaml silences text known to be safe, and
//! `privacy.references` adds the force's own reference-number formats. The meeting's own
//! date identifies no one, so it is never reported as a possible date of birth.

use std::sync::LazyLock;

use rayon::prelude::*;
use regex::Regex;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::{Folder, LineIndex, Source};
use crate::model::Meta;

mod dates;
use dates::{DATE, Dates, MONTHS, RECENT, is_digit_date, is_meeting_date, is_recent, near_birth};

/// The diagnostic code of a possible piece of personal data.
pub const PERSONAL_DATA: &str = "personal-data";

struct Kind {
    what: &'static str,
    pattern: Regex,
    /// A further test of the matched text, for patterns a regular expression cannot pin
    /// down alone.
    valid: fn(&str) -> bool,
    /// The pattern also matches the character either side, which is not part of the
    /// finding; the regex crate has no look-around.
    context: bool,
}

static KINDS: LazyLock<Vec<Kind>> = LazyLock::new(|| {
    // ASCII word boundaries keep the regex engine on its fast DFA path; Unicode ones
    // would make this scan the slowest part of a build.
    let checked = |what, pattern: &str, valid| Kind {
        what,
        pattern: Regex::new(&pattern.replace(r"\b", r"(?-u:\b)"))
            .expect("built-in pattern is valid"),
        valid,
        context: false,
    };
    let kind = |what, pattern: &str| checked(what, pattern, |_| true);
    vec![
        kind(
            "an email address",
            r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+\b",
        ),
        kind("a phone number", r"(?:\+44\s?|\b0)(?:\d[\s-]?){8,9}\d\b"),
        kind(
            "a postcode",
            r"\b[A-Z]{1,2}[0-9][A-Z0-9]?\s?[0-9][A-Z]{2}\b",
        ),
        kind(
            "a National Insurance number",
            r"\b[A-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b",
        ),
        // The same separator twice, and a four-digit year except in the common 12/03/87:
        // `1.2.10` and `3.4.12` are versions and section numbers, not dates.
        Kind {
            context: true,
            ..checked(
                DATE,
                r"(?:^|[^0-9A-Za-z_./-])(?:\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})|\d{1,2}\.\d{1,2}\.\d{4}|\d{1,2}-\d{1,2}-\d{4}|\d{4}-\d{1,2}-\d{1,2})(?:$|[^0-9A-Za-z_./-]|\.(?:$|\s))",
                is_digit_date,
            )
        },
        kind(
            DATE,
            &format!(r"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTHS})\.?,?\s+\d{{4}}\b"),
        ),
        kind(
            "a crime or incident reference",
            r"\b[A-Z]{2,5}[-/]?\d{2,4}[-/]\d{3,}(?:[-/]\d+)*\b|\b\d{5,}/\d{2,}(?:/\d+)*\b",
        ),
        kind(
            "an officer's collar number",
            r"\b(?:PC|DC|PS|DS|Sgt|Sgt\.|PCSO|Insp)\s?\d{2,5}\b",
        ),
        kind(
            "a name after a title",
            r"\b(?:Mr|Mrs|Ms|Miss|Dr|PC|DC|Sgt)\.?\s+[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)?",
        ),
    ]
});

/// Warns about likely personal data in everything the report publishes: the case files,
/// background, summary, closing remarks and observations, and the labels and summaries
/// in themes.yaml (its rules are not published, so they are not scanned).
///
/// With `audiences:`, what is published is the public copy, so a case's front-matter
/// field that copy hides is not read: the force's crime reference in `crime_ref:` is
/// never printed in it, while the same reference in a point is; nor are the panel's
/// restricted notes, unless that copy carries them.
pub fn scan_folder(folder: &Folder, meta: &Meta, diagnostics: &mut Diagnostics) {
    let own = own_patterns(meta);
    let public = meta.audiences.iter().find(|a| a.is_public());
    // The restricted notes are read only when the copy scanned carries them: the public
    // one, or with no public one any copy; with no audiences they are in no copy.
    let notes_published = match public {
        Some(public) => public.restricted_notes,
        None => meta.audiences.iter().any(|a| a.restricted_notes),
    };
    let words = crate::parse::case::restricted::heading_words(Some(meta));
    // Each case is scanned on its own, in parallel; the problems keep the files' order.
    let found: Vec<Diagnostics> = folder
        .cases
        .par_iter()
        .chain(folder.members.par_iter())
        .map(|case| {
            let mut found = Diagnostics::default();
            // Which lines are published is worked out only for a file where something
            // was found, which most files are not.
            let unpublished = std::cell::OnceCell::new();
            let published = |line: usize| {
                let (hidden, restricted): &(Vec<bool>, Vec<bool>) = unpublished.get_or_init(|| {
                    let hidden = public
                        .map_or_else(Vec::new, |a| crate::audience::hidden_lines(&case.text, a));
                    let restricted = if notes_published {
                        Vec::new()
                    } else {
                        let offset = crate::parse::frontmatter::body_offset(&case.text);
                        crate::parse::case::restricted::lines(&case.text, offset, &words)
                    };
                    (hidden, restricted)
                });
                let marked = |lines: &[bool]| lines.get(line - 1).copied().unwrap_or(false);
                !marked(hidden) && !marked(restricted)
            };
            scan_source(case, meta, &own, &published, Dates::Always, &mut found);
            found
        })
        .collect();
    for found in found {
        diagnostics.extend(found);
    }
    scan(&folder.observations, meta, diagnostics);
    // An update's `observation:` is a reference, not published text; its body is.
    for update in &folder.updates {
        let body = body_lines(&update.text);
        scan_source(
            update,
            meta,
            &own,
            &|line| line >= body,
            Dates::Always,
            diagnostics,
        );
    }
    // A translation's front matter holds its title and its notes on answers, printed in
    // its version as the plain file's are.
    for translation in &folder.translations {
        let body = body_lines(&translation.text);
        scan_source(
            translation,
            meta,
            &own,
            &|line| line < body,
            Dates::Always,
            diagnostics,
        );
    }
    let general = [&folder.background, &folder.summary, &folder.closing];
    for source in general.into_iter().flatten() {
        scan_source(source, meta, &own, &|_| true, Dates::NearBirth, diagnostics);
    }
    for report in [&folder.panel.settings, &folder.report]
        .into_iter()
        .flatten()
    {
        let published = report_published_lines(&report.text);
        scan_source(
            report,
            meta,
            &own,
            &|line| published.get(line - 1).copied().unwrap_or(false),
            Dates::NearBirth,
            diagnostics,
        );
    }
    for themes in [&folder.panel.themes, &folder.themes].into_iter().flatten() {
        let published = published_lines(&themes.text);
        scan_source(
            themes,
            meta,
            &own,
            &|line| published.get(line - 1).copied().unwrap_or(false),
            Dates::NearBirth,
            diagnostics,
        );
    }
}

/// The first line of a file's body: the line after its front matter's closing `---`.
fn body_lines(text: &str) -> usize {
    let mut lines = text.split('\n');
    if lines.next().map(str::trim_end) != Some("---") {
        return 1;
    }
    lines
        .position(|l| matches!(l.trim_end(), "---" | "..."))
        .map_or(1, |i| i + 3)
}

/// Warns about likely personal data anywhere in `sources`, any full date included.
pub fn scan<'a>(
    sources: impl IntoIterator<Item = &'a Source>,
    meta: &Meta,
    diagnostics: &mut Diagnostics,
) {
    let own = own_patterns(meta);
    for source in sources {
        scan_source(source, meta, &own, &|_| true, Dates::Always, diagnostics);
    }
}

fn own_patterns(meta: &Meta) -> Vec<Regex> {
    meta.privacy
        .references
        .iter()
        .filter_map(|r| Regex::new(&r.value).ok())
        .collect()
}

/// For each line of themes.yaml, whether it holds a `label:` or `summary:` value, the
/// text of a theme that is published. A value may run on over more indented lines.
fn published_lines(text: &str) -> Vec<bool> {
    let mut out = Vec::new();
    let mut value_indent = None;
    for line in text.split('\n') {
        let indent = line.len() - line.trim_start().len();
        let key = line.trim_start();
        if value_indent.is_some_and(|i| key.is_empty() || indent > i) {
            out.push(true);
            continue;
        }
        let published = key.starts_with("label:") || key.starts_with("summary:");
        value_indent = published.then_some(indent);
        out.push(published);
    }
    out
}

/// For each line of report.yaml, whether it is printed in the report: the title page's
/// values and the check and judgement labels are; `privacy:` itself (whose allow list
/// holds the very text it allows) and the file settings are not.
fn report_published_lines(text: &str) -> Vec<bool> {
    const UNPUBLISHED: [&str; 5] = [
        "privacy:",
        "word_template:",
        "meeting_date:",
        "language:",
        "members:",
    ];
    let mut published = true;
    text.split('\n')
        .map(|line| {
            let top_level = !line.starts_with([' ', '\t', '-', '#']) && !line.trim().is_empty();
            if top_level {
                published = !UNPUBLISHED.iter().any(|key| line.starts_with(key));
            }
            published
        })
        .collect()
}

/// Whether `before`, the text up to a date, ends with the words `new-meeting` writes above
/// a carried-over case's earlier points ("At the meeting of"): that date is a meeting's.
fn earlier_meeting(meta: &Meta, before: &str) -> bool {
    let line = before.rsplit('\n').next().unwrap_or(before).trim();
    meta.languages.iter().any(|language| {
        let words = &meta.labels(language).carried_earlier;
        let prefix = words.split("{date}").next().unwrap_or_default().trim();
        !prefix.is_empty() && line.ends_with(prefix)
    })
}

/// Warns about likely personal data in `source`, on the lines `line` (1-based) accepts,
/// with full dates counted as `dates` says.
fn scan_source(
    source: &Source,
    meta: &Meta,
    own: &[Regex],
    line: &dyn Fn(usize) -> bool,
    dates: Dates,
    diagnostics: &mut Diagnostics,
) {
    let privacy = &meta.privacy;
    let mut found: Vec<(usize, usize, &str)> = Vec::new();
    for kind in KINDS.iter() {
        for m in kind.pattern.find_iter(&source.text) {
            let (mut start, mut end) = (m.start(), m.end());
            if kind.context {
                let inner = m.as_str().trim_matches(|c: char| !c.is_ascii_digit());
                start += m.as_str().find(inner).unwrap_or(0);
                end = start + inner.len();
            }
            if (kind.valid)(&source.text[start..end]) {
                found.push((start, end, kind.what));
            }
        }
    }
    for pattern in own {
        for m in pattern.find_iter(&source.text) {
            found.push((m.start(), m.end(), "a reference number"));
        }
    }
    if found.is_empty() {
        return;
    }
    found.sort_unstable();
    let lines = LineIndex::new(&source.text);
    let mut covered = 0;
    for (start, end, what) in found {
        if start < covered || end == start {
            continue;
        }
        covered = end;
        let text = &source.text[start..end];
        let loc = lines.loc(start);
        let date_of_no_one = what == DATE
            && (is_meeting_date(text, &meta.meeting_date)
                || earlier_meeting(meta, &source.text[..start])
                || (dates == Dates::NearBirth && !near_birth(&source.text, start, end)));
        if !line(loc.line) || date_of_no_one {
            continue;
        }
        let recent = what == DATE
            && is_recent(text, &meta.meeting_date)
            && !near_birth(&source.text, start, end);
        if recent && privacy.recent_dates_allowed {
            continue;
        }
        let what = if recent { RECENT } else { what };
        if privacy
            .allow
            .iter()
            .any(|a| a.eq_ignore_ascii_case(text) || text.contains(a.as_str()))
        {
            continue;
        }
        let hint = if recent {
            "a date from the two years up to the meeting is most often the incident's or the viewing's; once the panel has read them, `privacy: {recent_dates: allow}` in report.yaml accepts every such date at once (a date next to \"born\" or \"DOB\" still counts)"
        } else {
            "published reports must not identify anyone; remove or generalise it, or if it is safe to publish add it to `privacy: allow:` in report.yaml"
        };
        diagnostics.push(
            Diagnostic::warning(
                &source.path,
                loc,
                format!("possible personal data, {what}: `{text}`"),
            )
            .width(text.chars().count())
            .code(PERSONAL_DATA)
            .hint(hint),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan_text(text: &str) -> Vec<String> {
        let mut d = Diagnostics::default();
        let source = Source {
            path: "cases/a.md".into(),
            text: text.into(),
        };
        scan([&source], &Meta::default(), &mut d);
        d.sorted().iter().map(|d| d.message.clone()).collect()
    }

    #[test]
    fn finds_each_kind() {
        let cases = [
            ("Contact jo.bloggs@example.org today.", "email"),
            ("Called on 07700 900123 twice.", "phone"),
            ("Landline 01234 567890.", "phone"),
            ("Lives near SA31 3AB.", "postcode"),
            ("NI number QQ 12 34 56 C was listed.", "National Insurance"),
            ("Born 12/03/1985.", "full date"),
            ("Born 12.03.1985 in town.", "full date"),
            ("Born 1985-03-12.", "full date"),
            ("Born 12-3-1985", "full date"),
            ("(born 12/03/85)", "full date"),
            ("Born on 3rd March 1985.", "full date"),
            ("Log DP-2021-004512 refers.", "reference"),
            ("Crime 123456/21/0001 refers.", "reference"),
            ("PC 1234 attended.", "collar"),
            ("Mrs Jones reported it.", "name after a title"),
        ];
        for (text, kind) in cases {
            let found = scan_text(text);
            assert!(found.iter().any(|m| m.contains(kind)), "{text}: {found:?}");
        }
    }

    #[test]
    fn ordinary_panel_wording_is_not_flagged() {
        let text = "Members noted the 13-point plan. A HCSO made contact within 48 hours. The victim was recorded as Mr but was female. In a 12 month period three incidents. Strategy 2020-2024. Case 10. Version 1.2.10 of the form, section 3.4.12, scores 10-12-14 and 4/5/6, figures 31.13.2020 and 2021-13-45, release 1.02.2020.5.";
        assert_eq!(scan_text(text), Vec::<String>::new());
    }

    #[test]
    fn the_allow_list_and_own_patterns_apply() {
        let mut d = Diagnostics::default();
        let source = Source {
            path: "cases/a.md".into(),
            text: "Mrs Jones and ref QX99-1.".into(),
        };
        let meta = Meta {
            privacy: crate::model::Privacy {
                references: vec![crate::model::Located {
                    value: r"QX\d+-\d".into(),
                    loc: Default::default(),
                    source: crate::diagnostic::SourceId::new("report.yaml"),
                }],
                allow: vec!["Mrs Jones".into()],
                recent_dates_allowed: false,
            },
            ..Meta::default()
        };
        scan([&source], &meta, &mut d);
        let all = d.sorted();
        assert_eq!(all.len(), 1, "{all:?}");
        assert!(all[0].message.contains("QX99-1"));
    }

    #[test]
    fn every_published_file_is_scanned_but_not_the_meeting_date_theme_rules_or_privacy_settings() {
        let source = |path: &str, text: &str| {
            Some(Source {
                path: path.into(),
                text: text.into(),
            })
        };
        let folder = Folder {
            background: source(
                "background.md",
                "Met on 29/09/2021 with Mrs Jones.\nThe review period ran to 31 March 2024.\nOne victim, born 12/03/1985, was named.",
            ),
            summary: source("summary.md", "- Held 29 September 2021; PC 1234 spoke."),
            closing: source(
                "closing.md",
                "Thanks to Dr Patel.\nNext meeting 14/05/2024; DOB 1 May 1990 must go.",
            ),
            report: source(
                "report.yaml",
                "title: Review chaired by Mr Hughes\nmeeting_date: 2021-09-29\nchecks:\n  contact: Contact by PC 5678\nprivacy:\n  allow:\n    - Dr Who 12/03/1987\n",
            ),
            themes: source(
                "themes.yaml",
                "late:\n  label: Late for Mr Smith\n  summary: >\n    Seen by\n    PC 4321.\n  when:\n    - phrase: \"Mrs Brown\"\n",
            ),
            cases: vec![Source {
                path: "cases/a.md".into(),
                text: "---\ncase: 1\n---\n- Born 30/09/2021.\n".into(),
            }],
            observations: vec![Source {
                path: "observations/a.md".into(),
                text: "Call 07700 900123.\nReviewed 31 March 2024.".into(),
            }],
            ..Folder::default()
        };
        let meta = Meta {
            meeting_date: "2021-09-29".into(),
            ..Meta::default()
        };
        let mut d = Diagnostics::default();
        scan_folder(&folder, &meta, &mut d);
        let found: Vec<String> = d
            .sorted()
            .iter()
            .map(|d| format!("{}:{}:{} {}", d.file, d.loc.line, d.loc.column, d.message))
            .collect();
        let expected = [
            "background.md:1:24 possible personal data, a name after a title: `Mrs Jones`",
            "background.md:3:18 possible personal data, a full date (possibly a date of birth): `12/03/1985`",
            "cases/a.md:4:8 possible personal data, a full date (possibly a date of birth): `30/09/2021`",
            "closing.md:1:11 possible personal data, a name after a title: `Dr Patel`",
            "closing.md:2:30 possible personal data, a full date (possibly a date of birth): `1 May 1990`",
            "observations/a.md:1:6 possible personal data, a phone number: `07700 900123`",
            "observations/a.md:2:10 possible personal data, a full date (possibly a date of birth): `31 March 2024`",
            "report.yaml:1:26 possible personal data, a name after a title: `Mr Hughes`",
            "report.yaml:4:23 possible personal data, an officer's collar number: `PC 5678`",
            "summary.md:1:27 possible personal data, an officer's collar number: `PC 1234`",
            "themes.yaml:2:19 possible personal data, a name after a title: `Mr Smith`",
            "themes.yaml:5:5 possible personal data, an officer's collar number: `PC 4321`",
        ];
        assert_eq!(found, expected);
    }

    #[test]
    fn a_note_on_an_answer_is_scanned_in_a_case_and_in_its_translation() {
        let source = |path: &str, text: &str| Source {
            path: path.into(),
            text: text.into(),
        };
        let folder = Folder {
            cases: vec![source(
                "cases/case-01.md",
                "---\ncase: 1\nchecks:\n  bwv: {answer: no, note: \"PC 1234 had it off\"}\n---\n- Seen.\n",
            )],
            translations: vec![source(
                "cases/case-01.cy.md",
                "---\nchecks:\n  bwv: {note: \"PC 1234 wedi'i diffodd\"}\n---\n- Gwelwyd.\n",
            )],
            ..Folder::default()
        };
        let mut d = Diagnostics::default();
        scan_folder(&folder, &Meta::default(), &mut d);
        let found: Vec<String> = d
            .sorted()
            .iter()
            .map(|d| format!("{}:{}:{}", d.file, d.loc.line, d.loc.column))
            .collect();
        assert_eq!(found, ["cases/case-01.cy.md:3:16", "cases/case-01.md:4:28"]);
    }

    #[test]
    fn every_match_in_a_long_file_is_placed_on_its_line() {
        let lines = 5_000;
        let source = Source {
            path: "cases/a.md".into(),
            text: "PC 1234\n".repeat(lines),
        };
        let mut d = Diagnostics::default();
        scan([&source], &Meta::default(), &mut d);
        assert_eq!(d.warning_count(), lines);
        let placed: Vec<usize> = d.sorted().iter().map(|w| w.loc.line).collect();
        assert_eq!(placed, (1..=lines).collect::<Vec<_>>());
    }

    #[test]
    fn restricted_notes_are_scanned_only_when_the_published_copy_carries_them() {
        let folder = Folder {
            cases: vec![Source {
                path: "cases/a.md".into(),
                text: "---\ncase: 1\n---\n- Seen by PC 1234.\n\n## For the force only\nCR/12345/24 is the crime.\n\n```restricted\nPC 5678 too.\n```\n".into(),
            }],
            ..Folder::default()
        };
        let audience = |name: &str, carries| crate::model::Audience {
            name: crate::model::Located {
                value: name.into(),
                loc: crate::diagnostic::Loc::START,
                source: crate::diagnostic::SourceId::new("report.yaml"),
            },
            marking: None,
            shown: crate::model::Shown::All,
            suppress_below: None,
            restricted_notes: carries,
        };
        let lines = |audiences| {
            let meta = Meta {
                audiences,
                ..Meta::default()
            };
            let mut d = Diagnostics::default();
            scan_folder(&folder, &meta, &mut d);
            d.sorted().iter().map(|w| w.loc.line).collect::<Vec<_>>()
        };
        assert_eq!(lines(Vec::new()), [4]);
        assert_eq!(
            lines(vec![audience("force", true), audience("public", false)]),
            [4]
        );
        assert_eq!(lines(vec![audience("public", true)]), [4, 7, 10]);
        assert_eq!(lines(vec![audience("force", true)]), [4, 7, 10]);
    }
}
