//! Keys for imported meetings, and what happens when a feed repeats an id.
//!
//! A key is the source plus the feed id (slug or `id_bigint`). Ids are meant to be unique, but real
//! feeds repeat them. The rule, applied in feed order so it depends only on the feed:
//! 1. If records sharing an id are on different days (some feeds list a multi-day meeting as one
//!    record per day), each is keyed by id **and** its first weekday.
//! 2. Among records still sharing a key, a later record identical to an earlier one after
//!    normalising is dropped; a later record that differs (San José's two "Pass It On Group"
//!    meetings at different places) is kept with occurrence number 2, 3, … in feed order.
//!
//! Every record touched by either rule is listed in the report's duplicates.

use std::collections::BTreeMap;

use chrono::Weekday;

use super::report::{Duplicate, Resolution};
use crate::meetings::model::Meeting;

/// Assigns final keys to `(feed index, meeting)` pairs (keys carry source and id only so far).
pub(crate) fn assign(kept: Vec<(usize, Meeting)>) -> (Vec<Meeting>, Vec<Duplicate>) {
    let mut by_id: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (pos, (_, m)) in kept.iter().enumerate() {
        by_id.entry(m.key.id.clone()).or_default().push(pos);
    }
    let mut duplicates = Vec::new();
    let mut kept = kept;
    for positions in by_id.values().filter(|p| p.len() > 1) {
        let first_index = kept[positions[0]].0;
        let days: Vec<&[Weekday]> = positions
            .iter()
            .map(|&p| kept[p].1.schedule.weekdays())
            .collect();
        if days.iter().any(|d| *d != days[0]) {
            for &p in positions {
                let day = kept[p].1.schedule.weekdays().first().copied();
                kept[p].1.key.day = day;
                if p != positions[0] {
                    duplicates.push(Duplicate {
                        index: kept[p].0,
                        first_index,
                        id: kept[p].1.key.id.clone(),
                        resolution: Resolution::KeyedByDay,
                    });
                }
            }
        }
    }
    // Rule 2, over the (possibly day-qualified) keys.
    let mut first_of: BTreeMap<(String, Option<u32>), Vec<usize>> = BTreeMap::new();
    let mut drop = vec![false; kept.len()];
    for pos in 0..kept.len() {
        let day = kept[pos].1.key.day.map(|d| d.num_days_from_sunday());
        let k = (kept[pos].1.key.id.clone(), day);
        let earlier = first_of.entry(k).or_default();
        if let Some(&first) = earlier.first() {
            let identical = earlier
                .iter()
                .any(|&e| same_meeting(&kept[e].1, &kept[pos].1));
            let resolution = if identical {
                drop[pos] = true;
                Resolution::DroppedIdentical
            } else {
                let occurrence = u32::try_from(earlier.len() + 1).unwrap_or(u32::MAX);
                kept[pos].1.key.occurrence = Some(occurrence);
                earlier.push(pos);
                Resolution::KeptAsOccurrence { occurrence }
            };
            duplicates.push(Duplicate {
                index: kept[pos].0,
                first_index: kept[first].0,
                id: kept[pos].1.key.id.clone(),
                resolution,
            });
        } else {
            earlier.push(pos);
        }
    }
    duplicates.sort_by_key(|d| d.index);
    let meetings = kept
        .into_iter()
        .zip(drop)
        .filter_map(|((_, m), d)| (!d).then_some(m))
        .collect();
    (meetings, duplicates)
}

/// Equal apart from the key's occurrence number.
fn same_meeting(a: &Meeting, b: &Meeting) -> bool {
    let mut b = b.clone();
    b.key.occurrence = a.key.occurrence;
    *a == b
}
