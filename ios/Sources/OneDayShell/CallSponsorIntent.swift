// The App Shortcut "Call sponsor": Siri, Spotlight or the Action button open One Day on the Call tab,
// which places the call through core's tel: URL. Apple only; not compiled on Linux.
#if canImport(AppIntents)
import AppIntents

/// Opens the app on the Call tab; the app then opens core's `tel:` URL for whoever comes first.
public struct CallSponsorIntent: AppIntent {
    /// The action's name.
    public static let title: LocalizedStringResource = "Call sponsor"
    /// It opens the app: the call is placed from the foreground, after the app lock.
    public static let openAppWhenRun = true

    /// The intent.
    public init() {}

    /// Asks the app to show the Call tab and place the call.
    @MainActor
    public func perform() async throws -> some IntentResult {
        CallRequest.pending = true
        return .result()
    }
}

/// Set by the shortcut, read by the app when it comes to the foreground.
@MainActor
public enum CallRequest {
    /// Whether a "Call sponsor" is waiting.
    public static var pending = false
}
#endif
