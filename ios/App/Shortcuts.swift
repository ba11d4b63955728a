// The App Shortcut "Call sponsor" (Siri, Spotlight, the Action button). It must live in the app
// target. Apple only: built by Xcode, not on Linux (there it is only parsed).
#if canImport(AppIntents)
import AppIntents
import OneDayShell

struct OneDayShortcuts: AppShortcutsProvider {
    static var appShortcuts: [AppShortcut] {
        AppShortcut(
            intent: CallSponsorIntent(),
            phrases: ["Call sponsor with \(.applicationName)", "\(.applicationName) call my sponsor"],
            shortTitle: "Call sponsor",
            systemImageName: "phone.fill")
    }
}
#endif
