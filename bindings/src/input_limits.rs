//! The most bytes the shells read from outside (a picked file, a download) before handing them to
//! core: core's own limits, so a shell reads at most one byte more and never holds an endless
//! stream. Each limit lives once, in core.

/// The largest meeting list core imports, in bytes (32 MiB). A shell reads at most one byte more
/// from a file or download; a list that long is refused as too large.
#[uniffi::export]
pub fn max_feed_bytes() -> u64 {
    oneday_core::meetings::MAX_FEED_BYTES as u64
}

/// The largest backup file core reads, in bytes (256 MiB of sealed contents and the clear
/// header). A shell reads at most one byte more from a picked file; a file that long is refused as
/// too large.
#[uniffi::export]
pub fn max_backup_file_bytes() -> u64 {
    oneday_core::backup::MAX_BACKUP_FILE_BYTES
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_limits_are_cores() {
        assert_eq!(max_feed_bytes(), 32 * 1024 * 1024);
        assert_eq!(max_backup_file_bytes(), 256 * 1024 * 1024 + 76);
    }
}
