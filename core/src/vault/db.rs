//! The vault's files and how the SQLite connection is opened and configured.
//!
//! A vault folder holds `vault.db` and, while it is open, SQLite's `vault.db-wal` and `vault.db-shm`.
//! A vault being created is built as `vault.db.new` and renamed into place once its key slots are
//! committed, so a crash during `create` never leaves a `vault.db` that no key opens. A wipe in
//! progress is marked by `vault.wipe` (see `wipe.rs`).
//!
//! Every connection gets the same settings:
//!
//! * `journal_mode=WAL`: readers do not block the writer, and a commit is one append to the log;
//! * `synchronous=FULL`: a commit is on disk when it returns (also across power loss);
//! * `secure_delete=ON`: deleted and overwritten content is zeroed in the file, not left in free space
//!   (all of it is ciphertext anyway, but this also covers the destroyed key slots of a wipe);
//! * `temp_store=MEMORY`: SQLite's temporary tables and indices never go to temp files;
//! * `foreign_keys=ON`, `trusted_schema=OFF`: defaults one should always have;
//! * a busy timeout of 5 s for when another process holds the write lock.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use super::error::VaultError;

/// The database file.
pub(crate) const DB_FILE: &str = "vault.db";
/// The database file while `create` builds it.
pub(crate) const NEW_DB_FILE: &str = "vault.db.new";
/// Present while a wipe is in progress.
pub(crate) const WIPE_MARKER: &str = "vault.wipe";
/// Files SQLite puts beside a database.
const SIDE_SUFFIXES: [&str; 3] = ["-wal", "-shm", "-journal"];
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Path of the database in `dir`.
pub(crate) fn db_path(dir: &Path) -> PathBuf {
    dir.join(DB_FILE)
}

/// The side files (WAL, SHM, rollback journal) of the database at `db`.
pub(crate) fn side_files(db: &Path) -> Vec<PathBuf> {
    SIDE_SUFFIXES
        .iter()
        .map(|suffix| {
            let mut name = db.as_os_str().to_owned();
            name.push(suffix);
            PathBuf::from(name)
        })
        .collect()
}

/// Every file a vault in `dir` can consist of, WAL and SHM first and the marker last.
pub(crate) fn all_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for db in [dir.join(NEW_DB_FILE), db_path(dir)] {
        files.extend(side_files(&db));
        files.push(db);
    }
    files
}

/// Opens an existing database (never creates one) without changing anything in it yet: call
/// [`configure`] next, after checking that it is a vault.
pub(crate) fn open_existing(path: &Path) -> Result<Connection, VaultError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    Ok(Connection::open_with_flags(path, flags)?)
}

/// The page size of new vaults. Records live in one `WITHOUT ROWID` table, where SQLite keeps a row
/// on its b-tree page only up to about a quarter of a page and moves the rest to overflow pages;
/// a sealed meeting is 1 to 2 KiB, so with SQLite's default 4 KiB pages most of them overflowed,
/// doubling the pages read and written. 16 KiB keeps rows up to about 4 KiB on their page (the
/// import benchmark in docs/benchmarks.md). Vaults created with 4 KiB pages keep them and work.
const PAGE_SIZE: i64 = 16_384;

/// Creates a new database file at `path` (which must not exist), readable only by the owner.
pub(crate) fn create_new(path: &Path) -> Result<Connection, VaultError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)?;
    // SQLite creates the file on open; restrict it before anything is written. The WAL and SHM files
    // SQLite creates later take the permissions of the database file.
    restrict_to_owner(path, 0o600)?;
    // Before the first write (the switch to WAL) fixes it for good; see PAGE_SIZE.
    conn.pragma_update(None, "page_size", PAGE_SIZE)?;
    configure(&conn)?;
    Ok(conn)
}

/// Applies the settings listed in the module documentation. Switching to WAL writes the database
/// header, so this is the first write to a file.
pub(crate) fn configure(conn: &Connection) -> Result<(), VaultError> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    let mode: String =
        conn.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(VaultError::CorruptDatabase);
    }
    conn.execute_batch(
        "PRAGMA synchronous = FULL;
         PRAGMA temp_store = MEMORY;
         PRAGMA foreign_keys = ON;
         PRAGMA trusted_schema = OFF;
         PRAGMA cache_size = -16384;",
    )?;
    // `PRAGMA secure_delete = ON` answers with the setting now in force; check it took.
    let secure: i64 =
        conn.pragma_update_and_check(None, "secure_delete", "ON", |row| row.get(0))?;
    if secure != 1 {
        return Err(VaultError::CorruptDatabase);
    }
    Ok(())
}

/// Sets owner-only permissions (Unix); a no-op elsewhere.
pub(crate) fn restrict_to_owner(path: &Path, mode: u32) -> Result<(), VaultError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(path, fs::Permissions::from_mode(mode))?;
    }
    #[cfg(not(unix))]
    let _ = (path, mode);
    Ok(())
}

/// Flushes a folder's entries (renames, deletions) to disk. A no-op where folders cannot be opened.
pub(crate) fn sync_dir(dir: &Path) -> Result<(), VaultError> {
    #[cfg(unix)]
    fs::File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// Removes a file; a file that is already gone is fine.
pub(crate) fn remove_if_present(path: &Path) -> Result<(), VaultError> {
    match fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn settings_are_applied() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(DB_FILE);
        let conn = create_new(&path).unwrap();
        let get =
            |name: &str| -> i64 { conn.pragma_query_value(None, name, |r| r.get(0)).unwrap() };
        assert_eq!(get("secure_delete"), 1);
        assert_eq!(get("temp_store"), 2, "2 = MEMORY");
        assert_eq!(get("foreign_keys"), 1);
        assert_eq!(get("synchronous"), 2, "2 = FULL");
        let mode: String = conn
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[test]
    fn open_existing_does_not_create() {
        let dir = tempfile::tempdir().unwrap();
        assert!(open_existing(&dir.path().join(DB_FILE)).is_err());
        assert!(!dir.path().join(DB_FILE).exists());
    }

    #[test]
    fn garbage_file_is_corrupt_database() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(DB_FILE);
        fs::write(&path, vec![0x5a; 8192]).unwrap();
        let conn = open_existing(&path).unwrap();
        assert!(matches!(configure(&conn), Err(VaultError::CorruptDatabase)));
    }

    #[test]
    fn side_file_names() {
        let files = side_files(Path::new("/x/vault.db"));
        assert_eq!(
            files,
            vec![
                PathBuf::from("/x/vault.db-wal"),
                PathBuf::from("/x/vault.db-shm"),
                PathBuf::from("/x/vault.db-journal")
            ]
        );
    }
}
