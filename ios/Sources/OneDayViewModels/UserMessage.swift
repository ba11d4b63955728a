import OneDay

/// A refusal or failure from core, as a sentence a person can act on.
///
/// The text is core's own message (it never repeats what the user typed), except for a locked vault,
/// which every area reports the same way: "Unlock One Day".
public struct UserMessage: Equatable, Sendable {
    /// What a screen can offer next to the message.
    public enum Action: Equatable, Sendable {
        /// Nothing: the text says what to change.
        case none
        /// Open the unlock screen: the vault is locked.
        case unlock
        /// Offer to try again: another process held the vault.
        case tryAgain
    }

    /// What to show.
    public let text: String
    /// What the screen can offer next to the text.
    public let action: Action

    /// A message with its action.
    public init(text: String, action: Action) {
        self.text = text
        self.action = action
    }

    /// The text shown for a locked vault, whichever area noticed it.
    public static let unlockText = "Unlock One Day"

    /// The message for a locked vault.
    public static let locked = UserMessage(text: unlockText, action: .unlock)

    /// The message for one of the bindings' errors (`VaultError`, `CleanTimeError`, `MeetingsError`,
    /// `SupportError`, `PlanError`, `CheckInError`), or `nil` for any other error, which is a bug to
    /// let through rather than a message to show.
    public static func from(_ error: any Error) -> UserMessage? {
        switch error {
        case VaultError.Locked, CleanTimeError.Locked, MeetingsError.Locked, SupportError.Locked,
            PlanError.Locked, CheckInError.Locked:
            return .locked
        case VaultError.Busy(let message):
            return UserMessage(text: message, action: .tryAgain)
        // Not flat: its sentence is Rust's Display, exported as `description`.
        case let meetings as MeetingsError:
            return UserMessage(text: meetings.description, action: .none)
        case is VaultError, is CleanTimeError, is SupportError, is PlanError, is CheckInError:
            return UserMessage(text: coreText(error), action: .none)
        default:
            return nil
        }
    }

    /// A flat error's message is core's sentence: the `message` every case of it carries.
    private static func coreText(_ error: any Error) -> String {
        guard let payload = Mirror(reflecting: error).children.first?.value else { return "\(error)" }
        if let text = payload as? String { return text }
        return Mirror(reflecting: payload).children.first?.value as? String ?? "\(error)"
    }
}
