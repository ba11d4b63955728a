//! The device key file's bytes on disk: written owner-only and durably, and never simply unlinked.
//!
//! Unlinking a file frees its blocks with the key still in them, where anyone who images the disk
//! can read it. So a key file is destroyed by overwriting it in place with random bytes of the same
//! length, syncing, truncating it and syncing again, and only then unlinking it ([`destroy`]).
//! Replacing one ([`replace`]) writes the new key to a temporary file, renames it over the old one
//! while the old one is still held open, then destroys the old one's bytes through that handle.
//!
//! This holds on file systems that overwrite in place (ext4, XFS, APFS and NTFS for a file this
//! small). A copy-on-write file system (btrfs, ZFS) or an SSD's wear levelling may keep old blocks
//! anyway; which is why the key is better kept in the operating system's keyring
//! ([`crate::os_keyring`]).

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

use oneday_core::vault::{destroy_file, overwrite_all, VaultError};

/// Writes `contents` to `path`, readable and writable by the owner only, synced, replacing what
/// was there; the file it replaces is destroyed as [`destroy`] does.
pub fn replace(path: &Path, contents: &[u8]) -> io::Result<()> {
    let dir = folder_of(path);
    // tempfile creates the file with mode 0600 on Unix.
    let mut tmp = tempfile::Builder::new()
        .prefix(".device.key.")
        .tempfile_in(dir)?;
    restrict_to_owner(tmp.path())?;
    tmp.write_all(contents)?;
    tmp.as_file().sync_all()?;
    let old = open_existing(path)?;
    tmp.persist(path).map_err(|e| e.error)?;
    sync_folder(dir)?;
    // The old file is unlinked now, but its blocks stay allocated while it is held open.
    if let Some(old) = old {
        overwrite_and_truncate(old)?;
    }
    Ok(())
}

/// Destroys the file at `path` with core's [`destroy_file`]: overwritten in place with random
/// bytes of its length, synced, truncated, unlinked, and the folder synced. A missing file is fine.
pub fn destroy(path: &Path) -> io::Result<()> {
    destroy_file(path).map_err(into_io)
}

fn open_existing(path: &Path) -> io::Result<Option<File>> {
    match OpenOptions::new().read(true).write(true).open(path) {
        Ok(f) => Ok(Some(f)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// Overwrites every byte of `file` in place (core's [`overwrite_all`]), truncates it to nothing
/// and syncs.
fn overwrite_and_truncate(mut file: File) -> io::Result<()> {
    overwrite_all(&mut file).map_err(into_io)?;
    file.set_len(0)?;
    file.sync_all()
}

/// Core's shredding fails only with I/O errors; anything else is passed on as one.
fn into_io(e: VaultError) -> io::Error {
    match e {
        VaultError::Io(e) => e,
        other => io::Error::other(other.to_string()),
    }
}

fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Syncs a folder, so a rename or unlink in it survives a crash (Unix; elsewhere a no-op).
fn sync_folder(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

#[cfg(unix)]
fn restrict_to_owner(path: &Path) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(0o600))
}

#[cfg(not(unix))]
fn restrict_to_owner(_path: &Path) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn overwrite_replaces_every_byte_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("device.key");
        let secret = vec![b'k'; 10_000];
        fs::write(&path, &secret).unwrap();
        let witness = dir.path().join("witness");
        fs::hard_link(&path, &witness).unwrap();
        overwrite_all(&mut OpenOptions::new().write(true).open(&path).unwrap()).unwrap();
        let after = fs::read(&witness).unwrap();
        assert_eq!(after.len(), secret.len(), "same length, same file");
        // Random bytes: a 'k' in about one byte in 256, never a run of them.
        let ks = after.iter().filter(|&&b| b == b'k').count();
        assert!(ks < 200, "{ks} bytes still 'k'");
    }

    #[test]
    fn destroy_overwrites_the_bytes_before_unlinking() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("device.key");
        let secret = b"0123456789abcdef0123456789abcdef".repeat(2);
        fs::write(&path, &secret).unwrap();
        // A second name for the same file sees what happens to its bytes after the unlink.
        let witness = dir.path().join("witness");
        fs::hard_link(&path, &witness).unwrap();
        destroy(&path).unwrap();
        assert!(!path.exists());
        assert_eq!(fs::read(&witness).unwrap(), b"", "truncated");
        destroy(&path).unwrap();
    }

    #[test]
    fn replace_writes_owner_only_and_destroys_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("device.key");
        replace(&path, b"old key").unwrap();
        let witness = dir.path().join("witness");
        fs::hard_link(&path, &witness).unwrap();
        replace(&path, b"new key").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new key");
        assert_eq!(
            fs::read(&witness).unwrap(),
            b"",
            "the old file was destroyed"
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(leftovers.len(), 2, "{leftovers:?}");
    }
}
