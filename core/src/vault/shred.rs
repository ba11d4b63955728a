//! Destroying files in place, for the panic wipe and for any file that held a key.
//!
//! Unlinking a file only forgets its name: its blocks keep the bytes until something else is written
//! there, and anyone who images the disk can read them. So a file that held a key is first
//! overwritten with random bytes of the same length, in place, and synced; then truncated and
//! unlinked. Overwriting in place needs no free space on ordinary file systems (ext4, f2fs, tmpfs),
//! so this works on a full disk.
//!
//! What it cannot do: on copy-on-write file systems (APFS, btrfs) and behind a flash controller's
//! wear levelling, an overwrite may land in new blocks and leave the old ones until they are reused.
//! That is why the vault is a crypto-shred first (every copy of a key slot is destroyed, and nothing
//! is readable without one) and overwrites files only as a second layer.

use std::fs::{File, OpenOptions};
use std::io::{ErrorKind, Read, Seek, SeekFrom, Write};
use std::ops::Range;
use std::path::Path;

use super::db;
use super::error::VaultError;
use super::keys::fill_random;
use super::slots;

/// How much of a file is read or written at a time.
const CHUNK: usize = 1 << 20;

/// Destroys the file at `path`: overwrites every byte with random data, syncs, truncates it to
/// nothing, unlinks it and syncs its folder. A missing file is fine (nothing to do), so a destroy
/// that was interrupted can simply be repeated.
///
/// If the overwrite fails (an I/O error), the file is still truncated and unlinked, and the
/// overwrite's error is returned after that.
///
/// The vault's panic wipe uses this for every vault file; the desktop shell should use it for a
/// device key file.
pub fn destroy_file(path: &Path) -> Result<(), VaultError> {
    let mut file = match OpenOptions::new().write(true).open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e.into()),
    };
    let overwritten = overwrite_all(&mut file);
    let truncated = file.set_len(0).and_then(|()| file.sync_all());
    drop(file);
    db::remove_if_present(path)?;
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        db::sync_dir(parent)?;
    }
    overwritten?;
    truncated?;
    Ok(())
}

/// Overwrites every byte of `file` with random data and syncs it: for a file that is still held
/// open after its name went (a key file replaced by a rename), before it is truncated.
pub fn overwrite_all(file: &mut File) -> Result<(), VaultError> {
    let len = file.metadata()?.len();
    overwrite_range(file, 0..len)?;
    file.sync_all()?;
    Ok(())
}

/// Overwrites the bytes in `range` with random data (no sync).
fn overwrite_range(file: &mut File, range: Range<u64>) -> Result<(), VaultError> {
    file.seek(SeekFrom::Start(range.start))?;
    let mut left = range.end.saturating_sub(range.start);
    let mut noise = vec![0u8; CHUNK];
    while left > 0 {
        let n = usize::try_from(left).map_or(CHUNK, |l| l.min(CHUNK));
        fill_random(&mut noise[..n])?;
        file.write_all(&noise[..n])?;
        left -= n as u64;
    }
    Ok(())
}

/// Finds every whole key slot in the file at `path` (see [`slots::find_slot_copies`]), wherever it
/// lies (a live row, a free page, an old WAL frame), overwrites each with random bytes in place and
/// syncs. Needs no lock on the database and no free space. Returns how many were found; a missing
/// file has none.
pub(crate) fn shred_slot_copies(path: &Path) -> Result<usize, VaultError> {
    let mut file = match OpenOptions::new().read(true).write(true).open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(e.into()),
    };
    let found = find_in_file(&mut file)?;
    for span in spans(&found) {
        overwrite_slots_in_span(&mut file, span, &found)?;
    }
    if !found.is_empty() {
        file.sync_all()?;
    }
    Ok(found.len())
}

/// The largest gap between two slots that are still overwritten with one write.
const SPAN_GAP: u64 = 64 * 1024;

