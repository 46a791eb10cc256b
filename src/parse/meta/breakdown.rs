//! report.yaml's `breakdown:`: the case fields the summary counts each theme's cases by.
//!
//! Only the names are read here. Whether a name is a field the cases have can only be
//! known once they are read, so that check is the analysis's (see
//! `crate::analyse::breakdown`).

use crate::diagnostic::{Diagnostic, Diagnostics, SourceId};
use crate::model::Located;
use crate::parse::yaml::{Node, Value};

/// `breakdown: [strand, offence]`, or one name on its own, in the order written. An entry
/// that is not a name, or names a field already listed, is reported at its place.
pub(super) fn breakdown(
    node: &Node,
    file: &str,
    diagnostics: &mut Diagnostics,
) -> Vec<Located<String>> {
    let items = match &node.value {
        Value::Seq(items) => items.as_slice(),
        Value::Null => &[],
        Value::Str(_) => std::slice::from_ref(node),
        _ => {
            diagnostics.push(
                node.error(
                    file,
                    format!(
                        "`breakdown` must be a list of case fields, not {}",
                        node.kind()
                    ),
                )
                .hint("for example `breakdown: [strand, offence]`"),
            );
            return Vec::new();
        }
    };
    let mut fields: Vec<Located<String>> = Vec::new();
    for item in items {
        let name = match &item.value {
            Value::Str(s) if !s.trim().is_empty() => s.trim().to_string(),
            _ => {
                diagnostics.push(
                    item.error(
                        file,
                        format!(
                            "each entry of `breakdown` must be a case field's name, not {}",
                            item.kind()
                        ),
                    )
                    .hint("name a front-matter field of the cases, such as `strand` or `risk`"),
                );
                continue;
            }
        };
        if fields.iter().any(|f| f.value == name) {
            diagnostics.push(
                Diagnostic::warning(
                    file,
                    item.loc,
                    format!("`{name}` is already in `breakdown`"),
                )
                .width(item.width)
                .hint("each field gets one table; remove the second"),
            );
            continue;
        }
        fields.push(Located {
            value: name,
            loc: item.loc,
            source: SourceId::new(file),
        });
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::yaml;

    fn read(text: &str) -> (Vec<(String, usize)>, Vec<String>) {
        let root = yaml::parse("report.yaml", text, 1).unwrap();
        let Value::Map(items) = &root.value else {
            panic!("not a map")
        };
        let mut diagnostics = Diagnostics::default();
        let fields = breakdown(&items[0].1, "report.yaml", &mut diagnostics);
        (
            fields.into_iter().map(|f| (f.value, f.loc.line)).collect(),
            diagnostics.brief(),
        )
    }

    #[test]
    fn a_list_of_names_is_kept_in_order() {
        let (fields, diagnostics) = read("breakdown: [strand, offence]\n");
        assert_eq!(fields, [("strand".into(), 1), ("offence".into(), 1)]);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
    }

    #[test]
    fn one_name_on_its_own_is_a_list_of_one() {
        let (fields, _) = read("breakdown: risk\n");
        assert_eq!(fields, [("risk".into(), 1)]);
    }

    #[test]
    fn entries_that_are_not_names_are_shown_at_their_place() {
        let (fields, diagnostics) =
            read("breakdown:\n  - strand\n  - 12\n  - {a: b}\n  - strand\n");
        assert_eq!(fields, [("strand".into(), 2)]);
        assert_eq!(diagnostics.len(), 3, "{diagnostics:?}");
        assert!(
            diagnostics[0].starts_with("3:5 each entry of `breakdown`"),
            "{diagnostics:?}"
        );
        assert!(
            diagnostics[1].starts_with("4:5 each entry"),
            "{diagnostics:?}"
        );
        assert!(
            diagnostics[2].starts_with("5:5 `strand` is already"),
            "{diagnostics:?}"
        );
    }

    #[test]
    fn a_mapping_is_not_a_list() {
        let (fields, diagnostics) = read("breakdown: {strand: yes}\n");
        assert!(fields.is_empty());
        assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    }
}
