//! A panel's archive: meetings found below panel.yaml, settings inherited, observations
//! followed from meeting to meeting, and the archive's own files.

use serde_json::Value;

use super::builder::Report;
use super::{fixture, run, s};

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

/// The sample archive built whole, once per test that reads it.
fn sample_built() -> Report {
    let t = Report::copy("archive/sample");
    let built = t.run(&["build", "{dir}", "--format", "html,json,docx,csv,xlsx"]);
    assert_eq!(built.code, 0, "{}", built.stderr);
    assert!(built.stderr.is_empty(), "{}", built.stderr);
    t
}

/// Observation ids and statuses of a meeting's section 5.0, from its report.json.
fn follow_up(report: &Value) -> Vec<(String, String, Option<String>)> {
    report["follow_up"]
        .as_array()
        .map(|rows| {
            rows.iter()
                .map(|r| {
                    (
                        r["observation"].as_str().unwrap().to_string(),
                        r["status_before"].as_str().unwrap().to_string(),
                        r["update"]["status"].as_str().map(String::from),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn each_meeting_lists_the_earlier_observations_that_were_open_when_it_began() {
    let t = sample_built();
    let first = json(&t.read("output/2023-03/report.json"));
    assert!(follow_up(&first).is_empty());
    assert!(
        !t.read("output/2023-03/report.html")
            .contains("Update on previous observations")
    );
    let second = json(&t.read("output/2023-06/report.json"));
    let row = |id: &str, before: &str, update: Option<&str>| {
        (id.to_string(), before.to_string(), update.map(String::from))
    };
    assert_eq!(
        follow_up(&second),
        [
            row("2023-03/late-contact", "responded", Some("in-progress")),
            row("2023-03/referrals", "responded", Some("closed")),
        ]
    );
    // referrals was closed at 2023-06, so it is not open when 2024/01 begins.
    let third = json(&t.read("output/2024/01/report.json"));
    assert_eq!(
        follow_up(&third),
        [
            row("2023-03/late-contact", "in-progress", Some("closed")),
            row("2023-06/risk-recording", "responded", Some("in-progress")),
        ]
    );
    let page = t.read("output/2024/01/report.html");
    assert!(
        page.contains("5.0</span> Update on previous observations"),
        "{page}"
    );
    assert!(page.contains("Raised as 4.1 at the meeting of 14 March 2023"));
    assert!(page.contains("Compliance rose to 94 per cent"));
}

#[test]
fn a_meeting_built_alone_gives_the_report_it_has_in_its_archive() {
    let t = sample_built();
    for meeting in ["2023-06", "2024/01"] {
        let alone = t.run(&[
            "build",
            &format!("{{dir}}/{meeting}"),
            "--format",
            "html,json,docx,csv,xlsx",
        ]);
        assert_eq!(alone.code, 0, "{}", alone.stderr);
        for file in [
            "report.html",
            "report.json",
            "report.docx",
            "themes.csv",
            "report.xlsx",
        ] {
            let a = std::fs::read(t.path().join(meeting).join("output").join(file)).unwrap();
            let b = std::fs::read(t.path().join("output").join(meeting).join(file)).unwrap();
            assert!(a == b, "{meeting}/{file} differs when built alone");
        }
    }
}

#[test]
fn the_archive_writes_its_own_files_beside_the_meetings() {
    let t = sample_built();
    for file in [
        "index.html",
        "trends.html",
        "trends.docx",
        "trends.json",
        "trends.csv",
    ] {
        assert!(t.path().join("output").join(file).is_file(), "{file}");
    }
    let index = t.read("output/index.html");
    // Newest first, linked relatively so output/ can be copied to a web server.
    let newest = index.find("2024/01/report.html").unwrap();
    let oldest = index.find("2023-03/report.html").unwrap();
    assert!(newest < oldest);
    assert!(index.contains("href=\"trends.html\""));
    let trends = json(&t.read("output/trends.json"));
    let meetings: Vec<&str> = trends["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_str().unwrap())
        .collect();
    assert_eq!(meetings, ["2023-03", "2023-06", "2024/01"]);
    let late = trends["themes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "late-hcso-contact")
        .unwrap();
    let counts: Vec<(u64, Vec<u64>)> = late["by_meeting"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["count"].as_u64().unwrap(),
                m["cases"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|c| c.as_u64().unwrap())
                    .collect(),
            )
        })
        .collect();
    assert_eq!(counts, [(2, vec![1, 3]), (1, vec![2]), (1, vec![3])]);
    let tracker: Vec<(&str, &str, usize)> = trends["observations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                o["id"].as_str().unwrap(),
                o["status"].as_str().unwrap(),
                o["history"].as_array().unwrap().len(),
            )
        })
        .collect();
    // Open ones first.
    assert_eq!(
        tracker,
        [
            ("2023-06/risk-recording", "in-progress", 1),
            ("2023-03/late-contact", "closed", 2),
            ("2023-03/referrals", "closed", 1),
        ]
    );
    let csv = t.read("output/trends.csv");
    let rows: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(
        rows[0],
        "theme,label,meeting,meeting_date,cases,total_cases,share,recorded,share_low,share_high,change,change_low,change_high,verdict"
    );
    assert_eq!(rows.len(), 1 + 4 * 3);
}

#[test]
fn from_and_to_choose_the_meetings_of_an_annual_report() {
    let t = Report::copy("archive/sample");
    let built = t.run(&["build", "{dir}", "--from", "2023-06-01", "--format", "json"]);
    assert_eq!(built.code, 0, "{}", built.stderr);
    assert!(!t.path().join("output/2023-03").exists());
    assert!(t.path().join("output/2023-06/report.json").is_file());
    let trends = json(&t.read("output/trends.json"));
    assert_eq!(trends["meetings"].as_array().unwrap().len(), 2);
    // Observations raised before the range and still open when it began are followed,
    // including one closed within it.
    let ids: Vec<(&str, &str)> = trends["observations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| (o["id"].as_str().unwrap(), o["status"].as_str().unwrap()))
        .collect();
    assert_eq!(
        ids,
        [
            ("2023-06/risk-recording", "in-progress"),
            ("2023-03/late-contact", "closed"),
            ("2023-03/referrals", "closed"),
        ]
    );
    // One closed before the range began is not the range's business.
    let later = t.run(&["build", "{dir}", "--from", "2024-01-01", "--format", "json"]);
    assert_eq!(later.code, 0, "{}", later.stderr);
    let trends = json(&t.read("output/trends.json"));
    let ids: Vec<&str> = trends["observations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["2023-06/risk-recording", "2023-03/late-contact"]);
    let to = t.run(&["build", "{dir}", "--to", "2023-06-30", "--format", "json"]);
    assert_eq!(to.code, 0, "{}", to.stderr);
    let trends = json(&t.read("output/trends.json"));
    assert_eq!(trends["meetings"].as_array().unwrap().len(), 2);

    let bad = t.run(&["build", "{dir}", "--from", "June 2023"]);
    assert_eq!(bad.code, 2, "{}", bad.stderr);
    assert!(
        bad.stderr.contains("not a date written YYYY-MM-DD"),
        "{}",
        bad.stderr
    );
    let lone = run(&["build", s(&fixture("good/small")), "--from", "2023-01-01"]);
    assert_eq!(lone.code, 2);
    assert!(lone.stderr.contains("a single report"), "{}", lone.stderr);
}

#[test]
fn settings_themes_and_templates_are_inherited_and_overridden() {
    let t = Report::new()
        .file(
            "panel.yaml",
            "title: Hate Crime Panel\npanel: QAP\nchecks:\n  risk: Risk assessed\n  hcso: HCSO contact\nprivacy:\n  allow: [Dr Jones]\n",
        )
        .file("themes.yaml", "late:\n  label: Late contact\n  when:\n    - check: hcso\n      is: [\"no\"]\nrisk:\n  label: Risk not assessed\n  when:\n    - check: risk\n      is: [\"no\"]\n")
        .file("templates/style.css", "body { color: #123456; }\n")
        .file("2023-03/report.yaml", "meeting_date: 2023-03-14\n")
        .case_in("2023-03", 1, "checks:\n  risk: \"no\"\n  hcso: \"no\"\n", "- Seen by Dr Jones.\n")
        .file(
            "2023-06/report.yaml",
            "meeting_date: 2023-06-13\ntitle: June review\nchecks:\n  hcso: HCSO contact within 48 hours\n  outcome: Outcome right\n",
        )
        .file("2023-06/themes.yaml", "late:\n  label: Late contact (new rule)\n  when:\n    - check: outcome\n      is: [\"no\"]\n")
        .case_in("2023-06", 1, "checks:\n  risk: \"no\"\n  outcome: \"no\"\n", "- A point.\n");
    let built = t.run(&["build", "{dir}", "--format", "html,json"]);
    assert_eq!(built.code, 0, "{}", built.stderr);
    // The meeting's themes.yaml replaces the panel's theme of that id, with a warning.
    assert!(
        built.stderr.contains("2023-06/themes.yaml:1:1: warning: `late` replaces the panel's theme of that id for this meeting"),
        "{}",
        built.stderr
    );
    let march = json(&t.read("output/2023-03/report.json"));
    assert_eq!(march["title"], "Hate Crime Panel");
    assert_eq!(march["panel"], "QAP");
    let june = json(&t.read("output/2023-06/report.json"));
    assert_eq!(june["title"], "June review");
    let checks: Vec<(&str, &str)> = june["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["id"].as_str().unwrap(), c["label"].as_str().unwrap()))
        .collect();
    // Relabelled in place, and the new check after the panel's.
    assert_eq!(
        checks,
        [
            ("risk", "Risk assessed"),
            ("hcso", "HCSO contact within 48 hours"),
            ("outcome", "Outcome right")
        ]
    );
    let theme = |report: &Value, id: &str| -> Vec<u64> {
        report["themes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["id"] == id)
            .map(|t| {
                t["cases"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|c| c.as_u64().unwrap())
                    .collect()
            })
            .unwrap_or_default()
    };
    assert_eq!(theme(&march, "late"), [1]);
    assert_eq!(theme(&june, "late"), [1], "found by the meeting's own rule");
    assert_eq!(theme(&june, "risk"), [1], "the panel's theme still applies");
    // The panel's stylesheet is used by every meeting.
    assert!(t.read("output/2023-06/report.html").contains("#123456"));
}

#[test]
fn a_problem_in_an_inherited_setting_names_the_file_it_came_from() {
    let t = Report::new()
        .file(
            "panel.yaml",
            "title: Panel\nchecks:\n  risk: Risk\nmeeting_date: 2023-01-01\nlanguage: fr\n",
        )
        .file("2023-06/report.yaml", "meeting_date: 2023-06-13\n")
        .case_in("2023-06", 1, "checks:\n  rsk: yes\n", "- A point.\n");
    let whole = t.run(&["check"]);
    assert_eq!(whole.code, 1, "{}", whole.stderr);
    assert!(
        whole.stderr.contains(
            "panel.yaml:4:1: error: `meeting_date` belongs in each meeting's report.yaml"
        ),
        "{}",
        whole.stderr
    );
    assert!(whole.stderr.contains("\npanel.yaml:5:"), "{}", whole.stderr);
    // Reported once, though two meetings could read it.
    assert_eq!(whole.stderr.matches("belongs in each meeting's").count(), 1);
    // The check's scale came from panel.yaml, and the hint says so.
    assert!(
        whole.stderr.contains("2023-06/cases/case-01.md:4:3"),
        "{}",
        whole.stderr
    );
    assert!(
        whole
            .stderr
            .contains("defined under `checks:` in panel.yaml"),
        "{}",
        whole.stderr
    );
    // From the meeting's own folder, the panel's file is one level up.
    let alone = t.run(&["check", "{dir}/2023-06"]);
    assert!(
        alone.stderr.contains("../panel.yaml:4:1: error"),
        "{}",
        alone.stderr
    );
    assert!(
        alone.stderr.contains("\ncases/case-01.md:4:3"),
        "{}",
        alone.stderr
    );
}

/// A two-meeting archive whose second meeting's updates are `updates`.
fn with_updates(updates: &[(&str, &str)]) -> Report {
    let mut t = Report::new()
        .file("panel.yaml", "title: Panel\n")
        .file("2023-03/report.yaml", "meeting_date: 2023-03-14\n")
        .case_in("2023-03", 1, "", "- A point.\n")
        .file(
            "2023-03/observations/referrals.md",
            "Reissue the referral list.\n\n## Force response\n\nWe will.\n",
        )
        .file("2023-06/report.yaml", "meeting_date: 2023-06-13\n")
        .case_in("2023-06", 1, "", "- A point.\n")
        .file(
            "2023-06/observations/training.md",
            "Train the call handlers.\n",
        );
    for (name, text) in updates {
        t = t.file(&format!("2023-06/updates/{name}"), text);
    }
    t
}

#[test]
fn an_update_must_name_an_earlier_observation_and_a_status() {
    let t = with_updates(&[
        (
            "a.md",
            "---\nobservation: 2023-03/referals\nstatus: closed\n---\nDone.\n",
        ),
        (
            "b.md",
            "---\nobservation: 2023-06/training\nstatus: closed\n---\nDone.\n",
        ),
        (
            "c.md",
            "---\nobservation: 2023-03/referrals\nstatus: in progres\n---\nDone.\n",
        ),
    ]);
    let checked = t.run(&["check"]);
    assert_eq!(checked.code, 1, "{}", checked.stderr);
    let err = &checked.stderr;
    assert!(
        err.contains(
            "2023-06/updates/a.md:2:14: error: there is no observation `2023-03/referals`"
        ),
        "{err}"
    );
    assert!(err.contains("did you mean `2023-03/referrals`?"), "{err}");
    assert!(
        err.contains(
            "2023-06/updates/b.md:2:14: error: `2023-06/training` is an observation of this meeting"
        ),
        "{err}"
    );
    assert!(
        err.contains("2023-06/updates/c.md:3:9: error: `in progres` is not a status"),
        "{err}"
    );
    assert!(err.contains("did you mean `in-progress`?"), "{err}");
    // The latest meeting gives no valid update on referrals, which is open.
    assert!(
        err.contains("warning: no update on `2023-03/referrals`, which is still responded"),
        "{err}"
    );
    assert!(err.contains("3 errors, 1 warning"), "{err}");
    // A build with any error writes nothing, for any meeting.
    let built = t.run(&["build"]);
    assert_eq!(built.code, 1);
    assert!(!t.path().join("output").exists());
}

#[test]
fn a_meeting_on_the_same_date_as_another_is_an_error() {
    let t = with_updates(&[]).file("2023-06/report.yaml", "meeting_date: 2023-03-14\n");
    let checked = t.run(&["check"]);
    assert_eq!(checked.code, 1, "{}", checked.stderr);
    assert!(checked.stderr.contains("2023-06/report.yaml:1:1: error: this meeting has the same `meeting_date:` (2023-03-14) as the meeting 2023-03"), "{}", checked.stderr);
}

#[test]
fn updates_outside_an_archive_are_not_read_and_say_so() {
    let t = Report::copy("good/small").file(
        "updates/a.md",
        "---\nobservation: 2023-03/a\nstatus: closed\n---\nDone.\n",
    );
    let checked = t.run(&["check"]);
    assert_eq!(checked.code, 0, "{}", checked.stderr);
    assert!(
        checked
            .stderr
            .contains("updates/:1:1: warning: updates/ is read only in a meeting of an archive"),
        "{}",
        checked.stderr
    );
}

#[test]
fn themes_and_check_read_the_whole_archive() {
    let t = Report::copy("archive/sample");
    let checked = t.run(&["check"]);
    assert_eq!(checked.code, 0, "{}", checked.stderr);
    assert!(
        checked.stdout.contains(": 3 meetings, 11 cases, no errors"),
        "{}",
        checked.stdout
    );
    let themes = t.run(&["themes"]);
    assert_eq!(themes.code, 0, "{}", themes.stderr);
    let line = themes
        .stdout
        .lines()
        .find(|l| l.starts_with("HCSO contact not made within 48 hours"))
        .unwrap();
    assert!(line.ends_with("2/4      1/4      1/3"), "{line}");
    let explain = t.run(&["themes", "{dir}", "--explain", "late-hcso-contact"]);
    assert_eq!(explain.code, 0, "{}", explain.stderr);
    assert!(
        explain.stdout.contains("== 2023-06 (2023-06-13)"),
        "{}",
        explain.stdout
    );
    assert!(
        explain
            .stdout
            .contains("2023-06/cases/case-02.md:7: case 2 [check hcso_48h] no"),
        "{}",
        explain.stdout
    );
    let typo = t.run(&["themes", "{dir}", "--explain", "late-hcso-contct"]);
    assert_eq!(typo.code, 2);
    assert!(
        typo.stderr.contains("did you mean `late-hcso-contact`?"),
        "{}",
        typo.stderr
    );
}

#[test]
fn two_builds_of_an_archive_give_the_same_bytes() {
    let a = sample_built();
    let b = sample_built();
    for file in [
        "trends.json",
        "trends.csv",
        "trends.html",
        "trends.docx",
        "index.html",
        "2023-06/report.docx",
    ] {
        assert!(
            std::fs::read(a.path().join("output").join(file)).unwrap()
                == std::fs::read(b.path().join("output").join(file)).unwrap(),
            "{file}"
        );
    }
}

#[test]
fn a_folder_of_meetings_without_panel_yaml_is_told_how_to_become_an_archive() {
    let t = Report::new()
        .file("panel.yml", "title: Panel\n")
        .file("2023-06/report.yaml", "meeting_date: 2023-06-13\n")
        .case_in("2023-06", 1, "", "- A point.\n")
        .expect_code(1)
        .expect_stderr("report.yaml:1:1: error: no report.yaml in this folder")
        .expect_stderr("this folder holds meetings, such as 2023-06/")
        .expect_stderr("the file `panel.yml` is not read: did you mean `panel.yaml`?");
    t.run(&["check"]);
    // With panel.yaml it is an archive; a report.yaml beside it is not read, and says so.
    let t = t
        .file("panel.yaml", "title: Panel\n")
        .file("report.yaml", "title: T\n");
    let checked = t.run(&["check"]);
    assert_eq!(checked.code, 0, "{}", checked.stderr);
    assert!(
        checked
            .stderr
            .contains("report.yaml:1:1: warning: report.yaml beside panel.yaml is not read"),
        "{}",
        checked.stderr
    );
}

#[test]
fn a_breakdown_field_of_panel_yaml_is_warned_about_once_naming_the_meetings_without_it() {
    let meeting = |t: Report, id: &str, date: &str, front: &str| {
        t.file(
            &format!("{id}/report.yaml"),
            format!("meeting_date: {date}\n"),
        )
        .case_in(id, 1, front, "- A point.\n")
        .case_in(id, 2, "", "- Another point.\n")
    };
    let t = Report::new().file(
        "panel.yaml",
        "title: Panel\nbreakdown: [perceived_ethnicity]\n",
    );
    let t = meeting(t, "2023-03", "2023-03-14", "");
    let t = meeting(
        t,
        "2023-06",
        "2023-06-13",
        "perceived_ethnicity: White British\n",
    );
    let t = meeting(t, "2023-09", "2023-09-12", "");
    let warned = |run: &super::Run| {
        run.stderr
            .matches("has the field `perceived_ethnicity`")
            .count()
    };

    let whole = t.run(&["check"]);
    assert_eq!(whole.code, 0, "{}", whole.stderr);
    assert_eq!(warned(&whole), 1, "{}", whole.stderr);
    assert!(
        whole.stderr.contains("panel.yaml:2:13: warning: no case at the meetings 2023-03 and 2023-09 has the field `perceived_ethnicity` that `breakdown` names, so their reports have no table for it"),
        "{}",
        whole.stderr
    );
    assert!(
        whole
            .stderr
            .contains("the other meetings' cases have `perceived_ethnicity`")
    );

    // A meeting whose cases have the field is built without a word about the others.
    let has_it = t.run(&["check", "{dir}/2023-06"]);
    assert_eq!(warned(&has_it), 0, "{}", has_it.stderr);
    let lacks_it = t.run(&["check", "{dir}/2023-09"]);
    assert_eq!(warned(&lacks_it), 1, "{}", lacks_it.stderr);
    assert!(
        lacks_it
            .stderr
            .contains("../panel.yaml:2:13: warning: no case at the meetings 2023-03 and 2023-09"),
        "{}",
        lacks_it.stderr
    );

    // Every meeting has it: no warning at all.
    let t = t
        .case_in(
            "2023-03",
            2,
            "perceived_ethnicity: Asian\n",
            "- Another point.\n",
        )
        .case_in(
            "2023-09",
            2,
            "perceived_ethnicity: Black\n",
            "- Another point.\n",
        );
    let all = t.run(&["check"]);
    assert_eq!(warned(&all), 0, "{}", all.stderr);

    // No meeting has it: said once, for every meeting, with the nearest field there is.
    let t = t.file(
        "panel.yaml",
        "title: Panel\nbreakdown: [perceived_ethnicty]\n",
    );
    let none = t.run(&["check"]);
    assert_eq!(
        none.stderr
            .matches("no case at any meeting has the field `perceived_ethnicty`")
            .count(),
        1,
        "{}",
        none.stderr
    );
    assert!(
        none.stderr.contains("did you mean `perceived_ethnicity`?"),
        "{}",
        none.stderr
    );
}
