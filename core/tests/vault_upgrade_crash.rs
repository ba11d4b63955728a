//! The upgrade of a schema-1 vault (re-seal every record, write the manifest: one transaction at
//! the first unlock) killed with SIGKILL at random moments: every time, the vault opens afterwards
//! and holds the fixture's records, all sealed under one schema version, never a mix.
//!
//! The child is this test binary, re-run with `--ignored --exact upgrade_child`: it copies the v1
//! fixture to a new folder, prints the folder, opens (upgrades) it, prints `done`, and starts over,
//! until killed. The parent then opens the folder the child was working on.
#![allow(clippy::unwrap_used)]

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

mod vault_support;

use oneday_core::vault::{RecordId, Vault};
use vault_support::{fixture_device_key, sealed_schemas};

const DIR_ENV: &str = "ONEDAY_UPGRADE_CHILD_DIR";
const RUNS: usize = 40;

fn fixture_v1() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/vault-v1/vault.db")
}

/// The child. Does nothing unless started by `an_upgrade_killed_at_any_moment_leaves_one_version`.
#[test]
#[ignore = "child process of an_upgrade_killed_at_any_moment_leaves_one_version"]
fn upgrade_child() {
    let Ok(root) = std::env::var(DIR_ENV) else {
        return;
    };
    let mut out = std::io::stdout().lock();
    for n in 0.. {
        let dir = Path::new(&root).join(format!("run-{n}"));
        fs::create_dir_all(&dir).unwrap();
        fs::copy(fixture_v1(), dir.join("vault.db")).unwrap();
        writeln!(out, "start {}", dir.display()).unwrap();
        out.flush().unwrap();
        drop(Vault::open_with_device_key(&dir, &fixture_device_key()).unwrap());
        writeln!(out, "done").unwrap();
        out.flush().unwrap();
    }
}

fn random_u32() -> u32 {
    u32::from_be_bytes(
        RecordId::generate().unwrap().as_bytes()[..4]
            .try_into()
            .unwrap(),
    )
}

#[test]
fn an_upgrade_killed_at_any_moment_leaves_one_version() {
    let tmp = tempfile::tempdir().unwrap();
    let exe = std::env::current_exe().unwrap();
    let (mut still_v1, mut upgraded) = (0, 0);
    for run in 0..RUNS {
        let root = tmp.path().join(format!("child-{run}"));
        fs::create_dir_all(&root).unwrap();
        let mut child = Command::new(&exe)
            .args([
                "--ignored",
                "--exact",
                "upgrade_child",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(DIR_ENV, &root)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            let mut lines = Vec::new();
            for line in BufReader::new(stdout).lines() {
                match line {
                    Ok(l) => lines.push(l),
                    Err(_) => break,
                }
            }
            lines
        });
        // Past start-up (tens of milliseconds), into the loop of copies and upgrades.
        std::thread::sleep(Duration::from_micros(
            20_000 + u64::from(random_u32() % 200_000),
        ));
        child.kill().unwrap();
        child.wait().unwrap();
        let lines = reader.join().unwrap();

        // Every folder the child started: the finished ones and the one it was killed in.
        let dirs: Vec<PathBuf> = lines
            .iter()
            .filter_map(|l| l.split_once("start ").map(|(_, d)| PathBuf::from(d)))
            .collect();
        for dir in &dirs {
            if !dir.join("vault.db").is_file() {
                continue; // killed while copying
            }
            let copied = fs::metadata(dir.join("vault.db")).unwrap().len();
            if copied != fs::metadata(fixture_v1()).unwrap().len() {
                continue; // killed while copying
            }
            let schemas = sealed_schemas(dir);
            assert_eq!(schemas.len(), 5, "run {run}: {}", dir.display());
            let first = schemas[0];
            assert!(
                schemas.iter().all(|&v| v == first),
                "run {run}: a mix of versions {schemas:?}"
            );
            if first == 1 {
                still_v1 += 1;
            } else {
                upgraded += 1;
            }
            let vault = Vault::open_with_device_key(dir, &fixture_device_key())
                .unwrap_or_else(|e| panic!("run {run}: does not open after SIGKILL: {e}"));
            assert_eq!(vault.list_all().unwrap().len(), 5, "run {run}");
            drop(vault);
            assert!(sealed_schemas(dir).iter().all(|&v| v == 2));
        }
    }
    eprintln!("{RUNS} kills: {upgraded} folders upgraded, {still_v1} still at version 1");
    assert!(upgraded > 0, "no upgrade ever finished before a kill");
}
