import Foundation
import OneDay
import XCTest

@testable import OneDayViewModels

final class BackupModelTests: XCTestCase {
    private let berlin = TimeZone(identifier: "Europe/Berlin")!
    private let today: LocalDate = "2026-11-29"
    private let passphrase = "blue kettle on the hill"
    private let damagedText = "The file is damaged or incomplete. Your data here is unchanged."

    private func model(_ vault: Vault) -> BackupModel {
        BackupModel(vault: vault, timeZone: berlin, locale: Locale(identifier: "en_US"), kdf: minimumKdfParams())
    }

    /// A vault with a counter and two contacts.
    @discardableResult
    private func filled(_ vault: Vault) throws -> Vault {
        _ = try vault.addCounter(settings: TestVaults.settings("Alcohol"), start: "2024-01-01")
        _ = try vault.addContact(contact: NewContact(name: "Sam", role: .sponsor, phone: "+44 7700 900123", smsAllowed: true, note: nil))
        _ = try vault.addContact(contact: NewContact(name: "Ana", role: .friend, phone: "+44 7700 900456", smsAllowed: false, note: nil))
        return vault
    }

    private func exported(_ vault: Vault) throws -> Data {
        try model(vault).export(.passphrase, secret: passphrase, again: passphrase, today: today).done().bytes
    }

    private func labels(_ vault: Vault) throws -> [String] { try vault.counters().map(\.settings.label).sorted() }

    private func names(_ vault: Vault) throws -> [String] { try vault.contacts().map(\.name) }

    func testExportWithAPassphraseTypedTwiceGivesCoresFileAndANeutralName() throws {
        let vault = try filled(TestVaults.newVault())
        let backup = model(vault)
        XCTAssertEqual(backup.secretChoices.map(\.label), ["My recovery code", "A passphrase"])

        XCTAssertEqual(
            try backup.export(.passphrase, secret: passphrase, again: passphrase + "!", today: today).refused(),
            BackupModel.passphrasesDiffer)
        // Core's minimum, as a sentence (the typed text is not in it).
        XCTAssertEqual(
            try backup.export(.passphrase, secret: "abc", again: "abc", today: today).refused().text,
            "A passphrase needs at least 8 characters.")

        let file = try backup.export(.passphrase, secret: passphrase, again: passphrase, today: today).done()
        XCTAssertEqual(file.suggestedName, "backup-2026-11-29")
        for name in ["oneday", "one day", "one-day", "alcohol"] {
            XCTAssertFalse(file.suggestedName.lowercased().contains(name), file.suggestedName)
        }
        XCTAssertNil(try readBackupHeader(file: file.bytes), "a sealed file says nothing before it is opened")
        XCTAssertNil(file.bytes.range(of: Data("Alcohol".utf8)), "the file is sealed")
    }

    func testExportWithTheRecoveryCodeTakesOnlyThisVaultsCode() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("oneday-ios-\(UUID().uuidString)").path
        let created = try createVault(dir: dir + "/vault", deviceKey: Data(repeating: 7, count: 32), kdf: minimumKdfParams())
        let code = try XCTUnwrap(String(data: created.recoveryCode, encoding: .utf8))
        let vault = try filled(created.vault)
        let backup = model(vault)

        // Another vault's code, or something that is no code at all: refused before sealing.
        let otherDir = FileManager.default.temporaryDirectory.appendingPathComponent("oneday-ios-\(UUID().uuidString)").path
        let othersCode = try createVault(dir: otherDir + "/v", deviceKey: Data(repeating: 9, count: 32), kdf: minimumKdfParams())
            .recoveryCode
        XCTAssertEqual(
            try backup.export(.recoveryCode, secret: try XCTUnwrap(String(data: othersCode, encoding: .utf8)), again: "", today: today)
                .refused(),
            BackupModel.notThisRecoveryCode)
        XCTAssertEqual(
            try backup.export(.recoveryCode, secret: "my code", again: "", today: today).refused(), BackupModel.notThisRecoveryCode)
        XCTAssertFalse(vault.isLocked(), "a wrong code leaves the vault as it was")

        // Typed back in lower case without dashes: core's normalisation.
        let typed = code.replacingOccurrences(of: "-", with: "").lowercased()
        let file = try backup.export(.recoveryCode, secret: typed, again: "", today: today).done()
        XCTAssertNil(try readBackupHeader(file: file.bytes), "a sealed file says nothing before it is opened")

