import OneDay

/// The panic wipe in the settings: its wording and core's crypto-shred of the vault. The glue then
/// deletes the device key it keeps in the Keychain and closes the vault.
public final class PanicWipe {
    private let vaultDir: String

    /// The wipe of the vault in `vaultDir`.
    public init(vaultDir: String) { self.vaultDir = vaultDir }

    /// The settings action.
    public let actionLabel = "Delete everything"

    /// The confirmation's title.
    public let title = "Delete everything?"

    /// The confirmation's text, said plainly.
    public let warning = "This deletes everything in One Day on this phone. It cannot be undone."

    /// The confirming button.
    public let confirmLabel = "Delete everything"

    /// The button that keeps everything.
    public let cancelLabel = "Keep everything"

    /// Wipes the vault through core (safe to call again after an interruption).
    public func wipe() throws -> Outcome<Void> {
        try outcomeOf { try wipeVault(dir: vaultDir) }
    }
}
