//! The support network: contacts, phone numbers as `tel:`/`sms:` URIs, one-tap call target
//! resolution, and the bundled crisis-line table chosen by the user's region.
