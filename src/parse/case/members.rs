//! A case written as a folder: case.md, parsed as any case file, and beside it each
//! member's own file of points, with their own `judgement:` and `checks:` if they give
//! them. Each member file is read here and merged into the case under the same headings,
//! the agreed points first and then each member's in the order of `members:`, so that the
//! renderers see one case as they always have, and each point remembers its member.

use crate::diagnostic::{Diagnostic, Diagnostics, Loc, SourceId, did_you_mean, one_of};
use crate::load::Source;
use crate::model::{Block, Case, Meta, Review, Section, plain_text};
use crate::parse::frontmatter::{self, entries, unknown_key};
use crate::parse::markdown::{self, Mode};

use super::{body, fields, response, restricted};

/// The keys a member's front matter may give: their own answers. The case's facts are
/// the panel's, in case.md.
const MEMBER_KEYS: [&str; 2] = ["judgement", "checks"];

/// The member a file in a case folder is of, by its name, if `members:` lists one; an
/// error saying which was meant, or that members must be declared, otherwise.
pub fn member<'m>(path: &str, meta: &'m Meta, diagnostics: &mut Diagnostics) -> Option<&'m str> {
    let id = crate::layout::member_of(path);
    if let Some(found) = meta.members.iter().find(|m| m.id.value == id) {
        return Some(&found.id.value);
    }
    let ids: Vec<&str> = meta.members.iter().map(|m| m.id.value.as_str()).collect();
    let diagnostic = if ids.is_empty() {
        Diagnostic::error(path, Loc::START, format!("no member `{id}`: this report declares no `members:`"))
            .hint(format!("a file beside a case folder's case.md is one member's review; declare the panel's members in report.yaml, such as\nmembers:\n  {id}: Their Name"))
    } else {
        let near = match did_you_mean(id, ids.iter().copied()) {
            Some(near) => format!("did you mean `{near}`? "),
            None => String::new(),
        };
        Diagnostic::error(path, Loc::START, format!("no member `{id}`")).hint(format!(
            "{near}a member's file is named by their id under `members:` in {}, which lists {}",
            meta.files_giving("members"),
            one_of(&ids)
        ))
    };
    diagnostics.push(diagnostic);
    None
}

/// A file that reads as a member's in a folder that has no case.md, so no case to join.
pub fn no_case_file(path: &str) -> Diagnostic {
    let folder = crate::layout::case_folder(path).unwrap_or(crate::layout::CASES);
    Diagnostic::error(path, Loc::START, format!("{folder}/ has no case.md for this member's file"))
        .hint(format!("a case folder holds the case's front matter and agreed points in {folder}/case.md, starting with `---` front matter giving `case: N`, and each member's points beside it"))
}

