//! The meetings methods of [`Vault`]: meeting lists imported into the vault, saved meetings, notes,
//! reminders, attendance, "next meeting" and calendar export.
//!
//! Each method is one call into core's store (`oneday_core::meetings::store`); a change core refuses
//! writes nothing. The shell fetches feeds (core never touches the network) and passes their bytes.
//! A meeting is named by its key as shown (`sample/night-owls`), its record id, or the first 4 or
//! more hex digits of the id, as in core's `MeetingBook::find`.
//!
//! Zone names cross as IANA strings and are checked here with chrono-tz: an unknown name throws
//! `MeetingsError.UnknownZoneName` and is never read as UTC. Instants cross as `SystemTime`
//! (`java.time.Instant` in Kotlin, `Date` in Swift) and must lie in 1900..=2200. Every method
//! throws `MeetingsError`: `Locked` on a locked vault, `NotFound` / `Ambiguous` for an id, and the
//! variants documented on each method.

use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use oneday_core::meetings::store::{self, MeetingRecord};
use oneday_core::meetings::MeetingBook;
use oneday_core::meetings::{parse_feed, zone_name, Import, ImportOptions};
use oneday_core::vault::RecordId;

use crate::dates::LocalDate;
use crate::meeting_errors::MeetingsError;
use crate::meeting_filter::MeetingFilter;
use crate::meeting_import::{MeetingImport, MeetingImportPreview};
use crate::meeting_upcoming::{MeetingAttendance, MeetingsUpcoming, UpcomingMeetings};
use crate::meetings::{FeedFormat, Meeting, MeetingReminder};
use crate::vault::Vault;

#[uniffi::export]
impl Vault {
    /// What importing a meeting list (the feed's bytes) under the name `source` would change,
    /// without writing anything: the shell shows it, then applies it with `importMeetings`. Takes
    /// the same arguments (but the choice to replace) and refuses the same ways, except that an
    /// import removing most of the stored list is previewed with `needsReplace` set instead of
    /// refused.
    ///
    /// Throws as `importMeetings` does, but never `ReplaceNeeded`.
    #[uniffi::method(default(bmlt_formats = None, default_zone = None))]
    pub fn preview_meeting_import(
        &self,
        feed: Vec<u8>,
        format: FeedFormat,
        source: String,
        bmlt_formats: Option<Vec<u8>>,
        default_zone: Option<String>,
    ) -> Result<MeetingImportPreview, MeetingsError> {
        let zone = default_zone.as_deref().map(parse_zone).transpose()?;
        let parsed = parse(&feed, format, &source, bmlt_formats.as_deref(), zone)?;
        let preview = store::preview(&self.inner, &parsed, &source, zone)?;
        Ok(MeetingImportPreview::new(source, &preview))
    }

    /// Imports a meeting list (the feed's bytes) under the name `source`, in one transaction.
    /// Meetings of that list already stored are updated in place by key and keep the user's data;
    /// new ones are added; ones the list no longer has are flagged when the user had added something
    /// to them, else removed. `bmlt_formats` is the BMLT `GetFormats` answer (ignored for Meeting
    /// Guide). `default_zone` (an IANA name, in any letter case) is the zone for meetings whose
    /// list names none; it is saved for the list and used by `nextMeetings` and
    /// `exportMeetingsIcs`. `replace` is the person's choice to apply an import that removes most
    /// of the stored list (see `previewMeetingImport`).
    ///
    /// Throws `InvalidJson` (with line and column), `FeedTooLarge`, `UnexpectedShape`,
    /// `WrongFormat` (the list is of the other format), `NothingImported` (no meeting, nothing to
    /// replace), `ReplaceNeeded` (removes most of the list and `replace` is false), `ZoneNeeded`
    /// (meetings name no zone and none is known for the list), `UnknownZoneName`. A refused import
    /// changes nothing.
    #[uniffi::method(default(bmlt_formats = None, default_zone = None, replace = false))]
    pub fn import_meetings(
        &self,
        feed: Vec<u8>,
        format: FeedFormat,
        source: String,
        bmlt_formats: Option<Vec<u8>>,
        default_zone: Option<String>,
        replace: bool,
    ) -> Result<MeetingImport, MeetingsError> {
        let zone = default_zone.as_deref().map(parse_zone).transpose()?;
        let parsed = parse(&feed, format, &source, bmlt_formats.as_deref(), zone)?;
        let outcome = store::import(&self.inner, parsed, &source, zone, replace)?;
        Ok(MeetingImport::new(source, &outcome))
    }

