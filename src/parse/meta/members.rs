//! `members:`: the panel's members, each an id their files in a case folder are named by
//! and the name the members' own view shows. Ids are checked here so that every file name
//! a member writes can be told from case.md and read the same on every system.

use crate::diagnostic::{Diagnostic, Diagnostics, SourceId};
use crate::layout;
use crate::model::{Located, Member};
use crate::parse::frontmatter::{entries, text};

/// `members: {alice: Alice Jones, bob: Bob Evans}`, in the order written.
pub(super) fn members(
    node: &crate::parse::yaml::Node,
    file: &str,
    diagnostics: &mut Diagnostics,
) -> Vec<Member> {
    let mut members: Vec<Member> = Vec::new();
    for (key, value) in entries(node, file, "`members`", diagnostics) {
        let id = key.name.as_str();
        let suggested = crate::parse::id_from(id, '-');
        let reserved = layout::member_of(layout::CASE_IN_FOLDER);
        if id == reserved || suggested != id {
            let hint = if id == reserved {
                format!(
                    "`{reserved}` names the agreed case.md in a case folder; give the member another id"
                )
            } else {
                format!(
                    "an id is the name of the member's files, lower-case letters, digits and `-`, such as `{suggested}`"
                )
            };
            diagnostics.push(
                Diagnostic::error(file, key.loc, format!("`{id}` cannot be a member's id"))
                    .width(id.chars().count())
                    .hint(hint),
            );
            continue;
        }
        let Some(name) = text(value, file, id, diagnostics).filter(|n| !n.trim().is_empty()) else {
            diagnostics.push(
                Diagnostic::error(file, key.loc, format!("member `{id}` has no name"))
                    .width(id.chars().count())
                    .hint(format!(
                        "write `{id}: ` and the member's name, such as `{id}: Alice Jones`"
                    )),
            );
            continue;
        };
        members.push(Member {
            id: Located {
                value: id.to_string(),
                loc: key.loc,
                source: SourceId::new(file),
            },
            name: name.trim().to_string(),
        });
    }
    members
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::yaml;

    fn read(text: &str) -> (Vec<(String, String)>, Vec<String>) {
        let root = yaml::parse("report.yaml", text, 1).unwrap();
        let mut diagnostics = Diagnostics::default();
        let members = members(&root, "report.yaml", &mut diagnostics);
        (
            members.into_iter().map(|m| (m.id.value, m.name)).collect(),
            diagnostics
                .sorted()
                .iter()
                .map(|d| format!("{}: {}", d.loc.line, d.message))
                .collect(),
        )
    }

    #[test]
    fn members_keep_their_order_and_a_bad_id_is_named_where_it_is() {
        let (members, problems) =
            read("bob: Bob Evans\nalice: Alice Jones\nCarol B: Carol\ncase: C\ndan:\n");
        assert_eq!(
            members,
            [
                ("bob".into(), "Bob Evans".into()),
                ("alice".into(), "Alice Jones".into())
            ]
        );
        assert_eq!(
            problems,
            [
                "3: `Carol B` cannot be a member's id",
                "4: `case` cannot be a member's id",
                "5: member `dan` has no name"
            ]
        );
    }
}
