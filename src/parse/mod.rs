//! Front matter and Markdown into the model.
//!
//! Each file is parsed on its own and checked against the scales that report.yaml defines
//! (checks, judgements), so a typo is reported at the value that has it. Problems never
//! stop the stage: a bad value is reported and left out, and parsing goes on, so one run
//! lists every problem in every file. Checks that span files (unknown tags, duplicate or
//! missing case numbers) belong to the analyse stage.

pub mod case;
mod case_folders;
pub mod frontmatter;
pub mod labels;
pub mod markdown;
pub mod meta;
pub mod observation;
pub mod themes;
pub mod translation;
pub mod update;
pub mod yaml;

use crate::diagnostic::{Diagnostic, Diagnostics, Loc, SourceId};
use crate::layout;
use crate::load::{Folder, Source};
use crate::progress::{Progress, Silent};
use rayon::prelude::*;

use crate::model::{Case, Doc, Report};

/// Parses everything in `folder`. Problems are added to `diagnostics`.
pub fn parse(folder: &Folder, diagnostics: &mut Diagnostics) -> Report {
    parse_with(folder, diagnostics, &Silent)
}

/// [`parse`], telling `progress` of each case file parsed.
pub fn parse_with(
    folder: &Folder,
    diagnostics: &mut Diagnostics,
    progress: &dyn Progress,
) -> Report {
    progress.stage("Parsing cases", folder.cases.len() as u64);
    let meta = folder.report.as_ref().and_then(|report| {
        let layers: Vec<&Source> = folder.panel.settings.iter().chain([report]).collect();
        meta::parse_layers(&layers, diagnostics)
    });
    let scales = meta.as_ref();
    let reviews = case_folders::reviews(folder, scales, diagnostics);
    // Case files are parsed in parallel; collecting keeps their order, and each file's
    // diagnostics are merged in that order, so results never depend on scheduling.
    let parsed: Vec<(Option<Case>, Diagnostics)> = folder
        .cases
        .par_iter()
        .map(|source| {
            let mut found = Diagnostics::default();
            let case = if reviews.stray(source) {
                found.push(case::members::no_case_file(&source.path));
                None
            } else {
                case::parse(source, scales, &mut found).map(|mut case| {
                    for (member, file) in reviews.of(source) {
                        case::members::add(&mut case, file, member, scales, &mut found);
                    }
                    case
                })
            };
            progress.advance();
            (case, found)
        })
        .collect();
    let mut cases = Vec::with_capacity(parsed.len());
    for (case, found) in parsed {
        diagnostics.extend(found);
        cases.extend(case);
    }
    // A meeting's types each number their cases from 1, so cases sort by their type's
    // place in `case_types:` first; with no types every case has the same place.
    let place = |case: &Case| {
        let types = meta.as_ref().map_or(&[][..], |m| m.case_types.as_slice());
        case.kind()
            .and_then(|k| types.iter().position(|t| t.id.value == k))
    };
    cases.sort_by(|a, b| {
        (place(a), a.number)
            .cmp(&(place(b), b.number))
            .then_with(|| a.file.cmp(&b.file))
    });
    if cases.is_empty() && !folder.cases.is_empty() {
        let files = match folder.cases.len() {
            1 => "its one file".to_string(),
            n => format!("any of its {n} files"),
        };
        diagnostics.push(
            Diagnostic::error(layout::folder(layout::CASES), Loc::START, format!("cases/ has no cases: none could be read from {files}"))
                .hint("each case file starts with `---` front matter giving `case: N`; fix the problems reported in the files"),
        );
    }
    let themes = match (&folder.panel.themes, &folder.themes) {
        (None, None) => None,
        (None, Some(own)) => Some(themes::parse(own, scales, diagnostics)),
        (panel, own) => themes::parse_layers(panel.as_ref(), own.as_ref(), scales, diagnostics),
    };
    let mut observations: Vec<_> = folder
        .observations
        .iter()
        .filter_map(|source| observation::parse(source, diagnostics))
        .collect();
    observations.sort_by(|a, b| {
        (a.order.is_none(), a.order, &a.file).cmp(&(b.order.is_none(), b.order, &b.file))
    });
    let meta = meta.unwrap_or_default();
    let observation_files: Vec<String> = observations.iter().map(|o| o.file.clone()).collect();
    let translations = translation::parse(
        &folder.translations,
        &meta,
        &cases,
        &observation_files,
        diagnostics,
    );
    let published: Vec<&str> = [&folder.background, &folder.summary, &folder.closing]
        .into_iter()
        .flatten()
        .map(|s| s.path.as_str())
        .chain(cases.iter().map(|c| c.file.as_str()))
        .chain(observation_files.iter().map(String::as_str))
        .collect();
    translation::untranslated(&meta, &published, &translations, diagnostics);
    let settings: Vec<&Source> = [&folder.panel.settings, &folder.report]
        .into_iter()
        .flatten()
        .collect();
    let themes_files: Vec<&Source> = [&folder.panel.themes, &folder.themes]
        .into_iter()
        .flatten()
        .collect();
    translation::settings::untranslated(&meta, &settings, &themes_files, diagnostics);
    Report {
        meta,
        background: folder.background.as_ref().map(|s| doc(s, diagnostics)),
        cases,
        themes,
        summary: folder.summary.as_ref().map(|s| doc(s, diagnostics)),
        observations,
        closing: folder.closing.as_ref().map(|s| doc(s, diagnostics)),
        translations,
        updates: folder
            .updates
            .iter()
            .filter_map(|source| update::parse(source, diagnostics))
            .collect(),
    }
}

