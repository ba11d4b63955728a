#!/usr/bin/env bash
# The keyring suite: `oneday` keeps its device key in a real Secret Service (gnome-keyring under
# its own D-Bus session), reads it back and deletes it on lock and wipe (cli/tests/keyring_cli.rs,
# run with --ignored). The key-file fallback is tested by every other CLI test.
#
# Needs dbus-run-session (Debian: dbus) and gnome-keyring-daemon (Debian: gnome-keyring); installs
# them with apt-get when missing and running as root, and otherwise says plainly what is missing and
# fails. The keyring lives in a temporary HOME, never the user's own.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

if ! command -v dbus-run-session >/dev/null 2>&1 || ! command -v gnome-keyring-daemon >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "keyring: installing dbus and gnome-keyring (apt-get)"
        apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends dbus gnome-keyring >/dev/null
    else
        echo "keyring: CANNOT RUN: dbus-run-session and gnome-keyring-daemon are needed" >&2
        echo "         (as root on Debian: apt-get install -y dbus gnome-keyring); the keyring path was NOT tested" >&2
        exit 1
    fi
fi

cargo build --quiet --locked -p oneday-cli --tests
# The keyring gets a HOME of its own; cargo and rustup keep theirs.
export RUSTUP_HOME="${RUSTUP_HOME:-$HOME/.rustup}" CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}"
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT

# Inside a new session bus: start gnome-keyring with a "login" keyring unlocked by a throwaway
# password (it becomes the default collection), then run the ignored keyring tests.
HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_RUNTIME_DIR="$home" \
    dbus-run-session -- bash -c '
        set -euo pipefail
        printf "oneday-keyring-test" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
        cargo test --quiet --locked -p oneday-cli --test keyring_cli -- --ignored --test-threads=1
    '
echo "keyring: the device key was kept, read and deleted in a real Secret Service"
