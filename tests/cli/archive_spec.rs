//! A blind conformance test of a panel's archive, written from SPEC.md part 2 alone ("A
//! panel's archive", "Following up observations", "Breakdowns, co-occurrence and mentions",
//! "Building an archive") without reading how the code does it. Every expected number was
//! counted by hand from `tests/fixtures/archive/spec` and the counting is written beside it,
//! so a failure here is either a bug or a place where the tool reads SPEC differently.
//!
//! Where SPEC leaves a detail open (the order of a breakdown's values, whether a zero is
//! written out, the order of the two themes in a pair), the comparison is by set or by map
//! with zeros dropped, so that only what SPEC promises is held to.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde_json::Value;

use super::builder::Report;
use super::sample::visible_text;
use super::*;

const IDS: [&str; 3] = ["2023-03", "2023-06", "2024/01"];
const PANEL_TITLE: &str = "Spec Scrutiny Panel Case Review";

/// The themes of the archive's themes.yaml, in its order, with their labels.
const THEMES: [(&str, &str); 4] = [
    ("late-contact", "Victim contact was late"),
    ("risk-gaps", "Gaps in the risk assessment"),
    ("record-quality", "Errors in the record"),
    ("victim-care", "Victim kept well informed"),
];

type Counts = &'static [(&'static str, u64)];

/// What one meeting's report.json must hold, counted by hand from its case files.
struct Expected {
    id: &'static str,
    date: &'static str,
    title: &'static str,
    total_cases: u64,
    judgements: Counts,
    /// Check ids in display order, each with its answers.
    checks: &'static [(&'static str, Counts)],
    /// Theme id, its cases, and its mentions (feedback points among its evidence).
    themes: &'static [(&'static str, &'static [u64], u64)],
    strand_all: Counts,
    strand_rows: &'static [(&'static str, Counts)],
    pairs: &'static [([&'static str; 2], &'static [u64])],
}

// 2023-03, four cases:
//   1: strand race; days_to_contact 1; risk_assessed yes, victim_updated yes; appropriate;
//      a point "kept informed" (victim-care phrase).
//   2: strand [race, religion]; days 5 (> 2: late-contact by field, and one #late-contact
//      point); risk partial (risk-gaps by check); two #record-quality points; "not kept
//      informed" is the phrase's `unless`, so no victim-care; appropriate-with-observations.
//   3: no strand; days 4 (late-contact by field, no point); risk no (risk-gaps by check, and
//      one #risk-gaps point); victim yes; a "kept informed" point (victim-care); inappropriate.
//   4: strand disability; no days field; themes: [record-quality] in front matter (not a
//      point); one #victim-care point; risk yes, victim yes; appropriate.
// Pairs: case themes are 1 {vc}, 2 {lc, rg, rq}, 3 {lc, rg, vc}, 4 {rq, vc}; only
// late-contact + risk-gaps share two cases (2, 3); every other pair shares one.
const M2023_03: Expected = Expected {
    id: "2023-03",
    date: "2023-03-14",
    title: PANEL_TITLE,
    total_cases: 4,
    judgements: &[
        ("appropriate", 2),
        ("appropriate-with-observations", 1),
        ("inappropriate", 1),
    ],
    checks: &[
        ("risk_assessed", &[("yes", 2), ("partial", 1), ("no", 1)]),
        ("victim_updated", &[("yes", 3), ("no", 1)]),
    ],
    themes: &[
        ("late-contact", &[2, 3], 1),
        ("risk-gaps", &[2, 3], 1),
        ("record-quality", &[2, 4], 2),
        ("victim-care", &[1, 3, 4], 3),
    ],
    // Case 2's list counts under race and religion; case 3 has no strand.
    strand_all: &[
        ("race", 2),
        ("religion", 1),
        ("disability", 1),
        ("(not given)", 1),
    ],
    strand_rows: &[
        (
            "late-contact",
            &[("race", 1), ("religion", 1), ("(not given)", 1)],
        ),
        (
            "risk-gaps",
            &[("race", 1), ("religion", 1), ("(not given)", 1)],
        ),
        (
            "record-quality",
            &[("race", 1), ("religion", 1), ("disability", 1)],
        ),
        (
            "victim-care",
            &[("race", 1), ("(not given)", 1), ("disability", 1)],
        ),
    ],
    pairs: &[(["late-contact", "risk-gaps"], &[2, 3])],
};

