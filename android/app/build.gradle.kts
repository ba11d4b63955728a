// The app module for Android Studio users. NOT built or verified on the project's machines (no Gradle,
// no AGP, no Google Maven there): what IS verified is tests/android/run.sh, which type-checks every
// Kotlin source of this module against the Android 16 framework jar and runs the JVM tests against the
// real core library. Steps before the first build (native libraries, generated bindings):
// android/README.md.
plugins {
    id("com.android.application")
    id("org.jetbrains.kotlin.android")
}

android {
    namespace = "org.oneday.android"
    compileSdk = 36

    defaultConfig {
        // Also named in res/xml/shortcuts.xml (targetPackage): do not add an applicationIdSuffix.
        applicationId = "org.oneday.android"
        minSdk = 30 // BiometricPrompt with DEVICE_CREDENTIAL | BIOMETRIC_STRONG
        targetSdk = 36
        versionCode = 1
        versionName = "0.1.0"
        ndk {
            abiFilters += listOf("arm64-v8a", "armeabi-v7a", "x86_64")
        }
    }

    buildTypes {
        release {
            // JNA and the generated bindings are reached by reflection: no R8 until keep rules are written.
            isMinifyEnabled = false
        }
    }

    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }

    sourceSets {
        getByName("main") {
            // The Android-flavoured bindings, generated with bindings/uniffi-android.toml (README step 3).
            kotlin.srcDir("build/generated/uniffi/kotlin")
            // liboneday_ffi.so per ABI, from cargo-ndk (README step 2).
            jniLibs.srcDir("src/main/jniLibs")
        }
        getByName("test") {
            // The Robolectric tests of the real app (JUnit 4, run by the Vintage engine beside JUnit 5).
            kotlin.srcDir("src/robolectric/kotlin")
            resources.srcDir("src/robolectric/resources")
        }
    }

    packaging {
        jniLibs {
            // Stored uncompressed and 16 KB-aligned in the APK (Android 15+ devices with 16 KB pages).
            useLegacyPackaging = false
        }
    }

    testOptions {
        unitTests {
            // Robolectric reads the merged manifest and the resources (com/android/tools/test_config.properties).
            isIncludeAndroidResources = true
            // Build.VERSION.SDK_INT reads as 0 on the JVM: the bindings then use the JNA cleaner.
            isReturnDefaultValues = true
            all {
                it.useJUnitPlatform()
                // The host build of the core for the JVM tests (cargo build -p oneday-ffi).
                it.systemProperty(
                    "uniffi.component.oneday.libraryOverride",
                    rootProject.file("../target/debug/liboneday_ffi.so").absolutePath,
                )
                it.systemProperty("oneday.android.main", file("src/main").absolutePath)
            }
        }
    }
}

kotlin {
    jvmToolchain(17)
}

dependencies {
    // JNA >= 5.17 for 16 KB-page devices; the aar carries libjnidispatch.so for every ABI.
    implementation("net.java.dev.jna:jna:5.19.1@aar")
    // Only @RequiresApi, which the generated bindings carry (android_cleaner); nothing of it at run time.
    compileOnly("androidx.annotation:annotation:1.9.1")

    // JVM tests: JNA's desktop jar loads the host library; JUnit 5.
    testImplementation("net.java.dev.jna:jna:5.19.1")
    testImplementation(platform("org.junit:junit-bom:5.14.4"))
    testImplementation("org.junit.jupiter:junit-jupiter")
    testRuntimeOnly("org.junit.platform:junit-platform-launcher")
    // Robolectric (the app's Activities, receivers and widget on the JVM, SDK 36; robolectric.properties).
    testImplementation("org.robolectric:robolectric:4.17")
    testImplementation("junit:junit:4.13.2")
    testRuntimeOnly("org.junit.vintage:junit-vintage-engine")
}
