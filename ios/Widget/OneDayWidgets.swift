// The widget extension's entry point (add ios/Widget to an Xcode widget extension target that
// depends on OneDayShell, with the app's Keychain access group). Apple only: built by Xcode.
#if canImport(WidgetKit) && canImport(SwiftUI) && canImport(UIKit)
import OneDayShell
import SwiftUI
import WidgetKit

@main
struct OneDayWidgets: WidgetBundle {
    var body: some Widget { DaysCleanWidget() }
}
#endif
