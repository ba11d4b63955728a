//! Check-ins as text: the card of one day, the trends chart, and the words of a cue.
//!
//! The chart is one row of block characters per measure, one character per day, oldest on the
//! left; a day without a value is `·`. Cues are worded as a nudge, never as a diagnosis.

use std::io::Write;

use oneday_core::checkins::checkin::{CRAVING_MAX, MOOD_MAX, MOOD_MIN};
use oneday_core::checkins::{
    Average, CheckIn, FlagRule, Medication, Streak, ThresholdFlag, Thresholds, Trends,
    WindowAverages,
};

use crate::render::days_word;

/// Eight heights, lowest first.
const BLOCKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
/// A day without a value.
const GAP: char = '·';
/// Hours slept at which the sleep row is full height.
const SLEEP_FULL_HOURS: f64 = 12.0;

/// The words for a medication answer.
pub fn medication_words(m: Medication) -> &'static str {
    match m {
        Medication::Taken => "taken",
        Medication::NotTaken => "not taken",
        Medication::NotApplicable => "not applicable",
    }
}

/// Writes one day's check-in.
pub fn card(out: &mut impl Write, c: &CheckIn) -> std::io::Result<()> {
    writeln!(out, "Check-in {}", c.date)?;
    if let Some(mood) = c.mood {
        writeln!(out, "  Mood        {mood}/{MOOD_MAX}")?;
    }
    if let Some(craving) = c.craving {
        writeln!(out, "  Craving     {craving}/{CRAVING_MAX}")?;
    }
    if let Some(sleep) = c.sleep {
        writeln!(out, "  Slept       {sleep}")?;
    }
    if let Some(m) = c.medication {
        writeln!(out, "  Medication  {}", medication_words(m))?;
    }
    if !c.symptoms.is_empty() {
        writeln!(out, "  Symptoms    {}", c.symptoms.join(", "))?;
    }
    if let Some(journal) = &c.journal {
        let mut lines = journal.lines();
        writeln!(out, "  Journal     {}", lines.next().unwrap_or_default())?;
        for line in lines {
            writeln!(out, "              {line}")?;
        }
    }
    for (i, item) in c.gratitude.iter().enumerate() {
        let label = if i == 0 { "Grateful" } else { "" };
        writeln!(out, "  {label:<12}{item}")?;
    }
    Ok(())
}

/// One block for `value` on a scale from `low` to `high`.
fn block(value: f64, low: f64, high: f64) -> char {
    let top = (BLOCKS.len() - 1) as f64;
    let level = ((value - low) / (high - low) * top).round().clamp(0.0, top);
    BLOCKS[level as usize]
}

/// One row of the chart: a block per value, [`GAP`] per missing one.
pub fn sparkline(values: impl Iterator<Item = Option<f64>>, low: f64, high: f64) -> String {
    values
        .map(|v| v.map_or(GAP, |v| block(v, low, high)))
        .collect()
}

/// How one cell of the averages table is written.
type AverageCell = fn(&WindowAverages) -> String;

/// A mean to one decimal with the days it counted, or `–`.
fn mean(a: Option<Average>) -> String {
    match a {
        Some(a) => format!("{:.1} ({})", a.mean, days_word(i64::from(a.days))),
        None => "–".to_owned(),
    }
}

/// The words of a cue, such as "Craving has been 7 or more for 3 days in a row (since
/// 2024-05-05)."
pub fn cue_words(f: &ThresholdFlag) -> String {
    let what = match f.rule {
        FlagRule::CravingAtOrAbove { threshold } => format!("Craving has been {threshold} or more"),
        FlagRule::MoodAtOrBelow { threshold } => format!("Mood has been {threshold} or less"),
    };
    format!(
        "{what} for {} in a row (since {}).",
        days_word(i64::from(f.days)),
        f.since
    )
}

/// The thresholds in words.
pub fn thresholds_words(t: &Thresholds) -> Vec<String> {
    let days = days_word(i64::from(t.days_in_a_row));
    vec![
        match t.craving_at_or_above {
            Some(n) => format!("Craving {n} or more for {days} in a row"),
            None => "Craving: no cue".to_owned(),
        },
        match t.mood_at_or_below {
            Some(n) => format!("Mood {n} or less for {days} in a row"),
            None => "Mood: no cue".to_owned(),
        },
    ]
}

/// Writes the check-in streak core computed: `Check-in streak: 4 days (since 2024-05-04).`
pub fn streak_line(out: &mut impl Write, streak: &Streak) -> std::io::Result<()> {
    match streak.since {
        Some(since) if streak.days > 0 => writeln!(
            out,
            "Check-in streak: {} (since {since}).",
            days_word(i64::from(streak.days))
        ),
        _ => writeln!(out, "No check-in streak yet: check in today to start one."),
    }
}

/// Writes the trends: chart, averages, streak, cues.
pub fn trends(out: &mut impl Write, t: &Trends) -> std::io::Result<()> {
    let first = t.series.first().map(|p| p.date).unwrap_or(t.today);
    writeln!(
        out,
        "Trends over {}, {first} to {}",
        days_word(i64::from(t.window_days)),
        t.today
    )?;
    writeln!(out)?;
    let mood = sparkline(
        t.series.iter().map(|p| p.mood.map(f64::from)),
        f64::from(MOOD_MIN),
        f64::from(MOOD_MAX),
    );
    let craving = sparkline(
        t.series.iter().map(|p| p.craving.map(f64::from)),
        0.0,
        f64::from(CRAVING_MAX),
    );
    let sleep = sparkline(
        t.series.iter().map(|p| p.sleep_hours),
        0.0,
        SLEEP_FULL_HOURS,
    );
    writeln!(out, "  Mood     {mood}  (1 low … 5 good)")?;
    writeln!(out, "  Craving  {craving}  (0 none … 10 strong)")?;
    writeln!(out, "  Slept    {sleep}  (0 … 12 h)")?;
    writeln!(out, "           oldest on the left; · no value")?;
    writeln!(out)?;
    let mut header = format!("  {:<18}", "Averages");
    for a in &t.averages {
        header.push_str(&format!("{:<18}", days_word(i64::from(a.window_days))));
    }
    writeln!(out, "{}", header.trim_end())?;
    let rows: [(&str, AverageCell); 4] = [
        ("Checked in", |a| {
            format!("{}/{}", a.days_checked_in, a.window_days)
        }),
        ("Mood", |a| mean(a.mood)),
        ("Craving", |a| mean(a.craving)),
        ("Slept (hours)", |a| mean(a.sleep_hours)),
    ];
    for (label, cell) in rows {
        let mut row = format!("  {label:<18}");
        for a in &t.averages {
            row.push_str(&format!("{:<18}", cell(a)));
        }
        writeln!(out, "{}", row.trim_end())?;
    }
    writeln!(out)?;
    streak_line(out, &t.streak)?;
    if !t.flags.is_empty() {
        writeln!(out)?;
        for f in &t.flags {
            writeln!(out, "{}", cue_words(f))?;
        }
        writeln!(
            out,
            "This is a cue, not a diagnosis: it may be a good moment to open your plan or call someone you trust."
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparkline_scales_and_shows_gaps() {
        let mood = sparkline(
            [Some(1.0), Some(3.0), None, Some(5.0)].into_iter(),
            1.0,
            5.0,
        );
        assert_eq!(mood, "▁▅·█");
        let craving = sparkline([Some(0.0), Some(10.0), Some(99.0)].into_iter(), 0.0, 10.0);
        assert_eq!(craving, "▁██");
    }
}
