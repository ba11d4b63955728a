//! One module per subcommand.

pub mod cleantime;
pub mod demo;
