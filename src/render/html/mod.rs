//! report.html: one self-contained page, laid out by a Tera template.
//!
//! [`view`] prepares the report (every fragment of user text already escaped or
//! sanitised, every count already worked out) and the template only arranges it. The
//! built-in templates are compiled into the binary; a file of the same name in the report
//! folder's templates/ replaces one, so a panel can restyle the page without a rebuild. A
//! mistake in such a template is reported at its file and line like any other input.

use std::io::{self, Write};

use tera::Tera;

use crate::diagnostic::{Diagnostic, Diagnostics, Loc};
use crate::load::TemplateFile;
use crate::render::{RenderError, Sources};

mod judgements;
mod records;
mod view;

pub(crate) use view::{css_string, page_css};

/// The built-in templates, by the file name that overrides each: the report's page, the
/// archive's two and the members' view, all extending base.html. Included and extended templates come
/// first: Tera checks them as each template is added.
pub const BUILT_IN: [(&str, &str); 8] = [
    ("style.css", include_str!("../../../templates/style.css")),
    ("base.html", include_str!("../../../templates/base.html")),
    (
        "marking.html",
        include_str!("../../../templates/marking.html"),
    ),
    (
        "report.html",
        include_str!("../../../templates/report.html"),
    ),
    ("index.html", include_str!("../../../templates/index.html")),
    (
        "trends.html",
        include_str!("../../../templates/trends.html"),
    ),
    (
        "changes.html",
        include_str!("../../../templates/changes.html"),
    ),
    (
        "members.html",
        include_str!("../../../templates/members.html"),
    ),
];

/// The templates the report's page is made from.
const REPORT_PAGE: [&str; 4] = ["style.css", "base.html", "marking.html", "report.html"];

/// The page's renderer.
pub struct Html;

impl crate::render::Renderer<Sources<'_>> for Html {
    fn file_name(&self) -> &'static str {
        "report.html"
    }

    fn check(&self, sources: Sources<'_>, diagnostics: &mut Diagnostics) {
        let _ = compile(&REPORT_PAGE, sources.templates, diagnostics);
    }

    fn render(
        &self,
        sources: Sources<'_>,
        mut out: &mut dyn crate::render::Output,
        diagnostics: &mut Diagnostics,
    ) -> Result<(), RenderError> {
        render(sources, &mut out, diagnostics)
    }
}

/// Renders the page into `out`, or reports why a user template could not be used.
pub fn render(
    sources: Sources<'_>,
    out: &mut impl Write,
    diagnostics: &mut Diagnostics,
) -> Result<(), RenderError> {
    let tera = compile(&REPORT_PAGE, sources.templates, diagnostics)?;
    let context = view::context(sources.view)
        .map_err(|err| io::Error::other(format!("the page's data could not be prepared: {err}")))?;
    render_page(
        &tera,
        "report.html",
        &context,
        sources.templates,
        out,
        diagnostics,
    )
}

/// Renders the page `name` of templates compiled by [`compile`] into `out`; a mistake
/// that shows only with the data, in a user's template, is reported at its line.
pub(crate) fn render_page(
    tera: &Tera,
    name: &str,
    context: &tera::Context,
    templates: &[TemplateFile],
    out: &mut impl Write,
    diagnostics: &mut Diagnostics,
) -> Result<(), RenderError> {
    match tera.render_to(name, context, out) {
        Ok(()) => Ok(()),
        Err(err) => {
            if let tera::ErrorKind::Io(kind) = err.kind() {
                return Err(RenderError::Io(io::Error::new(*kind, err.to_string())));
            }
            let file = error_file(&err).unwrap_or(name);
            let own = templates.iter().find(|t| t.name == file);
            let (shown, source) = own
                .map(|t| {
                    (
                        t.path.clone(),
                        String::from_utf8_lossy(&t.bytes).into_owned(),
                    )
                })
                .unwrap_or_else(|| (format!("(built-in) templates/{file}"), String::new()));
            diagnostics.push(template_error(&shown, &source, &err, own.is_some()));
            Err(RenderError::Reported)
        }
    }
}

/// The built-in templates called `names`, the folder's own replacing them by name.
/// Compiling them is also how `check` finds a broken template before a build.
pub fn compile(
    names: &[&str],
    templates: &[TemplateFile],
    diagnostics: &mut Diagnostics,
) -> Result<Tera, RenderError> {
    let mut tera = Tera::new();
    for (name, built_in) in BUILT_IN.iter().filter(|(name, _)| names.contains(name)) {
        let user = templates.iter().find(|t| t.name == *name);
        let (source, shown) = match user {
            Some(file) => (
                crate::render::template_text(file, diagnostics)?,
                file.path.clone(),
            ),
            None => (built_in.to_string(), format!("(built-in) templates/{name}")),
        };
        if let Err(err) = tera.add_raw_template(name, &source) {
            diagnostics.push(template_error(&shown, &source, &err, user.is_some()));
            return Err(RenderError::Reported);
        }
    }
    Ok(tera)
}

