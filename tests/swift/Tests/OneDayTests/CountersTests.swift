import Foundation
import OneDay
import XCTest

final class CountersTests: XCTestCase {
    func testResetWithANoteKeepsHistoryAndStats() throws {
        let vault = try Support.newVault().vault
        let c = try vault.addCounter(settings: Support.settings("Alcohol"), start: "2023-01-01")
        _ = try vault.resetCounter(id: c.id, relapseOn: "2023-04-11", note: "lost my job")
        let after = try vault.resetCounter(id: c.id, relapseOn: "2023-05-01", newStart: "2023-05-02")
        XCTAssertEqual(after.attempts.count, 3)
        XCTAssertEqual(after.attempts[0].end?.note, "lost my job")
        XCTAssertEqual(after.attempts[1].end?.reason, .relapse)
        XCTAssertNil(after.attempts[2].end)

        let status = try vault.counterStatus(id: c.id, today: "2023-06-01")
        XCTAssertEqual(status.stats, AttemptStats(
            currentRunDays: 30, longestRunDays: 100, totalCleanDays: 150, attempts: 3, relapses: 2))
        XCTAssertEqual(status.cleanTime.start, "2023-05-02")
    }

    func testBackDatingIsAnEditNotARelapse() throws {
        let vault = try Support.newVault().vault
        let c = try vault.addCounter(settings: Support.settings("Clean"), start: "2024-03-01")
        XCTAssertEqual(try vault.editCounter(id: c.id, edit: CounterEdit(start: "2024-01-01")).attempts.count, 1)
        let stats = try vault.counterStatus(id: c.id, today: "2024-03-01").stats
        XCTAssertEqual(stats.currentRunDays, 60)
        XCTAssertEqual(stats.relapses, 0)
    }

    func testPauseResumeArchiveDelete() throws {
        let vault = try Support.newVault().vault
        let c = try vault.addCounter(settings: Support.settings("Gambling"), start: "2024-01-01")
        _ = try vault.pauseCounter(id: c.id, on: "2024-01-11", note: "in hospital")
        XCTAssertEqual(try vault.counterStatus(id: c.id, today: "2024-01-20").cleanTime.state, .paused)
        XCTAssertThrowsError(try vault.resetCounter(id: c.id, relapseOn: "2024-01-20")) { error in
            guard case CleanTimeError.NotRunning = error else { return XCTFail("\(error)") }
        }
        _ = try vault.resumeCounter(id: c.id, start: "2024-01-21")
        XCTAssertThrowsError(try vault.resumeCounter(id: c.id, start: "2024-01-22")) { error in
            guard case CleanTimeError.AlreadyRunning = error else { return XCTFail("\(error)") }
        }
        XCTAssertEqual(try vault.counterStatus(id: c.id, today: "2024-01-31").stats.totalCleanDays, 20)
        XCTAssertTrue(try vault.editCounter(id: c.id, edit: CounterEdit(archived: true)).archived)
        XCTAssertEqual(try vault.status(today: "2024-02-01").map(\.counter.archived), [true])
        try vault.deleteCounter(id: c.id)
        XCTAssertEqual(try vault.counters(), [])
        XCTAssertThrowsError(try vault.counter(id: c.id)) { error in
            guard case CleanTimeError.NotFound = error else { return XCTFail("\(error)") }
        }
    }

    func testStatusListsEveryCounterWithMoneySaved() throws {
        let vault = try Support.newVault().vault
        var smoking = Support.settings("Smoking")
        smoking.dailyCost = try parseMoney(amount: "12.50", currency: "eur")
        _ = try vault.addCounter(settings: smoking, start: "2024-01-01")
        _ = try vault.addCounter(settings: Support.settings("Later"), start: "2024-03-01")
        let rows = try vault.status(today: "2024-01-11")
        XCTAssertEqual(rows.map(\.counter.settings.label), ["Smoking", "Later"])
        XCTAssertEqual(rows[0].cleanTime.moneySaved, Money(minorUnits: 12500, currency: "EUR"))
        XCTAssertEqual(rows[1].cleanTime.state, .notStarted)
        XCTAssertEqual(rows[1].cleanTime.startsInDays, 50)
    }

    func testSettingsAreCheckedAndUpdated() throws {
        let vault = try Support.newVault().vault
        XCTAssertThrowsError(try vault.addCounter(settings: Support.settings(" "), start: "2024-01-01")) { error in
            guard case CleanTimeError.Validation = error else { return XCTFail("\(error)") }
        }
        let c = try vault.addCounter(settings: Support.settings("Clean"), start: "2024-01-01")
        let renamed = CounterEdit(label: "Sober", nameInReminders: true)
        XCTAssertTrue(try vault.editCounter(id: c.id, edit: renamed).settings.nameInReminders)
        XCTAssertEqual(try vault.counter(id: c.id).settings.label, "Sober")
        XCTAssertThrowsError(try vault.resetCounter(id: c.id, relapseOn: "2024-01-05", note: "a\u{07}b")) { error in
            XCTAssertEqual(error as? CleanTimeError, .Validation(message: "a name cannot contain control characters"))
        }
        XCTAssertThrowsError(try vault.counter(id: "not-an-id")) { error in
            guard case CleanTimeError.Validation = error else { return XCTFail("\(error)") }
        }
    }

