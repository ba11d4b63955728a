//! The Argon2id cost of the recovery slot (recovery code or passphrase).
//!
//! Shells normally pass `null`/`nil` and get core's default (m = 64 MiB, t = 3, p = 1). Core refuses
//! anything below the OWASP floor m = 19 MiB, t = 2, p = 1 ([`minimum_kdf_params`]), which is what
//! tests use to stay fast, and anything above its ceiling, with `VaultError.InvalidKdfParams`.

use oneday_core::vault::KdfParams as CoreKdfParams;

/// Argon2id cost parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct KdfParams {
    /// Memory in KiB.
    pub memory_kib: u32,
    /// Number of passes.
    pub iterations: u32,
    /// Degree of parallelism (lanes).
    pub parallelism: u32,
}

impl From<KdfParams> for CoreKdfParams {
    fn from(k: KdfParams) -> Self {
        CoreKdfParams {
            m_kib: k.memory_kib,
            t: k.iterations,
            p: k.parallelism,
        }
    }
}

impl From<CoreKdfParams> for KdfParams {
    fn from(k: CoreKdfParams) -> Self {
        KdfParams {
            memory_kib: k.m_kib,
            iterations: k.t,
            parallelism: k.p,
        }
    }
}

/// The parameters used when none are given: m = 64 MiB, t = 3, p = 1.
#[uniffi::export]
pub fn default_kdf_params() -> KdfParams {
    CoreKdfParams::DEFAULT.into()
}

/// The weakest parameters accepted, the OWASP floor: m = 19 MiB, t = 2, p = 1.
#[uniffi::export]
pub fn minimum_kdf_params() -> KdfParams {
    CoreKdfParams::MINIMUM.into()
}

/// Core's parameters for an optional choice: the default when `None`.
pub(crate) fn or_default(kdf: Option<KdfParams>) -> CoreKdfParams {
    kdf.map_or(CoreKdfParams::DEFAULT, CoreKdfParams::from)
}
