#!/usr/bin/env bash
# Install the Kotlin (JVM) and Swift (Linux) toolchains of the bindings' test suites into the cache folder
# ${ONEDAY_CACHE:-$HOME/.cache/oneday}, outside the clone. Idempotent: a second run reuses what is there.
#
#   kotlinc/            kotlinc 2.x (npm package kotlin-compiler; bundles kotlin-stdlib, kotlinx-coroutines)
#   jars/               JNA and the JUnit 5 console launcher, from Maven Central, sha1-checked; the Android
#                       framework jar (org.robolectric:android-all) for the Android shell's compile check,
#                       checked against the sha256 pinned in env.sh, and androidx.annotation (compile-only)
#   trixie/             Debian trixie root (debootstrap) with swiftlang (Swift 6.0) and libc6-dev
#
# Every step prints one line: reused or installed, and how long it took. A failing step stops the script
# with a message and a non-zero status. Each piece is built in a temporary place and becomes visible (or
# gets its marker file) only once it works, so an interrupted run is redone from a clean state, and two runs
# at once take turns on a lock. Needs root for the trixie step (apt-get, debootstrap, chroot).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=tests/toolchain/env.sh
source "$HERE/env.sh"

STEP="setup"
DIED=0
die() { echo "install.sh: FAILED: $STEP: $*" >&2; DIED=1; exit 1; }
on_exit() {
    local rc=$?
    if [ "$rc" -ne 0 ] && [ "$DIED" -eq 0 ]; then
        echo "install.sh: FAILED: $STEP (a command exited $rc)" >&2
    fi
}
trap on_exit EXIT
trap 'echo "install.sh: INTERRUPTED during $STEP (rerun to finish; unfinished steps start over)" >&2; DIED=1; exit 130' INT TERM

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
report() { printf 'install: %-58s %-9s %6ss\n' "$1" "$2" "$(since "$3")"; }

mkdir -p "$ONEDAY_CACHE" "$ONEDAY_CACHE/logs" "$ONEDAY_JARS"
ONEDAY_CACHE="$(cd "$ONEDAY_CACHE" && pwd)"

# One install at a time; a second one waits, then finds everything in place and reuses it.
exec 9>"$ONEDAY_CACHE/.install.lock"
if ! flock -n 9; then
    echo "install: waiting for another install.sh to finish (lock $ONEDAY_CACHE/.install.lock)"
    flock 9
fi

