//! The bundled crisis-line table: crisis lines, emergency numbers and national drug and alcohol
//! helplines by country, with where each number was checked, what kind of page that was, and when.
//!
//! The table is data, not code: `crisis_lines.json` beside this file, embedded in the build and
//! parsed once on first use. Its top-level `note` says how it is kept. Every entry names the
//! public page its numbers were checked against (`source_url`), what kind of page it is
//! ([`SourceKind`]: the operator's own, a government's, the press, or other) and the date of that
//! check (`last_verified`). Stale hotline numbers shipped for years are a known failure of safety-plan
//! apps, so a unit test here fails when any entry was last verified more than [`MAX_AGE_DAYS`] ago,
//! counted from the real current date: a stale table fails CI until someone checks it again.
//!
//! A country's drug and alcohol helplines ([`Country::drug_alcohol_helplines`]) are kept apart from
//! its crisis lines: shells show them under their own heading, and one-tap never puts them in its
//! order (see `one_tap.rs`).
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
use super::sms::sms_uri;

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

/// What kind of page an entry's numbers were checked against, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// A page of the body that runs the line or number.
    Operator,
    /// A page of a government body that does not run it.
    Government,
    /// A news report.
    Press,
    /// Anything else: a directory, a third party's list.
    Other,
}

impl SourceKind {
    /// Every kind, strongest first.
    pub const ALL: [SourceKind; 4] = [
        SourceKind::Operator,
        SourceKind::Government,
        SourceKind::Press,
        SourceKind::Other,
    ];

    /// The kind as `crisis_lines.json` and `oneday crisis --json` write it: `operator`, ...
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Operator => "operator",
            SourceKind::Government => "government",
            SourceKind::Press => "press",
            SourceKind::Other => "other",
        }
    }
}

/// One line of a country: a crisis line, or a drug and alcohol helpline (the same shape).
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
    /// What kind of page `source_url` is.
    pub source_kind: SourceKind,
    /// The page its numbers were checked against.
    pub source_url: String,
    /// The day they were checked against that page.
    pub last_verified: NaiveDate,
}

impl CrisisLine {
    /// The `tel:` URI to call the line; `None` for a text-only line.
    pub fn tel_uri(&self) -> Option<String> {
        self.phone.as_ref().map(|p| p.dial.tel_uri())
    }

    /// The `sms:` URI to text the line, with its keyword as the body if it asks for one; `None`
    /// when it takes no texts.
    pub fn sms_uri(&self) -> Option<String> {
        self.sms
            .as_ref()
            .map(|s| sms_uri(&s.dial, s.keyword.as_deref()))
    }
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
    /// What kind of page `source_url` is.
    pub source_kind: SourceKind,
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
    /// Its national drug and alcohol helplines (run by a health ministry or a national charity),
    /// shown apart from the crisis lines and never part of one-tap's order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub drug_alcohol_helplines: Vec<CrisisLine>,
    /// Its emergency numbers; the first is the one to offer first.
    pub emergency: Vec<EmergencyNumber>,
}

