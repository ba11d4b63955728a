//! From the filter options of `search` and `next` to the core's `MeetingFilter`. Only mapping and
//! reading numbers: what matches is the core's rule.

use chrono::Weekday;
use oneday_core::date::parse_time;
use oneday_core::meetings::{
    AttendanceMode, MeetingFilter, MeetingsError, Near, Openness, TimeWindow,
};

use super::args::{DayArg, MeetingFilterArgs, ModeArg};
use crate::error::CliError;
use crate::secrets::optional_text_or_stdin;

/// The core filter the options ask for. `--text -` and `--near -` are typed at a prompt (in that
/// order), since a place can say where someone lives.
pub fn to_filter(args: &MeetingFilterArgs) -> Result<MeetingFilter, CliError> {
    let text = optional_text_or_stdin(args.text.as_deref(), "Search text: ")?;
    let point = optional_text_or_stdin(args.near.as_deref(), "Near (LAT,LON): ")?;
    let time = match (&args.from, &args.to) {
        (Some(from), Some(to)) => Some(TimeWindow {
            from: parse_time(from.trim())?,
            to: parse_time(to.trim())?,
        }),
        // clap requires both or neither.
        _ => None,
    };
    let near = match (&point, args.within) {
        (Some(point), Some(km)) => Some(Near::parse(point, km).map_err(|e| match e {
            MeetingsError::InvalidRadius => CliError::BadRadius,
            _ => CliError::BadPoint,
        })?),
        _ => None,
    };
    Ok(MeetingFilter {
        weekdays: (!args.day.is_empty()).then(|| args.day.iter().map(|d| weekday(*d)).collect()),
        time,
        modes: (!args.mode.is_empty()).then(|| args.mode.iter().map(|m| mode(*m)).collect()),
        openness: if args.open {
            Some(Openness::Open)
        } else if args.closed {
            Some(Openness::Closed)
        } else {
            None
        },
        types: args.types.clone(),
        text,
        near,
    })
}

fn weekday(d: DayArg) -> Weekday {
    match d {
        DayArg::Mon => Weekday::Mon,
        DayArg::Tue => Weekday::Tue,
        DayArg::Wed => Weekday::Wed,
        DayArg::Thu => Weekday::Thu,
        DayArg::Fri => Weekday::Fri,
        DayArg::Sat => Weekday::Sat,
        DayArg::Sun => Weekday::Sun,
    }
}

fn mode(m: ModeArg) -> AttendanceMode {
    match m {
        ModeArg::InPerson => AttendanceMode::InPerson,
        ModeArg::Online => AttendanceMode::Online,
        ModeArg::Hybrid => AttendanceMode::Hybrid,
        ModeArg::Phone => AttendanceMode::PhoneOnly,
        ModeArg::Closed => AttendanceMode::TemporarilyClosed,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use chrono::NaiveTime;

    fn no_filters() -> MeetingFilterArgs {
        MeetingFilterArgs {
            text: None,
            day: Vec::new(),
            from: None,
            to: None,
            mode: Vec::new(),
            open: false,
            closed: false,
            types: Vec::new(),
            near: None,
            within: None,
        }
    }

    #[test]
    fn no_options_is_the_default_filter() {
        assert_eq!(to_filter(&no_filters()).unwrap(), MeetingFilter::default());
    }

    #[test]
    fn every_option_reaches_the_filter() {
        let args = MeetingFilterArgs {
            text: Some("book".into()),
            day: vec![DayArg::Sat, DayArg::Sun],
            from: Some("22:00".into()),
            to: Some(" 2:00".into()),
            mode: vec![ModeArg::Online],
            open: true,
            closed: false,
            types: vec!["B".into()],
            near: Some("-33.92, 18.42".into()),
            within: Some(5.5),
        };
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        let f = to_filter(&args).unwrap();
        assert_eq!(
            f,
            MeetingFilter {
                weekdays: Some(vec![Weekday::Sat, Weekday::Sun]),
                time: Some(TimeWindow {
                    from: t(22, 0),
                    to: t(2, 0)
                }),
                modes: Some(vec![AttendanceMode::Online]),
                openness: Some(Openness::Open),
                types: vec!["B".into()],
                text: Some("book".into()),
                near: Some(Near::new(-33.92, 18.42, 5.5).unwrap()),
            }
        );
    }

    #[test]
    fn bad_numbers_are_refused_without_echo() {
        let mut args = no_filters();
        args.from = Some("25:00".into());
        args.to = Some("02:00".into());
        assert!(matches!(to_filter(&args), Err(CliError::Invalid(_))));
        for point in ["52.5", "north,east", "91,0", "0,0", "52.5,13.4,1"] {
            let mut args = no_filters();
            args.near = Some(point.into());
            args.within = Some(1.0);
            assert!(
                matches!(to_filter(&args), Err(CliError::BadPoint)),
                "{point}"
            );
        }
        for km in [-1.0, f64::NAN, f64::INFINITY] {
            let mut args = no_filters();
            args.near = Some("52.5,13.4".into());
            args.within = Some(km);
            assert!(matches!(to_filter(&args), Err(CliError::BadRadius)));
        }
    }
}
