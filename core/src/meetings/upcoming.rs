//! The Meetings screen as data: one row per meeting with its next start, the lists that need a
//! zone, and how many meetings are by appointment. Every shell (the CLI's `meetings next`, both
//! phones) shows this, laid out its own way, from one core call
//! ([`MeetingBook::upcoming`](super::MeetingBook::upcoming), [`super::store::upcoming`]).

use std::collections::BTreeMap;

use serde::Serialize;

use super::model::{AttendanceMode, Meeting, MeetingKey, Openness};
use super::store::{MeetingRecord, Upcoming, UpcomingMeeting};

/// Where a row says the meeting is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "address", rename_all = "snake_case")]
pub enum MeetingPlace {
    /// At this address (the list's one-line address, else its place's name).
    Address(String),
    /// Online or by phone only.
    Online,
    /// The list says neither.
    Unknown,
}

impl MeetingPlace {
    /// Where `m` is: online for a meeting held only online or by phone; else its address (the
    /// one-line address, else the place's name); else online when it can be joined remotely.
    pub fn of(m: &Meeting) -> Self {
        if matches!(
            m.attendance,
            AttendanceMode::Online | AttendanceMode::PhoneOnly
        ) {
            return Self::Online;
        }
        let l = &m.location;
        match l.formatted_address.as_ref().or(l.name.as_ref()) {
            Some(address) => Self::Address(address.clone()),
            None if !m.online.is_empty() => Self::Online,
            None => Self::Unknown,
        }
    }
}

/// One row of the Meetings screen: a meeting and when it is next.
#[derive(Debug, Clone, PartialEq)]
pub struct UpcomingRow {
    /// The meeting's next start, with the meeting and the user's data on it.
    pub next: UpcomingMeeting,
    /// A closed meeting (for those who share the problem), to be marked as such.
    pub closed: bool,
    /// The place is closed for now and there is no online alternative.
    pub temporarily_closed: bool,
    /// Where it is.
    pub place: MeetingPlace,
}

/// A meeting list whose meetings cannot be placed on the clock until the user sets its zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListWithoutZone {
    /// The list's name (its meetings' source).
    pub source: String,
    /// The names of its meetings that need the zone, in key order.
    pub meetings: Vec<String>,
}

/// The Meetings screen.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MeetingsScreen {
    /// One row per meeting, soonest next start first.
    pub rows: Vec<UpcomingRow>,
    /// Lists with meetings that name no zone and have none set: never placed in UTC.
    pub lists_without_zone: Vec<ListWithoutZone>,
    /// Meetings that passed the filter but are by appointment (no day or time).
    pub by_appointment: usize,
}

impl MeetingsScreen {
    /// The screen of `found` (one occurrence per meeting), naming the meetings without a zone by
    /// what `record` finds for their keys.
    pub(crate) fn new<'a>(
        found: Upcoming,
        record: impl Fn(&MeetingKey) -> Option<&'a MeetingRecord>,
    ) -> Self {
        let rows = found
            .occurrences
            .into_iter()
            .map(|next| {
                let m = &next.stored.meeting;
                UpcomingRow {
                    closed: m.openness == Openness::Closed,
                    temporarily_closed: m.attendance == AttendanceMode::TemporarilyClosed,
                    place: MeetingPlace::of(m),
                    next,
                }
            })
            .collect();
        let mut lists: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for key in &found.zone_unknown {
            if let Some(r) = record(key) {
                lists
                    .entry(key.source.clone())
                    .or_default()
                    .push(r.stored.meeting.name.clone());
            }
        }
        Self {
            rows,
            lists_without_zone: lists
                .into_iter()
                .map(|(source, meetings)| ListWithoutZone { source, meetings })
                .collect(),
            by_appointment: found.by_appointment,
        }
    }

    /// Whether there is nothing to show: no row and no list to set a zone for.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty() && self.lists_without_zone.is_empty()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::meetings::import::{meeting_guide, ImportOptions};

    fn one(record: &str) -> Meeting {
        let feed = format!("[{record}]");
        meeting_guide::import(feed.as_bytes(), &ImportOptions::new("s"))
            .unwrap()
            .meetings
            .remove(0)
    }

    #[test]
    fn the_place_is_the_address_or_online() {
        let at = one(r#"{"slug":"a","name":"A","formatted_address":"1 Main St, Town"}"#);
        assert_eq!(
            MeetingPlace::of(&at),
            MeetingPlace::Address("1 Main St, Town".into())
        );
        let online = one(r#"{"slug":"b","name":"B","conference_url":"https://zoom.us/j/1"}"#);
        assert_eq!(MeetingPlace::of(&online), MeetingPlace::Online);
        let nowhere = one(r#"{"slug":"c","name":"C"}"#);
        assert_eq!(MeetingPlace::of(&nowhere), MeetingPlace::Unknown);
    }
}
