//! What a served page has that a written one never does: the reload script, the header
//! that lets exactly that script run, and the pages for problems and for a wrong URL.
//!
//! A built page forbids every script in its own `<meta>` Content-Security-Policy, and a
//! `<meta>` policy still applies beside a header, so the served copy drops the `<meta>`
//! and sends the same policy as a header, with the reload script allowed by its hash and
//! the reload stream by `connect-src 'self'`; nothing else is loosened. The problems page
//! shows each diagnostic as `check` prints it, for a reader who is not a programmer: what
//! is wrong in a sentence, the file and line in large type, the lines `check` prints,
//! and how to fix it.

use base64::Engine as _;
use sha2::{Digest as _, Sha256};

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::render::markup::escape;

/// A page as served: its bytes and the Content-Security-Policy header sent with it.
#[derive(Debug)]
pub struct Served {
    pub body: Vec<u8>,
    pub policy: String,
}

/// The policy of the built pages, for pages that carry none of their own.
const BUILT_POLICY: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/// The reload script: it reloads the page when the stream names a build other than the
/// one the page came from, so a build finished before the stream opened is not missed.
fn script(generation: u64) -> String {
    format!(
        "new EventSource(\"{}\").onmessage=e=>{{if(e.data!==\"{generation}\")location.reload()}}",
        super::route::RELOAD
    )
}

/// `policy` with the reload script and its stream allowed, and nothing else changed.
fn allowing_reload(policy: &str, script: &str) -> String {
    let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(script));
    let mut directives: Vec<&str> = policy
        .split(';')
        .map(str::trim)
        .filter(|d| {
            let name = d.split_whitespace().next().unwrap_or("");
            !d.is_empty()
                && !["script-src", "script-src-elem", "connect-src"]
                    .iter()
                    .any(|n| name.eq_ignore_ascii_case(n))
        })
        .collect();
    let script_src = format!("script-src 'sha256-{hash}'");
    directives.push(&script_src);
    directives.push("connect-src 'self'");
    directives.join("; ")
}

/// A built page with the reload script added and its `<meta>` policy moved to the
/// header.
pub fn serve_page(html: &[u8], generation: u64) -> Served {
    let text = String::from_utf8_lossy(html);
    let (text, policy) = take_meta_policy(&text);
    let script = script(generation);
    let tag = format!("<script>{script}</script>");
    let at = find_ignoring_case(&text, "</body>").unwrap_or(text.len());
    let mut body = String::with_capacity(text.len() + tag.len());
    body.push_str(&text[..at]);
    body.push_str(&tag);
    body.push_str(&text[at..]);
    Served {
        body: body.into_bytes(),
        policy: allowing_reload(policy.as_deref().unwrap_or(BUILT_POLICY), &script),
    }
}

/// The page without its `<meta http-equiv="Content-Security-Policy">`, and that policy.
fn take_meta_policy(text: &str) -> (String, Option<String>) {
    let mut from = 0;
    while let Some(start) = find_ignoring_case(&text[from..], "<meta").map(|i| i + from) {
        let Some(end) = text[start..].find('>').map(|i| start + i + 1) else {
            break;
        };
        let tag = &text[start..end];
        if find_ignoring_case(tag, "content-security-policy").is_some() {
            let policy = attribute(tag, "content").map(|p| p.replace("&#39;", "'"));
            let rest = format!("{}{}", &text[..start], &text[end..]);
            return (rest, policy);
        }
        from = end;
    }
    (text.to_string(), None)
}

/// The value of `name="..."` in a tag.
fn attribute<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    let at = find_ignoring_case(tag, &format!("{name}="))? + name.len() + 1;
    let quote = tag[at..]
        .chars()
        .next()
        .filter(|c| *c == '"' || *c == '\'')?;
    let value = &tag[at + 1..];
    value.find(quote).map(|end| &value[..end])
}

fn find_ignoring_case(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .to_ascii_lowercase()
        .find(&needle.to_ascii_lowercase())
}

/// The page shown instead of every page while the folder has errors.
pub fn problems(diagnostics: &Diagnostics, generation: u64) -> Served {
    let errors = diagnostics.error_count();
    let headline = format!(
        "The report could not be built: {errors} problem{} to fix",
        if errors == 1 { "" } else { "s" }
    );
    let mut sorted = diagnostics.sorted();
    sorted.sort_by_key(|d| !d.is_error());
    let cards: String = sorted.into_iter().map(card).collect();
    let body = format!(
        "<p class=\"lead\">{}</p>\n{cards}",
        escape(
            "Fix each problem below in its file and save it: this page then shows the report again by itself."
        )
    );
    let html = document(&headline, &body);
    let script = script(generation);
    let html = html.replace("</body>", &format!("<script>{script}</script></body>"));
    Served {
        body: html.into_bytes(),
        policy: allowing_reload(BUILT_POLICY, &script),
    }
}

