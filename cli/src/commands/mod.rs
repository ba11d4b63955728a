//! One module per subcommand.

pub mod backup;
pub mod call;
pub mod checkins;
pub mod cleantime;
pub mod contacts;
pub mod counter;
pub mod crisis;
pub mod demo;
pub mod init;
pub mod meetings;
pub mod plans;
pub mod reminders;
pub mod status;
pub mod unlock;
pub mod wipe;
