//! The list of a build's files, made once for every command that writes or serves them:
//! each format of a report in each of its languages, under its meeting's folder in an
//! archive, and the archive's own files beside the meetings.

use crate::Checked;
use crate::analyse::Analysis;
use crate::archive::Meeting;
use crate::audience::Copy;
use crate::layout;
use crate::load::TemplateFile;
use crate::model::Report;
use crate::render::trends::{self, TrendsSources};
use crate::render::{self, Format, Renderer, members};
use crate::view::View;
use crate::view::trends::TrendsView;

use super::Planned;

/// The files of `formats` of a checked report, under `meeting` (`""` for a report on its
/// own, or a meeting's id in an archive's output folder), in the order of `formats`. A
/// report with audiences is written as its `copies`, each in a folder named for its
/// audience; without them, as the report itself.
pub fn report<'a>(
    checked: &'a Checked,
    copies: &'a [Copy],
    formats: &[Format],
    meeting: &str,
) -> Vec<Planned<'a>> {
    if copies.is_empty() {
        let whole = (&checked.report, &checked.analysis);
        return version_files(checked, whole, formats, meeting, meeting);
    }
    copies
        .iter()
        .flat_map(|copy| {
            let folder = layout::join(meeting, copy.name());
            version_files(
                checked,
                (&copy.report, &copy.analysis),
                formats,
                &folder,
                meeting,
            )
        })
        .collect()
}

/// The files of `formats` of one report, `checked`'s own or a copy of it, in `folder`;
/// their problems are named from `base`.
fn version_files<'a>(
    checked: &'a Checked,
    (report, analysis): (&'a Report, &'a Analysis),
    formats: &[Format],
    folder: &str,
    base: &str,
) -> Vec<Planned<'a>> {
    let mut planned = Vec::new();
    for &format in formats {
        for (language, name) in versions(checked, format) {
            let name = layout::join(folder, &name);
            planned.push(Planned::new(name, base, move |out, diagnostics| {
                // Each file makes its own view when it renders, so a list of many
                // meetings' files holds no view until its turn.
                let view = View::in_language(report, analysis, language);
                render::render(format, checked.sources(&view), out, diagnostics)
            }));
        }
        // The members' view goes with the page, in the same languages, for as long as
        // the copy names its members: a public copy has forgotten them.
        if format == Format::Html && !report.meta.members.is_empty() {
            for (language, _) in versions(checked, format) {
                let languages = &checked.report.meta.languages;
                let name = render::name_in(members::Page.file_name(), language, languages);
                let name = layout::join(folder, &name);
                planned.push(Planned::new(name, base, move |out, diagnostics| {
                    let view = View::in_language(report, analysis, language);
                    members::Page.render(checked.sources(&view), out, diagnostics)
                }));
            }
        }
    }
    planned
}

/// The files of an archive's `meetings`, each under its id (as its `copies`, one list
/// per meeting, when it has audiences), then the archive's own files from each of the
/// trends' `views` in its folder (`""`, or an audience's), laid out by the panel's
/// `templates` where it has its own.
pub fn archive<'a>(
    meetings: &[&'a Meeting],
    copies: &'a [Vec<Copy>],
    formats: &[Format],
    views: &'a [(String, TrendsView<'a>)],
    templates: &'a [TemplateFile],
) -> Vec<Planned<'a>> {
    let mut planned: Vec<Planned<'a>> = meetings
        .iter()
        .zip(copies)
        .flat_map(|(meeting, copies)| report(&meeting.checked, copies, formats, &meeting.id))
        .collect();
    for (folder, view) in views {
        let sources = TrendsSources { view, templates };
        let (language, languages) = (&view.trends.language, &view.trends.languages);
        for renderer in trends::RENDERERS {
            // The data files are in the plain files' language, written once; the pages
            // and the document once per language, as a bilingual report's are.
            let name = match trends::per_language(renderer) {
                true => crate::render::name_in(renderer.file_name(), language, languages),
                false if view.trends.translated => continue,
                false => renderer.file_name().to_string(),
            };
            planned.push(Planned::new(
                layout::join(folder, &name),
                "",
                move |out, diagnostics| renderer.render(sources, out, diagnostics),
            ));
        }
    }
    planned
}

/// The files of `format` a checked report has, each with the language it is in: a
/// bilingual report has a page and a document per language, in `languages:` order;
/// report.json and themes.csv are data and stay one file each.
fn versions(checked: &Checked, format: Format) -> Vec<(&str, String)> {
    let languages = &checked.report.meta.languages;
    let chosen: Vec<&str> = if format.per_language() && languages.len() > 1 {
        languages.iter().map(String::as_str).collect()
    } else {
        vec![checked.report.meta.language.as_str()]
    };
    chosen
        .into_iter()
        .map(|language| (language, format.file_name_in(language, languages)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(planned: &[Planned]) -> Vec<String> {
        planned.iter().map(|p| p.name.clone()).collect()
    }

    #[test]
    fn a_bilingual_report_has_a_page_per_language_and_one_data_file() {
        let dir =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good/bilingual");
        let checked = crate::check(&dir);
        let languages = checked.report.meta.languages.clone();
        assert_eq!(languages.len(), 2);
        let planned = report(&checked, &[], &[Format::Html, Format::Json], "2023-06");
        let pages: Vec<String> = languages
            .iter()
            .map(|l| format!("2023-06/report.{l}.html"))
            .collect();
        assert_eq!(
            names(&planned),
            [&pages[..], &["2023-06/report.json".to_string()]].concat()
        );
        assert!(planned.iter().take(2).all(Planned::is_page));
        assert!(!planned[2].is_page());
    }
}
