//! `oneday meetings ...` end to end, against a real encrypted store in a temporary folder, with the
//! repository's own sample meeting lists. Downloads are served by a tiny HTTP server on 127.0.0.1
//! inside the test: nothing here reaches the internet.
#![allow(clippy::unwrap_used, missing_docs)]

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use serde_json::Value;

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../core/tests/fixtures/meetings/meeting-guide-sample.json")
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../core/tests/fixtures/meetings")
        .join(name)
}

fn oneday(dir: &Path, args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_oneday"));
    // Never send the test's requests to a proxy: they are for 127.0.0.1 only.
    for proxy in [
        "ALL_PROXY",
        "all_proxy",
        "HTTPS_PROXY",
        "https_proxy",
        "HTTP_PROXY",
        "http_proxy",
    ] {
        command.env_remove(proxy);
    }
    command
        .arg("--store")
        .arg(dir)
        .args(args)
        .env_remove("ONEDAY_DEVICE_KEY")
        // No keyring: the key goes to the store's key file (see the harness's NO_SESSION_BUS).
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            "unix:path=/nonexistent/oneday-tests/bus",
        )
        .env("TZ", "Europe/Berlin")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn ok(dir: &Path, args: &[&str]) -> String {
    let out = oneday(dir, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn json(dir: &Path, args: &[&str]) -> Value {
    let v: Value = serde_json::from_str(&ok(dir, args)).unwrap();
    assert_eq!(v["schema_version"], 1);
    v
}

fn id_of(dir: &Path, slug: &str) -> String {
    let v = json(dir, &["meetings", "search", "--json"]);
    v["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["key"].as_str().unwrap().ends_with(&format!("/{slug}")))
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

fn store() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("store");
    ok(&dir, &["init"]);
    (tmp, dir)
}

#[test]
fn import_save_next_attend_and_export() {
    let (_tmp, dir) = store();
    let file = sample();
    let file = file.to_str().unwrap();
    let text = ok(
        &dir,
        &["meetings", "import", file, "--format", "meeting-guide"],
    );
    assert!(text.contains("kept"), "{text}");
    assert!(text.contains("added"), "{text}");
    let again = json(
        &dir,
        &[
            "meetings",
            "import",
            file,
            "--format",
            "meeting-guide",
            "--json",
        ],
    );
    assert_eq!(again["source"], "meeting-guide-sample");
    assert_eq!(again["counts"]["added"], 0);
    let kept = again["report"]["kept"].as_u64().unwrap();
    assert_eq!(again["counts"]["unchanged"].as_u64().unwrap(), kept);

    let all = json(&dir, &["meetings", "search", "--json"]);
    assert_eq!(all["meetings"].as_array().unwrap().len() as u64, kept);
    let online = json(&dir, &["meetings", "search", "--mode", "online", "--json"]);
    assert!(!online["meetings"].as_array().unwrap().is_empty());
    let text = json(&dir, &["meetings", "search", "--text", "kolkata", "--json"]);
    assert_eq!(text["meetings"].as_array().unwrap().len(), 1);

    // Nothing saved yet.
    let none = json(
        &dir,
        &[
            "meetings",
            "next",
            "--at",
            "2024-06-03 09:00",
            "--zone",
            "Europe/Berlin",
            "--json",
        ],
    );
    assert!(none["occurrences"].as_array().unwrap().is_empty());

    let id = id_of(&dir, "kolkata-online");
    ok(&dir, &["meetings", "save", &id[..6]]);
    ok(&dir, &["meetings", "note", &id[..6], "bring water"]);
    let saved = json(&dir, &["meetings", "search", "--saved", "--json"]);
    assert_eq!(saved["meetings"][0]["note"], "bring water");

    let next = json(
        &dir,
        &[
            "meetings",
            "next",
            "--count",
            "2",
            "--at",
            "2024-06-03 09:00",
            "--zone",
            "Europe/Berlin",
            "--json",
        ],
    );
    assert_eq!(next["user_zone"], "Europe/Berlin");
    assert_eq!(next["from"], "2024-06-03T09:00:00+02:00");
    let occ = next["occurrences"].as_array().unwrap();
    // One row per meeting (its next start), not one per week: one saved meeting, one row.
    assert_eq!(occ.len(), 1);
    assert_eq!(occ[0]["id"], id.as_str());
    assert_eq!(occ[0]["place"]["kind"], "online");
    assert_eq!(occ[0]["start_zone"], "Asia/Kolkata");
    assert_eq!(occ[0]["start"], "2024-06-08T19:00:00+05:30");
    assert_eq!(occ[0]["start_user"], "2024-06-08T15:30:00+02:00");

    // --all includes every meeting; TZ gives the zone when --zone is absent.
    let any = json(
        &dir,
        &[
            "meetings",
            "next",
            "--all",
            "--at",
            "2024-06-03 09:00",
            "--json",
        ],
    );
    assert_eq!(any["user_zone"], "Europe/Berlin");
    assert_eq!(any["occurrences"].as_array().unwrap().len(), 5);

    ok(&dir, &["meetings", "attend", &id, "--date", "2024-06-01"]);
    ok(&dir, &["meetings", "attend", &id, "--date", "2024-06-08"]);
    let att = json(
        &dir,
        &[
            "meetings",
            "attendance",
            "--days",
            "7",
            "--as-of",
            "2024-06-08",
            "--json",
        ],
    );
    assert_eq!(att["count"]["meetings"], 1);
    let att = json(
        &dir,
        &["meetings", "attendance", "--as-of", "2024-06-08", "--json"],
    );
    assert_eq!(att["count"]["meetings"], 2);

    let ics = ok(&dir, &["meetings", "export-ics", &id]);
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"), "{ics}");
    assert!(ics.contains("TZID=Asia/Kolkata"));

    ok(&dir, &["meetings", "unsave", &id]);
    let saved = json(&dir, &["meetings", "search", "--saved", "--json"]);
    assert!(saved["meetings"].as_array().unwrap().is_empty());
}

#[test]
fn bad_input_is_a_clear_error() {
    let (tmp, dir) = store();
    let bad = tmp.path().join("bad.json");
    std::fs::write(&bad, b"[{\"slug\": ").unwrap();
    let out = oneday(
        &dir,
        &[
            "meetings",
            "import",
            bad.to_str().unwrap(),
            "--format",
            "meeting-guide",
        ],
    );
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("not valid JSON"), "{err}");

    let missing = tmp.path().join("missing.json");
    let out = oneday(
        &dir,
        &[
            "meetings",
            "import",
            missing.to_str().unwrap(),
            "--format",
            "bmlt",
        ],
    );
    assert_eq!(out.status.code(), Some(3));

    let out = oneday(&dir, &["meetings", "save", "abcd"]);
    assert_eq!(out.status.code(), Some(3));
    let out = oneday(&dir, &["meetings", "next", "--zone", "Mars/Olympus"]);
    assert_eq!(out.status.code(), Some(3));
    let out = oneday(
        &dir,
        &["meetings", "next", "--at", "tomorrow", "--zone", "UTC"],
    );
    assert_eq!(out.status.code(), Some(3));
}

#[test]
fn a_locked_store_is_exit_4() {
    let (_tmp, dir) = store();
    // Locked as far as this computer goes: its device key is gone (`lock` itself is tested in store_cli).
    std::fs::remove_file(dir.join("device.key")).unwrap();
    let out = oneday(&dir, &["meetings", "search"]);
    assert_eq!(out.status.code(), Some(4));
    let file = sample();
    let out = oneday(
        &dir,
        &[
            "meetings",
            "import",
            file.to_str().unwrap(),
            "--format",
            "meeting-guide",
        ],
    );
    assert_eq!(out.status.code(), Some(4));
}

/// Serves one raw HTTP answer per connection, in order, on 127.0.0.1; returns the base URL and the
/// request heads it received. Bounded: it answers `answers.len()` connections, then stops.
fn serve(answers: Vec<Vec<u8>>) -> (String, mpsc::Receiver<String>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let (heads, received) = mpsc::channel();
    thread::spawn(move || {
        for answer in answers {
            let Ok((mut stream, _)) = listener.accept() else {
                return;
            };
            stream
                .set_read_timeout(Some(Duration::from_secs(10)))
                .unwrap();
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut head = String::new();
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
                head.push_str(&line);
            }
            heads.send(head).unwrap();
            // The client may hang up early (a refused size): that is not the server's failure.
            let _ = stream.write_all(&answer);
        }
    });
    (url, received)
}

/// A port on 127.0.0.1 that nobody listens on (it was free a moment ago).
fn free_port() -> u16 {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    l.local_addr().unwrap().port()
}

/// A new store with the sample list imported as `source`.
fn store_with_sample(source: &str) -> (tempfile::TempDir, PathBuf) {
    let (tmp, dir) = store();
    let file = sample();
    let args = [
        "meetings",
        "import",
        file.to_str().unwrap(),
        "--format",
        "meeting-guide",
        "--source",
        source,
    ];
    ok(&dir, &args);
    (tmp, dir)
}

fn ok_answer(body: &[u8]) -> Vec<u8> {
    let mut a = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )
    .into_bytes();
    a.extend_from_slice(body);
    a
}