/// Reads `source`, the file of `member` in the folder of `case`, and merges it into the
/// case. Problems are reported at the member's file and line.
pub fn add(
    case: &mut Case,
    source: &Source,
    member: &str,
    meta: Option<&Meta>,
    diagnostics: &mut Diagnostics,
) {
    let file = source.path.as_str();
    let split = frontmatter::split(source, diagnostics);
    let mut review = Review {
        member: member.to_string(),
        file: file.to_string(),
        ..Review::default()
    };
    if let Some(front) = &split.front {
        for (key, value) in entries(front, file, "the front matter", diagnostics) {
            match key.name.as_str() {
                "judgement" => {
                    review.judgement =
                        fields::judgement(value, file, meta, case.kind(), diagnostics);
                }
                "checks" => {
                    review.checks = fields::checks(value, file, meta, case.kind(), diagnostics).0;
                }
                _ => diagnostics.push(unknown_key(
                    file,
                    key,
                    &MEMBER_KEYS,
                    "a member's front matter",
                    true,
                )),
            }
        }
    }
    let offset = split.body_offset;
    let words = restricted::heading_words(meta);
    let (source, notes) = restricted::take(source, offset, &words);
    if let Some(notes) = notes {
        diagnostics.push(
            Diagnostic::error(file, Loc::new(notes.line, 1), "restricted notes in a member's file")
                .hint("restricted notes are the panel's agreed words for the force alone; put them in the case's case.md, where the copies that carry them find them"),
        );
    }
    let headings = meta.map_or(&[][..], |m| m.response_headings.as_slice());
    let text = match response::divide(&source.text, offset, headings) {
        Some(divided) => {
            let line = source.text[..divided.heading.start].matches('\n').count() + 1;
            diagnostics.push(
                Diagnostic::error(
                    file,
                    Loc::new(line, 1),
                    "the force's response in a member's file",
                )
                .hint("the force answers the case once, under its heading in case.md"),
            );
            divided.points
        }
        None => source.text.clone(),
    };
    let read = Source {
        path: file.to_string(),
        text,
    };
    let mut parsed = markdown::parse(&SourceId::new(file), &read.text, offset, Mode::Points);
    body::problems(
        &read,
        offset,
        &parsed,
        case.number,
        case.number_loc,
        diagnostics,
    );
    review.points = parsed.points.len();
    let first = case.points.len();
    for point in &mut parsed.points {
        point.member = Some(member.to_string());
    }
    case.points.append(&mut parsed.points);
    case.odd_tags.append(&mut parsed.odd_tags);
    case.spaced_tags.append(&mut parsed.spaced_tags);
    let mut blocks = parsed.blocks;
    renumber(&mut blocks, first);
    if case.own_sections.is_none() {
        case.own_sections = Some(case.sections.clone());
    }
    review.sections = body::sections(blocks);
    merge_sections(&mut case.sections, review.sections.clone());
    case.reviews.push(review);
}

/// What makes two sections one when files are merged: their level and their heading's
/// words, however spaced or capitalised.
pub(crate) fn key(s: &Section) -> (u8, Option<String>) {
    (
        s.level,
        s.heading
            .as_ref()
            .map(|h| crate::parse::normalise(&plain_text(h))),
    )
}

/// Moves every point index in `blocks` on by `by`, as the member's points follow the
/// case's in [`Case::points`].
pub(crate) fn renumber(blocks: &mut [Block], by: usize) {
    for block in blocks {
        match block {
            Block::List { items, .. } => {
                for item in items {
                    if let Some(point) = &mut item.point {
                        *point += by;
                    }
                    renumber(&mut item.blocks, by);
                }
            }
            Block::Quote(inner) => renumber(inner, by),
            _ => {}
        }
    }
}

/// Adds `more` to `sections`: a section under a heading the case already has joins it,
/// after what is there; one under a new heading follows the case's sections, and the
/// points before any heading join the case's own points before its first heading.
pub(crate) fn merge_sections(sections: &mut Vec<Section>, more: Vec<Section>) {
    for section in more {
        // Only a section at the same level can be the same, so the words of a heading
        // are normalised only to compare it with one that can be.
        let wanted = key(&section);
        let same = sections
            .iter_mut()
            .find(|s| s.level == wanted.0 && key(s) == wanted);
        match same {
            Some(same) => {
                append_blocks(&mut same.blocks, section.blocks);
                merge_sections(&mut same.children, section.children);
            }
            None if section.heading.is_none() => sections.insert(0, section),
            None => sections.push(section),
        }
    }
}

