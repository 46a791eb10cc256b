//! A case file: front matter checked against report.yaml's scales, and the body grouped
//! into sections of feedback points.

use crate::diagnostic::{Diagnostic, Diagnostics, Loc, did_you_mean, one_of};
use crate::load::Source;
use crate::model::{Answer, Block, Case, CheckAnswer, Field, Located, Meta, Section};
use crate::parse::frontmatter::{self, entries, text, text_list};
use crate::parse::markdown::{self, Mode};
use crate::parse::themes::is_theme_id;
use crate::parse::yaml::{Node, Value};

pub const STRANDS: [&str; 7] = [
    "race",
    "religion",
    "sexual-orientation",
    "disability",
    "transgender",
    "not-recorded",
    "other",
];

pub const RISKS: [&str; 4] = ["low", "medium", "high", "unclear"];

const KEYS: [&str; 8] = [
    "case",
    "title",
    "recorded_as",
    "strand",
    "risk",
    "checks",
    "judgement",
    "themes",
];

/// Parses one case file. `meta` is `None` when report.yaml could not be read, and then
/// check and judgement ids are not checked.
pub fn parse(source: &Source, meta: Option<&Meta>, diagnostics: &mut Diagnostics) -> Option<Case> {
    let file = source.path.as_str();
    let split = frontmatter::split(source, diagnostics);
    if !split.present {
        let message = if source.text.trim().is_empty() {
            "this case file is empty"
        } else {
            "this case file has no front matter"
        };
        diagnostics.push(
            Diagnostic::error(file, Loc::START, message)
                .hint("start the file with\n---\ncase: 1\n---\nthen the feedback points"),
        );
        return None;
    }
    let front = split.front?;
    let mut case = Case {
        file: file.to_string(),
        ..Case::default()
    };
    let mut number = None;
    for (key, value) in entries(&front, file, "the front matter", diagnostics) {
        let name = key.name.as_str();
        case.key_lines.push((key.name.clone(), key.loc.line));
        if let Some(diagnostic) = comment_as_value(key, value, &source.text, file) {
            diagnostics.push(diagnostic);
        }
        match name {
            "case" => {
                number = case_number(value, file, diagnostics);
                case.number_loc = value.loc;
            }
            "title" => case.title = text(value, file, name, diagnostics),
            "recorded_as" => case.recorded_as = text(value, file, name, diagnostics),
            "strand" => {
                case.strands = one_of_scale(&comma_list(value), file, name, &STRANDS, diagnostics);
            }
            "risk" => case.risk = one_of_scale(value, file, name, &RISKS, diagnostics).pop(),
            "checks" => case.checks = checks(value, file, meta, diagnostics),
            "judgement" => case.judgement = judgement(value, file, meta, diagnostics),
            "themes" => {
                for (id, node) in text_list(&comma_list(value), file, name, diagnostics) {
                    let theme = front_theme(id, node.loc, &mut case.odd_tags);
                    case.themes.push(theme);
                }
            }
            _ => field(&mut case, key, value, file, diagnostics),
        }
    }
    case.fields.sort_by(|a, b| a.0.cmp(&b.0));
    let Some(number) = number else {
        if !front_has_key(&front, "case") {
            let message = if front.value == Value::Null {
                "the front matter is empty: this case has no `case:` number"
            } else {
                "this case has no `case:` number"
            };
            diagnostics.push(Diagnostic::error(file, Loc::new(2, 1), message).hint(
                "add `case: N` to the front matter, where N is the case's number in the report",
            ));
        }
        return None;
    };
    case.number = number;
    let body = markdown::parse(&source.text, split.body_offset, Mode::Points);
    for tag in &body.stray_tags {
        diagnostics.push(
            Diagnostic::warning(file, tag.loc, format!("`#{}` is not in a feedback point, so it tags nothing", tag.value))
                .width(tag.value.chars().count() + 1)
                .hint("tags only count inside a bullet point (`- ...`): move it into the point it is about, or give the theme to the whole case with `themes:` in the front matter; write `\\#` for a literal `#`"),
        );
    }
    for html in &body.raw_html {
        diagnostics.push(
            Diagnostic::warning(file, html.loc, format!("raw HTML `{}` may not show as written", html.value))
                .width(html.value.chars().count())
                .hint("the report keeps only safe formatting tags and drops the rest, with scripts and links it cannot trust; if the angle brackets are meant as text, write `\\<` instead of `<`"),
        );
    }
    if let Some(first) = body.glyph_bullets.first() {
        let more = match body.glyph_bullets.len() {
            1 => String::new(),
            2 => " (and 1 more line)".to_string(),
            n => format!(" (and {} more lines)", n - 1),
        };
        diagnostics.push(
            Diagnostic::warning(
                file,
                first.loc,
                format!("`{}` is not a Markdown bullet; the line was read as a feedback point{more}", first.value),
            )
            .hint("start each point with `- ` (a hyphen and a space), so that every Markdown tool reads it as a bullet, as this report has"),
        );
    }
    if body.points.is_empty() {
        diagnostics.push(
            Diagnostic::warning(file, case.number_loc, format!("case {number} has no feedback point"))
                .hint("the case counts in the totals but gives no point to any theme; write each point on its own line starting with `- `"),
        );
    }
    case.sections = sections(body.blocks);
    case.points = body.points;
    case.odd_tags.extend(body.odd_tags);
    Some(case)
}

