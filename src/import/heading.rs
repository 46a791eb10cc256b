//! The forms a case's heading takes in the reports panels write: "Case N" with anything
//! around it, a numbered or ordinal clip, video, file, review or incident, a crime
//! reference opening the line, and a panel's own form given as `--case-heading REGEX`.
//!
//! The forms are one table, so that recognising a heading and telling a user which forms
//! were looked for, when none was found, cannot drift apart. Whether a line that has a
//! form is a heading where it stands (its length, its full stop, the points after it) is
//! the recogniser's to decide, with [`shaped`].

use std::sync::LazyLock;

use regex::{Captures, Regex};

/// What a case heading says: its number (none for a reference or a panel's own form
/// without one), its title, the case type before "Case" ("S&S") and a crime reference.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaseHeading {
    pub number: Option<u32>,
    pub title: Option<String>,
    pub prefix: Option<String>,
    pub crime_ref: Option<String>,
}

/// The forms import looks for, in words, for the message that none was found.
pub const FORMS: [&str; 4] = [
    "\"Case N\" with anything before or after it (\"S&S Case 3 – …\", \"Case 3 (S&S) - …\", \"Case 12: …\")",
    "\"Clip N\", \"Video N\", \"File N\", \"Review N\" or \"Incident N\", N in figures or words (\"Video one:\"), or an ordinal (\"First video:\")",
    "a crime or case reference opening the line (\"K15439/2009 (…)\", \"42/123456/24\")",
    "a Markdown or Word heading at the level of the cases under a \"Cases\" section, or a table with one case per row keyed by a date or a reference",
];

/// The most words a line of text may have and still be a heading.
pub const HEADING_WORDS: usize = 40;

/// The longest title, in words, a heading ending in a full stop may have; a longer one is
/// a sentence that happens to begin with "Case 11.".
const STOPPED_TITLE_WORDS: usize = 12;

const NUMBER_WORDS: [&str; 20] = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];

const ORDINALS: [&str; 20] = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
];

/// What may follow a heading's number: a type in brackets, then a separator and a title.
const AFTER_NUMBER: &str = r"\s*(?:\((?P<paren>[^()]*)\)\s*)?(?:[:.\-–—]\s*(?P<title>.*?))?\s*$";

static CASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:(?P<prefix>\S.{{0,40}}?)\s+)??case\s+(?:no\.?\s*|number\s+)?(?P<number>\d{{1,6}}){AFTER_NUMBER}"
    ))
    .expect("a valid pattern")
});

static ITEM: LazyLock<Regex> = LazyLock::new(|| {
    let kinds = "clip|video|file|review|incident|viewing";
    Regex::new(&format!(
        r"(?i)^(?:(?P<ordinal>{})\s+(?:{kinds}|case)|(?:{kinds})\s+(?:no\.?\s*|number\s+)?(?P<number>\d{{1,6}}|{}))\b{AFTER_NUMBER}",
        ORDINALS.join("|"),
        NUMBER_WORDS.join("|"),
    ))
    .expect("a valid pattern")
});

static REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<reference>[A-Za-z]{0,4}\d+[A-Za-z]?(?:/[A-Za-z]{0,4}\d+[A-Za-z]?)+)(?P<rest>(?:[\s:.,(\-–—].*)?)$")
        .expect("a valid pattern")
});

static SLASHED_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{1,2}/\d{1,2}/(?:\d{2}|\d{4})$").expect("a valid pattern"));

/// The forms import recognises: the built-in ones and, if given, the panel's own.
#[derive(Debug, Clone, Default)]
pub struct Forms {
    custom: Option<Regex>,
}

impl Forms {
    /// The built-in forms and `custom`, a panel's own (`--case-heading`). Its named groups
    /// `number` and `title`, where it has them, give the case's number and title; without
    /// a `title` group the title is the line's words after the match.
    pub fn new(custom: Option<Regex>) -> Self {
        Forms { custom }
    }