// 2023-06, four cases, its own title and a third check `referral_made` after the panel's two:
//   1: sexual-orientation; days 3 (lc by field + one #late-contact point); one point both
//      "kept informed" and #victim-care (one mention); risk yes, victim yes, referral yes;
//      appropriate-with-observations.
//   2: race; days 1; risk partial (rg by check, no point); one #record-quality point; victim
//      yes, referral no; appropriate-with-observations.
//   3: [race, disability]; days 6 (lc by field, no point); risk no (rg by check + one
//      #risk-gaps point); one #record-quality point; "not kept informed" (no vc); victim no,
//      referral no; inappropriate.
//   4: race; days 2 (not above 2: the rule is strict); a "kept informed" point (vc); risk
//      yes, victim yes, referral yes; appropriate.
// Pairs: 1 {lc, vc}, 2 {rg, rq}, 3 {lc, rg, rq}, 4 {vc}: only risk-gaps + record-quality
// share two cases (2, 3).
const M2023_06: Expected = Expected {
    id: "2023-06",
    date: "2023-06-20",
    title: "Spec Scrutiny Panel Summer Review",
    total_cases: 4,
    judgements: &[
        ("appropriate", 1),
        ("appropriate-with-observations", 2),
        ("inappropriate", 1),
    ],
    checks: &[
        ("risk_assessed", &[("yes", 2), ("partial", 1), ("no", 1)]),
        ("victim_updated", &[("yes", 3), ("no", 1)]),
        ("referral_made", &[("yes", 2), ("no", 2)]),
    ],
    themes: &[
        ("late-contact", &[1, 3], 1),
        ("risk-gaps", &[2, 3], 1),
        ("record-quality", &[2, 3], 2),
        ("victim-care", &[1, 4], 2),
    ],
    // Every case has a strand, so "(not given)" counts 0 here.
    strand_all: &[("sexual-orientation", 1), ("race", 3), ("disability", 1)],
    strand_rows: &[
        (
            "late-contact",
            &[("sexual-orientation", 1), ("race", 1), ("disability", 1)],
        ),
        ("risk-gaps", &[("race", 2), ("disability", 1)]),
        ("record-quality", &[("race", 2), ("disability", 1)]),
        ("victim-care", &[("sexual-orientation", 1), ("race", 1)]),
    ],
    pairs: &[(["risk-gaps", "record-quality"], &[2, 3])],
};

// 2024/01 (the two-level folder), three cases:
//   1: transgender; days 7 (lc by field + one #late-contact point); risk no (rg by check);
//      one #record-quality point; victim no; not-agreed.
//   2: transgender; days 3 (lc by field, no point); risk partial (rg by check); one
//      #record-quality point; "updated", not "kept informed", so no vc; victim yes;
//      appropriate-with-observations.
//   3: other; days 4 (lc by field, no point); no tags; risk yes, victim yes; appropriate.
// risk-gaps has two cases but no mention: its evidence is check answers only. victim-care
// has no case, so it has no breakdown row. Pairs: 1 {lc, rg, rq}, 2 {lc, rg, rq}, 3 {lc}:
// each of the three pairs among lc, rg, rq shares cases 1 and 2.
const M2024_01: Expected = Expected {
    id: "2024/01",
    date: "2024-01-16",
    title: PANEL_TITLE,
    total_cases: 3,
    judgements: &[
        ("appropriate", 1),
        ("appropriate-with-observations", 1),
        ("not-agreed", 1),
    ],
    checks: &[
        ("risk_assessed", &[("yes", 1), ("partial", 1), ("no", 1)]),
        ("victim_updated", &[("yes", 2), ("no", 1)]),
    ],
    themes: &[
        ("late-contact", &[1, 2, 3], 1),
        ("risk-gaps", &[1, 2], 0),
        ("record-quality", &[1, 2], 2),
        ("victim-care", &[], 0),
    ],
    strand_all: &[("transgender", 2), ("other", 1)],
    strand_rows: &[
        ("late-contact", &[("transgender", 2), ("other", 1)]),
        ("risk-gaps", &[("transgender", 2)]),
        ("record-quality", &[("transgender", 2)]),
    ],
    pairs: &[
        (["late-contact", "risk-gaps"], &[1, 2]),
        (["late-contact", "record-quality"], &[1, 2]),
        (["risk-gaps", "record-quality"], &[1, 2]),
    ],
};