        let other = try TestVaults.newVault()
        let restore = model(other)
        let ask = try restore.open(file.bytes).done()
        XCTAssertNil(ask.kind, "one field takes either secret")
        XCTAssertTrue(ask.prompt.contains("recovery code"), ask.prompt)
        guard case .restored = try restore.restore(file.bytes, ask, secret: code).done() else {
            return XCTFail("a new vault is restored into directly")
        }
        XCTAssertEqual(try labels(other), ["Alcohol"])
    }

    func testRestoreIntoANewPhoneShowsWhatIsInsideThenRestoresEverything() throws {
        let old = try filled(TestVaults.newVault())
        let file = try exported(old)
        let new = try TestVaults.newVault()
        let restore = model(new)
        let ask = try restore.open(file).done()
        XCTAssertNil(ask.kind)
        XCTAssertEqual(
            ask.prompt,
            "Type the passphrase chosen when this backup was made, or the recovery code if it was made with that.")

        let wrong = try restore.preview(file, ask, secret: "not the passphrase").refused()
        XCTAssertEqual(
            wrong.text,
            "That passphrase or recovery code doesn't open this file. Check it and try again; if it still doesn't open, "
                + "the file may not be a One Day backup, or may be damaged. Your data here is unchanged.")
        XCTAssertEqual(wrong.action, .none)

        let f = DateFormatter()
        f.timeZone = berlin
        f.locale = Locale(identifier: "en_US")
        f.dateFormat = "d MMM yyyy"
        let preview = try restore.preview(file, ask, secret: passphrase).done()
        XCTAssertEqual(preview.summary, "Made on \(f.string(from: Date())): 1 counter, 2 contacts.")
        XCTAssertEqual(try labels(new), [], "a preview writes nothing")

        XCTAssertEqual(
            try restore.restore(file, ask, secret: passphrase).done(), .restored(report: "Restored: 3 added, 0 updated, 0 unchanged."))
        XCTAssertEqual(try labels(new), try labels(old))
        XCTAssertEqual(try names(new), try names(old))
    }

    func testAVaultInUseIsOnlyMergedAfterTheQuestionAndNothingIsDeleted() throws {
        let file = try exported(try filled(TestVaults.newVault()))
        let mine = try TestVaults.newVault()
        _ = try mine.addCounter(settings: TestVaults.settings("Gambling"), start: "2025-05-05")
        _ = try mine.addContact(contact: NewContact(name: "Sam", role: .sponsor, phone: "+44 7700 900123", smsAllowed: true, note: nil))
        let restore = model(mine)
        let ask = try restore.open(file).done()

        XCTAssertEqual(try restore.restore(file, ask, secret: passphrase).done(), .askToMerge)
        XCTAssertEqual(try labels(mine), ["Gambling"], "nothing written before the user agreed")
        XCTAssertTrue(restore.mergeQuestion.contains("Nothing is deleted."), restore.mergeQuestion)

        // Alcohol and Ana are new; Sam is the same contact (name and number) and stays as he is.
        XCTAssertEqual(try restore.merge(file, ask, secret: passphrase).done(), "Restored: 2 added, 0 updated, 1 unchanged.")
        XCTAssertEqual(try labels(mine), ["Alcohol", "Gambling"])
        XCTAssertEqual(try names(mine), ["Sam", "Ana"])

        // The same backup again: everything is already here.
        XCTAssertEqual(try restore.merge(file, ask, secret: passphrase).done(), "Restored: 0 added, 0 updated, 3 unchanged.")
    }

    func testTwoPhonesWithDifferentRelapsesKeepBothCounters() throws {
        let a = try TestVaults.newVault()
        let counter = try a.addCounter(settings: TestVaults.settings("Alcohol"), start: "2024-01-01")
        let b = try TestVaults.newVault()
        let first = try exported(a)
        let restoreB = model(b)
        XCTAssertNotEqual(try restoreB.restore(first, try restoreB.open(first).done(), secret: passphrase).done(), .askToMerge)
        // Each phone records its own relapse of the same run.
        _ = try a.resetCounter(id: counter.id, relapseOn: "2024-03-01", newStart: nil, note: nil)
        _ = try b.resetCounter(id: counter.id, relapseOn: "2024-04-01", newStart: nil, note: nil)

        let second = try exported(a)
        XCTAssertEqual(
            try restoreB.merge(second, try restoreB.open(second).done(), secret: passphrase).done(),
            "Restored: 1 added, 0 updated, 0 unchanged.\n"
                + "1 counter is here twice: the two phones recorded different relapses for it, so both versions were kept.")
        XCTAssertEqual(try labels(b), ["Alcohol", "Alcohol"])
    }

    /// A format-1 file as docs/backup-format.md lays it out: its clear header, then a 16-byte ciphertext.
    private func formatOne(version: UInt16) -> Data {
        var b = Data("ONEDAYBK".utf8)
        b.append(contentsOf: [UInt8(version >> 8), UInt8(version & 0xff), 1, 2])
        for v: UInt32 in [19456, 2, 1] { withUnsafeBytes(of: v.bigEndian) { b.append(contentsOf: $0) } }
        b.append(Data(count: 28))  // salt and nonce
        withUnsafeBytes(of: UInt64(16).bigEndian) { b.append(contentsOf: $0) }
        b.append(Data(count: 32))  // key check and ciphertext
        return b
    }

    func testEveryFileProblemIsASentenceAndChangesNothing() throws {
        let file = try exported(try filled(TestVaults.newVault()))
        let mine = try TestVaults.newVault()
        _ = try mine.addCounter(settings: TestVaults.settings("Gambling"), start: "2025-05-05")
        let restore = model(mine)
        let ask = try restore.open(file).done()

        var flipped = file
        flipped[flipped.count - 40] ^= 1
        XCTAssertEqual(try restore.preview(flipped, ask, secret: passphrase).refused().text, damagedText)
        XCTAssertEqual(try restore.merge(flipped, ask, secret: passphrase).refused().text, damagedText)

        // A sealed file shows it was cut short once the passphrase opens it.
        let cut = file.prefix(file.count - 100)
        XCTAssertEqual(try restore.preview(cut, try restore.open(cut).done(), secret: passphrase).refused().text, damagedText)
        XCTAssertEqual(try restore.merge(cut, ask, secret: passphrase).refused().text, damagedText)

        // An old (format-1) file names its secret in its clear header; one claiming a newer version
        // asks for an update.
        let old = try restore.open(formatOne(version: 1)).done()
        XCTAssertEqual(old.kind, .passphrase)
        XCTAssertEqual(old.prompt, "This backup opens with the passphrase chosen when it was made.")
        let update = try restore.open(formatOne(version: 2)).refused().text
        XCTAssertTrue(update.contains("Update One Day"), update)
        XCTAssertTrue(update.hasSuffix("Your data here is unchanged."), update)

        XCTAssertEqual(
            try restore.open(Data("[{\"name\": \"a meeting list\"}]".utf8)).refused().text,
            "This file is not a One Day backup. Your data here is unchanged.")
        XCTAssertEqual(try labels(mine), ["Gambling"])
    }

    func testALockedVaultAsksToUnlock() throws {
        let vault = try filled(TestVaults.newVault())
        let file = try exported(vault)
        vault.lock()
        let backup = model(vault)
        XCTAssertEqual(try backup.export(.passphrase, secret: passphrase, again: passphrase, today: today).refused(), .locked)
        XCTAssertEqual(try backup.merge(file, try backup.open(file).done(), secret: passphrase).refused(), .locked)
    }

    func testTheSummaryAndTheReportAreWordedFromCoresCounts() throws {
        let backup = model(try TestVaults.newVault())
        let header = BackupHeader(version: 1, secretKind: .passphrase, kdf: minimumKdfParams())
        // 2026-11-28 23:30 UTC is already the 29th in Berlin.
        let made: Int64 = 1_795_908_600_000
        let counts = [
            BackupKindCount(kind: .counter, count: 2), BackupKindCount(kind: .setting, count: 0),
            BackupKindCount(kind: .meeting, count: 0), BackupKindCount(kind: .meetingSource, count: 1),
            BackupKindCount(kind: .contact, count: 1), BackupKindCount(kind: .plan, count: 2),
            BackupKindCount(kind: .checkIn, count: 14),
        ]
        XCTAssertEqual(
            backup.summaryLine(BackupSummary(header: header, madeAtEpochMillis: made, records: counts)),
            "Made on 29 Nov 2026: 2 counters, 1 meeting list, 1 contact, 2 plans, 14 check-ins.")
        XCTAssertEqual(
            backup.summaryLine(
                BackupSummary(header: header, madeAtEpochMillis: made, records: counts.map { BackupKindCount(kind: $0.kind, count: 0) })),
            "Made on 29 Nov 2026: nothing in it yet.")
        let kinds = [KindRestoreReport(kind: .counter, added: 1, updated: 2, unchanged: 3, keptBoth: 2)]
        XCTAssertEqual(
            backup.reportText(RestoreReport(kinds: kinds, added: 1, updated: 2, unchanged: 3, keptBoth: 2)),
            "Restored: 1 added, 2 updated, 3 unchanged.\n"
                + "2 counters are here twice: the two phones recorded different relapses for them, so both versions were kept.")
    }
}
