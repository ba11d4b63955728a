#!/usr/bin/env bash
# The Android shell's suite, on a plain Linux machine (no Android SDK, no Gradle):
#   1. installs kotlinc, JNA, JUnit and the Android framework jar (org.robolectric:android-all) into the
#      cache when missing (tests/toolchain/install.sh),
#   2. builds liboneday_ffi.so and generates the Kotlin bindings from it, twice: plain JVM flavour
#      (bindings/uniffi.toml) and Android flavour (--config bindings/uniffi-android.toml),
#   3. JVM suite: compiles the app's plain-Kotlin presentation code (android/app/src/main/kotlin/.../present)
#      and the JVM tests (android/app/src/test/kotlin) with -Werror against the JVM bindings, then runs
#      JUnit 5 against the same freshly built library: the manifest tests, then the presentation tests
#      (each run fails when it finds no test),
#   4. Android compile check: compiles the Android-flavoured bindings, the presentation code and the
#      Android glue (Activities, Keystore, notifications, widget) with -Werror against android-all.jar and
#      JNA: a type check of every Android API call,
#   5. Robolectric suite: builds the app's resources with aapt (the real manifest and res/), compiles the
#      Robolectric tests (android/app/src/robolectric) against the app's classes, and runs them on SDK 36
#      (Temurin 25) offline: the app's Activities, receivers and widget on the real core library (JNA
#      loads the same liboneday_ffi.so); they also write screenshots (the folder is printed),
#   6. APK: dexes the app (D8), adds JNA's native dispatch libraries (and, with ONEDAY_ANDROID_JNILIBS, the
#      core built by cargo-ndk), zipaligns, signs with a throwaway key, and checks it (apksigner verify,
#      aapt dump badging).
# Exits non-zero when anything fails or no test ran.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
bash tests/toolchain/install.sh
# shellcheck source=tests/toolchain/env.sh
source tests/toolchain/env.sh
# shellcheck source=tests/bindings-build.sh
source tests/bindings-build.sh
build_ffi

app="android/app/src"
main_kt="$app/main/kotlin/org/oneday/android"
test_kt="$app/test/kotlin"
out="$FFI_OUT/android"
mkdir -p "$out"

# kt_files DIR...: the .kt files under the given folders, sorted, one per line (none when a folder is
# missing or empty: the presentation code's folder may not exist yet on a new branch).
kt_files() {
    local d
    for d in "$@"; do
        [ -d "$d" ] && find "$d" -name '*.kt' -type f
    done | LC_ALL=C sort
}

# compile_bindings FLAVOUR CLASSPATH GENERATED: compiles one generated bindings file into $out/FLAVOUR,
# reusing the classes (~15 s to compile) while the file and kotlinc are unchanged.
compile_bindings() {
    local flavour="$1" cp="$2" generated="$3" stamp
    stamp="$(cat "$generated" "$KOTLIN_HOME/.oneday-ready" | sha256sum | cut -d' ' -f1)"
    if [ "$(cat "$out/$flavour.stamp" 2>/dev/null)" = "$stamp" ]; then
        echo "android: $flavour unchanged, reusing their classes"
        return
    fi
    rm -rf "${out:?}/$flavour" "$out/$flavour.stamp"
    # The JVM flavour is exactly what tests/kotlin/run.sh compiles: take its classes when they match.
    if [ "$flavour" = jvm-bindings ] && [ "$(cat "$FFI_OUT/kotlin/bindings.stamp" 2>/dev/null)" = "$stamp" ] \
        && cp -r "$FFI_OUT/kotlin/bindings" "$out/$flavour" 2>/dev/null; then
        echo "android: jvm-bindings copied from the kotlin suite's classes"
    else
        echo "android: compiling the $flavour"
        "$KOTLINC" -Werror -cp "$cp" -d "$out/$flavour" "$generated"
    fi
    echo "$stamp" >"$out/$flavour.stamp"
}

# ---------------------------------------------------------------------------------------------------------
# Bindings, both flavours, from the one library the JVM tests load.
rm -rf "$out/gen-jvm" "$out/gen-android"
"$BINDGEN" generate "$FFI_LIB" --language kotlin --no-format --out-dir "$out/gen-jvm"
"$BINDGEN" generate "$FFI_LIB" --language kotlin --no-format --config bindings/uniffi-android.toml \
    --out-dir "$out/gen-android"
gen_jvm="$out/gen-jvm/org/oneday/ffi/oneday.kt"
gen_android="$out/gen-android/org/oneday/ffi/oneday.kt"
for f in "$gen_jvm" "$gen_android"; do
    [ -f "$f" ] || { echo "android: $f was not generated" >&2; exit 1; }
