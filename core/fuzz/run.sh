#!/usr/bin/env bash
# Runs the oneday-core fuzz targets, one after another, each for a set time (see docs/fuzzing.md).
#
#   core/fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]
#
# SECONDS_PER_TARGET defaults to 600; the targets default to all of them. Needs the nightly
# toolchain (rustup toolchain install nightly); installs cargo-fuzz if it is missing.
#
# Each target's corpus (core/fuzz/corpus/<target>/, not in git) is seeded from the committed seeds
# (core/fuzz/seeds/<target>/), the project's sample feeds (core/tests/fixtures/meetings/) and, for
# the feed targets, the shared fixtures (ONEDAY_FIXTURES, else ../shared/fixtures beside the
# repository; each fixture feed also cut down to its first few records so it fits -max_len).
# Any crash is copied into core/fuzz/regressions/<target>/, which `cargo test` replays
# (core/tests/fuzz_regressions.rs). Logs go to core/fuzz/logs/<target>.log. The summary gives each
# target's wall time and CPU time (user + system, from /usr/bin/time): on a busy machine the CPU
# time is what the fuzzer really got.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
seconds="${1:-600}"
shift || true
all=(meeting_guide_feed bmlt_feed bmlt_formats sealed_record date phone backup_file)
if [ "$#" -gt 0 ]; then targets=("$@"); else targets=("${all[@]}"); fi

fixtures="${ONEDAY_FIXTURES:-$repo/../shared/fixtures}"
if [ ! -d "$fixtures/meeting-guide" ]; then
    echo "note: no shared fixtures at $fixtures (set ONEDAY_FIXTURES); seeding from the project's own samples only" >&2
    fixtures=""
fi

if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
    echo "installing cargo-fuzz" >&2
    cargo install cargo-fuzz --locked
fi

# The longest input each target is given, in bytes.
max_len() {
    case "$1" in
        meeting_guide_feed | bmlt_feed) echo 65536 ;;
        bmlt_formats) echo 16384 ;;
        sealed_record) echo 4096 ;;
        backup_file) echo 65536 ;;
        date | phone) echo 128 ;;
        *) echo "unknown target $1" >&2; exit 2 ;;
    esac
}

dict() {
    case "$1" in
        meeting_guide_feed) echo "$here/dicts/meeting_guide.dict" ;;
        bmlt_feed | bmlt_formats) echo "$here/dicts/bmlt.dict" ;;
        *) echo "" ;;
    esac
}

# Copies a JSON feed into the corpus whole (if it fits) and as its first 3 and 20 records.
add_feed() {
    local file="$1" corpus="$2" name
    name="$(basename "$file" .json)"
    cp "$file" "$corpus/$name.json"
    if command -v jq >/dev/null 2>&1; then
        for n in 3 20; do
            jq -c "if type == \"array\" then .[:$n]
                   elif type == \"object\" and (.meetings | type) == \"array\" then .meetings |= .[:$n]
                   elif type == \"object\" and (.formats | type) == \"array\" then .formats |= .[:$n]
                   else . end" "$file" >"$corpus/$name.first$n.json" 2>/dev/null || rm -f "$corpus/$name.first$n.json"
        done
    fi
}

seed() {
    local t="$1" corpus="$here/corpus/$1"
    mkdir -p "$corpus"
    cp "$here/seeds/$t/"* "$corpus/" 2>/dev/null || true
    local samples="$repo/core/tests/fixtures/meetings"
    case "$t" in
        meeting_guide_feed)
            add_feed "$samples/meeting-guide-sample.json" "$corpus"
            if [ -n "$fixtures" ]; then for f in "$fixtures"/meeting-guide/*.json; do add_feed "$f" "$corpus"; done; fi
            ;;
        bmlt_feed)
            add_feed "$samples/bmlt-search-sample.json" "$corpus"
            if [ -n "$fixtures" ]; then for f in "$fixtures"/bmlt/*GetSearchResults*.json; do add_feed "$f" "$corpus"; done; fi
            ;;
        bmlt_formats)
            add_feed "$samples/bmlt-formats-sample.json" "$corpus"
            if [ -n "$fixtures" ]; then for f in "$fixtures"/bmlt/*GetFormats*.json; do add_feed "$f" "$corpus"; done; fi
            ;;
    esac
}

cd "$here"
# Build once, then run the binaries directly: editing the sources during a long run does not
# rebuild (or break) the targets still to come.
cargo +nightly fuzz build -O
bin="$here/target/$(rustc +nightly -vV | sed -n 's/^host: //p')/release"
mkdir -p logs
summary=()
status=0
for t in "${targets[@]}"; do
    seed "$t"
    mkdir -p "artifacts/$t" "regressions/$t"
    touch "logs/$t.started"
    args=(-max_total_time="$seconds" -max_len="$(max_len "$t")" -timeout=10 -rss_limit_mb=2048
        -print_final_stats=1)
    d="$(dict "$t")"
    if [ -n "$d" ]; then args+=(-dict="$d"); fi
    echo "== $t: ${seconds}s" >&2
    started="$(date +%s)"
    set +e
    /usr/bin/time -o "logs/$t.time" -f '%U %S' "$bin/$t" "${args[@]}" -artifact_prefix="artifacts/$t/" "corpus/$t" >"logs/$t.log" 2>&1
    rc=$?
    set -e
    took=$(($(date +%s) - started))
    cpu="$(awk '/^[0-9.]+ [0-9.]+$/ { printf "%.0f", $1 + $2 }' "logs/$t.time" 2>/dev/null)"
    # Copy only what this run found (older artifacts may have been minimised and renamed).
    crashes=0
    for f in "artifacts/$t"/*; do
        [ -e "$f" ] || continue
        if [ "$f" -nt "logs/$t.started" ]; then
            cp "$f" "regressions/$t/"
            crashes=$((crashes + 1))
        fi
    done
    runs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "logs/$t.log" | grep -o '[0-9]*$' | tail -1)"
    speed="$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "logs/$t.log" | grep -o '[0-9]*$' | tail -1)"
    cov="$(grep -o 'cov: [0-9]*' "logs/$t.log" | tail -1 | grep -o '[0-9]*')"
    ft="$(grep -o 'ft: [0-9]*' "logs/$t.log" | tail -1 | grep -o '[0-9]*')"
    corpus="$(ls "corpus/$t" | wc -l)"
    line="$t: ran ${took}s of ${seconds}s cpu=${cpu:-?}s runs=${runs:-?} execs/s=${speed:-?} cov=${cov:-?} ft=${ft:-?} corpus=$corpus crashes=$crashes exit=$rc"
    summary+=("$line")
    echo "$line" >&2
    if [ "$rc" -ne 0 ] || [ "$crashes" -ne 0 ]; then status=1; fi
done

echo "== summary"
printf '%s\n' "${summary[@]}"
exit "$status"
