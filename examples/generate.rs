//! Writes a synthetic report folder of N cases, for benchmarks and stress tests.
//!
//! `cargo run --release --example generate -- 2000 /tmp/synth` writes /tmp/synth as a
//! report folder (report.yaml, themes.yaml with every kind of rule, cases/, observations/)
//! and, beside it, /tmp/synth.md: the same text as one Markdown file, so that pandoc can
//! be timed on the same work. The text is varied but deterministic (a fixed-seed LCG),
//! so runs are comparable.
//!
//! `generate 2000 /tmp/synth 5` writes each case as a folder instead, for a panel whose
//! members review on their own: case.md with the front matter and the first heading's
//! points, and one file per member (five here, so 12,000 files) with their own points under
//! the case's headings, some with their own judgement.

use std::fmt::Write as _;
use std::fs;
use std::path::PathBuf;

const HEADINGS: [&str; 5] = [
    "Risk and vulnerability",
    "Hate Crime process",
    "Victim contact and support",
    "Records",
    "Outcome",
];

const POINTS: [&str; 16] = [
    "Members were satisfied that the risk had been identified and was being dealt with correctly.",
    "Members felt the referral to a HCSO was slow, with a HCSO being appointed after the 48 hour mark.",
    "A risk assessment was carried out, and evidence was clearly documented.",
    "It was noted that a HCSO had been deployed, however, contact was made to the victim via email which was not within the guidance.",
    "Members noted that there was no evidence of a hate crime 13-point plan being created.",
    "A MAVIS was completed despite the case being low risk.",
    "Members identified that a victim contract was created and updates had been undertaken in line with the agreement.",
    "It was noted that the victim’s date of birth was incorrect on the records.",
    "Members found that the Supervisor had to prompt the HCSO and liaison officer.",
    "Overall members were satisfied with the outcome and stated that the case was dealt with well.",
    "Members were uncertain with how this case had been classified.",
    "The victim was kept up to date with updates via email in line with their agreed form of contact.",
    "Members stated that the Hate Crime checklist did not appear to have been followed.",
    "Panel members were satisfied that the vulnerability issues were being addressed accordingly.",
    "Members highlighted that the outcome was not clearly communicated to the victim.",
    "A HCSO had contacted the victim within the 48 hours.",
];

const MEMBERS: [&str; 8] = ["ann", "ben", "cat", "dan", "eve", "fay", "gus", "hal"];

const TAGS: [&str; 4] = ["#record-errors", "#supervisor-prompt", "", ""];
const ANSWERS: [&str; 5] = ["yes", "yes", "no", "partial", "unclear"];
const JUDGEMENTS: [&str; 4] = [
    "appropriate",
    "appropriate-with-observations",
    "inappropriate",
    "not-agreed",
];

struct Lcg(u64);

