//! The model's Markdown blocks as HTML fragments that are safe to publish.
//!
//! Text is escaped as it is written out. Raw HTML that a member typed into a case file is
//! passed through, and then the whole fragment is cleaned by ammonia, which removes
//! scripts, event handlers, `javascript:` links and anything else that could run in a
//! reader's browser or fetch from outside.

use std::fmt::Write as _;
use std::sync::LazyLock;

use crate::model::{Block, Inline};
use crate::view::PointLangs;

/// The anchor of a feedback point, so evidence can link to it: `case` is its case's own
/// anchor, `case-6`.
pub fn point_anchor(case: &str, point: usize) -> String {
    format!("{case}-point-{}", point + 1)
}

/// Raw HTML tags allowed through to the sanitiser in one fragment. The HTML parser's work
/// grows faster than linearly with deeply nested tags, so past this budget raw HTML is
/// shown as escaped text instead, keeping the build's time bounded.
pub const RAW_TAG_BUDGET: usize = 2_000;

/// Renders `blocks` as a sanitised HTML fragment. Points of the case whose anchor is
/// `case` get anchors.
pub fn blocks_html(blocks: &[Block], case: Option<&str>) -> String {
    let points = case.map(|case| Points {
        case,
        langs: PointLangs::NONE,
    });
    let mut out = String::new();
    let mut raw = Raw::default();
    write_blocks(blocks, points, &mut out, &mut raw);
    raw.finish(out)
}

/// A case body's points as the page writes them: each anchored under its case's anchor
/// `case`, and marked with its language where `langs` gives one.
#[derive(Debug, Clone, Copy)]
pub struct Points<'a> {
    pub case: &'a str,
    pub langs: PointLangs<'a>,
}

/// Renders a case body's `blocks` as a sanitised HTML fragment, its points anchored and
/// marked as `points` says.
pub fn points_html(blocks: &[Block], points: Points<'_>) -> String {
    let mut out = String::new();
    let mut raw = Raw::default();
    write_blocks(blocks, Some(points), &mut out, &mut raw);
    raw.finish(out)
}

/// Renders inline content as a sanitised HTML fragment.
pub fn inlines_html(inlines: &[Inline]) -> String {
    let mut out = String::new();
    let mut raw = Raw::default();
    write_inlines(inlines, &mut out, &mut raw);
    raw.finish(out)
}

/// What a fragment let through that the sanitiser must look at.
struct Raw {
    /// Raw HTML tags still allowed through.
    budget: usize,
    /// Whether the fragment has raw HTML or a link. Everything else was escaped as it was
    /// written, so a fragment without either is safe as it is and skips the (costly) HTML
    /// parse of the sanitiser.
    needs_sanitising: bool,
}

impl Default for Raw {
    fn default() -> Self {
        Raw {
            budget: RAW_TAG_BUDGET,
            needs_sanitising: false,
        }
    }
}

impl Raw {
    fn finish(self, html: String) -> String {
        if self.needs_sanitising {
            sanitise(&html)
        } else {
            html
        }
    }
}

/// Writes raw HTML for the sanitiser while the budget lasts, and as text after.
fn write_raw(html: &str, out: &mut String, raw: &mut Raw) {
    let tags = html.matches('<').count();
    if tags <= raw.budget {
        raw.budget -= tags;
        raw.needs_sanitising = true;
        out.push_str(html);
    } else {
        raw.budget = 0;
        escape_into(html, out);
    }
}

/// The URL schemes a link may have in any output: ones a reader can follow without
/// running or opening anything on their machine.
pub const LINK_SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

/// The scheme of `url` if it is one of [`LINK_SCHEMES`], compared as URL parsers do:
/// ignoring case and surrounding white space.
pub fn allowed_scheme(url: &str) -> Option<&'static str> {
    let (scheme, _) = url.trim().split_once(':')?;
    LINK_SCHEMES
        .into_iter()
        .find(|allowed| allowed.eq_ignore_ascii_case(scheme))
}

/// Building the sanitiser's tables is costly, so one is shared by every fragment.
static SANITISER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::default();
    builder
        .rm_tags(["img"])
        .add_tag_attributes("li", ["id"])
        .add_tag_attributes("ol", ["start"])
        .url_schemes(LINK_SCHEMES.into())
        .link_rel(Some("noopener noreferrer nofollow"));
    builder
});

fn sanitise(html: &str) -> String {
    let clean = SANITISER.clean(html).to_string();
    // A link whose address was removed keeps the `rel` the sanitiser adds to every link,
    // and HTML allows `rel` only beside an `href`; without one it is a plain placeholder.
    clean.replace(PLACEHOLDER_WITH_REL, "<a>")
}

/// An `<a>` the sanitiser left without an address, as it writes it.
const PLACEHOLDER_WITH_REL: &str = "<a rel=\"noopener noreferrer nofollow\">";

pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(text, &mut out);
    out
}

/// Escapes text for an element's content. Quotes need no escaping there, and leaving them
/// keeps escaped and sanitised fragments byte-identical.
fn escape_into(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
}

/// Escapes text for a double-quoted attribute value.
fn escape_attribute(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
}