const MEETINGS: [&Expected; 3] = [&M2023_03, &M2023_06, &M2024_01];

/// The one theme at one meeting that some case did not record: late-contact is read only
/// from `days_to_contact`, which 2023-03's case 4 leaves out, so its share there is 2 of
/// the 3 cases that recorded it. This changed on purpose with issue 28: a case without
/// the field was once counted as a case without the theme, 2 of 4. Every other theme and
/// meeting is recorded by all of its cases (risk-gaps' check is answered in every case;
/// record-quality is tags only and victim-care a phrase, which every case answers).
const UNRECORDED: [(&str, &str, u64); 1] = [("late-contact", "2023-03", 3)];

/// The cases that recorded `theme` at meeting `m`.
fn recorded(theme: &str, m: &Expected) -> u64 {
    UNRECORDED
        .iter()
        .find(|(t, at, _)| *t == theme && *at == m.id)
        .map_or(m.total_cases, |(_, _, n)| *n)
}

/// The observations' texts, as their files and update files give them.
const REFERRALS: &str =
    "Members asked that victims are referred to support services without delay.";
const RISK_REVIEWS: &str = "Members asked that risk is reviewed again after every arrest.";
const RECORDS: &str = "Members asked for the crime type to be checked before a log is closed.";
const CONTACT_TIMES: &str =
    "Members asked the force to publish how long first contact with victims takes.";
const THANKS: &str = "Members thanked the force for the clear handover notes seen in this sample.";
const REFERRALS_2023_06: &str =
    "The force reports that the referral pathways were reissued to every response team.";
const RISK_REVIEWS_2023_06: &str =
    "The monthly audit of risk reviews has begun in two of the three districts.";
const RISK_REVIEWS_2024_01: &str =
    "The audit of risk reviews now runs in every district and the panel may close this.";
const CONTACT_TIMES_2024_01: &str =
    "The force now publishes the time to first contact in its quarterly report.";

/// The fixture built once as an archive, shared by the tests that only read its output.
struct Built {
    dir: PathBuf,
    result: Run,
}

/// Builds the archive once. It lives under the test target folder rather than in a temporary
/// one because a static is never dropped, so a temporary folder would be left behind.
fn built() -> &'static Built {
    static BUILT: OnceLock<Built> = OnceLock::new();
    BUILT.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("archive-spec");
        let _ = fs::remove_dir_all(&dir);
        let copy = Report::copy("archive/spec");
        for entry in walkdir::WalkDir::new(copy.path()) {
            let entry = entry.unwrap();
            let to = dir.join(entry.path().strip_prefix(copy.path()).unwrap());
            if entry.file_type().is_dir() {
                fs::create_dir_all(&to).unwrap();
            } else {
                fs::copy(entry.path(), &to).unwrap();
            }
        }
        let result = run(&["build", s(&dir)]);
        Built { dir, result }
    })
}

/// The shared build's output folder, once the build is known to have succeeded.
fn output() -> PathBuf {
    let built = built();
    assert_eq!(built.result.code, 0, "{}", built.result.stderr);
    built.dir.join("output")
}

fn json(path: &Path) -> Value {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A JSON map of counts with its zeros dropped, since SPEC does not say whether they are
/// written.
fn nonzero(map: &Value) -> BTreeMap<String, u64> {
    map.as_object()
        .map(|m| {
            m.iter()
                .filter_map(|(k, v)| Some((k.clone(), v.as_u64()?)))
                .filter(|(_, n)| *n > 0)
                .collect()
        })
        .unwrap_or_default()
}

fn counts(expected: &[(&str, u64)]) -> BTreeMap<String, u64> {
    expected.iter().map(|(k, n)| (k.to_string(), *n)).collect()
}

fn numbers(list: &Value) -> Vec<u64> {
    let mut n: Vec<u64> = list
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_u64).collect())
        .unwrap_or_default();
    n.sort_unstable();
    n
}

