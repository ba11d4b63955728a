import Foundation
import OneDay
import XCTest

/// Encrypted backups through the FFI: every rule is core's; these check what crosses.
final class BackupTests: XCTestCase {
    let passphrase = Data("a long passphrase, 日本".utf8)
    let today: LocalDate = "2024-05-10"

    /// A vault holding a counter with a reset, a contact, a safety plan, a check-in and the region.
    func fill(_ vault: Vault) throws {
        let counter = try vault.addCounter(settings: Support.settings("Alcohol"), start: "2023-01-01")
        _ = try vault.resetCounter(id: counter.id, relapseOn: "2023-04-11", note: "a hard week")
        _ = try vault.addContact(contact: NewContact(
            name: "Sam", role: .sponsor, phone: "+1 (555) 010-0100", smsAllowed: true))
        _ = try vault.saveSafetyPlan(plan: SafetyPlan(
            warningSigns: ["Not sleeping"],
            helpPeople: [ContactEntry(text: "Mum", phone: "+44 20 7946 0018")],
            reasonForLiving: "My daughter"))
        _ = try vault.recordCheckIn(
            checkIn: CheckIn(date: "2024-05-09", mood: 4, craving: 2, medication: .taken, journal: "calm day"),
            today: today)
        try vault.setRegion(region: "IE")
    }

    /// Everything the readers show, to compare two vaults (or one before and after).
    struct Snapshot: Equatable {
        let counters: [Counter]
        let contacts: [Contact]
        let safetyPlan: SafetyPlan
        let planHistory: [PlanRevision]
        let checkIns: [CheckIn]
        let region: String?
    }

    func snapshot(_ vault: Vault) throws -> Snapshot {
        Snapshot(
            counters: try vault.counters(),
            contacts: try vault.contacts(),
            safetyPlan: try vault.safetyPlan(),
            planHistory: try vault.planHistory(kind: .safety),
            checkIns: try vault.checkIns(from: "2024-01-01", to: today),
            region: try vault.region())
    }

    func export(_ vault: Vault) throws -> Data {
        try vault.exportBackup(secret: passphrase, kind: .passphrase, kdf: minimumKdfParams())
    }

    /// Runs `body`, which must throw a `BackupError`, and returns it.
    func backupError(_ body: () throws -> Any, file: StaticString = #filePath, line: UInt = #line) -> BackupError? {
        do {
            _ = try body()
            XCTFail("no error was thrown", file: file, line: line)
        } catch let error as BackupError {
            return error
        } catch {
            XCTFail("not a BackupError: \(error)", file: file, line: line)
        }
        return nil
    }

    /// A format-1 file as docs/backup-format.md lays it out: its clear header (passphrase, the floor's
    /// Argon2id cost, zero salt, nonce and check) and a 16-byte ciphertext.
    private func formatOneHeader(version: UInt16) -> Data {
        var b = Data("ONEDAYBK".utf8)
        b.append(contentsOf: [UInt8(version >> 8), UInt8(version & 0xff), 1, 2])
        for v: UInt32 in [19456, 2, 1] { withUnsafeBytes(of: v.bigEndian) { b.append(contentsOf: $0) } }
        b.append(Data(count: 28))  // salt and nonce
        withUnsafeBytes(of: UInt64(16).bigEndian) { b.append(contentsOf: $0) }
        b.append(Data(count: 32))  // key check and ciphertext
        return b
    }

    func testARoundTripIntoANewVaultKeepsEverything() throws {
        let old = try Support.newVault().vault
        try fill(old)
        let file = try export(old)

        // A sealed (format 2) file says nothing before it is opened.
        XCTAssertNil(try readBackupHeader(file: file))

        let summary = try verifyBackup(file: file, secret: passphrase)
        XCTAssertEqual(summary.header, BackupHeader(version: 2, secretKind: .passphrase, kdf: minimumKdfParams()))
        XCTAssertEqual(summary.records.count, 9)
        let counts = Dictionary(uniqueKeysWithValues: summary.records.map { ($0.kind, $0.count) })
        XCTAssertEqual(counts, [
            .counter: 1, .setting: 1, .meeting: 0, .meetingSource: 0, .contact: 1, .plan: 1, .checkIn: 1,
            .meetingChunk: 0, .meetingMine: 0,
        ])
        let age = Int64(Date().timeIntervalSince1970 * 1000) - summary.madeAtEpochMillis
        XCTAssertTrue((0...3_600_000).contains(age), "made \(age) ms ago")

        let new = try Support.newVault().vault
        let report = try new.restoreBackup(file: file, secret: passphrase, merge: false)
        XCTAssertEqual(report.added, 5)
        XCTAssertEqual(report.updated + report.unchanged + report.keptBoth, 0)
        XCTAssertEqual(report.kinds.first { $0.kind == .contact }?.added, 1)
        XCTAssertEqual(try snapshot(old), try snapshot(new))
        XCTAssertEqual(try new.counters().first?.attempts.count, 2)
        XCTAssertEqual(try new.region(), "IE")
    }

