//! Bad report folders: every fixture under tests/fixtures/bad is listed here with the
//! exit status and the `file:line:column` its message must name, so a new fixture
//! cannot be forgotten.

use std::fs;

use super::*;

/// (fixture, exit status, text that must appear in standard error)
const BAD: &[(&str, i32, &[&str])] = &[
    (
        "answer-partly",
        1,
        &[
            "cases/case-1.md:4:13: error: `partly` is not an answer on the scale for `hcso_48h`",
            "did you mean `partial`?",
        ],
    ),
    (
        "bad-answer",
        1,
        &[
            "cases/case-1.md:4:13: error: `maybe` is not an answer",
            "`yes`, `partial`",
        ],
    ),
    (
        "bad-judgement",
        1,
        &[
            "cases/case-1.md:3:12: error:",
            "did you mean `appropriate`?",
        ],
    ),
    (
        "bad-judgement-colour",
        1,
        &[
            "report.yaml:4:32: error: `green` is not a colour",
            "report.yaml:5:3: error: judgement `red` has no `label:`",
        ],
    ),
    (
        "bad-report-fields",
        1,
        &[
            "report.yaml:1:1: error: report.yaml has no `title:`",
            "report.yaml:1:15: error: `meeting_date` must be a date",
        ],
    ),
    (
        "bad-theme-kind",
        1,
        &[
            "themes.yaml:3:9: error: `good practise` is not a kind of theme",
            "did you mean `good-practice`?",
        ],
    ),
    (
        "binary-file",
        1,
        &["cases/case-2.md:1:6: error: this is a binary file, not text"],
    ),
    (
        "broken-template",
        1,
        &["templates/report.html:4:16: error: template error"],
    ),
    (
        "case-number-words",
        1,
        &[
            "cases/case-6.md:2:7: error: `case` must be a positive whole number, not `Case 6`",
            "did you mean `case: 6`?",
        ],
    ),
    (
        "check-outside-checks",
        1,
        &[
            "cases/case-1.md:4:1: error: `hcso_48h` is a check, but is not under `checks:`",
            "indent it by two spaces",
        ],
    ),
    (
        "colon-in-title",
        1,
        &[
            "cases/case-1.md:3:15: error: this value has a `: ` in it",
            "`title: \"Assault: common\"`",
        ],
    ),
    (
        "copied-case",
        1,
        &[
            "cases/case-07.md:2:7: error: case 6 is also cases/case-06.md",
            "cases/case-07.md:2:7: warning: this file is named for case 7 but is case 6",
        ],
    ),
    (
        "date-british",
        1,
        &[
            "report.yaml:2:15: error: `meeting_date` must be a date written YYYY-MM-DD, not `14/05/2024`",
            "did you mean `meeting_date: 2024-05-14`?",
        ],
    ),
    (
        "duplicate-case",
        1,
        &["cases/case-1.md:2:7: error: case 1 is also cases/case-1-again.md"],
    ),
    (
        "duplicate-theme",
        1,
        &["themes.yaml:5:1: error: `late-contact` is given twice"],
    ),
    (
        "empty-case-file",
        1,
        &["cases/case-1.md:1:1: error: this case file is empty"],
    ),
    (
        "empty-cases",
        1,
        &["cases/:1:1: error: cases/ has no case files"],
    ),
    (
        "empty-front-matter",
        1,
        &[
            "cases/case-1.md:2:1: error: the front matter is empty: this case has no `case:` number",
            "cases/:1:1: error: cases/ has no cases: none could be read from its one file",
        ],
    ),
    (
        "empty-point",
        0,
        &["cases/case-1.md:5:1: warning: this point is empty, but counts as a feedback point"],
    ),
    (
        "field-in-words",
        0,
        &[
            "cases/case-1.md:3:21: warning: `60 hours` is not a number, so `above: 48` in theme `late-contact` cannot test it",
            "did you mean `hcso_contact_hours: 60`?",
        ],
    ),
    (
        "forgotten-bullet",
        0,
        &[
            "cases/case-1.md:5:1: warning: this line is read as more of the point above, not as a point of its own",
            "start it with `- `",
        ],
    ),
    (
        "gap",
        0,
        &["cases/case-11.md:2:7: warning: Case 10 is missing between 9 and 11"],
    ),
    (
        "glyph-bullets",
        0,
        &[
            "cases/case-1.md:5:1: warning: `•` is not a Markdown bullet; the line was read as a feedback point (and 2 more lines)",
            "start each point with `- `",
        ],
    ),
    (
        "judgement-label",
        1,
        &[
            "cases/case-1.md:3:12: error: `Appropriate with observations` is not a judgement",
            "write `judgement: appropriate-with-observations`",
        ],
    ),
    (
        "many-problems",
        1,
        &[
            "cases/case-1.md:4:3: error: unknown check",
            "cases/case-2.md:2:7: error: `case` must be a positive whole number",
            "report.yaml:2:15: error: `meeting_date`",
        ],
    ),
    (
        "missing-case",
        1,
        &["cases/case-1.md:2:1: error: this case has no `case:` number"],
    ),
    (
        "misspelt-key",
        1,
        &[
            "cases/case-1.md:3:1: error: `judgment` is not a standard case field",
            "did you mean `judgement`?",
        ],
    ),
    (
        "near-miss-names",
        0,
        &[
            "observation/:1:1: warning: the folder `observation` is not read: did you mean `observations`?",
            "themes.yml:1:1: warning: the file `themes.yml` is not read: did you mean `themes.yaml`?",
        ],
    ),
    (
        "near-tags",
        0,
        &[
            "cases/case-3.md:4:21: warning: the theme `late-contcat` (1 case) is close to `late-contact` (2 cases): did you mean `late-contact`?",
        ],
    ),
    (
        "no-points",
        0,
        &["cases/case-1.md:2:7: warning: case 1 has no feedback point"],
    ),
    (
        "no-report-yaml",
        1,
        &["report.yaml:1:1: error: no report.yaml"],
    ),
    (
        "non-integer-case",
        1,
        &["cases/case-6.md:2:7: error: `case` must be a positive whole number, not `six`"],
    ),
    (
        "not-utf8",
        1,
        &[
            "cases/case-1.md:4:13: error: the file is not valid UTF-8 text: byte 0x92 here is `’` in Windows-1252",
        ],
    ),
    (
        "observation-key",
        1,
        &[
            "observations/01.md:2:1: error: unknown key `theme` in an observation",
            "did you mean `themes`?",
        ],
    ),
    (
        "observation-unknown-case",
        1,
        &["observations/01.md:2:12: error: there is no case 33"],
    ),
    (
        "other-files",
        0,
        &[
            "cases/case-4.txt:1:1: warning: cases/case-4.txt is not read: it is not a Markdown (.md) file",
            "rename it to end in `.md`",
        ],
    ),
    (
        "phrase-marks",
        0,
        &[
            "themes.yaml:4:15: warning: the phrase \"“after the 48 hour”\" has a quotation mark, which is part of the phrase",
            "did you mean `phrase: \"after the 48 hour\"`?",
            "themes.yaml:5:15: warning: the phrase \" slow \" has a space at its start or end",
            "themes.yaml:6:15: warning: the phrase \"#late\" has a `#`",
        ],
    ),
    (
        "privacy-allow-empty",
        0,
        &[
            "report.yaml:5:7: warning: an empty entry in `allow:` is ignored",
            "cases/case-1.md:4:3: warning: possible personal data, a name after a title: `Mrs Jones`",
        ],
    ),
    (
        "rule-two-tests",
        1,
        &[
            "themes.yaml:6:7: error: the `field: hcso_contact_hours` rule already tests `above`, so `below` cannot be used too",
            "themes.yaml:7:6: error: this rule is empty",
        ],
    ),
    (
        "rule-unknown-check",
        1,
        &[
            "themes.yaml:4:14: error: unknown check `hcso48h`",
            "did you mean `hcso_48h`?",
        ],
    ),
    (
        "rule-unknown-kind",
        1,
        &[
            "themes.yaml:4:7: error: this rule has no",
            "did you mean `phrase`?",
        ],
    ),
    (
        "spaced-tag",
        0,
        &[
            "cases/case-1.md:4:21: warning: `# late-contact` is not a tag: there is a space after the `#`",
            "write `#late-contact`",
        ],
    ),
    (
        "strand-typo",
        1,
        &[
            "cases/case-1.md:3:15: error: `disabilty` is not a choice for `strand`",
            "did you mean `disability`?",
        ],
    ),
    (
        "tag-capitals",
        1,
        &[
            "cases/case-1.md:4:24: error: `#Record-quality` is not written as a theme tag",
            "did you mean `#record-quality`?",
            "cases/case-1.md:5:21: error: `#late_contact` is not written as a theme tag",
            "did you mean `#late-contact`?",
        ],
    ),
    (
        "tag-capitals-free",
        0,
        &[
            "cases/case-1.md:4:24: warning: `#Record-quality` is counted as the theme `record-quality`",
            "write it `#record-quality`",
        ],
    ),
    (
        "tag-outside-point",
        0,
        &[
            "cases/case-1.md:4:12: warning: `#late-contact` is not in a feedback point, so it tags nothing",
            "cases/case-1.md:6:24: warning: `#late-contact` is not in a feedback point",
            "tags only count inside a bullet point",
        ],
    ),
    (
        "theme-comment",
        0,
        &[
            "cases/case-1.md:3:9: warning: `themes` has no value: YAML reads `#record-quality` as a comment",
            "`themes: [record-quality]`",
        ],
    ),
    (
        "theme-id-space",
        1,
        &[
            "themes.yaml:1:1: error: `late-contact ` cannot be a theme id",
            "try `late-contact`",
        ],
    ),
    (
        "theme-label",
        1,
        &[
            "cases/case-1.md:3:10: error: `Record quality` is not written as a theme id",
            "did you mean `record-quality`? `Record quality` is its label",
        ],
    ),
    (
        "two-cases-one-file",
        1,
        &[
            "cases/cases.md:6:1: error: a second front matter, for case 2, in the body of case 1",
            "each case needs its own file",
        ],
    ),
    (
        "unclosed-front-matter",
        1,
        &["cases/case-1.md:1:1: error: the front matter is never closed"],
    ),
    (
        "unknown-check",
        1,
        &[
            "cases/case-1.md:4:3: error: unknown check `hcso_48`",
            "did you mean `hcso_48h`?",
        ],
    ),
    (
        "unknown-report-key",
        0,
        &[
            "report.yaml:6:1: warning: unknown key `organsation`",
            "did you mean `organisation`?",
        ],
    ),
    (
        "unknown-tag",
        1,
        &[
            "cases/case-1.md:4:21: error: unknown theme `late-hcso-contcat`",
            "did you mean `late-hcso-contact`?",
        ],
    ),
    (
        "unusual-id",
        0,
        &[
            "report.yaml:4:3: warning: `Risk.Assessment` is an unusual id",
            "such as `risk_assessment`",
        ],
    ),
    (
        "word-lists",
        0,
        &[
            "cases/case-1.md:4:1: warning: `a)` is not a Markdown bullet; the line was read as a feedback point (and 1 more line)",
            "cases/case-1.md:7:1: warning: this line is not a feedback point: Markdown needs a space after the `-`",
        ],
    ),
    (
        "yaml-alias-bomb",
        1,
        &["report.yaml:8:8: error: the YAML exceeds a safety limit"],
    ),
    (
        "yaml-deep-nesting",
        1,
        &["cases/case-1.md:3:39: error: the YAML exceeds a safety limit"],
    ),
    (
        "yaml-syntax",
        1,
        &["cases/case-1.md:3:8: error: this `[` is never closed"],
    ),
    (
        "yaml-tab",
        1,
        &[
            "cases/case-1.md:4:1: error: a tab here: YAML does not allow tabs for indenting",
            "replace the tab with spaces",
        ],
    ),
];

