import Foundation
import OneDay

/// A refusal or failure from core, as a sentence a person can act on.
///
/// The text is core's own message (it never repeats what the user typed), except for a locked vault,
/// which every area reports the same way: "Unlock One Day", and for backups, whose refusals are worded
/// here for a person holding a file (see ``backupText(_:)``).
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
    /// `SupportError`, `PlanError`, `CheckInError`, `BackupError`), or `nil` for any other error, which
    /// is a bug to let through rather than a message to show.
    public static func from(_ error: any Error) -> UserMessage? {
        switch error {
        case VaultError.Locked, CleanTimeError.Locked, MeetingsError.Locked, SupportError.Locked,
            PlanError.Locked, CheckInError.Locked, BackupError.Locked:
            return .locked
        case let backup as BackupError:
            return UserMessage(text: backupText(backup), action: .none)
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

    /// Unchanged data, said after every backup refusal: whatever the error, core wrote nothing.
    public static let unchanged = "Your data here is unchanged."

    /// A backup refusal for a person holding a file (never the secret, never the file's contents).
    public static func backupText(_ error: BackupError) -> String {
        switch error {
        case .WrongSecret: return "That passphrase or recovery code doesn't open this file. Check it and try again; if it still doesn't open, the file may not be a One Day backup, or may be damaged. \(unchanged)"
        case .NewerFormat:
            return "This backup was made by a newer version of One Day. Update One Day to restore it. \(unchanged)"
        case .NotThisVaultsRecoveryCode:
            return "That is not the recovery code of One Day on this phone. Check what you wrote down and type it again."
        case .Damaged, .Truncated: return "The file is damaged or incomplete. \(unchanged)"
        case .NotABackup: return "This file is not a One Day backup. \(unchanged)"
        case .TooLarge: return "This file is too large to be a One Day backup. \(unchanged)"
        case .BadRecord: return "Part of this backup could not be read, so nothing was restored. \(unchanged)"
        case .VaultNotEmpty:
            return "One Day on this phone already holds data: the backup can only be merged into it. \(unchanged)"
        case .PassphraseTooShort(let min): return "A passphrase needs at least \(min) characters."
        case .WeakPassphrase(let reason): return "That passphrase is not strong enough. \(reason)"
        case .Locked: return unlockText
        case .SecretNotText:
            return "That passphrase or recovery code could not be read as text. Type it again. \(unchanged)"
        case .InvalidKdfParams(let reason), .VaultFailure(let reason): return "\(sentence(reason)) \(unchanged)"
        }
    }

    /// Core's reason (`the vault is damaged`) as a sentence of its own: `The vault is damaged.`
    private static func sentence(_ reason: String) -> String {
        let trimmed = reason.trimmingCharacters(in: .whitespaces)
        let s = trimmed.prefix(1).uppercased() + trimmed.dropFirst()
        return s.hasSuffix(".") ? s : s + "."
    }

    /// A flat error's message is core's sentence: the `message` every case of it carries.
    private static func coreText(_ error: any Error) -> String {
        guard let payload = Mirror(reflecting: error).children.first?.value else { return "\(error)" }
        if let text = payload as? String { return text }
        return Mirror(reflecting: payload).children.first?.value as? String ?? "\(error)"
    }
}
