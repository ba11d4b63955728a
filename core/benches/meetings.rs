//! Meetings: import (parse + normalise) of the largest fixture feed against only parsing the same
//! bytes into `serde_json::Value` (target: at most 4x), and `next` over 5,000 meetings with filters
//! (target: under 2 ms). Results are written down in docs/benchmarks.md.
//!
//! Feeds come from `ONEDAY_FIXTURES` (the shared fixtures); without it the repository's own sample
//! is used, replicated to the same size.
#![allow(missing_docs, clippy::unwrap_used)]

use std::hint::black_box;
use std::path::{Path, PathBuf};

use chrono::TimeZone;
use chrono_tz::{America, Europe};
use criterion::{criterion_group, criterion_main, Criterion};
use oneday_core::meetings::import::{meeting_guide, ImportOptions};
use oneday_core::meetings::{next, AttendanceMode, Meeting, MeetingFilter, SourceZones};

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
    let mut g = c.benchmark_group("meetings_import");
    g.sample_size(20);
    g.bench_function("parse_only_serde_json_value", |b| {
        b.iter(|| serde_json::from_slice::<serde_json::Value>(black_box(&feed)).unwrap())
    });
    let options = ImportOptions::new("bench");
    g.bench_function("import_meeting_guide", |b| {
        b.iter(|| meeting_guide::import(black_box(&feed), &options).unwrap())
    });
    g.finish();

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
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
