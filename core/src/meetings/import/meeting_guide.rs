//! Meeting Guide JSON (code4recovery/spec) and the close variants real feeds publish.
//!
//! The feed is an array of records. Read per record:
//! - `slug` (text or number) is the id; `name` is required. Records without either are skipped.
//! - `day`: 0 = Sunday … 6, as a number, text, English name, or an array of those; `7` is read as
//!   Sunday (ISO numbering, used by the OIAA export). `time`: `HH:MM`, or `8:00`, `8:00 PM`,
//!   `HH:MM:SS`. No day and no time: by appointment. `end_time`, else `duration` in minutes.
//! - `timezone` (IANA); otherwise the source's zone, otherwise unknown.
//! - `types`: an array of codes, or a string (`"C"`, `"C,W"`, `"[open]"`, labels read back to codes).
//! - Attendance: `attendance_option` (`in_person`, `hybrid`, `online`, `inactive`) when present, as
//!   TSML defines it. Otherwise derived as tsml-ui does: online when there is a conference link or
//!   phone, in person when there is a street address that is not approximate and the `TC` type
//!   (location temporarily closed) is absent, hybrid when both, temporarily closed when neither but
//!   `TC` is present. Online with only a phone is phone-only.
//! - `approximate: "yes"`, or no street and a formatted address of fewer than three comma-separated
//!   parts, marks the address as a town rather than a door: not a place to walk into, and its
//!   coordinates never match a distance filter.

use chrono::Weekday;
use serde_json::{Map, Value};

use super::report::{ImportReport, Issue};
use super::schedule::{self, EndSpec};
use super::values::{self, TimeForm};
use super::{finish, parse_json, Converted, Import, ImportOptions, RecordLog};
use crate::meetings::error::MeetingsError;
use crate::meetings::model::{
    AttendanceMode, Coordinates, FeedFormat, Location, Meeting, MeetingKey, MeetingType,
    OnlineAccess, Openness,
};
use crate::meetings::type_codes;
use crate::meetings::weekday;

/// Imports a Meeting Guide feed.
///
/// ```
/// use oneday_core::meetings::import::{meeting_guide, ImportOptions};
/// let feed = br#"[{"slug":"a","name":"Morning","day":1,"time":"07:00","types":["O"]},
///                 {"name":"no slug"}]"#;
/// let import = meeting_guide::import(feed, &ImportOptions::new("demo")).unwrap();
/// assert_eq!(import.meetings.len(), 1);
/// assert_eq!(import.report.skipped.len(), 1);
/// ```
pub fn import(bytes: &[u8], options: &ImportOptions) -> Result<Import, MeetingsError> {
    let root = parse_json(bytes, "Meeting Guide")?;
    let Value::Array(records) = root else {
        return Err(MeetingsError::UnexpectedShape {
            format: "Meeting Guide",
            why: "the top level is not a list of meetings",
        });
    };
    let report = ImportReport::new(FeedFormat::MeetingGuide, records.len());
    let converted = records
        .iter()
        .enumerate()
        .map(|(i, r)| (i, convert(i, r, options)))
        .collect();
    Ok(finish(report, converted))
}

