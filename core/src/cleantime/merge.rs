//! Merging two versions of one counter, as a backup restored into a vault does.
//!
//! The rule: relapses and pauses are history, and history is never dropped. The settings (label,
//! counting mode, milestones, ...) and the archived flag come from the newer edit. The ended
//! attempts of both versions are unioned by clean date (when both ended the same attempt on the
//! same day for the same reason, the newer edit's note is kept). The running attempt is the newer edit's, unless an
//! ended attempt of the other version starts on the same date (the other version recorded the
//! relapse that ended it): then the older version's running attempt, if it has one, is the one
//! still running. If the two contradict each other (the same run ended on different days, or the
//! result is not one consistent history because each phone recorded a different relapse), they are
//! not merged: the caller keeps both counters, so no recorded day is lost.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::attempts::Attempt;
use super::counter::Counter;

/// What merging two versions of a counter gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CounterMerge {
    /// One counter holding both histories.
    Merged(Counter),
    /// The histories contradict each other; keep both counters.
    Conflict,
}

/// Merges `older` and `newer`, two versions of the same counter (`newer` is the later edit).
pub fn merge(older: &Counter, newer: &Counter) -> CounterMerge {
    let mut ended: BTreeMap<NaiveDate, Attempt> = BTreeMap::new();
    // Older first, so the newer edit's note on the same ending replaces the older one.
    for a in older.attempts().iter().chain(newer.attempts()) {
        let Some(end) = &a.end else { continue };
        if let Some(Attempt {
            end: Some(seen), ..
        }) = ended.get(&a.start)
        {
            if (seen.date, seen.reason) != (end.date, end.reason) {
                // The same run ended on two different days: two relapses, not an edit.
                return CounterMerge::Conflict;
            }
        }
        ended.insert(a.start, a.clone());
    }
    // The newer edit's running attempt first; one the other version ended is not running.
    let running = [newer.running(), older.running()]
        .into_iter()
        .flatten()
        .find(|a| !ended.contains_key(&a.start))
        .cloned();
    let mut attempts: Vec<Attempt> = ended.into_values().collect();
    attempts.extend(running);
    if !is_consistent(&attempts) {
        return CounterMerge::Conflict;
    }
    let mut merged = newer.clone();
    merged.replace_attempts(attempts);
    CounterMerge::Merged(merged)
}

