// The app's one vault: where it lives on disk (excluded from backup, complete file protection), opening
// it with the Keychain device key, the recovery-code path when that key is gone, and first start.
// Apple only (file protection and the Keychain); not compiled on Linux.
#if canImport(UIKit) && canImport(Security)
import Foundation
import OneDay
import OneDayViewModels

/// What opening the vault came to.
public enum VaultOpening {
    /// The vault is open and unlocked.
    case opened(Vault)
    /// First start: a new vault; its recovery code (UTF-8) is shown once.
    case created(Vault, recoveryCode: Data)
    /// The device key is gone (restored phone, new device): ask for the recovery code.
    case needsRecoveryCode
    /// It cannot be opened now; the message is core's sentence (or "Unlock One Day").
    case failed(UserMessage)
}

/// Opens, creates and recovers the vault. Argon2id runs in core: call these off the main thread.
public enum VaultHolder {
    /// `Application Support/vault`: never in Documents (no Files app, no iCloud Drive).
    public static func vaultDirectory() throws -> URL {
        let support = try FileManager.default.url(
            for: .applicationSupportDirectory, in: .userDomainMask, appropriateFor: nil, create: true)
        return support.appendingPathComponent("vault", isDirectory: true)
    }

    /// Marks the folder and every file in it: excluded from iCloud and iTunes backups, and readable
    /// only while the device is unlocked (NSFileProtectionComplete). Run after every write session.
    public static func protectFiles(at dir: URL) throws {
        let fm = FileManager.default
        guard fm.fileExists(atPath: dir.path) else { return }
        var urls = [dir]
        if let items = fm.enumerator(at: dir, includingPropertiesForKeys: nil) {
            for case let url as URL in items { urls.append(url) }
        }
        for var url in urls {
            var values = URLResourceValues()
            values.isExcludedFromBackup = true
            try url.setResourceValues(values)
            try fm.setAttributes([.protectionKey: FileProtectionType.complete], ofItemAtPath: url.path)
        }
    }

    /// Opens the vault with the device key, or creates it on first start when `createIfMissing`
    /// (the app; the widget passes `false` and never creates).
    public static func open(createIfMissing: Bool = true) -> VaultOpening {
        do {
            let dir = try vaultDirectory()
            defer { try? protectFiles(at: dir) }
            if !vaultExists(dir: dir.path) {
                guard createIfMissing else { return .failed(UserMessage.locked) }
                let key = try KeychainDeviceKey.create()
                let created = try createVault(dir: dir.path, deviceKey: key)
                return .created(created.vault, recoveryCode: created.recoveryCode)
            }
            guard let key = try KeychainDeviceKey.load() else { return .needsRecoveryCode }
            return .opened(try Vault.openWithDeviceKey(dir: dir.path, deviceKey: key))
        } catch VaultError.WrongDeviceKey, VaultError.NoDeviceSlot {
            return .needsRecoveryCode
        } catch {
            return .failed(UserMessage.from(error) ?? UserMessage(text: "One Day could not open its data.", action: .tryAgain))
        }
    }

    /// Opens the vault with the recovery code the user typed and gives this device a new key so the
    /// next start needs no code; core rotates the data key on the way (`Vault.recover`). The new
    /// Keychain item is made first: on this path the old key already opens nothing.
    public static func open(recoveryCode: Data) -> VaultOpening {
        do {
            let dir = try vaultDirectory()
            let vault = try Vault.recover(
                dir: dir.path, secret: recoveryCode, newDeviceKey: try KeychainDeviceKey.create())
            try? protectFiles(at: dir)
            return .opened(vault)
        } catch {
            return .failed(UserMessage.from(error) ?? UserMessage(text: "One Day could not open its data.", action: .tryAgain))
        }
    }
}
#endif