/// A theme id given in front matter `themes:`. One typed another way (`Record quality`,
/// `"#late"`, `Late_Contact`) is read as the id it most likely means and noted, so that
/// it counts with the tags written `#late-contact` and is still reported.
fn front_theme(written: String, loc: Loc, odd: &mut Vec<crate::model::OddTag>) -> Located<String> {
    let bare = written.trim().trim_start_matches('#');
    if bare == written && is_theme_id(bare) {
        return Located {
            value: written,
            loc,
        };
    }
    let id = crate::parse::id_from(bare, '-');
    if !is_theme_id(&id) {
        return Located {
            value: written,
            loc,
        };
    }
    odd.push(crate::model::OddTag {
        written: Located {
            value: written,
            loc,
        },
        id: id.clone(),
        front: true,
    });
    Located { value: id, loc }
}

fn front_has_key(front: &Node, name: &str) -> bool {
    matches!(&front.value, Value::Map(entries) if entries.iter().any(|(k, _)| k.name == name))
}

fn case_number(node: &Node, file: &str, diagnostics: &mut Diagnostics) -> Option<u32> {
    let positive = |n: i64| u32::try_from(n).ok().filter(|&n| n > 0);
    match &node.value {
        Value::Int(n) => {
            if let Some(n) = positive(*n) {
                return Some(n);
            }
        }
        // `case: "6"` means case 6; nothing else could be meant.
        Value::Str(s) => {
            if let Some(n) = s.trim().parse().ok().and_then(positive) {
                return Some(n);
            }
        }
        _ => {}
    }
    let shown = node
        .scalar_text()
        .unwrap_or_else(|| node.kind().to_string());
    // `Case 6`, `#6`, `No. 6`: one number among words, which is surely the case's.
    let numbers: Vec<&str> = shown
        .split(|c: char| !c.is_ascii_digit())
        .filter(|n| !n.is_empty())
        .collect();
    let hint = match numbers.as_slice() {
        [n] if n.parse().ok().and_then(positive).is_some() => {
            format!(
                "did you mean `case: {}`? Write the number alone",
                n.trim_start_matches('0')
            )
        }
        _ => "write the number alone, such as `case: 6`".to_string(),
    };
    diagnostics.push(
        node.error(
            file,
            format!("`case` must be a positive whole number, not `{shown}`"),
        )
        .hint(hint),
    );
    None
}

/// A scalar written as `a, b` where a list was meant (`strand: race, disability`), read
/// as the list it says, each item located in the line; anything else as it is.
fn comma_list(node: &Node) -> Node {
    let Value::Str(text) = &node.value else {
        return node.clone();
    };
    if !text.contains(',') || text.contains('\n') {
        return node.clone();
    }
    // A quoted value starts one character after its mark.
    let quoted = node.width > text.chars().count();
    let mut column = node.loc.column + usize::from(quoted);
    let mut items = Vec::new();
    for part in text.split(',') {
        let lead = part.chars().take_while(|c| c.is_whitespace()).count();
        let item = part.trim();
        if !item.is_empty() {
            items.push(Node {
                value: Value::Str(item.to_string()),
                loc: Loc::new(node.loc.line, column + lead),
                width: item.chars().count(),
            });
        }
        column += part.chars().count() + 1;
    }
    Node {
        value: Value::Seq(items),
        ..node.clone()
    }
}

