//! Meetings: import of the largest fixture feed and of a generated 10,000-meeting feed, each
//! parsed only (parse + normalise) and imported INTO a vault (parse, merge by key, seal the list's
//! chunks, one SQLite transaction), against only parsing the same bytes into `serde_json::Value`
//! (targets: the vault import at most 3x that, a re-import of the same feed at most 2x); and `next` over 5,000 meetings with filters: in memory, from a
//! loaded `MeetingBook` (with its is-the-vault-unchanged check), and read from the vault each time
//! (target: under 2 ms). Results are written down in docs/benchmarks.md.
//!
//! Feeds come from `ONEDAY_FIXTURES` (the shared fixtures); without it the repository's own sample
//! is used, replicated to the same size.
#![allow(missing_docs, clippy::unwrap_used)]

use std::hint::black_box;
use std::path::{Path, PathBuf};

use chrono::TimeZone;
use chrono_tz::{America, Europe};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use oneday_core::meetings::import::{meeting_guide, ImportOptions};
use oneday_core::meetings::store;
use oneday_core::meetings::{
    next, parse_feed, AttendanceMode, FeedFormat, Meeting, MeetingBook, MeetingFilter, SourceZones,
};
use oneday_core::vault::{DeviceKey, KdfParams, Vault};

/// The largest Meeting Guide feed available, and its name.
/// The shared fixtures directory from `ONEDAY_FIXTURES` (relative: from here, else the workspace root).
fn fixtures_dir() -> Option<PathBuf> {
    let p = PathBuf::from(std::env::var_os("ONEDAY_FIXTURES").filter(|d| d != "skip")?);
    if p.is_relative() && !p.exists() {
        return Some(Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(p));
    }
    Some(p)
}

fn largest_feed() -> (String, Vec<u8>) {
    if let Some(dir) = fixtures_dir() {
        let dir = dir.join("meeting-guide");
        let mut best: Option<(u64, PathBuf)> = None;
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            let len = p.metadata().unwrap().len();
            if !p.to_string_lossy().contains("invalid")
                && best.as_ref().is_none_or(|(l, _)| len > *l)
            {
                best = Some((len, p));
            }
        }
        let (_, p) = best.unwrap();
        return (
            p.file_name().unwrap().to_string_lossy().into_owned(),
            std::fs::read(p).unwrap(),
        );
    }
    // Replicate the repository's own sample (with unique slugs) to about the same size.
    let sample = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/meetings/meeting-guide-sample.json");
    let records: Vec<serde_json::Value> =
        serde_json::from_slice(&std::fs::read(sample).unwrap()).unwrap();
    let mut out = Vec::new();
    for i in 0..1_100 {
        for r in &records {
            let mut r = r.clone();
            let slug = format!("{}-{i}", r["slug"].as_str().unwrap());
            r["slug"] = serde_json::Value::String(slug);
            out.push(r);
        }
    }
    ("own sample x1100".into(), serde_json::to_vec(&out).unwrap())
}

/// Every record of every valid Meeting Guide feed at hand (the shared fixtures, else the sample).
fn fixture_records() -> Vec<serde_json::Value> {
    let mut feeds = Vec::new();
    if let Some(dir) = fixtures_dir() {
        for e in std::fs::read_dir(dir.join("meeting-guide")).unwrap() {
            feeds.push(std::fs::read(e.unwrap().path()).unwrap());
        }
    } else {
        feeds.push(
            std::fs::read(
                Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("tests/fixtures/meetings/meeting-guide-sample.json"),
            )
            .unwrap(),
        );
    }
    feeds
        .iter()
        .filter_map(|f| serde_json::from_slice::<Vec<serde_json::Value>>(f).ok())
        .flatten()
        .filter(|r| r.is_object())
        .collect()
}

/// A Meeting Guide feed of `n` records cycled from the fixtures, each with a slug of its own.
fn generated_feed(n: usize) -> Vec<u8> {
    let records = fixture_records();
    let out: Vec<serde_json::Value> = (0..n)
        .map(|i| {
            let mut r = records[i % records.len()].clone();
            r["slug"] = serde_json::Value::String(format!("generated-{i}"));
            r
        })
        .collect();
    serde_json::to_vec(&out).unwrap()
}

/// A new vault (cheapest KDF: unlocking is not what is measured) in a temporary folder.
fn fresh_vault() -> (tempfile::TempDir, Vault) {
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = Vault::create(
        &dir.path().join("store"),
        &DeviceKey::generate().unwrap(),
        KdfParams::MINIMUM,
    )
    .unwrap();
    (dir, vault)
}

/// Parses `feed` and imports it into `vault` as source "bench"; returns the meetings written.
fn import_into(vault: &Vault, feed: &[u8]) -> usize {
    let parsed = parse_feed(
        FeedFormat::MeetingGuide,
        feed,
        None,
        &ImportOptions::new("bench"),
    )
    .unwrap();
    let outcome = store::import(vault, parsed, "bench", Some(America::New_York), false).unwrap();
    outcome.counts.added + outcome.counts.updated + outcome.counts.unchanged
}