fn failed(out: &Output, code: i32) -> String {
    assert_eq!(
        out.status.code(),
        Some(code),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stderr.clone()).unwrap()
}

#[test]
fn import_downloads_a_list_from_a_url() {
    let (_tmp, dir) = store();
    let body = std::fs::read(sample()).unwrap();
    let (base, heads) = serve(vec![ok_answer(&body)]);
    let url = format!("{base}/lists/aa.json?area=1");
    let doc = json(
        &dir,
        &[
            "meetings",
            "import",
            &url,
            "--format",
            "meeting-guide",
            "--json",
        ],
    );
    // The list is named after its host unless --source says otherwise.
    assert_eq!(doc["source"], "127.0.0.1");
    let kept = doc["report"]["kept"].as_u64().unwrap();
    assert!(kept >= 6);
    assert_eq!(doc["counts"]["added"].as_u64().unwrap(), kept);
    let head = heads.recv().unwrap().to_ascii_lowercase();
    assert!(
        head.starts_with("get /lists/aa.json?area=1 http/1.1\r\n"),
        "{head}"
    );
    assert!(head.contains("user-agent: oneday\r\n"), "{head}");
    assert!(!head.contains("cookie"), "{head}");
    let all = json(&dir, &["meetings", "search", "--json"]);
    assert_eq!(all["meetings"].as_array().unwrap().len() as u64, kept);

    // No Content-Length: read to the end of the connection; --source names the list.
    let mut answer = b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n".to_vec();
    answer.extend_from_slice(&body);
    let (base, _heads) = serve(vec![answer]);
    let text = ok(
        &dir,
        &[
            "meetings",
            "import",
            &format!("{base}/feed"),
            "--format",
            "meeting-guide",
            "--source",
            "second",
        ],
    );
    assert!(text.contains("Imported second:"), "{text}");
    let all = json(&dir, &["meetings", "search", "--json"]);
    assert_eq!(all["meetings"].as_array().unwrap().len() as u64, 2 * kept);
}

