//! The likely zone of meetings whose list names none, from their coordinates, offline.
//!
//! A list that names no zone is refused at import until the person chooses one (never UTC); this
//! only words the suggestion. Each meeting with coordinates is looked up in the bundled time-zone
//! boundaries (tzf-rs over tzf-dist's lite data, queried in place: no network, no file, about the
//! data's 4 MB of read-only memory); the zone most of them lie in is suggested, ties going to the
//! name that sorts first so the answer depends only on the list. Meetings without coordinates (online
//! ones, placeholders already dropped by the importer) say nothing, and when none has any there is
//! no suggestion. The lookup is done only on the refusal path, so an ordinary import never pays it.

use std::collections::BTreeMap;

use chrono_tz::Tz;
use tzf_rs::EmbeddedFinder;

use super::model::Meeting;
use super::zone_name::parse_zone;

/// The zone most of `meetings`' places lie in, or `None` when none has coordinates (or the bundled
/// boundaries cannot be read, which a release never ships).
pub fn likely_zone(meetings: &[&Meeting]) -> Option<Tz> {
    let points: Vec<(f64, f64)> = meetings
        .iter()
        .filter_map(|m| m.location.coordinates)
        .map(|c| (c.longitude, c.latitude))
        .collect();
    if points.is_empty() {
        return None;
    }
    let finder = EmbeddedFinder::from_tzb(tzf_dist::load_lite_tzb()).ok()?;
    let mut votes: BTreeMap<&'static str, usize> = BTreeMap::new();
    for (lng, lat) in points {
        if let Some(tz) = parse_zone(finder.get_tz_name(lng, lat)) {
            *votes.entry(tz.name()).or_insert(0) += 1;
        }
    }
    // The first name (in sort order) among those with the most votes.
    let most = votes.values().copied().max()?;
    votes
        .into_iter()
        .find(|(_, n)| *n == most)
        .and_then(|(name, _)| parse_zone(name))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::meetings::import::{bmlt, meeting_guide, ImportOptions};

    #[test]
    fn the_zone_of_most_places_is_suggested() {
        let feed = br#"[
            {"slug":"a","name":"A","day":1,"time":"19:00","latitude":39.78,"longitude":-89.65},
            {"slug":"b","name":"B","day":2,"time":"19:00","latitude":39.79,"longitude":-89.64},
            {"slug":"c","name":"C","day":3,"time":"19:00","latitude":40.71,"longitude":-74.0},
            {"slug":"d","name":"D","day":3,"time":"19:00","conference_url":"https://zoom.us/j/1"}]"#;
        let import = meeting_guide::import(feed, &ImportOptions::new("s")).unwrap();
        let refs: Vec<&Meeting> = import.meetings.iter().collect();
        assert_eq!(likely_zone(&refs), Some(chrono_tz::America::Chicago));
        assert_eq!(likely_zone(&refs[2..]), Some(chrono_tz::America::New_York));
        assert_eq!(likely_zone(&refs[3..]), None);
        assert_eq!(likely_zone(&[]), None);
    }

    #[test]
    fn a_bmlt_list_in_berlin_suggests_berlin() {
        let feed = br#"[{"id_bigint":"1","meeting_name":"X","weekday_tinyint":"2",
            "start_time":"19:00:00","time_zone":"","latitude":"52.52","longitude":"13.405","venue_type":"1"}]"#;
        let import = bmlt::import(feed, None, &ImportOptions::new("s")).unwrap();
        let refs: Vec<&Meeting> = import.meetings.iter().collect();
        assert_eq!(likely_zone(&refs), Some(chrono_tz::Europe::Berlin));
    }
}
