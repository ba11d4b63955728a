// Gradle settings for Android Studio users. NOT built or verified on the project's machines: Gradle,
// the Android Gradle Plugin and Google's Maven repository cannot be reached there (android/README.md).
pluginManagement {
    repositories {
        google()
        mavenCentral()
        gradlePluginPortal()
    }
}

dependencyResolutionManagement {
    repositoriesMode.set(RepositoriesMode.FAIL_ON_PROJECT_REPOS)
    repositories {
        google()
        mavenCentral()
    }
}

rootProject.name = "OneDay"
include(":app")
