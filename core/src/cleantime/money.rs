//! Money saved: a daily cost in integer minor units of an ISO 4217 currency, times clean days.
//!
//! Amounts are integers of the currency's minor unit (cents, pence; yen have none), never floats, so a
//! total is exact. The number of minor-unit digits comes from ISO 4217 (USD 2, JPY 0, BHD 3).

use iso_currency::Currency;
use serde::{Deserialize, Serialize};

use super::error::CleanTimeError;

/// An amount of money in integer minor units of an ISO 4217 currency.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Money {
    /// The amount in minor units (cents for USD, yen for JPY).
    pub minor_units: u64,
    /// The ISO 4217 alphabetic code, upper case.
    pub currency: String,
}

impl Money {
    /// A checked amount: the currency code must be ISO 4217 (case-insensitive; stored upper case).
    ///
    /// ```
    /// use oneday_core::cleantime::Money;
    /// let m = Money::new(1250, "eur").unwrap();
    /// assert_eq!(m.to_string(), "12.50 EUR");
    /// assert_eq!(Money::new(500, "JPY").unwrap().to_string(), "500 JPY");
    /// assert!(Money::new(1, "XYZ").is_err());
    /// ```
    pub fn new(minor_units: u64, currency: &str) -> Result<Money, CleanTimeError> {
        let code = currency.trim().to_ascii_uppercase();
        Currency::from_code(&code).ok_or_else(|| CleanTimeError::UnknownCurrency {
            code: currency.to_owned(),
        })?;
        Ok(Money {
            minor_units,
            currency: code,
        })
    }

    /// Digits after the decimal point in this currency (0 when ISO 4217 gives none).
    pub fn minor_digits(&self) -> u32 {
        Currency::from_code(&self.currency)
            .and_then(|c| c.exponent())
            .map_or(0, u32::from)
    }

    /// This amount times `days`; an error rather than a wrapped number on overflow.
    pub fn times(&self, days: u64) -> Result<Money, CleanTimeError> {
        Ok(Money {
            minor_units: self
                .minor_units
                .checked_mul(days)
                .ok_or(CleanTimeError::AmountTooLarge)?,
            currency: self.currency.clone(),
        })
    }

    /// The amount as a decimal string without the currency, such as `12.50`.
    pub fn decimal(&self) -> String {
        let digits = self.minor_digits();
        if digits == 0 {
            return self.minor_units.to_string();
        }
        let scale = 10u64.pow(digits);
        format!(
            "{}.{:0width$}",
            self.minor_units / scale,
            self.minor_units % scale,
            width = digits as usize
        )
    }
}

impl std::fmt::Display for Money {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.decimal(), self.currency)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn minor_units_per_currency() {
        assert_eq!(Money::new(123_456, "USD").unwrap().decimal(), "1234.56");
        assert_eq!(Money::new(5, "GBP").unwrap().decimal(), "0.05");
        assert_eq!(Money::new(1500, "JPY").unwrap().decimal(), "1500");
        assert_eq!(Money::new(1005, "BHD").unwrap().decimal(), "1.005");
    }

    #[test]
    fn multiplication_is_checked() {
        let m = Money::new(u64::MAX / 2, "USD").unwrap();
        assert_eq!(m.times(3), Err(CleanTimeError::AmountTooLarge));
        assert_eq!(
            Money::new(350, "usd")
                .unwrap()
                .times(10)
                .unwrap()
                .minor_units,
            3500
        );
    }

    #[test]
    fn unknown_codes_are_refused() {
        assert!(matches!(
            Money::new(1, "EURO"),
            Err(CleanTimeError::UnknownCurrency { .. })
        ));
        assert!(matches!(
            Money::new(1, ""),
            Err(CleanTimeError::UnknownCurrency { .. })
        ));
    }
}
