import Foundation
import OneDay
import XCTest

final class VaultTests: XCTestCase {
    func testCreateShowsARecoveryCodeOfEightGroupsOfFour() throws {
        let (vault, code, dir) = try Support.newVault()
        let text = String(decoding: code, as: UTF8.self)
        XCTAssertNotNil(text.range(of: "^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$", options: .regularExpression), text)
        XCTAssertFalse(vault.isLocked())
        XCTAssertTrue(try vault.hasDeviceSlot())
        XCTAssertTrue(vaultExists(dir: dir))
    }

    func testLockAndUnlockWithTheDeviceKeyAndWithTheRecoveryCode() throws {
        let (vault, code, _) = try Support.newVault()
        let id = try vault.addCounter(settings: Support.settings("Clean"), start: "2024-01-01").id
        vault.lock()
        XCTAssertTrue(vault.isLocked())
        XCTAssertThrowsError(try vault.counters()) { error in
            guard case CleanTimeError.Locked = error else { return XCTFail("\(error)") }
        }
        try vault.unlockWithDeviceKey(deviceKey: Support.deviceKey())
        XCTAssertEqual(try vault.counter(id: id).id, id)
        vault.lock()
        try vault.unlockWithRecovery(secret: code)
        XCTAssertEqual(try vault.counters().map(\.id), [id])
    }

    func testReopenWithTheDeviceKeyOrTheRecoveryCodeTypedLoosely() throws {
        var id = ""
        let (code, dir): (Data, String)
        do {
            let (vault, c, d) = try Support.newVault()
            id = try vault.addCounter(settings: Support.settings("Clean"), start: "2024-01-01").id
            (code, dir) = (c, d)
        }
        XCTAssertEqual(try Vault.openWithDeviceKey(dir: dir, deviceKey: Support.deviceKey()).counters().map(\.id), [id])
        let typed = String(decoding: code, as: UTF8.self).lowercased().replacingOccurrences(of: "-", with: " ")
        XCTAssertEqual(try Vault.openWithRecovery(dir: dir, secret: Data(typed.utf8)).counters().map(\.id), [id])
    }

    func testWrongSecretsThrowTheirOwnErrorCase() throws {
        let dir = try Support.newVault().dir
        XCTAssertThrowsError(try Vault.openWithDeviceKey(dir: dir, deviceKey: Support.deviceKey(8))) { error in
            guard case VaultError.WrongDeviceKey = error else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try Vault.openWithDeviceKey(dir: dir, deviceKey: Data(count: 31))) { error in
            guard case VaultError.InvalidDeviceKey = error else { return XCTFail("\(error)") }
        }
        let wrong = Data("AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA".utf8)
        XCTAssertThrowsError(try Vault.openWithRecovery(dir: dir, secret: wrong)) { error in
            guard case VaultError.WrongRecoverySecret = error else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try Vault.openWithDeviceKey(dir: dir + "-missing", deviceKey: Support.deviceKey())) { error in
            guard case VaultError.NotFound = error else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try createVault(dir: dir, deviceKey: Support.deviceKey(), kdf: minimumKdfParams())) { error in
            XCTAssertEqual(error as? VaultError, .AlreadyExists(message: "a vault already exists in this folder"))
        }
    }

    func testTooWeakKdfParamsAreRefused() {
        var weak = minimumKdfParams()
        weak.memoryKib = 1024
        XCTAssertThrowsError(try createVault(dir: Support.tempDir(), deviceKey: Support.deviceKey(), kdf: weak)) { error in
            guard case VaultError.InvalidKdfParams = error else { return XCTFail("\(error)") }
        }
    }