/// A front-matter key left with no value because what followed it was a YAML comment:
/// `themes: #late-contact` gives the case no theme at all.
fn comment_as_value(
    key: &crate::parse::yaml::Key,
    value: &Node,
    text: &str,
    file: &str,
) -> Option<Diagnostic> {
    if value.value != Value::Null {
        return None;
    }
    let line = text.lines().nth(key.loc.line.checked_sub(1)?)?;
    let after = line.split_once(':')?.1;
    let comment = after.trim_start();
    if !comment.starts_with('#') || comment.len() < 2 {
        return None;
    }
    let column = line.len() - after.len() + (after.len() - comment.len());
    let column = line[..column].chars().count() + 1;
    let words = comment.trim_start_matches('#').trim();
    Some(
        Diagnostic::warning(
            file,
            Loc::new(key.loc.line, column),
            format!("`{}` has no value: YAML reads `{comment}` as a comment", key.name),
        )
        .width(comment.chars().count())
        .hint(if key.name == "themes" {
            format!("theme ids are written without `#` in front matter: `themes: [{words}]`; if it is a note, ignore this")
        } else {
            format!(
                "if it is the value, put it in quotes: `{}: \"{comment}\"`; if it is a note, ignore this",
                key.name
            )
        }),
    )
}

/// A value (or list of values) that must come from a fixed list.
fn one_of_scale(
    node: &Node,
    file: &str,
    key: &str,
    scale: &[&str],
    diagnostics: &mut Diagnostics,
) -> Vec<String> {
    let mut out = Vec::new();
    for (value, item) in text_list(node, file, key, diagnostics) {
        let normal = value.trim().to_lowercase().replace([' ', '_'], "-");
        if scale.contains(&normal.as_str()) {
            out.push(normal);
        } else {
            diagnostics.push(
                item.error(file, format!("`{value}` is not a known {key}"))
                    .hint(suggest(&value, scale.iter().copied())),
            );
        }
    }
    out
}

fn suggest<'a>(value: &str, choices: impl IntoIterator<Item = &'a str> + Clone) -> String {
    let all: Vec<&str> = choices.clone().into_iter().collect();
    match did_you_mean(value, choices) {
        Some(s) => format!("did you mean `{s}`? The choices are {}", one_of(&all)),
        None => format!("the choices are {}", one_of(&all)),
    }
}

fn checks(
    node: &Node,
    file: &str,
    meta: Option<&Meta>,
    diagnostics: &mut Diagnostics,
) -> Vec<CheckAnswer> {
    let mut out = Vec::new();
    for (key, value) in entries(node, file, "`checks`", diagnostics) {
        if let Some(meta) = meta
            && !meta.checks.iter().any(|c| c.id == key.name)
        {
            let ids: Vec<&str> = meta.checks.iter().map(|c| c.id.as_str()).collect();
            let hint = if ids.is_empty() {
                "report.yaml defines no checks; add them under `checks:` there".to_string()
            } else {
                suggest(&key.name, ids.iter().copied())
                    + " (defined under `checks:` in report.yaml)"
            };
            diagnostics.push(
                Diagnostic::error(file, key.loc, format!("unknown check `{}`", key.name))
                    .width(key.name.chars().count())
                    .hint(hint),
            );
            continue;
        }
        let answer = match &value.value {
            Value::Bool(true) => Some(Answer::Yes),
            Value::Bool(false) => Some(Answer::No),
            _ => value.scalar_text().and_then(|t| Answer::from_id(&t)),
        };
        match answer {
            Some(answer) => out.push(CheckAnswer {
                id: key.name.clone(),
                answer,
                loc: value.loc,
            }),
            None => {
                let shown = value
                    .scalar_text()
                    .unwrap_or_else(|| value.kind().to_string());
                diagnostics.push(
                    value
                        .error(
                            file,
                            format!("`{shown}` is not an answer on the scale for `{}`", key.name),
                        )
                        .hint(answer_hint(&shown)),
                );
            }
        }
    }
    out
}

/// "Did you mean" for an answer off the scale, then the scale.
pub fn answer_hint(shown: &str) -> String {
    let ids = Answer::ALL.map(Answer::id);
    match Answer::likely(shown) {
        Some(a) => format!(
            "did you mean `{}`? The choices are {}",
            a.id(),
            one_of(&ids)
        ),
        None => format!("the choices are {}", one_of(&ids)),
    }
}

