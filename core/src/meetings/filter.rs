//! Filters over meetings: weekday, time window, attendance mode, open/closed, type codes, text and
//! distance. Every filter that is set must match (AND); an unset filter matches everything.
//!
//! - A meeting by appointment matches no weekday or time filter (it has neither).
//! - The time window is on the local start time in the meeting's own zone; a window whose end is
//!   before its start wraps midnight (22:00–02:00).
//! - Text is case-insensitive over name, location name, address, region, group and notes.
//! - Distance uses the haversine formula; meetings without exact coordinates (none, placeholders
//!   dropped at import, or approximate) never match a distance filter.

use chrono::{NaiveTime, Weekday};
use serde::{Deserialize, Serialize};

use super::error::MeetingsError;
use super::model::{AttendanceMode, Coordinates, Meeting, Openness};

/// A time-of-day window, inclusive at both ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeWindow {
    /// The earliest start.
    pub from: NaiveTime,
    /// The latest start (before `from` to wrap midnight).
    pub to: NaiveTime,
}

impl TimeWindow {
    /// Whether `t` falls in the window.
    pub fn contains(&self, t: NaiveTime) -> bool {
        if self.from <= self.to {
            self.from <= t && t <= self.to
        } else {
            t >= self.from || t <= self.to
        }
    }
}

/// Within a distance of a point.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Near {
    /// The point.
    pub point: Coordinates,
    /// The radius in kilometres.
    pub radius_km: f64,
}

impl Near {
    /// Within `radius_km` kilometres of (`latitude`, `longitude`) in degrees. Refused with
    /// [`MeetingsError::InvalidPoint`] when the point is not a valid place ([`Coordinates::new`])
    /// and with [`MeetingsError::InvalidRadius`] unless the radius is a finite number, 0 or more.
    ///
    /// ```
    /// use oneday_core::meetings::{MeetingsError, Near};
    /// assert!(Near::new(52.52, 13.405, 5.0).is_ok());
    /// assert!(matches!(Near::new(91.0, 0.0, 5.0), Err(MeetingsError::InvalidPoint)));
    /// assert!(matches!(Near::new(52.52, 13.405, -1.0), Err(MeetingsError::InvalidRadius)));
    /// ```
    pub fn new(latitude: f64, longitude: f64, radius_km: f64) -> Result<Self, MeetingsError> {
        let point = Coordinates::new(latitude, longitude).ok_or(MeetingsError::InvalidPoint)?;
        if !(radius_km.is_finite() && radius_km >= 0.0) {
            return Err(MeetingsError::InvalidRadius);
        }
        Ok(Self { point, radius_km })
    }

    /// [`Near::new`] from a point typed as `LAT,LON` (blanks around either number ignored).
    ///
    /// ```
    /// use oneday_core::meetings::{MeetingsError, Near};
    /// assert_eq!(Near::parse(" 39.78, -89.65 ", 5.0).unwrap().point.latitude, 39.78);
    /// assert!(matches!(Near::parse("39.78", 5.0), Err(MeetingsError::InvalidPoint)));
    /// ```
    pub fn parse(point: &str, radius_km: f64) -> Result<Self, MeetingsError> {
        let (lat, lon) = point.split_once(',').ok_or(MeetingsError::InvalidPoint)?;
        let number = |s: &str| {
            s.trim()
                .parse::<f64>()
                .map_err(|_| MeetingsError::InvalidPoint)
        };
        Self::new(number(lat)?, number(lon)?, radius_km)
    }
}

/// A set of filters; `Default` matches every meeting.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MeetingFilter {
    /// Meets on any of these days.
    #[serde(default)]
    pub weekdays: Option<Vec<Weekday>>,
    /// Starts within this window.
    #[serde(default)]
    pub time: Option<TimeWindow>,
    /// Has one of these attendance modes.
    #[serde(default)]
    pub modes: Option<Vec<AttendanceMode>>,
    /// Is open (or closed).
    #[serde(default)]
    pub openness: Option<Openness>,
    /// Has all of these type codes (Meeting Guide code, BMLT key or world id; case-insensitive).
    #[serde(default)]
    pub types: Vec<String>,
    /// Contains this text (case-insensitive).
    #[serde(default)]
    pub text: Option<String>,
    /// Is within this distance.
    #[serde(default)]
    pub near: Option<Near>,
}

