//! Progress bars for `oneday meetings import`, on stderr only.
//!
//! Shown only when stderr is a terminal and the output is text (never with `--json`, never on a
//! pipe or in a log): the download of a URL, and sealing a large list (more than [`LARGE_LIST`]
//! meetings) into the store. A bar is cleared when its work ends, and on an error too, so the
//! error message stands alone.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};
use oneday_core::meetings::store::ImportProgress;

/// Lists with more meetings than this get a bar while they are sealed.
pub const LARGE_LIST: usize = 500;

const DOWNLOAD_SIZED: &str = "Downloading [{bar:30}] {bytes}/{total_bytes}";
const DOWNLOAD_UNSIZED: &str = "{spinner} Downloading {bytes}";
const READING: &str = "{spinner} Reading the meetings already stored";
const SEALING: &str = "Sealing meetings [{bar:30}] {pos}/{len}";

/// Whether progress may be shown at all for this command.
#[derive(Debug, Clone, Copy)]
pub struct Progress {
    shown: bool,
}

impl Progress {
    /// Progress for a command printing JSON (`json`) or text to stdout.
    pub fn new(json: bool) -> Self {
        Self {
            shown: !json && std::io::stderr().is_terminal(),
        }
    }

    /// A bar for downloading a list (hidden unless progress is shown).
    pub fn download(self) -> Bar {
        Bar(self.shown.then(ProgressBar::no_length))
    }

    /// A bar for sealing `meetings` meetings (hidden unless progress is shown and the list is
    /// large).
    pub fn sealing(self, meetings: usize) -> Bar {
        Bar((self.shown && meetings > LARGE_LIST).then(ProgressBar::no_length))
    }
}

/// One bar on stderr, or nothing. Cleared when dropped.
#[derive(Debug)]
pub struct Bar(Option<ProgressBar>);

impl Bar {
    /// Shows `bytes` downloaded of `length` (when the server said).
    pub fn downloaded(&self, bytes: u64, length: Option<u64>) {
        let Some(bar) = &self.0 else { return };
        if bytes == 0 {
            bar.set_style(style(if length.is_some() {
                DOWNLOAD_SIZED
            } else {
                DOWNLOAD_UNSIZED
            }));
            if let Some(n) = length {
                bar.set_length(n);
            }
        }
        bar.set_position(bytes);
    }

    /// Shows how far sealing has come.
    pub fn sealing(&self, progress: ImportProgress) {
        let Some(bar) = &self.0 else { return };
        match progress {
            ImportProgress::Reading => {
                bar.set_style(style(READING));
                bar.enable_steady_tick(Duration::from_millis(120));
            }
            ImportProgress::Writing { written, total } => {
                if written == 0 {
                    bar.disable_steady_tick();
                    bar.set_style(style(SEALING));
                    bar.set_length(total as u64);
                }
                bar.set_position(written as u64);
            }
            ImportProgress::Done { .. } => bar.finish_and_clear(),
        }
    }
}

impl Drop for Bar {
    fn drop(&mut self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}

fn style(template: &str) -> ProgressStyle {
    ProgressStyle::with_template(template)
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> ")
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn nothing_is_shown_for_json_or_small_lists() {
        let json = Progress::new(true);
        assert!(json.download().0.is_none());
        assert!(json.sealing(10_000).0.is_none());
        let shown = Progress { shown: true };
        assert!(shown.sealing(LARGE_LIST).0.is_none());
        assert!(shown.sealing(LARGE_LIST + 1).0.is_some());
        assert!(shown.download().0.is_some());
        let hidden = Progress { shown: false };
        assert!(hidden.sealing(LARGE_LIST + 1).0.is_none());
    }

    #[test]
    fn the_templates_parse() {
        for t in [DOWNLOAD_SIZED, DOWNLOAD_UNSIZED, READING, SEALING] {
            ProgressStyle::with_template(t).unwrap();
        }
    }
}
