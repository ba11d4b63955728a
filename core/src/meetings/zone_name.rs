//! IANA zone names as people and feeds write them: in any letter case, stored canonically.
//!
//! `america/los_angeles`, `AMERICA/LOS_ANGELES` and ` America/Los_Angeles ` all name
//! `America/Los_Angeles`; the canonical spelling is what is stored and shown. An unknown name is
//! `None`, never UTC. chrono-tz parses case-insensitively only behind a feature that rebuilds its
//! tables at build time; a scan of its ~600 names on the rare miss costs microseconds instead.

use chrono_tz::{Tz, TZ_VARIANTS};

/// The zone `name` names, in any letter case (blanks around it ignored); `None` when no IANA zone
/// has that name.
///
/// ```
/// use oneday_core::meetings::zone_name::parse_zone;
/// assert_eq!(parse_zone("america/los_angeles").map(|z| z.name()), Some("America/Los_Angeles"));
/// assert_eq!(parse_zone("Mars/Olympus"), None);
/// ```
pub fn parse_zone(name: &str) -> Option<Tz> {
    let name = name.trim();
    if let Ok(tz) = name.parse::<Tz>() {
        return Some(tz);
    }
    TZ_VARIANTS
        .iter()
        .find(|tz| tz.name().eq_ignore_ascii_case(name))
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_letter_case_gives_the_canonical_name() {
        for typed in [
            "America/Los_Angeles",
            "america/los_angeles",
            "AMERICA/LOS_ANGELES",
            "  America/los_Angeles\n",
        ] {
            assert_eq!(
                parse_zone(typed).map(|z| z.name()),
                Some("America/Los_Angeles"),
                "{typed}"
            );
        }
        assert_eq!(parse_zone("utc").map(|z| z.name()), Some("UTC"));
    }

    #[test]
    fn unknown_names_are_none_not_utc() {
        for typed in ["", "Mars/Olympus", "America/Los Angeles", "Europe/Berlin/x"] {
            assert_eq!(parse_zone(typed), None, "{typed}");
        }
    }
}