#[test]
fn a_bmlt_list_and_its_formats_both_come_from_urls() {
    let (_tmp, dir) = store();
    let search = std::fs::read(fixture("bmlt-search-sample.json")).unwrap();
    let formats = std::fs::read(fixture("bmlt-formats-sample.json")).unwrap();
    let (base, heads) = serve(vec![ok_answer(&search), ok_answer(&formats)]);
    let doc = json(
        &dir,
        &[
            "meetings",
            "import",
            &format!("{base}/search"),
            "--formats",
            &format!("{base}/formats"),
            "--format",
            "bmlt",
            "--source",
            "na",
            "--zone",
            "Europe/Berlin",
            "--json",
        ],
    );
    assert!(doc["counts"]["added"].as_u64().unwrap() > 0);
    assert!(heads.recv().unwrap().starts_with("GET /search "));
    assert!(heads.recv().unwrap().starts_with("GET /formats "));
}

#[test]
fn download_failures_are_clear_and_name_no_url() {
    let (_tmp, dir) = store();
    let import = |url: &str| {
        oneday(
            &dir,
            &["meetings", "import", url, "--format", "meeting-guide"],
        )
    };

    let (base, _h) = serve(vec![
        b"HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\nConnection: close\r\n\r\nnot here!"
            .to_vec(),
    ]);
    let err = failed(&import(&format!("{base}/secret-area.json")), 7);
    assert!(err.contains("HTTP 404"), "{err}");
    assert!(
        !err.contains("secret-area") && !err.contains("127.0.0.1"),
        "{err}"
    );
    assert!(!err.contains("not here"), "{err}");

    // A Content-Length over the limit is refused before the body is read.
    let (base, _h) = serve(vec![format!(
        "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n[",
        64 * 1024 * 1024
    )
    .into_bytes()]);
    let err = failed(&import(&format!("{base}/big")), 3);
    assert!(err.contains("larger than"), "{err}");

    // Without a Content-Length, the limit is enforced while the body streams in.
    let mut endless = b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n".to_vec();
    endless.resize(endless.len() + 33 * 1024 * 1024, b' ');
    let (base, _h) = serve(vec![endless]);
    let err = failed(&import(&format!("{base}/streamed")), 3);
    assert!(err.contains("larger than"), "{err}");

    // The server hangs up before the whole list arrived.
    let (base, _h) = serve(vec![
        b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\nConnection: close\r\n\r\n[{\"slug\":".to_vec(),
    ]);
    let err = failed(&import(&format!("{base}/cut")), 7);
    assert!(err.contains("broke off"), "{err}");

    // Nobody listening.
    let port = free_port();
    let err = failed(&import(&format!("http://127.0.0.1:{port}/x")), 7);
    assert!(err.contains("could not download"), "{err}");
    assert!(!err.contains(&port.to_string()), "{err}");

    let err = failed(&import("http://"), 3);
    assert!(err.contains("not a URL"), "{err}");

    // Nothing was imported by any of them.
    let all = json(&dir, &["meetings", "search", "--json"]);
    assert!(all["meetings"].as_array().unwrap().is_empty());
}

#[test]
fn a_locked_store_is_refused_before_any_download() {
    let (_tmp, dir) = store();
    // Locked as far as this computer goes: its device key is gone (`lock` itself is tested in store_cli).
    std::fs::remove_file(dir.join("device.key")).unwrap();
    // No server: a download attempt would be exit 7, not 4.
    let port = free_port();
    let out = oneday(
        &dir,
        &[
            "meetings",
            "import",
            &format!("http://127.0.0.1:{port}/x"),
            "--format",
            "meeting-guide",
        ],
    );
    failed(&out, 4);
}

#[test]
fn a_large_list_imports_without_progress_on_a_pipe() {
    let (tmp, dir) = store();
    let meetings: Vec<String> = (0..600)
        .map(|i| {
            format!(
                r#"{{"slug":"m{i}","name":"Meeting {i}","day":{},"time":"19:00","timezone":"Europe/Berlin"}}"#,
                i % 7
            )
        })
        .collect();
    let feed = tmp.path().join("big.json");
    std::fs::write(&feed, format!("[{}]", meetings.join(","))).unwrap();
    let out = oneday(
        &dir,
        &[
            "meetings",
            "import",
            feed.to_str().unwrap(),
            "--format",
            "meeting-guide",
        ],
    );
    assert!(out.status.success());
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("600 added"), "{text}");
}

fn keys(doc: &Value, list: &str) -> Vec<String> {
    let mut keys: Vec<String> = doc[list]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["key"].as_str().unwrap().to_owned())
        .collect();
    keys.sort();
    keys.dedup();
    keys
}

