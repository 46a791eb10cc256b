//! `serve` run for real: started on a free port, fetched over plain TCP, its folder
//! changed under it, and stopped with Ctrl-C's signal. Every wait is for an event with a
//! deadline, never a fixed sleep.

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::net::{IpAddr, SocketAddr, TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::*;

/// How long anything may take: a debug build of a small report is well under a second.
const DEADLINE: Duration = Duration::from_secs(20);

/// A running `build-report serve`, killed if a test fails before stopping it.
struct Serving {
    child: Child,
    address: SocketAddr,
    stderr: Arc<Mutex<String>>,
}

/// What came back for one request.
struct Reply {
    status: u16,
    head: String,
    body: String,
}

impl Serving {
    /// Starts serve with `args` (folder and flags) and `--port 0`, and reads the address
    /// from its first line.
    fn start(args: &[&str]) -> Serving {
        let (child, first, stderr) = spawn(&[args, &["--port", "0"]].concat());
        let line = first
            .recv_timeout(DEADLINE)
            .unwrap_or_else(|_| panic!("no first line; stderr: {}", stderr.lock().unwrap()));
        let address = line
            .strip_prefix("Serving http://")
            .and_then(|rest| rest.strip_suffix('/'))
            .and_then(|a| a.parse().ok())
            .unwrap_or_else(|| panic!("first line: {line}"));
        Serving {
            child,
            address,
            stderr,
        }
    }

    fn get(&self, path: &str) -> Reply {
        request(self.address, &format!("GET {path} HTTP/1.1"))
    }

    /// Fetches `path` until `done` holds for its body, or fails at the deadline.
    fn wait_for(&self, path: &str, what: &str, done: impl Fn(&str) -> bool) -> Reply {
        let start = Instant::now();
        loop {
            let reply = self.get(path);
            if done(&reply.body) {
                return reply;
            }
            assert!(
                start.elapsed() < DEADLINE,
                "{path} never showed {what}; last:\n{}\nstderr:\n{}",
                reply.body,
                self.stderr()
            );
            std::thread::sleep(Duration::from_millis(25));
        }
    }

    fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// Sends Ctrl-C's signal and returns the exit status.
    fn interrupt(mut self) -> i32 {
        let sent = Command::new("kill")
            .args(["-INT", &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(sent.success());
        exit_status(&mut self.child)
    }
}

impl Drop for Serving {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts the binary with `serve` and `args`; its stdout's lines arrive on the channel,
/// its stderr collects in the string.
fn spawn(args: &[&str]) -> (Child, Receiver<String>, Arc<Mutex<String>>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_build-report"))
        .arg("serve")
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (lines, first) = channel();
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = lines.send(line);
        }
    });
    let stderr = Arc::new(Mutex::new(String::new()));
    let mut pipe = child.stderr.take().unwrap();
    let collected = Arc::clone(&stderr);
    std::thread::spawn(move || {
        let mut buffer = [0; 4096];
        while let Ok(n @ 1..) = pipe.read(&mut buffer) {
            collected
                .lock()
                .unwrap()
                .push_str(&String::from_utf8_lossy(&buffer[..n]));
        }
    });
    (child, first, stderr)
}

/// Waits for the child to end, up to the deadline.
fn exit_status(child: &mut Child) -> i32 {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status.code().unwrap_or(-1);
        }
        assert!(start.elapsed() < DEADLINE, "serve did not stop");
        std::thread::sleep(Duration::from_millis(25));
    }
}

/// Sends one request line, sent exactly as written so that odd paths reach the server
/// unchanged, and reads the whole reply.
fn request(address: SocketAddr, line: &str) -> Reply {
    request_to(address, line, &address.to_string())
}

