#!/usr/bin/env bash
# The backup-vector suite: an independent Python reader, written from docs/backup-format.md alone,
# opens (1) the checked-in version-1 backup, (2) the checked-in version-2 backup and (3) a backup the
# current `oneday` writes now. If the document and the code disagree, this fails.
#
# Installs argon2-cffi and cryptography (pinned) into a venv under ~/.cache/oneday the first time.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
venv="${ONEDAY_CACHE:-$HOME/.cache/oneday}/backup-vector-venv"

if ! "$venv/bin/python" -c "import argon2, cryptography" 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet "argon2-cffi==25.1.0" "cryptography==50.0.2"
fi
py="$venv/bin/python"
reader="$root/tests/backup-vector/read_backup.py"

want="records=15 check_in=1 contact=2 counter=2 meeting=6 meeting_source=1 plan=2 setting=1"
for version in 1 2; do
    fixture="$root/core/tests/fixtures/backup-v$version"
    got="$("$py" "$reader" "$fixture/backup.oneday" "$fixture/passphrase.txt")"
    echo "checked-in v$version backup: $got"
    case "$got" in
        "version=$version m=19456 t=2 p=1 kind=passphrase "*"$want") ;;
        *) echo "expected version=$version m=19456 t=2 p=1 kind=passphrase and $want" >&2; exit 1 ;;
    esac
done

cargo build --quiet --locked -p oneday-cli
oneday="$root/target/debug/oneday"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export TZ=UTC
"$oneday" --store "$tmp/store" init >/dev/null
"$oneday" --store "$tmp/store" counter add Alcohol --since 2024-01-01 >/dev/null
printf 'Sam\n' | "$oneday" --store "$tmp/store" contacts add - --role sponsor --phone "+44 20 7946 0321" >/dev/null
printf 'a passphrase for the vector\n' >"$tmp/pass"
cat "$tmp/pass" "$tmp/pass" | "$oneday" --store "$tmp/store" backup export "$tmp/backup" >/dev/null
got="$("$py" "$reader" "$tmp/backup" "$tmp/pass")"
echo "fresh backup:          $got"
case "$got" in
    "version=2 m=65536 t=3 p=1 kind=passphrase "*"records=2 contact=1 counter=1") ;;
    *) echo "expected version=2 m=65536 t=3 p=1 and records=2 contact=1 counter=1" >&2; exit 1 ;;
esac
if [ "$(stat -c %a "$tmp/backup")" != 600 ]; then
    echo "the backup file is not owner-only (0600)" >&2; exit 1
fi
echo "backup-vector: all three backups open with the documented format"