fn by_key<'a>(list: &'a Value, key: &str, id: &str) -> Option<&'a Value> {
    list.as_array()?.iter().find(|v| v[key] == id)
}

/// Text compared with runs of white space as one space, since SPEC does not say how the
/// lines of a Markdown body are joined.
fn words(text: &Value) -> String {
    text.as_str()
        .unwrap_or_default()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a line of `stderr` reads `…FILE:LINE:COLUMN: error:` for a path ending in `file`.
fn has_error_at(stderr: &str, file: &str, line: u32) -> bool {
    let prefix = format!("{file}:{line}:");
    stderr.lines().any(|l| {
        l.find(&prefix).is_some_and(|at| {
            let rest = &l[at + prefix.len()..];
            let digits = rest.chars().take_while(char::is_ascii_digit).count();
            digits > 0 && rest[digits..].starts_with(": error:")
        })
    })
}

#[test]
fn the_archive_builds_every_file_with_exactly_one_warning() {
    let out = output();
    for name in [
        "index.html",
        "trends.html",
        "trends.docx",
        "trends.json",
        "trends.csv",
    ] {
        assert!(out.join(name).is_file(), "no output/{name}");
    }
    for id in IDS {
        for name in ["report.html", "report.json", "report.docx"] {
            assert!(out.join(id).join(name).is_file(), "no output/{id}/{name}");
        }
    }
    // 2024/01 is the latest meeting. Of the observations open when it began (risk-reviews,
    // records, contact-times) only 2023-03/records has no update in it: one warning, and
    // neither a closed observation (referrals, thanks) nor an earlier meeting adds one.
    let stderr = &built().result.stderr;
    assert!(!stderr.contains(": error:"), "{stderr}");
    let warnings: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains(": warning:"))
        .collect();
    assert_eq!(warnings.len(), 1, "{stderr}");
    assert!(warnings[0].contains("records"), "{stderr}");
    tools::assert_schema_valid(&out.join("trends.docx"));
    for id in IDS {
        tools::assert_schema_valid(&out.join(id).join("report.docx"));
    }
}

#[test]
fn each_meeting_report_counts_themes_mentions_breakdowns_and_pairs() {
    let out = output();
    for m in MEETINGS {
        let report = json(&out.join(m.id).join("report.json"));
        let at = m.id;
        // panel.yaml gives the panel and the title unless the meeting overrides it.
        assert_eq!(report["title"], m.title, "{at}");
        assert_eq!(report["panel"], "Spec Scrutiny Panel", "{at}");
        assert_eq!(report["meeting_date"], m.date, "{at}");
        assert_eq!(report["total_cases"], m.total_cases, "{at}");
        assert_eq!(nonzero(&report["judgements"]), counts(m.judgements), "{at}");
        // A meeting's own check comes after the panel's.
        let check_ids: Vec<&str> = report["checks"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|c| c["id"].as_str())
            .collect();
        let expected_ids: Vec<&str> = m.checks.iter().map(|(id, _)| *id).collect();
        assert_eq!(check_ids, expected_ids, "{at}");
        for (id, answers) in m.checks {
            let check = by_key(&report["checks"], "id", id).unwrap();
            assert_eq!(nonzero(&check["answers"]), counts(answers), "{at} {id}");
        }
        for (id, cases, points) in m.themes {
            // SPEC does not say whether a theme with no case is listed; absent reads as none.
            let Some(theme) = by_key(&report["themes"], "id", id) else {
                assert!(cases.is_empty(), "{at}: theme {id} missing");
                continue;
            };
            assert_eq!(numbers(&theme["cases"]), *cases, "{at} {id} cases");
            assert_eq!(theme["count"], cases.len() as u64, "{at} {id} count");
            assert_eq!(theme["points"], *points, "{at} {id} points");
        }
        check_breakdown(&report, m);
        check_pairs(&report, m);
    }
}

