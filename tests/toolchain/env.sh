# shellcheck shell=bash
# Source this file (do not run it): it names the pinned tool versions and exports the paths of the Kotlin and
# Swift toolchains that tests/toolchain/install.sh puts into the cache folder outside the clone.
# It installs nothing and checks nothing; run install.sh first.

ONEDAY_TOOLCHAIN_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export ONEDAY_TOOLCHAIN_DIR
# The clone this file belongs to (tests/toolchain/ is two levels below its root).
export ONEDAY_REPO="${ONEDAY_REPO:-$(cd "$ONEDAY_TOOLCHAIN_DIR/../.." && pwd)}"
export ONEDAY_CACHE="${ONEDAY_CACHE:-$HOME/.cache/oneday}"

# Pinned versions (change here only; install.sh installs exactly these).
export ONEDAY_KOTLIN_VERSION="2.4.20"            # npm package kotlin-compiler (full kotlinc distribution)
export ONEDAY_JNA_VERSION="5.19.1"               # Maven Central net.java.dev.jna:jna
export ONEDAY_JUNIT_PLATFORM_VERSION="1.14.4"    # Maven Central org.junit.platform:junit-platform-console-standalone (JUnit 5.14.4)
# Maven Central org.robolectric:android-all: the Android 16 (API 36) framework jar the Android shell's Kotlin is
# compile-checked against (tests/android/run.sh); its sha256 is pinned here and checked by install.sh.
export ONEDAY_ANDROID_ALL_VERSION="16-robolectric-13921718"
export ONEDAY_ANDROID_ALL_SHA256="8b74a0a137330658d2f33f0dc715d42734f74ba8b2d7014fc2e95aa40d3f682d"
# Maven Central androidx.annotation:annotation-jvm: only @RequiresApi, which the Android-flavoured bindings
# (android_cleaner) carry; compile-only, binary retention, nothing of it runs.
export ONEDAY_ANDROIDX_ANNOTATION_VERSION="1.9.1"
export ONEDAY_DEBIAN_SUITE="trixie"              # Debian suite of the chroot; its swiftlang is Swift 6.0.x
export ONEDAY_MAVEN_REPO="${ONEDAY_MAVEN_REPO:-https://repo.maven.apache.org/maven2}"  # Maven's default central URL

# Kotlin / JVM
export KOTLIN_HOME="$ONEDAY_CACHE/kotlinc"
export KOTLINC="$KOTLIN_HOME/bin/kotlinc-jvm"
export KOTLIN_STDLIB_JAR="$KOTLIN_HOME/lib/kotlin-stdlib.jar"
export KOTLINX_COROUTINES_JAR="$KOTLIN_HOME/lib/kotlinx-coroutines-core-jvm.jar"
# kotlin.test (assertEquals, assertFailsWith, ...) on top of JUnit 5; optional for tests.
export KOTLIN_TEST_CP="$KOTLIN_HOME/lib/kotlin-test.jar:$KOTLIN_HOME/lib/kotlin-test-junit5.jar"
export ONEDAY_JARS="$ONEDAY_CACHE/jars"
export JNA_JAR="$ONEDAY_JARS/jna-$ONEDAY_JNA_VERSION.jar"
export JUNIT_JAR="$ONEDAY_JARS/junit-platform-console-standalone-$ONEDAY_JUNIT_PLATFORM_VERSION.jar"
# Everything JUnit needs, to compile tests (-cp) and to run them:
#   java -cp CLASSES:$KOTLIN_STDLIB_JAR:$JNA_JAR:$JUNIT_CP org.junit.platform.console.ConsoleLauncher execute ...
export JUNIT_CP="$JUNIT_JAR"
# The Android framework (android.*, API 36) for compile checks only: Android classes cannot run on a plain JVM.
export ANDROID_ALL_JAR="$ONEDAY_JARS/android-all-$ONEDAY_ANDROID_ALL_VERSION.jar"
export ANDROIDX_ANNOTATION_JAR="$ONEDAY_JARS/annotation-jvm-$ONEDAY_ANDROIDX_ANNOTATION_VERSION.jar"

# Swift (Debian trixie root made with debootstrap; run commands in it with $IN_TRIXIE)
export TRIXIE_ROOT="$ONEDAY_CACHE/trixie"
export IN_TRIXIE="$ONEDAY_TOOLCHAIN_DIR/in-trixie.sh"
# Where in-trixie.sh shows the clone and the cargo target dir inside the chroot.
export TRIXIE_REPO_MOUNT="/oneday/repo"
export TRIXIE_TARGET_MOUNT="/oneday/target"