impl Lcg {
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        items[((self.0 >> 33) as usize) % items.len()]
    }

    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let usage = "usage: generate N DIR [MEMBERS]";
    let n: u32 = args.next().and_then(|a| a.parse().ok()).expect(usage);
    let dir = PathBuf::from(args.next().expect(usage));
    let members: &[&str] = match args.next() {
        Some(m) => &MEMBERS[..m.parse::<usize>().expect(usage).min(MEMBERS.len())],
        None => &[],
    };
    fs::create_dir_all(dir.join("cases"))?;
    fs::create_dir_all(dir.join("observations"))?;
    let mut settings = String::from(
        "title: Synthetic Panel – Hate Crime Scrutiny\nmeeting_date: 2024-01-31\npanel: Synthetic Panel\nforce: Example Police\nmarking: OFFICIAL\nchecks:\n  risk_assessment: Risk assessment completed\n  victim_contract: Victim contract created\n  hcso_48h: HCSO contact within 48 hours\n  outcome_appropriate: Outcome appropriate\n",
    );
    if !members.is_empty() {
        settings.push_str("members:\n");
        for id in members {
            let _ = writeln!(settings, "  {id}: Member {id}");
        }
    }
    fs::write(dir.join("report.yaml"), settings)?;
    fs::write(
        dir.join("themes.yaml"),
        "late-hcso-contact:\n  label: HCSO contact not made within 48 hours\n  when:\n    - check: hcso_48h\n      is: [no, partial]\n    - field: hcso_contact_hours\n      above: 48\n    - phrase: after the 48 hour\n      unless: [within 48 hours]\nemail-contact:\n  label: HCSO contact by email\n  when:\n    - phrase: via email\n      unless: [agreed form of contact]\nmavis-low-risk:\n  label: MAVIS on a low-risk case\n  when:\n    - field: risk\n      is: [low]\n    - phrase: mavis was completed\nrecord-errors:\n  label: Errors in the record\nsupervisor-prompt:\n  label: Supervisor had to prompt\n  when:\n    - phrase: had to prompt\nno-checklist:\n  label: Checklist not followed\n  when:\n    - phrase: checklist did not\n    - phrase: no evidence of a hate crime 13-point plan\nunreported:\n  label: Custom field present\n  when:\n    - field: hcso_contact_hours\n      present: true\n",
    )?;
    fs::write(
        dir.join("observations/01.md"),
        "---\nthemes: [late-hcso-contact]\n---\n## Observation\nHCSO contact was not always made within 48 hours.\n\n## Force response\nNoted.\n",
    )?;
    let mut rng = Lcg(42);
    let mut combined = String::from("# Synthetic Panel – Hate Crime Scrutiny\n\n## 2.0 Cases\n\n");
    for case in 1..=n {
        let mut front = format!(
            "---\ncase: {case}\ntitle: Synthetic case {case}\nrisk: {}\nchecks:\n",
            rng.pick(&["low", "medium", "high"])
        );
        for check in [
            "risk_assessment",
            "victim_contract",
            "hcso_48h",
            "outcome_appropriate",
        ] {
            let _ = writeln!(front, "  {check}: {}", rng.pick(&ANSWERS));
        }
        let _ = writeln!(front, "judgement: {}", rng.pick(&JUDGEMENTS));
        if rng.below(4) == 0 {
            let _ = writeln!(front, "hcso_contact_hours: {}", 12 + rng.below(90));
        }
        front.push_str("---\n");
        let headings = &HEADINGS[..2 + rng.below(3) as usize];
        let mut body = String::new();
        if members.is_empty() {
            for heading in headings {
                let _ = writeln!(body, "\n## {heading}");
                points(&mut rng, &mut body);
            }
            fs::write(
                dir.join(format!("cases/case-{case:05}.md")),
                format!("{front}{body}"),
            )?;
        } else {
            let folder = dir.join(format!("cases/case-{case:05}"));
            fs::create_dir_all(&folder)?;
            let _ = writeln!(body, "\n## {}", headings[0]);
            points(&mut rng, &mut body);
            fs::write(folder.join("case.md"), format!("{front}{body}"))?;
            for id in members {
                let mut own = String::new();
                if rng.below(4) == 0 {
                    let _ = write!(own, "---\njudgement: {}\n---\n", rng.pick(&JUDGEMENTS));
                }
                let mut points_of = String::new();
                for heading in &headings[1..] {
                    let _ = writeln!(points_of, "\n## {heading}");
                    points(&mut rng, &mut points_of);
                }
                body.push_str(&points_of);
                fs::write(folder.join(format!("{id}.md")), own + &points_of)?;
            }
        }
        let _ = write!(combined, "### Case {case}\n{body}\n");
    }
    let mut md = dir.clone().into_os_string();
    md.push(".md");
    fs::write(PathBuf::from(md), combined)?;
    Ok(())
}

/// One to three points under a heading, some tagged.
fn points(rng: &mut Lcg, body: &mut String) {
    for _ in 0..1 + rng.below(3) {
        let point = rng.pick(&POINTS);
        let tag = rng.pick(&TAGS);
        let _ = writeln!(body, "- {point} {tag}");
    }
}