fn check_breakdown(report: &Value, m: &Expected) {
    let at = m.id;
    let breakdowns = report["breakdowns"].as_array().expect("breakdowns");
    assert_eq!(breakdowns.len(), 1, "{at}: breakdown: [strand] only");
    let strand = &breakdowns[0];
    assert_eq!(strand["field"], "strand", "{at}");
    // The order of the values is not in SPEC, nor whether a value no case has is listed:
    // every value that some case has must be there.
    let values: BTreeSet<&str> = strand["values"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    for (value, _) in m.strand_all {
        assert!(
            values.contains(value),
            "{at}: no value {value} in {values:?}"
        );
    }
    assert_eq!(nonzero(&strand["all"]), counts(m.strand_all), "{at} all");
    // One row per theme with cases, so a theme with none has no row.
    let rows: BTreeMap<&str, BTreeMap<String, u64>> = strand["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["theme"].as_str().unwrap_or(""), nonzero(&r["counts"])))
        .collect();
    let expected: BTreeMap<&str, BTreeMap<String, u64>> = m
        .strand_rows
        .iter()
        .map(|(theme, c)| (*theme, counts(c)))
        .collect();
    assert_eq!(rows, expected, "{at} rows");
}

fn check_pairs(report: &Value, m: &Expected) {
    // Neither the order of the pairs nor of the two themes in one is in SPEC.
    let pairs: BTreeSet<(BTreeSet<String>, Vec<u64>)> = report["pairs"]
        .as_array()
        .expect("pairs")
        .iter()
        .map(|p| {
            let themes = p["themes"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|t| t.as_str().map(String::from))
                .collect();
            (themes, numbers(&p["cases"]))
        })
        .collect();
    let expected: BTreeSet<(BTreeSet<String>, Vec<u64>)> = m
        .pairs
        .iter()
        .map(|(themes, cases)| {
            (
                themes.iter().map(|t| t.to_string()).collect(),
                cases.to_vec(),
            )
        })
        .collect();
    assert_eq!(pairs, expected, "{} pairs", m.id);
}

#[test]
fn trends_json_follows_every_theme_check_and_observation() {
    let trends = json(&output().join("trends.json"));
    assert_eq!(trends["panel"], "Spec Scrutiny Panel");
    let meetings = trends["meetings"].as_array().unwrap();
    let ids: Vec<&str> = meetings.iter().filter_map(|m| m["id"].as_str()).collect();
    assert_eq!(ids, IDS, "meetings in date order");
    for (meeting, m) in meetings.iter().zip(MEETINGS) {
        assert_eq!(meeting["meeting_date"], m.date);
        assert_eq!(meeting["title"], m.title);
        assert_eq!(meeting["total_cases"], m.total_cases);
        assert_eq!(
            nonzero(&meeting["judgements"]),
            counts(m.judgements),
            "{}",
            m.id
        );
    }
    // Every theme in every meeting, 0 where it had none (victim-care in 2024/01).
    for (id, label) in THEMES {
        let theme = by_key(&trends["themes"], "id", id).expect(id);
        assert_eq!(theme["label"], label);
        let by_meeting = theme["by_meeting"].as_array().unwrap();
        assert_eq!(by_meeting.len(), IDS.len(), "{id}");
        for m in MEETINGS {
            let (_, cases, _) = m.themes.iter().find(|(t, _, _)| *t == id).unwrap();
            let row = by_key(&theme["by_meeting"], "meeting", m.id).expect(m.id);
            assert_eq!(row["count"], cases.len() as u64, "{id} {}", m.id);
            assert_eq!(numbers(&row["cases"]), *cases, "{id} {}", m.id);
            let recorded = recorded(id, m);
            assert_eq!(row["recorded"], recorded, "{id} {}", m.id);
            let share = row["share"].as_f64().unwrap();
            let expected = cases.len() as f64 / recorded as f64;
            assert!((share - expected).abs() < 1e-4, "{id} {}: {share}", m.id);
        }
    }
    // The panel's checks in every meeting. SPEC promises every meeting only for themes, so
    // 2023-06's own check is held only where it was asked, and elsewhere to no answers.
    for (id, _) in M2023_06.checks {
        let check = by_key(&trends["checks"], "id", id).expect(id);
        for m in MEETINGS {
            let row = by_key(&check["by_meeting"], "meeting", m.id);
            match m.checks.iter().find(|(c, _)| c == id) {
                Some((_, answers)) => {
                    let row = row.unwrap_or_else(|| panic!("{id} {}", m.id));
                    assert_eq!(nonzero(&row["answers"]), counts(answers), "{id} {}", m.id);
                }
                None => assert!(
                    row.is_none_or(|r| nonzero(&r["answers"]).is_empty()),
                    "{id} {}",
                    m.id
                ),
            }
        }
    }
    check_tracker(&trends);
}

/// One observation as trends.json must track it.
struct Tracked {
    id: &'static str,
    meeting: &'static str,
    text: &'static str,
    /// None where the observation has no force response: what the field then holds is not
    /// in SPEC.
    response: Option<&'static str>,
    status: &'static str,
    /// Each update: its meeting, status and text.
    history: &'static [(&'static str, &'static str, &'static str)],
}