fn write_blocks(blocks: &[Block], points: Option<Points<'_>>, out: &mut String, raw: &mut Raw) {
    for block in blocks {
        match block {
            Block::Heading { level, content } => {
                // Inside a section the document's own headings sit below the report's.
                let level = (level + 2).min(6);
                let _ = write!(out, "<h{level}>");
                write_inlines(content, out, raw);
                let _ = writeln!(out, "</h{level}>");
            }
            Block::Paragraph(content) => {
                out.push_str("<p>");
                write_inlines(content, out, raw);
                out.push_str("</p>\n");
            }
            Block::List { start, items } => {
                match start {
                    Some(1) => out.push_str("<ol>\n"),
                    Some(n) => {
                        let _ = writeln!(out, "<ol start=\"{n}\">");
                    }
                    None => out.push_str("<ul>\n"),
                }
                for item in items {
                    out.push_str("<li");
                    if let (Some(points), Some(point)) = (points, item.point) {
                        let _ = write!(out, " id=\"{}\"", point_anchor(points.case, point));
                    }
                    if let Some(lang) = points.and_then(|p| p.langs.of(item.point)) {
                        out.push_str(" lang=\"");
                        escape_attribute(lang, out);
                        out.push('"');
                    }
                    out.push('>');
                    write_item(&item.blocks, points, out, raw);
                    out.push_str("</li>\n");
                }
                out.push_str(if start.is_some() {
                    "</ol>\n"
                } else {
                    "</ul>\n"
                });
            }
            Block::Quote(inner) => {
                out.push_str("<blockquote>\n");
                write_blocks(inner, points, out, raw);
                out.push_str("</blockquote>\n");
            }
            Block::Code(code) => {
                out.push_str("<pre><code>");
                escape_into(code, out);
                out.push_str("</code></pre>\n");
            }
            Block::Html(html) => write_raw(html, out, raw),
            Block::Rule => out.push_str("<hr>\n"),
            Block::Table { head, rows } => {
                out.push_str("<table>\n<thead><tr>");
                for cell in head {
                    out.push_str("<th scope=\"col\">");
                    write_inlines(cell, out, raw);
                    out.push_str("</th>");
                }
                out.push_str("</tr></thead>\n<tbody>\n");
                for row in rows {
                    out.push_str("<tr>");
                    for cell in row {
                        out.push_str("<td>");
                        write_inlines(cell, out, raw);
                        out.push_str("</td>");
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</tbody>\n</table>\n");
            }
        }
    }
}

/// A list item whose only content is one paragraph is written without `<p>`, so tight
/// lists stay tight.
fn write_item(blocks: &[Block], points: Option<Points<'_>>, out: &mut String, raw: &mut Raw) {
    match blocks {
        [Block::Paragraph(content), rest @ ..]
            if rest.iter().all(|b| matches!(b, Block::List { .. })) =>
        {
            write_inlines(content, out, raw);
            if !rest.is_empty() {
                out.push('\n');
                write_blocks(rest, points, out, raw);
            }
        }
        _ => write_blocks(blocks, points, out, raw),
    }
}

fn write_inlines(inlines: &[Inline], out: &mut String, raw: &mut Raw) {
    for inline in inlines {
        match inline {
            Inline::Text(text) => escape_into(text, out),
            Inline::Emphasis(c) => wrap("em", c, out, raw),
            Inline::Strong(c) => wrap("strong", c, out, raw),
            Inline::Strikethrough(c) => wrap("del", c, out, raw),
            Inline::Code(code) => {
                out.push_str("<code>");
                escape_into(code, out);
                out.push_str("</code>");
            }
            Inline::Link { url, content } => {
                raw.needs_sanitising = true;
                out.push_str("<a href=\"");
                escape_attribute(url, out);
                out.push_str("\">");
                write_inlines(content, out, raw);
                out.push_str("</a>");
            }
            Inline::Html(html) => write_raw(html, out, raw),
            Inline::SoftBreak => out.push('\n'),
            Inline::HardBreak => out.push_str("<br>\n"),
        }
    }
}

fn wrap(tag: &str, content: &[Inline], out: &mut String, raw: &mut Raw) {
    let _ = write!(out, "<{tag}>");
    write_inlines(content, out, raw);
    let _ = write!(out, "</{tag}>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::SourceId;
    use crate::parse::markdown::{Mode, parse};

    fn html(src: &str) -> String {
        blocks_html(
            &parse(&SourceId::new("cases/a.md"), src, 0, Mode::Points).blocks,
            Some("case-3"),
        )
    }

    #[test]
    fn points_get_anchors_and_text_is_escaped() {
        let out = html("- a < b & \"c\"\n");
        assert_eq!(
            out,
            "<ul>\n<li id=\"case-3-point-1\">a &lt; b &amp; \"c\"</li>\n</ul>\n"
        );
    }

    #[test]
    fn scripts_handlers_and_javascript_links_are_removed() {
        let out = html(
            "<script>alert(1)</script>\n\n- <img src=x onerror=alert(1)> [x](javascript:alert(1)) <b onclick=\"x()\">b</b>\n",
        );
        assert!(!out.contains("script"), "{out}");
        assert!(!out.contains("onerror"), "{out}");
        assert!(!out.contains("javascript"), "{out}");
        assert!(!out.contains("onclick"), "{out}");
        assert!(!out.contains("src=x"), "{out}");
        // The link that is left has no address, so no `rel` either: HTML allows none.
        assert!(out.contains("<a>x</a>"), "{out}");
        let kept = html("- [x](https://example.org)\n");
        assert!(
            kept.contains(
                r#"<a href="https://example.org" rel="noopener noreferrer nofollow">x</a>"#
            ),
            "{kept}"
        );
    }

    #[test]
    fn only_listed_schemes_are_allowed() {
        assert_eq!(allowed_scheme(" HTTPS://example.org"), Some("https"));
        assert_eq!(allowed_scheme("tel:+441234"), Some("tel"));
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "data:text/html,x",
            "vbscript:x",
            "file:///etc/passwd",
            "java script:x",
            "relative/path",
        ] {
            assert_eq!(allowed_scheme(bad), None, "{bad}");
        }
    }
}
