//! The user's region: the country whose crisis lines and emergency numbers one-tap offers.
//!
//! A region is an ISO 3166-1 alpha-2 country code (`US`, `GB`, `IE`, ...) the user chose, kept as the
//! named setting [`SETTING`]. It is never guessed from the UI language or the locale: someone
//! reading English in Germany needs German crisis lines, and a wrong guess is worse than none. When
//! no region is set, one-tap says so and falls back to "call your local emergency number" wording
//! with no number guessed.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::error::SupportError;
use crate::settings;
use crate::vault::Vault;

/// The name of the setting that holds the region.
pub const SETTING: &str = "support.region";

/// Every officially assigned ISO 3166-1 alpha-2 code (249 codes).
const ASSIGNED: &str = "\
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ \
BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ \
CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ \
DE DJ DK DM DO DZ \
EC EE EG EH ER ES ET \
FI FJ FK FM FO FR \
GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY \
HK HM HN HR HT HU \
ID IE IL IM IN IO IQ IR IS IT \
JE JM JO JP \
KE KG KH KI KM KN KP KR KW KY KZ \
LA LB LC LI LK LR LS LT LU LV LY \
MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ \
NA NC NE NF NG NI NL NO NP NR NU NZ \
OM \
PA PE PF PG PH PK PL PM PN PR PS PT PW PY \
QA \
RE RO RS RU RW \
SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ \
TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ \
UA UG UM US UY UZ \
VA VC VE VG VI VN VU \
WF WS \
YE YT \
ZA ZM ZW";

/// A checked ISO 3166-1 alpha-2 country code, upper case.
///
/// ```
/// use oneday_core::support::Region;
/// let r: Region = " ie ".parse()?;
/// assert_eq!(r.as_str(), "IE");
/// assert!("UK".parse::<Region>().is_err()); // the United Kingdom is GB
/// # Ok::<(), oneday_core::support::SupportError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Region(String);

impl Region {
    /// Checks `code`: two letters (either case, surrounding spaces ignored) that ISO 3166-1 assigns.
    pub fn parse(code: &str) -> Result<Self, SupportError> {
        let code = code.trim().to_ascii_uppercase();
        let assigned = code.len() == 2
            && code.bytes().all(|b| b.is_ascii_uppercase())
            && ASSIGNED.split(' ').any(|c| c == code);
        if assigned {
            Ok(Self(code))
        } else {
            Err(SupportError::InvalidRegion)
        }
    }

    /// The two upper-case letters.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for Region {
    type Err = SupportError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<String> for Region {
    type Error = SupportError;

    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}

impl From<Region> for String {
    fn from(r: Region) -> Self {
        r.0
    }
}

/// The region the user set, or `None`.
pub fn get(vault: &Vault) -> Result<Option<Region>, SupportError> {
    Ok(settings::get::<Region>(vault, SETTING)?)
}

/// Sets the user's region, or removes it with `None`.
pub fn set(vault: &Vault, region: Option<&Region>) -> Result<(), SupportError> {
    match region {
        Some(r) => settings::set(vault, SETTING, r)?,
        None => {
            settings::remove(vault, SETTING)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::test_support::temp_vault;

    #[test]
    fn the_assigned_list_has_249_distinct_sorted_codes() {
        let codes: Vec<&str> = ASSIGNED.split(' ').collect();
        assert_eq!(codes.len(), 249);
        assert!(codes.windows(2).all(|w| w[0] < w[1]), "sorted and distinct");
        assert!(codes.iter().all(|c| Region::parse(c).is_ok()));
    }

    #[test]
    fn codes_are_checked() {
        assert_eq!(Region::parse("gb").unwrap().as_str(), "GB");
        assert_eq!(Region::parse(" nz ").unwrap().to_string(), "NZ");
        for bad in ["", "G", "GBR", "UK", "EU", "XX", "1A", "é", "G B"] {
            assert!(
                matches!(Region::parse(bad), Err(SupportError::InvalidRegion)),
                "{bad}"
            );
        }
        assert!(serde_json::from_str::<Region>("\"UK\"").is_err());
    }

    #[test]
    fn the_setting_is_kept_in_the_vault() {
        let (_dir, v) = temp_vault();
        assert_eq!(get(&v).unwrap(), None);
        set(&v, Some(&Region::parse("ie").unwrap())).unwrap();
        assert_eq!(get(&v).unwrap().unwrap().as_str(), "IE");
        set(&v, None).unwrap();
        assert_eq!(get(&v).unwrap(), None);
        settings::set(&v, SETTING, "UK").unwrap();
        assert!(matches!(get(&v), Err(SupportError::UnreadableSetting)));
    }
}
