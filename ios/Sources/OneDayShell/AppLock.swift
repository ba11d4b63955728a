// The app lock: Face ID, Touch ID or the device passcode (LocalAuthentication) before any screen shows.
// Apple only; not compiled on Linux.
#if canImport(LocalAuthentication)
import Foundation
import LocalAuthentication

/// Asks the owner to authenticate; the vault stays locked until they do.
public enum AppLock {
    /// Whether this device can authenticate its owner at all (a passcode is set).
    public static var isAvailable: Bool {
        var error: NSError?
        return LAContext().canEvaluatePolicy(.deviceOwnerAuthentication, error: &error)
    }

    /// Face ID / Touch ID with the passcode as fallback; `true` when the owner authenticated.
    /// The reason names no counter, substance or meeting.
    public static func authenticate() async -> Bool {
        let context = LAContext()
        context.localizedCancelTitle = "Not now"
        do {
            return try await context.evaluatePolicy(.deviceOwnerAuthentication, localizedReason: "Unlock One Day")
        } catch {
            return false
        }
    }
}
#endif
