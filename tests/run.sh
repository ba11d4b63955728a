#!/usr/bin/env bash
# Runs every test suite of One Day, installing what a suite needs when it is missing.
#
#   tests/run.sh          all suites, in order; exits non-zero if any fails or cannot run
#
# Suites: rust-lints (fmt, clippy), rust (cargo test), kotlin (tests/kotlin/run.sh: the UniFFI Kotlin
# bindings on the JVM), android (tests/android/run.sh: the Android shell's presentation code on the JVM
# against the core, its manifest, a compile check of all its Kotlin against the Android framework, the
# real app under Robolectric on the real core with screenshots, and a signed APK built without Gradle),
# swift (tests/swift/run.sh: the UniFFI Swift bindings in a Debian trixie chroot), ios (tests/ios/run.sh:
# the iOS shell's view models against the core, in the same chroot; the Apple-only glue is only parsed),
# backup-vector (tests/backup-vector/run.sh: an independent Python reader of docs/backup-format.md opens
# the checked-in version-1 and version-2 backups and one the current CLI writes), keyring
# (tests/keyring/run.sh: the CLI's device key in a real Secret Service, gnome-keyring under
# dbus-run-session, both installed with apt-get when missing and running as root).
#
# Each suite prints one summary line ("suite NAME: passed|FAILED ..."), and the last line counts them.
# A suite that cannot run is reported as FAILED, never as passed.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

# The real meeting feeds published by fellowships live beside the clone (../shared/fixtures); the
# meetings tests read them from here. A bare clone has none: those tests are skipped and the rust
# suite's summary line counts them. With ONEDAY_FIXTURES set, or CI=true, missing feeds fail instead.
if [ -z "${ONEDAY_FIXTURES:-}" ] && [ -d "$root/../shared/fixtures" ]; then
    export ONEDAY_FIXTURES="$root/../shared/fixtures"
fi

passed=0
failed=0
summary=()
# A suite may set this to a note that its summary line shows after the time.
suite_note=""

# run_suite NAME COMMAND...: runs one suite and records its result.
run_suite() {
    local name="$1"
    shift
    local started=$SECONDS
    suite_note=""
    echo "==> suite $name"
    if "$@"; then
        passed=$((passed + 1))
        summary+=("suite $name: passed ($((SECONDS - started)) s${suite_note:+; $suite_note})")
    else
        failed=$((failed + 1))
        summary+=("suite $name: FAILED ($((SECONDS - started)) s${suite_note:+; $suite_note})")
    fi
}

need_cargo() {
    if ! command -v cargo >/dev/null 2>&1; then
        echo "cargo is not installed: install Rust with rustup (https://rustup.rs), then run this again" >&2
        return 1
    fi
}

rust_lints() {
    need_cargo || return 1
    local ok=0
    if cargo fmt --version >/dev/null 2>&1; then
        cargo fmt --all -- --check || ok=1
    else
        echo "!!!!!!!! rustfmt is NOT installed: formatting was NOT checked !!!!!!!!" >&2
    fi
    if cargo clippy --version >/dev/null 2>&1; then
        cargo clippy --workspace --all-targets --locked -- -D warnings || ok=1
    else
        echo "!!!!!!!! clippy is NOT installed: lints were NOT checked !!!!!!!!" >&2
    fi
    return $ok
}

# Each test skipped for want of the real feeds appends one line to $ONEDAY_SKIPPED_TESTS.
rust_tests() {
    need_cargo || return 1
    local skipped_log rc skipped
    skipped_log="$(mktemp)"
    ONEDAY_SKIPPED_TESTS="$skipped_log" cargo test --workspace --locked
    rc=$?
    skipped=$(wc -l <"$skipped_log")
    rm -f "$skipped_log"
    if [ "$skipped" -gt 0 ]; then
        suite_note="$skipped real-feed tests skipped: ../shared/fixtures not found"
    fi
    return $rc
}

# The binding suites build liboneday_ffi.so, generate Kotlin / Swift from it and run against it; each
# script installs its toolchain first (tests/toolchain/install.sh, idempotent).
kotlin_tests() {
    bash tests/kotlin/run.sh
}

# The Robolectric test count, the APK and the screenshot folder go into the suite's line.
android_tests() {
    local log rc
    log="$(mktemp)"
    bash tests/android/run.sh 2>&1 | tee "$log"
    rc=${PIPESTATUS[0]}
    suite_note="$(sed -n 's/^android: summary: //p' "$log" | tail -n 1)"
    rm -f "$log"
    return "$rc"
}

swift_tests() {
    bash tests/swift/run.sh
}

ios_tests() {
    bash tests/ios/run.sh
}

backup_vector_tests() {
    bash tests/backup-vector/run.sh
}

keyring_tests() {
    bash tests/keyring/run.sh
}

run_suite rust-lints rust_lints
run_suite rust rust_tests
run_suite backup-vector backup_vector_tests
run_suite keyring keyring_tests
run_suite kotlin kotlin_tests
run_suite android android_tests
run_suite swift swift_tests
run_suite ios ios_tests

echo
printf '%s\n' "${summary[@]}"
echo "suites: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
