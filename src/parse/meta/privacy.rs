//! `privacy:`: the references a panel's case files may contain and the texts it has read
//! and allows, which the personal-data scan is told of.

use crate::diagnostic::{Diagnostic, Diagnostics, SourceId, did_you_mean};
use crate::model::{Located, Privacy};
use crate::parse::frontmatter::{entries, text_list, unknown_key};
use crate::parse::yaml::Node;

pub(super) fn privacy(node: &Node, file: &str, diagnostics: &mut Diagnostics) -> Privacy {
    let mut privacy = Privacy::default();
    for (key, value) in entries(node, file, "`privacy`", diagnostics) {
        match key.name.as_str() {
            "references" => {
                for (pattern, item) in text_list(value, file, "references", diagnostics) {
                    match regex::Regex::new(&pattern) {
                        Ok(_) => privacy.references.push(Located { value: pattern, loc: item.loc, source: SourceId::new(file) }),
                        Err(err) => diagnostics.push(
                            item.error(file, format!("`{pattern}` is not a valid pattern: {}", err.to_string().lines().last().unwrap_or_default()))
                                .hint("references are regular expressions, such as `DP-\\d{8}` for DP- then eight digits"),
                        ),
                    }
                }
            }
            "allow" => {
                for (text, item) in text_list(value, file, "allow", diagnostics) {
                    // Every text contains the empty string, so it would allow everything.
                    if text.trim().is_empty() {
                        diagnostics.push(
                            Diagnostic::warning(file, item.loc, "an empty entry in `allow:` is ignored")
                                .width(item.width)
                                .hint("blank text would let every finding through; remove it, or give the exact text that is safe to publish, such as \"Dr Jane Smith\""),
                        );
                    } else {
                        privacy.allow.push(text);
                    }
                }
            }
            "recent_dates" => match value.scalar_text().as_deref().map(str::trim) {
                Some("allow") => privacy.recent_dates_allowed = true,
                Some("report") => privacy.recent_dates_allowed = false,
                other => {
                    let given = other.unwrap_or_default();
                    let meaning = "`allow` accepts every full date from the two years up to the meeting that is not next to a word for birth; `report`, the default, reports each";
                    let hint = match did_you_mean(given, ["allow", "report"]) {
                        Some(near) => format!("did you mean `recent_dates: {near}`? {meaning}"),
                        None => meaning.to_string(),
                    };
                    diagnostics.push(
                        value
                            .error(
                                file,
                                format!("`recent_dates` is `allow` or `report`, not `{given}`"),
                            )
                            .hint(hint),
                    );
                }
            },
            _ => diagnostics.push(unknown_key(
                file,
                key,
                &["references", "allow", "recent_dates"],
                "`privacy`",
                false,
            )),
        }
    }
    privacy
}
