//! Breakdowns that follow the case types: a field only some types carry is counted over
//! the cases of those types, so a use of force is never "not given" an object of the
//! search, and a type judged on a scale of its own has its judgements as columns of
//! their own beside the report's.

use super::sample::visible_text;
use super::type_judgements::with_own_scale;

/// Searches carry the object of the search, uses of force no declared field; a
/// breakdown by both the object and the judgement.
fn with_breakdowns() -> super::builder::Report {
    let t = with_own_scale();
    let yaml = t
        .read("report.yaml")
        .replace(
            "    checks: [grounds, gowisely, bwv_on]\n",
            "    checks: [grounds, gowisely, bwv_on]\n    fields: [object]\n",
        )
        .replace(
            "    checks: [force_justified, handcuffs_explained, bwv_on]\n",
            "    checks: [force_justified, handcuffs_explained, bwv_on]\n    fields: []\n",
        )
        + "fields:\n  object: {label: Object of the search}\nbreakdown: [object, judgement]\n";
    let first = t
        .read("cases/ss-01.md")
        .replace("judgement:", "object: stolen goods\njudgement:");
    let second = t
        .read("cases/ss-02.md")
        .replace("judgement:", "object: drugs\njudgement:");
    t.file("report.yaml", yaml)
        .file("cases/ss-01.md", first)
        .file("cases/ss-02.md", second)
}

#[test]
fn a_field_only_searches_carry_is_counted_over_the_searches_alone() {
    let t = with_breakdowns();
    let run = t.run(&["build", "--format", "json,html"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&t.read("output/report.json")).unwrap();
    let object = &json["breakdowns"][0];
    assert_eq!(object["field"], "object");
    // The third search gives none; the two uses of force are not counted at all.
    assert_eq!(
        object["all"],
        serde_json::json!({"stolen goods": 1, "drugs": 1, "(not given)": 1})
    );
}

#[test]
fn a_breakdown_by_judgement_gives_a_type_s_own_judgements_columns_of_their_own() {
    let t = with_breakdowns();
    let run = t.run(&["build", "--format", "json,html"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&t.read("output/report.json")).unwrap();
    let judgement = &json["breakdowns"][1];
    assert_eq!(
        judgement["values"],
        serde_json::json!([
            "appropriate",
            "appropriate-with-observations",
            "inappropriate",
            "justified",
            "not-justified"
        ])
    );
    assert_eq!(judgement["all"]["not-justified"], 1);
    let page = visible_text(&t.read("output/report.html"));
    let table = &page[page.find("by panel judgement").unwrap()..];
    assert!(
        table.contains("Inappropriate Justified Not justified"),
        "{table}"
    );
}