/// An observation's status is its own, then each update's in meeting order.
const TRACKED: [Tracked; 5] = [
    Tracked {
        id: "2023-03/referrals",
        meeting: "2023-03",
        text: REFERRALS,
        response: Some("The force will remind response teams of the referral pathways."),
        // responded, then closed by 2023-06's update.
        status: "closed",
        history: &[("2023-06", "closed", REFERRALS_2023_06)],
    },
    Tracked {
        id: "2023-03/risk-reviews",
        meeting: "2023-03",
        text: RISK_REVIEWS,
        response: Some("Supervisors will check risk reviews in the monthly audit."),
        // responded, in-progress in 2023-06, closed in 2024/01.
        status: "closed",
        history: &[
            ("2023-06", "in-progress", RISK_REVIEWS_2023_06),
            ("2024/01", "closed", RISK_REVIEWS_2024_01),
        ],
    },
    Tracked {
        id: "2023-03/records",
        meeting: "2023-03",
        text: RECORDS,
        response: Some("The crime recording team will sample closed logs each quarter."),
        // No update anywhere: its own status stands.
        status: "responded",
        history: &[],
    },
    Tracked {
        id: "2023-06/contact-times",
        meeting: "2023-06",
        text: CONTACT_TIMES,
        response: None,
        // awaiting-response, then responded in 2024/01.
        status: "responded",
        history: &[("2024/01", "responded", CONTACT_TIMES_2024_01)],
    },
    Tracked {
        id: "2023-06/thanks",
        meeting: "2023-06",
        text: THANKS,
        response: Some("The force has shared the thanks with the teams involved."),
        // Closed from the start, never updated.
        status: "closed",
        history: &[],
    },
];

fn check_tracker(trends: &Value) {
    let observations = trends["observations"].as_array().unwrap();
    assert_eq!(observations.len(), TRACKED.len());
    for want in &TRACKED {
        let id = want.id;
        let o = by_key(&trends["observations"], "id", id).expect(id);
        assert_eq!(o["meeting"], want.meeting, "{id}");
        assert_eq!(words(&o["text"]), want.text, "{id}");
        if let Some(response) = want.response {
            assert_eq!(words(&o["response"]), response, "{id}");
        }
        assert_eq!(o["status"], want.status, "{id}");
        let got: Vec<(String, String, String)> = o["history"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| {
                (
                    h["meeting"].as_str().unwrap_or("").to_string(),
                    h["status"].as_str().unwrap_or("").to_string(),
                    words(&h["text"]),
                )
            })
            .collect();
        let history: Vec<(String, String, String)> = want
            .history
            .iter()
            .map(|(m, s, t)| (m.to_string(), s.to_string(), t.to_string()))
            .collect();
        assert_eq!(got, history, "{id} history");
    }
}

