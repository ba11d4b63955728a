//! BMLT semantic JSON (`GetSearchResults`), with `GetFormats` to label formats.
//!
//! Accepted shapes: a bare array of meetings; `{"meetings": […], "formats": […]}` (the
//! `get_used_formats` shape); and `{}` (older servers' empty answer). `GetFormats` may be a bare
//! array or wrapped as `{"formats": […]}`.
//!
//! Read per record (every value is a string):
//! - `id_bigint` is the id and `meeting_name` the name; records without either are skipped.
//! - `weekday_tinyint` 1 = Sunday … 7; `start_time` `HH:MM:SS`; `duration_time` `HH:MM:SS`.
//! - `time_zone` (often `""`): otherwise the source's zone, otherwise unknown.
//! - Formats: the ids of `format_shared_id_list` are resolved through the formats list by `id`
//!   (the same across a server's languages), else the keys of `formats` by `key_string`. The
//!   language-independent `world_id` is kept beside the key: attendance and open/closed use it
//!   (`VM` virtual, `HYBR` hybrid, `TC` temporarily closed, `OPEN`, `CLOSED`).
//! - Attendance: `venue_type` 1 in person, 2 virtual (online, or phone-only when there is only a
//!   phone number), 3 hybrid; with the `TC` format an in-person meeting is temporarily closed and
//!   a hybrid one is online only. Without a known `venue_type` the formats decide.
//! - Coordinates of virtual meetings are placeholders (the server's map centre) and are dropped,
//!   as are BMLT's stock default centre (34.235918, -118.563659) anywhere.
//! - Legacy `Prompt#@-@#value` values lose their prompt.

use std::collections::HashMap;

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
use crate::meetings::weekday;

/// BMLT's stock default map centre, found as a placeholder on virtual meetings.
pub const STOCK_MAP_CENTRE: (f64, f64) = (34.235918, -118.563659);

/// One format of a `GetFormats` answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BmltFormat {
    /// The server's shared id (the same in every language).
    pub id: String,
    /// The language-specific key (`KT`, `O`).
    pub key: String,
    /// The language-independent world id (`OPEN`, `VM`), when set.
    pub world_id: Option<String>,
    /// The display name.
    pub name: Option<String>,
}

/// A server's formats, looked up by id or key.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BmltFormats {
    by_id: HashMap<String, BmltFormat>,
    by_key: HashMap<String, BmltFormat>,
}

impl BmltFormats {
    /// Reads a `GetFormats` answer (bare array or `{"formats": […]}`). Entries that are not objects
    /// or have neither id nor key are ignored.
    pub fn parse(bytes: &[u8]) -> Result<Self, MeetingsError> {
        let root = parse_json(bytes, "BMLT GetFormats")?;
        let list = match &root {
            Value::Array(a) => a,
            Value::Object(o) => match o.get("formats") {
                Some(Value::Array(a)) => a,
                _ => {
                    return Err(MeetingsError::UnexpectedShape {
                        format: "BMLT GetFormats",
                        why: "no list of formats",
                    })
                }
            },
            _ => {
                return Err(MeetingsError::UnexpectedShape {
                    format: "BMLT GetFormats",
                    why: "the top level is not a list of formats",
                })
            }
        };
        let mut f = Self::default();
        f.extend(list);
        Ok(f)
    }

    /// How many formats are known.
    pub fn len(&self) -> usize {
        self.by_id.len().max(self.by_key.len())
    }

    /// Whether no formats are known.
    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty() && self.by_key.is_empty()
    }

    fn extend(&mut self, list: &[Value]) {
        for v in list {
            let Some(o) = v.as_object() else { continue };
            let t = |k: &str| values::text(o.get(k));
            let f = BmltFormat {
                id: t("id").unwrap_or_default(),
                key: t("key_string").unwrap_or_default(),
                world_id: t("world_id"),
                name: t("name_string"),
            };
            if !f.id.is_empty() {
                self.by_id.entry(f.id.clone()).or_insert_with(|| f.clone());
            }
            if !f.key.is_empty() {
                self.by_key.entry(f.key.clone()).or_insert(f);
            }
        }
    }
}

