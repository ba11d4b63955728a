//! Argon2id for the recovery slot: parameters, the floor below which nothing is accepted, and the
//! derivation itself.
//!
//! The floor is the OWASP minimum m = 19 MiB, t = 2, p = 1. It is enforced when a slot is made *and*
//! when one is read, so a slot rewritten with weaker parameters is refused with
//! [`VaultError::KdfTooWeak`] instead of being used. A ceiling guards against the opposite: a damaged
//! slot asking for gigabytes of memory. The default is stronger than the floor; its cost on the
//! development machine is in `docs/adr/0001-vault-cipher-and-kdf.md`.
//!
//! The `argon2` crate's convenience call allocates its working memory and frees it without wiping it;
//! that memory is enough to recompute the output, so here the memory is allocated by the vault and
//! zeroized after every derivation.

use argon2::{Algorithm, Argon2, Block, Params, Version};
use zeroize::{Zeroize, Zeroizing};

use super::error::VaultError;
use super::keys::KEY_LEN;

/// Argon2id cost parameters, stored in the recovery slot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KdfParams {
    /// Memory in KiB.
    pub m_kib: u32,
    /// Number of passes (iterations).
    pub t: u32,
    /// Degree of parallelism (lanes). The `argon2` crate computes lanes one after another.
    pub p: u32,
}

impl KdfParams {
    /// The floor: m = 19 MiB, t = 2, p = 1. Anything weaker is refused.
    pub const MINIMUM: KdfParams = KdfParams {
        m_kib: 19 * 1024,
        t: 2,
        p: 1,
    };

    /// The default for new slots: m = 64 MiB, t = 3, p = 1.
    pub const DEFAULT: KdfParams = KdfParams {
        m_kib: 64 * 1024,
        t: 3,
        p: 1,
    };

    /// The ceiling: at most 1 GiB, 64 passes, 16 lanes.
    pub const MAXIMUM: KdfParams = KdfParams {
        m_kib: 1024 * 1024,
        t: 64,
        p: 16,
    };

    /// Ok if the parameters are between [`KdfParams::MINIMUM`] and [`KdfParams::MAXIMUM`].
    pub fn check(&self) -> Result<(), VaultError> {
        let Self { m_kib, t, p } = *self;
        if m_kib < Self::MINIMUM.m_kib || t < Self::MINIMUM.t || p < Self::MINIMUM.p {
            return Err(VaultError::KdfTooWeak { m_kib, t, p });
        }
        if m_kib > Self::MAXIMUM.m_kib || t > Self::MAXIMUM.t || p > Self::MAXIMUM.p {
            return Err(VaultError::KdfTooCostly { m_kib, t, p });
        }
        Ok(())
    }
}

impl Default for KdfParams {
    /// [`KdfParams::DEFAULT`].
    fn default() -> Self {
        Self::DEFAULT
    }
}

/// Length of the random salt stored in the recovery slot.
pub(crate) const SALT_LEN: usize = 16;

/// Derives the 32-byte key-encryption key of the recovery slot: Argon2id v1.3 of `secret` and `salt`.
/// Refuses parameters outside the floor and ceiling before doing any work.
pub(crate) fn derive_kek(
    secret: &[u8],
    salt: &[u8; SALT_LEN],
    params: KdfParams,
) -> Result<Zeroizing<[u8; KEY_LEN]>, VaultError> {
    params.check()?;
    let argon_params =
        Params::new(params.m_kib, params.t, params.p, Some(KEY_LEN)).map_err(|_| {
            VaultError::KdfTooCostly {
                m_kib: params.m_kib,
                t: params.t,
                p: params.p,
            }
        })?;
    let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, argon_params.clone());
    let mut memory = vec![Block::default(); argon_params.block_count()];
    let mut out = Zeroizing::new([0u8; KEY_LEN]);
    let result = argon.hash_password_into_with_memory(secret, salt, out.as_mut(), &mut memory);
    memory.zeroize();
    result.map_err(|_| VaultError::Crypto)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn floor_and_ceiling_are_enforced() {
        assert!(KdfParams::MINIMUM.check().is_ok());
        assert!(KdfParams::DEFAULT.check().is_ok());
        assert!(KdfParams::MAXIMUM.check().is_ok());
        let d = KdfParams::default();
        assert!(d.m_kib > KdfParams::MINIMUM.m_kib && d.t > KdfParams::MINIMUM.t);
        for weak in [
            KdfParams {
                m_kib: 19 * 1024 - 1,
                t: 2,
                p: 1,
            },
            KdfParams {
                m_kib: 64 * 1024,
                t: 1,
                p: 1,
            },
            KdfParams {
                m_kib: 64 * 1024,
                t: 3,
                p: 0,
            },
        ] {
            assert!(
                matches!(weak.check(), Err(VaultError::KdfTooWeak { .. })),
                "{weak:?}"
            );
            let e = derive_kek(b"x", &[0; SALT_LEN], weak).unwrap_err();
            assert!(matches!(e, VaultError::KdfTooWeak { .. }));
        }
        for costly in [
            KdfParams {
                m_kib: u32::MAX,
                t: 2,
                p: 1,
            },
            KdfParams {
                m_kib: 19 * 1024,
                t: 65,
                p: 1,
            },
            KdfParams {
                m_kib: 19 * 1024,
                t: 2,
                p: 17,
            },
        ] {
            assert!(
                matches!(costly.check(), Err(VaultError::KdfTooCostly { .. })),
                "{costly:?}"
            );
        }
    }

    /// Checks the wiring against the `argon2` crate's own allocating call.
    #[test]
    fn derivation_matches_the_argon2_crate_and_depends_on_every_input() {
        let p = KdfParams::MINIMUM;
        let salt = [9u8; SALT_LEN];
        let ours = derive_kek(b"correct horse", &salt, p).unwrap();
        let mut theirs = [0u8; 32];
        Argon2::new(
            Algorithm::Argon2id,
            Version::V0x13,
            Params::new(p.m_kib, p.t, p.p, Some(32)).unwrap(),
        )
        .hash_password_into(b"correct horse", &salt, &mut theirs)
        .unwrap();
        assert_eq!(*ours, theirs);
        assert_ne!(*ours, *derive_kek(b"correct horse!", &salt, p).unwrap());
        assert_ne!(
            *ours,
            *derive_kek(b"correct horse", &[8u8; SALT_LEN], p).unwrap()
        );
    }
}