#[test]
fn search_and_next_share_every_filter() {
    let (_tmp, dir) = store_with_sample("s");
    let search = |extra: &[&str]| {
        let mut args = vec!["meetings", "search", "--json"];
        args.extend_from_slice(extra);
        keys(&json(&dir, &args), "meetings")
    };
    // A window that wraps midnight, in each meeting's own zone.
    assert_eq!(
        search(&["--from", "22:00", "--to", "02:00"]),
        ["s/night-owls"]
    );
    assert_eq!(
        search(&["--from", "6:00", "--to", "12:00"]),
        ["s/closed-for-now", "s/sunrise-serenity"]
    );
    // Distance: only meetings with exact coordinates.
    assert_eq!(
        search(&["--near", "39.78,-89.65", "--within", "0.5"]),
        ["s/sunrise-serenity"]
    );
    assert_eq!(
        search(&["--near", "39.78,-89.65", "--within", "5"]),
        ["s/lakeside-hybrid", "s/sunrise-serenity"]
    );
    assert!(search(&["--near", "-33.92,18.42", "--within", "50"]).is_empty());
    // Combined with the older filters (AND).
    assert_eq!(
        search(&["--near", "39.78,-89.65", "--within", "5", "--type", "B"]),
        ["s/lakeside-hybrid"]
    );

    let next = |extra: &[&str]| {
        let mut args = vec![
            "meetings",
            "next",
            "--all",
            "--count",
            "20",
            "--at",
            "2024-06-03 09:00",
            "--zone",
            "Europe/Berlin",
            "--json",
        ];
        args.extend_from_slice(extra);
        keys(&json(&dir, &args), "occurrences")
    };
    assert_eq!(
        next(&["--from", "18:00", "--to", "19:30"]),
        ["s/kolkata-online", "s/lakeside-hybrid"]
    );
    assert_eq!(
        next(&["--near", "39.78,-89.65", "--within", "0.5"]),
        ["s/sunrise-serenity"]
    );
    assert_eq!(next(&["--text", "kolkata"]), ["s/kolkata-online"]);
    assert_eq!(next(&["--day", "sun", "--open"]), ["s/sunrise-serenity"]);

    // Bad values: exit 3 without repeating a place; half a window or a point without a radius: 2.
    let err = failed(
        &oneday(
            &dir,
            &["meetings", "search", "--near", "95.5,13.4", "--within", "1"],
        ),
        3,
    );
    assert!(err.contains("--near") && !err.contains("95.5"), "{err}");
    failed(
        &oneday(
            &dir,
            &[
                "meetings",
                "search",
                "--near",
                "52.5,13.4",
                "--within",
                "-1",
            ],
        ),
        3,
    );
    failed(
        &oneday(
            &dir,
            &["meetings", "next", "--from", "25:00", "--to", "01:00"],
        ),
        3,
    );
    failed(&oneday(&dir, &["meetings", "search", "--from", "22:00"]), 2);
    failed(
        &oneday(&dir, &["meetings", "search", "--near", "52.5,13.4"]),
        2,
    );
}

