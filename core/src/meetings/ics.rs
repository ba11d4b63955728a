//! Calendar export: RFC 5545 `.ics` for one or many meetings.
//!
//! One `VCALENDAR` (`VERSION:2.0`, `PRODID`, `CALSCALE:GREGORIAN`) with:
//! - one `VEVENT` per meeting: `UID` derived from the key (stable across exports and re-imports),
//!   `DTSTAMP` from the caller (no clock is read), `DTSTART;TZID=` the first occurrence on or after
//!   the stamp's date in the meeting's zone, `DURATION` (one hour when the list gives no end, said
//!   so in the description), `RRULE:FREQ=WEEKLY;BYDAY=…`, `SUMMARY`, `LOCATION` (the address for a
//!   meeting with a place, else the conference link), `URL` (conference link), `GEO` (exact
//!   coordinates only) and `DESCRIPTION` (notes, link and phone notes, one-tap dial string);
//! - one `VTIMEZONE` per zone used, generated from chrono-tz's transitions for the stamp's year:
//!   each transition becomes a `STANDARD` or `DAYLIGHT` observance; when the next year's
//!   transitions follow the same "nth weekday of month" rule it gets a yearly `RRULE` (US, EU and
//!   most rule-based zones), otherwise the transitions of both years are listed without a rule. A
//!   zone without transitions (Asia/Kolkata) gets a single `STANDARD` observance.
//!
//! Text is escaped (`\\`, `\;`, `\,`, `\n`), lines are folded at 75 octets without splitting a
//! UTF-8 character, and every line ends with CRLF.
//!
//! Meetings whose zone is unknown are refused ([`MeetingsError::ZoneUnknown`]) rather than written
//! as floating local time: a floating time would follow the phone's zone, which is wrong exactly
//! when it matters (an online meeting in another country). Meetings by appointment are refused
//! ([`MeetingsError::NoSchedule`]). Either refusal names the first such meeting's key.

use std::fmt::Write as _;

use chrono::{
    DateTime, Datelike, Days, NaiveDate, NaiveDateTime, Offset, TimeDelta, TimeZone, Utc, Weekday,
};
use chrono_tz::{OffsetComponents, OffsetName, Tz};

use super::error::MeetingsError;
use super::model::{AttendanceMode, Meeting, Schedule};
use super::next::SourceZones;

/// The `PRODID` of every export.
pub const PRODID: &str = "-//One Day//Meetings//EN";

/// Exports `meetings` as one calendar. `dtstamp` is the export instant (`DTSTAMP`, and the date from
/// which each `DTSTART` is chosen); `zones` gives a zone to meetings whose list names none.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use oneday_core::meetings::{ics, import::{meeting_guide, ImportOptions}, SourceZones};
/// let feed = br#"[{"slug":"a","name":"Noon; Big Book","day":1,"time":"12:00","end_time":"13:00",
///                  "timezone":"America/New_York","formatted_address":"1 Main St, Town"}]"#;
/// let ms = meeting_guide::import(feed, &ImportOptions::new("s")).unwrap().meetings;
/// let stamp = Utc.with_ymd_and_hms(2024, 6, 1, 0, 0, 0).unwrap();
/// let cal = ics::export(&ms.iter().collect::<Vec<_>>(), stamp, &SourceZones::new()).unwrap();
/// assert!(cal.contains("DTSTART;TZID=America/New_York:20240603T120000\r\n"));
/// assert!(cal.contains("RRULE:FREQ=WEEKLY;BYDAY=MO\r\n"));
/// assert!(cal.contains("SUMMARY:Noon\\; Big Book\r\n"));
/// ```
pub fn export(
    meetings: &[&Meeting],
    dtstamp: DateTime<Utc>,
    zones: &SourceZones,
) -> Result<String, MeetingsError> {
    if meetings.is_empty() {
        return Err(MeetingsError::NothingToExport);
    }
    let mut placed = Vec::with_capacity(meetings.len());
    for m in meetings {
        if matches!(m.schedule, Schedule::ByAppointment) {
            return Err(MeetingsError::NoSchedule {
                key: m.key.to_string(),
            });
        }
        let tz = zones
            .zone_of(m)
            .tz()
            .ok_or_else(|| MeetingsError::ZoneUnknown {
                key: m.key.to_string(),
            })?;
        placed.push((*m, tz));
    }
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, &format!("PRODID:{PRODID}"));
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, "METHOD:PUBLISH");
    let mut used: Vec<Tz> = Vec::new();
    for (_, tz) in &placed {
        if !used.contains(tz) {
            used.push(*tz);
        }
    }
    for tz in &used {
        vtimezone(&mut out, *tz, dtstamp.with_timezone(tz).year());
    }
    for (m, tz) in placed {
        vevent(&mut out, m, tz, dtstamp);
    }
    line(&mut out, "END:VCALENDAR");
    Ok(out)
}

