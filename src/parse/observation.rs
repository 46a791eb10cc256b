//! An observation file: the panel's observation and the force's response, for section 4.0.

use crate::diagnostic::{Diagnostic, Diagnostics, Loc, SourceId, one_of};
use crate::load::Source;
use crate::model::{Block, CaseRef, Located, Observation, Status, plain_text};
use crate::parse::frontmatter::{self, entries, text, text_list, unknown_key};
use crate::parse::markdown::{self, Mode};
use crate::parse::yaml::{Node, Value};

const KEYS: [&str; 4] = ["order", "themes", "cases", "status"];

pub fn parse(source: &Source, diagnostics: &mut Diagnostics) -> Option<Observation> {
    let file = source.path.as_str();
    let split = frontmatter::split(source, diagnostics);
    let mut order = None;
    let mut themes = Vec::new();
    let mut status = None;
    let mut cases = None;
    if let Some(front) = &split.front {
        for (key, value) in entries(front, file, "the front matter", diagnostics) {
            match key.name.as_str() {
                "order" => match value.value {
                    Value::Int(n) => order = Some(n),
                    _ => diagnostics.push(
                        value
                            .error(file, "`order` must be a whole number")
                            .hint("write `order: 1` for the first observation"),
                    ),
                },
                "themes" => {
                    themes = text_list(value, file, "themes", diagnostics)
                        .into_iter()
                        .map(|(id, node)| Located {
                            value: id,
                            loc: node.loc,
                            source: SourceId::new(file),
                        })
                        .collect();
                }
                "cases" => cases = Some(case_numbers(value, file, diagnostics)),
                "status" => status = self::status(value, file, diagnostics),
                // `theme:` for `themes:` would lose the cases behind the observation
                // without a word, so a misspelt key is an error, as in a case.
                _ => diagnostics.push(unknown_key(
                    file,
                    key,
                    &KEYS,
                    "an observation",
                    crate::diagnostic::did_you_mean(&key.name, KEYS).is_some(),
                )),
            }
        }
    }
    let body = markdown::parse(
        &SourceId::new(file),
        &source.text,
        split.body_offset,
        Mode::Plain,
    );
    markdown::warn_empty_headings(file, &body, diagnostics);
    let (observation, response) = divide(body.blocks);
    if observation.is_empty() {
        diagnostics.push(
            Diagnostic::error(file, Loc::START, "this observation has no text")
                .hint("write the observation under `## Observation`, then the force's reply under `## Force response`"),
        );
        return None;
    }
    let status = status.unwrap_or(if response.is_empty() {
        Status::AwaitingResponse
    } else {
        Status::Responded
    });
    Some(Observation {
        file: file.to_string(),
        order,
        themes,
        cases,
        status,
        observation,
        response,
    })
}

/// A `status:` value on the observation scale, for an observation or an update.
pub fn status(value: &Node, file: &str, diagnostics: &mut Diagnostics) -> Option<Status> {
    let raw = text(value, file, "status", diagnostics)?;
    let found = Status::ALL
        .into_iter()
        .find(|s| s.id().eq_ignore_ascii_case(raw.trim()));
    if found.is_none() {
        let ids = Status::ALL.map(Status::id);
        let word = raw.trim().to_lowercase().replace([' ', '_'], "-");
        let hint = match crate::diagnostic::did_you_mean(&word, ids) {
            Some(id) => format!("did you mean `{id}`? The statuses are {}", one_of(&ids)),
            None => format!("the statuses are {}", one_of(&ids)),
        };
        diagnostics.push(
            value
                .error(file, format!("`{raw}` is not a status"))
                .hint(hint),
        );
    }
    found
}

/// `cases: [4, 10]`, or a single number. "Case 4" and "4" are read as 4, since that is
/// how the panel writes them everywhere else, and `stop-search-4` as that type's case 4;
/// anything else is an error, because a case silently left out would shrink the count
/// behind the observation. Whether the ids name cases is for validation to say.
fn case_numbers(node: &Node, file: &str, diagnostics: &mut Diagnostics) -> Vec<Located<CaseRef>> {
    let items: Vec<&Node> = match &node.value {
        Value::Seq(items) => items.iter().collect(),
        Value::Null => Vec::new(),
        _ => vec![node],
    };
    let positive = |text: &str| text.trim().parse::<u32>().ok().filter(|&n| n > 0);
    let mut numbers = Vec::new();
    for item in items {
        let found = match &item.value {
            Value::Int(n) => u32::try_from(*n)
                .ok()
                .filter(|&n| n > 0)
                .map(|number| CaseRef { kind: None, number }),
            Value::Str(text) => {
                let text = text.trim();
                let digits = text
                    .strip_prefix("Case ")
                    .or_else(|| text.strip_prefix("case "))
                    .unwrap_or(text);
                positive(digits)
                    .map(|number| CaseRef { kind: None, number })
                    .or_else(|| {
                        let (kind, number) = text.rsplit_once('-')?;
                        let kind = kind.trim();
                        (!kind.is_empty() && !kind.contains(char::is_whitespace)).then_some(())?;
                        Some(CaseRef {
                            kind: Some(kind.to_string()),
                            number: positive(number)?,
                        })
                    })
            }
            _ => None,
        };
        match found {
            Some(value) => numbers.push(Located {
                value,
                loc: item.loc,
                source: SourceId::new(file),
            }),
            None => diagnostics.push(
                item.error(
                    file,
                    format!(
                        "`{}` is not a case number",
                        item.scalar_text().unwrap_or_else(|| item.kind().into())
                    ),
                )
                .hint("list the cases by number, such as `cases: [4, 10]`"),
            ),
        }
    }
    numbers
}

