//! The bundled crisis-line table: crisis lines and emergency numbers by country, with where each
//! number was checked and when.
//!
//! The table is data, not code: `crisis_lines.json` beside this file, embedded in the build and
//! parsed once on first use. Its top-level `note` says how it is kept. Every entry names the
//! public page its numbers were checked against (`source_url`) and the date of that check
//! (`last_verified`). Stale hotline numbers shipped for years are a known failure of safety-plan
//! apps, so a unit test here fails when any entry was last verified more than [`MAX_AGE_DAYS`] ago,
//! counted from the real current date: a stale table fails CI until someone checks it again.
//!
//! Lines are chosen by the user's [`Region`] setting, never by UI language. A country that is not
//! in the table has no lines: one-tap then offers "call your local emergency number" wording and no
//! number (see `one_tap.rs`).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::error::SupportError;
use super::phone::PhoneNumber;
use super::region::Region;

/// The table as shipped.
const DATA: &str = include_str!("crisis_lines.json");

/// An entry verified longer ago than this many days is stale (and fails the table's test).
pub const MAX_AGE_DAYS: i64 = 400;

/// A number to call, as dialled and as written locally.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LineNumber {
    /// What the phone dials.
    pub dial: PhoneNumber,
    /// How people write it locally, such as `0800 111 0 111`.
    pub display: String,
}

/// Where to text a crisis line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SmsNumber {
    /// The number (or short code) to text.
    pub dial: PhoneNumber,
    /// How people write it.
    pub display: String,
    /// The word the line asks texters to send first, if it asks for one (such as `SHOUT`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keyword: Option<String>,
}

/// One crisis line of a country.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CrisisLine {
    /// Its name, such as `Samaritans`.
    pub name: String,
    /// The number to call; `None` for a text-only line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<LineNumber>,
    /// Other numbers of the same line, to show.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_numbers: Vec<LineNumber>,
    /// Where to text it, where texting exists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sms: Option<SmsNumber>,
    /// Its web chat, where one exists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chat_url: Option<String>,
    /// When it answers, such as `24/7`, when the cited page says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<String>,
    /// The page its numbers were checked against.
    pub source_url: String,
    /// The day they were checked against that page.
    pub last_verified: NaiveDate,
}

/// An emergency number of a country (police, fire, ambulance).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmergencyNumber {
    /// What the phone dials.
    pub dial: PhoneNumber,
    /// How it is written, such as `000 (Triple Zero)`.
    pub display: String,
    /// What it reaches, in words.
    pub services: String,
    /// The page it was checked against.
    pub source_url: String,
    /// The day it was checked against that page.
    pub last_verified: NaiveDate,
}

/// Everything the table knows about one country.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Country {
    /// The country's name in English.
    pub name: String,
    /// Its crisis lines, in the order to offer them.
    pub lines: Vec<CrisisLine>,
    /// Its emergency numbers; the first is the one to offer first.
    pub emergency: Vec<EmergencyNumber>,
}

/// The whole table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CrisisTable {
    /// How the table is kept and what "verified" means.
    pub note: String,
    /// The countries, by region code.
    pub countries: BTreeMap<Region, Country>,
}

/// An entry whose check is older than allowed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaleEntry {
    /// The country.
    pub region: Region,
    /// The line's name or the emergency number as displayed.
    pub name: String,
    /// When it was last checked.
    pub last_verified: NaiveDate,
}

impl CrisisTable {
    /// The entries of every country last verified more than `max_age_days` before `today`.
    pub fn stale_entries(&self, today: NaiveDate, max_age_days: i64) -> Vec<StaleEntry> {
        let mut out = Vec::new();
        for (region, country) in &self.countries {
            let dated = country
                .lines
                .iter()
                .map(|l| (&l.name, l.last_verified))
                .chain(
                    country
                        .emergency
                        .iter()
                        .map(|e| (&e.display, e.last_verified)),
                );
            for (name, last_verified) in dated {
                if is_stale(last_verified, today, max_age_days) {
                    out.push(StaleEntry {
                        region: region.clone(),
                        name: name.clone(),
                        last_verified,
                    });
                }
            }
        }
        out
    }