/// Groups slot ranges that lie close together (the two live slots share a database page), so each
/// group is destroyed by one `write`: a process killed during the wipe leaves both or neither.
fn spans(found: &[Range<u64>]) -> Vec<Range<u64>> {
    let mut out: Vec<Range<u64>> = Vec::new();
    for r in found {
        match out.last_mut() {
            Some(last) if r.start.saturating_sub(last.end) <= SPAN_GAP => last.end = r.end,
            _ => out.push(r.clone()),
        }
    }
    out
}

/// Reads `span`, replaces every slot in it with random bytes, and writes the span back at once.
fn overwrite_slots_in_span(
    file: &mut File,
    span: Range<u64>,
    slots_found: &[Range<u64>],
) -> Result<(), VaultError> {
    let len = usize::try_from(span.end - span.start).map_err(|_| VaultError::CorruptDatabase)?;
    let mut buf = vec![0u8; len];
    file.seek(SeekFrom::Start(span.start))?;
    file.read_exact(&mut buf)?;
    for r in slots_found
        .iter()
        .filter(|r| r.start >= span.start && r.end <= span.end)
    {
        let from =
            usize::try_from(r.start - span.start).map_err(|_| VaultError::CorruptDatabase)?;
        let to =
            from + usize::try_from(r.end - r.start).map_err(|_| VaultError::CorruptDatabase)?;
        fill_random(&mut buf[from..to])?;
    }
    file.seek(SeekFrom::Start(span.start))?;
    file.write_all(&buf)?;
    Ok(())
}

/// The byte ranges of whole slots in `file`, read in pieces that overlap by a slot's length so a
/// slot across a piece boundary is found too.
fn find_in_file(file: &mut File) -> Result<Vec<Range<u64>>, VaultError> {
    let overlap = slots::MAX_SLOT_LEN;
    let mut found: Vec<Range<u64>> = Vec::new();
    let mut buf = Vec::with_capacity(CHUNK + overlap);
    let mut buf_start = 0u64;
    file.seek(SeekFrom::Start(0))?;
    loop {
        let before = buf.len();
        Read::by_ref(file)
            .take(CHUNK as u64)
            .read_to_end(&mut buf)?;
        let at_end = buf.len() - before < CHUNK;
        for r in slots::find_slot_copies(&buf) {
            let abs = buf_start + r.start as u64..buf_start + r.end as u64;
            if found.last().is_none_or(|last| abs.start >= last.end) {
                found.push(abs);
            }
        }
        if at_end {
            return Ok(found);
        }
        let keep_from = buf.len().saturating_sub(overlap);
        buf.drain(..keep_from);
        buf_start += keep_from as u64;
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::vault::keys::{DataKey, DeviceKey};
    use std::fs;

    #[test]
    fn destroy_overwrites_then_removes_and_repeats_harmlessly() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("key");
        fs::write(&path, b"0123456789abcdef secret").unwrap();
        destroy_file(&path).unwrap();
        assert!(!path.exists());
        destroy_file(&path).unwrap();
    }

    #[test]
    fn slot_copies_are_found_across_piece_boundaries_and_shredded() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db");
        let data = DataKey::make().unwrap();
        let slot = slots::make_device_slot(&data, &DeviceKey::generate().unwrap()).unwrap();
        let mut bytes = vec![0u8; CHUNK * 2 + 500];
        // One slot straddling the first boundary, one at the very end, one at the start.
        let places = [0, CHUNK - 40, bytes.len() - slot.len()];
        for &at in &places {
            bytes[at..at + slot.len()].copy_from_slice(&slot);
        }
        fs::write(&path, &bytes).unwrap();
        assert_eq!(shred_slot_copies(&path).unwrap(), 3);
        let after = fs::read(&path).unwrap();
        assert_eq!(after.len(), bytes.len());
        assert!(slots::find_slot_copies(&after).is_empty());
        for &at in &places {
            assert_ne!(&after[at..at + slot.len()], &slot[..]);
        }
        // Everything else is untouched.
        assert_eq!(after[slot.len()], 0);
        assert_eq!(shred_slot_copies(&path).unwrap(), 0);
        assert_eq!(shred_slot_copies(&dir.path().join("missing")).unwrap(), 0);
    }
}