done
# The Android flavour must really be the Android one (the overlay config was read), and the JVM one not.
grep -q 'android.os.Build' "$gen_android" || { echo "android: $gen_android is not Android-flavoured" >&2; exit 1; }
if grep -q 'android\.' "$gen_jvm"; then echo "android: $gen_jvm mentions android.*" >&2; exit 1; fi

# ---------------------------------------------------------------------------------------------------------
# 1. JVM suite: presentation code + JVM tests against the real core library.
compile_bindings jvm-bindings "$JNA_JAR" "$gen_jvm"
mapfile -t present_src < <(kt_files "$main_kt/present")
mapfile -t jvm_tests < <(kt_files "$test_kt")
rm -rf "$out/jvm-tests"
echo "android: compiling ${#present_src[@]} presentation file(s) and ${#jvm_tests[@]} JVM test file(s)"
"$KOTLINC" -Werror -cp "$out/jvm-bindings:$JNA_JAR:$JUNIT_CP:$KOTLIN_TEST_CP" -d "$out/jvm-tests" \
    "${present_src[@]}" "${jvm_tests[@]}"

run_junit() { # what-to-select...
    # libraryOverride names the exact file, so no other liboneday_ffi on the system can be picked up.
    java -Duniffi.component.oneday.libraryOverride="$FFI_LIB" \
        -Doneday.android.main="$root/$app/main" \
        -cp "$out/jvm-tests:$out/jvm-bindings:$KOTLIN_STDLIB_JAR:$JNA_JAR:$KOTLIN_TEST_CP:$JUNIT_CP" \
        org.junit.platform.console.ConsoleLauncher execute \
        --disable-banner --disable-ansi-colors --fail-if-no-tests --details=tree "$@"
}
echo "android: manifest and resources"
run_junit --select-class org.oneday.android.ManifestTest
echo "android: presentation code against the core"
run_junit --select-package org.oneday.android.present

# ---------------------------------------------------------------------------------------------------------
# 2. Android compile check: every Kotlin source of the app against the Android framework (API 36).
compile_bindings android-bindings "$ANDROID_ALL_JAR:$ANDROIDX_ANNOTATION_JAR:$JNA_JAR" "$gen_android"
mapfile -t glue_src < <(find "$main_kt" -maxdepth 1 -name '*.kt' -type f | LC_ALL=C sort)
[ "${#glue_src[@]}" -gt 0 ] || { echo "android: no Android glue sources in $main_kt" >&2; exit 1; }
rm -rf "$out/app-classes"
echo "android: type-checking ${#glue_src[@]} glue and ${#present_src[@]} presentation file(s) against android-all $ONEDAY_ANDROID_ALL_VERSION"
"$KOTLINC" -Werror -cp "$out/android-bindings:$ANDROID_ALL_JAR:$JNA_JAR" -d "$out/app-classes" \
    "${present_src[@]}" "${glue_src[@]}"
echo "android: compile check passed"

# ---------------------------------------------------------------------------------------------------------
# 3. The app's resources (aapt v1 against API 33's framework resources): for Robolectric and the APK.
# aapt needs a package attribute, which AGP rejects in the source manifest: a copy gets it.
apk_dir="$out/apk"
rm -rf "$apk_dir"
mkdir -p "$apk_dir"
sed 's|<manifest xmlns:android="http://schemas.android.com/apk/res/android">|<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="org.oneday.android">|' \
    "$app/main/AndroidManifest.xml" >"$apk_dir/AndroidManifest.xml"
grep -q 'package="org.oneday.android"' "$apk_dir/AndroidManifest.xml" \
    || { echo "android: could not name the package in the manifest copy" >&2; exit 1; }
aapt package -f -M "$apk_dir/AndroidManifest.xml" -S "$app/main/res" -I "$ANDROID_FRAMEWORK_RES" \
    -F "$apk_dir/resources.apk" --min-sdk-version 30 --target-sdk-version 36 \
    --version-code 1 --version-name 0.1.0
echo "android: resources packaged with aapt ($apk_dir/resources.apk)"

# ---------------------------------------------------------------------------------------------------------
# 4. Robolectric: the real app on the real core.
robo_src="$app/robolectric"
mapfile -t robo_tests < <(kt_files "$robo_src/kotlin")
[ "${#robo_tests[@]}" -gt 0 ] || { echo "android: no Robolectric tests in $robo_src/kotlin" >&2; exit 1; }
robo_jars="$(find "$ROBOLECTRIC_JARS" -name '*.jar' | LC_ALL=C sort | tr '\n' ':')"
rm -rf "$out/robo-tests"
mkdir -p "$out/robo-tests/com/android/tools"
echo "android: compiling ${#robo_tests[@]} Robolectric test file(s)"
# -Xfriend-paths: the tests read the app's internal labels (ShellLabels) and wait on its worker thread.
"$KOTLINC" -Werror -Xfriend-paths="$out/app-classes" \
    -cp "$out/app-classes:$out/android-bindings:$ANDROID_ALL_JAR:$JNA_JAR:$robo_jars$JUNIT_CP" \
    -d "$out/robo-tests" "${robo_tests[@]}"
