//! Problems found in a report folder, and how they are shown to the panel officer.
//!
//! Every stage of the pipeline reports into one [`Diagnostics`] collection rather than
//! stopping at the first problem, so that a single run lists everything that needs fixing.
//! A [`Diagnostic`] always names the file, line and column it is about, because the people
//! reading it edit case files by hand and need to go straight to the spot.

use std::fmt::Write as _;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

/// How serious a problem is: errors stop the build, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// A place in a file: 1-based line, 1-based column counted in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, serde::Serialize)]
pub struct Loc {
    pub line: usize,
    pub column: usize,
}

impl Loc {
    pub const START: Loc = Loc { line: 1, column: 1 };

    pub fn new(line: usize, column: usize) -> Self {
        Loc { line, column }
    }
}

/// The file a value was read from, by the path diagnostics name it with. Every value of
/// one file shares the one path, so a value can carry its file at the cost of a count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceId(std::sync::Arc<str>);

impl SourceId {
    pub fn new(path: &str) -> Self {
        SourceId(path.into())
    }

    pub fn path(&self) -> &str {
        &self.0
    }
}

impl From<&SourceId> for String {
    fn from(source: &SourceId) -> String {
        source.path().to_string()
    }
}

impl std::fmt::Display for SourceId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.path())
    }
}

/// One problem in the input, tied to a file and a place in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Path relative to the report folder, with `/` separators.
    pub file: String,
    pub loc: Loc,
    /// How many characters from `loc` the problem covers (at least one).
    pub width: usize,
    pub message: String,
    /// How to fix it, including any "did you mean" suggestion.
    pub hint: Option<String>,
    /// The text of the offending line, when the file could be read.
    pub source_line: Option<String>,
    /// What kind of problem this is, for problems a command treats specially.
    pub code: Option<&'static str>,
    /// The text the problem is about, for one found where only its line is known: once
    /// the line is read, the column is where this text is on it.
    pub at_text: Option<String>,
}