fn judgement(
    node: &Node,
    file: &str,
    meta: Option<&Meta>,
    diagnostics: &mut Diagnostics,
) -> Option<Located<String>> {
    let value = text(node, file, "judgement", diagnostics)?;
    if let Some(meta) = meta
        && !meta.judgements.iter().any(|j| j.id == value)
    {
        let ids: Vec<&str> = meta.judgements.iter().map(|j| j.id.as_str()).collect();
        // The label is what the panel sees in the report, so it is what gets typed.
        let by_label = meta
            .judgements
            .iter()
            .find(|j| crate::analyse::normalise(&j.label) == crate::analyse::normalise(&value));
        let hint = match by_label {
            Some(j) => format!(
                "`{}` is the label shown for the judgement `{}`; write `judgement: {}`",
                j.label, j.id, j.id
            ),
            None => {
                suggest(&value, ids.iter().copied())
                    + " (defined under `judgements:` in report.yaml)"
            }
        };
        diagnostics.push(
            node.error(
                file,
                format!("`{value}` is not a judgement on the panel's scale"),
            )
            .hint(hint),
        );
        return None;
    }
    Some(Located {
        value,
        loc: node.loc,
    })
}

fn field(
    case: &mut Case,
    key: &crate::parse::yaml::Key,
    value: &Node,
    file: &str,
    diagnostics: &mut Diagnostics,
) {
    // A misspelt standard key would silently become a custom field, and the case would
    // lose its judgement or checks from every count, so it stops the build. A custom
    // field that happens to look like one can be renamed.
    if let Some(known) = did_you_mean(&key.name, KEYS)
        && known != key.name
    {
        diagnostics.push(
                Diagnostic::error(file, key.loc, format!("`{}` is not a standard case field", key.name))
                    .width(key.name.chars().count())
                    .hint(format!("did you mean `{known}`? Without it the case has no `{known}` in the report; if `{}` is meant as a custom field for theme rules, give it a name less like `{known}`", key.name)),
            );
        return;
    }
    let field = match &value.value {
        Value::Str(s) => Field::Text(s.clone()),
        Value::Int(i) => Field::Number(*i as f64),
        Value::Float(f) => Field::Number(*f),
        Value::Bool(b) => Field::Bool(*b),
        Value::Null => return,
        Value::Seq(_) | Value::Map(_) => {
            diagnostics.push(
                Diagnostic::warning(
                    file,
                    key.loc,
                    format!(
                        "`{}` is a {}, so theme rules cannot use it",
                        key.name,
                        value.kind()
                    ),
                )
                .hint("custom fields must be single values such as `hcso_contact_hours: 60`"),
            );
            return;
        }
    };
    case.fields.push((key.name.clone(), field));
}

/// Groups blocks into sections at every heading, whatever its level: each point belongs
/// to the heading above it, and a heading nests in the nearest one above it of a lower
/// level (`###` under `##`), so that no output files a point under the wrong heading.
fn sections(blocks: Vec<Block>) -> Vec<Section> {
    let mut roots: Vec<Section> = Vec::new();
    // The open sections, outermost first; each is moved into its parent when it closes.
    let mut open: Vec<Section> = Vec::new();
    for block in blocks {
        match block {
            Block::Heading { level, content } => {
                // The text before the first heading is closed by any heading.
                while open
                    .last()
                    .is_some_and(|s| s.level >= level || s.level == 0)
                {
                    close(&mut open, &mut roots);
                }
                open.push(Section {
                    heading: Some(content),
                    level,
                    blocks: Vec::new(),
                    children: Vec::new(),
                });
            }
            other => match open.last_mut() {
                Some(section) => section.blocks.push(other),
                None => open.push(Section {
                    heading: None,
                    level: 0,
                    blocks: vec![other],
                    children: Vec::new(),
                }),
            },
        }
    }
    while !open.is_empty() {
        close(&mut open, &mut roots);
    }
    roots
}

