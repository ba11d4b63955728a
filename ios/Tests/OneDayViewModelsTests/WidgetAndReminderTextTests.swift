import Foundation
import OneDay
import XCTest

@testable import OneDayViewModels

final class WidgetAndReminderTextTests: XCTestCase {
    private let today: LocalDate = "2024-06-03"

    func testTheWidgetWordsCoresCountAsTheTodayScreenDoes() throws {
        let vault = try TestVaults.newVault()
        XCTAssertEqual(try WidgetText(vault: vault, today: today).text(), WidgetText.noCounter)
        let paused = try vault.addCounter(settings: TestVaults.settings("Alcohol"), start: Day.plus(today, -100)).id
        _ = try vault.pauseCounter(id: paused, on: Day.plus(today, -1), note: nil)
        let running = try vault.addCounter(settings: TestVaults.settings("Cannabis"), start: Day.plus(today, -12)).id

        let text = try WidgetText(vault: vault, today: today).text()
        XCTAssertEqual(text, "12 days")
        XCTAssertEqual(text, CountText.days(try XCTUnwrap(try vault.today(today: today).widgetDays)))
        XCTAssertEqual(text, try TodayModel(vault: vault, today: today).cards().done().first { $0.counterId == running }?.daysLine)
        XCTAssertFalse(text.contains("Cannabis"))

        vault.lock()
        XCTAssertEqual(try WidgetText(vault: vault, today: today).text(), "Unlock One Day")
    }

    func testTheLockScreenTextNamesNothing() throws {
        let vault = try TestVaults.newVault()
        let id = try vault.addCounter(settings: TestVaults.settings("Cocaine", nameInReminders: true), start: Day.plus(today, -29)).id
        let reminder = try XCTUnwrap(try vault.today(today: today).reminders.first { $0.counterId == id })
        let privateText = ReminderText.counter(reminder)
        XCTAssertEqual(privateText.title, reminder.title)
        XCTAssertEqual(privateText.body, reminder.body)
        XCTAssertTrue((privateText.title + privateText.body).contains("Cocaine"), "the counter opted in to being named")

        let feed = Data(
            """
            [{"name": "Night Owls", "slug": "owls", "day": 1, "time": "21:00",
              "conference_url": "https://zoom.example/j/1", "timezone": "Europe/Berlin"}]
            """.utf8)
        _ = try vault.importMeetings(feed: feed, format: .meetingGuide, source: "home", bmltFormats: nil, defaultZone: nil)
        _ = try vault.setMeetingSaved(id: "home/owls", saved: true)
        _ = try vault.setMeetingReminder(id: "home/owls", reminder: .minutesBefore(minutes: 30))
        // Monday 2024-06-03, 08:00 UTC.
        let found = try vault.nextMeetings(
            from: Date(timeIntervalSince1970: 1_717_401_600), userZone: "Europe/Berlin", count: 1, filter: MeetingFilter(),
            savedOnly: true)
        let occurrence = try XCTUnwrap(found.occurrences.first)
        XCTAssertEqual(found.occurrences.count, 1)
        XCTAssertEqual(ReminderText.meeting(occurrence), NotificationText(title: "Night Owls", body: "Starts at 21:00 · Online"))

        let lock = ReminderText.lockScreen
        XCTAssertEqual(lock.title, "A reminder from One Day")
        for detail in ["Cocaine", "Night Owls", "21:00", "30 days", "meeting", "Online", "milestone"] {
            XCTAssertFalse((lock.title + " " + lock.body).lowercased().contains(detail.lowercased()), "lock screen says \(detail)")
        }
    }
}
