//! Peak memory of the importers on hostile input, measured from outside the process (memory is
//! documented, never asserted in a test). Run one case per process and read "Maximum resident set
//! size" (see docs/fuzzing.md):
//!
//! ```text
//! cargo build -p oneday-core --example hostile_memory
//! /usr/bin/time -v target/debug/examples/hostile_memory CASE
//! ```
//!
//! Cases: `baseline` (no input), `largest-feed` (a Meeting Guide feed just under the 32 MiB cap,
//! made of real-shaped records), `100mb-feed` (refused), `deep-json` (nested 100,000 deep),
//! `10mb-name` (a meeting whose name is 10 MB).

use oneday_core::meetings::{parse_feed, FeedFormat, ImportOptions, MAX_FEED_BYTES};

const SAMPLE: &[u8] = include_bytes!("../tests/fixtures/meetings/meeting-guide-sample.json");
const MB: usize = 1024 * 1024;

/// A feed of copies of the sample's records (each with its own slug) just under the cap.
fn largest_feed() -> Vec<u8> {
    let records: Vec<serde_json::Value> = match serde_json::from_slice(SAMPLE) {
        Ok(serde_json::Value::Array(r)) => r,
        _ => Vec::new(),
    };
    let mut feed = b"[".to_vec();
    let mut n = 0usize;
    'fill: loop {
        for r in &records {
            let mut r = r.clone();
            if let Some(o) = r.as_object_mut() {
                o.insert("slug".into(), serde_json::Value::String(format!("m{n}")));
            }
            let bytes = serde_json::to_vec(&r).unwrap_or_default();
            if feed.len() + bytes.len() + 2 > MAX_FEED_BYTES || records.is_empty() {
                break 'fill;
            }
            if n > 0 {
                feed.push(b',');
            }
            feed.extend_from_slice(&bytes);
            n += 1;
        }
    }
    feed.push(b']');
    feed
}

fn main() {
    let case = std::env::args().nth(1).unwrap_or_default();
    let feed: Vec<u8> = match case.as_str() {
        "baseline" => {
            println!("baseline: nothing parsed");
            return;
        }
        "largest-feed" => largest_feed(),
        "100mb-feed" => {
            let mut f = vec![b' '; 100 * MB];
            f[0] = b'[';
            f[100 * MB - 1] = b']';
            f
        }
        "deep-json" => {
            let mut f = vec![b'['; 100_000];
            f.extend(std::iter::repeat_n(b']', 100_000));
            f
        }
        "10mb-name" => format!(
            r#"[{{"slug":"a","name":"{}","day":1,"time":"19:00"}}]"#,
            "x".repeat(10 * MB)
        )
        .into_bytes(),
        other => {
            eprintln!(
                "unknown case `{other}`: baseline, largest-feed, 100mb-feed, deep-json, 10mb-name"
            );
            std::process::exit(2);
        }
    };
    let options = ImportOptions::new("memory");
    match parse_feed(FeedFormat::MeetingGuide, &feed, None, &options) {
        Ok(import) => println!(
            "{case}: {} bytes in, {} meetings kept",
            feed.len(),
            import.meetings.len()
        ),
        Err(e) => println!("{case}: {} bytes in, refused: {e}", feed.len()),
    }
}