impl MeetingFilter {
    /// Whether `m` passes every filter that is set.
    ///
    /// ```
    /// use oneday_core::meetings::{import::{meeting_guide, ImportOptions}, MeetingFilter};
    /// let feed = br#"[{"slug":"a","name":"Big Book Study","day":1,"time":"07:00","types":["C","B"]}]"#;
    /// let m = &meeting_guide::import(feed, &ImportOptions::new("s")).unwrap().meetings[0];
    /// let f = MeetingFilter { text: Some("big BOOK".into()), types: vec!["b".into()], ..Default::default() };
    /// assert!(f.matches(m));
    /// ```
    pub fn matches(&self, m: &Meeting) -> bool {
        if let Some(days) = &self.weekdays {
            if !m.schedule.weekdays().iter().any(|d| days.contains(d)) {
                return false;
            }
        }
        if let Some(w) = &self.time {
            if !m.schedule.start().is_some_and(|t| w.contains(t)) {
                return false;
            }
        }
        if let Some(modes) = &self.modes {
            if !modes.contains(&m.attendance) {
                return false;
            }
        }
        if let Some(o) = self.openness {
            if m.openness != o {
                return false;
            }
        }
        if !self.types.iter().all(|t| m.has_type(t)) {
            return false;
        }
        if let Some(near) = &self.near {
            match m.location.exact_coordinates() {
                Some(c) if c.distance_km(&near.point) <= near.radius_km => {}
                _ => return false,
            }
        }
        if let Some(text) = &self.text {
            let needle = text.trim().to_lowercase();
            if !needle.is_empty() && !text_matches(m, &needle) {
                return false;
            }
        }
        true
    }
}

fn text_matches(m: &Meeting, needle: &str) -> bool {
    let l = &m.location;
    std::iter::once(Some(m.name.as_str()))
        .chain([
            l.name.as_deref(),
            l.formatted_address.as_deref(),
            l.region.as_deref(),
            m.group.as_deref(),
            m.notes.as_deref(),
        ])
        .flatten()
        .any(|hay| contains_ci(hay, needle))
}

/// Case-insensitive `contains` for an already lower-cased needle, without allocating for ASCII.
fn contains_ci(hay: &str, needle_lower: &str) -> bool {
    if needle_lower.is_empty() {
        return true;
    }
    if hay.is_ascii() && needle_lower.is_ascii() {
        let (h, n) = (hay.as_bytes(), needle_lower.as_bytes());
        n.len() <= h.len()
            && h.windows(n.len())
                .any(|w| w.iter().zip(n).all(|(a, b)| a.to_ascii_lowercase() == *b))
    } else {
        hay.to_lowercase().contains(needle_lower)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::meetings::import::{meeting_guide, ImportOptions};

    fn meetings() -> Vec<Meeting> {
        let feed = r#"[
          {"slug":"a","name":"Früh Gruppe","day":1,"time":"07:00","types":["O"],"address":"1 Main",
           "latitude":52.52,"longitude":13.405,"notes":"Kaffee"},
          {"slug":"b","name":"Late Night","day":[5,6],"time":"23:30","types":["C","X"],
           "conference_url":"https://zoom.us/j/1","approximate":"yes","latitude":52.52,"longitude":13.405},
          {"slug":"c","name":"Appointment"}]"#;
        meeting_guide::import(feed.as_bytes(), &ImportOptions::new("s"))
            .unwrap()
            .meetings
    }

    fn names(f: &MeetingFilter) -> Vec<String> {
        meetings()
            .into_iter()
            .filter(|m| f.matches(m))
            .map(|m| m.name)
            .collect()
    }

    #[test]
    fn each_filter() {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        assert_eq!(names(&MeetingFilter::default()).len(), 3);
        let f = MeetingFilter {
            weekdays: Some(vec![Weekday::Sat]),
            ..Default::default()
        };
        assert_eq!(names(&f), ["Late Night"]);
        let f = MeetingFilter {
            time: Some(TimeWindow {
                from: t(22, 0),
                to: t(2, 0),
            }),
            ..Default::default()
        };
        assert_eq!(names(&f), ["Late Night"]);
        let f = MeetingFilter {
            modes: Some(vec![AttendanceMode::Online]),
            ..Default::default()
        };
        assert_eq!(names(&f), ["Late Night"]);
        let f = MeetingFilter {
            openness: Some(Openness::Open),
            ..Default::default()
        };
        assert_eq!(names(&f), ["Früh Gruppe"]);
        let f = MeetingFilter {
            types: vec!["x".into(), "C".into()],
            ..Default::default()
        };
        assert_eq!(names(&f), ["Late Night"]);
        let f = MeetingFilter {
            text: Some("FRÜH".into()),
            ..Default::default()
        };
        assert_eq!(names(&f), ["Früh Gruppe"]);
        let f = MeetingFilter {
            text: Some("kaffee".into()),
            ..Default::default()
        };
        assert_eq!(names(&f), ["Früh Gruppe"]);
        let near = Near {
            point: Coordinates::new(52.5, 13.4).unwrap(),
            radius_km: 5.0,
        };
        let f = MeetingFilter {
            near: Some(near),
            ..Default::default()
        };
        // The approximate one never matches a distance filter.
        assert_eq!(names(&f), ["Früh Gruppe"]);
        let far = Near {
            radius_km: 1.0,
            ..near
        };
        assert!(names(&MeetingFilter {
            near: Some(far),
            ..Default::default()
        })
        .is_empty());
    }

    #[test]
    fn ascii_contains() {
        assert!(contains_ci("Hello World", "o w"));
        assert!(!contains_ci("Hi", "hello"));
        assert!(contains_ci("anything", ""));
    }
}