/// Imports a `GetSearchResults` answer. `formats` is a separate `GetFormats` answer (formats
/// embedded in the search answer are used too; the separate list wins).
///
/// ```
/// use oneday_core::meetings::import::{bmlt, ImportOptions};
/// use oneday_core::meetings::AttendanceMode;
/// let feed = br#"[{"id_bigint":"7","meeting_name":"Hope","weekday_tinyint":"1",
///   "start_time":"19:00:00","duration_time":"01:30:00","venue_type":"2",
///   "virtual_meeting_link":"https://zoom.us/j/1","formats":"VM","format_shared_id_list":"213"}]"#;
/// let formats = bmlt::BmltFormats::parse(
///     br#"{"formats":[{"id":"213","key_string":"VM","world_id":"VM","name_string":"Virtual"}]}"#,
/// ).unwrap();
/// let import = bmlt::import(feed, Some(&formats), &ImportOptions::new("na")).unwrap();
/// assert_eq!(import.meetings[0].attendance, AttendanceMode::Online);
/// assert_eq!(import.meetings[0].types[0].label.as_deref(), Some("Virtual"));
/// ```
pub fn import(
    bytes: &[u8],
    formats: Option<&BmltFormats>,
    options: &ImportOptions,
) -> Result<Import, MeetingsError> {
    let root = parse_json(bytes, "BMLT")?;
    let empty = Vec::new();
    let (records, embedded) = match &root {
        Value::Array(a) => (a, None),
        Value::Object(o) if o.is_empty() => (&empty, None),
        Value::Object(o) => match o.get("meetings") {
            Some(Value::Array(a)) => (a, o.get("formats").and_then(Value::as_array)),
            _ => {
                return Err(MeetingsError::UnexpectedShape {
                    format: "BMLT",
                    why: "no list of meetings",
                })
            }
        },
        _ => {
            return Err(MeetingsError::UnexpectedShape {
                format: "BMLT",
                why: "the top level is not a list of meetings",
            })
        }
    };
    let mut catalogue = formats.cloned().unwrap_or_default();
    if let Some(list) = embedded {
        catalogue.extend(list);
    }
    let report = ImportReport::new(FeedFormat::Bmlt, records.len());
    let converted = records
        .iter()
        .enumerate()
        .map(|(i, r)| (i, convert(i, r, &catalogue, options)))
        .collect();
    Ok(finish(report, converted))
}

/// Reads text fields, removing legacy prompts (and noting them).
struct Fields<'a> {
    r: &'a Map<String, Value>,
}

impl Fields<'_> {
    fn get(&self, key: &str, log: &mut RecordLog) -> Option<String> {
        let t = values::text(self.r.get(key))?;
        let (v, prompt) = values::strip_prompt(&t);
        if prompt {
            log.repair(Issue::LegacyPromptValue {
                field: key.to_owned(),
            });
        }
        (!v.is_empty()).then(|| v.to_owned())
    }
}

