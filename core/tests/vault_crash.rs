//! Crash safety: a writer process is killed with SIGKILL at random moments, 100 times, and after
//! every kill the vault must open and hold every record the writer reported as committed, intact.
//!
//! The writer is this test binary itself, re-run with `--ignored --exact crash_child_writer` and the
//! vault folder in an environment variable. It prints `commit <seq>` after each `write_batch`
//! returns; only complete lines count, so a kill between the commit and the print just means the
//! parent knows less than is on disk (which is checked too: the tally record may be ahead).
//!
//! Each batch puts a new record, rewrites a shared tally record and deletes an older record, so a
//! torn transaction would show as a tally that disagrees with the records.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use oneday_core::vault::{DeviceKey, KdfParams, RecordId, RecordKind, Vault, WriteOp};
use serde::{Deserialize, Serialize};

const DIR_ENV: &str = "ONEDAY_CRASH_CHILD_DIR";
const KEY_ENV: &str = "ONEDAY_CRASH_CHILD_KEY";
const START_ENV: &str = "ONEDAY_CRASH_CHILD_START";
const RUNS: usize = 100;

#[derive(Serialize, Deserialize, Debug, PartialEq)]
struct Entry {
    seq: u64,
    text: String,
    attempts: Vec<u64>,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
struct Tally {
    last_seq: u64,
}

/// Ids are derived from the sequence number so the parent can recompute them.
fn id_for(seq: u64) -> RecordId {
    let mut b = [0x5au8; 16];
    b[..8].copy_from_slice(&seq.to_be_bytes());
    RecordId::from_bytes(b)
}

fn tally_id() -> RecordId {
    RecordId::from_bytes([0xEE; 16])
}

fn entry_for(seq: u64) -> Entry {
    Entry {
        seq,
        text: format!("entry {seq} ").repeat(1 + (seq % 20) as usize),
        attempts: (0..seq % 50).collect(),
    }
}

/// Records deleted by the batch of `seq`: every 4th batch (3, 7, 11, ...) deletes the record of
/// `seq - 3`.
fn deleted_by(seq: u64) -> Option<u64> {
    (seq % 4 == 3).then(|| seq - 3)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

/// The writer. Does nothing unless started by `crash_safety_under_sigkill`.
#[test]
#[ignore = "child process of crash_safety_under_sigkill"]
fn crash_child_writer() {
    let Ok(dir) = std::env::var(DIR_ENV) else {
        return;
    };
    let key = DeviceKey::from_bytes(&unhex(&std::env::var(KEY_ENV).unwrap())).unwrap();
    let start: u64 = std::env::var(START_ENV).unwrap().parse().unwrap();
    let vault = Vault::open_with_device_key(&PathBuf::from(dir), &key).unwrap();
    let mut out = std::io::stdout().lock();
    writeln!(out, "ready").unwrap();
    out.flush().unwrap();
    for seq in start.. {
        let mut ops = vec![
            WriteOp::put(RecordKind::Counter, &id_for(seq), &entry_for(seq)).unwrap(),
            WriteOp::put(RecordKind::Setting, &tally_id(), &Tally { last_seq: seq }).unwrap(),
        ];
        if let Some(old) = deleted_by(seq) {
            ops.push(WriteOp::delete(&id_for(old)));
        }
        vault.write_batch(ops).unwrap();
        writeln!(out, "commit {seq}").unwrap();
        out.flush().unwrap();
    }
}

/// Random numbers from the system generator (ring is already a dependency).
fn random_u32() -> u32 {
    u32::from_be_bytes(
        RecordId::generate().unwrap().as_bytes()[..4]
            .try_into()
            .unwrap(),
    )
}

#[test]
fn crash_safety_under_sigkill() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("store");
    let key = DeviceKey::generate().unwrap();
    drop(Vault::create(&dir, &key, KdfParams::MINIMUM).unwrap());
    let exe = std::env::current_exe().unwrap();

    // What the parent knows is committed: seq -> present?
    let mut known: BTreeMap<u64, bool> = BTreeMap::new();
    let mut next_seq = 0u64;
    let mut runs_with_commits = 0;
    let mut kills_before_ready = 0;
    let started = Instant::now();

    for run in 0..RUNS {
        let mut child = Command::new(&exe)
            .args([
                "--ignored",
                "--exact",
                "crash_child_writer",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(DIR_ENV, &dir)
            .env(KEY_ENV, hex(key.as_bytes()))
            .env(START_ENV, next_seq.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel::<Vec<u8>>();
        let reader = std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            loop {
                let mut line = Vec::new();
                match r.read_until(b'\n', &mut line) {
                    Ok(0) | Err(_) => break,
                    Ok(_) => {
                        if tx.send(line).is_err() {
                            break;
                        }
                    }
                }
            }
        });

        // Half the runs: kill at a random moment after spawning (every other one of them within 3 ms,
        // to hit process start-up and the vault opening). The other half: wait until the writer is
        // ready, then a random delay.
        let max_delay_us = if run % 4 == 2 { 3_000 } else { 40_000 };
        let delay = Duration::from_micros(u64::from(random_u32() % max_delay_us));
        let mut lines: Vec<Vec<u8>> = Vec::new();
        if run % 2 == 1 {
            let deadline = Instant::now() + Duration::from_secs(10);
            while Instant::now() < deadline {
                match rx.recv_timeout(Duration::from_millis(10)) {
                    // libtest prints "test crash_child_writer ... " before the first line.
                    Ok(l) if l.ends_with(b"ready\n") => {
                        lines.push(l);
                        break;
                    }
                    Ok(l) => lines.push(l),
                    Err(_) => {}
                }
            }
        }
        std::thread::sleep(delay);
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        reader.join().unwrap();
        lines.extend(rx.try_iter());

        let mut ready = false;
        let mut committed_now = false;
        for line in &lines {
            // A line without its newline was cut by the kill: ignore it.
            let Some(text) = line.strip_suffix(b"\n") else {
                continue;
            };
            let text = String::from_utf8_lossy(text);
            if text.ends_with("ready") {
                ready = true;
            } else if let Some((_, seq)) = text.split_once("commit ") {
                let seq: u64 = seq.parse().unwrap();
                committed_now = true;
                known.insert(seq, true);
                if let Some(old) = deleted_by(seq) {
                    known.insert(old, false);
                }
                next_seq = next_seq.max(seq + 1);
            }
        }
        if !ready {
            kills_before_ready += 1;
        }
        if committed_now {
            runs_with_commits += 1;
        }

        // Reopen and check everything the parent knows about.
        let vault = Vault::open_with_device_key(&dir, &key)
            .unwrap_or_else(|e| panic!("run {run}: vault does not open after SIGKILL: {e}"));
        let tally: Option<Tally> = vault.get(RecordKind::Setting, &tally_id()).unwrap();
        if let Some((&last_known, _)) = known.iter().next_back() {
            let tally = tally
                .as_ref()
                .unwrap_or_else(|| panic!("run {run}: tally missing"));
            assert!(
                tally.last_seq >= last_known,
                "run {run}: tally behind a committed batch"
            );
        }
        // The writer may have committed batches it did not get to print (even the very first one,
        // when the kill lands between the first commit and its line).
        if let Some(tally) = tally {
            let first_unprinted = known.keys().next_back().map_or(0, |last| last + 1);
            next_seq = next_seq.max(tally.last_seq + 1);
            for seq in first_unprinted..=tally.last_seq {
                known.insert(seq, true);
                if let Some(old) = deleted_by(seq) {
                    known.insert(old, false);
                }
            }
        }
        for (&seq, &present) in &known {
            let got: Option<Entry> = vault
                .get(RecordKind::Counter, &id_for(seq))
                .unwrap_or_else(|e| panic!("run {run}: record {seq} unreadable: {e}"));
            if present {
                assert_eq!(
                    got.as_ref(),
                    Some(&entry_for(seq)),
                    "run {run}: record {seq}"
                );
            } else {
                assert_eq!(got, None, "run {run}: record {seq} should be deleted");
            }
        }
        // Nothing beyond what the tally says was committed (no half batches).
        let all = vault.list::<Entry>(RecordKind::Counter).unwrap();
        assert_eq!(
            all.len(),
            known.values().filter(|p| **p).count(),
            "run {run}: record count"
        );
        drop(vault);

        let conn = rusqlite::Connection::open(dir.join("vault.db")).unwrap();
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok", "run {run}");
    }
    eprintln!(
        "crash test: {RUNS} kills ({kills_before_ready} before the writer was ready), \
         {runs_with_commits} runs with commits, {} batches committed, {:?}",
        next_seq,
        started.elapsed()
    );
    assert!(
        runs_with_commits >= RUNS / 4,
        "too few runs got to commit anything"
    );
    assert!(next_seq >= 100, "too few commits overall: {next_seq}");
}