    /// What `text`, a heading's or a line's words as shown, says as a case heading, when
    /// it has one of the forms.
    pub fn heading(&self, text: &str) -> Option<CaseHeading> {
        let plain = super::unescape(text);
        let plain = plain.trim();
        if let Some(custom) = &self.custom
            && let Some(found) = custom_heading(custom, plain)
        {
            return Some(found);
        }
        case(plain)
            .or_else(|| item(plain))
            .or_else(|| reference(plain))
    }
}

/// Whether a line of text, not a heading the source marks, is shaped like a heading: at
/// most [`HEADING_WORDS`] words and no closing full stop, unless its title is short.
pub fn shaped(text: &str, found: &CaseHeading) -> bool {
    let plain = super::unescape(text);
    let plain = plain.trim();
    if plain.split_whitespace().count() > HEADING_WORDS {
        return false;
    }
    let stopped = plain.ends_with('.') && !plain.ends_with("..");
    !stopped
        || found
            .title
            .as_ref()
            .is_none_or(|t| t.split_whitespace().count() <= STOPPED_TITLE_WORDS)
}

fn case(text: &str) -> Option<CaseHeading> {
    let found = CASE.captures(text)?;
    let number: u32 = found["number"].parse().ok().filter(|&n| n > 0)?;
    let prefix = found.name("prefix").map(|p| p.as_str().trim().to_string());
    if prefix.as_deref().is_some_and(|p| !a_case_type(p)) {
        return None;
    }
    Some(titled(Some(number), prefix, &found))
}

/// A case type written before "Case": a few words, each beginning with a capital or a
/// figure ("S&S", "UOF", "Hate Crime"), so that "as in case 3" is not a heading.
fn a_case_type(words: &str) -> bool {
    let words: Vec<&str> = words.split_whitespace().collect();
    words.len() <= 4
        && words.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
}

fn item(text: &str) -> Option<CaseHeading> {
    let found = ITEM.captures(text)?;
    let number = match (found.name("ordinal"), found.name("number")) {
        (Some(ordinal), _) => position(&ORDINALS, ordinal.as_str()),
        (None, Some(number)) => number_of(number.as_str()),
        (None, None) => None,
    }?;
    Some(titled(Some(number), None, &found))
}

/// A heading's title and type from what follows its number: "(S&S) - Title" is a type
/// and a title; "(Harassment)" alone is the title.
fn titled(number: Option<u32>, prefix: Option<String>, found: &Captures) -> CaseHeading {
    let paren = found
        .name("paren")
        .map(|p| p.as_str().trim().to_string())
        .filter(|p| !p.is_empty());
    let title = found
        .name("title")
        .map(|t| t.as_str().trim().to_string())
        .filter(|t| !t.is_empty());
    let (prefix, title) = match (prefix, paren, title) {
        (None, Some(paren), Some(title)) => (Some(paren), Some(title)),
        (prefix, Some(paren), Some(title)) => (prefix, Some(format!("({paren}) {title}"))),
        (prefix, paren, title) => (prefix, title.or(paren)),
    };
    CaseHeading {
        number,
        title,
        prefix,
        crime_ref: None,
    }
}

fn reference(text: &str) -> Option<CaseHeading> {
    let found = REFERENCE.captures(text)?;
    let reference = &found["reference"];
    let digits = reference.chars().filter(char::is_ascii_digit).count();
    if digits < 5 || SLASHED_DATE.is_match(reference) {
        return None;
    }
    let rest = found["rest"].trim();
    let rest = rest
        .trim_start_matches([':', '.', ',', '-', '–', '—'])
        .trim();
    let rest = match rest.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        Some(inner) if !inner.contains(['(', ')']) => inner.trim(),
        _ => rest,
    };
    Some(CaseHeading {
        number: None,
        title: (!rest.is_empty()).then(|| rest.to_string()),
        prefix: None,
        crime_ref: Some(reference.to_string()),
    })
}

