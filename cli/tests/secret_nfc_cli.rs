//! A passphrase typed with a decomposed accent on one device and a precomposed one on another is the
//! same passphrase: a backup sealed by `oneday` opens through the FFI the phones use, and a backup
//! sealed through the FFI opens in `oneday`, whichever way the `é` was typed (core's `secret`).

#![allow(clippy::unwrap_used, missing_docs)]

mod harness;
use harness::*;

/// `é` as one code point (what most keyboards send).
const COMPOSED: &str = "caf\u{e9} cr\u{e8}me br\u{fb}l\u{e9}e thursday";
/// `é` as an `e` and a combining acute accent (what some keyboards and pastes send).
const DECOMPOSED: &str = "cafe\u{301} cre\u{300}me bru\u{302}le\u{301}e thursday";

/// A new vault opened through the FFI, as a phone would, in `dir`.
fn ffi_vault(dir: &std::path::Path) -> std::sync::Arc<oneday_ffi::Vault> {
    oneday_ffi::create_vault(
        dir.join("v").to_string_lossy().into_owned(),
        vec![7; 32],
        Some(oneday_ffi::minimum_kdf_params()),
    )
    .unwrap()
    .vault
}

#[test]
fn the_two_spellings_differ_as_bytes() {
    assert_ne!(COMPOSED.as_bytes(), DECOMPOSED.as_bytes());
}

#[test]
fn a_backup_sealed_on_the_cli_with_a_decomposed_passphrase_opens_through_the_ffi() {
    let (tmp, dir) = new_store();
    ok(
        &dir,
        &["counter", "add", "Alcohol", "--since", "2024-01-01"],
    );
    let file = tmp.path().join("backup-2026-12-03");
    let f = file.to_str().unwrap();
    ok_in(
        &dir,
        &["backup", "export", f],
        &format!("{DECOMPOSED}\n{COMPOSED}\n"),
    );
    let bytes = std::fs::read(&file).unwrap();

    let summary = oneday_ffi::verify_backup(bytes.clone(), COMPOSED.as_bytes().to_vec()).unwrap();
    assert_eq!(
        summary.header.secret_kind,
        oneday_ffi::BackupSecretKind::Passphrase
    );
    let new_dir = tempfile::tempdir().unwrap();
    let report = ffi_vault(new_dir.path())
        .restore_backup(bytes, COMPOSED.as_bytes().to_vec(), false)
        .unwrap();
    assert_eq!(report.added, 1);
}

#[test]
fn a_backup_sealed_through_the_ffi_with_a_composed_passphrase_opens_on_the_cli() {
    let tmp = tempfile::tempdir().unwrap();
    let bytes = ffi_vault(tmp.path())
        .export_backup(
            COMPOSED.as_bytes().to_vec(),
            oneday_ffi::BackupSecretKind::Passphrase,
            Some(oneday_ffi::minimum_kdf_params()),
        )
        .unwrap();
    let file = tmp.path().join("backup-2026-12-03");
    std::fs::write(&file, bytes).unwrap();

    let (_store_tmp, dir) = new_store();
    let out = ok_in(
        &dir,
        &["backup", "verify", file.to_str().unwrap()],
        &format!("{DECOMPOSED}\n"),
    );
    assert!(!out.is_empty());
    let (code, _) = {
        let o = oneday_in(
            &dir,
            &["backup", "verify", file.to_str().unwrap()],
            "cafe creme brulee thursday\n",
        );
        (o.status.code().unwrap(), o)
    };
    assert_ne!(code, 0, "a different passphrase must not open it");
}

#[test]
fn a_passphrase_typed_twice_in_two_spellings_is_the_same() {
    let (tmp, dir) = new_store();
    let file = tmp.path().join("backup-2026-12-03");
    let out = oneday_in(
        &dir,
        &["backup", "export", file.to_str().unwrap()],
        &format!("{COMPOSED}\n{DECOMPOSED}\n"),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_secret_that_is_not_utf8_is_refused_as_such() {
    let (tmp, dir) = new_store();
    let file = tmp.path().join("backup-2026-12-03");
    let o = oneday_in_bytes(
        &dir,
        &["backup", "export", file.to_str().unwrap()],
        b"caf\xe9 au lait\ncaf\xe9 au lait\n",
    );
    assert_eq!(
        o.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(!file.exists());
}