    /// Every stored meeting, sorted by key.
    pub fn meetings(&self) -> Result<Vec<Meeting>, MeetingsError> {
        Ok(self
            .meeting_book()?
            .records()
            .iter()
            .map(Meeting::from)
            .collect())
    }

    /// The stored meetings that pass `filter` (and are saved, when `saved_only`), sorted by key.
    ///
    /// Throws `InvalidPoint` for a distance filter around an invalid point.
    #[uniffi::method(default(saved_only = false))]
    pub fn search_meetings(
        &self,
        filter: MeetingFilter,
        saved_only: bool,
    ) -> Result<Vec<Meeting>, MeetingsError> {
        let filter = filter.try_into()?;
        Ok(self
            .meeting_book()?
            .search(&filter, saved_only)
            .iter()
            .map(Meeting::from)
            .collect())
    }

    /// The meeting named by `id`: its key as shown, its record id, or an id prefix.
    pub fn meeting(&self, id: String) -> Result<Meeting, MeetingsError> {
        Ok(Meeting::from(&self.find_meeting(&id)?))
    }

    /// Saves (`true`) or unsaves (`false`) a meeting. Returns it as stored.
    pub fn set_meeting_saved(&self, id: String, saved: bool) -> Result<Meeting, MeetingsError> {
        let found = self.find_meeting(&id)?;
        let stored = store::set_saved(&self.inner, &found.id, saved)?;
        Ok(Meeting::new(&found.id, &stored))
    }

    /// Sets the user's own note on a meeting; `null`/`nil` or blank text removes it. Returns the
    /// meeting as stored.
    pub fn set_meeting_note(
        &self,
        id: String,
        note: Option<String>,
    ) -> Result<Meeting, MeetingsError> {
        let found = self.find_meeting(&id)?;
        let stored = store::set_note(&self.inner, &found.id, note)?;
        Ok(Meeting::new(&found.id, &stored))
    }

    /// Sets the reminder for a meeting. Returns the meeting as stored.
    ///
    /// Throws `ReminderTooEarly` for more than a week (10,080 minutes) before.
    pub fn set_meeting_reminder(
        &self,
        id: String,
        reminder: MeetingReminder,
    ) -> Result<Meeting, MeetingsError> {
        let found = self.find_meeting(&id)?;
        let stored = store::set_reminder(&self.inner, &found.id, reminder.into())?;
        Ok(Meeting::new(&found.id, &stored))
    }

    /// Records that the user went to a meeting on the local date `date`. Returns `false` when it
    /// was already recorded for that day (it counts once).
    pub fn mark_meeting_attended(
        &self,
        id: String,
        date: LocalDate,
    ) -> Result<bool, MeetingsError> {
        let found = self.find_meeting(&id)?;
        Ok(store::mark_attended(&self.inner, &found.id, date)?)
    }

    /// Attendance across every stored meeting over the `days` days ending on the local date
    /// `today` (90 for "90 in 90"; 0 is an empty window).
    pub fn meeting_attendance(
        &self,
        today: LocalDate,
        days: u32,
    ) -> Result<MeetingAttendance, MeetingsError> {
        Ok(store::attendance_count(&self.inner, today, days)?.into())
    }

    /// Up to `count` occurrences starting at or after `from` of the stored meetings that pass
    /// `filter` (saved ones only, when `saved_only`), soonest first, each in the meeting's zone and
    /// in `user_zone` (an IANA name, such as the phone's zone). Meetings with no known zone are
    /// listed by key instead, and meetings by appointment counted.
    ///
    /// Throws `UnknownZoneName`, `OutOfRange`, `InvalidPoint`.
    #[uniffi::method(default(saved_only = false))]
    pub fn next_meetings(
        &self,
        from: SystemTime,
        user_zone: String,
        count: u32,
        filter: MeetingFilter,
        saved_only: bool,
    ) -> Result<UpcomingMeetings, MeetingsError> {
        let (from, count, filter) = screen_query(from, &user_zone, count, filter)?;
        let found = self.meeting_book()?.next(from, count, &filter, saved_only);
        Ok((&found).into())
    }

