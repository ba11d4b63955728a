//! Where the desktop store lives and how its device key is kept.
//!
//! The store is a folder: `--store DIR`, else `$XDG_DATA_HOME/oneday`, else `~/.local/share/oneday`.
//! The vault's device key is the 32-byte key a phone would keep in its Keystore or Keychain; on the
//! desktop it is either given in `ONEDAY_DEVICE_KEY` (64 hex digits; then no file is written) or kept
//! in `device.key` inside the store folder, readable by the owner only (0600). `oneday lock` removes
//! the key (and the vault's device slot); `oneday unlock --recovery` makes a new one.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use oneday_core::vault::DeviceKey;
use zeroize::Zeroizing;

use crate::error::CliError;

/// The environment variable that can hold the device key, as 64 hex digits.
pub const DEVICE_KEY_ENV: &str = "ONEDAY_DEVICE_KEY";

/// The file name of the device key inside the store folder.
const KEY_FILE: &str = "device.key";

/// A resolved store folder.
#[derive(Debug, Clone)]
pub struct StoreDir {
    /// The folder the vault lives in.
    pub dir: PathBuf,
}

impl StoreDir {
    /// `--store DIR`, or the XDG data folder.
    pub fn resolve(store: Option<&Path>) -> Result<StoreDir, CliError> {
        if let Some(dir) = store {
            return Ok(StoreDir {
                dir: dir.to_owned(),
            });
        }
        let data_home = std::env::var_os("XDG_DATA_HOME")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
            .ok_or(CliError::NoDataDir)?;
        Ok(StoreDir {
            dir: data_home.join("oneday"),
        })
    }

    /// Refuses a store folder that is a file, or that lies under a file: otherwise creating or
    /// opening the store fails later with a message about the device key file.
    pub fn check_is_folder(&self) -> Result<(), CliError> {
        for path in self.dir.ancestors() {
            match fs::metadata(path) {
                Ok(meta) if meta.is_dir() => return Ok(()),
                Ok(_) => return Err(CliError::StoreIsAFile(path.to_owned())),
                Err(_) => continue,
            }
        }
        Ok(())
    }

    /// The path of the key file.
    pub fn key_file(&self) -> PathBuf {
        self.dir.join(KEY_FILE)
    }

    /// The device key from the environment or the key file; `None` when there is none (locked).
    pub fn device_key(&self) -> Result<Option<DeviceKey>, CliError> {
        if let Some(hex) = std::env::var_os(DEVICE_KEY_ENV) {
            let hex = Zeroizing::new(hex.into_string().map_err(|_| CliError::BadDeviceKeyEnv)?);
            return decode_hex(hex.trim())
                .map(Some)
                .ok_or(CliError::BadDeviceKeyEnv);
        }
        let path = self.key_file();
        let text = match fs::read_to_string(&path) {
            Ok(t) => Zeroizing::new(t),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(CliError::KeyFile(e)),
        };
        decode_hex(text.trim())
            .map(Some)
            .ok_or(CliError::BadKeyFile)
    }

    /// Whether the device key comes from the environment (then no key file is kept).
    pub fn key_from_env() -> bool {
        std::env::var_os(DEVICE_KEY_ENV).is_some()
    }

    /// Writes the key file, owner-only, atomically (a temporary file renamed into place).
    pub fn write_device_key(&self, key: &DeviceKey) -> Result<(), CliError> {
        let mut tmp = tempfile::Builder::new()
            .prefix(".device.key.")
            .tempfile_in(&self.dir)
            .map_err(CliError::KeyFile)?;
        restrict_to_owner(tmp.path())?;
        let hex = Zeroizing::new(encode_hex(key.as_bytes()));
        tmp.write_all(hex.as_bytes()).map_err(CliError::KeyFile)?;
        tmp.as_file().sync_all().map_err(CliError::KeyFile)?;
        tmp.persist(self.key_file())
            .map_err(|e| CliError::KeyFile(e.error))?;
        Ok(())
    }

    /// Removes the key file, if there is one.
    pub fn remove_device_key(&self) -> Result<(), CliError> {
        match fs::remove_file(self.key_file()) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(CliError::KeyFile(e)),
        }
    }
}

#[cfg(unix)]
fn restrict_to_owner(path: &Path) -> Result<(), CliError> {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(0o600)).map_err(CliError::KeyFile)
}

#[cfg(not(unix))]
fn restrict_to_owner(_path: &Path) -> Result<(), CliError> {
    Ok(())
}

fn encode_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn decode_hex(text: &str) -> Option<DeviceKey> {
    if text.len() != 64 || !text.is_ascii() {
        return None;
    }
    let bytes: Zeroizing<Vec<u8>> = Zeroizing::new(
        (0..32)
            .map(|i| {
                text.get(2 * i..2 * i + 2)
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
            })
            .collect::<Option<Vec<u8>>>()?,
    );
    DeviceKey::from_bytes(&bytes).ok()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_file_on_the_store_path_is_named() {
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("notes.txt");
        fs::write(&file, "x").unwrap();
        for dir in [file.clone(), file.join("oneday")] {
            let err = StoreDir { dir }.check_is_folder().unwrap_err();
            assert!(
                matches!(&err, CliError::StoreIsAFile(p) if *p == file),
                "{err:?}"
            );
        }
        let fresh = StoreDir {
            dir: tmp.path().join("new/oneday"),
        };
        fresh.check_is_folder().unwrap();
    }

    #[test]
    fn hex_round_trip_and_rejects() {
        let key = DeviceKey::generate().unwrap();
        let hex = encode_hex(key.as_bytes());
        assert_eq!(decode_hex(&hex).unwrap().as_bytes(), key.as_bytes());
        assert!(decode_hex(&hex[..62]).is_none());
        assert!(decode_hex(&"zz".repeat(32)).is_none());
        assert!(decode_hex(&"é".repeat(32)).is_none());
    }
}
