use proptest::prelude::*;

use super::*;

fn decided(text: &str, phrase: &str) -> Option<(Option<Doubt>, String)> {
    find(text, phrase, "en").map(|f| (f.doubt, f.words))
}

fn doubted(doubt: Doubt, words: &str) -> Option<(Option<Doubt>, String)> {
    Some((Some(doubt), words.to_string()))
}

#[test]
fn the_issue_s_examples_are_each_in_doubt() {
    assert_eq!(
        decided("the file was incomplete.", "complete"),
        doubted(Doubt::InsideWord, "incomplete")
    );
    assert_eq!(
        decided("officers were non-compliant", "compliant"),
        doubted(Doubt::Prefix("non"), "non-compliant")
    );
    assert_eq!(
        decided("he was not compliant", "compliant"),
        doubted(Doubt::Negation("not".into()), "not compliant")
    );
    assert_eq!(
        decided("good de-escalating words", "escalat"),
        doubted(Doubt::Prefix("de"), "de-escalating")
    );
}

#[test]
fn one_word_of_manner_may_stand_between_a_negation_and_its_phrase() {
    assert_eq!(
        decided("checklist had not been completed", "completed"),
        doubted(Doubt::Negation("not".into()), "not been completed")
    );
    assert_eq!(
        decided("it wasn't fully compliant", "compliant"),
        doubted(Doubt::Negation("wasn't".into()), "wasn't fully compliant")
    );
    assert_eq!(
        decided("(never properly recorded)", "recorded"),
        doubted(Doubt::Negation("never".into()), "never properly recorded")
    );
    assert_eq!(
        decided("not always fully compliant", "compliant")
            .unwrap()
            .0,
        None,
        "two words between are too far to be sure"
    );
}

#[test]
fn a_phrase_standing_as_itself_is_not_in_doubt() {
    for (text, phrase) in [
        ("it was complete.", "complete"),
        ("it was completed", "complete"),
        ("escalated quickly", "escalat"),
        ("well-documented", "documented"),
        ("no. compliant from then on", "compliant"),
        ("not, as it happens, relevant; compliant", "compliant"),
        ("incomplete at first, complete later", "complete"),
        ("the cousin's own", "own"),
        ("notably compliant", "compliant"),
        ("(s) was given", "(s)"),
        ("a non-crime incident", "non-crime"),
    ] {
        assert_eq!(decided(text, phrase).unwrap().0, None, "{phrase} in {text}");
    }
    assert_eq!(
        decided("at o'clock", "clock").unwrap().0,
        Some(Doubt::InsideWord)
    );
    assert_eq!(decided("complete", "missing"), None);
    assert_eq!(decided("anything", ""), None);
}

#[test]
fn welsh_negations_count_only_in_welsh() {
    let text = "roedd y swyddog heb gydymffurfio";
    assert_eq!(find(text, "gydymffurfio", "en").unwrap().doubt, None);
    assert_eq!(
        find(text, "gydymffurfio", "cy").unwrap().doubt,
        Some(Doubt::Negation("heb".into()))
    );
    assert_eq!(
        find("nid cyflawn", "cyflawn", "cy").unwrap().words,
        "nid cyflawn"
    );
}

/// How a phrase is written into a point in the property below, and what it must decide.
#[derive(Debug, Clone)]
enum Context {
    Alone,
    InsideWord(String),
    Prefix(&'static str),
    Negation(String, Option<&'static str>),
    /// A negation with a mark between, or two words of manner: not a negation of it.
    Broken(String, &'static str),
}

fn context() -> impl Strategy<Value = Context> {
    let negation = prop_oneof![
        proptest::sample::select(&NEGATIONS[..]).prop_map(str::to_string),
        "[p-z]{1,4}".prop_map(|w| format!("{w}n't")),
    ];
    prop_oneof![
        Just(Context::Alone),
        "[p-z]{1,3}".prop_map(Context::InsideWord),
        proptest::sample::select(&PREFIXES[..]).prop_map(Context::Prefix),
        (
            negation.clone(),
            proptest::option::of(proptest::sample::select(&SKIPPED[..]))
        )
            .prop_map(|(n, s)| Context::Negation(n, s)),
        (
            negation,
            proptest::sample::select(&[", ", ". ", " always fully ", "; "][..])
        )
            .prop_map(|(n, s)| Context::Broken(n, s)),
    ]
}

proptest! {
    // Filler words use only p to z, so they hold no phrase (a to m, five letters or more),
    // no negation, no word of manner and no prefix; what is decided is what was written.
    #[test]
    fn a_match_is_decided_by_what_is_just_before_it(
        lead in proptest::collection::vec("[p-z]{1,6}", 0..4),
        phrase in "[a-m]{5,8}",
        ending in "[a-z]{0,3}",
        tail in proptest::collection::vec("[p-z]{1,6}", 0..4),
        context in context(),
        also_alone in any::<bool>(),
    ) {
        let before = match &context {
            Context::Alone => String::new(),
            Context::InsideWord(start) => start.clone(),
            Context::Prefix(prefix) => format!("{prefix}-"),
            Context::Negation(word, skipped) => match skipped {
                Some(s) => format!("{word} {s} "),
                None => format!("{word} "),
            },
            Context::Broken(word, between) => format!("{word}{between}"),
        };
        let mut text = lead.join(" ");
        if !text.is_empty() {
            text.push(' ');
        }
        text += &format!("{before}{phrase}{ending}");
        for word in &tail {
            text += &format!(" {word}");
        }
        if also_alone {
            text += &format!(" and {phrase}");
        }
        let found = find(&text, &phrase, "en");
        prop_assert!(found.is_some(), "a match is never dropped: {text}");
        let found = found.unwrap();
        let expected = match (&context, also_alone) {
            (_, true) | (Context::Alone | Context::Broken(..), _) => None,
            (Context::InsideWord(_), _) => Some(Doubt::InsideWord),
            (Context::Prefix(p), _) => Some(Doubt::Prefix(p)),
            (Context::Negation(word, _), _) => Some(Doubt::Negation(word.clone())),
        };
        let in_doubt = expected.is_some();
        prop_assert_eq!(found.doubt, expected, "{}", text);
        if in_doubt {
            prop_assert_eq!(found.words, format!("{before}{phrase}{ending}"), "{}", text);
        }
    }

    #[test]
    fn a_phrase_is_found_exactly_when_the_point_holds_it(
        text in "[a-z' .,()-]{0,40}",
        phrase in "[a-z' -]{0,6}",
        welsh in any::<bool>(),
    ) {
        let language = if welsh { "cy" } else { "en" };
        prop_assert_eq!(
            find(&text, &phrase, language).is_some(),
            !phrase.is_empty() && text.contains(&phrase)
        );
    }
}