impl Country {
    /// The kind of source of every entry: crisis lines, drug and alcohol helplines, emergency
    /// numbers.
    fn source_kinds(&self) -> impl Iterator<Item = SourceKind> + '_ {
        self.lines
            .iter()
            .chain(&self.drug_alcohol_helplines)
            .map(|l| l.source_kind)
            .chain(self.emergency.iter().map(|e| e.source_kind))
    }
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
                .chain(&country.drug_alcohol_helplines)
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

    /// How many entries (crisis lines, drug and alcohol helplines, emergency numbers, of every
    /// country) were checked against each kind of source, strongest kind first.
    pub fn source_kind_counts(&self) -> Vec<(SourceKind, usize)> {
        SourceKind::ALL
            .iter()
            .map(|&kind| {
                let n = self
                    .countries
                    .values()
                    .flat_map(Country::source_kinds)
                    .filter(|&k| k == kind)
                    .count();
                (kind, n)
            })
            .collect()
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
            for line in country.lines.iter().chain(&country.drug_alcohol_helplines) {
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
        assert_eq!(shout.tel_uri(), None);
        assert_eq!(shout.sms_uri().as_deref(), Some("sms:85258?body=SHOUT"));
        assert_eq!(gb.lines[0].tel_uri().as_deref(), Some("tel:116123"));
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
        let e112 = r#"{"dial":"112","display":"112","services":"all","source_kind":"government","source_url":"https://example.org","last_verified":"2026-01-01"}"#;
        let line = |phone: &str, extra: &str| {
            format!(
                r#"{{"name":"L","phone":{{"dial":"{phone}","display":"x"}},"source_kind":"operator","source_url":"https://example.org","last_verified":"2026-01-01"{extra}}}"#
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
        let text_less = r#"{"name":"L","source_kind":"other","source_url":"https://example.org","last_verified":"2026-01-01"}"#;
        assert!(parse(&entry(text_less, e112)).is_err());
        let unsourced = line("1813", "").replace(r#""source_kind":"operator","#, "");
        assert!(parse(&entry(&unsourced, e112)).is_err(), "no source kind");
        let blog = line("1813", "").replace(r#""operator""#, r#""blog""#);
        assert!(parse(&entry(&blog, e112)).is_err(), "not a source kind");
        let with_helpline = format!(
            r#"{{"note":"n","countries":{{"BE":{{"name":"Belgium","lines":[],"drug_alcohol_helplines":[{}],"emergency":[{e112}]}}}}}}"#,
            line("78151515", "")
        );
        let be = parse(&with_helpline).unwrap();
        assert_eq!(be.countries[&region("BE")].drug_alcohol_helplines.len(), 1);
        let text_less_helpline = with_helpline.replace(&line("78151515", ""), text_less);
        assert!(
            parse(&text_less_helpline).is_err(),
            "helplines are checked too"
        );
        let bad_date = line("1813", "").replace("2026-01-01", "2026-02-30");
        assert!(parse(&entry(&bad_date, e112)).is_err());
        let bad_source = line("1813", "").replace("https://example.org", "example.org");
        assert!(parse(&entry(&bad_source, e112)).is_err());
    }

    #[test]
    fn drug_and_alcohol_helplines_are_apart_from_crisis_lines() {
        let us = country(&region("US")).unwrap().unwrap();
        let samhsa = &us.drug_alcohol_helplines[0];
        assert_eq!(samhsa.name, "SAMHSA National Helpline");
        assert_eq!(
            samhsa.phone.as_ref().unwrap().dial.tel_uri(),
            "tel:18006624357"
        );
        assert_eq!(samhsa.source_kind, SourceKind::Operator);
        assert!(us.lines.iter().all(|l| l.name != samhsa.name));
        let nz = country(&region("NZ")).unwrap().unwrap();
        assert_eq!(
            nz.drug_alcohol_helplines[0]
                .sms
                .as_ref()
                .unwrap()
                .dial
                .tel_uri(),
            "tel:8681"
        );
        // Not every country has one the table could check (see docs/crisis-lines.md).
        let gb = country(&region("GB")).unwrap().unwrap();
        assert!(gb.drug_alcohol_helplines.is_empty());
        let t = table().unwrap();
        let later = samhsa.last_verified + chrono::Days::new(401);
        assert!(t
            .stale_entries(later, 400)
            .iter()
            .any(|s| s.name == "SAMHSA National Helpline"));
    }

    #[test]
    fn every_entry_has_a_source_kind_and_the_counts_add_up() {
        let t = table().unwrap();
        let counts = t.source_kind_counts();
        assert_eq!(
            counts.iter().map(|(k, _)| *k).collect::<Vec<_>>(),
            SourceKind::ALL
        );
        let entries: usize = t
            .countries
            .values()
            .map(|c| c.lines.len() + c.drug_alcohol_helplines.len() + c.emergency.len())
            .sum();
        assert_eq!(counts.iter().map(|(_, n)| n).sum::<usize>(), entries);
        let gb = &t.countries[&region("GB")];
        assert_eq!(gb.lines[0].source_kind, SourceKind::Operator);
        assert_eq!(gb.emergency[1].source_kind, SourceKind::Other);
        assert_eq!(SourceKind::Press.as_str(), "press");
        assert_eq!(
            serde_json::to_string(&SourceKind::Government).unwrap(),
            r#""government""#
        );
    }

    /// docs/crisis-lines.md shows the table's strength; it must say what the table holds.
    #[test]
    fn the_doc_counts_the_source_kinds_of_the_table() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/crisis-lines.md");
        let doc = std::fs::read_to_string(path).unwrap();
        for (kind, n) in table().unwrap().source_kind_counts() {
            let row = format!("| `{}` | {n} |", kind.as_str());
            assert!(
                doc.contains(&row),
                "docs/crisis-lines.md lacks the row {row}"
            );
        }
    }
}
