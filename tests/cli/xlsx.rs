//! report.xlsx: read back with openpyxl as a spreadsheet program reads it, checked against
//! the OOXML schema with openxml-audit, and opened by LibreOffice. Without those
//! programs the checks are skipped with a note, and fail under CI (see tools.rs).

use std::fs;
use std::path::Path;
use std::process::Command;

use super::tools::{require, require_openpyxl, violations};
use super::{fixture, s};

/// What openpyxl sees in each sheet: its name, size, frozen cell, filter, header row,
/// and every row's values.
const READ_BACK: &str = r#"
import json, sys
import openpyxl
book = openpyxl.load_workbook(sys.argv[1])
sheets = []
for sheet in book.worksheets:
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    formats = [[cell.number_format for cell in row] for row in sheet.iter_rows(min_row=2)]
    widths = {k: v.width for k, v in sheet.column_dimensions.items()}
    sheets.append({
        "name": sheet.title,
        "rows": rows,
        "formats": formats,
        "freeze": sheet.freeze_panes,
        "filter": sheet.auto_filter.ref,
        "widths": widths,
    })
print(json.dumps({"sheets": sheets, "title": book.properties.title,
                  "created": str(book.properties.created)}, default=str))
"#;

pub(super) fn read_back(xlsx: &Path) -> serde_json::Value {
    let output = Command::new("python3")
        .args(["-c", READ_BACK])
        .arg(xlsx)
        .output()
        .expect("python3 runs");
    assert!(
        output.status.success(),
        "openpyxl could not read report.xlsx: {output:?}"
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

/// The rows of the workbook's sheet `name`, as openpyxl reads them back.
pub(super) fn sheet_rows(xlsx: &Path, name: &str) -> Vec<serde_json::Value> {
    let book = read_back(xlsx);
    let sheet = book["sheets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == name)
        .unwrap_or_else(|| panic!("no {name} sheet"));
    sheet["rows"].as_array().unwrap().clone()
}

fn build(folder: &Path) -> tempfile::TempDir {
    super::build_formats(folder, "xlsx,json")
}

#[test]
fn the_workbook_has_the_sheets_counts_and_frozen_headers_of_the_report() {
    let out = build(&fixture("good/every-key"));
    let xlsx = out.path().join("report.xlsx");
    if let Some(found) = violations(&xlsx) {
        assert!(found.is_empty(), "openxml-audit: {found:?}");
    }
    if !require_openpyxl() {
        return;
    }
    let book = read_back(&xlsx);
    let json: serde_json::Value =
        serde_json::from_slice(&fs::read(out.path().join("report.json")).unwrap()).unwrap();
    let sheets = book["sheets"].as_array().unwrap();
    let names: Vec<&str> = sheets.iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        [
            "Themes",
            "Cases",
            "Evidence",
            "Checks",
            "Observations",
            "Breakdowns"
        ]
    );
    assert_eq!(book["title"], json["title"]);
    assert!(
        book["created"].as_str().unwrap().starts_with("2024-05-14"),
        "{}",
        book["created"]
    );
    for sheet in sheets {
        assert_eq!(
            sheet["freeze"], "A2",
            "{} has no frozen header row",
            sheet["name"]
        );
        let filter = sheet["filter"].as_str().unwrap_or_default();
        assert!(
            filter.starts_with("A1:"),
            "{} has no filter: {filter}",
            sheet["name"]
        );
        assert!(
            !sheet["widths"].as_object().unwrap().is_empty(),
            "{}",
            sheet["name"]
        );
    }
    let rows = |i: usize| sheets[i]["rows"].as_array().unwrap();

    // Themes: as themes.csv, with numbers stored as numbers and shares as percentages.
    let themes = json["themes"].as_array().unwrap();
    assert_eq!(rows(0).len(), themes.len() + 1);
    for (row, theme) in rows(0)[1..].iter().zip(themes) {
        assert_eq!(row[0], theme["id"]);
        assert_eq!(row[1], theme["label"]);
        assert_eq!(row[2], theme["count"]);
        assert_eq!(row[6], theme["points"]);
        let share = row[3].as_f64().unwrap();
        assert!((share - theme["share"].as_f64().unwrap()).abs() < 0.001);
    }
    assert!(sheets[0]["formats"].as_array().unwrap()[0][3] == "0%");

    // Cases: one row per case, its number a number, a column per theme.
    let cases = json["cases"].as_array().unwrap();
    assert_eq!(rows(1).len(), cases.len() + 1);
    let header = rows(1)[0].as_array().unwrap();
    for theme in themes {
        let column = header
            .iter()
            .position(|h| *h == theme["label"])
            .unwrap_or_else(|| panic!("no column for {}", theme["label"]));
        let marked = rows(1)[1..]
            .iter()
            .filter(|row| row[column].is_string())
            .count();
        assert_eq!(
            marked as u64,
            theme["count"].as_u64().unwrap(),
            "{}",
            theme["label"]
        );
    }
    for (row, case) in rows(1)[1..].iter().zip(cases) {
        assert_eq!(row[0], case["case"]);
    }
    let minutes = header.iter().position(|h| h == "Minutes detained").unwrap();
    assert!(
        rows(1)[1][minutes].is_number(),
        "a number field is stored as text"
    );

    // Evidence: one row per piece of evidence behind each theme.
    let evidence: usize = themes
        .iter()
        .map(|t| t["evidence"].as_array().unwrap().len())
        .sum();
    assert_eq!(rows(2).len(), evidence + 1);
    // Checks and observations.
    assert!(rows(3).len() > 1);
    let observations = json["observations"].as_array().unwrap();
    assert_eq!(rows(4).len(), observations.len() + 1);
    assert_eq!(rows(4)[1][0], observations[0]["number"]);

    // Breakdowns: one row per field, value and theme, every case first, as report.json.
    let mut expected = vec![serde_json::json!([
        "Field", "Value", "Theme id", "Theme", "Cases"
    ])];
    for table in json["breakdowns"].as_array().unwrap() {
        let field = match table["field"].as_str().unwrap() {
            "outcome" => "Outcome",
            "judgement" => "Panel judgement",
            other => panic!("unexpected field {other}"),
        };
        let label = |value: &str| match value {
            "green" => "Grounds clearly recorded".to_string(),
            "amber" => "Grounds partly recorded".to_string(),
            "red" => "Grounds not recorded".to_string(),
            _ => value.to_string(),
        };
        let values = table["values"].as_array().unwrap();
        for v in values {
            let v = v.as_str().unwrap();
            expected.push(serde_json::json!([
                field,
                label(v),
                null,
                "All cases",
                table["all"][v]
            ]));
        }
        for row in table["rows"].as_array().unwrap() {
            let id = row["theme"].as_str().unwrap();
            let theme = themes.iter().find(|t| t["id"] == id).unwrap();
            for v in values {
                let v = v.as_str().unwrap();
                expected.push(serde_json::json!([
                    field,
                    label(v),
                    id,
                    theme["label"],
                    row["counts"][v]
                ]));
            }
        }
    }
    assert_eq!(rows(5), &expected);
}

#[test]
fn libreoffice_opens_the_workbook() {
    if !require("soffice") {
        return;
    }
    let out = build(&fixture("good/small"));
    let work = tempfile::tempdir().unwrap();
    let profile = format!("-env:UserInstallation=file://{}/profile", s(work.path()));
    let converted = Command::new("soffice")
        .args([
            profile.as_str(),
            "--headless",
            "--convert-to",
            "csv",
            "--outdir",
            s(work.path()),
            s(&out.path().join("report.xlsx")),
        ])
        .output()
        .expect("soffice runs");
    let csv = fs::read_to_string(work.path().join("report.csv")).unwrap_or_else(|_| {
        panic!("LibreOffice could not open report.xlsx: {converted:?}");
    });
    // The first sheet, Themes, as LibreOffice reads it.
    assert!(
        csv.starts_with("Theme id,Theme,Cases,Share of cases"),
        "{csv}"
    );
    let row = csv
        .lines()
        .find(|l| l.starts_with("late-hcso-contact,"))
        .unwrap_or_else(|| panic!("no row for late-hcso-contact:\n{csv}"));
    // LibreOffice writes the share as it shows it, a percentage.
    assert!(
        row.starts_with("late-hcso-contact,HCSO contact not made within 48 hours,2,66")
            && row.contains('%'),
        "{row}"
    );
}
