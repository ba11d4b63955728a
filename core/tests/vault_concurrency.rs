//! Concurrency: several threads share one vault and do mixed reads and writes; no call fails and
//! the final state is exactly what the threads' own bookkeeping says.
#![allow(clippy::unwrap_used)]

mod vault_support;

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;

use oneday_core::vault::{RecordId, RecordKind, Vault, VaultError, WriteOp};
use serde::{Deserialize, Serialize};
use vault_support::*;

const THREADS: u64 = 6;
const OPS: u64 = 150;

#[derive(Serialize, Deserialize, Debug, PartialEq, Clone)]
struct Item {
    owner: u64,
    version: u64,
    text: String,
}

/// A tiny deterministic generator per thread (xorshift), so runs are varied but reproducible.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn mixed_reads_and_writes_from_many_threads() {
    let tv = new_vault();
    let vault = Arc::new(tv.vault);
    let shared_counter = RecordId::generate().unwrap();
    vault
        .put(RecordKind::Setting, &shared_counter, &0u64)
        .unwrap();

    let handles: Vec<_> = (0..THREADS)
        .map(|t| {
            let vault = Arc::clone(&vault);
            std::thread::spawn(move || {
                let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ (t + 1));
                let mut mine: BTreeMap<RecordId, Item> = BTreeMap::new();
                let mut increments = 0u64;
                for i in 0..OPS {
                    match rng.next() % 7 {
                        0 | 1 => {
                            let id = RecordId::generate().unwrap();
                            let item = Item {
                                owner: t,
                                version: 0,
                                text: format!("t{t} op{i}"),
                            };
                            vault.put(RecordKind::Counter, &id, &item).unwrap();
                            mine.insert(id, item);
                        }
                        2 if !mine.is_empty() => {
                            let n = (rng.next() as usize) % mine.len();
                            let id = *mine.keys().nth(n).unwrap();
                            let item = mine.get_mut(&id).unwrap();
                            item.version += 1;
                            item.text.push('+');
                            vault.put(RecordKind::Counter, &id, item).unwrap();
                        }
                        3 if !mine.is_empty() => {
                            let n = (rng.next() as usize) % mine.len();
                            let id = *mine.keys().nth(n).unwrap();
                            assert!(vault.delete(&id).unwrap());
                            mine.remove(&id);
                        }
                        4 => {
                            // Read-modify-write of a record all threads share: must not lose updates.
                            vault
                                .transaction(|tx| {
                                    let n: u64 =
                                        tx.get(RecordKind::Setting, &shared_counter)?.unwrap();
                                    tx.put(RecordKind::Setting, &shared_counter, &(n + 1))
                                })
                                .unwrap();
                            increments += 1;
                        }
                        5 => {
                            let a = RecordId::generate().unwrap();
                            let b = RecordId::generate().unwrap();
                            let ia = Item {
                                owner: t,
                                version: 0,
                                text: "batch a".into(),
                            };
                            let ib = Item {
                                owner: t,
                                version: 0,
                                text: "batch b".into(),
                            };
                            vault
                                .write_batch(vec![
                                    WriteOp::put(RecordKind::Counter, &a, &ia).unwrap(),
                                    WriteOp::put(RecordKind::Counter, &b, &ib).unwrap(),
                                ])
                                .unwrap();
                            mine.insert(a, ia);
                            mine.insert(b, ib);
                        }
                        _ => {
                            // Own records, seen through a full listing, match the bookkeeping.
                            let listed: BTreeMap<RecordId, Item> = vault
                                .list::<Item>(RecordKind::Counter)
                                .unwrap()
                                .into_iter()
                                .filter(|(_, item)| item.owner == t)
                                .collect();
                            assert_eq!(listed, mine);
                            if let Some((id, item)) = mine.iter().next() {
                                assert_eq!(
                                    vault.get::<Item>(RecordKind::Counter, id).unwrap().as_ref(),
                                    Some(item)
                                );
                            }
                        }
                    }
                }
                (mine, increments)
            })
        })
        .collect();

    let mut expected: BTreeMap<RecordId, Item> = BTreeMap::new();
    let mut increments = 0;
    for h in handles {
        let (mine, inc) = h.join().unwrap();
        expected.extend(mine);
        increments += inc;
    }
    let got: BTreeMap<RecordId, Item> = vault
        .list(RecordKind::Counter)
        .unwrap()
        .into_iter()
        .collect();
    assert_eq!(got, expected);
    assert_eq!(
        vault
            .get::<u64>(RecordKind::Setting, &shared_counter)
            .unwrap(),
        Some(increments)
    );

    // And the same after closing and reopening.
    let key = tv.key;
    let dir = tv.dir.clone();
    drop(vault);
    let reopened = Vault::open_with_device_key(&dir, &key).unwrap();
    let got: BTreeMap<RecordId, Item> = reopened
        .list(RecordKind::Counter)
        .unwrap()
        .into_iter()
        .collect();
    assert_eq!(got, expected);
}

/// One thread locks and unlocks while others read and write: every call either works or reports
/// `Locked`, nothing else, and nothing is lost.
#[test]
fn lock_and_unlock_race_with_readers() {
    let tv = new_vault();
    let vault = Arc::new(tv.vault);
    let key = Arc::new(tv.key);
    let stop = Arc::new(AtomicBool::new(false));
    let written = Arc::new(AtomicU64::new(0));
    let id = RecordId::generate().unwrap();
    vault.put(RecordKind::Setting, &id, &0u64).unwrap();

    let toggler = {
        let (vault, key, stop) = (Arc::clone(&vault), Arc::clone(&key), Arc::clone(&stop));
        std::thread::spawn(move || {
            for _ in 0..200 {
                vault.lock();
                std::thread::yield_now();
                vault.unlock_with_device_key(&key).unwrap();
                std::thread::yield_now();
            }
            stop.store(true, Ordering::SeqCst);
        })
    };
    let workers: Vec<_> = (0..3)
        .map(|_| {
            let (vault, stop, written) =
                (Arc::clone(&vault), Arc::clone(&stop), Arc::clone(&written));
            std::thread::spawn(move || {
                let (mut ok, mut locked) = (0u64, 0u64);
                while !stop.load(Ordering::SeqCst) {
                    let r = vault.transaction(|tx| {
                        let n: u64 = tx.get(RecordKind::Setting, &id)?.unwrap();
                        tx.put(RecordKind::Setting, &id, &(n + 1))
                    });
                    match r {
                        Ok(()) => {
                            ok += 1;
                            written.fetch_add(1, Ordering::SeqCst);
                        }
                        Err(VaultError::Locked) => locked += 1,
                        Err(e) => panic!("unexpected error {e}"),
                    }
                }
                (ok, locked)
            })
        })
        .collect();
    toggler.join().unwrap();
    for w in workers {
        w.join().unwrap();
    }
    vault.unlock_with_device_key(&key).unwrap();
    assert_eq!(
        vault.get::<u64>(RecordKind::Setting, &id).unwrap(),
        Some(written.load(Ordering::SeqCst))
    );
}