fn card(diagnostic: &Diagnostic) -> String {
    let (class, what) = if diagnostic.is_error() {
        ("error", "Problem")
    } else {
        ("warning", "Warning (the report is still built)")
    };
    let hint = diagnostic
        .hint
        .as_deref()
        .map(|h| {
            format!(
                "<p class=\"hint\"><strong>How to fix it:</strong> {}</p>",
                escape(h)
            )
        })
        .unwrap_or_default();
    format!(
        "<section class=\"card {class}\">\n<p class=\"what\">{what}</p>\n<h2>{file}, line {line}, column {column}</h2>\n<p class=\"message\">{message}</p>\n{hint}\n<pre>{printed}</pre>\n</section>\n",
        file = escape(&diagnostic.file),
        line = diagnostic.loc.line,
        column = diagnostic.loc.column,
        message = escape(&diagnostic.message),
        printed = escape(diagnostic.render().trim_end()),
    )
}

/// The page for a URL that is none of the built pages.
pub fn not_found() -> Served {
    let body = format!(
        "<p class=\"lead\">{}</p>\n<p><a href=\"/\">{}</a></p>",
        escape("This address is not one of the report's pages."),
        escape("Go to the report")
    );
    Served {
        body: document("Page not found", &body).into_bytes(),
        policy: BUILT_POLICY.to_string(),
    }
}

/// The page for a request that names another host, as a web page elsewhere does when
/// it points its own name at this computer to read the preview.
pub fn wrong_host() -> Served {
    let body = format!(
        "<p class=\"lead\">{}</p>",
        escape("The preview answers only at the address it printed, on 127.0.0.1 or localhost.")
    );
    Served {
        body: document("Not served at this address", &body).into_bytes(),
        policy: BUILT_POLICY.to_string(),
    }
}

const STYLE: &str = "body{font:1.25rem/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b;background:#fff}\
h1{font-size:2rem;line-height:1.2}\
.lead{font-size:1.35rem}\
.card{border:2px solid #999;border-left-width:.75rem;border-radius:.4rem;padding:1rem 1.25rem;margin:1.5rem 0}\
.card.error{border-color:#b00020}\
.card.warning{border-color:#8a6d00}\
.what{margin:0;font-weight:700;text-transform:uppercase;letter-spacing:.05em;font-size:1rem}\
.error .what{color:#b00020}\
.warning .what{color:#6b5400}\
h2{font-size:1.5rem;margin:.25rem 0 .5rem;word-break:break-all}\
.message{font-size:1.35rem;margin:.5rem 0}\
.hint{background:#eef5ee;padding:.75rem 1rem;border-radius:.3rem}\
pre{font-size:1rem;background:#f4f4f4;padding:.75rem;overflow-x:auto;white-space:pre-wrap}";

fn document(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n<h1>{title}</h1>\n{body}\n</main>\n</body>\n</html>\n",
        title = escape(title)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Loc;

    const PAGE: &str = "<!DOCTYPE html><html><head><meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n</head><body><p>Hi</p></body></html>";

    #[test]
    fn a_served_page_moves_its_policy_to_the_header_and_allows_only_its_script() {
        let served = serve_page(PAGE.as_bytes(), 3);
        let body = String::from_utf8(served.body).unwrap();
        assert!(!body.contains("Content-Security-Policy"), "{body}");
        let script = script(3);
        assert!(body.contains(&format!("<p>Hi</p><script>{script}</script></body>")));
        let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(&script));
        assert_eq!(
            served.policy,
            format!(
                "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-{hash}'; connect-src 'self'"
            )
        );
    }

    #[test]
    fn a_page_s_own_script_sources_are_replaced_not_added_to() {
        let policy = allowing_reload("default-src 'self'; SCRIPT-SRC *; connect-src *", "x");
        assert!(!policy.contains('*'), "{policy}");
        assert!(policy.starts_with("default-src 'self'; script-src 'sha256-"));
    }

    #[test]
    fn the_problems_page_escapes_what_it_shows() {
        let mut diagnostics = Diagnostics::default();
        diagnostics.push(
            Diagnostic::error("cases/<b>.md", Loc::new(3, 2), "bad <script>").hint("write & save"),
        );
        diagnostics.push(Diagnostic::warning("a.md", Loc::START, "just a warning"));
        let body = String::from_utf8(problems(&diagnostics, 1).body).unwrap();
        assert!(body.contains("The report could not be built: 1 problem to fix"));
        assert!(body.contains("cases/&lt;b&gt;.md, line 3, column 2"));
        assert!(body.contains("bad &lt;script&gt;"));
        assert!(body.contains("write &amp; save"));
        assert!(!body.contains("<b>"));
        assert!(body.find("bad &lt;").unwrap() < body.find("just a warning").unwrap());
    }
}