/// Three ways over the same feed: only `serde_json::Value`, parse + normalise, and into a vault.
fn bench_import(c: &mut Criterion, group: &str, feed: &[u8]) {
    let mut g = c.benchmark_group(group);
    g.sample_size(10);
    g.bench_function("parse_only_serde_json_value", |b| {
        b.iter(|| serde_json::from_slice::<serde_json::Value>(black_box(feed)).unwrap())
    });
    let options = ImportOptions::new("bench");
    g.bench_function("import_meeting_guide", |b| {
        b.iter(|| meeting_guide::import(black_box(feed), &options).unwrap())
    });
    g.bench_function("import_into_new_vault", |b| {
        b.iter_batched(
            fresh_vault,
            |(_dir, vault)| import_into(&vault, black_box(feed)),
            BatchSize::PerIteration,
        )
    });
    let (_dir, vault) = fresh_vault();
    import_into(&vault, feed);
    g.bench_function("re_import_unchanged_into_vault", |b| {
        b.iter(|| import_into(&vault, black_box(feed)))
    });
    g.finish();
}

/// 5,000 meetings built from every fixture feed (or the sample), with distinct keys.
fn five_thousand(feed: &[u8]) -> Vec<Meeting> {
    let mut base = meeting_guide::import(feed, &ImportOptions::new("bench"))
        .unwrap()
        .meetings;
    if let Some(dir) = fixtures_dir() {
        for e in std::fs::read_dir(dir.join("meeting-guide")).unwrap() {
            let bytes = std::fs::read(e.unwrap().path()).unwrap();
            if let Ok(i) = meeting_guide::import(&bytes, &ImportOptions::new("bench")) {
                base.extend(i.meetings);
            }
        }
    }
    let zones = [
        America::New_York,
        America::Los_Angeles,
        Europe::Berlin,
        chrono_tz::Asia::Kolkata,
    ];
    let mut out = Vec::with_capacity(5_000);
    let mut i = 0;
    while out.len() < 5_000 {
        let mut m = base[i % base.len()].clone();
        m.key.id = format!("{}-{i}", m.key.id);
        if m.zone.tz().is_none() {
            m.zone = oneday_core::meetings::MeetingZone::SourceDefault(zones[i % zones.len()]);
        }
        out.push(m);
        i += 1;
    }
    out
}

fn bench(c: &mut Criterion) {
    let (name, feed) = largest_feed();
    eprintln!("largest feed: {name} ({} bytes)", feed.len());
    bench_import(c, "meetings_import", &feed);
    let generated = generated_feed(10_000);
    eprintln!("generated feed: 10000 records ({} bytes)", generated.len());
    bench_import(c, "meetings_import_10000", &generated);

    let meetings = five_thousand(&feed);
    let from = Europe::Berlin
        .with_ymd_and_hms(2024, 6, 15, 18, 0, 0)
        .unwrap();
    let zones = SourceZones::new();
    let mut g = c.benchmark_group("meetings_next");
    g.sample_size(30);
    g.bench_function("next_10_of_5000_no_filter", |b| {
        b.iter(|| {
            next(
                black_box(&meetings),
                from,
                10,
                &MeetingFilter::default(),
                &zones,
            )
            .occurrences
            .len()
        })
    });
    let filter = MeetingFilter {
        modes: Some(vec![AttendanceMode::Online, AttendanceMode::Hybrid]),
        text: Some("group".into()),
        ..Default::default()
    };
    g.bench_function("next_10_of_5000_mode+text_filter", |b| {
        b.iter(|| {
            next(black_box(&meetings), from, 10, &filter, &zones)
                .occurrences
                .len()
        })
    });

    // The same 5,000 meetings imported into a vault: `next` as a shell calls it, which reads
    // (decrypts) every stored meeting first.
    let (_dir, vault) = fresh_vault();
    let mut by_source = std::collections::BTreeMap::<String, Vec<Meeting>>::new();
    for m in &meetings {
        by_source
            .entry(m.key.source.clone())
            .or_default()
            .push(m.clone());
    }
    for (source, list) in by_source {
        let n = list.len();
        let import = oneday_core::meetings::Import {
            meetings: list,
            report: oneday_core::meetings::ImportReport {
                format: FeedFormat::MeetingGuide,
                records: n,
                kept: n,
                skipped: Vec::new(),
                repaired: Vec::new(),
                duplicates: Vec::new(),
            },
        };
        store::import(&vault, import, &source, Some(America::New_York), false).unwrap();
    }
    let book = MeetingBook::load(&vault).unwrap();
    g.bench_function("next_10_of_5000_from_book_mode+text_filter", |b| {
        b.iter(|| {
            assert!(book.is_current(&vault).unwrap());
            book.next(from, 10, &filter, false).occurrences.len()
        })
    });
    g.bench_function("next_10_of_5000_from_vault_mode+text_filter", |b| {
        b.iter(|| {
            store::next(&vault, from, 10, &filter, false)
                .unwrap()
                .occurrences
                .len()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
