//! Helpers shared by the unit tests of every area.
#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;

/// The civil date `y-m-day`; panics on a date that does not exist (tests only).
pub(crate) fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A new vault in a temporary folder (cheapest KDF), with the folder that holds it.
pub(crate) fn temp_vault() -> (tempfile::TempDir, crate::vault::Vault) {
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = crate::vault::Vault::create(
        dir.path(),
        &crate::vault::DeviceKey::generate().unwrap(),
        crate::vault::KdfParams::MINIMUM,
    )
    .unwrap();
    (dir, vault)
}
