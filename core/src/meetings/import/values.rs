//! Tolerant readers for the loose values real feeds contain.
//!
//! Each reader takes a `serde_json::Value` (or text) and returns the normalised value, plus how it was
//! written when that form is outside the format's specification, so the importer can report the
//! repair. Whitespace-only strings count as absent everywhere.

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime};
use serde_json::Value;

/// The legacy BMLT separator between a field's prompt and its value (`"ÖPNV#@-@#U7"`).
pub const BMLT_PROMPT_SEPARATOR: &str = "#@-@#";

/// A trimmed, non-empty string; numbers are written as text; anything else is absent.
pub fn text(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => {
            let t = s.trim();
            (!t.is_empty()).then(|| t.to_owned())
        }
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// An identifier: text, or a number written as text (`true` in the second place when it was a
/// number in the feed, where leading zeros may have been lost).
pub fn id(v: Option<&Value>) -> Option<(String, bool)> {
    match v? {
        Value::Number(n) => Some((n.to_string(), true)),
        other => text(Some(other)).map(|s| (s, false)),
    }
}

/// A whole number given as a number (`1`, `1.0`) or as text (`"1"`); the flag is `true` for text.
pub fn integer(v: &Value) -> Option<(i64, bool)> {
    match v {
        Value::Number(n) => n.as_i64().map(|i| (i, false)).or_else(|| {
            n.as_f64()
                .filter(|f| f.fract() == 0.0 && f.abs() < 1e15)
                .map(|f| (f as i64, false))
        }),
        Value::String(s) => s.trim().parse::<i64>().ok().map(|i| (i, true)),
        _ => None,
    }
}

/// A finite decimal number given as a number or as text; the flag is `true` for text.
pub fn decimal(v: Option<&Value>) -> Option<(f64, bool)> {
    match v? {
        Value::Number(n) => n.as_f64().filter(|f| f.is_finite()).map(|f| (f, false)),
        Value::String(s) => s
            .trim()
            .parse::<f64>()
            .ok()
            .filter(|f| f.is_finite())
            .map(|f| (f, true)),
        _ => None,
    }
}

/// How a time of day was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeForm {
    /// `HH:MM`, 24 h (Meeting Guide's form).
    Hhmm,
    /// `HH:MM:SS` (BMLT's form).
    Hhmmss,
    /// 24 h without the leading zero (`8:00`) or `24:00`.
    Loose,
    /// 12-hour with AM/PM (`8:00 PM`, `8pm`, `12:00 noon`).
    TwelveHour,
}

/// A time of day in one of the forms of [`TimeForm`]. `24:00` reads as midnight.
///
/// ```
/// use chrono::NaiveTime;
/// use oneday_core::meetings::import::values::{time_of_day, TimeForm};
/// let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
/// assert_eq!(time_of_day("19:30"), Some((t(19, 30), TimeForm::Hhmm)));
/// assert_eq!(time_of_day("8:00 PM"), Some((t(20, 0), TimeForm::TwelveHour)));
/// assert_eq!(time_of_day("12:15 am"), Some((t(0, 15), TimeForm::TwelveHour)));
/// assert_eq!(time_of_day("07:00:00"), Some((t(7, 0), TimeForm::Hhmmss)));
/// assert_eq!(time_of_day("8:00"), Some((t(8, 0), TimeForm::Loose)));
/// assert_eq!(time_of_day("25:00"), None);
/// ```
pub fn time_of_day(s: &str) -> Option<(NaiveTime, TimeForm)> {
    let s = s.trim();
    let lower = s.to_ascii_lowercase();
    let (clock, meridiem) =
        if let Some(rest) = lower.strip_suffix("am").or(lower.strip_suffix("a.m.")) {
            (rest.trim_end(), Some(false))
        } else if let Some(rest) = lower.strip_suffix("pm").or(lower.strip_suffix("p.m.")) {
            (rest.trim_end(), Some(true))
        } else if let Some(rest) = lower.strip_suffix("noon") {
            (rest.trim_end(), Some(true))
        } else {
            (lower.as_str(), None)
        };
    let mut parts = clock.split(':');
    let h_text = parts.next()?;
    let m_text = parts.next();
    let s_text = parts.next();
    if parts.next().is_some() || h_text.is_empty() || h_text.len() > 2 {
        return None;
    }
    let digits = |t: &str| t.len() == 2 && t.bytes().all(|b| b.is_ascii_digit());
    if m_text.is_some_and(|m| !digits(m)) || s_text.is_some_and(|x| !digits(x)) {
        return None;
    }
    if !h_text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let h: u32 = h_text.parse().ok()?;
    let m: u32 = m_text.map_or(Some(0), |m| m.parse().ok())?;
    let sec: u32 = s_text.map_or(Some(0), |x| x.parse().ok())?;
    match meridiem {
        Some(pm) => {
            if !(1..=12).contains(&h) || s_text.is_some() {
                return None;
            }
            let h24 = match (h, pm) {
                (12, false) => 0,
                (12, true) => 12,
                (h, false) => h,
                (h, true) => h + 12,
            };
            NaiveTime::from_hms_opt(h24, m, 0).map(|t| (t, TimeForm::TwelveHour))
        }
        None => {
            m_text?;
            if h == 24 && m == 0 && sec == 0 {
                return NaiveTime::from_hms_opt(0, 0, 0).map(|t| (t, TimeForm::Loose));
            }
            let form = match (h_text.len(), s_text.is_some()) {
                (2, false) => TimeForm::Hhmm,
                (2, true) => TimeForm::Hhmmss,
                _ => TimeForm::Loose,
            };
            NaiveTime::from_hms_opt(h, m, sec).map(|t| (t, form))
        }
    }
}