fn convert(index: usize, record: &Value, options: &ImportOptions) -> Converted {
    let mut log = RecordLog::new(index);
    let Some(r) = record.as_object() else {
        return Err(log.skip(Issue::NotAnObject));
    };
    let Some((id, numeric)) = values::id(r.get("slug")) else {
        return Err(log.skip(Issue::MissingId));
    };
    log.set_id(&id);
    if numeric {
        log.repair(Issue::NumericId);
    }
    let Some(name) = values::text(r.get("name")) else {
        return Err(log.skip(Issue::MissingName));
    };
    let Some(days) = days(r.get("day"), &mut log) else {
        return Err(log.skip(Issue::InvalidDay));
    };
    let start = match values::text(r.get("time")) {
        None => None,
        Some(t) => match values::time_of_day(&t) {
            Some((t, form)) => {
                schedule::note_time_form(form, TimeForm::Hhmm, &mut log);
                Some(t)
            }
            None => return Err(log.skip(Issue::InvalidTime)),
        },
    };
    if start.is_none() && days.is_empty() && r.get("rtc").is_some() {
        log.repair(Issue::UnsupportedSchedule { field: "rtc" });
    }
    let end = end_spec(r, &mut log);
    let schedule = schedule::build(days, start, end, &mut log);
    let (zone, bad_zone) = options.zone_for(values::text(r.get("timezone")).as_deref());
    if bad_zone {
        log.repair(Issue::UnknownTimeZone);
    }
    let types = types(r.get("types"), &mut log);
    let location = location(r, &mut log);
    let online = online(r, &mut log);
    let has_type = |c: &str| types.iter().any(|t: &MeetingType| t.code == c);
    let attendance = attendance(
        values::text(r.get("attendance_option")).as_deref(),
        &location,
        &online,
        has_type("TC"),
        has_type("ONL"),
    );
    let openness = match (has_type("O"), has_type("C")) {
        (true, false) => Openness::Open,
        (false, true) => Openness::Closed,
        _ => Openness::Unspecified,
    };
    let updated = match r.get("updated").or_else(|| r.get("updatedAt")) {
        None | Some(Value::Null) => None,
        Some(v) => {
            let u = values::updated(Some(v));
            if u.is_none() && values::text(Some(v)).is_some() {
                log.repair(Issue::UnreadableUpdated);
            }
            u
        }
    };
    let notes = values::join(
        &[
            values::text(r.get("notes")).as_deref(),
            values::text(r.get("group_notes").or_else(|| r.get("groupNotes"))).as_deref(),
        ],
        "\n\n",
    );
    let meeting = Meeting {
        key: MeetingKey {
            source: options.source.clone(),
            id,
            day: None,
            occurrence: None,
        },
        name,
        fellowship: options.fellowship.clone(),
        schedule,
        zone,
        attendance,
        location,
        online,
        openness,
        types,
        group: values::text(r.get("group")),
        notes,
        format: FeedFormat::MeetingGuide,
        updated,
    };
    Ok((meeting, log.into_repairs()))
}

/// The days of a record; `None` when a day is given but is not a weekday.
fn days(v: Option<&Value>, log: &mut RecordLog) -> Option<Vec<Weekday>> {
    let items: Vec<&Value> = match v {
        None | Some(Value::Null) => return Some(Vec::new()),
        Some(Value::Array(a)) => a.iter().collect(),
        Some(Value::String(s)) if s.trim().is_empty() => return Some(Vec::new()),
        Some(other) => vec![other],
    };
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        if let Some((n, as_text)) = values::integer(item) {
            let (d, seven) = weekday::from_meeting_guide_lenient(n).ok()?;
            if as_text {
                log.repair(Issue::DayAsText);
            }
            if seven {
                log.repair(Issue::DaySevenAsSunday);
            }
            out.push(d);
        } else {
            let d = item.as_str().and_then(weekday::from_english_name)?;
            log.repair(Issue::DayAsName);
            out.push(d);
        }
    }
    Some(out)
}

fn end_spec(r: &Map<String, Value>, log: &mut RecordLog) -> EndSpec {
    if let Some(e) = values::text(r.get("end_time")) {
        return match values::time_of_day(&e) {
            Some((t, form)) => {
                schedule::note_time_form(form, TimeForm::Hhmm, log);
                EndSpec::At(t)
            }
            None => EndSpec::Unreadable,
        };
    }
    match r.get("duration") {
        None | Some(Value::Null) => EndSpec::None,
        Some(v) => values::integer(v).map_or(EndSpec::Unreadable, |(m, _)| EndSpec::Minutes(m)),
    }
}