# Leftovers of an interrupted run (safe to delete: we hold the lock).
rm -rf "$ONEDAY_CACHE"/.tmp-kotlinc.* "$ONEDAY_CACHE"/.tmp-robolectric.* "$ONEDAY_CACHE"/.tmp-framework-res.* \
    "$ONEDAY_JARS"/*.part.* "$ONEDAY_CACHE"/*.part.* "$ROBOLECTRIC_SDK_DIR"/*.part.*

# ---------------------------------------------------------------------------------------------------------
# 1. kotlinc
install_kotlinc() {
    STEP="kotlinc $ONEDAY_KOTLIN_VERSION"
    local t0 marker tmp
    t0="$(now)"
    marker="$KOTLIN_HOME/.oneday-ready"
    if [ -f "$marker" ] && [ "$(cat "$marker")" = "$ONEDAY_KOTLIN_VERSION" ] && [ -x "$KOTLINC" ]; then
        report "$STEP ($KOTLIN_HOME)" reused "$t0"
        return
    fi
    command -v npm >/dev/null || die "npm not found (needed to fetch the kotlin-compiler package)"
    command -v java >/dev/null || die "java not found (kotlinc runs on a JDK)"
    tmp="$(mktemp -d "$ONEDAY_CACHE/.tmp-kotlinc.XXXXXX")"
    # npm verifies the tarball against the registry's integrity hash; its own cache is kept in tmp.
    (cd "$tmp" && npm pack --silent --cache "$tmp/npm-cache" "kotlin-compiler@$ONEDAY_KOTLIN_VERSION" \
        >"$ONEDAY_CACHE/logs/npm-pack.log" 2>&1) \
        || { tail -n 20 "$ONEDAY_CACHE/logs/npm-pack.log" >&2; rm -rf "$tmp"; die "npm pack kotlin-compiler@$ONEDAY_KOTLIN_VERSION failed"; }
    tar -xzf "$tmp/kotlin-compiler-$ONEDAY_KOTLIN_VERSION.tgz" -C "$tmp" || { rm -rf "$tmp"; die "cannot unpack the tarball"; }
    chmod +x "$tmp/package/bin/"* 2>/dev/null || true
    [ -f "$tmp/package/lib/kotlin-stdlib.jar" ] || { rm -rf "$tmp"; die "package has no lib/kotlin-stdlib.jar"; }
    local got
    got="$("$tmp/package/bin/kotlinc-jvm" -version 2>&1)" || { echo "$got" >&2; rm -rf "$tmp"; die "kotlinc-jvm -version failed"; }
    case "$got" in *"$ONEDAY_KOTLIN_VERSION"*) ;; *) echo "$got" >&2; rm -rf "$tmp"; die "kotlinc-jvm reports another version" ;; esac
    rm -rf "$KOTLIN_HOME"
    mv "$tmp/package" "$KOTLIN_HOME"
    echo "$ONEDAY_KOTLIN_VERSION" >"$marker"
    rm -rf "$tmp"
    report "$STEP ($KOTLIN_HOME)" installed "$t0"
}

# ---------------------------------------------------------------------------------------------------------
# 2. jars from Maven Central (the URL that mvn uses by default; no mirror is configured on these machines)
fetch_jar() { # group artifact version dest [pinned-sha256] [extension]
    local group="$1" artifact="$2" version="$3" dest="$4" pinned="${5:-}" ext="${6:-jar}"
    STEP="jar $group:$artifact:$version"
    local t0 url part want have
    t0="$(now)"
    if [ -s "$dest" ]; then
        report "$STEP" reused "$t0"
        return
    fi
    url="$ONEDAY_MAVEN_REPO/${group//.//}/$artifact/$version/$artifact-$version.$ext"
    part="$dest.part.$$"
    curl -fsSL --retry 3 --connect-timeout 30 -o "$part" "$url" || { rm -f "$part"; die "download failed: $url"; }
    if [ -n "$pinned" ]; then
        # A pinned sha256 (env.sh) is checked first: it does not depend on what the repository says today.
        have="$(sha256sum "$part" | awk '{ print $1 }')"
        if [ "$pinned" != "$have" ]; then
            rm -f "$part"
            die "sha256 mismatch for $url (pinned $pinned, file $have)"
        fi
    fi
    want="$(curl -fsSL --retry 3 --connect-timeout 30 "$url.sha1" | awk '{ print $1 }')" \
        || { rm -f "$part"; die "download failed: $url.sha1"; }
    have="$(sha1sum "$part" | awk '{ print $1 }')"
    if [ -z "$want" ] || [ "$want" != "$have" ]; then
        rm -f "$part"
        die "sha1 mismatch for $url (repo $want, file $have)"
    fi
    mv -f "$part" "$dest"
    report "$STEP" installed "$t0"
}

# ---------------------------------------------------------------------------------------------------------
# 3. Robolectric and the APK tools
install_robolectric() {
    STEP="robolectric $ONEDAY_ROBOLECTRIC_VERSION (mvn dependency:copy-dependencies)"
    local t0 tmp log aar
    t0="$(now)"
    if [ -f "$ROBOLECTRIC_HOME/.oneday-ready" ]; then
        report "$STEP" reused "$t0"
        return
    fi
    command -v mvn >/dev/null || die "mvn not found (it resolves Robolectric's dependency tree)"
    tmp="$(mktemp -d "$ONEDAY_CACHE/.tmp-robolectric.XXXXXX")"
    log="$ONEDAY_CACHE/logs/robolectric-mvn.log"
    cat >"$tmp/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>org.oneday</groupId><artifactId>robolectric-fetch</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>org.robolectric</groupId><artifactId>robolectric</artifactId>
      <version>$ONEDAY_ROBOLECTRIC_VERSION</version></dependency>
  </dependencies>
</project>
POM
    # Its own local repository inside tmp: nothing is left in ~/.m2, and a partial fetch dies with tmp.
    (cd "$tmp" && mvn -q -B -Dmaven.repo.local="$tmp/m2" dependency:copy-dependencies \
        -DoutputDirectory="$tmp/jars" >"$log" 2>&1) \
        || { tail -n 20 "$log" >&2; rm -rf "$tmp"; die "mvn dependency:copy-dependencies failed (log: $log)"; }
    # androidx.test:monitor and espresso-idling-resource arrive as AARs: their classes.jar goes on the path.
    for aar in "$tmp/jars"/*.aar; do
        [ -f "$aar" ] || continue
        unzip -p "$aar" classes.jar >"${aar%.aar}.jar" || { rm -rf "$tmp"; die "cannot unpack $aar"; }
        rm -f "$aar"
    done
    ls "$tmp/jars"/robolectric-"$ONEDAY_ROBOLECTRIC_VERSION".jar >/dev/null 2>&1 \
        || { rm -rf "$tmp"; die "no robolectric-$ONEDAY_ROBOLECTRIC_VERSION.jar among the copied jars"; }
    mkdir -p "$ROBOLECTRIC_HOME"
    rm -rf "$ROBOLECTRIC_JARS"
    mv "$tmp/jars" "$ROBOLECTRIC_JARS"
    rm -rf "$tmp"
    echo "$ONEDAY_ROBOLECTRIC_VERSION" >"$ROBOLECTRIC_HOME/.oneday-ready"
    report "$STEP" installed "$t0"
}

install_framework_res() {
    STEP="API 33 framework resources for aapt"
    local t0 jar tmp
    t0="$(now)"
    if [ -s "$ANDROID_FRAMEWORK_RES" ]; then
        report "$STEP" reused "$t0"
        return
    fi
    jar="$ONEDAY_CACHE/.tmp-android-all-$ONEDAY_ANDROID_RES_VERSION.jar"
    fetch_jar org.robolectric android-all "$ONEDAY_ANDROID_RES_VERSION" "$jar"
    STEP="API 33 framework resources for aapt"
    tmp="$(mktemp -d "$ONEDAY_CACHE/.tmp-framework-res.XXXXXX")"
    # aapt v1 cannot open the zip64 android-all jar nor parse API 35/36's resources.arsc: a small zip of
    # API 33's resources.arsc and AndroidManifest.xml is its -I.
    (cd "$tmp" && unzip -q "$jar" resources.arsc AndroidManifest.xml && zip -q -0 res.zip resources.arsc AndroidManifest.xml) \
        || { rm -rf "$tmp"; die "cannot extract resources.arsc from $jar"; }
    mv "$tmp/res.zip" "$ANDROID_FRAMEWORK_RES"
    rm -rf "$tmp" "$jar"
    report "$STEP" installed "$t0"
}

install_apk_tools() {
    STEP="host aapt zipalign apksigner (apt)"
    local t0 missing=() tool
    t0="$(now)"
    for tool in aapt zipalign apksigner; do
        command -v "$tool" >/dev/null || missing+=("$tool")
    done
    if [ "${#missing[@]}" -eq 0 ]; then
        report "$STEP" reused "$t0"
        return
    fi
    export DEBIAN_FRONTEND=noninteractive
    local log="$ONEDAY_CACHE/logs/apt-apk-tools.log"
    if ! apt-get install -y -q --no-install-recommends "${missing[@]}" >"$log" 2>&1; then
        apt-get update -q >>"$log" 2>&1 || true
        apt-get install -y -q --no-install-recommends "${missing[@]}" >>"$log" 2>&1 \
            || { tail -n 20 "$log" >&2; die "apt-get install ${missing[*]} failed"; }
    fi
    report "$STEP (${missing[*]})" installed "$t0"
}

# ---------------------------------------------------------------------------------------------------------
# 4. Debian trixie root with Swift
debian_mirror() {
    # The first Debian archive (URL ending in /debian) in the host's own apt sources.
    if [ -n "${ONEDAY_DEBIAN_MIRROR:-}" ]; then echo "$ONEDAY_DEBIAN_MIRROR"; return; fi
    local f
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
        [ -f "$f" ] || continue
        case "$f" in
            *.sources) awk 'tolower($1) == "uris:" { for (i = 2; i <= NF; i++) print $i }' "$f" ;;
            *) awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /:\/\//) { print $i; break } }' "$f" ;;
        esac
    done | sed 's:/*$::' | grep -E '/debian$' | head -n 1
}

mounts_under() { # print mount points at or below $1 (in this mount namespace)
    awk -v root="$1" '$5 == root || index($5, root "/") == 1 { print $5 }' /proc/self/mountinfo
}

install_debootstrap() {
    STEP="host debootstrap"
    local t0
    t0="$(now)"
    if command -v debootstrap >/dev/null; then
        report "$STEP" reused "$t0"
        return
    fi
    export DEBIAN_FRONTEND=noninteractive
    if ! apt-get install -y -q debootstrap >"$ONEDAY_CACHE/logs/apt-debootstrap.log" 2>&1; then
        apt-get update -q >>"$ONEDAY_CACHE/logs/apt-debootstrap.log" 2>&1 || true
        apt-get install -y -q debootstrap >>"$ONEDAY_CACHE/logs/apt-debootstrap.log" 2>&1 \
            || { tail -n 20 "$ONEDAY_CACHE/logs/apt-debootstrap.log" >&2; die "apt-get install debootstrap failed"; }
    fi
    report "$STEP" installed "$t0"
}

install_trixie() {
    local root="$TRIXIE_ROOT" t0 mirror log
    STEP="trixie root"
    t0="$(now)"
    if [ -f "$root/.oneday-ready" ] && [ -e "$root/usr/libexec/swift/bin/swift" ]; then
        report "$STEP + swift ($(cat "$root/.oneday-ready"))" reused "$t0"
        return
    fi
    [ "$(id -u)" -eq 0 ] || die "needs root (debootstrap, chroot)"
    # Wait for in-trixie.sh runs still using an old root (they hold the lock shared).
    exec 8>"$ONEDAY_CACHE/.trixie.lock"
    flock 8
    if [ -n "$(mounts_under "$root")" ]; then
        die "something is mounted under $root ($(mounts_under "$root" | tr '\n' ' ')); unmount it first"
    fi
    install_debootstrap
    STEP="trixie base (debootstrap)"
    t0="$(now)"
    if [ -f "$root/.oneday-debootstrap-done" ]; then
        report "$STEP" reused "$t0"
    else
        mirror="$(debian_mirror)"
        [ -n "$mirror" ] || die "no Debian mirror in /etc/apt/sources.list*; set ONEDAY_DEBIAN_MIRROR"
        rm -rf --one-file-system "$root"
        log="$ONEDAY_CACHE/logs/debootstrap.log"
        debootstrap --variant=minbase "$ONEDAY_DEBIAN_SUITE" "$root" "$mirror" >"$log" 2>&1 \
            || { tail -n 20 "$log" >&2; die "debootstrap $ONEDAY_DEBIAN_SUITE from $mirror failed (log: $log)"; }
        touch "$root/.oneday-debootstrap-done"
        report "$STEP from $mirror" installed "$t0"
    fi
    STEP="trixie swiftlang libc6-dev"
    t0="$(now)"
    log="$ONEDAY_CACHE/logs/apt-swift.log"
    cp -L /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
    # libc6-dev must be named: with --no-install-recommends swiftlang alone lacks the C startup files.
    "$IN_TRIXIE" --bare -e DEBIAN_FRONTEND=noninteractive /bin/sh -c '
        set -e
        dpkg --configure -a
        apt-get update -q
        apt-get install -y -q --no-install-recommends swiftlang libc6-dev
        apt-get clean
    ' >"$log" 2>&1 || { tail -n 20 "$log" >&2; die "apt-get install swiftlang libc6-dev in the chroot failed (log: $log)"; }
    local version
    version="$("$IN_TRIXIE" --bare swift --version 2>&1 | head -n 1)" \
        || { echo "$version" >&2; die "swift --version fails in the chroot"; }
    case "$version" in *"Swift version 6."*) ;; *) die "unexpected swift version: $version" ;; esac
    echo "$version" >"$root/.oneday-ready"
    report "$STEP ($version)" installed "$t0"
}

T_ALL="$(now)"
install_kotlinc
fetch_jar net.java.dev.jna jna "$ONEDAY_JNA_VERSION" "$JNA_JAR"
fetch_jar org.junit.platform junit-platform-console-standalone "$ONEDAY_JUNIT_PLATFORM_VERSION" "$JUNIT_JAR"
fetch_jar org.robolectric android-all "$ONEDAY_ANDROID_ALL_VERSION" "$ANDROID_ALL_JAR" "$ONEDAY_ANDROID_ALL_SHA256"
fetch_jar androidx.annotation annotation-jvm "$ONEDAY_ANDROIDX_ANNOTATION_VERSION" "$ANDROIDX_ANNOTATION_JAR"
install_robolectric
mkdir -p "$ROBOLECTRIC_SDK_DIR"
fetch_jar org.robolectric android-all-instrumented "$ONEDAY_ANDROID_ALL_INSTRUMENTED_VERSION" "$ANDROID_ALL_INSTRUMENTED_JAR"
fetch_jar com.android.tools r8 "$ONEDAY_R8_VERSION" "$R8_JAR"
fetch_jar net.java.dev.jna jna "$ONEDAY_JNA_VERSION" "$JNA_AAR" "" aar
install_framework_res
install_apk_tools
install_trixie
STEP="done"
report "all toolchains ready in $ONEDAY_CACHE" total "$T_ALL"