/// The two parts of an observation file, as its headings start them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    Observation,
    Response,
}

/// The part a heading titled `title` starts, if it starts one.
pub(crate) fn heading_part(title: &str) -> Option<Part> {
    let title = title.to_lowercase();
    let title = title.trim().trim_end_matches([':', '.']).trim_end();
    // English, and Welsh for a translation: "Sylw", "Ymateb yr Heddlu".
    if matches!(title, "observation" | "observations" | "sylw" | "sylwadau") {
        Some(Part::Observation)
    } else if title.ends_with("response") || title.ends_with("reply") || title.starts_with("ymateb")
    {
        Some(Part::Response)
    } else {
        None
    }
}

/// Splits at the `## Observation` and `## Force response` headings, at any level. Panels
/// word the second one their own way ("Dyfed-Powys Police response:", "Force reply"), so
/// any heading that ends in "response" or "reply" starts it; a heading such as "Response
/// to the victim" is part of the observation's own text.
pub(crate) fn divide(blocks: Vec<Block>) -> (Vec<Block>, Vec<Block>) {
    let mut observation = Vec::new();
    let mut response = Vec::new();
    let mut in_response = false;
    for block in blocks {
        if let Block::Heading { content, .. } = &block
            && let Some(part) = heading_part(&plain_text(content))
        {
            in_response = part == Part::Response;
            continue;
        }
        if in_response {
            response.push(block);
        } else {
            observation.push(block);
        }
    }
    (observation, response)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> (Option<Observation>, Diagnostics) {
        let mut d = Diagnostics::default();
        let source = Source {
            path: "observations/a.md".into(),
            text: text.into(),
        };
        (parse(&source, &mut d), d)
    }

    #[test]
    fn a_misspelt_key_is_an_error_and_a_status_may_have_capitals() {
        let (o, d) = run("---\ntheme: [mavis]\nstatus: Closed\nnotes: x\n---\nQueried.\n");
        assert_eq!(o.unwrap().status, Status::Closed);
        let all = d.sorted();
        assert_eq!(all.len(), 2, "{all:#?}");
        assert!(all[0].is_error() && all[0].message == "unknown key `theme` in an observation");
        assert_eq!(all[0].hint.as_deref(), Some("did you mean `themes`?"));
        assert!(
            !all[1].is_error(),
            "an unknown key like no other stays a warning"
        );
    }

    #[test]
    fn splits_observation_and_response() {
        let (o, d) = run(
            "---\norder: 2\nthemes: [mavis]\n---\n## Observation\nQueried.\n\n## Force response\nNoted.\n",
        );
        let o = o.unwrap();
        assert!(d.is_empty());
        assert_eq!(o.order, Some(2));
        assert_eq!(o.status, Status::Responded);
        assert_eq!(crate::model::blocks_text(&o.response), "Noted.");
    }

    #[test]
    fn headings_may_be_worded_freely_and_end_in_a_colon() {
        let (o, _) = run(
            "### Observation:\nQueried.\n\n### Response to the victim\nSlow.\n\n#### Dyfed-Powys Police response:\nNoted.\n",
        );
        let o = o.unwrap();
        assert_eq!(
            crate::model::blocks_text(&o.observation),
            "Queried.\n\nResponse to the victim\n\nSlow."
        );
        assert_eq!(crate::model::blocks_text(&o.response), "Noted.");
    }

    #[test]
    fn text_before_response_is_the_observation_and_status_defaults() {
        let (o, _) = run("Queried.\n");
        let o = o.unwrap();
        assert_eq!(crate::model::blocks_text(&o.observation), "Queried.");
        assert_eq!(o.status, Status::AwaitingResponse);
    }
}