cp -r "$robo_src/resources/." "$out/robo-tests/"
# Robolectric reads the app's merged manifest and resource apk from here (what the Android Gradle plugin
# would write for `isIncludeAndroidResources`).
cat >"$out/robo-tests/com/android/tools/test_config.properties" <<PROPS
android_merged_manifest=$apk_dir/AndroidManifest.xml
android_resource_apk=$apk_dir/resources.apk
android_custom_package=org.oneday.android
PROPS
shots="$ONEDAY_TARGET/android-screenshots"
rm -rf "$shots"
mkdir -p "$shots"
robo_log="$out/robolectric.log"
echo "android: Robolectric (SDK $ONEDAY_ROBOLECTRIC_SDK, $("$ROBOLECTRIC_JAVA" -version 2>&1 | head -n 1)), the app on the real core"
set +e
"$ROBOLECTRIC_JAVA" --add-opens=java.base/jdk.internal.access=ALL-UNNAMED \
    --add-exports=java.base/jdk.internal.ref=ALL-UNNAMED --enable-native-access=ALL-UNNAMED \
    -Duniffi.component.oneday.libraryOverride="$FFI_LIB" \
    -Drobolectric.offline=true -Drobolectric.dependency.dir="$ROBOLECTRIC_SDK_DIR" \
    -Doneday.screenshots="$shots" \
    -cp "$out/robo-tests:$out/app-classes:$out/android-bindings:$KOTLIN_STDLIB_JAR:$JNA_JAR:$robo_jars$ANDROID_ALL_JAR:$JUNIT_CP" \
    org.junit.platform.console.ConsoleLauncher execute \
    --disable-banner --disable-ansi-colors --fail-if-no-tests --details=tree \
    ${ONEDAY_ROBO_SELECT:---select-package=org.oneday.android} --exclude-package=org.oneday.android.present 2>&1 | tee "$robo_log"
robo_status=${PIPESTATUS[0]}
set -e
[ "$robo_status" -eq 0 ] || { echo "android: Robolectric tests failed (log: $robo_log)" >&2; exit 1; }
robo_count="$(awk '/tests successful/ { gsub(/[^0-9]/, "", $0); n = $0 } END { print n + 0 }' "$robo_log")"
[ "$robo_count" -gt 0 ] || { echo "android: no Robolectric test ran" >&2; exit 1; }
echo "android: screenshots in $shots ($(find "$shots" -name '*.png' | wc -l) PNG files)"

# ---------------------------------------------------------------------------------------------------------
# 5. A signed APK without Gradle: the resources above, the app's classes dexed by D8, JNA's native
#    dispatch libraries for the Gradle build's ABIs, zipalign, apksigner with a throwaway key.
#    ONEDAY_ANDROID_JNILIBS=DIR (cargo-ndk's output, DIR/<abi>/liboneday_ffi.so) adds the core; without
#    it the APK cannot run and is named so: oneday-NO-CORE.apk (no NDK can be fetched on these machines).
abis=(arm64-v8a armeabi-v7a x86_64)
stage="$apk_dir/stage"
mkdir -p "$stage/jars" "$stage/dex"
unzip -q -o -d "$stage/jna" "$JNA_AAR" classes.jar 'jni/*'
(cd "$out/app-classes" && zip -q -r "$stage/jars/app.jar" .)
(cd "$out/android-bindings" && zip -q -r "$stage/jars/bindings.jar" .)
# --lib: the framework, and a JDK 17 for java.* (android-all has no java.lang).
jdk17="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
"$ROBOLECTRIC_JAVA" -cp "$R8_JAR" com.android.tools.r8.D8 --release --min-api 30 --lib "$ANDROID_ALL_JAR" --lib "$jdk17" \
    --output "$stage/dex" "$stage/jars/app.jar" "$stage/jars/bindings.jar" "$KOTLIN_STDLIB_JAR" \
    "$stage/jna/classes.jar" >"$apk_dir/d8.log" 2>&1 || { cat "$apk_dir/d8.log" >&2; echo "android: D8 failed" >&2; exit 1; }