/// [`request`] with the Host header a browser sends for `host`.
fn request_to(address: SocketAddr, line: &str, host: &str) -> Reply {
    let mut stream = TcpStream::connect_timeout(&address, DEADLINE).unwrap();
    stream.set_read_timeout(Some(DEADLINE)).unwrap();
    write!(
        stream,
        "{line}\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut bytes = Vec::new();
    stream.read_to_end(&mut bytes).unwrap();
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    Reply {
        status,
        head: head.to_string(),
        body: body.to_string(),
    }
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from} not in {}", path.display());
    fs::write(path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn the_page_follows_every_change_and_shows_errors_until_they_are_fixed() {
    let report = Report::copy("good/small");
    let serving = Serving::start(&[s(report.path())]);
    assert!(serving.address.ip().is_loopback(), "{}", serving.address);

    let home = serving.wait_for("/", "the report", |b| b.contains("Public order offence"));
    assert_eq!(home.status, 200);
    assert!(home.head.contains("Content-Type: text/html; charset=utf-8"));
    let policy = home
        .head
        .lines()
        .find_map(|l| l.strip_prefix("Content-Security-Policy: "))
        .expect("a policy header");
    assert!(
        policy.starts_with(
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-"
        ),
        "{policy}"
    );
    assert!(policy.ends_with("; connect-src 'self'"), "{policy}");
    assert!(!home.body.contains("http-equiv=\"Content-Security-Policy\""));
    assert_eq!(home.body.matches("<script>").count(), 1);
    assert!(home.body.contains("EventSource(\"/__reload\")"));
    assert_eq!(serving.get("/report.html").body, home.body);

    let case = report.path().join("cases/b-first.md");
    edit(&case, "Public order offence", "Public order disturbance");
    serving.wait_for("/report.html", "the edit", |b| {
        b.contains("Public order disturbance")
    });

    edit(&case, "risk: medium", "risk: [medium");
    let broken = serving.wait_for("/report.html", "the problems", |b| {
        b.contains("The report could not be built: 1 problem to fix")
    });
    assert!(
        broken.body.contains("cases/b-first.md, line "),
        "{}",
        broken.body
    );
    assert!(broken.body.contains("cases/b-first.md:"));
    assert!(broken.body.contains("How to fix it:"));
    assert!(!broken.body.contains("Public order disturbance"));
    // The same page at `/`: every page shows the problems.
    assert!(serving.get("/").body.contains("could not be built"));

    edit(&case, "risk: [medium", "risk: medium");
    serving.wait_for("/", "the report again", |b| {
        b.contains("Public order disturbance")
    });

    assert!(
        !report.path().join("output").exists(),
        "serve wrote output/"
    );
    assert_eq!(serving.interrupt(), 0);
    // The reload script is only ever in what serve sent, never in a file.
    let built = report.run(&["build", "--format", "html"]);
    assert_eq!(built.code, 0, "{}", built.stderr);
    assert!(!report.read("output/report.html").contains("<script"));
}

#[test]
fn a_change_to_one_member_s_file_rebuilds_the_preview() {
    let report = Report::copy("members");
    let serving = Serving::start(&[s(report.path())]);
    serving.wait_for("/", "the report", |b| b.contains("came late"));
    edit(
        &report.path().join("cases/case-02/bob.md"),
        "came late",
        "came far too late",
    );
    serving.wait_for("/", "bob's edit", |b| b.contains("came far too late"));
    assert_eq!(serving.interrupt(), 0);
}

#[test]
fn each_audience_s_copy_is_served_beside_the_whole_report() {
    let report = Report::copy("audiences");
    let serving = Serving::start(&[s(report.path())]);
    let whole = serving.wait_for("/", "the report", |b| b.contains("DP/24/004512"));
    assert_eq!(whole.status, 200);
    let force = serving.get("/force/report.html");
    assert_eq!(force.status, 200);
    assert!(force.body.contains("DP/24/004512"));
    assert!(force.body.contains("EventSource(\"/__reload\")"));
    let public = serving.get("/public/");
    assert_eq!(public.status, 200);
    assert!(public.body.contains("OFFICIAL"));
    assert!(
        !public.body.contains("DP/24/004512"),
        "a hidden field was served"
    );
    assert_eq!(serving.interrupt(), 0);
}

#[test]
fn an_archive_s_copies_are_served_beside_the_whole_archive() {
    let t = super::audiences::archive_of_one_meeting();
    let serving = Serving::start(&[s(t.path())]);
    let index = serving.wait_for("/", "the archive's index", |b| b.contains("2024-03"));
    assert_eq!(index.status, 200);
    let public = serving.get("/public/index.html");
    assert_eq!(public.status, 200);
    assert!(
        public.body.contains("2024-03/public/report.html"),
        "{}",
        public.body
    );
    let copy = serving.get("/2024-03/public/report.html");
    assert_eq!(copy.status, 200);
    assert!(
        !copy.body.contains("DP/24/004512"),
        "a hidden field was served"
    );
    let force = serving.get("/2024-03/force/report.html");
    assert!(force.body.contains("DP/24/004512"));
    assert_eq!(serving.interrupt(), 0);
}

#[test]
fn nothing_but_the_built_pages_is_served() {
    let report = Report::copy("good/small");
    let serving = Serving::start(&[s(report.path())]);
    serving.wait_for("/", "the report", |b| b.contains("Public order offence"));
    for path in [
        "/../Cargo.toml",
        "/../../../../etc/passwd",
        "/%2e%2e/report.yaml",
        "/%2E%2E%2Freport.yaml",
        "/..%2f..%2fetc%2fpasswd",
        "/..\\report.yaml",
        "/%5c..%5creport.yaml",
        "/report.yaml",
        "/cases/b-first.md",
        "/cases/",
        "/cases",
        "/output/",
        "/output/report.html",
        "//etc/passwd",
        "/report.html%00",
        "/themes.yaml",
        "/nothing.html",
        &format!("/{}", s(&report.path().join("report.yaml"))),
    ] {
        let reply = serving.get(path);
        assert_eq!(reply.status, 404, "{path}: {}", reply.body);
        assert!(reply.body.contains("Page not found"), "{path}");
        assert!(!reply.body.contains("meeting_date"), "{path}");
    }
    let elsewhere = request_to(serving.address, "GET / HTTP/1.1", "rebound.example:80");
    assert_eq!(elsewhere.status, 403);
    assert!(!elsewhere.body.contains("Public order offence"));
    let named = request_to(
        serving.address,
        "GET / HTTP/1.1",
        &format!("localhost:{}", serving.address.port()),
    );
    assert_eq!(named.status, 200);
    let posted = request(serving.address, "POST / HTTP/1.1");
    assert_eq!(posted.status, 405);
    let head = request(serving.address, "HEAD / HTTP/1.1");
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
}

#[test]
fn the_reload_stream_names_each_new_build() {
    let report = Report::copy("good/small");
    let serving = Serving::start(&[s(report.path())]);
    let mut stream = TcpStream::connect_timeout(&serving.address, DEADLINE).unwrap();
    stream.set_read_timeout(Some(DEADLINE)).unwrap();
    write!(
        stream,
        "GET /__reload HTTP/1.1\r\nHost: {}\r\n\r\n",
        serving.address
    )
    .unwrap();
    let mut events = BufReader::new(stream);
    let mut next_event = || loop {
        let mut line = String::new();
        assert!(events.read_line(&mut line).unwrap() > 0, "the stream ended");
        if let Some(data) = line.strip_prefix("data: ") {
            return data.trim().parse::<u64>().unwrap();
        }
        if line.starts_with("Content-Type:") {
            assert_eq!(line.trim(), "Content-Type: text/event-stream");
        }
    };
    let first = next_event();
    edit(
        &report.path().join("summary.md"),
        "",
        "A new first line.\n\n",
    );
    let after = next_event();
    assert!(after > first, "{first} then {after}");
}

#[test]
fn an_archive_is_served_whole_and_a_meeting_is_rebuilt_for_its_panel_s_files() {
    let t = Report::new()
        .file(
            "panel.yaml",
            "title: Northshire Panel\npanel: Northshire Scrutiny\n",
        )
        .file(
            "2023-06/report.yaml",
            "title: June\nmeeting_date: 2023-06-14\n",
        )
        .case_in(
            "2023-06",
            1,
            "judgement: appropriate\n",
            "- Swift and kind.\n",
        )
        .file(
            "2023-09/report.yaml",
            "title: September\nmeeting_date: 2023-09-14\n",
        )
        .case_in(
            "2023-09",
            1,
            "judgement: appropriate\n",
            "- Slow but fair.\n",
        );
    let whole = Serving::start(&[s(t.path())]);
    let index = whole.wait_for("/", "the index", |b| b.contains("Northshire Panel"));
    assert_eq!(index.body, whole.get("/index.html").body);
    assert_eq!(whole.get("/trends.html").status, 200);
    assert!(
        whole
            .get("/2023-06/report.html")
            .body
            .contains("Swift and kind.")
    );
    assert!(whole.get("/2023-09/").body.contains("Slow but fair."));
    assert_eq!(whole.get("/2023-06/cases/case-01.md").status, 404);
    assert_eq!(whole.interrupt(), 0);

    let meeting = Serving::start(&[s(&t.path().join("2023-06"))]);
    meeting.wait_for("/", "the meeting", |b| b.contains("Swift and kind."));
    // The panel's file is above the meeting's folder, and still rebuilds it.
    edit(
        &t.path().join("panel.yaml"),
        "panel: Northshire",
        "panel: Southshire",
    );
    meeting.wait_for("/report.html", "the panel's new title", |b| {
        b.contains("Southshire Scrutiny")
    });
    assert!(!t.path().join("output").exists() && !t.path().join("2023-06/output").exists());
    assert_eq!(meeting.interrupt(), 0);
}

#[test]
fn it_listens_on_loopback_only_unless_told_and_warns_when_told() {
    let report = Report::copy("good/small");
    let serving = Serving::start(&[s(report.path())]);
    assert_eq!(serving.address.ip().to_string(), "127.0.0.1");
    if let Some(ip) = outward_address() {
        let other = SocketAddr::new(ip, serving.address.port());
        assert!(
            TcpStream::connect_timeout(&other, Duration::from_secs(2)).is_err(),
            "reachable on {other}"
        );
    }
    drop(serving);
    let open = Serving::start(&["--bind", "0.0.0.0", s(report.path())]);
    assert!(
        open.stderr().contains(
            "warning: serving on 0.0.0.0, which other computers on the network can reach"
        ),
        "{}",
        open.stderr()
    );
}

/// An address of this machine other than loopback, when it has one.
fn outward_address() -> Option<IpAddr> {
    let socket = std::net::UdpSocket::bind("0.0.0.0:0").ok()?;
    // Connecting a UDP socket sends nothing; it only picks the interface a packet would leave by.
    socket.connect("192.0.2.1:9").ok()?;
    let ip = socket.local_addr().ok()?.ip();
    (!ip.is_loopback() && !ip.is_unspecified()).then_some(ip)
}

#[test]
fn a_port_in_use_is_refused_with_a_free_one_suggested() {
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let report = Report::copy("good/small");
    let (mut child, _lines, stderr) = spawn(&[s(report.path()), "--port", &port]);
    assert_eq!(exit_status(&mut child), 2);
    let start = Instant::now();
    while !stderr.lock().unwrap().contains("help:") && start.elapsed() < DEADLINE {
        std::thread::sleep(Duration::from_millis(25));
    }
    let stderr = stderr.lock().unwrap().clone();
    assert!(
        stderr.contains(&format!(
            "error: port {port} on 127.0.0.1 is already in use"
        )),
        "{stderr}"
    );
    assert!(stderr.contains("help: try `--port "), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}
