//! `build-report serve [DIR]`: a live preview while drafting.
//!
//! The report is built into memory and served on 127.0.0.1 (another address only when
//! asked, with a warning); every change to the folder rebuilds it and tells the open page
//! to reload. The server is tiny_http on one thread, with a thread for each open page's
//! reload stream, so no async runtime is needed for a preview that one person opens.
//! Nothing is written: output/ is neither read nor touched.

use std::io::Write;
use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::RecvTimeoutError;
use std::time::Duration;

use clap::Args;
use tiny_http::{Header, Method, Request, Response, Server};

use super::{OK, USAGE, folder_exists, plural, print_diagnostics, subject};
use crate::archive::Target;
use crate::serve::live::{self, Build, Live};
use crate::serve::page::{self, Served};
use crate::serve::route::{Route, route};

/// The port when none is given.
const DEFAULT_PORT: u16 = 8000;
/// How many ports above a taken one are tried, to suggest one that is free.
const PORTS_TRIED: u16 = 50;
/// How often an open reload stream is kept alive, so that a dead page is noticed.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

#[derive(Args, Debug)]
pub(super) struct ServeArgs {
    /// The report folder, archive or meeting
    #[arg(default_value = ".")]
    dir: PathBuf,
    /// The port to serve on; 0 picks a free one
    #[arg(long, short, default_value_t = DEFAULT_PORT)]
    port: u16,
    /// The address to serve on; other computers can reach anything but 127.0.0.1 or ::1
    #[arg(long, value_name = "ADDR", default_value_t = IpAddr::V4(Ipv4Addr::LOCALHOST))]
    bind: IpAddr,
}

#[derive(Debug)]
pub(super) struct Plan {
    target: Target,
    address: SocketAddr,
}

impl super::Plan for Plan {
    type Args = ServeArgs;

    fn resolve(args: ServeArgs) -> Result<Self, u8> {
        folder_exists(&args.dir)?;
        Ok(Plan {
            target: subject::target(&args.dir),
            address: SocketAddr::new(args.bind, args.port),
        })
    }

    /// Under `quiet`, the address and the problems of each build, and no line for a build
    /// without them.
    fn run(self, quiet: bool) -> u8 {
        if !self.address.ip().is_loopback() {
            say_err!(
                "warning: serving on {}, which other computers on the network can reach: anyone who can reach this computer can read the report while it is served",
                self.address.ip()
            );
            say_err!(
                "  help: leave out --bind to serve on 127.0.0.1, which only this computer can reach"
            );
        }
        let listener = match bind(self.address) {
            Ok(listener) => listener,
            Err(code) => return code,
        };
        let address = listener.local_addr().unwrap_or(self.address);
        let server = match Server::from_listener(listener, None) {
            Ok(server) => Arc::new(server),
            Err(err) => {
                say_err!("error: cannot serve on {address}: {err}");
                return USAGE;
            }
        };
        let live = Live::new(self.target.clone());
        report(&live.latest(), quiet);
        // The watch ends when this is dropped, at the end of the run.
        let _watch = match live::watch(Arc::clone(&live), move |b| report(b, quiet)) {
            Ok(watch) => Some(watch),
            Err(err) => {
                say_err!(
                    "warning: cannot watch {} for changes ({err}); reload the page by hand after each change",
                    live::watched(&self.target).display()
                );
                None
            }
        };
        let stopping = Arc::new(AtomicBool::new(false));
        {
            let (server, stopping) = (Arc::clone(&server), Arc::clone(&stopping));
            let handled = ctrlc::set_handler(move || {
                stopping.store(true, Ordering::SeqCst);
                server.unblock();
            });
            if let Err(err) = handled {
                say_err!("warning: Ctrl-C may not stop the server cleanly: {err}");
            }
        }
        say!("Serving http://{address}/");
        // Each audience's copy is served beside the whole report, for a look at what the
        // public will read before it is published.
        for copy in &live.latest().site.copies {
            say!("  the {} copy: http://{address}/{copy}", copy_name(copy));
        }
        if !quiet {
            say!("Press Ctrl-C to stop");
        }
        while !stopping.load(Ordering::SeqCst) {
            match server.recv() {
                Ok(request) if !host_allowed(&request, address) => {
                    respond(request, 403, page::wrong_host());
                }
                Ok(request) => answer(request, &live),
                Err(_) if stopping.load(Ordering::SeqCst) => break,
                Err(_) => continue,
            }
        }
        say_err!("stopped");
        OK
    }
}

/// The audience whose copy the page `copy` (`public/report.html`) is.
fn copy_name(copy: &str) -> &str {
    copy.split('/').next().unwrap_or(copy)
}

/// Whether the request names this server as the browser reached it. On loopback, any
/// other name is a page elsewhere that pointed its own name at 127.0.0.1 to read the
/// preview (DNS rebinding), so only 127.0.0.1, localhost and [::1] are answered.
fn host_allowed(request: &Request, address: SocketAddr) -> bool {
    if !address.ip().is_loopback() {
        return true;
    }
    let Some(host) = request
        .headers()
        .iter()
        .find(|h| h.field.equiv("Host"))
        .map(|h| h.value.as_str().to_ascii_lowercase())
    else {
        return false;
    };
    let (name, port) = match host.rsplit_once(':') {
        Some((name, port)) if !port.ends_with(']') => (name, Some(port)),
        _ => (host.as_str(), None),
    };
    let port_ok = port.is_none_or(|p| p == address.port().to_string());
    port_ok && ["127.0.0.1", "localhost", "[::1]"].contains(&name)
}

