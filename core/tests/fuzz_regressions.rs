//! Replays the committed fuzz inputs through the same functions the fuzz targets call
//! (`oneday_core::fuzzing`): every seed in `core/fuzz/seeds/<target>/` and every crash ever found,
//! kept in `core/fuzz/regressions/<target>/`. A panic in any of them fails this test, so
//! `cargo test --workspace` (and `.ci/run`) runs the regression inputs. See `docs/fuzzing.md`.

#![allow(clippy::unwrap_used)]

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use oneday_core::fuzzing;

/// A fuzz target's function.
type Target = fn(&[u8]);

/// Every fuzz target, by the name of its folder, and the function it calls.
const TARGETS: [(&str, Target); 7] = [
    ("meeting_guide_feed", fuzzing::meeting_guide_feed),
    ("bmlt_feed", fuzzing::bmlt_feed),
    ("bmlt_formats", fuzzing::bmlt_formats),
    ("sealed_record", fuzzing::sealed_record),
    ("date", fuzzing::date),
    ("phone", fuzzing::phone),
    ("backup_file", fuzzing::backup_file),
];

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz")
}

/// The files of `dir` (not dot files), sorted; an absent folder has none.
fn inputs(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .filter(|p| !p.file_name().unwrap().to_string_lossy().starts_with('.'))
        .collect();
    files.sort();
    files
}

/// Runs every file of `folder/<target>/` through its target; returns how many ran and the failures.
fn replay(folder: &str) -> (usize, Vec<String>) {
    let mut ran = 0;
    let mut failures = Vec::new();
    for (name, target) in TARGETS {
        for file in inputs(&fuzz_dir().join(folder).join(name)) {
            let data = std::fs::read(&file).unwrap();
            ran += 1;
            if catch_unwind(AssertUnwindSafe(|| target(&data))).is_err() {
                failures.push(format!("{name}: {}", file.display()));
            }
        }
    }
    (ran, failures)
}

#[test]
fn every_target_has_a_seed_and_a_regressions_folder() {
    for (name, _) in TARGETS {
        assert!(
            !inputs(&fuzz_dir().join("seeds").join(name)).is_empty(),
            "no seeds for {name}"
        );
        assert!(
            fuzz_dir().join("regressions").join(name).is_dir(),
            "no regressions folder for {name}"
        );
        assert!(
            fuzz_dir()
                .join("fuzz_targets")
                .join(format!("{name}.rs"))
                .is_file(),
            "no fuzz target for {name}"
        );
    }
}

#[test]
fn seeds_run_without_a_panic() {
    let (ran, failures) = replay("seeds");
    assert!(ran >= TARGETS.len(), "only {ran} seeds ran");
    assert!(failures.is_empty(), "seeds that panic: {failures:#?}");
}

#[test]
fn regression_inputs_run_without_a_panic() {
    let (_, failures) = replay("regressions");
    assert!(
        failures.is_empty(),
        "regression inputs that panic: {failures:#?}"
    );
}

#[test]
fn the_valid_sealed_seed_is_a_real_record() {
    // The seed that reaches the payload reader must be one the fixed key opens; resealing its
    // opened payload gives a record of the same length.
    let sealed = std::fs::read(fuzz_dir().join("seeds/sealed_record/valid-setting.bin")).unwrap();
    let payload = std::fs::read(fuzz_dir().join("seeds/sealed_record/opened-payload.bin")).unwrap();
    assert_eq!(fuzzing::seal_for_fuzzing(&payload).len(), sealed.len());
    assert_eq!(
        fuzzing::open_for_fuzzing(&sealed).as_deref(),
        Some(&payload[..])
    );
}
