//! A case's body: its points grouped under their headings, and what in it would
//! otherwise be lost from the counts without a word (a tag outside any point, a bullet
//! Markdown does not know, a forgotten `- `, an empty point, a case with none).

use crate::diagnostic::{Diagnostic, Diagnostics, Loc};
use crate::load::Source;
use crate::model::{Block, Section};
use crate::parse::markdown::{self, Body, Forgotten};

/// Reports the problems of case `number`'s `body`, which starts at byte `offset`.
pub(super) fn problems(
    source: &Source,
    offset: usize,
    body: &Body,
    number: u32,
    number_loc: Loc,
    diagnostics: &mut Diagnostics,
) {
    let file = source.path.as_str();
    super::super::markdown::warn_empty_headings(file, body, diagnostics);
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
    // One warning per file: a pasted case has a glyph on every line, and the first is
    // enough to send the writer to the file.
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
    for (loc, kind) in markdown::forgotten_bullets(&source.text, offset) {
        diagnostics.push(match kind {
            Forgotten::Continuation => Diagnostic::warning(file, loc, "this line is read as more of the point above, not as a point of its own")
                .hint("if it is a point of its own, start it with `- `; if it continues the point above, indent it by two spaces"),
            Forgotten::NoSpace => Diagnostic::warning(file, loc, "this line is not a feedback point: Markdown needs a space after the `-`")
                .hint("write `- ` (a hyphen and a space) at the start of the point, so that it counts"),
        });
    }
    let lines: Vec<&str> = source.text.lines().collect();
    for point in &body.points {
        let written = lines.get(point.line - 1).map_or("", |l| l.trim());
        if point.text.is_empty() && point.tags.is_empty() && is_bare_marker(written) {
            let column = lines[point.line - 1]
                .chars()
                .take_while(|c| c.is_whitespace())
                .count()
                + 1;
            diagnostics.push(
                Diagnostic::warning(
                    file,
                    Loc::new(point.line, column),
                    "this point is empty, but counts as a feedback point",
                )
                .hint("write the point after the `- `, or remove the line"),
            );
        }
    }
    if let Some((loc, other)) = second_case(&source.text, offset) {
        diagnostics.push(
            Diagnostic::error(file, loc, format!("a second front matter, for case {other}, in the body of case {number}"))
                .hint(format!("each case needs its own file: move this `---` block and the points after it to a file of their own, such as cases/case-{other:02}.md; here they count for case {number}")),
        );
    }
    if let Some(named) = file_number(file)
        && named != number
    {
        diagnostics.push(
            Diagnostic::warning(file, number_loc, format!("this file is named for case {named} but is case {number}"))
                .hint(format!("if the file was copied from another case, check `case: {number}`; cases are listed by their `case:` number, never by file name, so if the number is right, rename the file")),
        );
    }
}

/// A case whose file gives no point: it counts in the totals but gives no theme anything.
/// A case folder's case.md is not told this, as its members' files hold its points.
pub(super) fn no_points(file: &str, number: u32, number_loc: Loc) -> Diagnostic {
    Diagnostic::warning(file, number_loc, format!("case {number} has no feedback point"))
        .hint("the case counts in the totals but gives no point to any theme; write each point on its own line starting with `- `")
}

/// A `---` line in the body followed by `case: N`: a second case pasted into the file,
/// whose points would count for the first. Its place and number.
fn second_case(text: &str, offset: usize) -> Option<(Loc, u32)> {
    let first_line = text[..offset].matches('\n').count() + 1;
    let lines: Vec<&str> = text[offset..].lines().collect();
    lines.windows(2).enumerate().find_map(|(i, pair)| {
        let number = pair[1].trim().strip_prefix("case:")?.trim().parse().ok()?;
        (pair[0].trim_end() == "---").then_some((Loc::new(first_line + i, 1), number))
    })
}

/// Whether a line is a list marker alone: `-`, `*`, `+` or `1.`, with nothing after it.
fn is_bare_marker(line: &str) -> bool {
    matches!(line, "-" | "*" | "+")
        || line
            .strip_suffix(['.', ')'])
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// The case number a file's name gives, when it is named `case-6.md`, `Case 06.md` or
/// `case_6.md`: a number that disagrees with `case:` is most often a copied file.
pub(super) fn file_number(path: &str) -> Option<u32> {
    let name = path.rsplit('/').next()?;
    let stem = name.split('.').next()?.to_lowercase();
    let digits = stem
        .strip_prefix("case")?
        .trim_start_matches([' ', '-', '_']);
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
}

/// Groups blocks into sections at every heading, whatever its level: each point belongs
/// to the heading above it, and a heading nests in the nearest one above it of a lower
/// level (`###` under `##`), so that no output files a point under the wrong heading.
pub(crate) fn sections(blocks: Vec<Block>) -> Vec<Section> {
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
                    untranslated: false,
                });
            }
            other => match open.last_mut() {
                Some(section) => section.blocks.push(other),
                None => open.push(Section {
                    heading: None,
                    level: 0,
                    blocks: vec![other],
                    children: Vec::new(),
                    untranslated: false,
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