    func testPassphraseRecoveryCodeAndDeviceSlotChangesAskForTheCurrentSecret() throws {
        let (vault, code, dir) = try Support.newVault()
        let passphrase = Data("lantern orbit pickle thursday".utf8)
        XCTAssertThrowsError(try vault.changePassphrase(current: nil, newPassphrase: passphrase, kdf: minimumKdfParams())) { error in
            guard case VaultError.CurrentSecretNeeded = error else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try vault.changePassphrase(current: code, newPassphrase: Data("short".utf8), kdf: minimumKdfParams())) { error in
            guard case VaultError.PassphraseTooShort = error else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try vault.changePassphrase(current: code, newPassphrase: Data("password1".utf8), kdf: minimumKdfParams())) { error in
            guard case VaultError.WeakPassphrase(let message) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(message.contains("too easy to guess"), message)
        }
        try vault.changePassphrase(current: code, newPassphrase: passphrase, kdf: minimumKdfParams())
        try vault.rotateDataKey(recoverySecret: passphrase)
        XCTAssertThrowsError(try vault.removeDeviceSlot(recoverySecret: code)) { error in
            guard case VaultError.WrongRecoverySecret = error else { return XCTFail("\(error)") }
        }
        XCTAssertTrue(try vault.hasDeviceSlot())
        try vault.removeDeviceSlot(recoverySecret: passphrase)
        XCTAssertFalse(try vault.hasDeviceSlot())
        XCTAssertThrowsError(try Vault.openWithDeviceKey(dir: dir, deviceKey: Support.deviceKey())) { error in
            guard case VaultError.NoDeviceSlot = error else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try Vault.openWithRecovery(dir: dir, secret: code)) { error in
            guard case VaultError.WrongRecoverySecret = error else { return XCTFail("\(error)") }
        }
        let recovered = try Vault.recover(dir: dir, secret: passphrase, newDeviceKey: Support.deviceKey(9))
        XCTAssertEqual(
            try recovered.keySlotHealth(),
            KeySlotHealth(device: .intact, recovery: .intact, recoveryNeedsNewCode: false))
        XCTAssertEqual(try recovered.newRecoveryCode(current: passphrase, kdf: minimumKdfParams()).count, 39)
        XCTAssertFalse(try Vault.openWithDeviceKey(dir: dir, deviceKey: Support.deviceKey(9)).isLocked())
        XCTAssertThrowsError(try checkPassphrase(passphrase: Data("12345678".utf8))) { error in
            guard case VaultError.WeakPassphrase = error else { return XCTFail("\(error)") }
        }
        try checkPassphrase(passphrase: passphrase)
    }

    func testAHandleWhoseKeyWasRotatedElsewhereWritesNothing() throws {
        let (a, code, dir) = try Support.newVault()
        let b = try Vault.openWithDeviceKey(dir: dir, deviceKey: Support.deviceKey())
        try a.rotateDataKey(recoverySecret: code)
        XCTAssertThrowsError(try b.addCounter(settings: Support.settings("Clean"), start: "2024-01-01")) { error in
            guard case CleanTimeError.VaultFailure(let message) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(message.contains("keys were changed"), message)
        }
        XCTAssertEqual(try a.counters().count, 0)
    }

    func testDestroyFileOverwritesAndRemovesIt() throws {
        let dir = Support.tempDir()
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let path = dir + "/device-key.bin"
        try Data(repeating: 7, count: 61).write(to: URL(fileURLWithPath: path))
        try destroyFile(path: path)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
        try destroyFile(path: path)
    }

    func testReleasingTheLastReferenceFreesTheVault() throws {
        var vault: Vault? = try Support.newVault().vault
        weak var released = vault
        XCTAssertNotNil(released)
        vault = nil
        XCTAssertNil(released)
    }

    func testWipeDestroysTheVaultAndLocksOpenHandles() throws {
        let (vault, code, dir) = try Support.newVault()
        try wipeVault(dir: dir)
        XCTAssertFalse(vaultExists(dir: dir))
        XCTAssertThrowsError(try vault.counters()) { error in
            guard case CleanTimeError.Locked = error else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try vault.unlockWithRecovery(secret: code)) { error in
            guard case VaultError.Wiped = error else { return XCTFail("\(error)") }
        }
        try wipeVault(dir: dir)
    }
}