impl Diagnostic {
    pub fn error(file: impl Into<String>, loc: Loc, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, file.into(), loc, message.into())
    }

    pub fn warning(file: impl Into<String>, loc: Loc, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, file.into(), loc, message.into())
    }

    fn new(severity: Severity, file: String, loc: Loc, message: String) -> Self {
        Diagnostic {
            severity,
            file,
            loc,
            width: 1,
            message,
            hint: None,
            source_line: None,
            code: None,
            at_text: None,
        }
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn code(mut self, code: &'static str) -> Self {
        self.code = Some(code);
        self
    }

    pub fn width(mut self, width: usize) -> Self {
        self.width = width.max(1);
        self
    }

    /// Places the problem at `text` on its line once the line is read (see
    /// [`Diagnostics::attach_source`]); until then, and where the line does not hold it,
    /// it stays where it was given.
    pub fn at_text(mut self, text: impl Into<String>) -> Self {
        self.at_text = Some(text.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Renders the diagnostic as `file:line:column: error: message`, then the line it is
    /// about with a marker, then the hint.
    pub fn render(&self) -> String {
        let mut out = format!(
            "{}:{}:{}: {}: {}\n",
            self.file,
            self.loc.line,
            self.loc.column,
            self.severity.as_str(),
            self.message
        );
        let level = match self.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let mut group = Group::with_level(level.clone());
        if let Some(line) = &self.source_line {
            let start = byte_of_char(line, self.loc.column.saturating_sub(1));
            let end = byte_of_char(line, self.loc.column.saturating_sub(1) + self.width);
            let span = if start < end {
                start..end
            } else {
                line.len()..line.len()
            };
            group = group.element(
                Snippet::source(line.as_str())
                    .line_start(self.loc.line)
                    .annotation(AnnotationKind::Primary.span(span)),
            );
        }
        if let Some(hint) = &self.hint {
            group = group.element(Level::HELP.message(hint.as_str()));
        }
        if self.source_line.is_some() || self.hint.is_some() {
            let body = Renderer::plain().render(&[group]);
            for line in body.lines() {
                let _ = writeln!(out, "{line}");
            }
        }
        out
    }
}

fn byte_of_char(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(byte, _)| byte)
}

/// Every problem found in one run, in the order they were found.
#[derive(Debug, Default, PartialEq)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    pub fn error_count(&self) -> usize {
        self.items.iter().filter(|d| d.is_error()).count()
    }

    pub fn warning_count(&self) -> usize {
        self.items.len() - self.error_count()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The problems sorted by file and place, so output is stable however files were read.
    pub fn sorted(&self) -> Vec<&Diagnostic> {
        let mut items: Vec<&Diagnostic> = self.items.iter().collect();
        items.sort_by(|a, b| {
            (a.file.as_str(), a.loc, a.severity, &a.message).cmp(&(
                b.file.as_str(),
                b.loc,
                b.severity,
                &b.message,
            ))
        });
        items
    }

    /// Makes every warning with `code` an error, for commands that must refuse them.
    pub fn escalate(&mut self, code: &str) {
        for diagnostic in &mut self.items {
            if diagnostic.code == Some(code) {
                diagnostic.severity = Severity::Error;
            }
        }
    }

    /// Each diagnostic as `line:column message | hint`, in order: what tests compare.
    #[cfg(test)]
    pub fn brief(&self) -> Vec<String> {
        self.sorted()
            .iter()
            .map(|d| {
                let hint = d.hint.as_deref().unwrap_or_default();
                format!("{}:{} {} | {hint}", d.loc.line, d.loc.column, d.message)
            })
            .collect()
    }

    /// Adds the diagnostics of a folder below this one, at `base` (`2023-06`, or
    /// `../2023-03` for a sibling), keeping those `keep` accepts. A problem seen from
    /// several meetings, as one in the panel's shared files is, is kept once.
    pub fn absorb(&mut self, other: Diagnostics, base: &str, keep: impl Fn(&Diagnostic) -> bool) {
        for mut diagnostic in other.items.into_iter().filter(|d| keep(d)) {
            // Only a file above the folder can be shared with another folder.
            let shared = diagnostic.file.starts_with("../");
            diagnostic.file = crate::layout::join(base, &diagnostic.file);
            let seen = shared
                && self.items.iter().any(|d| {
                    d.file == diagnostic.file
                        && d.loc == diagnostic.loc
                        && d.message == diagnostic.message
                });
            if !seen {
                self.items.push(diagnostic);
            }
        }
    }

    /// [`Diagnostics::absorb`] of what rendering one file found: a problem every copy or
    /// version of a report meets in rendering, as a mistake in the panel's template is, is
    /// told once, not once for each file made from it.
    pub fn absorb_once(&mut self, other: Diagnostics, base: &str) {
        for mut diagnostic in other.items {
            diagnostic.file = crate::layout::join(base, &diagnostic.file);
            if !self.items.contains(&diagnostic) {
                self.items.push(diagnostic);
            }
        }
    }

    /// Removes and returns the problems `pick` accepts, in the order they were found, for
    /// a caller that puts several into one.
    pub fn take(&mut self, pick: impl Fn(&Diagnostic) -> bool) -> Vec<Diagnostic> {
        let (taken, kept) = std::mem::take(&mut self.items).into_iter().partition(pick);
        self.items = kept;
        taken
    }

    /// Fills in the source line of every diagnostic about `file` whose line is known.
    pub fn attach_source(&mut self, file: &str, text: &str) {
        // Most files have no problem, and a report has thousands of files.
        if !self
            .items
            .iter()
            .any(|d| d.file == file && d.source_line.is_none())
        {
            return;
        }
        let lines: Vec<&str> = text.lines().collect();
        for diagnostic in self.items.iter_mut().filter(|d| d.file == file) {
            if diagnostic.source_line.is_none()
                && let Some(line) = diagnostic
                    .loc
                    .line
                    .checked_sub(1)
                    .and_then(|i| lines.get(i))
            {
                if let Some(text) = &diagnostic.at_text
                    && let Some(column) = column_of(line, text)
                {
                    diagnostic.loc.column = column;
                    diagnostic.width = text.chars().count();
                }
                diagnostic.source_line = Some((*line).to_string());
            }
        }
    }
}

/// The column (from 1) where `text` starts on `line`, compared as phrases are: ignoring
/// case, with curly quotation marks as straight ones.
fn column_of(line: &str, text: &str) -> Option<usize> {
    let fold = |c: char| match c {
        '\u{2018}' | '\u{2019}' => '\'',
        '\u{201C}' | '\u{201D}' => '"',
        c => c.to_lowercase().next().unwrap_or(c),
    };
    let line: Vec<char> = line.chars().map(fold).collect();
    let text: Vec<char> = text.chars().map(fold).collect();
    if text.is_empty() {
        return None;
    }
    line.windows(text.len())
        .position(|w| w == text.as_slice())
        .map(|i| i + 1)
}