    func testImpossibleMalformedAndOutOfRangeDatesAreValidationErrors() throws {
        XCTAssertThrowsError(try parseDate(text: "2023-02-29")) { error in
            XCTAssertEqual(
                error as? CleanTimeError,
                .InvalidDate(message: "2023-02-29 does not exist: February 2023 has 28 days"))
        }
        XCTAssertEqual(try parseDate(text: "2024-02-29"), "2024-02-29")
        // In Swift a LocalDate is an ISO string, so every function that takes one checks it.
        XCTAssertThrowsError(try cleanTime(start: "2023-02-29", today: "2024-01-01")) { error in
            guard case CleanTimeError.InvalidDate = error else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try cleanTime(start: "29/02/2024", today: "2024-03-01")) { error in
            guard case CleanTimeError.InvalidDate = error else { return XCTFail("\(error)") }
        }
        let vault = try Support.newVault().vault
        XCTAssertThrowsError(try vault.addCounter(settings: Support.settings("Clean"), start: "1850-01-01")) { error in
            guard case CleanTimeError.InvalidDate = error else { return XCTFail("\(error)") }
        }
    }

    func testRemindersAreNeutralUnlessTheCounterOptsIn() throws {
        let vault = try Support.newVault().vault
        _ = try vault.addCounter(settings: Support.settings("Alcohol"), start: "2024-01-01")
        var named = Support.settings("Cocaine")
        named.nameInReminders = true
        let namedId = try vault.addCounter(settings: named, start: "2024-01-02").id
        let reminders = try vault.upcomingReminders(today: "2024-01-20", horizonDays: 45, at: "09:00")
        XCTAssertEqual(reminders.map(\.date), ["2024-01-31", "2024-02-01", "2024-03-01", "2024-03-02"])
        XCTAssertTrue(reminders.allSatisfy { $0.time == "09:00:00" && $0.title == "One Day" })
        let neutral = try XCTUnwrap(reminders.first { $0.counterId != namedId })
        XCTAssertFalse(neutral.body.contains("Alcohol"), neutral.body)
    }

    func testAnEditChangesOnlyWhatItNamesInOneCall() throws {
        let vault = try Support.newVault().vault
        var costly = Support.settings("Clean")
        costly.dailyCost = Money(minorUnits: 500, currency: "EUR")
        let c = try vault.addCounter(settings: costly, start: "2024-03-01")
        let edited = try vault.editCounter(id: c.id, edit: CounterEdit(label: "Sober", start: "2024-01-01", archived: true))
        XCTAssertEqual(edited.settings.label, "Sober")
        XCTAssertEqual(edited.attempts.map(\.start), ["2024-01-01"])
        XCTAssertTrue(edited.archived)
        XCTAssertEqual(edited.settings.dailyCost, costly.dailyCost)
        XCTAssertNil(try vault.editCounter(id: c.id, edit: CounterEdit(clearDailyCost: true, archived: false)).settings.dailyCost)
        // Refused as a whole: the other change is not written either.
        XCTAssertThrowsError(try vault.editCounter(id: c.id, edit: CounterEdit(label: " ", nameInReminders: true))) { error in
            guard case CleanTimeError.Validation = error else { return XCTFail("\(error)") }
        }
        XCTAssertFalse(try vault.counter(id: c.id).settings.nameInReminders)
        XCTAssertThrowsError(try vault.editCounter(id: c.id, edit: CounterEdit(start: "2024-02-30"))) { error in
            guard case CleanTimeError.InvalidDate = error else { return XCTFail("\(error)") }
        }
    }

    func testTodayIsTheWholeScreenInOneCall() throws {
        let vault = try Support.newVault().vault
        let old = try vault.addCounter(settings: Support.settings("Old"), start: "2023-01-01")
        _ = try vault.editCounter(id: old.id, edit: CounterEdit(archived: true))
        let later = try vault.addCounter(settings: Support.settings("Later"), start: "2024-02-04")
        let running = try vault.addCounter(settings: Support.settings("Running"), start: "2024-01-01")
        let screen = try vault.today(today: "2024-02-01")
        XCTAssertEqual(screen.cards.map(\.counterId), [running.id, later.id])
        let card = screen.cards[0]
        XCTAssertEqual(card.cleanTime.totalDays, 31)
        XCTAssertEqual(card.keyTag?.label, "30 days")
        XCTAssertEqual(card.cleanTime.nextMilestone?.milestone.label, "60 days")
        XCTAssertTrue(card.canReset)
        XCTAssertEqual(screen.cards[1].cleanTime.state, .notStarted)
        XCTAssertFalse(screen.cards[1].canReset)
        XCTAssertEqual(screen.widgetDays, 31)
        XCTAssertEqual(screen.reminders.map(\.date), ["2024-02-04", "2024-03-01", "2024-03-05", "2024-03-31"])
        XCTAssertTrue(screen.reminders.allSatisfy { $0.time == "09:00:00" && $0.counterId != old.id })
        let all = try vault.today(today: "2024-02-01", includeArchived: true, reminderDays: 3, reminderTime: "07:30")
        XCTAssertEqual(all.cards.map(\.counterId), [old.id, running.id, later.id])
        XCTAssertTrue(all.cards[0].archived)
        XCTAssertEqual(all.reminders.map(\.time), ["07:30:00"])
        // One counter's card, as the screen shows it, archived or not.
        XCTAssertEqual(try vault.todayCard(id: running.id, today: "2024-02-01"), card)
        XCTAssertTrue(try vault.todayCard(id: old.id, today: "2024-02-01").archived)
    }
}
