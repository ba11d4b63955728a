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

    /// Parses an amount the way a person writes it, `12.50` or `12`, in `currency`'s minor units.
    /// More decimals than the currency has (`1.005 USD`), signs, separators and exponents are refused.
    ///
    /// ```
    /// use oneday_core::cleantime::Money;
    /// assert_eq!(Money::parse("12.5", "USD").unwrap().minor_units, 1250);
    /// assert_eq!(Money::parse("1500", "JPY").unwrap().minor_units, 1500);
    /// assert!(Money::parse("1.5", "JPY").is_err());
    /// assert!(Money::parse("-3", "EUR").is_err());
    /// ```
    pub fn parse(amount: &str, currency: &str) -> Result<Money, CleanTimeError> {
        let unit = Money::new(0, currency)?;
        let digits = unit.minor_digits() as usize;
        let invalid = || CleanTimeError::InvalidAmount {
            amount: amount.to_owned(),
            decimals: digits,
        };
        let (whole, fraction) = amount.trim().split_once('.').unwrap_or((amount.trim(), ""));
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty()
            || !all_digits(whole)
            || !all_digits(fraction)
            || fraction.len() > digits
        {
            return Err(invalid());
        }
        let whole: u64 = whole.parse().map_err(|_| invalid())?;
        let padded = format!("{fraction:0<digits$}");
        let fraction: u64 = if padded.is_empty() {
            0
        } else {
            padded.parse().map_err(|_| invalid())?
        };
        let minor_units = whole
            .checked_mul(10u64.pow(digits as u32))
            .and_then(|w| w.checked_add(fraction))
            .ok_or(CleanTimeError::AmountTooLarge)?;
        Ok(Money {
            minor_units,
            ..unit
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
    fn parses_written_amounts() {
        assert_eq!(Money::parse("0.05", "GBP").unwrap().minor_units, 5);
        assert_eq!(Money::parse("7.", "EUR").unwrap().minor_units, 700);
        assert_eq!(Money::parse("1.005", "BHD").unwrap().minor_units, 1005);
        for bad in ["", ".5", "1,50", "1.505", "1e3", "+1", " ", "½"] {
            assert!(
                matches!(
                    Money::parse(bad, "EUR"),
                    Err(CleanTimeError::InvalidAmount { .. })
                ),
                "{bad}"
            );
        }
        assert_eq!(
            Money::parse("99999999999999999999", "EUR"),
            Err(CleanTimeError::InvalidAmount {
                amount: "99999999999999999999".into(),
                decimals: 2
            })
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
