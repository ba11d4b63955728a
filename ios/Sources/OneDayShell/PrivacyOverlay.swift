// What the app switcher shows: a plain cover once the app leaves the foreground, so its snapshot holds
// no count, name or plan. Apple only; not compiled on Linux.
#if canImport(SwiftUI)
import SwiftUI

/// Covers the content whenever the scene is not active (app switcher, backgrounded, incoming call).
public struct PrivacyOverlay: ViewModifier {
    @Environment(\.scenePhase) private var phase

    /// The modifier.
    public init() {}

    /// The content, covered unless the scene is active.
    public func body(content: Content) -> some View {
        content.overlay {
            if phase != .active {
                ZStack {
                    Color(.systemBackground).ignoresSafeArea()
                    Text("One Day").font(.largeTitle)
                }
            }
        }
    }
}

extension View {
    /// Hides the screen from the app switcher's snapshot.
    public func privacyOverlay() -> some View { modifier(PrivacyOverlay()) }
}
#endif