    /// Checks what serde cannot: every country has an emergency number, every line can be called
    /// or texted, names and sources are present, numbers are plain (no pauses or extensions).
    fn check(&self) -> Result<(), String> {
        for (region, country) in &self.countries {
            let at = |what: &str| format!("{region}: {what}");
            if country.name.trim().is_empty() {
                return Err(at("no name"));
            }
            if country.emergency.is_empty() {
                return Err(at("no emergency number"));
            }
            for line in &country.lines {
                if line.name.trim().is_empty() {
                    return Err(at("a line has no name"));
                }
                if line.phone.is_none() && line.sms.is_none() {
                    return Err(at("a line can be neither called nor texted"));
                }
                check_source(&line.source_url).map_err(|e| at(&e))?;
                if let Some(chat) = &line.chat_url {
                    check_source(chat).map_err(|e| at(&e))?;
                }
                let numbers = line
                    .phone
                    .iter()
                    .chain(&line.other_numbers)
                    .map(|n| &n.dial)
                    .chain(line.sms.iter().map(|s| &s.dial));
                for n in numbers {
                    check_plain(n).map_err(|e| at(&e))?;
                }
            }
            for e in &country.emergency {
                check_source(&e.source_url).map_err(|e| at(&e))?;
                check_plain(&e.dial).map_err(|e| at(&e))?;
            }
        }
        Ok(())
    }
}

/// Whether a check made on `last_verified` is more than `max_age_days` before `today` (shells warn
/// that such an entry may be out of date; pass [`MAX_AGE_DAYS`]).
pub fn is_stale(last_verified: NaiveDate, today: NaiveDate, max_age_days: i64) -> bool {
    (today - last_verified).num_days() > max_age_days
}

fn check_source(url: &str) -> Result<(), String> {
    if url.starts_with("https://") || url.starts_with("http://") {
        Ok(())
    } else {
        Err("a source or chat address is not a web address".into())
    }
}

fn check_plain(n: &PhoneNumber) -> Result<(), String> {
    if n.post_dial().is_some() || n.extension().is_some() || n.as_typed() != n.dial_string() {
        Err("a `dial` number must be digits only".into())
    } else {
        Ok(())
    }
}

fn parse(text: &str) -> Result<CrisisTable, String> {
    let table: CrisisTable = serde_json::from_str(text).map_err(|e| e.to_string())?;
    table.check()?;
    Ok(table)
}

/// The bundled table, parsed on first use. [`SupportError::CrisisTableDamaged`] if it does not
/// parse (a build bug the tests below catch).
pub fn table() -> Result<&'static CrisisTable, SupportError> {
    static TABLE: OnceLock<Option<CrisisTable>> = OnceLock::new();
    TABLE
        .get_or_init(|| parse(DATA).ok())
        .as_ref()
        .ok_or(SupportError::CrisisTableDamaged)
}