#[test]
fn every_bad_fixture_is_explained_at_its_place() {
    for (name, code, expected) in BAD {
        let out = tempfile::tempdir().unwrap();
        let target = out.path().join("output");
        let result = run(&[
            "build",
            s(&fixture(&format!("bad/{name}"))),
            "--out",
            s(&target),
        ]);
        assert_eq!(result.code, *code, "{name}: exit status\n{}", result.stderr);
        for text in *expected {
            assert!(
                result.stderr.contains(text),
                "{name}: expected {text:?} in\n{}",
                result.stderr
            );
        }
        assert!(
            !result.stderr.contains("panicked"),
            "{name}: {}",
            result.stderr
        );
        if *code == 1 {
            // `check` must find everything a build would, templates included.
            let checked = run(&["check", s(&fixture(&format!("bad/{name}")))]);
            assert_eq!(checked.code, 1, "{name}: check's exit status");
            for text in *expected {
                assert!(
                    checked.stderr.contains(text),
                    "{name}: check should say {text:?}, not\n{}",
                    checked.stderr
                );
            }
        }
        if *code != 0 {
            assert!(!target.exists(), "{name}: a failed build wrote output");
            assert!(
                result.stderr.contains("help:"),
                "{name}: no hint in\n{}",
                result.stderr
            );
        }
    }
}

#[test]
fn every_bad_fixture_is_listed() {
    let mut names: Vec<String> = fs::read_dir(fixture("bad"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let listed: Vec<&str> = BAD.iter().map(|(name, _, _)| *name).collect();
    assert_eq!(names, listed);
}

#[test]
fn check_reports_every_problem_in_one_run_and_writes_nothing() {
    let result = run(&["check", s(&fixture("bad/many-problems"))]);
    assert_eq!(result.code, 1);
    assert!(result.stderr.contains("3 errors"), "{}", result.stderr);
    assert!(!fixture("bad/many-problems/output").exists());
}