/// Attempts in date order, each ending on or after its start and on or before the next start, only
/// the last one running.
fn is_consistent(attempts: &[Attempt]) -> bool {
    attempts.windows(2).all(|w| match &w[0].end {
        Some(end) => w[0].start < w[1].start && end.date <= w[1].start,
        None => false,
    }) && attempts
        .iter()
        .all(|a| a.end.as_ref().is_none_or(|e| e.date >= a.start))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::cleantime::CounterSettings;
    use crate::test_support::d;

    fn since(y: i32, m: u32, day: u32) -> Counter {
        Counter::new(CounterSettings::new("Alcohol"), d(y, m, day)).unwrap()
    }

    fn starts(c: &Counter) -> Vec<(NaiveDate, Option<NaiveDate>)> {
        c.attempts()
            .iter()
            .map(|a| (a.start, a.end.as_ref().map(|e| e.date)))
            .collect()
    }

    fn merged(older: &Counter, newer: &Counter) -> Counter {
        match merge(older, newer) {
            CounterMerge::Merged(c) => c,
            CounterMerge::Conflict => panic!("unexpected conflict"),
        }
    }

    #[test]
    fn identical_versions_merge_to_themselves() {
        let mut c = since(2024, 1, 1);
        c.reset(d(2024, 3, 3), None, Some("note".into())).unwrap();
        assert_eq!(merged(&c, &c), c);
    }

    #[test]
    fn a_relapse_on_either_side_is_kept_whatever_was_edited_later() {
        let old_phone = since(2024, 1, 1);
        let mut new_phone = old_phone.clone();
        new_phone.reset(d(2024, 3, 3), None, None).unwrap();
        let want = vec![(d(2024, 1, 1), Some(d(2024, 3, 3))), (d(2024, 3, 3), None)];
        assert_eq!(starts(&merged(&old_phone, &new_phone)), want);
        // The other phone only renamed the counter later: the relapse still stands, and the
        // rename wins.
        let mut renamed = old_phone.clone();
        let mut s = renamed.settings().clone();
        s.label = "Drinking".into();
        renamed.update_settings(s).unwrap();
        let m = merged(&new_phone, &renamed);
        assert_eq!(starts(&m), want);
        assert_eq!(m.settings().label, "Drinking");
    }

    #[test]
    fn older_history_is_unioned_and_newer_settings_win() {
        let mut a = since(2023, 1, 1);
        a.reset(d(2023, 6, 1), None, None).unwrap();
        a.set_archived(true);
        let mut b = a.clone();
        b.set_archived(false);
        b.reset(d(2024, 2, 1), None, None).unwrap();
        let m = merged(&a, &b);
        assert_eq!(starts(&m).len(), 3);
        assert!(!m.is_archived());
    }

    #[test]
    fn two_different_relapses_conflict() {
        let base = since(2024, 1, 1);
        let mut a = base.clone();
        a.reset(d(2024, 3, 3), None, None).unwrap();
        let mut b = base;
        b.reset(d(2024, 3, 5), None, None).unwrap();
        assert_eq!(merge(&a, &b), CounterMerge::Conflict);
    }

    #[test]
    fn a_moved_clean_date_is_an_edit_the_newer_wins() {
        let a = since(2024, 1, 1);
        let mut b = a.clone();
        b.set_start(d(2023, 12, 20)).unwrap();
        assert_eq!(starts(&merged(&a, &b)), vec![(d(2023, 12, 20), None)]);
        assert_eq!(starts(&merged(&b, &a)), vec![(d(2024, 1, 1), None)]);
    }

    #[test]
    fn a_pause_on_the_newer_side_keeps_the_counter_paused() {
        let a = since(2024, 1, 1);
        let mut b = a.clone();
        b.pause(d(2024, 2, 1), None).unwrap();
        let m = merged(&a, &b);
        assert!(m.running().is_none());
        assert_eq!(starts(&m), vec![(d(2024, 1, 1), Some(d(2024, 2, 1)))]);
    }

    /// A counter from 2020-01-01 with a relapse after each gap in `gaps` (days), in order.
    fn with_relapses(base: &Counter, gaps: &[u16]) -> Counter {
        let mut c = base.clone();
        for gap in gaps {
            let on = c.start().unwrap() + chrono::Days::new(u64::from(*gap) + 1);
            c.reset(on, None, None).unwrap();
        }
        c
    }

    proptest::proptest! {
        /// Whatever two phones did after they parted, a merge either keeps every relapse both
        /// recorded, in one consistent history, or refuses (and the caller keeps both counters).
        #[test]
        fn a_merge_never_drops_a_relapse(
            shared in proptest::collection::vec(0u16..400, 0..4),
            a_more in proptest::collection::vec(0u16..400, 0..4),
            b_more in proptest::collection::vec(0u16..400, 0..4),
        ) {
            let base = with_relapses(&since(2020, 1, 1), &shared);
            let a = with_relapses(&base, &a_more);
            let b = with_relapses(&base, &b_more);
            proptest::prop_assert_eq!(merge(&a, &a), CounterMerge::Merged(a.clone()));
            match merge(&a, &b) {
                CounterMerge::Merged(m) => {
                    proptest::prop_assert!(is_consistent(m.attempts()));
                    for side in [&a, &b] {
                        for ended in side.attempts().iter().filter(|x| x.end.is_some()) {
                            proptest::prop_assert!(m.attempts().contains(ended));
                        }
                    }
                    proptest::prop_assert!(m.running().is_some());
                }
                CounterMerge::Conflict => {
                    // Only when both went on differently.
                    proptest::prop_assert!(!a_more.is_empty() && !b_more.is_empty());
                }
            }
        }
    }
}
