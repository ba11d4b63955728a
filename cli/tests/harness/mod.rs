//! What every end-to-end test of `oneday` needs: run the binary on a store folder, check how it
//! ended, read its JSON, make a new store. Each test file uses a part of it.
#![allow(dead_code, clippy::unwrap_used)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

use serde_json::Value;

/// A D-Bus address nothing listens on: `oneday` then finds no keyring and keeps its device key in
/// the store's key file, whatever session the tests run in (the keyring has its own test:
/// `tests/keyring/run.sh`).
pub const NO_SESSION_BUS: &str = "unix:path=/nonexistent/oneday-tests/bus";

/// Starts `oneday --store DIR ARGS` with stdin, stdout and stderr piped, no device key from the
/// environment, no keyring ([`NO_SESSION_BUS`]) and `TZ=UTC` (tests that need a zone say so with
/// `--zone` or `--as-of`).
pub fn spawn_in(dir: &Path, args: &[&str]) -> Child {
    spawn_with(dir, args, None, NO_SESSION_BUS)
}

/// [`spawn_in`] with the D-Bus session address `bus`, where a Secret Service may answer.
pub fn spawn_with_bus(dir: &Path, args: &[&str], bus: &str) -> Child {
    spawn_with(dir, args, None, bus)
}

/// As [`spawn_in`], with the device key (64 hex digits) in `ONEDAY_DEVICE_KEY` when given.
pub fn spawn_with_key(dir: &Path, device_key: Option<&str>, args: &[&str]) -> Child {
    spawn_with(dir, args, device_key, NO_SESSION_BUS)
}

/// Starts `oneday --store DIR ARGS` with the given device key (or none) and D-Bus session address.
fn spawn_with(dir: &Path, args: &[&str], device_key: Option<&str>, bus: &str) -> Child {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_oneday"));
    cmd.arg("--store")
        .arg(dir)
        .args(args)
        .env("DBUS_SESSION_BUS_ADDRESS", bus)
        .env("TZ", "UTC");
    match device_key {
        Some(key) => cmd.env("ONEDAY_DEVICE_KEY", key),
        None => cmd.env_remove("ONEDAY_DEVICE_KEY"),
    };
    cmd.stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Runs `oneday --store DIR ARGS` (as [`spawn_in`]) with `stdin` piped in.
pub fn oneday_in(dir: &Path, args: &[&str], stdin: &str) -> Output {
    oneday_in_bytes(dir, args, stdin.as_bytes())
}

/// [`oneday_in`] with the D-Bus session address `bus`, where a Secret Service may answer.
pub fn oneday_with_bus(dir: &Path, args: &[&str], stdin: &str, bus: &str) -> Output {
    finish(spawn_with_bus(dir, args, bus), stdin.as_bytes())
}

/// [`oneday_in`] with any bytes on stdin, such as bytes that are not UTF-8.
pub fn oneday_in_bytes(dir: &Path, args: &[&str], stdin: &[u8]) -> Output {
    finish(spawn_in(dir, args), stdin)
}

/// [`oneday_in`] with the device key in `ONEDAY_DEVICE_KEY` when given.
pub fn oneday_with_key(dir: &Path, device_key: Option<&str>, args: &[&str], stdin: &str) -> Output {
    finish(spawn_with_key(dir, device_key, args), stdin.as_bytes())
}

/// Writes `stdin` to the child and waits for it.
fn finish(mut child: Child, stdin: &[u8]) -> Output {
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

/// Runs a command with `stdin` that must succeed; returns its stdout.
pub fn ok_in(dir: &Path, args: &[&str], stdin: &str) -> String {
    let out = oneday_in(dir, args, stdin);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Runs a command that must succeed; returns its stdout.
pub fn ok(dir: &Path, args: &[&str]) -> String {
    ok_in(dir, args, "")
}

/// Runs a command that must print JSON of schema version 1; returns it.
pub fn json(dir: &Path, args: &[&str]) -> Value {
    let v: Value = serde_json::from_str(&ok(dir, args)).unwrap();
    assert_eq!(v["schema_version"], 1, "{args:?}");
    v
}

/// Runs a command that must fail; returns its exit code and stderr (where errors go).
pub fn fails(dir: &Path, args: &[&str]) -> (i32, String) {
    let out = oneday_in(dir, args, "");
    assert!(!out.status.success(), "{args:?} should fail");
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// Runs a command that must fail with exit `code`; returns its stderr.
pub fn fails_with(dir: &Path, args: &[&str], code: i32) -> String {
    let (got, stderr) = fails(dir, args);
    assert_eq!(got, code, "{args:?}: {stderr}");
    stderr
}

/// A new store (`oneday init`) in a temporary folder, and that folder (keep it alive).
pub fn new_store() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("store");
    ok(&dir, &["init"]);
    (tmp, dir)
}

/// The recovery code `oneday init` printed (eight groups of four, on a line of its own).
pub fn recovery_code(init_output: &str) -> String {
    init_output
        .lines()
        .map(str::trim)
        .find(|l| l.len() == 39 && l.matches('-').count() == 7)
        .unwrap()
        .to_owned()
}