fn vevent(out: &mut String, m: &Meeting, tz: Tz, dtstamp: DateTime<Utc>) {
    let Schedule::Weekly {
        weekdays,
        start,
        duration_minutes,
    } = &m.schedule
    else {
        return;
    };
    let today = dtstamp.with_timezone(&tz).date_naive();
    let first = weekdays
        .iter()
        .map(|wd| first_on_or_after(today, *wd))
        .min()
        .unwrap_or(today);
    line(out, "BEGIN:VEVENT");
    line(out, &format!("UID:{}", uid(m)));
    line(
        out,
        &format!("DTSTAMP:{}", dtstamp.format("%Y%m%dT%H%M%SZ")),
    );
    line(
        out,
        &format!(
            "DTSTART;TZID={}:{}",
            tz.name(),
            stamp(first.and_time(*start))
        ),
    );
    line(
        out,
        &format!("DURATION:PT{}M", duration_minutes.unwrap_or(60)),
    );
    let days: Vec<&str> = weekdays.iter().map(|d| byday(*d)).collect();
    line(out, &format!("RRULE:FREQ=WEEKLY;BYDAY={}", days.join(",")));
    line(out, &format!("SUMMARY:{}", escape(&m.name)));
    let has_place = matches!(
        m.attendance,
        AttendanceMode::InPerson | AttendanceMode::Hybrid | AttendanceMode::TemporarilyClosed
    );
    let place = m
        .location
        .formatted_address
        .as_deref()
        .or(m.location.name.as_deref());
    let location = match (has_place, place, m.online.url.as_deref()) {
        (true, Some(p), _) => Some(match m.location.name.as_deref() {
            Some(n) if Some(n) != Some(p) => format!("{n}, {p}"),
            _ => p.to_owned(),
        }),
        (_, _, Some(url)) => Some(url.to_owned()),
        _ => None,
    };
    if let Some(l) = location {
        line(out, &format!("LOCATION:{}", escape(&l)));
    }
    if let Some(url) = &m.online.url {
        line(out, &format!("URL:{url}"));
    }
    if let Some(c) = m.location.exact_coordinates().filter(|_| has_place) {
        line(out, &format!("GEO:{:.6};{:.6}", c.latitude, c.longitude));
    }
    let mut desc: Vec<String> = Vec::new();
    if m.attendance == AttendanceMode::TemporarilyClosed {
        desc.push("Temporarily closed.".to_owned());
    }
    desc.extend(m.notes.clone());
    desc.extend(m.location.notes.clone());
    desc.extend(m.online.url_notes.clone());
    if let Some(p) = &m.online.phone {
        desc.push(format!(
            "Phone: {}",
            m.online.phone_dial.as_deref().unwrap_or(p)
        ));
    }
    desc.extend(m.online.phone_notes.clone());
    if duration_minutes.is_none() {
        desc.push("End time not listed; one hour assumed.".to_owned());
    }
    if !desc.is_empty() {
        line(out, &format!("DESCRIPTION:{}", escape(&desc.join("\n\n"))));
    }
    line(out, "END:VEVENT");
}

/// A UID from the key: the key's text with anything outside `[A-Za-z0-9._-]` percent-encoded.
fn uid(m: &Meeting) -> String {
    let mut s = String::from("meeting-");
    for b in m.key.to_string().bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-') {
            s.push(char::from(b));
        } else {
            let _ = write!(s, "%{b:02X}");
        }
    }
    s.push_str("@oneday.app");
    s
}

fn byday(d: Weekday) -> &'static str {
    match d {
        Weekday::Mon => "MO",
        Weekday::Tue => "TU",
        Weekday::Wed => "WE",
        Weekday::Thu => "TH",
        Weekday::Fri => "FR",
        Weekday::Sat => "SA",
        Weekday::Sun => "SU",
    }
}

fn first_on_or_after(d: NaiveDate, wd: Weekday) -> NaiveDate {
    let ahead = (7 + wd.num_days_from_monday() - d.weekday().num_days_from_monday()) % 7;
    d + Days::new(u64::from(ahead))
}

fn stamp(t: NaiveDateTime) -> String {
    t.format("%Y%m%dT%H%M%S").to_string()
}

/// A change of offset in a zone.
#[derive(Debug, Clone, PartialEq)]
struct Transition {
    /// Local wall time just before the change (in the old offset).
    local: NaiveDateTime,
    from: i32,
    to: i32,
    dst: bool,
    name: String,
}