/// A BMLT value with its legacy prompt removed; `true` when a prompt was present.
///
/// ```
/// use oneday_core::meetings::import::values::strip_prompt;
/// assert_eq!(strip_prompt("ÖPNV#@-@#U7 Richard-Wagner-Platz"), ("U7 Richard-Wagner-Platz", true));
/// assert_eq!(strip_prompt("plain"), ("plain", false));
/// ```
pub fn strip_prompt(s: &str) -> (&str, bool) {
    match s.rfind(BMLT_PROMPT_SEPARATOR) {
        Some(i) => (s[i + BMLT_PROMPT_SEPARATOR.len()..].trim(), true),
        None => (s, false),
    }
}

/// A phone number reduced to dialable characters for one-tap dialling (up to the first letter), or
/// `None` when it has fewer than five digits (not a number someone can call).
///
/// ```
/// use oneday_core::meetings::import::values::dial_string;
/// assert_eq!(dial_string("+1 669 900 9128,,717 718 289#").as_deref(), Some("+16699009128,,717718289#"));
/// assert_eq!(dial_string("+49 30 5555 0100 PIN 4242").as_deref(), Some("+493055550100"));
/// assert_eq!(dial_string("call us"), None);
/// ```
pub fn dial_string(phone: &str) -> Option<String> {
    // Only the leading number: text after it ("PIN 4242") is not dialled blindly.
    let dial: String = phone
        .chars()
        .take_while(|c| !c.is_alphabetic())
        .filter(|c| c.is_ascii_digit() || matches!(c, '+' | ',' | '#' | '*'))
        .collect();
    let dial = dial.trim_end_matches(',').to_owned();
    (dial.bytes().filter(u8::is_ascii_digit).count() >= 5).then_some(dial)
}

/// An http or https URL without spaces, with its scheme in lower case (`HTTPS://` is valid, but
/// Android matches schemes case-sensitively, so a browser would not be offered for it), or `None`.
pub fn web_url(s: &str) -> Option<String> {
    if s.len() <= 8 || s.chars().any(char::is_whitespace) {
        return None;
    }
    ["https://", "http://"].into_iter().find_map(|scheme| {
        let head = s.get(..scheme.len())?;
        head.eq_ignore_ascii_case(scheme)
            .then(|| format!("{scheme}{}", &s[scheme.len()..]))
    })
}

/// A last-update stamp in one of the forms seen in feeds, or `None`:
/// `2021-04-28 11:53:20`, `2021-04-28`, `8/25/2022 11:17:07 AM`, `9/6/2021`, RFC 3339, and Mongo's
/// `{"$date": "…"}`. Zoned stamps are read as UTC wall time; others are the feed's local time.
pub fn updated(v: Option<&Value>) -> Option<NaiveDateTime> {
    let v = v?;
    if let Some(inner) = v.get("$date") {
        return updated(Some(inner));
    }
    let s = text(Some(v))?;
    if let Ok(dt) = DateTime::parse_from_rfc3339(&s) {
        return Some(dt.naive_utc());
    }
    for f in [
        "%Y-%m-%d %H:%M:%S",
        "%m/%d/%Y %I:%M:%S %p",
        "%m/%d/%Y %H:%M:%S",
    ] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(&s, f) {
            return Some(dt);
        }
    }
    for f in ["%Y-%m-%d", "%m/%d/%Y"] {
        if let Ok(d) = NaiveDate::parse_from_str(&s, f) {
            return Some(d.and_time(NaiveTime::MIN));
        }
    }
    None
}