#[test]
fn trends_csv_has_a_row_per_theme_and_meeting() {
    let csv = fs::read_to_string(output().join("trends.csv")).unwrap();
    // themes.csv carries a byte-order mark for Excel; SPEC does not say whether this does.
    let csv = csv.strip_prefix('\u{feff}').unwrap_or(&csv);
    let mut lines = csv.lines().filter(|l| !l.is_empty());
    assert_eq!(
        lines.next(),
        Some(
            "theme,label,meeting,meeting_date,cases,total_cases,share,recorded,share_low,share_high,change,change_low,change_high,verdict"
        )
    );
    // No label or id in the fixture has a comma or a quote, so a plain split reads a row.
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    // 4 themes × 3 meetings.
    assert_eq!(rows.len(), 12, "{csv}");
    for (id, label) in THEMES {
        for m in MEETINGS {
            let (_, cases, _) = m.themes.iter().find(|(t, _, _)| *t == id).unwrap();
            let row = rows
                .iter()
                .find(|r| r[0] == id && r.get(2) == Some(&m.id))
                .unwrap_or_else(|| panic!("no row {id} {}", m.id));
            assert_eq!(row.len(), 14, "{row:?}");
            assert_eq!(row[1], label);
            assert_eq!(row[3], m.date);
            assert_eq!(row[4], cases.len().to_string(), "{row:?}");
            assert_eq!(row[5], m.total_cases.to_string(), "{row:?}");
            let recorded = recorded(id, m);
            assert_eq!(row[7], recorded.to_string(), "{row:?}");
            let share = format!("{:.4}", cases.len() as f64 / recorded as f64);
            assert_eq!(row[6], share, "{row:?}");
        }
    }
}

#[test]
fn section_5_lists_exactly_the_observations_open_when_the_meeting_began() {
    let out = output();
    let page =
        |id: &str| visible_text(&fs::read_to_string(out.join(id).join("report.html")).unwrap());
    let no_update = "No update at this meeting";
    // 2023-03 is the first meeting: nothing earlier, so no section 5.0.
    let first = page("2023-03");
    assert!(!first.contains("Update on previous observations"));
    assert!(!first.contains(no_update));
    // 2023-06 began with all three of 2023-03's observations open (each responded):
    // referrals and risk-reviews have an update here, records has none.
    let second = page("2023-06");
    assert!(
        second.contains("5.0 Update on previous observations"),
        "{second}"
    );
    for text in [
        REFERRALS,
        RISK_REVIEWS,
        RECORDS,
        REFERRALS_2023_06,
        RISK_REVIEWS_2023_06,
    ] {
        assert!(second.contains(text), "2023-06 lacks {text}");
    }
    assert_eq!(second.matches(no_update).count(), 1, "{second}");
    // 2024/01 began with referrals closed (2023-06's update) and thanks closed from the
    // start, so it lists risk-reviews (in-progress), records (responded) and contact-times
    // (awaiting-response); records again has no update.
    let third = page("2024/01");
    assert!(
        third.contains("5.0 Update on previous observations"),
        "{third}"
    );
    for text in [
        RISK_REVIEWS,
        RECORDS,
        CONTACT_TIMES,
        RISK_REVIEWS_2024_01,
        CONTACT_TIMES_2024_01,
    ] {
        assert!(third.contains(text), "2024/01 lacks {text}");
    }
    for text in [REFERRALS, THANKS, REFERRALS_2023_06] {
        assert!(!third.contains(text), "2024/01 lists a closed one: {text}");
    }
    assert_eq!(third.matches(no_update).count(), 1, "{third}");
}

#[test]
fn the_index_lists_meetings_newest_first_and_the_trends_page_names_each_theme() {
    let out = output();
    let index = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(index.contains("trends.html"), "{index}");
    let at = |id: &str| {
        index
            .find(&format!("{id}/report.html"))
            .unwrap_or_else(|| panic!("no link to {id}: {index}"))
    };
    assert!(at("2024/01") < at("2023-06") && at("2023-06") < at("2023-03"));
    let trends = visible_text(&fs::read_to_string(out.join("trends.html")).unwrap());
    for (_, label) in THEMES {
        assert!(trends.contains(label), "trends.html lacks {label}");
    }
    for text in [REFERRALS, RISK_REVIEWS, RECORDS, CONTACT_TIMES, THANKS] {
        assert!(trends.contains(text), "trends.html lacks {text}");
    }
}