fn error_file(err: &tera::Error) -> Option<&str> {
    match err.kind() {
        tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => {
            Some(report.filename())
        }
        _ => None,
    }
}

fn template_error(file: &str, source: &str, err: &tera::Error, own: bool) -> Diagnostic {
    let (loc, message) = match err.kind() {
        tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => {
            let span = report.span();
            (
                Loc::new(span.start_line.max(1), span.start_col + 1),
                report.message().to_string(),
            )
        }
        _ => (Loc::START, err.to_string()),
    };
    let mut diagnostic = Diagnostic::error(file, loc, format!("template error: {message}"))
        .hint(crate::render::template_hint(
            own,
            "fix the template, or delete it to use the built-in one; variables are listed in the README",
        ));
    diagnostic.source_line = source.lines().nth(loc.line - 1).map(str::to_string);
    diagnostic
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::analyse::Analysis;
    use crate::load::{Folder, Source};
    use crate::model::Report;
    use crate::view::View;

    fn checked() -> (Report, Analysis) {
        let folder = Folder {
            report: Some(Source {
                path: "report.yaml".into(),
                text: "title: T & Co\nmeeting_date: 2021-09-29\nmarking: OFFICIAL\n".into(),
            }),
            cases: vec![Source {
                path: "cases/a.md".into(),
                text: "---\ncase: 1\n---\n- A point. #slow\n".into(),
            }],
            ..Folder::default()
        };
        let mut diagnostics = Diagnostics::default();
        let report = crate::parse::parse(&folder, &mut diagnostics);
        let analysis = crate::analyse::analyse(&report, &mut diagnostics);
        (report, analysis)
    }

    fn sources<'a>(view: &'a View<'a>, templates: &'a [TemplateFile]) -> Sources<'a> {
        Sources {
            view,
            templates,
            word_template: None,
        }
    }

    #[test]
    fn a_user_template_may_start_with_a_byte_order_mark_and_use_crlf() {
        let (report, analysis) = checked();
        let mut diagnostics = Diagnostics::default();
        let user = [template("report.html", "\u{feff}<p>{{ title }}</p>\r\n")];
        let mut html = Vec::new();
        render(
            sources(&View::new(&report, &analysis), &user),
            &mut html,
            &mut diagnostics,
        )
        .unwrap();
        assert_eq!(String::from_utf8(html).unwrap(), "<p>T &amp; Co</p>\n");
    }

    /// A user's template called `name`, as load reads it from templates/.
    pub(crate) fn template(name: &str, text: &str) -> TemplateFile {
        TemplateFile {
            name: name.into(),
            path: format!("templates/{name}"),
            bytes: text.as_bytes().to_vec(),
        }
    }

    #[test]
    fn a_user_template_replaces_the_built_in_one_by_name() {
        let (report, analysis) = checked();
        let mut diagnostics = Diagnostics::default();
        let user = [template(
            "report.html",
            "<h1>{{ title }}</h1>{% for t in themes %}{{ t.label }}={{ t.note }}{% endfor %}",
        )];
        let mut html = Vec::new();
        render(
            sources(&View::new(&report, &analysis), &user),
            &mut html,
            &mut diagnostics,
        )
        .unwrap();
        assert_eq!(html, b"<h1>T &amp; Co</h1>slow=(1 of 1 case: 1)");
    }

    #[test]
    fn a_broken_user_template_is_reported_at_its_line() {
        let (report, analysis) = checked();
        let mut diagnostics = Diagnostics::default();
        let user = [template("style.css", "body {}\n{% if %}\n")];
        let result = render(
            sources(&View::new(&report, &analysis), &user),
            &mut Vec::new(),
            &mut diagnostics,
        );
        assert!(matches!(result, Err(RenderError::Reported)));
        let found = diagnostics.sorted();
        assert_eq!(
            (found[0].file.as_str(), found[0].loc.line),
            ("templates/style.css", 2)
        );
        assert_eq!(found[0].source_line.as_deref(), Some("{% if %}"));
    }

    #[test]
    fn markings_are_safe_inside_css_strings() {
        assert_eq!(view::css_string("OFFICIAL-SENSITIVE"), "OFFICIAL-SENSITIVE");
        assert_eq!(
            view::css_string("a\"}</style>"),
            "a\\22 \\7d \\3c \\2f style\\3e "
        );
    }
}
