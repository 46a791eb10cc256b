//! `audiences:`: the copies a build makes and what each shows. Only the names are read
//! here; whether a field named in `fields:` or `hide:` is one the cases have is known
//! once they are read (`crate::audience::check`).

use crate::diagnostic::{Diagnostic, Diagnostics, SourceId};
use crate::model::{Audience, Located, Shown};
use crate::parse::frontmatter::{entries, text, text_list, unknown_key};
use crate::parse::yaml::{Node, Value};

const KEYS: [&str; 5] = [
    "marking",
    "fields",
    "hide",
    "suppress_below",
    "restricted_notes",
];

/// `audiences: {force: {marking: ...}, public: {marking: ..., hide: [crime_ref]}}`, in
/// the order written.
pub(super) fn audiences(node: &Node, file: &str, diagnostics: &mut Diagnostics) -> Vec<Audience> {
    let mut out = Vec::new();
    for (key, value) in entries(node, file, "`audiences`", diagnostics) {
        let name = key.name.trim();
        if !is_folder_name(name) {
            diagnostics.push(
                Diagnostic::error(file, key.loc, format!("`{name}` cannot name an audience"))
                    .width(key.name.chars().count())
                    .hint("an audience names its copy's folder in the output: use small letters, digits, `-` and `_`, such as `force` or `public`"),
            );
            continue;
        }
        let what = format!("the audience `{name}`");
        let mut audience = Audience {
            name: Located {
                value: name.to_string(),
                loc: key.loc,
                source: SourceId::new(file),
            },
            marking: None,
            shown: Shown::All,
            suppress_below: None,
            restricted_notes: name != crate::model::audience::PUBLIC,
        };
        for (key, value) in entries(value, file, &what, diagnostics) {
            match key.name.as_str() {
                "marking" => audience.marking = text(value, file, "marking", diagnostics),
                list @ ("fields" | "hide") => {
                    if audience.shown != Shown::All {
                        diagnostics.push(
                            Diagnostic::error(file, key.loc, format!("{what} gives both `fields:` and `hide:`"))
                                .width(list.len())
                                .hint("give the fields its copy shows (`fields:`) or those it leaves out (`hide:`), not both"),
                        );
                        continue;
                    }
                    let names = names(value, file, list, diagnostics);
                    audience.shown = if list == "fields" {
                        Shown::Only(names)
                    } else {
                        Shown::AllBut(names)
                    };
                }
                "suppress_below" => {
                    audience.suppress_below = threshold(value, file, diagnostics);
                }
                "restricted_notes" => match value.value {
                    Value::Bool(carries) => audience.restricted_notes = carries,
                    _ => diagnostics.push(
                        value
                            .error(file, "`restricted_notes` must be `true` or `false`")
                            .hint("write `restricted_notes: true` for a copy that carries the panel's notes for the force, `false` for one that leaves them out"),
                    ),
                },
                _ => diagnostics.push(unknown_key(file, key, &KEYS, &what, false)),
            }
        }
        out.push(audience);
    }
    out
}

/// The field names of `fields:` or `hide:`. A key every case has is never hidden, which
/// is said at its place rather than left for a reader to find in the copy.
fn names(
    node: &Node,
    file: &str,
    list: &str,
    diagnostics: &mut Diagnostics,
) -> Vec<Located<String>> {
    let mut names = Vec::new();
    for (name, item) in text_list(node, file, list, diagnostics) {
        let name = name.trim().to_string();
        if list == "hide" && crate::parse::case::KEYS.contains(&name.as_str()) {
            diagnostics.push(
                Diagnostic::warning(file, item.loc, format!("a case's `{name}` is shown in every copy"))
                    .width(item.width)
                    .hint("`hide:` leaves out the panel's own fields, such as `crime_ref`; every copy shows a case's number, title, answers and judgement"),
            );
            continue;
        }
        names.push(Located {
            value: name,
            loc: item.loc,
            source: SourceId::new(file),
        });
    }
    names
}