/// Binds `address`, or says why not: for a port in use, which port is free instead.
fn bind(address: SocketAddr) -> Result<TcpListener, u8> {
    match TcpListener::bind(address) {
        Ok(listener) => Ok(listener),
        Err(err) if err.kind() == std::io::ErrorKind::AddrInUse => {
            let free = (1..=PORTS_TRIED)
                .filter_map(|step| address.port().checked_add(step))
                .find(|&port| TcpListener::bind(SocketAddr::new(address.ip(), port)).is_ok());
            let suggestion = match free {
                Some(port) => format!("try `--port {port}`, which is free"),
                None => {
                    "give another port with `--port`, or `--port 0` for any free one".to_string()
                }
            };
            say_err!(
                "error: port {} on {} is already in use, perhaps by another `build-report serve`",
                address.port(),
                address.ip()
            );
            say_err!("  help: {suggestion}");
            Err(USAGE)
        }
        Err(err) => {
            say_err!("error: cannot serve on {address}: {err}");
            if !address.ip().is_loopback() {
                say_err!("  help: --bind takes an address of this computer, such as 127.0.0.1");
            }
            Err(USAGE)
        }
    }
}

/// Prints a build's problems as `check` does, and a line saying it was rebuilt.
fn report(build: &Build, quiet: bool) {
    let diagnostics = &build.site.diagnostics;
    print_diagnostics(diagnostics);
    let pages = build.site.pages.len();
    if diagnostics.has_errors() {
        say_err!(
            "build {}: the page shows the errors until they are fixed",
            build.generation
        );
    } else if !quiet {
        say_err!("build {}: {pages} page{}", build.generation, plural(pages));
    }
}

fn answer(request: Request, live: &Live) {
    if !matches!(request.method(), Method::Get | Method::Head) {
        let response =
            Response::from_string("only GET and HEAD are served\n").with_status_code(405);
        let response = with_headers(response, &[("Allow", "GET, HEAD")]);
        let _ = request.respond(response);
        return;
    }
    match route(request.url()) {
        Route::Reload => stream(request, live),
        Route::NotFound => respond(request, 404, page::not_found()),
        Route::Page(name) => {
            let build = live.latest();
            if build.site.diagnostics.has_errors() {
                if is_page_name(&name) {
                    respond(
                        request,
                        200,
                        page::problems(&build.site.diagnostics, build.generation),
                    );
                } else {
                    respond(request, 404, page::not_found());
                }
                return;
            }
            match build.site.page(&name) {
                Some((_, html)) => respond(request, 200, page::serve_page(html, build.generation)),
                None => respond(request, 404, page::not_found()),
            }
        }
    }
}

/// Whether a name could be a page, for showing the problems while no page is built.
fn is_page_name(name: &str) -> bool {
    name.is_empty() || name.ends_with('/') || name.ends_with(".html")
}

fn respond(request: Request, status: u16, served: Served) {
    let response = with_headers(
        Response::from_data(served.body).with_status_code(status),
        &[
            ("Content-Type", "text/html; charset=utf-8"),
            ("Content-Security-Policy", &served.policy),
            ("Cache-Control", "no-store"),
            ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", "no-referrer"),
        ],
    );
    let _ = request.respond(response);
}

fn with_headers<R: std::io::Read>(
    mut response: Response<R>,
    headers: &[(&str, &str)],
) -> Response<R> {
    for (name, value) in headers {
        // Only a value with a line break is refused, and none of these has one.
        if let Ok(header) = Header::from_bytes(name.as_bytes(), value.as_bytes()) {
            response.add_header(header);
        }
    }
    response
}

/// The reload stream of one open page: the latest build's number at once, then each
/// new one, on a thread of its own until the page goes away.
fn stream(request: Request, live: &Live) {
    let head = request.method() == &Method::Head;
    let builds = live.listen();
    let mut generation = live.latest().generation;
    let mut out = request.into_writer();
    std::thread::spawn(move || {
        let start = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n";
        if out.write_all(start.as_bytes()).is_err() || head {
            let _ = out.flush();
            return;
        }
        loop {
            let sent = out
                .write_all(format!("data: {generation}\n\n").as_bytes())
                .and_then(|()| out.flush());
            if sent.is_err() {
                return;
            }
            loop {
                match builds.recv_timeout(KEEP_ALIVE) {
                    Ok(next) => {
                        generation = next;
                        break;
                    }
                    Err(RecvTimeoutError::Timeout) => {
                        if out
                            .write_all(b": alive\n\n")
                            .and_then(|()| out.flush())
                            .is_err()
                        {
                            return;
                        }
                    }
                    Err(RecvTimeoutError::Disconnected) => return,
                }
            }
        }
    });
}
