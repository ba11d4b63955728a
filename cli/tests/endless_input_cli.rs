//! Input that never ends, through every door `oneday` reads outside input by: `/dev/zero` as a
//! file, and a pipe on stdin that is never closed. Each is refused at its limit with a typed error
//! (core's one bounded reader), instead of being read whole.

#![allow(clippy::unwrap_used, missing_docs)]

mod harness;
use harness::*;

use std::io::Write;
use std::path::Path;
use std::process::Output;

const ZERO: &str = "/dev/zero";

/// Runs `oneday --store DIR ARGS` with stdin a pipe that `byte` is written to until `oneday`
/// closes it (a writer that never stops on its own).
fn with_endless_stdin(dir: &Path, args: &[&str], byte: u8) -> Output {
    let mut child = spawn_in(dir, args);
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let chunk = vec![byte; 64 * 1024];
        let mut written = 0u64;
        // Ends when oneday exits and the pipe breaks.
        while stdin.write_all(&chunk).is_ok() {
            written += chunk.len() as u64;
        }
        written
    });
    let out = child.wait_with_output().unwrap();
    let written = writer.join().unwrap();
    // Far less than the 100 MB stream the issue saw read whole; the pipe holds at most 64 KiB more
    // than oneday read.
    assert!(written < 40 * 1024 * 1024, "{written} bytes were taken");
    out
}

fn refused(out: &Output, code: i32, says: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(code), "{stderr}");
    assert!(stderr.contains(says), "{stderr}");
}

#[test]
fn a_meeting_list_from_dev_zero_is_refused_at_the_feed_limit() {
    let (_tmp, dir) = new_store();
    let err = fails_with(
        &dir,
        &["meetings", "import", ZERO, "--format", "meeting-guide"],
        3,
    );
    assert!(err.contains("larger than 33554432 bytes"), "{err}");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../core/tests/fixtures/meetings/bmlt-search-sample.json");
    let err = fails_with(
        &dir,
        &[
            "meetings",
            "import",
            sample.to_str().unwrap(),
            "--format",
            "bmlt",
            "--formats",
            ZERO,
        ],
        3,
    );
    assert!(err.contains("larger than 33554432 bytes"), "{err}");
}

#[test]
fn a_backup_from_dev_zero_is_not_a_backup_at_once() {
    let (_tmp, dir) = new_store();
    for action in ["verify", "restore"] {
        let err = fails_with(&dir, &["backup", action, ZERO], 3);
        assert!(err.contains("not a One Day backup"), "{action}: {err}");
    }
}

#[test]
fn plan_markdown_from_dev_zero_or_an_endless_pipe_is_refused_at_its_limit() {
    let (_tmp, dir) = new_store();
    let err = fails_with(
        &dir,
        &["plan", "edit", "safety", "--from-markdown", ZERO],
        3,
    );
    assert!(err.contains("larger than 4 MiB"), "{err}");
    let out = with_endless_stdin(
        &dir,
        &["plan", "edit", "safety", "--from-markdown", "-"],
        b'#',
    );
    refused(&out, 3, "larger than 4 MiB");
}

#[test]
fn a_label_or_journal_piped_in_without_end_is_refused_at_the_line_limit() {
    let (_tmp, dir) = new_store();
    let out = with_endless_stdin(
        &dir,
        &["counter", "add", "-", "--since", "2024-01-01"],
        b'y',
    );
    refused(&out, 3, "longer than 16000 bytes");
    let out = with_endless_stdin(&dir, &["checkin", "--mood", "3", "--journal", "-"], b'y');
    refused(&out, 3, "longer than 16000 bytes");
    // Nothing was stored by either.
    assert_eq!(
        json(&dir, &["counter", "list", "--json"])["counters"],
        serde_json::json!([])
    );
}

#[test]
fn a_passphrase_piped_in_without_end_is_refused_at_the_line_limit() {
    let (tmp, dir) = new_store();
    let file = tmp.path().join("backup");
    let out = with_endless_stdin(&dir, &["backup", "export", file.to_str().unwrap()], b'p');
    refused(&out, 3, "longer than 16000 bytes");
    assert!(!file.exists());
}
