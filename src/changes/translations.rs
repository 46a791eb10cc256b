//! Welsh (or any second language's) text that is now older than its English: a file whose
//! original changed since the earlier version while its translation did not. Read from
//! the files, not from report.json, which holds one language.

use std::collections::BTreeMap;

use crate::load::{Folder, translation_of};

/// The translations in `after` whose original changed since `before` while they did not:
/// (translation, original), by their paths in the folder.
pub fn stale(before: &Folder, after: &Folder) -> Vec<(String, String)> {
    let texts = |folder: &Folder| -> BTreeMap<String, String> {
        folder
            .sources()
            .map(|s| (s.path.clone(), s.text.clone()))
            .collect()
    };
    let (old, new) = (texts(before), texts(after));
    let mut out = Vec::new();
    for translation in &after.translations {
        let Some((_, original)) = translation_of(&translation.path) else {
            continue;
        };
        let original_changed = match (old.get(&original), new.get(&original)) {
            (Some(was), Some(now)) => was != now,
            _ => false,
        };
        if original_changed && old.get(&translation.path) == Some(&translation.text) {
            out.push((translation.path.clone(), original));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::Source;

    fn folder(english: &str, welsh: &str) -> Folder {
        Folder {
            cases: vec![Source {
                path: "cases/case-01.md".into(),
                text: english.into(),
            }],
            translations: vec![Source {
                path: "cases/case-01.cy.md".into(),
                text: welsh.into(),
            }],
            ..Folder::default()
        }
    }

    #[test]
    fn welsh_left_behind_by_its_english_is_found() {
        let before = folder("- Late.", "- Hwyr.");
        assert_eq!(
            stale(&before, &folder("- Very late.", "- Hwyr.")),
            vec![(
                "cases/case-01.cy.md".to_string(),
                "cases/case-01.md".to_string()
            )]
        );
        assert!(stale(&before, &folder("- Very late.", "- Hwyr iawn.")).is_empty());
        assert!(stale(&before, &before).is_empty());
    }
}