fn types(v: Option<&Value>, log: &mut RecordLog) -> Vec<MeetingType> {
    let raw: Vec<String> = match v {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(a)) => a
            .iter()
            .map(|x| values::text(Some(x)).unwrap_or_default())
            .collect(),
        Some(Value::String(s)) => {
            log.repair(Issue::TypesAsText);
            s.trim()
                .trim_start_matches('[')
                .trim_end_matches(']')
                .split(',')
                .map(|t| t.trim().to_owned())
                .collect()
        }
        Some(_) => {
            log.repair(Issue::EmptyTypeDropped);
            Vec::new()
        }
    };
    let mut out: Vec<MeetingType> = Vec::with_capacity(raw.len());
    for token in raw {
        if token.is_empty() {
            log.repair(Issue::EmptyTypeDropped);
            continue;
        }
        let code = if let Some(label) = type_codes::label(&token) {
            let canonical = type_codes::MEETING_GUIDE_TYPES
                .iter()
                .find(|(_, l)| *l == label)
                .map_or_else(|| token.to_ascii_uppercase(), |(c, _)| (*c).to_owned());
            if canonical != token {
                log.repair(Issue::TypeCodeCase);
            }
            canonical
        } else if let Some(code) = type_codes::code_for_label(&token) {
            code.to_owned()
        } else {
            token
        };
        if out.iter().all(|t| t.code != code) {
            out.push(MeetingType {
                label: type_codes::label(&code).map(str::to_owned),
                code,
                world_id: None,
            });
        }
    }
    out
}

fn location(r: &Map<String, Value>, log: &mut RecordLog) -> Location {
    let t = |k: &str| values::text(r.get(k));
    let street = t("address");
    let city = t("city");
    let province = t("state");
    let postal_code = t("postal_code");
    let country = t("country");
    let feed_formatted = t("formatted_address");
    let formatted_address = feed_formatted.clone().or_else(|| {
        values::join(
            &[
                street.as_deref(),
                city.as_deref(),
                values::join(&[province.as_deref(), postal_code.as_deref()], " ").as_deref(),
                country.as_deref(),
            ],
            ", ",
        )
    });
    let flagged = match r.get("approximate") {
        Some(Value::Bool(b)) => *b,
        Some(Value::String(s)) => s.trim().eq_ignore_ascii_case("yes"),
        _ => false,
    };
    // Without a street, an address of fewer than three parts is a town, not a door (tsml-ui's rule).
    let approximate = flagged
        || (street.is_none()
            && feed_formatted
                .as_deref()
                .is_none_or(|f| f.split(',').count() < 3));
    let lat = r.get("latitude").filter(|v| !v.is_null());
    let lon = r.get("longitude").filter(|v| !v.is_null());
    let coordinates = if lat.is_none() && lon.is_none() {
        None
    } else {
        match (values::decimal(lat), values::decimal(lon)) {
            (Some((la, t1)), Some((lo, t2))) => {
                if t1 || t2 {
                    log.repair(Issue::CoordinatesAsText);
                }
                let c = Coordinates::new(la, lo);
                if c.is_none() {
                    log.repair(Issue::InvalidCoordinatesDropped);
                }
                c
            }
            _ => {
                log.repair(Issue::InvalidCoordinatesDropped);
                None
            }
        }
    };
    Location {
        name: t("location"),
        street,
        city,
        province,
        postal_code,
        country,
        formatted_address,
        region: t("region"),
        coordinates,
        approximate,
        notes: t("location_notes"),
    }
}

fn online(r: &Map<String, Value>, log: &mut RecordLog) -> OnlineAccess {
    let url = values::text(r.get("conference_url")).and_then(|u| {
        let ok = values::web_url(&u);
        if ok.is_none() {
            log.repair(Issue::InvalidConferenceUrl);
        }
        ok
    });
    let phone = values::text(r.get("conference_phone"));
    OnlineAccess {
        url,
        url_notes: values::text(r.get("conference_url_notes")),
        phone_dial: phone.as_deref().and_then(values::dial_string),
        phone,
        phone_notes: values::text(r.get("conference_phone_notes")),
    }
}

