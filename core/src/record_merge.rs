//! How two versions of one record are merged: the trait each area implements next to its record
//! type, below every area, so that an area never imports [`crate::backup`] (which merges a whole
//! backup into a vault by calling it for each kind).

use serde::de::DeserializeOwned;
use serde::Serialize;

/// What merging two versions of one record gives.
pub(crate) enum Merged<T> {
    /// The vault's version stays as it is.
    Local,
    /// The backup's version replaces it.
    Incoming,
    /// A combination of the two replaces it.
    Combined(T),
    /// The two cannot be combined: the vault's stays and this (the backup's, adjusted) is added
    /// beside it under a new id.
    Both(T),
}

/// How the records of one kind are matched and merged. Each area implements it next to its type.
pub(crate) trait Mergeable: Serialize + DeserializeOwned + Clone {
    /// What makes two records of this kind the same thing even when their ids differ.
    fn identity(&self) -> String;

    /// Merges the vault's version with the backup's. The default: the newer edit wins whole.
    fn merge(local: &Self, incoming: &Self, incoming_is_newer: bool) -> Merged<Self> {
        let _ = (local, incoming);
        if incoming_is_newer {
            Merged::Incoming
        } else {
            Merged::Local
        }
    }

    /// Where this record comes when the backup's records of its kind are merged one by one (the
    /// user's order for contacts, so new ones join in that order). The default keeps file order.
    fn merge_order(&self) -> u64 {
        0
    }

    /// Adjusts a record the vault does not have before it is added, given the vault's records of the
    /// same kind (a contact goes last in the order, say). The default changes nothing.
    fn prepare_new(&mut self, existing: &[&Self]) {
        let _ = existing;
    }
}