#[test]
fn a_meeting_built_alone_takes_the_archive_settings() {
    let out = output();
    // 2023-06 finds panel.yaml in its parent, 2024/01 in its grandparent.
    for id in ["2023-06", "2024/01"] {
        let alone = tempfile::tempdir().unwrap();
        let result = run(&["build", s(&built().dir.join(id)), "--out", s(alone.path())]);
        assert_eq!(result.code, 0, "{id}: {}", result.stderr);
        for name in ["report.json", "report.html"] {
            assert!(
                fs::read(alone.path().join(name)).unwrap()
                    == fs::read(out.join(id).join(name)).unwrap(),
                "{id}/{name} differs when built alone"
            );
        }
    }
}

#[test]
fn from_leaves_out_the_earlier_meetings() {
    let full = output();
    let dir = Report::copy("archive/spec");
    let result = run(&["build", s(dir.path()), "--from", "2023-06-01"]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    let out = dir.path().join("output");
    assert!(!out.join("2023-03").exists());
    let trends = json(&out.join("trends.json"));
    let ids: Vec<&str> = trends["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|m| m["id"].as_str())
        .collect();
    assert_eq!(ids, ["2023-06", "2024/01"]);
    for (id, _) in THEMES {
        let theme = by_key(&trends["themes"], "id", id).expect(id);
        let meetings: Vec<&str> = theme["by_meeting"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|m| m["meeting"].as_str())
            .collect();
        assert_eq!(meetings, ["2023-06", "2024/01"], "{id}");
    }
    // 4 themes × 2 meetings, after the header.
    let csv = fs::read_to_string(out.join("trends.csv")).unwrap();
    assert_eq!(
        csv.lines().filter(|l| !l.is_empty()).count(),
        1 + 8,
        "{csv}"
    );
    // Each meeting is built exactly as building it alone would, range or not: 2023-06's
    // section 5.0 still follows 2023-03's observations.
    for id in ["2023-06", "2024/01"] {
        assert!(
            fs::read(out.join(id).join("report.json")).unwrap()
                == fs::read(full.join(id).join("report.json")).unwrap(),
            "{id}/report.json differs under --from"
        );
    }
}

#[test]
fn an_update_naming_an_unknown_observation_is_an_error_with_a_suggestion() {
    let dir = Report::copy("archive/spec");
    let update = dir.path().join("2023-06/updates/referrals.md");
    let text = fs::read_to_string(&update).unwrap();
    fs::write(
        &update,
        text.replace("2023-03/referrals", "2023-03/referals"),
    )
    .unwrap();
    let result = run(&["build", s(dir.path())]);
    assert_eq!(result.code, 1, "{}", result.stderr);
    // `observation:` is line 2, under the opening `---`.
    assert!(
        has_error_at(&result.stderr, "updates/referrals.md", 2),
        "{}",
        result.stderr
    );
    assert!(result.stderr.contains("did you mean"), "{}", result.stderr);
    assert!(
        result.stderr.contains("2023-03/referrals"),
        "{}",
        result.stderr
    );
    assert!(!dir.path().join("output").exists());
}

#[test]
fn an_update_naming_an_observation_of_its_own_meeting_is_an_error() {
    let dir = Report::copy("archive/spec");
    fs::write(
        dir.path().join("2023-06/updates/own.md"),
        "---\nobservation: 2023-06/contact-times\nstatus: responded\n---\nToo soon.\n",
    )
    .unwrap();
    let result = run(&["build", s(dir.path())]);
    assert_eq!(result.code, 1, "{}", result.stderr);
    assert!(
        result
            .stderr
            .lines()
            .any(|l| l.contains("updates/own.md:") && l.contains(": error:")),
        "{}",
        result.stderr
    );
    assert!(!dir.path().join("output").exists());
}

#[test]
fn two_meetings_on_the_same_date_are_an_error() {
    let dir = Report::copy("archive/spec");
    fs::write(
        dir.path().join("2024/01/report.yaml"),
        "meeting_date: 2023-06-20\n",
    )
    .unwrap();
    let result = run(&["build", s(dir.path())]);
    assert_eq!(result.code, 1, "{}", result.stderr);
    // The error must be about the clash, not some other failure: it names the date or both
    // meetings.
    let clash = result.stderr.lines().any(|l| {
        l.contains(": error:")
            && (l.contains("2023-06-20") || (l.contains("2023-06") && l.contains("2024/01")))
    });
    assert!(clash, "{}", result.stderr);
    assert!(!dir.path().join("output").exists());
}