/// Whether the location is a place someone can walk into.
fn is_place(l: &Location) -> bool {
    if l.approximate {
        return false;
    }
    let online_word = |s: &Option<String>| {
        s.as_deref()
            .is_some_and(|a| a.eq_ignore_ascii_case("online") || a.eq_ignore_ascii_case("virtual"))
    };
    if online_word(&l.street) || online_word(&l.formatted_address) {
        return false;
    }
    l.street.is_some() || l.formatted_address.is_some()
}

fn remote_mode(online: &OnlineAccess) -> AttendanceMode {
    if online.url.is_none() && online.phone.is_some() {
        AttendanceMode::PhoneOnly
    } else {
        AttendanceMode::Online
    }
}

/// The attendance mode (see the module docs).
fn attendance(
    option: Option<&str>,
    location: &Location,
    online: &OnlineAccess,
    tc: bool,
    onl: bool,
) -> AttendanceMode {
    match option.map(str::to_ascii_lowercase).as_deref() {
        Some("in_person") => return AttendanceMode::InPerson,
        Some("hybrid") => return AttendanceMode::Hybrid,
        Some("online") => return remote_mode(online),
        Some("inactive") => return AttendanceMode::TemporarilyClosed,
        _ => {}
    }
    let in_person = is_place(location) && !tc;
    match (in_person, !online.is_empty()) {
        (true, true) => AttendanceMode::Hybrid,
        (false, true) => remote_mode(online),
        (true, false) => AttendanceMode::InPerson,
        (false, false) if tc => AttendanceMode::TemporarilyClosed,
        (false, false) if onl => AttendanceMode::Online,
        (false, false) => AttendanceMode::InPerson,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::meetings::model::{MeetingZone, Schedule};
    use chrono::NaiveTime;

    fn one(json: &str) -> (Meeting, Vec<Issue>) {
        let i = import(format!("[{json}]").as_bytes(), &ImportOptions::new("t")).unwrap();
        assert_eq!(i.meetings.len(), 1, "{:?}", i.report);
        let issues = i.report.repaired.iter().map(|r| r.issue.clone()).collect();
        (i.meetings.into_iter().next().unwrap(), issues)
    }

    #[test]
    fn spec_record() {
        let (m, issues) = one(
            r#"{"slug":"s","name":"N","day":2,"time":"19:30","end_time":"20:30","types":["C","X"],
               "address":"1 Main St","city":"Town","state":"CA","postal_code":"95000",
               "latitude":37.3,"longitude":-121.9,"timezone":"America/Los_Angeles"}"#,
        );
        assert!(issues.is_empty(), "{issues:?}");
        assert_eq!(m.schedule.weekdays(), [Weekday::Tue]);
        assert_eq!(m.schedule.end(), NaiveTime::from_hms_opt(20, 30, 0));
        assert_eq!(m.zone, MeetingZone::Feed(chrono_tz::America::Los_Angeles));
        assert_eq!(m.openness, Openness::Closed);
        assert_eq!(m.attendance, AttendanceMode::InPerson);
        assert_eq!(
            m.location.formatted_address.as_deref(),
            Some("1 Main St, Town, CA 95000")
        );
        assert_eq!(m.types[1].label.as_deref(), Some("Wheelchair Access"));
    }

    #[test]
    fn messy_record() {
        let (m, issues) = one(
            r#"{"slug":5202,"name":" N ","day":["6"],"time":"8:00 PM","types":"[open]",
               "latitude":"35.2","longitude":"-101.8","group_notes":"\t\t ","conference_url":"",
               "timezone":"Mars/Base"}"#,
        );
        assert_eq!(m.key.id, "5202");
        assert_eq!(m.name, "N");
        assert_eq!(m.schedule.start(), NaiveTime::from_hms_opt(20, 0, 0));
        assert_eq!(m.openness, Openness::Open);
        assert_eq!(m.notes, None);
        assert_eq!(m.zone, MeetingZone::Unknown);
        for i in [
            Issue::NumericId,
            Issue::DayAsText,
            Issue::TwelveHourTime,
            Issue::TypesAsText,
            Issue::CoordinatesAsText,
            Issue::UnknownTimeZone,
        ] {
            assert!(issues.contains(&i), "{i:?} in {issues:?}");
        }
    }

    #[test]
    fn attendance_modes() {
        let mode = |j: &str| one(j).0.attendance;
        assert_eq!(
            mode(r#"{"slug":"a","name":"n","types":["TC"],"address":"1 Main"}"#),
            AttendanceMode::TemporarilyClosed
        );
        assert_eq!(
            mode(
                r#"{"slug":"a","name":"n","types":["TC"],"address":"1 Main","conference_url":"https://z.us/j/1"}"#
            ),
            AttendanceMode::Online
        );
        assert_eq!(
            mode(
                r#"{"slug":"a","name":"n","address":"1 Main","conference_url":"https://z.us/j/1"}"#
            ),
            AttendanceMode::Hybrid
        );
        assert_eq!(
            mode(r#"{"slug":"a","name":"n","conference_phone":"+1 555 123 4567"}"#),
            AttendanceMode::PhoneOnly
        );
        assert_eq!(
            mode(r#"{"slug":"a","name":"n","attendance_option":"inactive","address":"1 Main"}"#),
            AttendanceMode::TemporarilyClosed
        );
        assert_eq!(
            mode(r#"{"slug":"a","name":"n","address":"Online","types":["ONL"]}"#),
            AttendanceMode::Online
        );
    }

    #[test]
    fn appointment_and_skips() {
        let feed = br#"[{"slug":"a","name":"Appt"},{"slug":"b"},{"name":"x"},3,
                        {"slug":"c","name":"n","day":9,"time":"10:00"},
                        {"slug":"d","name":"n","day":1,"time":"ten"}]"#;
        let i = import(feed, &ImportOptions::new("t")).unwrap();
        assert_eq!(i.meetings.len(), 1);
        assert_eq!(i.meetings[0].schedule, Schedule::ByAppointment);
        let skipped: Vec<_> = i.report.skipped.iter().map(|s| s.issue.clone()).collect();
        assert_eq!(
            skipped,
            [
                Issue::MissingName,
                Issue::MissingId,
                Issue::NotAnObject,
                Issue::InvalidDay,
                Issue::InvalidTime
            ]
        );
        assert_eq!(i.report.skipped[0].id.as_deref(), Some("b"));
    }

    #[test]
    fn duplicates_are_resolved() {
        let feed = br#"[{"slug":"p","name":"P","day":0,"time":"09:30","location":"A"},
                        {"slug":"p","name":"P","day":0,"time":"09:30","location":"B"},
                        {"slug":"p","name":"P","day":0,"time":"09:30","location":"B"},
                        {"slug":"m","name":"M","day":1,"time":"09:30"},
                        {"slug":"m","name":"M","day":3,"time":"09:30"}]"#;
        let i = import(feed, &ImportOptions::new("t")).unwrap();
        let keys: Vec<String> = i.meetings.iter().map(|m| m.key.to_string()).collect();
        assert_eq!(keys, ["t/p", "t/p#2", "t/m@Mon", "t/m@Wed"]);
        assert_eq!(i.report.duplicates.len(), 3);
        assert_eq!(i.report.dropped_duplicates(), 1);
    }

    #[test]
    fn default_zone_and_shape_errors() {
        let mut o = ImportOptions::new("t");
        o.default_zone = Some(chrono_tz::America::Chicago);
        let i = import(br#"[{"slug":"a","name":"n","day":1,"time":"10:00"}]"#, &o).unwrap();
        assert_eq!(
            i.meetings[0].zone,
            MeetingZone::SourceDefault(chrono_tz::America::Chicago)
        );
        assert!(matches!(
            import(b"{}", &o),
            Err(MeetingsError::UnexpectedShape { .. })
        ));
        assert!(matches!(
            import(b"[1,", &o),
            Err(MeetingsError::InvalidJson { line: 1, .. })
        ));
        let deep = "[".repeat(10_000);
        assert!(matches!(
            import(deep.as_bytes(), &o),
            Err(MeetingsError::InvalidJson { .. })
        ));
    }
}
