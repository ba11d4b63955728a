//! The panic wipe against someone who images the disk: a store on a small ext4 image (a loop
//! mount, as root) goes through init, lock, unlock with the recovery code and a passphrase change,
//! then `oneday wipe --yes`; the raw image is then searched for every device key the store ever
//! had and for every canary typed into it.
//!
//! Where the machine does not allow a loop mount (not root, no loop device), the test says so on
//! stderr and passes without checking anything.
#![allow(clippy::unwrap_used, missing_docs)]

mod harness;
use harness::oneday_with_key;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A mounted ext4 image, unmounted on drop.
struct Image {
    _tmp: tempfile::TempDir,
    file: PathBuf,
    mnt: PathBuf,
    mounted: bool,
}

impl Image {
    /// Makes and mounts an 8 MiB ext4 image, or says why it cannot.
    fn mount() -> Result<Image, String> {
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("disk.img");
        let mnt = tmp.path().join("mnt");
        std::fs::create_dir(&mnt).unwrap();
        std::fs::File::create(&file)
            .unwrap()
            .set_len(8 << 20)
            .unwrap();
        run("mkfs.ext4", &["-q".as_ref(), file.as_os_str()])?;
        run(
            "mount",
            &[
                "-o".as_ref(),
                "loop".as_ref(),
                file.as_os_str(),
                mnt.as_os_str(),
            ],
        )?;
        Ok(Image {
            _tmp: tmp,
            file,
            mnt,
            mounted: true,
        })
    }

    fn unmount(&mut self) {
        if self.mounted {
            run("umount", &[self.mnt.as_os_str()]).unwrap();
            self.mounted = false;
        }
    }
}

impl Drop for Image {
    fn drop(&mut self) {
        if self.mounted {
            let _ = Command::new("umount").arg(&self.mnt).status();
        }
    }
}

fn run(cmd: &str, args: &[&std::ffi::OsStr]) -> Result<(), String> {
    match Command::new(cmd).args(args).output() {
        Ok(o) if o.status.success() => Ok(()),
        Ok(o) => Err(format!(
            "{cmd}: {}",
            String::from_utf8_lossy(&o.stderr).trim()
        )),
        Err(e) => Err(format!("{cmd}: {e}")),
    }
}

/// `oneday --store DIR ARGS` with `stdin` (and the device key from the environment when given),
/// which must succeed.
fn oneday(dir: &Path, device_key: Option<&str>, args: &[&str], stdin: &str) -> Output {
    let out = oneday_with_key(dir, device_key, args, stdin);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn random_hex(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut buf))
        .unwrap();
    buf.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Canaries of random letters, each typed into a different kind of record.
fn canaries() -> Vec<String> {
    (0..3)
        .map(|_| {
            random_hex(12)
                .bytes()
                .map(|b| char::from(b'g' + b % 20))
                .collect()
        })
        .collect()
}

/// The life of a store on the image, ending in `wipe --yes`. Returns every device key (hex) it had.
fn live_and_wipe(dir: &Path, env_key: Option<&str>, canary: &[String]) -> Vec<String> {
    let key_file = dir.join("device.key");
    let mut keys: Vec<String> = env_key.map(str::to_owned).into_iter().collect();
    let note_key = |keys: &mut Vec<String>| {
        if let Ok(k) = std::fs::read_to_string(&key_file) {
            keys.push(k.trim().to_owned());
        }
    };
    let init = oneday(dir, env_key, &["init"], "");
    let init = String::from_utf8(init.stdout).unwrap();
    let code = init
        .lines()
        .map(str::trim)
        .find(|l| l.len() == 39 && l.matches('-').count() == 7)
        .unwrap()
        .to_owned();
    note_key(&mut keys);
    oneday(
        dir,
        env_key,
        &["counter", "add", "-", "--since", "2024-01-01"],
        &format!("{}\n", canary[0]),
    );
    oneday(dir, env_key, &["lock"], &format!("{code}\n"));
    oneday(
        dir,
        env_key,
        &["unlock", "--recovery"],
        &format!("{code}\n"),
    );
    note_key(&mut keys);
    oneday(
        dir,
        env_key,
        &["checkin", "--journal", "-"],
        &format!("{}\n", canary[1]),
    );
    let pass = "lantern orbit pickle thursday";
    oneday(
        dir,
        env_key,
        &["passphrase", "change"],
        &format!("{code}\n{pass}\n{pass}\n"),
    );
    oneday(
        dir,
        env_key,
        &["counter", "add", "-", "--since", "2025-02-02"],
        &format!("{}\n", canary[2]),
    );
    oneday(dir, env_key, &["wipe", "--yes"], "");
    assert!(!dir.join("vault.db").exists());
    keys
}

fn check_image(image: &mut Image, keys: &[String], canary: &[String]) {
    image.unmount();
    let raw = std::fs::read(&image.file).unwrap();
    assert!(!keys.is_empty());
    for k in keys {
        assert!(
            !contains(&raw, k.as_bytes()),
            "a device key (hex) is on the disk"
        );
        assert!(
            !contains(&raw, &unhex(k)),
            "a device key (raw) is on the disk"
        );
    }
    for c in canary {
        assert!(!contains(&raw, c.as_bytes()), "a canary is on the disk");
        let utf16: Vec<u8> = c.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert!(!contains(&raw, &utf16), "a canary (UTF-16) is on the disk");
    }
}

/// The mounted image, or `None` after saying plainly why there is none.
fn image_or_skip() -> Option<Image> {
    match Image::mount() {
        Ok(image) => Some(image),
        Err(why) => {
            eprintln!("SKIPPED ext4 image wipe test: no loop mount here (needs root): {why}");
            None
        }
    }
}

#[test]
fn after_wipe_an_ext4_image_holds_no_device_key_and_no_canary_env_key() {
    let Some(mut image) = image_or_skip() else {
        return;
    };
    let canary = canaries();
    let key = random_hex(32);
    let keys = live_and_wipe(&image.mnt.join("store"), Some(&key), &canary);
    check_image(&mut image, &keys, &canary);
}

/// The same with the key kept in `device.key`: every key file the store had (the one `lock`
/// removed, the one `unlock` wrote) must have been destroyed in place, not just unlinked.
#[test]
fn after_wipe_an_ext4_image_holds_no_device_key_and_no_canary_key_file() {
    let Some(mut image) = image_or_skip() else {
        return;
    };
    let canary = canaries();
    let keys = live_and_wipe(&image.mnt.join("store"), None, &canary);
    assert_eq!(keys.len(), 2, "init and unlock each made a key file");
    check_image(&mut image, &keys, &canary);
}