    func testUnderTheRecoveryCodeTypedInLowerCaseWithoutDashes() throws {
        let (old, code, _) = try Support.newVault()
        try fill(old)
        let file = try old.exportBackup(secret: code, kind: .recoveryCode, kdf: minimumKdfParams())
        XCTAssertNil(try readBackupHeader(file: file))
        // A code that is not this vault's seals nothing.
        let otherCode = try Support.newVault().code
        XCTAssertThrowsError(try old.exportBackup(secret: otherCode, kind: .recoveryCode, kdf: minimumKdfParams())) {
            XCTAssertEqual($0 as? BackupError, .NotThisVaultsRecoveryCode)
        }
        let typed = Data(String(decoding: code, as: UTF8.self).replacingOccurrences(of: "-", with: "").lowercased().utf8)
        XCTAssertEqual(try verifyBackup(file: file, secret: typed).header.secretKind, .recoveryCode)
        let new = try Support.newVault().vault
        XCTAssertEqual(try new.restoreBackup(file: file, secret: typed, merge: false).added, 5)
        XCTAssertEqual(try snapshot(old), try snapshot(new))
    }

    func testMergingABackupIntoItsOwnVaultChangesNothing() throws {
        let vault = try Support.newVault().vault
        try fill(vault)
        let file = try export(vault)
        let before = try snapshot(vault)
        let report = try vault.restoreBackup(file: file, secret: passphrase, merge: true)
        XCTAssertEqual(report.unchanged, 5)
        XCTAssertEqual(report.added, 0)
        XCTAssertEqual(report.updated, 0)
        XCTAssertEqual(report.keptBoth, 0)
        XCTAssertEqual(try snapshot(vault), before)
    }

    func testRestoringIntoAVaultInUseWithoutMergeIsRefusedAndChangesNothing() throws {
        let vault = try Support.newVault().vault
        try fill(vault)
        let file = try export(vault)
        let before = try snapshot(vault)
        let error = backupError { try vault.restoreBackup(file: file, secret: self.passphrase, merge: false) }
        XCTAssertEqual(error, .VaultNotEmpty(records: 5))
        XCTAssertEqual(try snapshot(vault), before)
    }

    func testAWrongSecretADamagedFileAndACutFileAreToldApart() throws {
        let old = try Support.newVault().vault
        try fill(old)
        let file = try export(old)
        let new = try Support.newVault().vault

        let wrong = Data("not the passphrase".utf8)
        let e = backupError { try new.restoreBackup(file: file, secret: wrong, merge: false) }
        XCTAssertEqual(e, .WrongSecret)
        XCTAssertFalse(e?.description.contains("not the passphrase") ?? true)
        XCTAssertEqual(backupError { try verifyBackup(file: file, secret: wrong) }, .WrongSecret)

        var flipped = file
        flipped[flipped.count - 20] ^= 0x01
        XCTAssertEqual(backupError { try new.restoreBackup(file: flipped, secret: self.passphrase, merge: false) }, .Damaged)

        let cut = file.prefix(file.count - 10)
        XCTAssertEqual(
            backupError { try new.restoreBackup(file: Data(cut), secret: self.passphrase, merge: false) },
            .Truncated(expected: UInt64(file.count), found: UInt64(cut.count)))

        // Damage at the start of a sealed file cannot be told from a wrong secret.
        var start = file
        start[30] ^= 0x01
        XCTAssertEqual(backupError { try new.restoreBackup(file: start, secret: self.passphrase, merge: false) }, .WrongSecret)

        // A format-1 file keeps its clear header, and one claiming a newer version asks for an update.
        XCTAssertEqual(
            try readBackupHeader(file: formatOneHeader(version: 1)),
            BackupHeader(version: 1, secretKind: .passphrase, kdf: minimumKdfParams()))
        let newer = formatOneHeader(version: 2)
        XCTAssertEqual(backupError { _ = try readBackupHeader(file: newer) }, .NewerFormat(version: 2))
        XCTAssertEqual(
            backupError { try new.restoreBackup(file: newer, secret: self.passphrase, merge: false) },
            .NewerFormat(version: 2))

        XCTAssertEqual(backupError { _ = try readBackupHeader(file: Data("hello".utf8)) }, .NotABackup)

        // None of these wrote anything.
        XCTAssertEqual(try new.counters(), [])
        XCTAssertEqual(try new.contacts(), [])
        XCTAssertNil(try new.region())
    }

    func testAShortOrWeakPassphraseAndALockedVaultAreRefused() throws {
        let vault = try Support.newVault().vault
        try fill(vault)
        XCTAssertEqual(
            backupError {
                try vault.exportBackup(secret: Data("short".utf8), kind: .passphrase, kdf: minimumKdfParams())
            },
            .PassphraseTooShort(min: 8))
        let weak = backupError {
            try vault.exportBackup(secret: Data("password1".utf8), kind: .passphrase, kdf: minimumKdfParams())
        }
        guard case .WeakPassphrase(let reason)? = weak else { return XCTFail("\(String(describing: weak))") }
        XCTAssertTrue(reason.contains("too easy to guess"), reason)
        let file = try export(vault)
        vault.lock()
        XCTAssertEqual(backupError { try self.export(vault) }, .Locked)
        XCTAssertEqual(backupError { try vault.restoreBackup(file: file, secret: self.passphrase, merge: true) }, .Locked)
    }

    func testTheSuggestedFileNameIsTheDateAndNothingElse() {
        let name = suggestedBackupFileName(today: "2026-11-29")
        XCTAssertEqual(name, "backup-2026-11-29")
        XCTAssertFalse(name.lowercased().contains("oneday"))
        XCTAssertFalse(name.lowercased().contains("one day"))
    }
}
