//! Revisions: every saved version of a plan is kept, so an edit can always be undone.
//!
//! Each save that changes the plan appends a [`Revision`] numbered one more than the last, with
//! the instant it was saved; the last revision is the current plan. Restoring an earlier revision
//! appends a *new* revision with that content (noting where it came from), so restoring loses
//! nothing either. A save or restore that would not change the current plan appends nothing.
//!
//! Every revision is kept: there is no cap, because a silent cap would throw away a version the
//! user may want back. A plan is a few kilobytes and is edited by hand, so even thousands of
//! revisions stay a small record.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// When a revision was saved, and from what.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevisionInfo {
    /// Its number: 1 for the first save, then one more each time.
    pub number: u32,
    /// When it was saved.
    pub saved_at: DateTime<Utc>,
    /// The revision it restored, when it was made by restoring one.
    #[serde(default)]
    pub restored_from: Option<u32>,
}

/// One saved version of a plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revision<P> {
    /// Its number and time.
    pub info: RevisionInfo,
    /// The plan as it was saved.
    pub plan: P,
}

/// Every saved version of one plan, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct History<P> {
    revisions: Vec<Revision<P>>,
}

impl<P> Default for History<P> {
    fn default() -> Self {
        History {
            revisions: Vec::new(),
        }
    }
}

/// What a save or restore did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Saved {
    /// The revision that is now current.
    pub revision: RevisionInfo,
    /// Whether a new revision was added (`false`: the plan was already like that).
    pub changed: bool,
}

impl<P: Clone + PartialEq> History<P> {
    /// The current revision (the last one), if the plan was ever saved.
    pub fn current(&self) -> Option<&Revision<P>> {
        self.revisions.last()
    }

    /// Every revision's number and time, oldest first.
    pub fn infos(&self) -> Vec<RevisionInfo> {
        self.revisions.iter().map(|r| r.info).collect()
    }

    /// The revision numbered `number`.
    pub fn get(&self, number: u32) -> Option<&Revision<P>> {
        self.revisions.iter().find(|r| r.info.number == number)
    }

    /// Saves `plan` as the current version at `now`, unless it already is.
    pub fn record(&mut self, plan: P, now: DateTime<Utc>) -> Saved {
        self.push(plan, now, None)
    }

    /// Makes revision `number` current again by saving its content as a new revision; `None` if
    /// there is no such revision.
    pub fn restore(&mut self, number: u32, now: DateTime<Utc>) -> Option<Saved> {
        let plan = self.get(number)?.plan.clone();
        Some(self.push(plan, now, Some(number)))
    }

    /// Both histories in one, as a restored backup merges a plan: every revision of either is kept
    /// (one copy of those both have), in the order they were saved, numbered again from 1; a
    /// "restored from" number follows its revision. The current plan is the one saved last.
    pub fn merged_with(&self, other: &History<P>) -> History<P> {
        let mut all: Vec<(usize, &Revision<P>)> = Vec::new();
        for (source, history) in [self, other].into_iter().enumerate() {
            for r in &history.revisions {
                let duplicate = all
                    .iter()
                    .any(|(_, k)| k.info.saved_at == r.info.saved_at && k.plan == r.plan);
                if !duplicate {
                    all.push((source, r));
                }
            }
        }
        // Stable: on the same instant, this history's revision comes first.
        all.sort_by_key(|(_, r)| r.info.saved_at);
        let new_number = |source: usize, old: u32| {
            let history = if source == 0 { self } else { other };
            let target = history.get(old)?;
            let at = all.iter().position(|(_, r)| {
                r.info.saved_at == target.info.saved_at && r.plan == target.plan
            })?;
            u32::try_from(at + 1).ok()
        };
        let revisions = all
            .iter()
            .enumerate()
            .map(|(i, (source, r))| Revision {
                info: RevisionInfo {
                    number: u32::try_from(i + 1).unwrap_or(u32::MAX),
                    saved_at: r.info.saved_at,
                    restored_from: r.info.restored_from.and_then(|n| new_number(*source, n)),
                },
                plan: r.plan.clone(),
            })
            .collect();
        History { revisions }
    }

    fn push(&mut self, plan: P, now: DateTime<Utc>, restored_from: Option<u32>) -> Saved {
        if let Some(current) = self.revisions.last() {
            if current.plan == plan {
                return Saved {
                    revision: current.info,
                    changed: false,
                };
            }
        }
        let number = self
            .revisions
            .last()
            .map_or(1, |r| r.info.number.saturating_add(1));
        let info = RevisionInfo {
            number,
            saved_at: now,
            restored_from,
        };
        self.revisions.push(Revision { info, plan });
        Saved {
            revision: info,
            changed: true,
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use chrono::TimeZone;

    fn at(h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2024, 5, 1, h, 0, 0).unwrap()
    }

    #[test]
    fn merging_keeps_every_revision_once_in_time_order() {
        let mut a: History<String> = History::default();
        a.record("one".into(), at(1));
        let mut b = a.clone();
        a.record("phone a".into(), at(3));
        b.record("phone b".into(), at(2));
        b.restore(1, at(4));
        let m = a.merged_with(&b);
        let plans: Vec<&str> = m.revisions.iter().map(|r| r.plan.as_str()).collect();
        assert_eq!(plans, vec!["one", "phone b", "phone a", "one"]);
        assert_eq!(
            m.infos().iter().map(|i| i.number).collect::<Vec<_>>(),
            vec![1, 2, 3, 4]
        );
        assert_eq!(m.current().unwrap().info.restored_from, Some(1));
        assert_eq!(m.current().unwrap().info.saved_at, at(4));
        // Merging again changes nothing, from either side.
        assert_eq!(m.merged_with(&b), m);
        assert_eq!(m.merged_with(&a), m);
        assert_eq!(a.merged_with(&a), a);
    }

    #[test]
    fn saves_number_revisions_and_skip_unchanged_content() {
        let mut h: History<String> = History::default();
        assert!(h.current().is_none());
        let s = h.record("a".into(), at(1));
        assert_eq!((s.revision.number, s.changed), (1, true));
        let s = h.record("a".into(), at(2));
        assert_eq!((s.revision.number, s.changed), (1, false));
        assert_eq!(s.revision.saved_at, at(1));
        h.record("b".into(), at(3));
        assert_eq!(h.current().unwrap().plan, "b");
        assert_eq!(
            h.infos().iter().map(|i| i.number).collect::<Vec<_>>(),
            vec![1, 2]
        );
    }

    #[test]
    fn restoring_adds_a_revision_and_loses_nothing() {
        let mut h: History<String> = History::default();
        h.record("first".into(), at(1));
        h.record("second".into(), at(2));
        let s = h.restore(1, at(3)).unwrap();
        assert_eq!(s.revision.number, 3);
        assert_eq!(s.revision.restored_from, Some(1));
        assert_eq!(h.current().unwrap().plan, "first");
        assert_eq!(h.get(2).unwrap().plan, "second");
        // Restoring what is already current changes nothing.
        assert!(!h.restore(1, at(4)).unwrap().changed);
        assert!(h.restore(9, at(4)).is_none());
        assert_eq!(h.infos().len(), 3);
    }
}
