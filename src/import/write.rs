//! Writing a recognised report as a report folder, with the names `layout` gives.
//!
//! [`files`] is pure, so that tests can check the nothing-lost promise in memory; [`write`]
//! puts the files on disk. Every line is written as the source had it (bullet glyphs
//! aside), escaped only where Markdown would otherwise read it as structure.

use std::fs;
use std::io;
use std::path::Path;

use super::facts::{self, Facts};
use super::recognise::{Imported, Item, Observation};
use crate::layout;

/// What to write in report.yaml beside what the source says.
#[derive(Debug, Clone)]
pub struct Meta {
    pub title: String,
    pub meeting_date: String,
    /// The source's file name, for report.yaml's comment.
    pub source: String,
}

/// The folder's files: a path relative to it, `/`-separated, and the text.
pub fn files(imported: &Imported, meta: &Meta) -> Vec<(String, String)> {
    let facts: Vec<&Facts> = imported.cases.iter().map(|c| &c.facts).collect();
    let mut report = report_yaml(meta, &facts);
    report.push_str(&imported.generated.report_yaml());
    let mut out = vec![(layout::REPORT.to_string(), report)];
    for (name, items) in [
        (layout::BACKGROUND, &imported.background),
        (layout::SUMMARY, &imported.summary),
        (layout::CLOSING, &imported.closing),
    ] {
        if !items.is_empty() {
            out.push((name.to_string(), document(items)));
        }
    }
    let width = imported
        .cases
        .iter()
        .map(|c| c.number.to_string().len())
        .max()
        .unwrap_or(2)
        .max(2);
    for case in &imported.cases {
        let mut text = format!("---\ncase: {}\n", case.number);
        if let Some(title) = &case.title {
            text.push_str(&format!(
                "title: {}\n",
                yaml_string(&super::unescape(title))
            ));
        }
        text.push_str(&front_matter(&case.facts));
        text.push_str(&imported.generated.front_matter(case.line));
        text.push_str("---\n");
        if !case.items.is_empty() {
            text.push('\n');
            text.push_str(&document(&case.items));
        }
        out.push((
            format!("{}/case-{:0width$}.md", layout::CASES, case.number),
            text,
        ));
    }
    let width = imported.observations.len().to_string().len().max(2);
    for (index, observation) in imported.observations.iter().enumerate() {
        out.push((
            format!("{}/{:0width$}.md", layout::OBSERVATIONS, index + 1),
            observation_file(observation),
        ));
    }
    out
}

/// Writes the folder's files under `dir`, which may not exist yet.
pub fn write(dir: &Path, files: &[(String, String)]) -> io::Result<()> {
    for (path, text) in files {
        let path = dir.join(path);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(path, text)?;
    }
    Ok(())
}

fn report_yaml(meta: &Meta, cases: &[&Facts]) -> String {
    let scale = facts::scale(cases);
    let left = if scale.is_empty() {
        "# The review checklist (checks:), the verdict scale (judgements:) and themes.yaml\n"
    } else {
        "# The review checklist (checks:) and themes.yaml\n"
    };
    let mut out = format!(
        "# Imported from {} by `build-report import`.\n\
         {left}\
         # are left to the panel: add them here and in the case files.\n\
         title: {}\nmeeting_date: {}\n",
        meta.source.replace('\n', " "),
        yaml_string(&meta.title),
        meta.meeting_date
    );
    let fields = facts::declarations(cases);
    if !fields.is_empty() {
        out.push_str("fields:\n");
        for (id, label) in fields {
            out.push_str(&format!("  {id}: {}\n", yaml_string(&label)));
        }
    }
    if !scale.is_empty() {
        out.push_str("judgements:\n");
        for (id, label, colour) in scale {
            match colour {
                Some(colour) => out.push_str(&format!(
                    "  {id}: {{label: {}, colour: \"{colour}\"}}\n",
                    yaml_string(&label)
                )),
                None => out.push_str(&format!("  {id}: {}\n", yaml_string(&label))),
            }
        }
    }
    out
}

/// A case's facts as front matter lines.
fn front_matter(facts: &Facts) -> String {
    let mut out = String::new();
    for (key, value) in [
        (facts::PREFIX.0, &facts.prefix),
        (facts::CRIME_REF.0, &facts.crime_ref),
    ] {
        if let Some(value) = value {
            out.push_str(&format!(
                "{key}: {}\n",
                yaml_string(&super::unescape(value))
            ));
        }
    }
    for field in &facts.fields {
        out.push_str(&format!("{}: {}\n", field.id, yaml_string(&field.value)));
    }
    if let Some(judgement) = &facts.judgement {
        out.push_str(&format!("judgement: {}\n", judgement.id));
    }
    out
}

/// A YAML double-quoted string: JSON's escaping is valid YAML.
pub(crate) fn yaml_string(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_string())
}

/// Items as Markdown: paragraphs apart, a list's items together, headings as `##`,
/// tables as pipe tables.
fn document(items: &[Item]) -> String {
    let mut out = String::new();
    let mut in_list = false;
    for item in items {
        match item {
            Item::Heading(text, _) => {
                gap(&mut out);
                out.push_str("## ");
                out.push_str(text);
                out.push('\n');
                in_list = false;
            }
            Item::Paragraph(text, _) => {
                gap(&mut out);
                out.push_str(&block_start(text));
                out.push('\n');
                in_list = false;
            }
            Item::Table(rows, _) => {
                gap(&mut out);
                out.push_str(&super::rows::pipe_table_text(rows));
                in_list = false;
            }
            Item::Bullet(level, text, _) => {
                if !in_list {
                    gap(&mut out);
                }
                out.push_str(&"  ".repeat(usize::from(*level)));
                out.push_str("- ");
                out.push_str(&block_start(text));
                out.push('\n');
                in_list = true;
            }
        }
    }
    out
}

fn gap(out: &mut String) {
    if !out.is_empty() {
        out.push('\n');
    }
}

fn observation_file(observation: &Observation) -> String {
    let mut out = String::from("## Observation\n");
    for (text, _) in &observation.text {
        out.push('\n');
        out.push_str(&block_start(text));
        out.push('\n');
    }
    if !observation.response.is_empty() {
        out.push_str("\n## Force response\n");
        for (text, _) in &observation.response {
            out.push('\n');
            out.push_str(&block_start(text));
            out.push('\n');
        }
    }
    out
}

/// A line escaped where its start would otherwise open a Markdown block: a heading, a
/// quote, a list, a rule, a fence or an underline.
fn block_start(text: &str) -> String {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let after_digits = text[digits..].chars().next();
    if digits > 0 && digits < 10 && matches!(after_digits, Some('.' | ')')) {
        let rest = &text[digits + 1..];
        if rest.is_empty() || rest.starts_with([' ', '\t']) {
            return format!("{}\\{}", &text[..digits], &text[digits..]);
        }
    }
    let opens =
        text.starts_with(['#', '>', '=', '-', '+', '*', '`', '~']) && !text.starts_with(['\\']);
    if opens {
        format!("\\{text}")
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_that_would_open_a_block_is_escaped() {
        assert_eq!(block_start("1. Introduction"), r"1\. Introduction");
        assert_eq!(block_start("2) two"), r"2\) two");
        assert_eq!(block_start("1.0 Background"), "1.0 Background");
        assert_eq!(block_start("> quote"), r"\> quote");
        assert_eq!(block_start("---"), r"\---");
        assert_eq!(block_start("Plain"), "Plain");
    }
}