/// Closes the innermost open section into its parent, or into `roots`.
fn close(open: &mut Vec<Section>, roots: &mut Vec<Section>) {
    let Some(section) = open.pop() else {
        return;
    };
    match open.last_mut() {
        Some(parent) => parent.children.push(section),
        None => roots.push(section),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Choice;

    fn meta() -> Meta {
        Meta {
            checks: vec![Choice {
                id: "hcso_48h".into(),
                label: "HCSO".into(),
            }],
            judgements: vec![Choice {
                id: "appropriate".into(),
                label: "Appropriate".into(),
            }],
            ..Meta::default()
        }
    }

    fn run(text: &str) -> (Option<Case>, Diagnostics) {
        let mut d = Diagnostics::default();
        let source = Source {
            path: "cases/c.md".into(),
            text: text.into(),
        };
        (parse(&source, Some(&meta()), &mut d), d)
    }

    #[test]
    fn reads_a_full_case() {
        let (case, d) = run(
            "---\ncase: 6\nstrand: disability\nrisk: medium\nchecks:\n  hcso_48h: no\njudgement: appropriate\nhours: 60\n---\nBefore.\n\n## Risk\n- slow #late\n",
        );
        assert!(d.is_empty(), "{d:?}");
        let case = case.unwrap();
        assert_eq!(case.number, 6);
        assert_eq!(case.strands, ["disability"]);
        assert_eq!(case.checks[0].answer, Answer::No);
        assert_eq!(case.fields, [("hours".to_string(), Field::Number(60.0))]);
        assert_eq!(case.sections.len(), 2);
        assert_eq!(case.points[0].line, 13);
        assert_eq!(case.points[0].tags[0].value, "late");
    }

    #[test]
    fn every_bad_value_is_reported() {
        let (_, d) = run(
            "---\ncase: six\nstrand: disabilty\nchecks:\n  hcso48h: yes\n  hcso_48h: maybe\njudgement: fine\n---\n",
        );
        let messages: Vec<String> = d
            .sorted()
            .iter()
            .map(|d| format!("{}:{} {}", d.loc.line, d.loc.column, d.message))
            .collect();
        assert_eq!(d.error_count(), 5, "{messages:#?}");
        assert!(messages[0].starts_with("2:7 "), "{messages:#?}");
        let hints: String = d.sorted().iter().filter_map(|d| d.hint.clone()).collect();
        assert!(hints.contains("did you mean `disability`"));
        assert!(hints.contains("did you mean `hcso_48h`"));
    }

    #[test]
    fn empty_front_matter_has_no_number() {
        let (case, d) = run("---\n---\n- A point.\n");
        assert!(case.is_none());
        let all = d.sorted();
        assert_eq!(all.len(), 1, "{all:#?}");
        assert_eq!(all[0].loc, Loc::new(2, 1));
        assert!(all[0].message.contains("front matter is empty"), "{all:#?}");
    }

    #[test]
    fn a_tag_outside_a_point_is_warned_about() {
        let (case, d) = run("---\ncase: 1\n---\nSlow overall. #late\n\n- A point.\n");
        assert!(case.unwrap().points[0].tags.is_empty());
        let all = d.sorted();
        assert_eq!(all.len(), 1, "{all:#?}");
        assert!(!all[0].is_error());
        assert_eq!(all[0].loc, Loc::new(4, 15));
        assert!(
            all[0]
                .message
                .contains("`#late` is not in a feedback point")
        );
    }

    #[test]
    fn glyph_bullets_are_points_with_their_tags_and_one_warning() {
        let (case, d) = run("---\ncase: 1\n---\n• Slow. #late\n• Fine.\n");
        let case = case.unwrap();
        let points: Vec<(&str, usize)> = case
            .points
            .iter()
            .map(|p| (p.text.as_str(), p.line))
            .collect();
        assert_eq!(points, [("Slow.", 4), ("Fine.", 5)]);
        assert_eq!(case.points[0].tags[0].loc, Loc::new(4, 9));
        let all = d.brief();
        assert_eq!(all.len(), 1, "{all:#?}");
        assert!(
            all[0].starts_with("4:1 `•` is not a Markdown bullet; the line was read as a feedback point (and 1 more line)"),
            "{all:#?}"
        );
        assert!(all[0].contains("`- `"), "{all:#?}");
    }

    #[test]
    fn a_case_with_no_point_is_warned_about() {
        let (case, d) = run("---\ncase: 3\n---\nJust a paragraph.\n");
        assert!(case.is_some());
        let all = d.sorted();
        assert_eq!(all.len(), 1, "{all:#?}");
        assert!(!all[0].is_error());
        assert_eq!(all[0].message, "case 3 has no feedback point");
        assert_eq!(all[0].loc, Loc::new(2, 7));
    }

    #[test]
    fn a_misspelt_standard_key_is_an_error_and_not_a_field() {
        let (case, d) = run("---\ncase: 1\njudgment: appropriate\nhours: 2\n---\n- x\n");
        let all = d.brief();
        assert_eq!(all.len(), 1, "{all:#?}");
        assert!(d.has_errors());
        assert!(
            all[0].starts_with(
                "3:1 `judgment` is not a standard case field | did you mean `judgement`?"
            ),
            "{all:#?}"
        );
        assert_eq!(
            case.unwrap().fields,
            [("hours".to_string(), Field::Number(2.0))]
        );
    }

    #[test]
    fn an_answer_off_the_scale_gets_the_likely_one() {
        let (_, d) = run("---\ncase: 1\nchecks:\n  hcso_48h: partly\n---\n- x\n");
        let all = d.brief();
        assert!(all[0].starts_with("4:13 `partly` is not an answer on the scale for `hcso_48h` | did you mean `partial`?"), "{all:#?}");
        let (case, d) = run("---\ncase: 1\nchecks:\n  hcso_48h: ' Partial '\n---\n- x\n");
        assert!(d.is_empty(), "{:?}", d.brief());
        assert_eq!(case.unwrap().checks[0].answer, Answer::Partial);
    }

    #[test]
    fn friendly_readings_of_numbers_and_lists() {
        let (case, d) =
            run("---\ncase: \"6\"\nstrand: race, Disability\nthemes: late, \"slow\"\n---\n- x\n");
        assert!(d.is_empty(), "{:?}", d.brief());
        let case = case.unwrap();
        assert_eq!(case.number, 6);
        assert_eq!(case.strands, ["race", "disability"]);
        let themes: Vec<(&str, usize)> = case
            .themes
            .iter()
            .map(|t| (t.value.as_str(), t.loc.column))
            .collect();
        assert_eq!(themes, [("late", 9), ("slow", 15)]);
        let (_, d) = run("---\ncase: 1\nstrand: race, disabilty\n---\n- x\n");
        assert_eq!(
            d.brief(),
            [
                "3:15 `disabilty` is not a known strand | did you mean `disability`? The choices are `race`, `religion`, `sexual-orientation`, `disability`, `transgender`, `not-recorded` or `other`"
            ]
        );
    }

    #[test]
    fn a_case_number_among_words_is_suggested() {
        let (case, d) = run("---\ncase: Case 06\n---\n- x\n");
        assert!(case.is_none());
        assert_eq!(
            d.brief(),
            [
                "2:7 `case` must be a positive whole number, not `Case 06` | did you mean `case: 6`? Write the number alone"
            ]
        );
    }

    #[test]
    fn a_comment_where_a_value_was_meant_is_warned_about() {
        let (case, d) = run("---\ncase: 1\nthemes: #late\ntitle:   # to do\n---\n- x\n");
        assert!(case.unwrap().themes.is_empty());
        let all = d.brief();
        assert_eq!(all.len(), 2, "{all:#?}");
        assert!(all[0].starts_with("3:9 `themes` has no value: YAML reads `#late` as a comment | theme ids are written without `#` in front matter: `themes: [late]`"), "{all:#?}");
        assert!(all[1].starts_with("4:10 `title` has no value"), "{all:#?}");
    }

    #[test]
    fn headings_of_any_level_group_points_and_nest() {
        let (case, _) = run(
            "---\ncase: 1\n---\nIntro.\n\n## Risk\n- a\n### Contact\n- b\n#### Calls\n- c\n### Letters\n- d\n## Records\n- e\n# Top\n### Deep\n- f\n",
        );
        fn shape(sections: &[Section]) -> Vec<String> {
            sections
                .iter()
                .map(|s| {
                    let heading = s
                        .heading
                        .as_deref()
                        .map(crate::model::plain_text)
                        .unwrap_or_default();
                    let inner = shape(&s.children);
                    if inner.is_empty() {
                        format!("{}{heading}:{}", s.level, s.blocks.len())
                    } else {
                        format!(
                            "{}{heading}:{}[{}]",
                            s.level,
                            s.blocks.len(),
                            inner.join(" ")
                        )
                    }
                })
                .collect()
        }
        assert_eq!(
            shape(&case.unwrap().sections),
            [
                "0:1",
                "2Risk:1[3Contact:1[4Calls:1] 3Letters:1]",
                "2Records:1",
                "1Top:0[3Deep:1]",
            ]
        );
    }

    #[test]
    fn missing_number_and_front_matter() {
        assert!(
            run("---\ntitle: x\n---\n").1.sorted()[0]
                .message
                .contains("no `case:`")
        );
        assert!(
            run("- just a point\n").1.sorted()[0]
                .message
                .contains("no front matter")
        );
    }
}
