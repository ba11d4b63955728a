// Root build for Android Studio users; unverified here (android/README.md). Versions: AGP 8.11 (compileSdk
// 36), Kotlin 2.2. Change them together with android/app/build.gradle.kts.
plugins {
    id("com.android.application") version "8.11.1" apply false
    id("org.jetbrains.kotlin.android") version "2.2.0" apply false
}