    /// The Meetings screen in one call: each meeting's next start from `from`, one row per meeting
    /// (not one per week), up to `count` meetings, soonest first, in the meeting's zone and in
    /// `user_zone` (an IANA name, such as the phone's zone); each row says whether the meeting is
    /// closed and where it is (an address, or online). Of the stored meetings that pass `filter`
    /// (saved ones only, when `saved_only`). Lists whose meetings have no known zone are named
    /// with those meetings, and meetings by appointment counted.
    ///
    /// Throws `UnknownZoneName`, `OutOfRange`, `InvalidPoint`.
    #[uniffi::method(default(saved_only = true))]
    pub fn meetings_upcoming(
        &self,
        from: SystemTime,
        user_zone: String,
        count: u32,
        filter: MeetingFilter,
        saved_only: bool,
    ) -> Result<MeetingsUpcoming, MeetingsError> {
        let (from, count, filter) = screen_query(from, &user_zone, count, filter)?;
        let screen = self
            .meeting_book()?
            .upcoming(from, count, &filter, saved_only);
        Ok((&screen).into())
    }

    /// An RFC 5545 calendar (`.ics` text) of the meetings `ids`, in that order: one weekly event
    /// per meeting in its own zone (`DTSTART;TZID=...`) with the zone's definition. `now` is the
    /// export instant (`DTSTAMP`; each event starts on its first occurrence from that day).
    ///
    /// Throws `NothingToExport` for no ids, `ZoneUnknown` and `NoSchedule` naming the first meeting
    /// that cannot be put on a calendar, `OutOfRange`.
    pub fn export_meetings_ics(
        &self,
        ids: Vec<String>,
        now: SystemTime,
    ) -> Result<String, MeetingsError> {
        let now = utc_instant(now)?;
        let mut records: Vec<RecordId> = Vec::with_capacity(ids.len());
        for id in &ids {
            records.push(self.find_meeting(id)?.id);
        }
        Ok(store::export_ics(&self.inner, &records, now)?)
    }
}

impl Vault {
    /// The stored meetings as of now: the book kept from an earlier call while the vault is
    /// unchanged (core's change stamp), else a fresh one, kept for the next call. Listing, searching
    /// and `next` ask it, so a screen refreshing every minute does not decrypt every meeting again.
    fn meeting_book(&self) -> Result<Arc<MeetingBook>, MeetingsError> {
        let mut kept = self
            .meeting_book
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(book) = kept.as_ref() {
            if book.is_current(&self.inner)? {
                return Ok(Arc::clone(book));
            }
        }
        *kept = None;
        let book = Arc::new(MeetingBook::load(&self.inner)?);
        *kept = Some(Arc::clone(&book));
        Ok(book)
    }

    /// The meeting `query` names (core's `MeetingBook::find`, on the kept book).
    fn find_meeting(&self, query: &str) -> Result<MeetingRecord, MeetingsError> {
        Ok(self.meeting_book()?.find(query)?.clone())
    }
}

/// An IANA zone name in any letter case (surrounding blanks ignored), or `UnknownZoneName`.
fn parse_zone(name: &str) -> Result<Tz, MeetingsError> {
    zone_name::parse_zone(name).ok_or(MeetingsError::UnknownZoneName)
}

/// What `nextMeetings` and `meetingsUpcoming` ask core: from `from` in `user_zone`, up to `count`,
/// through `filter`.
fn screen_query(
    from: SystemTime,
    user_zone: &str,
    count: u32,
    filter: MeetingFilter,
) -> Result<(DateTime<Tz>, usize, oneday_core::meetings::MeetingFilter), MeetingsError> {
    let zone = parse_zone(user_zone)?;
    let from = utc_instant(from)?.with_timezone(&zone);
    let count = usize::try_from(count).unwrap_or(usize::MAX);
    Ok((from, count, filter.try_into()?))
}