#[test]
fn a_reminder_is_set_shown_by_next_and_turned_off() {
    let (_tmp, dir) = store_with_sample("meeting-guide-sample");
    let id = id_of(&dir, "kolkata-online");
    ok(&dir, &["meetings", "save", &id]);
    let text = ok(&dir, &["meetings", "remind", &id[..6], "--minutes", "30"]);
    assert!(text.contains("30 minute(s) before"), "{text}");
    let next_args = [
        "meetings",
        "next",
        "--count",
        "1",
        "--at",
        "2024-06-03 09:00",
        "--zone",
        "Europe/Berlin",
    ];
    let mut with_json = next_args.to_vec();
    with_json.push("--json");
    let doc = json(&dir, &with_json);
    let occ = &doc["occurrences"][0];
    assert_eq!(occ["start_user"], "2024-06-08T15:30:00+02:00");
    assert_eq!(occ["remind_at"], "2024-06-08T15:00:00+02:00");
    let text = ok(&dir, &next_args);
    assert!(text.contains("reminder at 15:00"), "{text}");
    let saved = json(&dir, &["meetings", "search", "--saved", "--json"]);
    assert_eq!(saved["meetings"][0]["reminder"]["kind"], "minutes_before");
    assert_eq!(saved["meetings"][0]["reminder"]["minutes"], 30);

    // More than a week ahead is refused by the core and changes nothing.
    let err = failed(
        &oneday(&dir, &["meetings", "remind", &id, "--minutes", "10081"]),
        3,
    );
    assert!(err.contains("at most 10080 minutes"), "{err}");
    assert_eq!(
        json(&dir, &with_json)["occurrences"][0]["remind_at"],
        "2024-06-08T15:00:00+02:00"
    );

    let text = ok(&dir, &["meetings", "remind", &id, "--off"]);
    assert!(text.contains("Reminder off"), "{text}");
    let doc = json(&dir, &with_json);
    assert!(doc["occurrences"][0]["remind_at"].is_null());
    assert!(!ok(&dir, &next_args).contains("reminder at"));

    // One of --minutes or --off, not both, not neither.
    failed(&oneday(&dir, &["meetings", "remind", &id]), 2);
    failed(
        &oneday(
            &dir,
            &["meetings", "remind", &id, "--off", "--minutes", "5"],
        ),
        2,
    );
    failed(&oneday(&dir, &["meetings", "remind", "ffff", "--off"]), 3);
}

