//! Human-readable output: the dashboard card of a counter and the pieces it is made of.

use std::io::Write;

use oneday_core::cleantime::{AttemptStats, CleanTime, CountState, Milestone};

/// Width of the progress bar, in cells.
const BAR_CELLS: usize = 24;

/// A progress bar such as `[██████░░░░░░]  50%` for a fraction from 0.0 to 1.0.
pub fn progress_bar(fraction: f64) -> String {
    let fraction = fraction.clamp(0.0, 1.0);
    let filled = ((fraction * BAR_CELLS as f64).floor() as usize).min(BAR_CELLS);
    format!(
        "[{}{}] {:>3}%",
        "█".repeat(filled),
        "░".repeat(BAR_CELLS - filled),
        (fraction * 100.0).floor() as u32
    )
}

/// `1 year (glow-in-the-dark)` or just `24 hours` when there is no colour.
pub fn milestone_name(m: &Milestone) -> String {
    match &m.colour {
        Some(colour) => format!("{} ({colour})", m.label),
        None => m.label.clone(),
    }
}

/// Writes the card for one count: title, days, Y/M/D, key tag, next milestone with a bar, money.
pub fn clean_time_card(out: &mut impl Write, title: &str, ct: &CleanTime) -> std::io::Result<()> {
    writeln!(out, "{title}")?;
    match ct.state {
        CountState::NotStarted => {
            let days = ct.starts_in_days.unwrap_or(0);
            let start = ct.start.map(|d| d.to_string()).unwrap_or_default();
            writeln!(out, "  Starts in {} (clean date {start})", days_word(days))?;
        }
        CountState::Paused => writeln!(out, "  Paused")?,
        CountState::Running => {
            writeln!(out, "  {} · {}", days_word(ct.total_days), ct.period)?;
            if let Some(start) = ct.start {
                writeln!(out, "  Clean date {start}")?;
            }
            if let Some(tag) = ct.current_milestone() {
                writeln!(out, "  Latest: {} on {}", milestone_name(tag), tag.date)?;
            }
        }
    }
    if let Some(next) = &ct.next_milestone {
        writeln!(
            out,
            "  Next:   {} on {}, in {}",
            milestone_name(&next.milestone),
            next.milestone.date,
            days_word(next.days_until)
        )?;
        writeln!(out, "          {}", progress_bar(next.progress))?;
    }
    if let Some(money) = &ct.money_saved {
        writeln!(out, "  Saved:  {money}")?;
    }
    Ok(())
}

/// Writes the attempt totals under a card.
pub fn stats_line(out: &mut impl Write, stats: &AttemptStats) -> std::io::Result<()> {
    writeln!(
        out,
        "  Longest run {} · {} clean in all · attempt {}",
        days_word(stats.longest_run_days),
        days_word(stats.total_clean_days),
        stats.attempts
    )
}

/// `1 day`, `12 days`.
pub fn days_word(n: i64) -> String {
    if n == 1 {
        "1 day".to_owned()
    } else {
        format!("{n} days")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bar_fills_by_fraction() {
        assert_eq!(progress_bar(0.0), format!("[{}]   0%", "░".repeat(24)));
        assert_eq!(
            progress_bar(0.5),
            format!("[{}{}]  50%", "█".repeat(12), "░".repeat(12))
        );
        assert_eq!(progress_bar(2.0), format!("[{}] 100%", "█".repeat(24)));
    }
}