/// The closest of `candidates` to `word`, if any is close enough to be a likely typo, or
/// failing that one that `word` abbreviates (`s60` for `section-60`).
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let word = word.to_lowercase();
    let length = word.chars().count();
    candidates
        .into_iter()
        .filter_map(|c| {
            let candidate = c.to_lowercase();
            let most = (c.chars().count() / 3).max(2);
            let distance = if length >= 3 && candidate.starts_with(&word) {
                Some(1)
            } else if length.abs_diff(candidate.chars().count()) > most {
                // No edit distance is less than the difference in length, and every
                // custom field of every case is compared with the standard keys.
                None
            } else {
                Some(strsim::damerau_levenshtein(&word, &candidate)).filter(|d| *d <= most)
            };
            // An abbreviation is offered only when no slip of the keys is.
            let distance = distance.or_else(|| abbreviates(&word, &candidate).then_some(most + 1));
            distance.map(|distance| (distance, c))
        })
        .min_by_key(|(distance, c)| (*distance, *c))
        .map(|(_, c)| c)
}

/// Whether `word` is a short way of writing `candidate`, as officers write a power or a
/// section: the same figures, and the letters in order, the first starting a part of the
/// name (`s60` and `S.60` for `section-60`, `pace 1` for `pace-s1`). Only a word with
/// figures counts, as the figures make a guess from so few letters safe.
fn abbreviates(word: &str, candidate: &str) -> bool {
    let figures = |text: &str| -> String { text.chars().filter(char::is_ascii_digit).collect() };
    let wanted = figures(word);
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    let Some((&first, rest)) = letters.split_first() else {
        return false;
    };
    if wanted.is_empty() || wanted != figures(candidate) {
        return false;
    }
    let name: Vec<char> = candidate.chars().collect();
    (0..name.len()).any(|i| {
        let starts_part = i == 0 || !name[i - 1].is_alphanumeric();
        starts_part && name[i] == first && {
            let mut after = name[i + 1..].iter();
            rest.iter().all(|letter| after.any(|c| c == letter))
        }
    })
}

/// Most choices a hint lists; a report can define hundreds of themes, and a hint that
/// fills the screen hides the error it belongs to.
const LISTED: usize = 8;

/// `a`, `a and b`, `a, b and c`: every one of `items`, as a sentence lists them.
pub fn all_of<S: AsRef<str>>(items: &[S]) -> String {
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.as_ref().to_string(),
        Some((last, rest)) => {
            let rest: Vec<&str> = rest.iter().map(AsRef::as_ref).collect();
            format!("{} and {}", rest.join(", "), last.as_ref())
        }
    }
}