/// Every meeting of the store as its key and name, to show a refused import changed nothing.
fn listed(dir: &Path) -> Vec<(String, String)> {
    let v = json(dir, &["meetings", "search", "--json"]);
    v["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["key"].as_str().unwrap().to_owned(),
                m["meeting"]["name"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn a_wrong_format_or_an_emptied_list_is_refused_and_changes_nothing() {
    let (tmp, dir) = store();
    let file = sample();
    let file = file.to_str().unwrap();
    let source = "meeting-guide-sample";
    ok(
        &dir,
        &["meetings", "import", file, "--format", "meeting-guide"],
    );
    let before = listed(&dir);
    assert_eq!(before.len(), 6);

    let out = oneday(
        &dir,
        &[
            "meetings", "import", file, "--format", "bmlt", "--source", source,
        ],
    );
    let err = failed(&out, 3);
    assert!(err.contains("looks like a Meeting Guide list"), "{err}");
    assert!(err.contains("try --format meeting-guide"), "{err}");
    assert_eq!(listed(&dir), before);

    let empty = tmp.path().join("empty.json");
    std::fs::write(&empty, b"[]").unwrap();
    let empty = empty.to_str().unwrap();
    let import_empty = |extra: &[&str]| {
        let mut args = vec!["meetings", "import", empty, "--format", "meeting-guide"];
        args.extend_from_slice(extra);
        oneday(&dir, &args)
    };
    let err = failed(&import_empty(&["--source", source]), 3);
    assert!(
        err.contains("would remove 6 of the list's 6 meetings"),
        "{err}"
    );
    assert!(err.contains("--replace"), "{err}");
    assert_eq!(listed(&dir), before);

    // Chosen explicitly, the list is replaced by the empty one.
    let out = import_empty(&["--source", source, "--replace"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(listed(&dir).is_empty());

    // A file holding no meetings, with no list to replace, says so in one line.
    let err = failed(&import_empty(&["--source", "other", "--replace"]), 3);
    assert_eq!(
        err,
        "oneday: the meeting list holds no meetings: nothing was imported\n"
    );
}

#[test]
fn a_list_without_zones_needs_one_given_in_any_letter_case() {
    let (_tmp, dir) = store();
    let file = fixture("bmlt-search-sample.json");
    let file = file.to_str().unwrap();
    let out = oneday(
        &dir,
        &[
            "meetings", "import", file, "--format", "bmlt", "--source", "na",
        ],
    );
    let err = failed(&out, 3);
    assert!(
        err.contains("3 meeting(s) in this list name no time zone"),
        "{err}"
    );
    assert!(err.contains("pass --zone Europe/Berlin"), "{err}");
    assert!(listed(&dir).is_empty());

    let text = ok(
        &dir,
        &[
            "meetings",
            "import",
            file,
            "--format",
            "bmlt",
            "--source",
            "na",
            "--zone",
            "europe/berlin",
        ],
    );
    assert!(
        text.starts_with("Imported na: 4 meeting(s) from 4 record(s)"),
        "{text}"
    );
    // Repairs of one kind are one line with their count.
    assert!(
        text.contains("\n  2 × repaired: placeholder coordinates dropped\n"),
        "{text}"
    );
    let next = json(
        &dir,
        &[
            "meetings",
            "next",
            "--all",
            "--at",
            "2024-06-03 09:00",
            "--zone",
            "Europe/Berlin",
            "--json",
        ],
    );
    assert!(next["lists_without_zone"].as_array().unwrap().is_empty());
    let zones: Vec<&str> = next["occurrences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["start_zone"].as_str().unwrap())
        .collect();
    assert!(zones.iter().all(|z| *z == "Europe/Berlin"), "{zones:?}");
}

#[test]
fn next_in_plain_text_shows_a_start_moved_by_the_clock_change() {
    let (tmp, dir) = store();
    let feed = tmp.path().join("spring.json");
    std::fs::write(
        &feed,
        br#"[{"slug":"early","name":"Early Birds","day":0,"time":"02:30","duration":60,
              "timezone":"America/New_York"}]"#,
    )
    .unwrap();
    ok(
        &dir,
        &[
            "meetings",
            "import",
            feed.to_str().unwrap(),
            "--format",
            "meeting-guide",
        ],
    );
    let at = |when: &str| {
        ok(
            &dir,
            &[
                "meetings",
                "next",
                "--all",
                "--count",
                "1",
                "--at",
                when,
                "--zone",
                "America/New_York",
            ],
        )
    };
    let text = at("2024-03-09 12:00");
    assert!(text.contains("Sun 2024-03-10 03:30"), "{text}");
    assert!(
        text.contains(
            "moved by the clock change: 02:30 does not exist that night, so it starts at 03:30 EDT"
        ),
        "{text}"
    );
    let week_later = at("2024-03-11 12:00");
    assert!(week_later.contains("Sun 2024-03-17 02:30"), "{week_later}");
    assert!(!week_later.contains("moved"), "{week_later}");
}