/// A free Markdown document: no front matter, no points.
pub fn doc(source: &Source, diagnostics: &mut Diagnostics) -> Doc {
    let body = markdown::parse(
        &SourceId::new(&source.path),
        &source.text,
        0,
        markdown::Mode::Plain,
    );
    markdown::warn_empty_headings(&source.path, &body, diagnostics);
    Doc {
        file: source.path.clone(),
        blocks: body.blocks,
    }
}

/// Text as phrase rules compare it: lower case, curly quotes made straight, white space
/// runs made one space. Parsing compares a typed judgement with the scale's labels the
/// same way, so it lives here, below both.
pub fn normalise(text: &str) -> String {
    if text.is_ascii() {
        return normalise_ascii(text);
    }
    normalise_chars(text)
}

fn normalise_chars(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => out.push('\''),
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => out.push('"'),
            _ if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// [`normalise`] of ASCII text, byte by byte: most feedback is ASCII, and every point
/// is normalised for the themes' phrases.
fn normalise_ascii(text: &str) -> String {
    let mut out = Vec::with_capacity(text.len());
    for word in text.split(char::is_whitespace).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(b' ');
        }
        out.extend(word.bytes().map(|b| b.to_ascii_lowercase()));
    }
    String::from_utf8(out).unwrap_or_default()
}

/// `name` made into an id: lower-case letters and digits, with each run of anything else
/// one `join`. Hints use it to suggest the id a user most likely meant.
pub fn id_from(name: &str, join: char) -> String {
    let mut id = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.ends_with(join) {
            id.push(join);
        }
    }
    id.trim_matches(join).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The byte-by-byte reading of ASCII text is the reading of every other text.
        #[test]
        fn ascii_is_normalised_as_all_text_is(text in "[ -~\t\n\r\x0B\x0C]{0,40}") {
            proptest::prop_assert_eq!(normalise(&text), normalise_chars(&text));
        }
    }

    #[test]
    fn case_files_that_give_no_case_are_an_error_for_the_folder() {
        let folder = Folder {
            report: Some(source(
                "report.yaml",
                "title: T\nmeeting_date: 2021-09-29\n",
            )),
            cases: vec![
                source("cases/a.md", "---\n---\n- A point.\n"),
                source("cases/b.md", "- No front matter.\n"),
            ],
            ..Folder::default()
        };
        let mut diagnostics = Diagnostics::default();
        let report = parse(&folder, &mut diagnostics);
        assert!(report.cases.is_empty());
        let all = diagnostics.sorted();
        assert_eq!(all.len(), 3, "{all:#?}");
        assert_eq!(all[0].file, "cases/");
        assert!(all[0].message.contains("any of its 2 files"), "{all:#?}");
    }

    fn source(path: &str, text: &str) -> Source {
        Source {
            path: path.into(),
            text: text.into(),
        }
    }

    #[test]
    fn cases_follow_numbers_and_observations_follow_order_then_name() {
        let folder = Folder {
            report: Some(source(
                "report.yaml",
                "title: T\nmeeting_date: 2021-09-29\n",
            )),
            cases: vec![
                source("cases/a.md", "---\ncase: 10\n---\n- x\n"),
                source("cases/b.md", "---\ncase: 2\n---\n- x\n"),
            ],
            observations: vec![
                source("observations/a.md", "First by name.\n"),
                source("observations/b.md", "---\norder: 2\n---\nSecond.\n"),
                source("observations/c.md", "---\norder: 1\n---\nFirst.\n"),
            ],
            ..Folder::default()
        };
        let mut diagnostics = Diagnostics::default();
        let report = parse(&folder, &mut diagnostics);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert_eq!(
            report.cases.iter().map(|c| c.number).collect::<Vec<_>>(),
            [2, 10]
        );
        let files: Vec<&str> = report
            .observations
            .iter()
            .map(|o| o.file.as_str())
            .collect();
        assert_eq!(
            files,
            [
                "observations/c.md",
                "observations/b.md",
                "observations/a.md"
            ]
        );
    }
}
