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
        let wipe = PanicWipe(vaultDir: dir)
        XCTAssertEqual(wipe.warning, "This deletes everything in One Day on this phone. It cannot be undone.")
        XCTAssertTrue(vaultExists(dir: dir))
        _ = try wipe.wipe().done()
        XCTAssertFalse(vaultExists(dir: dir))
        XCTAssertTrue(vault.isLocked())
        XCTAssertEqual(try TodayModel(vault: vault, today: "2024-02-01").cards().refused(), UserMessage.locked)
        // Again (an interrupted wipe is finished the same way): still fine.
        _ = try wipe.wipe().done()
    }
}