/// The reference `text` is, when it is one and nothing else ("K15439/2009").
pub fn reference_of(text: &str) -> Option<String> {
    reference(text)
        .filter(|found| found.title.is_none())
        .and_then(|found| found.crime_ref)
}

fn custom_heading(custom: &Regex, text: &str) -> Option<CaseHeading> {
    let found = custom.captures(text)?;
    let whole = found.get(0)?;
    let number = found
        .name("number")
        .and_then(|n| number_of(n.as_str().trim()))
        .filter(|&n| n > 0);
    let title = match found.name("title") {
        Some(title) => title.as_str(),
        None => text[whole.end()..].trim_start_matches([' ', '\t', ':', '.', '-', '–', '—']),
    };
    let title = title.trim();
    Some(CaseHeading {
        number,
        title: (!title.is_empty()).then(|| title.to_string()),
        prefix: None,
        crime_ref: None,
    })
}

/// A number in figures or words ("12", "one", "Twelve").
fn number_of(text: &str) -> Option<u32> {
    text.parse().ok().or_else(|| position(&NUMBER_WORDS, text))
}

fn position(words: &[&str], word: &str) -> Option<u32> {
    let word = word.to_lowercase();
    let at = words.iter().position(|w| *w == word)?;
    u32::try_from(at + 1).ok()
}