/// `a`, `a or b`, `a, b or c`: a list of choices for a hint, cut short after a few.
pub fn one_of<S: AsRef<str>>(choices: &[S]) -> String {
    if choices.len() > LISTED {
        let shown: Vec<String> = choices[..LISTED]
            .iter()
            .map(|c| format!("`{}`", c.as_ref()))
            .collect();
        return format!("{} or {} more", shown.join(", "), choices.len() - LISTED);
    }
    let quoted: Vec<String> = choices
        .iter()
        .map(|c| format!("`{}`", c.as_ref()))
        .collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {}", rest.join(", "), last),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_location_first_then_snippet_and_hint() {
        let mut d = Diagnostic::error("cases/a.md", Loc::new(3, 5), "bad answer")
            .width(5)
            .hint("write `yes`");
        d.source_line = Some("    maybe".into());
        let text = d.render();
        assert!(
            text.starts_with("cases/a.md:3:5: error: bad answer\n"),
            "{text}"
        );
        assert!(text.contains("maybe"), "{text}");
        assert!(text.contains("^^^^^"), "{text}");
        assert!(text.contains("help: write `yes`"), "{text}");
    }

    #[test]
    fn a_problem_about_some_text_is_placed_where_its_line_holds_it() {
        let mut all = Diagnostics::default();
        all.push(
            Diagnostic::warning("cases/a.md", Loc::new(2, 1), "doubt").at_text("didn't complete"),
        );
        all.push(Diagnostic::warning("cases/a.md", Loc::new(1, 1), "elsewhere").at_text("absent"));
        all.attach_source("cases/a.md", "- first\n- It DIDN\u{2019}T complete.\n");
        let placed: Vec<(Loc, usize)> = all.sorted().iter().map(|d| (d.loc, d.width)).collect();
        assert_eq!(placed, [(Loc::new(1, 1), 1), (Loc::new(2, 6), 15)]);
    }

    #[test]
    fn suggests_close_words_only() {
        let ids = ["late-hcso-contact", "mavis-low-risk"];
        assert_eq!(
            did_you_mean("late-hcso-contcat", ids),
            Some("late-hcso-contact")
        );
        assert_eq!(did_you_mean("something-else-entirely", ids), None);
        assert_eq!(did_you_mean("mavis", ids), Some("mavis-low-risk"));
    }

    #[test]
    fn suggests_what_a_short_form_with_figures_stands_for() {
        let powers = [
            "pace-s1",
            "misuse-of-drugs-s23",
            "firearms-s47",
            "section-60",
            "other",
        ];
        assert_eq!(did_you_mean("s60", powers), Some("section-60"));
        assert_eq!(did_you_mean("S.60", powers), Some("section-60"));
        assert_eq!(did_you_mean("pace 1", powers), Some("pace-s1"));
        assert_eq!(did_you_mean("s 23", powers), Some("misuse-of-drugs-s23"));
        // Other figures, letters out of order, or no letters at all: no guess.
        assert_eq!(did_you_mean("s61", powers), None);
        assert_eq!(did_you_mean("e60", powers), None);
        assert_eq!(did_you_mean("60", powers), None);
        assert_eq!(did_you_mean("ts60", powers), None);
        // A slip of the keys still wins over an abbreviation.
        assert_eq!(did_you_mean("firearms-s74", powers), Some("firearms-s47"));
    }

    /// The suggestion as it was made before words too far apart in length were passed
    /// over without measuring their distance.
    fn measured_every_time<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
        let word = word.to_lowercase();
        candidates
            .iter()
            .filter_map(|c| {
                let candidate = c.to_lowercase();
                let most = (c.chars().count() / 3).max(2);
                let distance = if word.chars().count() >= 3 && candidate.starts_with(&word) {
                    1
                } else {
                    strsim::damerau_levenshtein(&word, &candidate)
                };
                let distance = Some(distance)
                    .filter(|d| *d <= most)
                    .or_else(|| abbreviates(&word, &candidate).then_some(most + 1));
                distance.map(|d| (d, *c))
            })
            .min_by_key(|(distance, c)| (*distance, *c))
            .map(|(_, c)| c)
    }

    proptest::proptest! {
        #[test]
        fn passing_over_far_lengths_never_changes_the_suggestion(
            word in "[a-zA-Z0-9_İß -]{0,14}",
            candidates in proptest::collection::vec("[a-zA-Z0-9_İß-]{0,16}", 0..6),
        ) {
            let candidates: Vec<&str> = candidates.iter().map(String::as_str).collect();
            proptest::prop_assert_eq!(
                did_you_mean(&word, candidates.iter().copied()),
                measured_every_time(&word, &candidates)
            );
        }
    }

    #[test]
    fn lists_choices_in_prose() {
        assert_eq!(one_of(&["a"]), "`a`");
        assert_eq!(one_of(&["a", "b", "c"]), "`a`, `b` or `c`");
        let many: Vec<String> = (1..=20).map(|i| format!("t{i}")).collect();
        assert_eq!(
            one_of(&many),
            "`t1`, `t2`, `t3`, `t4`, `t5`, `t6`, `t7`, `t8` or 12 more"
        );
        assert_eq!(all_of::<&str>(&[]), "");
        assert_eq!(all_of(&["2023-03"]), "2023-03");
        assert_eq!(all_of(&["a", "b", "c"]), "a, b and c");
    }

    #[test]
    fn problems_taken_out_leave_the_rest_in_order() {
        let mut all = Diagnostics::default();
        for (file, message) in [("a", "one"), ("b", "two"), ("a", "three")] {
            all.push(Diagnostic::warning(file, Loc::START, message));
        }
        let taken = all.take(|d| d.file == "a");
        let messages = |d: &[&Diagnostic]| d.iter().map(|d| d.message.clone()).collect::<Vec<_>>();
        assert_eq!(
            messages(&taken.iter().collect::<Vec<_>>()),
            ["one", "three"]
        );
        assert_eq!(messages(&all.sorted()), ["two"]);
    }
}
