//! Section 3.3's tables as the template sees them: the report's judgement scale, then
//! one table per case type judged on a scale of its own, each with its chart, caption
//! and rows worked out over its own cases. The report's table keeps its old variables
//! too (`judgements`, `unjudged_view` …), which a panel's own template may use.

use serde::Serialize;

use super::records::{CountView, share, shown};
use crate::catalogue::fill;
use crate::view::{CaseNames, Count, View};

/// Height of one bar of a chart, in SVG units.
pub(super) const BAR_ROW: usize = 28;

/// One judgement table with its chart.
#[derive(Serialize)]
pub(super) struct JudgementTable<'a> {
    /// The type's label over its table; `None` for the report's scale.
    pub(super) heading: Option<&'a str>,
    pub(super) heading_lang: Option<&'a str>,
    /// The type's id, for the heading's anchor.
    pub(super) kind: Option<&'a str>,
    /// `judgement-chart-title`, or with the type's id after it.
    pub(super) title_id: String,
    pub(super) chart_title: String,
    pub(super) chart_caption: String,
    pub(super) caption: String,
    pub(super) rows: Vec<CountView<'a>>,
    pub(super) chart_height: usize,
    /// The cases without a judgement in words, or nothing when there are none.
    pub(super) unjudged: String,
    pub(super) unjudged_view: CountView<'a>,
}

/// A count as a row of a table and a bar of its chart, over `total` cases.
pub(super) fn count_view<'a>(
    names: &CaseNames<'_>,
    total: usize,
    row: usize,
    c: &Count<'a>,
) -> CountView<'a> {
    CountView {
        bar_width: super::view::chart_units(c.bar(total)),
        value_x: 446.0 + super::view::chart_units(c.bar(total)),
        y: row * BAR_ROW,
        label: c.label.to_string(),
        lang: c.lang,
        count: shown(&c.figure),
        share: share(c.share),
        cases: names.list(c.listed),
        cases_html: super::view::case_links(names, c.listed),
        fill: c.colour.map(|s| format!("#{}", s.fill_hex())),
        ink: c.colour.map(|s| format!("#{}", s.ink_hex())),
    }
}

/// The report's table, when shown, then each type's.
pub(super) fn tables<'a>(view: &View<'a>) -> Vec<JudgementTable<'a>> {
    let l = view.labels;
    let mut tables = Vec::new();
    if view.shows_report_scale() {
        let mut table = table(view, &view.judgements, &view.unjudged, view.judged);
        table.title_id = "judgement-chart-title".to_string();
        table.caption.clone_from(&l.judgements_caption);
        tables.push(table);
    }
    for scale in &view.type_scales {
        let mut table = table(view, &scale.judgements, &scale.unjudged, scale.total);
        table.heading = Some(scale.label.text);
        table.heading_lang = scale.label.lang;
        table.kind = Some(scale.kind);
        table.title_id = format!("judgement-chart-title-{}", scale.kind);
        table.chart_title = format!("{}: {}", scale.label.text, table.chart_title);
        table.chart_caption = format!("{}: {}", scale.label.text, table.chart_caption);
        table.caption = scale.caption(&l.judgements_caption);
        tables.push(table);
    }
    tables
}

fn table<'a>(
    view: &View<'a>,
    counts: &[Count<'a>],
    unjudged: &Count<'a>,
    total: usize,
) -> JudgementTable<'a> {
    let names = &view.names;
    let l = view.labels;
    let total_text = total.to_string();
    let with_total = |template: &str| fill(template, &[("total", &total_text)]);
    JudgementTable {
        heading: None,
        heading_lang: None,
        kind: None,
        title_id: String::new(),
        chart_title: with_total(&l.judgement_chart_title),
        chart_caption: with_total(&l.judgement_chart_caption),
        caption: String::new(),
        rows: counts
            .iter()
            .enumerate()
            .map(|(row, c)| count_view(names, total, row, c))
            .collect(),
        chart_height: counts.len() * BAR_ROW,
        // Only whether there are any, when their number is suppressed.
        unjudged: match unjudged.listed {
            [] if unjudged.any() => unjudged.figure.to_string(),
            listed => names.list(listed),
        },
        unjudged_view: count_view(names, total, counts.len(), unjudged),
    }
}
