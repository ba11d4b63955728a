//! Re-importing a source: update in place by key, never lose what the user added.
//!
//! [`merge`] is pure: it takes what was kept for a source and a fresh import of the same source,
//! and returns the new list plus counts.
//! - A key in both: the imported data is replaced (updated, or unchanged when equal); user data is
//!   kept; a meeting that had vanished and is back loses its flag.
//! - A key only in the import: added with empty user data.
//! - A key only in the old list: if the user added anything (saved, note, reminder, attendance), it
//!   is kept with its last imported data and flagged `vanished_upstream`; otherwise it is dropped.
//!   Either way it counts as vanished (once: a meeting already flagged is not counted again).
//!
//! The result is in the import's order, followed by the kept vanished meetings in their old order.

use std::collections::HashMap;

use serde::Serialize;

use super::model::{Meeting, MeetingKey, StoredMeeting};

/// What a re-import changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct MergeCounts {
    /// New meetings.
    pub added: usize,
    /// Meetings whose imported data changed.
    pub updated: usize,
    /// Meetings whose imported data is the same.
    pub unchanged: usize,
    /// Meetings no longer listed (newly, this import).
    pub vanished: usize,
    /// Of those, kept because the user had added something to them.
    pub vanished_kept: usize,
}

impl MergeCounts {
    /// Whether applying this merge removes most of a list that had `listed_before` meetings listed:
    /// more than half of them no longer listed (all of them, for an empty import). The one rule
    /// for "an import must not destroy a list by mistake": such an import is applied only when
    /// the person chose to replace the list.
    ///
    /// ```
    /// use oneday_core::meetings::MergeCounts;
    /// let gone = |vanished| MergeCounts { vanished, ..MergeCounts::default() };
    /// assert!(!gone(5).removes_most(10));
    /// assert!(gone(6).removes_most(10));
    /// assert!(gone(1).removes_most(1));
    /// assert!(!gone(0).removes_most(0));
    /// ```
    pub fn removes_most(&self, listed_before: usize) -> bool {
        listed_before > 0 && self.vanished * 2 > listed_before
    }
}

/// Merges a fresh import of one source into what was kept for it (see the module docs).
///
/// ```
/// use oneday_core::meetings::{import::{meeting_guide, ImportOptions}, merge, StoredMeeting};
/// let o = ImportOptions::new("s");
/// let first = meeting_guide::import(br#"[{"slug":"a","name":"A"},{"slug":"b","name":"B"}]"#, &o).unwrap();
/// let mut kept: Vec<StoredMeeting> = first.meetings.into_iter().map(StoredMeeting::new).collect();
/// kept[0].user.saved = true;
/// let again = meeting_guide::import(br#"[{"slug":"b","name":"B2"}]"#, &o).unwrap();
/// let (kept, counts) = merge(kept, again.meetings);
/// assert_eq!((counts.updated, counts.vanished, counts.vanished_kept), (1, 2 - 1, 1));
/// assert!(kept.iter().any(|m| m.meeting.key.id == "a" && m.vanished_upstream && m.user.saved));
/// ```
pub fn merge(
    previous: Vec<StoredMeeting>,
    fresh: Vec<Meeting>,
) -> (Vec<StoredMeeting>, MergeCounts) {
    let mut counts = MergeCounts::default();
    let mut old: HashMap<MeetingKey, (usize, StoredMeeting)> = previous
        .into_iter()
        .enumerate()
        .map(|(i, s)| (s.meeting.key.clone(), (i, s)))
        .collect();
    let mut out = Vec::with_capacity(fresh.len() + old.len());
    for m in fresh {
        match old.remove(&m.key) {
            Some((_, mut s)) => {
                if s.meeting == m && !s.vanished_upstream {
                    counts.unchanged += 1;
                } else {
                    counts.updated += 1;
                }
                s.meeting = m;
                s.vanished_upstream = false;
                out.push(s);
            }
            None => {
                counts.added += 1;
                out.push(StoredMeeting::new(m));
            }
        }
    }
    let mut gone: Vec<(usize, StoredMeeting)> = old.into_values().collect();
    gone.sort_by_key(|(i, _)| *i);
    for (_, mut s) in gone {
        if !s.vanished_upstream {
            counts.vanished += 1;
        }
        if !s.user.is_empty() {
            if !s.vanished_upstream {
                counts.vanished_kept += 1;
            }
            s.vanished_upstream = true;
            out.push(s);
        }
    }
    (out, counts)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::meetings::import::{meeting_guide, ImportOptions};
    use crate::meetings::model::ReminderChoice;
    use chrono::NaiveDate;

    fn imp(feed: &str) -> Vec<Meeting> {
        meeting_guide::import(feed.as_bytes(), &ImportOptions::new("s"))
            .unwrap()
            .meetings
    }

    #[test]
    fn user_data_survives_updates_and_vanishing() {
        let first = imp(r#"[{"slug":"a","name":"A","day":1,"time":"10:00"},
                            {"slug":"b","name":"B"},{"slug":"c","name":"C"},{"slug":"d","name":"D"}]"#);
        let (mut kept, c) = merge(Vec::new(), first);
        assert_eq!(c.added, 4);
        kept[0].user.note = Some("bring coffee".into());
        kept[0].user.reminder = ReminderChoice::MinutesBefore { minutes: 30 };
        kept[2].user.saved = true;
        kept[3]
            .user
            .attended
            .insert(NaiveDate::from_ymd_opt(2024, 1, 1).unwrap());
        let second = imp(
            r#"[{"slug":"a","name":"A","day":2,"time":"10:00"},{"slug":"b","name":"B"},
                             {"slug":"e","name":"E"}]"#,
        );
        let (kept, c) = merge(kept, second);
        assert_eq!(
            c,
            MergeCounts {
                added: 1,
                updated: 1,
                unchanged: 1,
                vanished: 2,
                vanished_kept: 2
            }
        );
        let a = kept.iter().find(|s| s.meeting.key.id == "a").unwrap();
        assert_eq!(a.user.note.as_deref(), Some("bring coffee"));
        assert_eq!(a.meeting.schedule.weekdays(), [chrono::Weekday::Tue]);
        let ids: Vec<(&str, bool)> = kept
            .iter()
            .map(|s| (s.meeting.key.id.as_str(), s.vanished_upstream))
            .collect();
        assert_eq!(
            ids,
            [
                ("a", false),
                ("b", false),
                ("e", false),
                ("c", true),
                ("d", true)
            ]
        );
        // Importing the same again: nothing new vanishes; a returning meeting is unflagged.
        let third = imp(
            r#"[{"slug":"a","name":"A","day":2,"time":"10:00"},{"slug":"b","name":"B"},
                            {"slug":"e","name":"E"},{"slug":"c","name":"C"}]"#,
        );
        let (kept, c) = merge(kept, third);
        assert_eq!(
            c,
            MergeCounts {
                added: 0,
                updated: 1,
                unchanged: 3,
                vanished: 0,
                vanished_kept: 0
            }
        );
        assert!(
            kept.iter()
                .find(|s| s.meeting.key.id == "c")
                .unwrap()
                .user
                .saved
        );
        assert_eq!(kept.iter().filter(|s| s.vanished_upstream).count(), 1);
    }
}
