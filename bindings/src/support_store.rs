//! The support-network methods of [`Vault`]: contacts, the region and message templates (sealed
//! settings), and the one-tap plan.
//!
//! Each change is one vault transaction through core's `support::store`; a change core refuses
//! writes nothing. Every method throws `SupportError`: `Locked` on a locked vault, `NotFound` for an
//! unknown id, `InvalidPhone`, `InvalidRegion` or `Validation` for refused input.

use oneday_core::support::one_tap::Channel;
use oneday_core::support::{region, sms, store, Region};
use oneday_core::vault::RecordId;

use crate::support::{CallPlan, Contact, ContactChange, DirectCalls, NewContact, PreparedMessage};
use crate::support_error::SupportError;
use crate::vault::Vault;

#[uniffi::export]
impl Vault {
    /// Adds a contact, last in the user's order.
    pub fn add_contact(&self, contact: NewContact) -> Result<Contact, SupportError> {
        Ok((&store::add(&self.inner, contact.into())?).into())
    }

    /// Every contact, in the user's order.
    pub fn contacts(&self) -> Result<Vec<Contact>, SupportError> {
        Ok(store::list(&self.inner)?.iter().map(Into::into).collect())
    }

    /// The contact with this id.
    pub fn contact(&self, id: String) -> Result<Contact, SupportError> {
        Ok((&store::get(&self.inner, &parse_id(&id)?)?).into())
    }

    /// Changes the fields `change` gives; nothing is written when one is refused.
    pub fn edit_contact(&self, id: String, change: ContactChange) -> Result<Contact, SupportError> {
        Ok((&store::edit(&self.inner, &parse_id(&id)?, change.into())?).into())
    }

    /// Removes a contact; the others close the gap in the order.
    pub fn remove_contact(&self, id: String) -> Result<(), SupportError> {
        Ok(store::remove(&self.inner, &parse_id(&id)?)?)
    }

    /// Puts the contacts `ids` first, in that order; the others follow in their order. Returns
    /// every contact in the new order.
    pub fn reorder_contacts(&self, ids: Vec<String>) -> Result<Vec<Contact>, SupportError> {
        let ids = ids
            .iter()
            .map(|id| parse_id(id))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(store::reorder(&self.inner, &ids)?
            .iter()
            .map(Into::into)
            .collect())
    }

    /// Sets the user's region (an ISO 3166-1 alpha-2 code such as `IE`), or removes it with
    /// `null`/`nil`. Never derive it from the UI language: ask the user.
    pub fn set_region(&self, region: Option<String>) -> Result<(), SupportError> {
        let code = region.as_deref().map(Region::parse).transpose()?;
        Ok(region::set(&self.inner, code.as_ref())?)
    }

    /// The user's region, if set.
    pub fn region(&self) -> Result<Option<String>, SupportError> {
        Ok(region::get(&self.inner)?.map(|r| r.to_string()))
    }

    /// The user's own message templates (without the default message).
    pub fn sms_templates(&self) -> Result<Vec<String>, SupportError> {
        Ok(sms::templates(&self.inner)?)
    }

    /// Replaces the user's templates (blank ones and repeats are dropped); returns them as saved.
    pub fn set_sms_templates(&self, templates: Vec<String>) -> Result<Vec<String>, SupportError> {
        Ok(sms::set_templates(&self.inner, &templates)?)
    }

    /// Every prepared message: "Can you call me?" first, then the user's templates.
    pub fn sms_messages(&self) -> Result<Vec<String>, SupportError> {
        Ok(sms::messages(&self.inner)?)
    }

    /// Every prepared message with who one tap texts it to and the `sms:` URI carrying it: the
    /// Text screen in one call.
    pub fn prepared_messages(&self) -> Result<Vec<PreparedMessage>, SupportError> {
        Ok(store::prepared_messages(&self.inner)?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// The one-tap plan, the Call screen in one call: who to call (or, with `sms`, text) first and
    /// who next, each number once, the crisis row to keep in sight, and whether one tap places the
    /// call itself. `message` is the text to prepare for contacts when texting (default "Can you
    /// call me?"); `direct_calls` is what the app may do with a `tel:` URI (default `Unavailable`).
    #[uniffi::method(default(message = None, direct_calls = None))]
    pub fn call_plan(
        &self,
        sms: bool,
        message: Option<String>,
        direct_calls: Option<DirectCalls>,
    ) -> Result<CallPlan, SupportError> {
        let channel = if sms {
            let message = message.as_deref().unwrap_or(sms::DEFAULT_MESSAGE);
            Channel::Sms {
                message: sms::check_message(message)?,
            }
        } else {
            Channel::Call
        };
        let direct = direct_calls.unwrap_or(DirectCalls::Unavailable).into();
        Ok(CallPlan::of(
            &store::call_plan(&self.inner, &channel)?,
            direct,
        ))
    }
}

fn parse_id(id: &str) -> Result<RecordId, SupportError> {
    Ok(id.parse::<RecordId>()?)
}