fn offset_info(tz: Tz, at: NaiveDateTime) -> (i32, bool, String) {
    let o = tz.offset_from_utc_datetime(&at);
    (
        o.fix().local_minus_utc(),
        o.dst_offset() != TimeDelta::zero(),
        o.abbreviation().unwrap_or("").to_owned(),
    )
}

/// The transitions of `tz` in `year`, found by scanning days and bisecting to the second.
fn transitions(tz: Tz, year: i32) -> Vec<Transition> {
    let Some(mut day) =
        NaiveDate::from_ymd_opt(year, 1, 1).map(|d| d.and_time(chrono::NaiveTime::MIN))
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut prev = offset_info(tz, day);
    while day.year() == year {
        let next = day + TimeDelta::days(1);
        let info = offset_info(tz, next);
        if info.0 != prev.0 || info.1 != prev.1 {
            let (mut lo, mut hi) = (day, next);
            while hi - lo > TimeDelta::seconds(1) {
                let mid = lo + (hi - lo) / 2;
                if offset_info(tz, mid).0 == prev.0 && offset_info(tz, mid).1 == prev.1 {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            let after = offset_info(tz, hi);
            out.push(Transition {
                local: hi + TimeDelta::seconds(i64::from(prev.0)),
                from: prev.0,
                to: after.0,
                dst: after.1,
                name: after.2.clone(),
            });
        }
        prev = info;
        day = next;
    }
    out
}

/// `BYMONTH=m;BYDAY=nWD` for a date: the nth weekday of its month, or `-1` for the last.
fn yearly_rule(d: NaiveDate) -> (u32, i32, Weekday) {
    let days_in_month =
        NaiveDate::from_ymd_opt(d.year() + i32::from(d.month() == 12), d.month() % 12 + 1, 1)
            .and_then(|n| n.pred_opt())
            .map_or(31, |l| l.day());
    let n = if d.day() + 7 > days_in_month {
        -1
    } else {
        ((d.day() - 1) / 7 + 1) as i32
    };
    (d.month(), n, d.weekday())
}

fn offset_text(secs: i32) -> String {
    let sign = if secs < 0 { '-' } else { '+' };
    let a = secs.unsigned_abs();
    let (h, m, s) = (a / 3600, a % 3600 / 60, a % 60);
    if s == 0 {
        format!("{sign}{h:02}{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}{s:02}")
    }
}

fn observance(out: &mut String, t: &Transition, rule: Option<(u32, i32, Weekday)>) {
    let kind = if t.dst { "DAYLIGHT" } else { "STANDARD" };
    line(out, &format!("BEGIN:{kind}"));
    line(out, &format!("DTSTART:{}", stamp(t.local)));
    line(out, &format!("TZOFFSETFROM:{}", offset_text(t.from)));
    line(out, &format!("TZOFFSETTO:{}", offset_text(t.to)));
    if let Some((month, n, wd)) = rule {
        line(
            out,
            &format!("RRULE:FREQ=YEARLY;BYMONTH={month};BYDAY={n}{}", byday(wd)),
        );
    }
    if !t.name.is_empty() {
        line(out, &format!("TZNAME:{}", escape(&t.name)));
    }
    line(out, &format!("END:{kind}"));
}

fn vtimezone(out: &mut String, tz: Tz, year: i32) {
    line(out, "BEGIN:VTIMEZONE");
    line(out, &format!("TZID:{}", tz.name()));
    let this = transitions(tz, year);
    if this.is_empty() {
        let (offset, dst, name) = NaiveDate::from_ymd_opt(year, 1, 1)
            .map(|d| offset_info(tz, d.and_time(chrono::NaiveTime::MIN)))
            .unwrap_or((0, false, String::new()));
        let t = Transition {
            local: NaiveDate::from_ymd_opt(1970, 1, 1)
                .map(|d| d.and_time(chrono::NaiveTime::MIN))
                .unwrap_or_default(),
            from: offset,
            to: offset,
            dst,
            name,
        };
        observance(out, &t, None);
    } else {
        let following = transitions(tz, year + 1);
        let rules: Vec<_> = this.iter().map(|t| yearly_rule(t.local.date())).collect();
        let rules_hold = following.len() == this.len()
            && following.iter().zip(&this).zip(&rules).all(|((f, t), r)| {
                yearly_rule(f.local.date()) == *r
                    && f.local.time() == t.local.time()
                    && (f.from, f.to, f.dst) == (t.from, t.to, t.dst)
            });
        if rules_hold {
            for (t, r) in this.iter().zip(rules) {
                observance(out, t, Some(r));
            }
        } else {
            for t in this.iter().chain(&following) {
                observance(out, t, None);
            }
        }
    }
    line(out, "END:VTIMEZONE");
}

/// Escapes TEXT per RFC 5545 §3.3.11.
pub fn escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => o.push_str("\\\\"),
            ';' => o.push_str("\\;"),
            ',' => o.push_str("\\,"),
            '\n' => o.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => o.push(c),
        }
    }
    o
}