/// Joins the present parts with `sep`, or `None` when none is present.
pub fn join(parts: &[Option<&str>], sep: &str) -> Option<String> {
    let v: Vec<&str> = parts
        .iter()
        .flatten()
        .copied()
        .filter(|s| !s.is_empty())
        .collect();
    (!v.is_empty()).then(|| v.join(sep))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use serde_json::json;

    #[test]
    fn text_treats_whitespace_as_absent() {
        assert_eq!(text(Some(&json!("\t\t\t  "))), None);
        assert_eq!(text(Some(&json!(" a "))), Some("a".into()));
        assert_eq!(text(Some(&json!(79107))), Some("79107".into()));
        assert_eq!(text(Some(&json!(null))), None);
        assert_eq!(text(None), None);
    }

    #[test]
    fn numbers_as_text() {
        assert_eq!(integer(&json!("6")), Some((6, true)));
        assert_eq!(integer(&json!(6)), Some((6, false)));
        assert_eq!(integer(&json!(6.0)), Some((6, false)));
        assert_eq!(integer(&json!("x")), None);
        assert_eq!(decimal(Some(&json!("34.2"))), Some((34.2, true)));
        assert_eq!(decimal(Some(&json!("NaN"))), None);
        assert_eq!(id(Some(&json!(5202))), Some(("5202".into(), true)));
    }

    #[test]
    fn times() {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        assert_eq!(time_of_day("12:00 PM").unwrap().0, t(12, 0));
        assert_eq!(time_of_day("12:00 noon").unwrap().0, t(12, 0));
        assert_eq!(
            time_of_day("7pm").unwrap(),
            (t(19, 0), TimeForm::TwelveHour)
        );
        assert_eq!(time_of_day("24:00").unwrap(), (t(0, 0), TimeForm::Loose));
        for bad in [
            "",
            "13:00 PM",
            "0:00 AM",
            "12:60",
            "1200",
            "ab:cd",
            "7:5",
            "-1:00",
            "19:00:00:00",
        ] {
            assert_eq!(time_of_day(bad), None, "{bad}");
        }
    }

    #[test]
    fn urls_and_dates() {
        assert!(web_url("https://zoom.us/j/1").is_some());
        assert!(web_url("HTTP://x.org").is_some());
        assert!(web_url("zoom.us/j/1").is_none());
        assert!(web_url("https://a b").is_none());
        // Found by fuzzing (core/fuzz/regressions/meeting_guide_feed/crash-08203b79…): a mixed-case
        // scheme was kept as written.
        assert_eq!(
            web_url("htTps://zoom.us/j/1").as_deref(),
            Some("https://zoom.us/j/1")
        );
        assert_eq!(
            web_url("HTTP://Example.org/A").as_deref(),
            Some("http://Example.org/A")
        );
        assert!(web_url("https://").is_none());
        assert!(web_url("ftp://example.org").is_none());
        assert!(web_url("httpé://example.org").is_none());
        let d = |s: &str| updated(Some(&json!(s))).map(|d| d.to_string());
        assert_eq!(d("8/25/2022 11:17:07 AM").unwrap(), "2022-08-25 11:17:07");
        assert_eq!(d("9/6/2021").unwrap(), "2021-09-06 00:00:00");
        assert_eq!(d("2021-04-28 11:53:20").unwrap(), "2021-04-28 11:53:20");
        assert_eq!(
            updated(Some(&json!({"$date": "2025-01-30T14:13:55.582Z"})))
                .unwrap()
                .to_string(),
            "2025-01-30 14:13:55.582"
        );
        assert_eq!(d("yesterday"), None);
    }

    #[test]
    fn join_skips_absent() {
        assert_eq!(join(&[Some("a"), None, Some("b")], ", ").unwrap(), "a, b");
        assert_eq!(join(&[None, Some("")], ", "), None);
    }
}
