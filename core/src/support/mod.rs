//! The support network: contacts, phone numbers as `tel:`/`sms:` URIs, one-tap call target
//! resolution, and the bundled crisis-line table chosen by the user's region.
//!
//! When a craving or a crisis comes, the person needs their sponsor's voice in one tap. Everything
//! that decides who that is lives here, once, for every shell: the shells only launch the URI a
//! [`CallPlan`] gives them (Android `ACTION_DIAL`, iOS `openURL`, `xdg-open` on the desktop).
//!
//! Contacts are sealed in the vault like everything else (names, numbers, notes); so are the two
//! settings this area owns, the user's region (`support.region`) and their own text-message
//! templates (`support.sms_templates`). The crisis-line table is public data bundled with the build,
//! each entry with its source page and the date it was last checked.
//!
//! # Files
//!
//! | file | concern |
//! |---|---|
//! | `contact.rs` | [`Contact`], [`ContactRole`], what a contact may hold |
//! | `phone.rs` | [`PhoneNumber`]: the text as typed, checked; its RFC 3966 `tel:` URI |
//! | `sms.rs` | the RFC 5724 `sms:` URI, the prepared messages and the user's templates |
//! | `region.rs` | [`Region`] (ISO 3166-1 alpha-2) and the region setting |
//! | `crisis.rs`, `crisis_lines.json` | the bundled crisis lines, emergency numbers and drug and alcohol helplines by country, each with its kind of source |
//! | `one_tap.rs` | who one tap calls or texts, and who next: [`CallPlan`]; each number once; the Call screen's crisis row and direct calling; the prepared messages with their `sms:` URIs |
//! | `store.rs` | contacts in the vault: add, list, get, find, edit, remove, reorder; the plan |
//! | `plan_links.rs` | [`PlanContacts`]: the contacts that safety-plan entries link to |
//! | `error.rs` | [`SupportError`] |

pub mod contact;
pub mod crisis;
pub mod error;
pub mod one_tap;
pub mod phone;
pub mod plan_links;
pub mod region;
pub mod sms;
pub mod store;

pub use contact::{Contact, ContactChange, ContactInput, ContactRole};
pub use crisis::{Country, CrisisLine, EmergencyNumber, SourceKind};
pub use error::SupportError;
pub use one_tap::{
    CallPlan, CallTarget, Channel, ChannelKind, DirectCalls, PreparedMessage, Reason, RegionStatus,
};
pub use phone::{PhoneError, PhoneNumber};
pub use plan_links::PlanContacts;
pub use region::Region;
pub use store::StoredContact;
