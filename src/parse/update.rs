//! An update file, `updates/*.md`: a meeting's word on an observation of an earlier
//! meeting, with the status it now has.
//!
//! The observation is named by reference (`2023-03/referrals`); whether that observation
//! exists, and is earlier, is the archive's to check, since only it sees every meeting.

use crate::diagnostic::{Diagnostic, Diagnostics, Loc, SourceId};
use crate::load::Source;
use crate::model::{Located, Update};
use crate::parse::frontmatter::{self, entries, text, unknown_key};
use crate::parse::markdown::{self, Mode};
use crate::parse::observation::status;

const KEYS: [&str; 2] = ["observation", "status"];

pub fn parse(source: &Source, diagnostics: &mut Diagnostics) -> Option<Update> {
    let file = source.path.as_str();
    let split = frontmatter::split(source, diagnostics);
    let example = "start the file with\n---\nobservation: 2023-03/referrals\nstatus: in-progress\n---\nthen the force's update as text";
    if !split.present {
        diagnostics.push(
            Diagnostic::error(
                file,
                Loc::START,
                "this update does not say which observation it updates",
            )
            .hint(example),
        );
        return None;
    }
    let front = split.front.as_ref()?;
    let mut observation = None;
    let mut state = None;
    for (key, value) in entries(front, file, "the front matter", diagnostics) {
        match key.name.as_str() {
            "observation" => {
                observation = text(value, file, "observation", diagnostics).map(|id| Located {
                    value: id.trim().trim_end_matches(".md").to_string(),
                    loc: value.loc,
                    source: SourceId::new(file),
                });
            }
            "status" => state = status(value, file, diagnostics).map(|s| (s, value.loc)),
            // A misspelt key would leave the update unattached, so it is an error.
            _ => diagnostics.push(unknown_key(file, key, &KEYS, "an update", true)),
        }
    }
    let body = markdown::parse(
        &SourceId::new(file),
        &source.text,
        split.body_offset,
        Mode::Plain,
    );
    markdown::warn_empty_headings(file, &body, diagnostics);
    let text = body.blocks;
    let missing = |key: &str, example: &str| {
        Diagnostic::error(file, front.loc, format!("this update has no `{key}:`")).hint(format!(
            "add a line such as `{key}: {example}` to its front matter"
        ))
    };
    if observation.is_none() && !front_has(front, "observation") {
        diagnostics.push(missing(
            "observation",
            "2023-03/referrals (the meeting, `/`, and the observation's file name without .md)",
        ));
    }
    if state.is_none() && !front_has(front, "status") {
        diagnostics.push(missing(
            "status",
            "in-progress (awaiting-response, responded, in-progress or closed)",
        ));
    }
    let (observation, (status, status_loc)) = (observation?, state?);
    if text.is_empty() {
        let line = source
            .text
            .get(..split.body_offset)
            .map_or(1, |front| front.matches('\n').count() + 1);
        diagnostics.push(
            Diagnostic::warning(file, Loc::new(line, 1), "this update has no text yet")
                .hint("write the force's update on the observation below the front matter; the report shows it under this meeting's update"),
        );
    }
    Some(Update {
        file: file.to_string(),
        observation,
        status,
        status_loc,
        text,
    })
}

fn front_has(front: &crate::parse::yaml::Node, key: &str) -> bool {
    matches!(&front.value, crate::parse::yaml::Value::Map(items) if items.iter().any(|(k, _)| k.name == key))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Status;

    fn run(text: &str) -> (Option<Update>, Vec<String>) {
        let mut d = Diagnostics::default();
        let source = Source {
            path: "updates/referrals.md".into(),
            text: text.into(),
        };
        let update = parse(&source, &mut d);
        (update, d.brief())
    }

    #[test]
    fn reads_the_reference_the_status_and_the_text() {
        let (u, d) = run(
            "---\nobservation: 2023-03/referrals\nstatus: in-progress\n---\nReissued in April.\n",
        );
        assert!(d.is_empty(), "{d:?}");
        let u = u.unwrap();
        assert_eq!(u.observation.value, "2023-03/referrals");
        assert_eq!(u.observation.loc, Loc::new(2, 14));
        assert_eq!(u.status, Status::InProgress);
        assert_eq!(crate::model::blocks_text(&u.text), "Reissued in April.");
    }

    #[test]
    fn a_misspelt_status_gets_a_did_you_mean() {
        let (u, d) = run("---\nobservation: 2023-03/referrals\nstatus: in progres\n---\nx\n");
        assert!(u.is_none());
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(
            d[0].starts_with("3:9 `in progres` is not a status"),
            "{d:?}"
        );
        assert!(d[0].contains("did you mean `in-progress`?"), "{d:?}");
    }

    #[test]
    fn an_update_with_no_text_is_a_warning_below_its_front_matter() {
        let (u, d) = run("---\nobservation: 2023-03/referrals\nstatus: responded\n---\n\n");
        assert!(u.is_some());
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].starts_with("5:1 this update has no text yet"), "{d:?}");
    }

    #[test]
    fn missing_keys_and_front_matter_are_errors() {
        let (u, d) = run("Just text.\n");
        assert!(u.is_none());
        assert_eq!(d.len(), 1);
        let (u, d) = run("---\nstatus: closed\n---\nx\n");
        assert!(u.is_none());
        assert!(d[0].contains("no `observation:`"), "{d:?}");
        let (_, d) = run("---\nobservaton: 2023-03/a\nstatus: closed\n---\nx\n");
        assert!(
            d.iter().any(|d| d.contains("did you mean `observation`")),
            "{d:?}"
        );
    }
}
