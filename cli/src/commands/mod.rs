//! One module per subcommand.

pub mod cleantime;
pub mod counter;
pub mod demo;
pub mod init;
pub mod meetings;
pub mod plans;
pub mod reminders;
pub mod status;
pub mod unlock;
pub mod wipe;
