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
# Robolectric (tests/android/run.sh, part 3): 4.17 resolves from Maven Central with its whole tree; it runs the
# app on SDK 36 with the instrumented framework jar of the same build as ANDROID_ALL_JAR, on the Temurin 25 JDK.
export ONEDAY_ROBOLECTRIC_VERSION="4.17"
export ONEDAY_ROBOLECTRIC_SDK="36"
export ONEDAY_ANDROID_ALL_INSTRUMENTED_VERSION="${ONEDAY_ANDROID_ALL_VERSION}-i7"
# The API 33 framework resources (resources.arsc) that aapt v1 links the APK against: aapt cannot read 35/36.
export ONEDAY_ANDROID_RES_VERSION="13-robolectric-9030017"
export ONEDAY_R8_VERSION="9.5.29"                # Maven Central com.android.tools:r8 (D8, classes -> dex)
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

# Android under Robolectric and the APK (tests/android/run.sh; install.sh installs all of it)
export ROBOLECTRIC_HOME="$ONEDAY_CACHE/robolectric-$ONEDAY_ROBOLECTRIC_VERSION"
# Every jar Robolectric needs at run time, one folder (the AARs' classes.jar unpacked beside them).
export ROBOLECTRIC_JARS="$ROBOLECTRIC_HOME/jars"
# -Drobolectric.dependency.dir: holds exactly the instrumented android-all jar, so runs are offline.
export ROBOLECTRIC_SDK_DIR="$ROBOLECTRIC_HOME/sdk"
export ANDROID_ALL_INSTRUMENTED_JAR="$ROBOLECTRIC_SDK_DIR/android-all-instrumented-$ONEDAY_ANDROID_ALL_INSTRUMENTED_VERSION.jar"
# A JDK >= 21 for SDK 36 (class version 65); the machine image ships Temurin 25.
export ROBOLECTRIC_JAVA="${ROBOLECTRIC_JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
export R8_JAR="$ONEDAY_JARS/r8-$ONEDAY_R8_VERSION.jar"
export JNA_AAR="$ONEDAY_JARS/jna-$ONEDAY_JNA_VERSION.aar"
# resources.arsc + AndroidManifest.xml of API 33's framework-res, the -I of aapt.
export ANDROID_FRAMEWORK_RES="$ONEDAY_CACHE/android-framework-res-$ONEDAY_ANDROID_RES_VERSION.zip"