/// `suppress_below: 3`: a whole number, 0 or 1 for nothing suppressed.
fn threshold(node: &Node, file: &str, diagnostics: &mut Diagnostics) -> Option<u32> {
    let written = text(node, file, "suppress_below", diagnostics)?;
    let number = written.trim().parse::<u32>().ok();
    if number.is_none() {
        diagnostics.push(
            Diagnostic::error(
                file,
                node.loc,
                format!("`suppress_below` must be a whole number, not `{written}`"),
            )
            .width(written.chars().count())
            .hint("counts of cases below it are shown as \"fewer than\" it, such as `suppress_below: 3`; 0 suppresses nothing"),
        );
    }
    number
}

/// Whether `name` is safe as a folder's name on every system.
fn is_folder_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::yaml;

    fn read(text: &str) -> (Vec<Audience>, Vec<String>) {
        let root = yaml::parse("report.yaml", text, 1).unwrap();
        let crate::parse::yaml::Value::Map(items) = &root.value else {
            panic!("not a map");
        };
        let mut d = Diagnostics::default();
        let out = audiences(&items[0].1, "report.yaml", &mut d);
        (out, d.brief())
    }

    #[test]
    fn each_audience_has_its_marking_and_its_fields() {
        let (read, problems) = read(
            "audiences:\n  force: {marking: OFFICIAL-SENSITIVE}\n  public:\n    marking: OFFICIAL\n    hide: [crime_ref, oic]\n",
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(read.len(), 2);
        assert_eq!(read[0].name.value, "force");
        assert_eq!(read[0].marking.as_deref(), Some("OFFICIAL-SENSITIVE"));
        assert_eq!(read[0].shown, Shown::All);
        assert!(read[1].hides("crime_ref") && read[1].hides("oic"));
        assert!(!read[1].hides("strand"));
        assert!(read[0].restricted_notes && !read[1].restricted_notes);
    }

    #[test]
    fn restricted_notes_are_carried_by_every_copy_but_the_public_one_unless_said() {
        let (read, problems) = read(
            "audiences:\n  force: {restricted_notes: false}\n  members: {}\n  public: {restricted_notes: true}\n  press: {restricted_notes: some}\n",
        );
        let carries: Vec<bool> = read.iter().map(|a| a.restricted_notes).collect();
        assert_eq!(carries, [false, true, true, true]);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("`restricted_notes` must be `true` or `false`"));
    }

    #[test]
    fn fields_and_hide_together_a_bad_name_and_an_unknown_key_are_reported() {
        let (read, problems) = read(
            "audiences:\n  Public Copy: {}\n  public:\n    fields: [strand]\n    hide: [oic]\n    markng: X\n",
        );
        assert_eq!(read.len(), 1);
        assert!(!read[0].hides("strand") && read[0].hides("oic"));
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(
            problems[0].contains("cannot name an audience"),
            "{problems:?}"
        );
        assert!(
            problems[1].contains("both `fields:` and `hide:`"),
            "{problems:?}"
        );
        assert!(
            problems[2].contains("did you mean `marking`"),
            "{problems:?}"
        );
    }

    #[test]
    fn suppress_below_is_a_whole_number() {
        let (read, problems) =
            read("audiences:\n  public: {suppress_below: 5}\n  force: {suppress_below: few}\n");
        assert_eq!(read[0].suppress_below, Some(5));
        assert_eq!(read[1].suppress_below, None);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].starts_with("3:27 `suppress_below` must be a whole number, not `few`"),
            "{problems:?}"
        );
    }

    #[test]
    fn a_case_s_own_keys_cannot_be_hidden() {
        let (read, problems) = read("audiences:\n  public: {hide: [judgement, oic]}\n");
        assert_eq!(read[0].named_fields().len(), 1);
        assert!(
            problems[0].contains("`judgement` is shown in every copy"),
            "{problems:?}"
        );
    }
}