fn convert(
    index: usize,
    record: &Value,
    catalogue: &BmltFormats,
    options: &ImportOptions,
) -> Converted {
    let mut log = RecordLog::new(index);
    let Some(r) = record.as_object() else {
        return Err(log.skip(Issue::NotAnObject));
    };
    let f = Fields { r };
    let Some(id) = f.get("id_bigint", &mut log) else {
        return Err(log.skip(Issue::MissingId));
    };
    log.set_id(&id);
    let Some(name) = f.get("meeting_name", &mut log) else {
        return Err(log.skip(Issue::MissingName));
    };
    let days = match r.get("weekday_tinyint").and_then(values::integer) {
        Some((n, _)) => match weekday::from_bmlt(n) {
            Ok(d) => vec![d],
            Err(_) => return Err(log.skip(Issue::InvalidDay)),
        },
        None if values::text(r.get("weekday_tinyint")).is_some() => {
            return Err(log.skip(Issue::InvalidDay))
        }
        None => Vec::new(),
    };
    let start = match f.get("start_time", &mut log) {
        None => None,
        Some(t) => match values::time_of_day(&t) {
            Some((t, form)) => {
                if form != TimeForm::Hhmm {
                    schedule::note_time_form(form, TimeForm::Hhmmss, &mut log);
                }
                Some(t)
            }
            None => return Err(log.skip(Issue::InvalidTime)),
        },
    };
    let end = match f.get("duration_time", &mut log) {
        None => EndSpec::None,
        Some(d) => match values::time_of_day(&d) {
            Some((t, _)) if t == chrono::NaiveTime::MIN => EndSpec::None,
            Some((t, _)) => EndSpec::Minutes(i64::from(
                chrono::Timelike::num_seconds_from_midnight(&t) / 60,
            )),
            None => EndSpec::Unreadable,
        },
    };
    let schedule = schedule::build(days, start, end, &mut log);
    let (zone, bad_zone) = options.zone_for(f.get("time_zone", &mut log).as_deref());
    if bad_zone {
        log.repair(Issue::UnknownTimeZone);
    }
    let types = formats(&f, catalogue, &mut log);
    let world = |w: &str| {
        types.iter().any(|t| {
            t.world_id
                .as_deref()
                .is_some_and(|x| x.eq_ignore_ascii_case(w))
        })
    };
    let online = OnlineAccess {
        url: f.get("virtual_meeting_link", &mut log).and_then(|u| {
            let ok = values::web_url(&u);
            if ok.is_none() {
                log.repair(Issue::InvalidConferenceUrl);
            }
            ok
        }),
        url_notes: f.get("virtual_meeting_additional_info", &mut log),
        phone_dial: f
            .get("phone_meeting_number", &mut log)
            .as_deref()
            .and_then(values::dial_string),
        phone: f.get("phone_meeting_number", &mut log),
        phone_notes: None,
    };
    let remote = if online.url.is_none() && online.phone.is_some() {
        AttendanceMode::PhoneOnly
    } else {
        AttendanceMode::Online
    };
    let venue = f.get("venue_type", &mut log);
    let venue_code = match venue.as_deref() {
        Some(v @ ("1" | "2" | "3")) => Some(v.to_owned()),
        Some(_) => {
            log.repair(Issue::UnknownVenueType);
            None
        }
        None => None,
    };
    let tc = world("TC");
    let attendance = match venue_code.as_deref() {
        Some("1") if tc => AttendanceMode::TemporarilyClosed,
        Some("1") => AttendanceMode::InPerson,
        Some("2") => remote,
        Some("3") if tc => remote,
        Some(_) => AttendanceMode::Hybrid,
        None if world("HYBR") || world("HY") => AttendanceMode::Hybrid,
        None if world("VM") => remote,
        None if tc && !online.is_empty() => remote,
        None if tc => AttendanceMode::TemporarilyClosed,
        None => AttendanceMode::InPerson,
    };
    let location = location(&f, attendance, &mut log);
    let openness = match (world("OPEN"), world("CLOSED")) {
        (true, false) => Openness::Open,
        (false, true) => Openness::Closed,
        _ => Openness::Unspecified,
    };
    let notes = values::join(
        &[
            f.get("comments", &mut log).as_deref(),
            f.get("format_comments", &mut log).as_deref(),
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
        group: None,
        notes,
        format: FeedFormat::Bmlt,
        updated: None,
    };
    Ok((meeting, log.into_repairs()))
}

fn split_list(s: Option<String>) -> Vec<String> {
    s.map(|s| {
        s.split(',')
            .map(|x| x.trim().to_owned())
            .filter(|x| !x.is_empty())
            .collect()
    })
    .unwrap_or_default()
}

fn as_type(f: &BmltFormat) -> MeetingType {
    MeetingType {
        code: f.key.clone(),
        label: f.name.clone(),
        world_id: f.world_id.clone(),
    }
}

/// The record's formats, resolved through the catalogue (see the module docs).
fn formats(f: &Fields<'_>, catalogue: &BmltFormats, log: &mut RecordLog) -> Vec<MeetingType> {
    let keys = split_list(f.get("formats", log));
    let ids = split_list(f.get("format_shared_id_list", log));
    let mut out: Vec<MeetingType> = Vec::new();
    let mut push = |t: MeetingType| {
        if out.iter().all(|o| o.code != t.code) {
            out.push(t);
        }
    };
    if !ids.is_empty() && !catalogue.by_id.is_empty() {
        for (i, id) in ids.iter().enumerate() {
            match catalogue.by_id.get(id) {
                Some(fmt) => push(as_type(fmt)),
                None => {
                    log.repair(Issue::UnresolvedFormat);
                    // Ids and keys are listed in the same order by the server.
                    let code = if ids.len() == keys.len() {
                        keys.get(i).cloned()
                    } else {
                        None
                    };
                    push(MeetingType {
                        code: code.unwrap_or_else(|| format!("#{id}")),
                        label: None,
                        world_id: None,
                    });
                }
            }
        }
        return out;
    }
    for key in keys {
        match catalogue.by_key.get(&key) {
            Some(fmt) => push(as_type(fmt)),
            None => {
                if !catalogue.is_empty() {
                    log.repair(Issue::UnresolvedFormat);
                }
                // Without a catalogue, the common English world ids stand for themselves.
                let world_id = match key.as_str() {
                    "O" => Some("OPEN".to_owned()),
                    "C" => Some("CLOSED".to_owned()),
                    "VM" | "TC" => Some(key.clone()),
                    "HY" => Some("HYBR".to_owned()),
                    _ => None,
                }
                .filter(|_| catalogue.is_empty());
                push(MeetingType {
                    code: key,
                    label: None,
                    world_id,
                });
            }
        }
    }
    out
}

fn location(f: &Fields<'_>, mode: AttendanceMode, log: &mut RecordLog) -> Location {
    let lat = values::decimal(f.r.get("latitude"));
    let lon = values::decimal(f.r.get("longitude"));
    let coordinates = match (lat, lon) {
        (Some((la, _)), Some((lo, _))) => {
            let c = Coordinates::new(la, lo);
            let stock =
                (la - STOCK_MAP_CENTRE.0).abs() < 1e-6 && (lo - STOCK_MAP_CENTRE.1).abs() < 1e-6;
            let virtual_only = matches!(mode, AttendanceMode::Online | AttendanceMode::PhoneOnly);
            if c.is_some() && (stock || virtual_only) {
                log.repair(Issue::PlaceholderCoordinatesDropped);
                None
            } else {
                if c.is_none() && !(la == 0.0 && lo == 0.0) {
                    log.repair(Issue::InvalidCoordinatesDropped);
                }
                c
            }
        }
        (None, None) => None,
        _ => {
            if values::text(f.r.get("latitude")).is_some()
                || values::text(f.r.get("longitude")).is_some()
            {
                log.repair(Issue::InvalidCoordinatesDropped);
            }
            None
        }
    };
    let street = f.get("location_street", log);
    let city = f.get("location_municipality", log);
    let province = f.get("location_province", log);
    let postal_code = f.get("location_postal_code_1", log);
    let country = f.get("location_nation", log);
    let formatted_address = values::join(
        &[
            street.as_deref(),
            values::join(&[postal_code.as_deref(), city.as_deref()], " ").as_deref(),
            province.as_deref(),
            country.as_deref(),
        ],
        ", ",
    );
    Location {
        name: f.get("location_text", log),
        region: f
            .get("location_neighborhood", log)
            .or_else(|| f.get("location_city_subsection", log)),
        notes: values::join(
            &[
                f.get("location_info", log).as_deref(),
                f.get("public_transport", log).as_deref(),
            ],
            "\n",
        ),
        street,
        city,
        province,
        postal_code,
        country,
        formatted_address,
        coordinates,
        approximate: false,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use chrono::Weekday;

    fn formats() -> BmltFormats {
        BmltFormats::parse(
            br#"[{"id":"2","key_string":"O","world_id":"OPEN","name_string":"Offen"},
                 {"id":"212","key_string":"HY","world_id":"HYBR","name_string":"Hybrid"},
                 {"id":"223","key_string":"TC","world_id":"TC","name_string":"Closed for now"},
                 {"id":"99","key_string":"naf","world_id":"","name_string":"Not on holidays"}]"#,
        )
        .unwrap()
    }

    #[test]
    fn full_record() {
        let feed = r#"[{"id_bigint":"1","meeting_name":"M","weekday_tinyint":"7","venue_type":"1",
            "start_time":"19:30:00","duration_time":"01:30:00","time_zone":"","formats":"O,naf",
            "format_shared_id_list":"2,99","latitude":"52.5","longitude":"13.4",
            "location_text":"Kirche","location_street":"Hauptstr. 1","location_municipality":"Berlin",
            "location_postal_code_1":"10115","public_transport":"ÖPNV#@-@#U7 Platz"}]"#;
        let mut o = ImportOptions::new("na");
        o.default_zone = Some(chrono_tz::Europe::Berlin);
        let i = import(feed.as_bytes(), Some(&formats()), &o).unwrap();
        let m = &i.meetings[0];
        assert_eq!(m.schedule.weekdays(), [Weekday::Sat]);
        assert_eq!(m.schedule.end(), chrono::NaiveTime::from_hms_opt(21, 0, 0));
        assert_eq!(m.openness, Openness::Open);
        assert_eq!(m.types[1].world_id, None);
        assert_eq!(m.location.notes.as_deref(), Some("U7 Platz"));
        assert_eq!(
            m.location.formatted_address.as_deref(),
            Some("Hauptstr. 1, 10115 Berlin")
        );
        assert!(m.location.coordinates.is_some());
        assert_eq!(
            i.report.repaired[0].issue,
            Issue::LegacyPromptValue {
                field: "public_transport".into()
            }
        );
    }

    #[test]
    fn virtual_placeholder_and_modes() {
        let rec = |venue: &str, ids: &str, extra: &str| {
            format!(
                r#"{{"id_bigint":"1","meeting_name":"M","weekday_tinyint":"1","start_time":"10:00:00",
                "venue_type":"{venue}","format_shared_id_list":"{ids}","latitude":"34.235918",
                "longitude":"-118.563659"{extra}}}"#
            )
        };
        let run = |r: String| {
            let i = import(
                format!("[{r}]").as_bytes(),
                Some(&formats()),
                &ImportOptions::new("n"),
            )
            .unwrap();
            (i.meetings[0].clone(), i.report)
        };
        let (m, rep) = run(rec(
            "2",
            "",
            r#","phone_meeting_number":"+49 30 1234 5678""#,
        ));
        assert_eq!(m.attendance, AttendanceMode::PhoneOnly);
        assert_eq!(m.location.coordinates, None);
        assert_eq!(rep.repaired[0].issue, Issue::PlaceholderCoordinatesDropped);
        assert_eq!(
            run(rec("1", "223", "")).0.attendance,
            AttendanceMode::TemporarilyClosed
        );
        assert_eq!(run(rec("3", "", "")).0.attendance, AttendanceMode::Hybrid);
        assert_eq!(run(rec("", "212", "")).0.attendance, AttendanceMode::Hybrid);
        let (m, rep) = run(rec("9", "", ""));
        assert_eq!(m.attendance, AttendanceMode::InPerson);
        assert!(rep
            .repaired
            .iter()
            .any(|r| r.issue == Issue::UnknownVenueType));
    }

    #[test]
    fn shapes() {
        let o = ImportOptions::new("n");
        assert_eq!(import(b"[]", None, &o).unwrap().meetings.len(), 0);
        assert_eq!(import(b"{}", None, &o).unwrap().meetings.len(), 0);
        assert_eq!(
            import(br#"{"meetings":[],"formats":[]}"#, None, &o)
                .unwrap()
                .report
                .records,
            0
        );
        assert!(matches!(
            import(b"\"x\"", None, &o),
            Err(MeetingsError::UnexpectedShape { .. })
        ));
        assert!(matches!(
            BmltFormats::parse(b"{}"),
            Err(MeetingsError::UnexpectedShape { .. })
        ));
        let skipped = import(
            br#"[{"meeting_name":"x"},{"id_bigint":"2","meeting_name":"y","weekday_tinyint":"8"}]"#,
            None,
            &o,
        )
        .unwrap()
        .report
        .skipped;
        assert_eq!(
            skipped.iter().map(|s| s.issue.clone()).collect::<Vec<_>>(),
            [Issue::MissingId, Issue::InvalidDay]
        );
    }
}
