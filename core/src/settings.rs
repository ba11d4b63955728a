//! The user's own settings (their region, their check-in symptoms, ...), sealed in the vault like
//! everything else.
//!
//! Each setting is one sealed record of kind [`RecordKind::Setting`] holding its name and its value
//! as JSON, so each area owns the type of its own settings (the support network keeps the region,
//! check-ins keep their symptom list) and this module knows none of them. Names are short constants
//! that the owning area defines (`"support.region"`, ...); the name is sealed with the value, so
//! nothing on disk says which settings exist.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::vault::{RecordId, RecordKind, Vault, VaultError, VaultTx};

/// Why reading or writing a setting failed.
#[derive(Debug, Error)]
pub enum SettingsError {
    /// The stored value is not of the type asked for (written by another version, or damaged).
    #[error("the setting `{name}` holds a value this version cannot read")]
    Unreadable {
        /// The setting's name.
        name: String,
    },
    /// The vault failed (locked, damaged, storage).
    #[error(transparent)]
    Vault(#[from] VaultError),
}

/// One setting as sealed: its name and its value.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct NamedSetting {
    name: String,
    value: serde_json::Value,
}

/// The value of setting `name`, or `None` when it was never set.
pub fn get<T: DeserializeOwned>(vault: &Vault, name: &str) -> Result<Option<T>, SettingsError> {
    let found = vault
        .list::<NamedSetting>(RecordKind::Setting)?
        .into_iter()
        .find(|(_, s)| s.name == name);
    match found {
        None => Ok(None),
        Some((_, s)) => {
            serde_json::from_value(s.value)
                .map(Some)
                .map_err(|_| SettingsError::Unreadable {
                    name: name.to_owned(),
                })
        }
    }
}

/// Sets `name` to `value` (replacing what it held), in one vault transaction.
pub fn set<T: Serialize + ?Sized>(
    vault: &Vault,
    name: &str,
    value: &T,
) -> Result<(), SettingsError> {
    let value = serde_json::to_value(value).map_err(|_| SettingsError::Unreadable {
        name: name.to_owned(),
    })?;
    vault.transaction(|tx| -> Result<(), SettingsError> {
        let id = find_in(tx, name)?.unwrap_or(RecordId::generate()?);
        tx.put(
            RecordKind::Setting,
            &id,
            &NamedSetting {
                name: name.to_owned(),
                value,
            },
        )?;
        Ok(())
    })
}

/// Removes setting `name`. Returns `true` if it was set.
pub fn remove(vault: &Vault, name: &str) -> Result<bool, SettingsError> {
    vault.transaction(|tx| -> Result<bool, SettingsError> {
        match find_in(tx, name)? {
            Some(id) => Ok(tx.delete(&id)?),
            None => Ok(false),
        }
    })
}

fn find_in(tx: &VaultTx<'_>, name: &str) -> Result<Option<RecordId>, VaultError> {
    Ok(tx
        .list::<NamedSetting>(RecordKind::Setting)?
        .into_iter()
        .find(|(_, s)| s.name == name)
        .map(|(id, _)| id))
}

/// Backups: a setting is the same setting when it has the same name; the newer edit wins.
impl crate::record_merge::Mergeable for NamedSetting {
    fn identity(&self) -> String {
        self.name.clone()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::test_support::temp_vault;

    #[test]
    fn set_get_replace_remove() {
        let (_dir, v) = temp_vault();
        assert_eq!(get::<String>(&v, "support.region").unwrap(), None);
        set(&v, "support.region", "IE").unwrap();
        set(&v, "checkins.symptoms", &vec!["anxiety", "sleep"]).unwrap();
        set(&v, "support.region", "GB").unwrap();
        assert_eq!(
            get::<String>(&v, "support.region").unwrap().as_deref(),
            Some("GB")
        );
        assert_eq!(
            get::<Vec<String>>(&v, "checkins.symptoms")
                .unwrap()
                .unwrap(),
            vec!["anxiety", "sleep"]
        );
        assert_eq!(
            v.list::<serde_json::Value>(RecordKind::Setting)
                .unwrap()
                .len(),
            2
        );
        assert!(matches!(
            get::<u32>(&v, "support.region"),
            Err(SettingsError::Unreadable { .. })
        ));
        assert!(remove(&v, "support.region").unwrap());
        assert!(!remove(&v, "support.region").unwrap());
        assert_eq!(get::<String>(&v, "support.region").unwrap(), None);
    }
}
