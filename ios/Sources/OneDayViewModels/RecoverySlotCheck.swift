import Foundation
import OneDay

/// The check of the vault's key slots right after it opens. When the recovery code can no longer
/// open the vault (its key slot is damaged), the person is told now, not on the day they need it,
/// and offered a new code while this phone's key still works.
public final class RecoverySlotCheck {
    private let vault: Vault

    /// The check of `vault`, open.
    public init(vault: Vault) { self.vault = vault }

    /// What is wrong and what to do, for a person.
    public static let warningText =
        "Your recovery code can no longer open One Day: the part of your data it unlocks is damaged. "
        + "Make a new code now, while this phone still opens One Day, and write it down."

    /// The button that makes the new code.
    public static let actionLabel = "Make a new recovery code"

    /// The warning to show, or `nil` while the recovery code still opens the vault.
    public func warning() throws -> Outcome<String?> {
        try outcomeOf { try vault.keySlotHealth().recoveryNeedsNewCode ? RecoverySlotCheck.warningText : nil }
    }

    /// Makes a new recovery code (UTF-8, to show once). No old code is asked for: a damaged slot
    /// cannot check it, and this phone's key, which opened the vault, is the proof.
    public func newCode() throws -> Outcome<Data> {
        try outcomeOf { try vault.newRecoveryCode(current: nil, kdf: nil) }
    }
}
