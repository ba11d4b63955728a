import Foundation
import OneDay
import XCTest

@testable import OneDayViewModels

final class MeetingReminderAndWipeTests: XCTestCase {
    private let feed = Data(
        """
        [{"name": "Tuesday Online", "slug": "online-tue", "day": 2, "time": "19:00",
          "conference_url": "https://zoom.example/j/42", "timezone": "Europe/Berlin"}]
        """.utf8)
    /// Monday 2024-06-03, 08:00 UTC.
    private let monday = Date(timeIntervalSince1970: 1_717_401_600)

    private func next(_ vault: Vault) throws -> UpcomingMeeting {
        let found = try vault.nextMeetings(from: monday, userZone: "Europe/Berlin", count: 1, filter: MeetingFilter(), savedOnly: true)
        XCTAssertEqual(found.occurrences.count, 1)
        return try XCTUnwrap(found.occurrences.first)
    }

    func testTheChosenReminderIsCoresAndGivesEachOccurrenceItsRemindAt() throws {
        let vault = try TestVaults.newVault()
        let meetings = MeetingsModel(vault: vault, userZone: "Europe/Berlin")
        _ = try meetings.importList(feed: feed, format: .meetingGuide, listName: "home").done()
        let id = try XCTUnwrap(try vault.meetings().first).id
        _ = try meetings.setSaved(meetingId: id, saved: true).done()
        let choice = MeetingReminderChoice(vault: vault)

        let (options, current) = try choice.options(meetingId: id).done()
        XCTAssertEqual(options[current].reminder, .off)
        XCTAssertEqual(
            options.map(\.label),
            [
                "Off", "5 minutes before", "10 minutes before", "15 minutes before", "30 minutes before", "1 hour before",
                "2 hours before", "1 day before",
            ])
        XCTAssertNil(try next(vault).remindAt)

        let fifteen = try XCTUnwrap(options.first { $0.label == "15 minutes before" })
        XCTAssertEqual(try choice.choose(meetingId: id, fifteen).done(), "Reminder for “Tuesday Online”: 15 minutes before.")
        XCTAssertEqual(try vault.meeting(id: id).user.reminder, fifteen.reminder)
        let o = try next(vault)
        let remindAt = try XCTUnwrap(o.remindAt)
        XCTAssertEqual(o.startUser.instant.timeIntervalSince(remindAt.instant), 15 * 60)
        XCTAssertEqual(try choice.options(meetingId: id).done().current, 3)

        XCTAssertEqual(try choice.choose(meetingId: id, options[0]).done(), "No reminder for “Tuesday Online”.")
        XCTAssertEqual(try vault.meeting(id: id).user.reminder, .off)
    }

    func testAReminderSetElsewhereIsOfferedAsItIs() throws {
        let vault = try TestVaults.newVault()
        _ = try MeetingsModel(vault: vault, userZone: "Europe/Berlin").importList(feed: feed, format: .meetingGuide, listName: "home").done()
        let id = try XCTUnwrap(try vault.meetings().first).id
        _ = try vault.setMeetingReminder(id: id, reminder: .minutesBefore(minutes: 45))
        let (options, current) = try MeetingReminderChoice(vault: vault).options(meetingId: id).done()
        XCTAssertEqual(options[current].label, "45 minutes before")
        XCTAssertEqual(options.count, MeetingReminderChoice.standard.count + 1)
        XCTAssertEqual(MeetingReminderChoice.before(1), "1 minute before")
        XCTAssertEqual(MeetingReminderChoice.before(180), "3 hours before")
        // Core's own limit: at most a week.
        let tooLong = MeetingReminderChoice.option(.minutesBefore(minutes: 20_000))
        let refusal = try MeetingReminderChoice(vault: vault).choose(meetingId: id, tooLong).refused()
        XCTAssertFalse(refusal.text.isEmpty)
        XCTAssertEqual(try vault.meeting(id: id).user.reminder, .minutesBefore(minutes: 45))
    }

    func testPanicWipeDeletesTheVaultAndLocksTheOpenHandle() throws {
        let vault = try TestVaults.newVault()
        _ = try vault.addCounter(settings: TestVaults.settings("Alcohol"), start: "2024-01-01")
        let dir = vault.dir()
        var order: [String] = []
        let wipe = PanicWipe(vaultDir: dir) { order.append(vaultExists(dir: dir) ? "key, vault still there" : "key, vault gone") }
        XCTAssertEqual(wipe.warning, "This deletes everything in One Day on this phone. It cannot be undone.")
        XCTAssertTrue(vaultExists(dir: dir))
        _ = try wipe.wipe().done()
        XCTAssertEqual(order, ["key, vault still there"], "the device key goes first")
        XCTAssertFalse(vaultExists(dir: dir))
        XCTAssertTrue(vault.isLocked())
        XCTAssertEqual(try TodayModel(vault: vault, today: "2024-02-01").cards().refused(), UserMessage.locked)
        // Again (an interrupted wipe is finished the same way): still fine.
        _ = try wipe.wipe().done()
    }

    func testAKeychainFailureStillWipesTheVaultAndSaysSo() throws {
        struct KeychainBusy: Error {}
        let vault = try TestVaults.newVault()
        let dir = vault.dir()
        let wipe = PanicWipe(vaultDir: dir) { throw KeychainBusy() }
        let outcome = try wipe.wipe()
        XCTAssertFalse(vaultExists(dir: dir), "the vault is wiped whatever happened to the key")
        XCTAssertEqual(outcome.message, UserMessage(text: PanicWipe.keyNotDeleted, action: .tryAgain))
    }

    func testADamagedRecoverySlotIsFoundAtOpenAndANewCodeIsOffered() throws {
        var vault: Vault? = try TestVaults.newVault()
        let dir = vault!.dir()
        XCTAssertNil(try RecoverySlotCheck(vault: vault!).warning().done())
        vault = nil
        try damageRecoverySlot(URL(fileURLWithPath: dir).appendingPathComponent("vault.db"))
        let reopened = try Vault.openWithDeviceKey(dir: dir, deviceKey: Data(repeating: 7, count: 32))
        let check = RecoverySlotCheck(vault: reopened)
        XCTAssertEqual(try check.warning().done(), RecoverySlotCheck.warningText)
        XCTAssertEqual(try check.newCode().done().count, 39)
        XCTAssertNil(try check.warning().done())
    }

    /// Flips a byte inside the recovery slot, as a bad block would: the slot is found by its header
    /// (format 1, recovery, AES-GCM, a key id, a recovery code, m = 19456 KiB, t = 2, p = 1).
    private func damageRecoverySlot(_ db: URL) throws {
        var bytes = [UInt8](try Data(contentsOf: db))
        let kdf: [UInt8] = [1, 0, 0, 0x4C, 0, 0, 0, 0, 2, 0, 0, 0, 1]
        var found = 0
        for at in 0..<(bytes.count - 128)
        where bytes[at] == 1 && bytes[at + 1] == 2 && bytes[at + 2] == 1
            && kdf.indices.allSatisfy({ bytes[at + 7 + $0] == kdf[$0] }) {
            bytes[at + 60] ^= 1
            found += 1
        }
        XCTAssertGreaterThan(found, 0, "no recovery slot found in the file")
        try Data(bytes).write(to: db)
    }
}
