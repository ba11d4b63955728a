import OneDay

/// The panic wipe in the settings: its wording, and the order of the work. The device key goes
/// first (`deleteDeviceKey`: the glue deletes the Keychain item), because it needs no database and,
/// once it is gone, no copy of the files taken earlier opens with anything on this phone. Then core's
/// crypto-shred of the vault, which runs even if deleting the key failed (another process holding
/// the vault or a full disk does not stop it either).
public final class PanicWipe {
    private let vaultDir: String
    private let deleteDeviceKey: () throws -> Void

    /// The wipe of the vault in `vaultDir`, after `deleteDeviceKey`.
    public init(vaultDir: String, deleteDeviceKey: @escaping () throws -> Void) {
        self.vaultDir = vaultDir
        self.deleteDeviceKey = deleteDeviceKey
    }

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

    /// Shown when the Keychain refused to delete the key: the data is gone; trying again finishes.
    public static let keyNotDeleted = "Your data is deleted, but this phone's key for it could not be removed. Try again."

    /// Deletes the device key, then wipes the vault through core (safe to call again after an
    /// interruption). A failure to delete the key is reported after the wipe, which runs anyway.
    public func wipe() throws -> Outcome<Void> {
        var keyFailed = false
        do { try deleteDeviceKey() } catch { keyFailed = true }
        let wiped = try outcomeOf { try wipeVault(dir: vaultDir) }
        if case .refused = wiped { return wiped }
        if keyFailed { return .refused(UserMessage(text: PanicWipe.keyNotDeleted, action: .tryAgain)) }
        return wiped
    }
}