/// Adds `more` after `blocks`, a list straight after a list joining it, so that the
/// points under one heading read as one list whoever wrote them.
fn append_blocks(blocks: &mut Vec<Block>, more: Vec<Block>) {
    for block in more {
        match (blocks.last_mut(), block) {
            (
                Some(Block::List { start, items }),
                Block::List {
                    start: next,
                    items: mut more,
                },
            ) if start.is_some() == next.is_some() => items.append(&mut more),
            (_, block) => blocks.push(block),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Member;

    fn meta(members: &[&str]) -> Meta {
        Meta {
            members: members
                .iter()
                .map(|id| Member {
                    id: crate::model::Located {
                        value: (*id).to_string(),
                        loc: Loc::START,
                        source: SourceId::new("report.yaml"),
                    },
                    name: id.to_uppercase(),
                })
                .collect(),
            ..Meta::default()
        }
    }

    fn source(path: &str, text: &str) -> Source {
        Source {
            path: path.into(),
            text: text.into(),
        }
    }

    #[test]
    fn a_member_s_points_follow_the_agreed_ones_under_the_same_heading() {
        let mut diagnostics = Diagnostics::default();
        let agreed = source(
            "cases/c/case.md",
            "---\ncase: 6\n---\n## Grounds\n- Agreed.\n",
        );
        let mut case = super::super::parse(&agreed, None, &mut diagnostics).unwrap();
        let alice = source(
            "cases/c/alice.md",
            "---\njudgement: appropriate\n---\n- Before any heading.\n\n## grounds\n- Alice's. #late\n\n## Outcome\n- New heading.\n",
        );
        add(&mut case, &alice, "alice", None, &mut diagnostics);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let texts: Vec<(&str, Option<&str>, &str)> = case
            .points
            .iter()
            .map(|p| (p.text.as_str(), p.member.as_deref(), case.file_of(p)))
            .collect();
        assert_eq!(
            texts,
            [
                ("Agreed.", None, "cases/c/case.md"),
                ("Before any heading.", Some("alice"), "cases/c/alice.md"),
                ("Alice's.", Some("alice"), "cases/c/alice.md"),
                ("New heading.", Some("alice"), "cases/c/alice.md"),
            ]
        );
        let headings: Vec<Option<String>> = case
            .sections
            .iter()
            .map(|s| s.heading.as_ref().map(|h| plain_text(h)))
            .collect();
        assert_eq!(
            headings,
            [None, Some("Grounds".into()), Some("Outcome".into())]
        );
        let Block::List { items, .. } = &case.sections[1].blocks[0] else {
            panic!("{:?}", case.sections[1]);
        };
        assert_eq!(
            items.iter().map(|i| i.point).collect::<Vec<_>>(),
            [Some(0), Some(2)]
        );
        assert_eq!(case.points[2].tags[0].source.path(), "cases/c/alice.md");
        assert_eq!(case.reviews[0].points, 3);
        assert_eq!(
            case.reviews[0].judgement.as_ref().map(|j| j.value.as_str()),
            Some("appropriate")
        );
    }

    #[test]
    fn a_member_file_gives_only_its_own_answers_and_its_problems_are_its_own() {
        let mut diagnostics = Diagnostics::default();
        let agreed = source("cases/c/case.md", "---\ncase: 6\n---\n");
        let mut case = super::super::parse(&agreed, None, &mut diagnostics).unwrap();
        assert!(
            diagnostics.is_empty(),
            "an empty case.md is not warned: {diagnostics:?}"
        );
        let bob = source("cases/c/bob.md", "---\ncase: 7\n---\n- \n");
        add(&mut case, &bob, "bob", None, &mut diagnostics);
        let found: Vec<String> = diagnostics
            .sorted()
            .iter()
            .map(|d| format!("{}:{}: {}", d.file, d.loc.line, d.message))
            .collect();
        assert_eq!(
            found,
            [
                "cases/c/bob.md:2: unknown key `case` in a member's front matter",
                "cases/c/bob.md:4: this point is empty, but counts as a feedback point",
            ]
        );
    }

    #[test]
    fn a_file_of_no_member_is_an_error_with_the_one_meant() {
        let mut diagnostics = Diagnostics::default();
        let meta = meta(&["alice", "bob"]);
        assert_eq!(
            member("cases/c/bob.md", &meta, &mut diagnostics),
            Some("bob")
        );
        assert_eq!(member("cases/c/alcie.md", &meta, &mut diagnostics), None);
        assert_eq!(
            member("cases/c/alice.md", &Meta::default(), &mut diagnostics),
            None
        );
        let found = diagnostics.sorted();
        assert_eq!(found[0].message, "no member `alcie`");
        assert!(
            found[0]
                .hint
                .as_deref()
                .unwrap()
                .starts_with("did you mean `alice`?"),
            "{found:?}"
        );
        assert!(
            found[1].message.contains("declares no `members:`"),
            "{found:?}"
        );
    }
}