/// What the table knows about `region`, or `None` when it has no entry for it.
pub fn country(region: &Region) -> Result<Option<&'static Country>, SupportError> {
    Ok(table()?.countries.get(region))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn region(code: &str) -> Region {
        Region::parse(code).unwrap()
    }

    #[test]
    fn the_bundled_table_parses_and_covers_the_required_countries() {
        let t = parse(DATA).unwrap();
        assert_eq!(table().unwrap(), &t);
        for code in [
            "US", "CA", "GB", "IE", "AU", "NZ", "IN", "DE", "FR", "ES", "NL", "ZA",
        ] {
            let c = t.countries.get(&region(code)).unwrap();
            assert!(
                c.lines.iter().any(|l| l.phone.is_some()),
                "{code} has a line to call"
            );
        }
        assert!(t.note.contains("not a test call"));
        assert!(t.note.contains(&MAX_AGE_DAYS.to_string()));
    }

    /// Fails when the table has gone stale: re-check every entry against its source page (or a
    /// newer official one) and update `source_url` and `last_verified` in `crisis_lines.json`.
    #[test]
    fn no_entry_is_older_than_the_age_limit() {
        let today = chrono::Utc::now().date_naive();
        let stale = table().unwrap().stale_entries(today, MAX_AGE_DAYS);
        assert!(
            stale.is_empty(),
            "crisis-line entries last verified more than {MAX_AGE_DAYS} days ago: {stale:?}"
        );
        for c in table().unwrap().countries.values() {
            for l in &c.lines {
                assert!(
                    l.last_verified <= today,
                    "{} is verified in the future",
                    l.name
                );
            }
            for e in &c.emergency {
                assert!(
                    e.last_verified <= today,
                    "{} is verified in the future",
                    e.display
                );
            }
        }
    }

    #[test]
    fn staleness_is_measured_in_days_from_today() {
        let t = table().unwrap();
        let checked = t.countries[&region("US")].lines[0].last_verified;
        let limit = checked + chrono::Days::new(400);
        assert!(t.stale_entries(limit, 400).is_empty());
        let stale = t.stale_entries(limit + chrono::Days::new(1), 400);
        assert!(stale
            .iter()
            .any(|s| s.region == region("US") && s.name == "988 Suicide & Crisis Lifeline"));
        assert!(stale.iter().any(|s| s.name == "911"));
    }

    #[test]
    fn lines_are_chosen_by_region() {
        let ie = country(&region("ie")).unwrap().unwrap();
        assert_eq!(ie.name, "Ireland");
        assert_eq!(
            ie.lines[0].phone.as_ref().unwrap().dial.tel_uri(),
            "tel:116123"
        );
        assert_eq!(ie.emergency[0].dial.tel_uri(), "tel:112");
        let gb = country(&region("GB")).unwrap().unwrap();
        let shout = gb.lines.iter().find(|l| l.name == "Shout").unwrap();
        assert!(shout.phone.is_none());
        assert_eq!(
            shout.sms.as_ref().unwrap().keyword.as_deref(),
            Some("SHOUT")
        );
        assert_eq!(gb.emergency[0].dial.tel_uri(), "tel:999");
        assert_eq!(country(&region("BE")).unwrap(), None);
    }

    #[test]
    fn a_damaged_table_is_refused() {
        assert!(parse("{}").is_err());
        let good = r#"{"note":"n","countries":{"XX":{"name":"X","lines":[],"emergency":[]}}}"#;
        assert!(parse(good).is_err(), "XX is not a region");
        let entry = |line: &str, emergency: &str| {
            format!(
                r#"{{"note":"n","countries":{{"BE":{{"name":"Belgium","lines":[{line}],"emergency":[{emergency}]}}}}}}"#
            )
        };
        let e112 = r#"{"dial":"112","display":"112","services":"all","source_url":"https://example.org","last_verified":"2026-01-01"}"#;
        let line = |phone: &str, extra: &str| {
            format!(
                r#"{{"name":"L","phone":{{"dial":"{phone}","display":"x"}},"source_url":"https://example.org","last_verified":"2026-01-01"{extra}}}"#
            )
        };
        let ok = entry(&line("1813", ""), e112);
        assert_eq!(parse(&ok).unwrap().countries.len(), 1);
        assert!(
            parse(&entry(&line("18 13", ""), e112)).is_err(),
            "digits only"
        );
        assert!(parse(&entry(&line("help", ""), e112)).is_err());
        assert!(parse(&entry(&line("1813", r#","fax":"1""#), e112)).is_err());
        assert!(
            parse(&entry(&line("1813", ""), "")).is_err(),
            "no emergency"
        );
        let text_less =
            r#"{"name":"L","source_url":"https://example.org","last_verified":"2026-01-01"}"#;
        assert!(parse(&entry(text_less, e112)).is_err());
        let bad_date = line("1813", "").replace("2026-01-01", "2026-02-30");
        assert!(parse(&entry(&bad_date, e112)).is_err());
        let bad_source = line("1813", "").replace("https://example.org", "example.org");
        assert!(parse(&entry(&bad_source, e112)).is_err());
    }
}
