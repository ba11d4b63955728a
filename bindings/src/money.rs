//! Money saved: exact integer minor units of an ISO 4217 currency, never floating point.

use oneday_core::cleantime as core;

use crate::errors::CleanTimeError;

/// An amount of money in integer minor units (cents, pence; yen have none) of an ISO 4217 currency.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct Money {
    /// The amount in minor units: 1250 is 12.50 EUR.
    pub minor_units: u64,
    /// The ISO 4217 code, such as "EUR".
    pub currency: String,
}

/// Parses an amount as a person writes it, "12.50" or "12", in `currency` (ISO 4217, any case).
///
/// Throws `Validation` for an unknown currency, more decimals than the currency has, signs or
/// separators.
#[uniffi::export]
pub fn parse_money(amount: String, currency: String) -> Result<Money, CleanTimeError> {
    Ok(core::Money::parse(&amount, &currency)?.into())
}

/// The amount as text with its currency, such as "12.50 EUR" or "500 JPY".
#[uniffi::export]
pub fn format_money(money: Money) -> Result<String, CleanTimeError> {
    Ok(core::Money::try_from(money)?.to_string())
}

impl TryFrom<Money> for core::Money {
    type Error = CleanTimeError;

    /// Checks the currency code.
    fn try_from(m: Money) -> Result<Self, CleanTimeError> {
        Ok(core::Money::new(m.minor_units, &m.currency)?)
    }
}

impl From<core::Money> for Money {
    fn from(m: core::Money) -> Self {
        Money {
            minor_units: m.minor_units,
            currency: m.currency,
        }
    }
}
