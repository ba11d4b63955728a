//! The user's own settings (such as their region), sealed in the vault like everything else.