/// A feed parsed by core for the list `source` whose meetings without a zone get `zone`.
fn parse(
    feed: &[u8],
    format: FeedFormat,
    source: &str,
    bmlt_formats: Option<&[u8]>,
    zone: Option<Tz>,
) -> Result<Import, MeetingsError> {
    let mut options = ImportOptions::new(source);
    options.default_zone = zone;
    Ok(parse_feed(format.into(), feed, bmlt_formats, &options)?)
}

/// A foreign instant as a UTC date-time, refused (`OutOfRange`) unless its date is one core supports.
fn utc_instant(t: SystemTime) -> Result<DateTime<Utc>, MeetingsError> {
    let (secs, nanos) = match t.duration_since(UNIX_EPOCH) {
        Ok(after) => (i64::try_from(after.as_secs()).ok(), after.subsec_nanos()),
        Err(e) => {
            let before = e.duration();
            let secs = i64::try_from(before.as_secs()).ok().map(|s| -s);
            match before.subsec_nanos() {
                0 => (secs, 0),
                n => (secs.and_then(|s| s.checked_sub(1)), 1_000_000_000 - n),
            }
        }
    };
    let at = secs
        .and_then(|s| DateTime::from_timestamp(s, nanos))
        .ok_or(MeetingsError::OutOfRange)?;
    oneday_core::date::check_supported(at.date_naive()).map_err(|_| MeetingsError::OutOfRange)?;
    Ok(at)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use std::time::Duration;

    use super::*;
    use crate::kdf::minimum_kdf_params;
    use crate::meeting_filter::{MeetingTimeWindow, NearPoint};
    use crate::meeting_upcoming::MeetingPlace;
    use crate::meetings::{Coordinates, MeetingSchedule, MeetingZoneSource, Openness, Weekday};
    use crate::vault::create_vault;

    fn fixture(name: &str) -> Vec<u8> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../core/tests/fixtures/meetings")
            .join(name);
        std::fs::read(path).unwrap()
    }

    fn vault() -> (tempfile::TempDir, std::sync::Arc<Vault>) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v").to_string_lossy().into_owned();
        let created = create_vault(path, vec![7; 32], Some(minimum_kdf_params())).unwrap();
        (dir, created.vault)
    }

    fn utc(s: &str) -> SystemTime {
        DateTime::parse_from_rfc3339(s).unwrap().into()
    }

    #[test]
    fn import_search_and_user_data() {
        let (_dir, v) = vault();
        let imported = v
            .import_meetings(
                fixture("meeting-guide-sample.json"),
                FeedFormat::MeetingGuide,
                "sample".into(),
                None,
                None,
                false,
            )
            .unwrap();
        assert_eq!(imported.counts.added, 6);
        assert_eq!((imported.report.records, imported.report.kept), (6, 6));
        assert_eq!(imported.report.repaired_records, 1);
        let all = v.meetings().unwrap();
        assert_eq!(all.len(), 6);
        let owls = v.meeting("sample/night-owls".into()).unwrap();
        assert_eq!(owls.key.feed_id, "night-owls");
        assert_eq!(owls.zone.source, MeetingZoneSource::Feed);
        assert_eq!(owls.zone.name.as_deref(), Some("America/New_York"));
        assert_eq!(
            owls.online.tel_uri.as_deref(),
            Some("tel:+15555550100,,123%23")
        );
        let MeetingSchedule::Weekly {
            weekdays,
            runs_past_midnight,
            ..
        } = &owls.schedule
        else {
            panic!("weekly expected");
        };
        assert_eq!(weekdays, &[Weekday::Friday, Weekday::Saturday]);
        assert!(runs_past_midnight);
        assert_eq!(v.meeting(owls.id[..8].into()).unwrap().id, owls.id);

        let saved = v.set_meeting_saved(owls.id.clone(), true).unwrap();
        assert!(saved.user.saved);
        let noted = v
            .set_meeting_note(owls.key.text.clone(), Some("bring coffee".into()))
            .unwrap();
        assert_eq!(noted.user.note.as_deref(), Some("bring coffee"));
        let filter = MeetingFilter {
            openness: Some(Openness::Closed),
            ..MeetingFilter::default()
        };
        let closed = v.search_meetings(filter.clone(), false).unwrap();
        assert_eq!(closed.len(), 3);
        let saved_closed = v.search_meetings(filter, true).unwrap();
        assert_eq!(saved_closed.len(), 1);
        assert_eq!(saved_closed[0].user.note.as_deref(), Some("bring coffee"));
        let morning = MeetingFilter {
            time: Some(MeetingTimeWindow {
                from: chrono::NaiveTime::from_hms_opt(6, 0, 0).unwrap(),
                to: chrono::NaiveTime::from_hms_opt(8, 0, 0).unwrap(),
            }),
            ..MeetingFilter::default()
        };
        assert_eq!(
            v.search_meetings(morning, false).unwrap()[0].name,
            "Sunrise Serenity"
        );
        let near = MeetingFilter {
            near: Some(NearPoint {
                point: Coordinates {
                    latitude: 0.0,
                    longitude: 0.0,
                },
                radius_km: 5.0,
            }),
            ..MeetingFilter::default()
        };
        assert_eq!(
            v.search_meetings(near, false).unwrap_err(),
            MeetingsError::InvalidPoint
        );

        assert!(matches!(
            v.set_meeting_reminder(
                owls.id.clone(),
                MeetingReminder::MinutesBefore { minutes: 20_000 }
            ),
            Err(MeetingsError::ReminderTooEarly { max: 10_080, .. })
        ));
        assert_eq!(
            v.meeting("sample/nope".into()).unwrap_err(),
            MeetingsError::NotFound
        );
    }

    #[test]
    fn next_across_zones_attendance_and_export() {
        let (_dir, v) = vault();
        v.import_meetings(
            fixture("meeting-guide-sample.json"),
            FeedFormat::MeetingGuide,
            "sample".into(),
            None,
            None,
            false,
        )
        .unwrap();
        v.set_meeting_saved("sample/night-owls".into(), true)
            .unwrap();
        v.set_meeting_reminder(
            "sample/night-owls".into(),
            MeetingReminder::MinutesBefore { minutes: 30 },
        )
        .unwrap();
        // Friday 2024-06-07 12:00 in Berlin.
        let from = utc("2024-06-07T10:00:00Z");
        let next = v
            .next_meetings(
                from,
                "Europe/Berlin".into(),
                2,
                MeetingFilter::default(),
                true,
            )
            .unwrap();
        let first = &next.occurrences[0];
        assert_eq!(first.start.local.to_string(), "2024-06-07 23:00:00");
        assert_eq!(first.start.zone, "America/New_York");
        assert_eq!(first.start_user.local.to_string(), "2024-06-08 05:00:00");
        assert_eq!(first.start_user.zone, "Europe/Berlin");
        assert_eq!(first.start.instant, first.start_user.instant);
        assert_eq!(
            first.end.as_ref().unwrap().local.to_string(),
            "2024-06-08 00:30:00"
        );
        assert_eq!(
            first.remind_at.as_ref().unwrap().local.to_string(),
            "2024-06-08 04:30:00"
        );
        assert_eq!(
            next.occurrences[1].start.local.to_string(),
            "2024-06-08 23:00:00"
        );
        let all = v
            .next_meetings(
                from,
                "Europe/Berlin".into(),
                1,
                MeetingFilter::default(),
                false,
            )
            .unwrap();
        assert_eq!(all.by_appointment, 1);
        assert!(all.zone_unknown.is_empty());
        assert_eq!(
            v.next_meetings(
                from,
                "Mars/Olympus".into(),
                1,
                MeetingFilter::default(),
                false
            )
            .unwrap_err(),
            MeetingsError::UnknownZoneName
        );
        let ancient = UNIX_EPOCH - Duration::from_secs(100 * 366 * 86_400);
        assert_eq!(
            v.next_meetings(ancient, "UTC".into(), 1, MeetingFilter::default(), false)
                .unwrap_err(),
            MeetingsError::OutOfRange
        );

        let day = chrono::NaiveDate::from_ymd_opt(2024, 6, 7).unwrap();
        assert!(v
            .mark_meeting_attended("sample/night-owls".into(), day)
            .unwrap());
        assert!(!v
            .mark_meeting_attended("sample/night-owls".into(), day)
            .unwrap());
        v.mark_meeting_attended("sample/kolkata-online".into(), day)
            .unwrap();
        let a = v.meeting_attendance(day, 90).unwrap();
        assert_eq!((a.meetings, a.days_with_a_meeting), (2, 1));
        assert_eq!(a.from.to_string(), "2024-03-10");
        assert_eq!(
            v.meeting_attendance(day, u32::MAX).unwrap().from,
            oneday_core::date::EARLIEST
        );

        let ics = v
            .export_meetings_ics(vec!["sample/night-owls".into()], from)
            .unwrap();
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
        assert!(ics.contains("TZID:America/New_York"));
        assert_eq!(
            v.export_meetings_ics(vec![], from).unwrap_err(),
            MeetingsError::NothingToExport
        );
        assert_eq!(
            v.export_meetings_ics(vec!["sample/by-appointment".into()], from)
                .unwrap_err(),
            MeetingsError::NoSchedule {
                key: "sample/by-appointment".into()
            }
        );
    }

    #[test]
    fn bmlt_with_and_without_a_default_zone() {
        let (_dir, v) = vault();
        let refused = v
            .import_meetings(
                fixture("bmlt-search-sample.json"),
                FeedFormat::Bmlt,
                "na".into(),
                Some(fixture("bmlt-formats-sample.json")),
                None,
                false,
            )
            .unwrap_err();
        assert_eq!(
            refused,
            MeetingsError::ZoneNeeded {
                meetings: 3,
                suggested_zone: Some("Europe/Berlin".into())
            }
        );
        assert!(refused.to_string().contains("likely in Europe/Berlin"));
        assert!(v.meetings().unwrap().is_empty());
        let from = utc("2024-06-07T10:00:00Z");
        assert_eq!(
            v.import_meetings(
                fixture("bmlt-search-sample.json"),
                FeedFormat::Bmlt,
                "na".into(),
                None,
                Some("Berlin".into()),
                false,
            )
            .unwrap_err(),
            MeetingsError::UnknownZoneName
        );
        let again = v
            .import_meetings(
                fixture("bmlt-search-sample.json"),
                FeedFormat::Bmlt,
                "na".into(),
                Some(fixture("bmlt-formats-sample.json")),
                Some("europe/berlin".into()),
                false,
            )
            .unwrap();
        assert_eq!(again.counts.added, 4);
        assert_eq!(again.report.format, FeedFormat::Bmlt);
        let hope = v.meeting("na/101".into()).unwrap();
        assert_eq!(hope.zone.source, MeetingZoneSource::SourceDefault);
        assert_eq!(hope.types[0].label.as_deref(), Some("Open"));
        let next = v
            .next_meetings(
                from,
                "Europe/Berlin".into(),
                10,
                MeetingFilter::default(),
                false,
            )
            .unwrap();
        assert!(next.zone_unknown.is_empty());
    }

    #[test]
    fn bad_feeds_and_a_locked_vault_are_typed() {
        let (_dir, v) = vault();
        let err = v
            .import_meetings(
                b"[\n {\"slug\": }".to_vec(),
                FeedFormat::MeetingGuide,
                "s".into(),
                None,
                None,
                false,
            )
            .unwrap_err();
        assert!(
            matches!(err, MeetingsError::InvalidJson { line: 2, .. }),
            "{err:?}"
        );
        assert!(!err.to_string().contains("slug"));
        assert!(matches!(
            v.import_meetings(
                b"42".to_vec(),
                FeedFormat::Bmlt,
                "s".into(),
                None,
                None,
                false
            ),
            Err(MeetingsError::UnexpectedShape { .. })
        ));
        v.lock();
        assert_eq!(v.meetings().unwrap_err(), MeetingsError::Locked);
        assert_eq!(
            v.import_meetings(
                b"[]".to_vec(),
                FeedFormat::MeetingGuide,
                "s".into(),
                None,
                None,
                false
            )
            .unwrap_err(),
            MeetingsError::Locked
        );
    }

    #[test]
    fn a_wrong_format_or_an_empty_list_is_refused_and_changes_nothing() {
        let (_dir, v) = vault();
        let sample = || fixture("meeting-guide-sample.json");
        let import = |feed: Vec<u8>, format, replace| {
            v.import_meetings(feed, format, "sample".into(), None, None, replace)
        };
        import(sample(), FeedFormat::MeetingGuide, false).unwrap();
        let before = v.meetings().unwrap();
        assert_eq!(
            import(sample(), FeedFormat::Bmlt, true).unwrap_err(),
            MeetingsError::WrongFormat {
                given: FeedFormat::Bmlt,
                looks_like: FeedFormat::MeetingGuide
            }
        );
        let preview = v
            .preview_meeting_import(
                b"[]".to_vec(),
                FeedFormat::MeetingGuide,
                "sample".into(),
                None,
                None,
            )
            .unwrap();
        assert!(preview.needs_replace);
        assert_eq!((preview.listed_before, preview.counts.vanished), (6, 6));
        assert_eq!(
            import(b"[]".to_vec(), FeedFormat::MeetingGuide, false).unwrap_err(),
            MeetingsError::ReplaceNeeded {
                vanished: 6,
                listed: 6
            }
        );
        assert_eq!(v.meetings().unwrap(), before);
        let replaced = import(b"[]".to_vec(), FeedFormat::MeetingGuide, true).unwrap();
        assert_eq!(replaced.counts.vanished, 6);
        assert!(v.meetings().unwrap().is_empty());
        let err = import(b"[]".to_vec(), FeedFormat::MeetingGuide, true).unwrap_err();
        assert_eq!(err, MeetingsError::NothingImported { records: 0 });
        assert_eq!(
            err.to_string(),
            "the meeting list holds no meetings: nothing was imported"
        );
    }

    #[test]
    fn instants_before_the_epoch_keep_their_nanoseconds() {
        let t = UNIX_EPOCH - Duration::new(10, 250_000_000);
        assert_eq!(
            utc_instant(t).unwrap().to_rfc3339(),
            "1969-12-31T23:59:49.750+00:00"
        );
    }

    #[test]
    fn the_meetings_screen_is_one_row_per_meeting() {
        let (_dir, v) = vault();
        v.import_meetings(
            fixture("meeting-guide-sample.json"),
            FeedFormat::MeetingGuide,
            "sample".into(),
            None,
            None,
            false,
        )
        .unwrap();
        let from = utc("2024-06-07T10:00:00Z");
        let all = v
            .meetings_upcoming(
                from,
                "Europe/Berlin".into(),
                50,
                MeetingFilter::default(),
                false,
            )
            .unwrap();
        let mut ids: Vec<&str> = all
            .rows
            .iter()
            .map(|r| r.next.meeting.id.as_str())
            .collect();
        let rows = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), rows, "one row per meeting");
        let occurrences = v
            .next_meetings(
                from,
                "Europe/Berlin".into(),
                50,
                MeetingFilter::default(),
                false,
            )
            .unwrap();
        assert!(occurrences.occurrences.len() > rows);
        assert_eq!(
            all.rows[0].next.start.instant,
            occurrences.occurrences[0].start.instant
        );
        assert!(all.rows.iter().any(|r| r.place == MeetingPlace::Online));
        // Nothing saved: the saved-only screen is empty.
        let saved = v
            .meetings_upcoming(
                from,
                "Europe/Berlin".into(),
                50,
                MeetingFilter::default(),
                true,
            )
            .unwrap();
        assert!(saved.rows.is_empty());
        assert!(matches!(
            v.meetings_upcoming(from, "Mars/Base".into(), 5, MeetingFilter::default(), true),
            Err(MeetingsError::UnknownZoneName)
        ));
    }
}
