//! Which page a URL asks for, if any.
//!
//! A URL is turned into a page name and looked up among the pages built, never into a
//! path on disk, so nothing but a built page can be served whatever the URL. Paths that
//! try to climb or smuggle (`..`, its encoded forms, backslashes, NUL) are refused here
//! already, so that no later change to the lookup can make them reach anything.

/// What a request asks for.
#[derive(Debug, PartialEq, Eq)]
pub enum Route {
    /// A page by name: `report.html`, `2023-06/`; `""` is `/`.
    Page(String),
    /// The stream that tells an open page to reload.
    Reload,
    /// Nothing this server has.
    NotFound,
}

/// The path of the reload stream, which no page of a report can be called.
pub const RELOAD: &str = "/__reload";

/// The route of a request's URL (its path and query, as sent).
pub fn route(url: &str) -> Route {
    let path = url.split(['?', '#']).next().unwrap_or("");
    if path == RELOAD {
        return Route::Reload;
    }
    let Some(rest) = path.strip_prefix('/') else {
        return Route::NotFound;
    };
    let Some(name) = decode(rest) else {
        return Route::NotFound;
    };
    let mut parts = name.split('/').peekable();
    while let Some(part) = parts.next() {
        let last = parts.peek().is_none();
        let refused = matches!(part, "." | "..")
            || (part.is_empty() && !last)
            || part.contains(['\\', ':'])
            || part.chars().any(char::is_control);
        if refused {
            return Route::NotFound;
        }
    }
    Route::Page(name)
}

/// `%XX` decoded, once; `None` when an escape is broken or the result is not UTF-8.
fn decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(name: &str) -> Route {
        Route::Page(name.to_string())
    }

    #[test]
    fn pages_are_named_as_build_names_them() {
        assert_eq!(route("/"), page(""));
        assert_eq!(route("/report.html"), page("report.html"));
        assert_eq!(route("/report.html?x=1#top"), page("report.html"));
        assert_eq!(route("/2023-06/"), page("2023-06/"));
        assert_eq!(
            route("/2023-06/report.cy.html"),
            page("2023-06/report.cy.html")
        );
        assert_eq!(route("/June%202023/"), page("June 2023/"));
        assert_eq!(route(RELOAD), Route::Reload);
        assert_eq!(route("/__reload?x"), Route::Reload);
    }

    #[test]
    fn climbing_and_smuggling_are_refused() {
        for url in [
            "/../Cargo.toml",
            "/..",
            "/a/../../x",
            "/%2e%2e/report.yaml",
            "/%2E%2E%2Freport.yaml",
            "/.%2e/x",
            "/2023-06/%2e%2e/%2e%2e/etc/passwd",
            "/..%5creport.yaml",
            "/a\\..\\b",
            "//etc/passwd",
            "/%2fetc/passwd",
            "/C:/x",
            "/report.html%00.md",
            "/a%0a",
            "/%zz",
            "/%e9",
            "report.html",
            "http://example.com/report.html",
            "",
        ] {
            assert_eq!(route(url), Route::NotFound, "{url}");
        }
    }
}