/// How much a line that is not a case heading looks like one, to quote the closest when
/// none was found: a heading of its own, a number, few words, no full stop, a separator.
pub fn likeness(text: &str, marked_heading: bool, before_points: bool) -> usize {
    let plain = super::unescape(text);
    let plain = plain.trim();
    let words = plain.split_whitespace().count();
    let lower = plain.to_lowercase();
    let mut score = 0;
    if marked_heading {
        score += 3;
    }
    if before_points {
        score += 2;
    }
    if plain.chars().any(|c| c.is_ascii_digit())
        || lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| NUMBER_WORDS.contains(&w) || ORDINALS.contains(&w))
    {
        score += 2;
    }
    if words <= 12 {
        score += 1;
    }
    if !plain.ends_with('.') {
        score += 1;
    }
    if plain.ends_with(':')
        || [" – ", " - ", " — ", ": "]
            .iter()
            .any(|s| plain.contains(s))
    {
        score += 1;
    }
    score
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn heading(text: &str) -> Option<CaseHeading> {
        Forms::default().heading(text)
    }

    fn numbered(number: u32, title: Option<&str>, prefix: Option<&str>) -> Option<CaseHeading> {
        Some(CaseHeading {
            number: Some(number),
            title: title.map(str::to_string),
            prefix: prefix.map(str::to_string),
            crime_ref: None,
        })
    }

    #[test]
    fn case_n_is_read_with_any_type_before_it_and_any_title_after_it() {
        assert_eq!(heading("Case 6"), numbered(6, None, None));
        assert_eq!(
            heading("Case 6 – Public order offence"),
            numbered(6, Some("Public order offence"), None)
        );
        assert_eq!(
            heading("S&S Case 3 – Search of a car"),
            numbered(3, Some("Search of a car"), Some("S&S"))
        );
        assert_eq!(
            heading(r"S\&S Case 1 - x"),
            numbered(1, Some("x"), Some("S&S"))
        );
        assert_eq!(
            heading("Case 3 (S&S) - Stop in the park"),
            numbered(3, Some("Stop in the park"), Some("S&S"))
        );
        assert_eq!(
            heading("Case 8 (Harassment)"),
            numbered(8, Some("Harassment"), None)
        );
        assert_eq!(heading("Case 12:"), numbered(12, None, None));
        assert_eq!(heading("case no. 4"), numbered(4, None, None));
        assert_eq!(heading("as in case 3"), None);
        assert_eq!(heading("Case 3 and Case 5 were alike"), None);
        assert_eq!(heading("Case 0"), None);
    }

    #[test]
    fn clips_videos_files_reviews_and_incidents_are_numbered_in_figures_words_or_ordinals() {
        assert_eq!(heading("Clip 1"), numbered(1, None, None));
        assert_eq!(
            heading("Video one: Stop on the High Street"),
            numbered(1, Some("Stop on the High Street"), None)
        );
        assert_eq!(
            heading("First video: Two men in a car"),
            numbered(1, Some("Two men in a car"), None)
        );
        assert_eq!(heading("Third clip:"), numbered(3, None, None));
        assert_eq!(
            heading("Incident 12 - Assault"),
            numbered(12, Some("Assault"), None)
        );
        assert_eq!(heading("File Twelve"), numbered(12, None, None));
        assert_eq!(heading("Review 2"), numbered(2, None, None));
        assert_eq!(heading("Video one was not available"), None);
        assert_eq!(heading("First we met"), None);
    }

    #[test]
    fn a_reference_opening_the_line_is_the_crime_reference_never_the_title() {
        assert_eq!(
            heading("K15439/2009 (Racially aggravated assault)"),
            Some(CaseHeading {
                number: None,
                title: Some("Racially aggravated assault".into()),
                prefix: None,
                crime_ref: Some("K15439/2009".into()),
            })
        );
        assert_eq!(
            heading("42/123456/24").and_then(|h| h.crime_ref),
            Some("42/123456/24".into())
        );
        assert_eq!(heading("12/03/2023 (a date)"), None);
        assert_eq!(heading("1/2 of the cases"), None);
    }

    #[test]
    fn a_panels_own_form_gives_its_number_and_title() {
        let forms = Forms::new(Some(Regex::new(r"^Search (?P<number>\d+)").unwrap()));
        assert_eq!(
            forms.heading("Search 4 – Vehicle on the A48"),
            numbered(4, Some("Vehicle on the A48"), None)
        );
        let forms = Forms::new(Some(Regex::new(r"^Complainant [A-Z]\b").unwrap()));
        assert_eq!(
            forms
                .heading("Complainant B: delay in reply")
                .map(|h| h.title),
            Some(Some("delay in reply".into()))
        );
        assert_eq!(forms.heading("Case 2"), numbered(2, None, None));
    }

    #[test]
    fn a_long_title_is_a_heading_unless_it_ends_as_a_sentence() {
        let long = "Case 3 – Stop and search of a young man on the high street late at night by two officers";
        let found = heading(long).unwrap();
        assert!(shaped(long, &found));
        let sentence = "Case 2. In this instance, a sentence that only begins like a heading would, and goes on.";
        assert!(!shaped(sentence, &heading(sentence).unwrap()));
        assert!(shaped(
            "Case 6 – Theft.",
            &heading("Case 6 – Theft.").unwrap()
        ));
    }

    #[test]
    fn the_closest_lines_look_like_headings() {
        assert!(likeness("Stop 3 – car", false, true) > likeness("We met in June.", false, false));
    }

    proptest! {
        #[test]
        fn any_case_heading_gives_back_its_number_and_title(
            number in 1u32..100_000,
            prefix in prop::sample::select(vec!["", "S&S ", "UOF ", "Hate Crime "]),
            separator in prop::sample::select(vec![" – ", " - ", ": ", ". ", " — "]),
            title in "[A-Za-z][A-Za-z ,']{0,60}[A-Za-z]",
        ) {
            let found = heading(&format!("{prefix}Case {number}{separator}{title}")).unwrap();
            prop_assert_eq!(found.number, Some(number));
            prop_assert_eq!(found.title.as_deref(), Some(title.trim()));
            prop_assert_eq!(found.prefix.as_deref(), Some(prefix.trim()).filter(|p| !p.is_empty()));
        }

        #[test]
        fn no_line_makes_the_forms_panic(text in "\\PC{0,80}") {
            let _ = heading(&text);
            let _ = likeness(&text, false, false);
        }
    }
}
