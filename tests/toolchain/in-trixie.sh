#!/usr/bin/env bash
# Run one command inside the Debian trixie root (Swift 6.0) that install.sh made.
#
#   tests/toolchain/in-trixie.sh [-C DIR] [-e NAME=VALUE]... CMD [ARG...]
#
#   -C DIR          working directory inside the chroot (default /oneday/repo)
#   -e NAME=VALUE   environment variable for the command (repeatable; the command otherwise gets a clean
#                   environment: HOME=/root, PATH, LANG=C.UTF-8)
#   --bare          (install.sh only) no ready check and no bind mounts of the clone
#
# Inside the chroot the clone is at /oneday/repo and the cargo target dir (CARGO_TARGET_DIR, else
# <clone>/target) at /oneday/target, both read-write. /proc is mounted and /dev bound only for the command's
# lifetime, in a private mount namespace (unshare), so the host never sees these mounts: two runs at once do
# not unmount each other's /proc, and a killed run leaves nothing mounted behind. A trap unmounts on EXIT too.
# Exit status is the command's.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=tests/toolchain/env.sh
source "$HERE/env.sh"

die() { echo "in-trixie.sh: $*" >&2; exit 2; }

bare=0
cwd=""
envs=()
while [ $# -gt 0 ]; do
    case "$1" in
        -C) [ $# -ge 2 ] || die "-C needs a directory"; cwd="$2"; shift 2 ;;
        -e) [ $# -ge 2 ] || die "-e needs NAME=VALUE"; envs+=("$2"); shift 2 ;;
        --bare) bare=1; shift ;;
        --) shift; break ;;
        -*) die "unknown option $1" ;;
        *) break ;;
    esac
done
[ $# -gt 0 ] || die "usage: in-trixie.sh [-C DIR] [-e NAME=VALUE]... CMD [ARG...]"
[ "$(id -u)" -eq 0 ] || die "needs root (chroot, mount)"

ROOT="$TRIXIE_ROOT"
[ -d "$ROOT" ] || die "no trixie root at $ROOT: run tests/toolchain/install.sh"
if [ "$bare" -eq 0 ] && [ ! -f "$ROOT/.oneday-ready" ]; then
    die "trixie root at $ROOT is not ready (no .oneday-ready): run tests/toolchain/install.sh"
fi
[ -n "$cwd" ] || { if [ "$bare" -eq 1 ]; then cwd=/; else cwd="$TRIXIE_REPO_MOUNT"; fi; }

if [ -z "${ONEDAY_IN_TRIXIE_INNER:-}" ]; then
    if [ "$bare" -eq 0 ]; then
        # Shared lock: install.sh takes it exclusively before it rebuilds the root.
        exec 8>"$ONEDAY_CACHE/.trixie.lock"
        flock -s 8
    fi
    # Re-run this script in a private mount namespace; all mounts below die with it.
    args=()
    [ "$bare" -eq 1 ] && args+=(--bare)
    args+=(-C "$cwd")
    for e in ${envs[@]+"${envs[@]}"}; do args+=(-e "$e"); done
    ONEDAY_IN_TRIXIE_INNER=1 exec unshare --mount --propagation private -- \
        "$BASH" "$HERE/in-trixie.sh" "${args[@]}" -- "$@"
fi

# ---- inside the private mount namespace ----
mounted=()
# shellcheck disable=SC2317  # called through the EXIT trap
cleanup() {
    local i
    for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
        umount -R "${mounted[$i]}" 2>/dev/null || umount -l "${mounted[$i]}" 2>/dev/null || true
    done
}
trap cleanup EXIT

mount -t proc proc "$ROOT/proc" || die "cannot mount proc on $ROOT/proc"
mounted+=("$ROOT/proc")
mount --rbind /dev "$ROOT/dev" || die "cannot bind /dev into $ROOT/dev"
mounted+=("$ROOT/dev")

if [ "$bare" -eq 0 ]; then
    target="${CARGO_TARGET_DIR:-$ONEDAY_REPO/target}"
    mkdir -p "$target"
    target="$(cd "$target" && pwd)"
    mkdir -p "$ROOT$TRIXIE_REPO_MOUNT" "$ROOT$TRIXIE_TARGET_MOUNT"
    mount --bind "$ONEDAY_REPO" "$ROOT$TRIXIE_REPO_MOUNT" || die "cannot bind $ONEDAY_REPO"
    mounted+=("$ROOT$TRIXIE_REPO_MOUNT")
    mount --bind "$target" "$ROOT$TRIXIE_TARGET_MOUNT" || die "cannot bind $target"
    mounted+=("$ROOT$TRIXIE_TARGET_MOUNT")
fi

set +e
# shellcheck disable=SC2016  # $1 and $@ are for the inner sh
chroot "$ROOT" /usr/bin/env -i \
    HOME=/root \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    LANG=C.UTF-8 \
    TERM="${TERM:-dumb}" \
    ${envs[@]+"${envs[@]}"} \
    /bin/sh -c 'cd "$1" || exit 2; shift; exec "$@"' in-trixie "$cwd" "$@"
status=$?
set -e
exit "$status"