echo "android: D8: $(grep -c '^Warning' "$apk_dir/d8.log" || true) warning(s) (log: $apk_dir/d8.log)"
[ -s "$stage/dex/classes.dex" ] || { echo "android: D8 made no classes.dex" >&2; exit 1; }
core_libs="${ONEDAY_ANDROID_JNILIBS:-}"
if [ -n "$core_libs" ]; then apk_name="oneday.apk"; else apk_name="oneday-NO-CORE.apk"; fi
apk="$apk_dir/$apk_name"
unsigned="$apk_dir/unsigned.apk"
cp "$apk_dir/resources.apk" "$unsigned"
(cd "$stage/dex" && aapt add "$unsigned" classes*.dex >/dev/null)
for abi in "${abis[@]}"; do
    mkdir -p "$stage/native/lib/$abi"
    cp "$stage/jna/jni/$abi/libjnidispatch.so" "$stage/native/lib/$abi/"
    if [ -n "$core_libs" ]; then
        [ -f "$core_libs/$abi/liboneday_ffi.so" ] || { echo "android: no $core_libs/$abi/liboneday_ffi.so" >&2; exit 1; }
        cp "$core_libs/$abi/liboneday_ffi.so" "$stage/native/lib/$abi/"
    fi
done
# Native libraries stored uncompressed (-0 so), as useLegacyPackaging = false asks of the Gradle build.
(cd "$stage/native" && aapt add -0 so "$unsigned" lib/*/*.so >/dev/null)
zipalign -f -p 4 "$unsigned" "$apk_dir/aligned.apk"
keytool -genkeypair -keystore "$apk_dir/throwaway.p12" -storetype PKCS12 -storepass throwaway -alias throwaway \
    -keyalg EC -groupname secp256r1 -validity 1 -dname "CN=One Day test build" >/dev/null 2>&1
apksigner sign --ks "$apk_dir/throwaway.p12" --ks-pass pass:throwaway --out "$apk" "$apk_dir/aligned.apk"
rm -f "$apk_dir/throwaway.p12" "$unsigned" "$apk_dir/aligned.apk"

# The checks: signature, alignment, package and SDKs, exactly the manifest's permissions, only the
# allowlisted components exported, the native libraries present.
apk_fail() { echo "android: APK check failed: $*" >&2; exit 1; }
apksigner verify "$apk" || apk_fail "apksigner verify"
zipalign -c -p 4 "$apk" || apk_fail "not zip-aligned"
badging="$(aapt dump badging "$apk")"
grep -q "^package: name='org.oneday.android' versionCode='1' versionName='0.1.0'" <<<"$badging" || apk_fail "package line"
grep -qx "sdkVersion:'30'" <<<"$badging" || apk_fail "minSdk is not 30"
grep -qx "targetSdkVersion:'36'" <<<"$badging" || apk_fail "targetSdk is not 36"
got_perms="$(grep "^uses-permission:" <<<"$badging" | sed "s/.*name='\([^']*\)'.*/\1/" | LC_ALL=C sort | tr '\n' ' ')"
want_perms="$(grep -o 'uses-permission android:name="[^"]*"' "$app/main/AndroidManifest.xml" | sed 's/.*name="\([^"]*\)"/\1/' | LC_ALL=C sort | tr '\n' ' ')"
[ "$got_perms" = "$want_perms" ] || apk_fail "permissions: APK has [$got_perms], the manifest explains [$want_perms]"
# Exported components, from the compiled manifest (android:exported = true is 0xffffffff).
exported="$(aapt dump xmltree "$apk" AndroidManifest.xml | awk '
    /E: (activity|activity-alias|receiver|service|provider) / { name = ""; inside = 1; next }
    /E: / { inside = 0 }
    inside && /A: android:name\(/ && name == "" { match($0, /"[^"]*"/); name = substr($0, RSTART + 1, RLENGTH - 2) }
    inside && /A: android:exported\(/ && /0xffffffff/ { print name }' | LC_ALL=C sort | tr '\n' ' ')"
[ "$exported" = "org.oneday.android.DaysCleanWidget org.oneday.android.MainActivity " ] \
    || apk_fail "exported components: [$exported]"
listing="$(unzip -l "$apk")"
for abi in "${abis[@]}"; do
    grep -q "lib/$abi/libjnidispatch.so" <<<"$listing" || apk_fail "no lib/$abi/libjnidispatch.so"
done
grep -q "classes.dex" <<<"$listing" || apk_fail "no classes.dex"
if [ -n "$core_libs" ]; then
    echo "android: signed APK with the core: $apk ($(du -k "$apk" | cut -f1) KB), verified"
else
    echo "android: signed APK WITHOUT the core (set ONEDAY_ANDROID_JNILIBS to cargo-ndk's output to include it): $apk ($(du -k "$apk" | cut -f1) KB), verified"
fi
echo "android: summary: $robo_count Robolectric tests passed, $apk_name signed and verified, screenshots in $shots"