/// Appends a content line, folded at 75 octets (continuations start with a space), with CRLF.
fn line(out: &mut String, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::meetings::import::{meeting_guide, ImportOptions};

    fn cal(feed: &str, zones: &SourceZones) -> Result<String, MeetingsError> {
        let ms = meeting_guide::import(feed.as_bytes(), &ImportOptions::new("s b"))
            .unwrap()
            .meetings;
        let stamp = Utc.with_ymd_and_hms(2024, 6, 1, 12, 0, 0).unwrap();
        export(&ms.iter().collect::<Vec<_>>(), stamp, zones)
    }

    #[test]
    fn event_and_zones() {
        let c = cal(
            r#"[{"slug":"a","name":"A, B","day":[1,4],"time":"19:00","end_time":"20:30","timezone":"America/New_York",
                 "location":"Church","formatted_address":"1 Main St, Town, NY 10001","latitude":40.7,"longitude":-74.0,
                 "notes":"Line one\nLine two"},
                {"slug":"k","name":"K","day":6,"time":"18:00","timezone":"Asia/Kolkata",
                 "conference_url":"https://zoom.us/j/1","conference_phone":"+91 22 1234 5678,,999#"}]"#,
            &SourceZones::new(),
        )
        .unwrap();
        assert!(c.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(c.ends_with("END:VCALENDAR\r\n"));
        assert!(!c.replace("\r\n", "").contains('\n'));
        for want in [
            "UID:meeting-s%20b%2Fa@oneday.app",
            "DTSTAMP:20240601T120000Z",
            "DTSTART;TZID=America/New_York:20240603T190000",
            "DURATION:PT90M",
            "RRULE:FREQ=WEEKLY;BYDAY=MO,TH",
            "SUMMARY:A\\, B",
            "LOCATION:Church\\, 1 Main St\\, Town\\, NY 10001",
            "GEO:40.700000;-74.000000",
            "DESCRIPTION:Line one\\nLine two",
            "DTSTART;TZID=Asia/Kolkata:20240601T180000",
            "LOCATION:https://zoom.us/j/1",
            "URL:https://zoom.us/j/1",
            // New York: rule-based observances.
            "BEGIN:DAYLIGHT\r\nDTSTART:20240310T020000\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r\nTZNAME:EDT",
            "BEGIN:STANDARD\r\nDTSTART:20241103T020000\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\nRRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\r\nTZNAME:EST",
            // Kolkata: one fixed offset.
            "TZID:Asia/Kolkata\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0530\r\nTZOFFSETTO:+0530",
        ] {
            assert!(c.contains(want), "missing {want:?} in\n{c}");
        }
        assert_eq!(c.matches("BEGIN:VTIMEZONE").count(), 2);
    }

    #[test]
    fn europe_rule_is_last_sunday() {
        let t = transitions(chrono_tz::Europe::Berlin, 2024);
        assert_eq!(t.len(), 2);
        assert_eq!(yearly_rule(t[0].local.date()), (3, -1, Weekday::Sun));
        assert_eq!(stamp(t[0].local), "20240331T020000");
        assert_eq!(stamp(t[1].local), "20241027T030000");
    }

    #[test]
    fn refusals() {
        let unknown = r#"[{"slug":"u","name":"U","day":1,"time":"10:00"}]"#;
        assert_eq!(
            cal(unknown, &SourceZones::new()),
            Err(MeetingsError::ZoneUnknown {
                key: "s b/u".into()
            })
        );
        let mut z = SourceZones::new();
        z.set("s b", chrono_tz::Europe::London);
        assert!(cal(unknown, &z)
            .unwrap()
            .contains("DTSTART;TZID=Europe/London:20240603T100000"));
        assert_eq!(
            cal(r#"[{"slug":"a","name":"A"}]"#, &z),
            Err(MeetingsError::NoSchedule {
                key: "s b/a".into()
            })
        );
        let stamp = Utc.with_ymd_and_hms(2024, 6, 1, 12, 0, 0).unwrap();
        assert_eq!(export(&[], stamp, &z), Err(MeetingsError::NothingToExport));
    }

    #[test]
    fn folding_keeps_utf8_and_octet_limit() {
        let mut out = String::new();
        let long = format!("SUMMARY:{}", "ü".repeat(80));
        line(&mut out, &long);
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets", l.len());
        }
        assert_eq!(out.replace("\r\n ", ""), format!("{long}\r\n"));
        assert_eq!(escape("a\\b;c,d\ne"), "a\\\\b\\;c\\,d\\ne");
    }
}
