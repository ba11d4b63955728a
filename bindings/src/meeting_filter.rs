//! Filters over meetings, as `searchMeetings` and `nextMeetings` take them.
//!
//! Every filter that is set must match; an unset one matches everything, so `MeetingFilter()` in
//! Kotlin and `MeetingFilter()` in Swift match every meeting. The rules are core's
//! (`oneday_core::meetings::filter`): a meeting by appointment matches no weekday or time filter;
//! the time window is on the start in the meeting's own zone and wraps midnight when `to` is before
//! `from`; text is case-insensitive over name, place, address, region, group and notes; distance is
//! great-circle and never matches a meeting without exact coordinates.

use oneday_core::meetings as core;

use crate::dates::LocalTime;
use crate::meeting_errors::MeetingsError;
use crate::meetings::{AttendanceMode, Coordinates, Openness, Weekday};

/// A time-of-day window on a meeting's local start, inclusive at both ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Record)]
pub struct MeetingTimeWindow {
    /// The earliest start.
    pub from: LocalTime,
    /// The latest start (before `from` to wrap midnight, such as 22:00 to 02:00).
    pub to: LocalTime,
}

/// Within a distance of a point.
#[derive(Debug, Clone, Copy, PartialEq, uniffi::Record)]
pub struct NearPoint {
    /// The point (valid latitude and longitude, not the (0, 0) placeholder).
    pub point: Coordinates,
    /// The radius in kilometres.
    pub radius_km: f64,
}

/// A set of filters; the defaults match every meeting.
#[derive(Debug, Clone, PartialEq, Default, uniffi::Record)]
pub struct MeetingFilter {
    /// Meets on any of these days (`null`/`nil`: any day; an empty list matches none).
    #[uniffi(default = None)]
    pub weekdays: Option<Vec<Weekday>>,
    /// Starts within this window.
    #[uniffi(default = None)]
    pub time: Option<MeetingTimeWindow>,
    /// Has one of these attendance modes (`null`/`nil`: any).
    #[uniffi(default = None)]
    pub modes: Option<Vec<AttendanceMode>>,
    /// Is open (or closed).
    #[uniffi(default = None)]
    pub openness: Option<Openness>,
    /// Has all of these type codes (Meeting Guide code, BMLT key or world id; any case).
    #[uniffi(default = [])]
    pub type_codes: Vec<String>,
    /// Contains this text (any case).
    #[uniffi(default = None)]
    pub text: Option<String>,
    /// Is within this distance of a point.
    #[uniffi(default = None)]
    pub near: Option<NearPoint>,
}

impl TryFrom<MeetingFilter> for core::MeetingFilter {
    type Error = MeetingsError;

    /// Refuses what core's `Near::new` refuses: a point that is not a valid place (out of range,
    /// not finite, or (0, 0)), a radius that is not a number of kilometres, 0 or more.
    fn try_from(f: MeetingFilter) -> Result<Self, MeetingsError> {
        let near = f
            .near
            .map(|n| core::Near::new(n.point.latitude, n.point.longitude, n.radius_km))
            .transpose()?;
        Ok(core::MeetingFilter {
            weekdays: f
                .weekdays
                .map(|days| days.into_iter().map(Into::into).collect()),
            time: f.time.map(|w| core::TimeWindow {
                from: w.from,
                to: w.to,
            }),
            modes: f
                .modes
                .map(|modes| modes.into_iter().map(Into::into).collect()),
            openness: f.openness.map(Into::into),
            types: f.type_codes,
            text: f.text,
            near,
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn every_part_maps_and_a_bad_point_is_refused() {
        let f = MeetingFilter {
            weekdays: Some(vec![Weekday::Sunday]),
            modes: Some(vec![AttendanceMode::PhoneOnly]),
            openness: Some(Openness::Closed),
            type_codes: vec!["ONL".into()],
            near: Some(NearPoint {
                point: Coordinates {
                    latitude: 52.5,
                    longitude: 13.4,
                },
                radius_km: 3.0,
            }),
            ..MeetingFilter::default()
        };
        let c = core::MeetingFilter::try_from(f.clone()).unwrap();
        assert_eq!(c.weekdays, Some(vec![chrono::Weekday::Sun]));
        assert_eq!(c.modes, Some(vec![core::AttendanceMode::PhoneOnly]));
        assert_eq!(c.openness, Some(core::Openness::Closed));
        assert_eq!(c.types, ["ONL"]);
        assert_eq!(c.near.unwrap().radius_km, 3.0);
        let bad = MeetingFilter {
            near: Some(NearPoint {
                point: Coordinates {
                    latitude: 91.0,
                    longitude: 0.0,
                },
                radius_km: 1.0,
            }),
            ..f
        };
        assert!(matches!(
            core::MeetingFilter::try_from(bad.clone()),
            Err(MeetingsError::InvalidPoint)
        ));
        let negative = MeetingFilter {
            near: Some(NearPoint {
                point: Coordinates {
                    latitude: 52.5,
                    longitude: 13.4,
                },
                radius_km: -1.0,
            }),
            ..bad
        };
        assert!(matches!(
            core::MeetingFilter::try_from(negative),
            Err(MeetingsError::InvalidRadius)
        ));
        assert_eq!(
            core::MeetingFilter::try_from(MeetingFilter::default()).unwrap(),
            core::MeetingFilter::default()
        );
    }
}
