import OneDay
import XCTest

@testable import OneDayViewModels

final class TodayModelTests: XCTestCase {
    private let today: LocalDate = "2025-06-15"

    func testARunningCardShowsWhatCoreComputes() throws {
        let vault = try TestVaults.newVault()
        let id = try vault.addCounter(settings: TestVaults.settings("Alcohol"), start: Day.plus(today, -832)).id
        let cards = try TodayModel(vault: vault, today: today).cards().done()
        XCTAssertEqual(cards.count, 1)
        let card = try XCTUnwrap(cards.first)
        let core = try vault.counterStatus(id: id, today: today).cleanTime

        XCTAssertEqual(card.label, "Alcohol")
        XCTAssertEqual(card.state, .running)
        XCTAssertEqual(core.totalDays, 832)
        // The days line is core's status, worded.
        XCTAssertEqual(card.daysLine, "832 days")
        XCTAssertEqual(card.daysLine, CountText.days(core.totalDays))
        XCTAssertEqual(card.periodLine, CountText.period(core.period))
        // Foundation's calendar agrees with core on the period (the design's definition).
        let foundation = try Day.period(from: Day.plus(today, -832), to: today)
        XCTAssertEqual(card.periodLine, "\(foundation.years) years, \(foundation.months) months, \(foundation.days) days")

        let tag = try XCTUnwrap(card.keyTag)
        XCTAssertEqual(tag.name, core.milestonesReached.last?.label)
        XCTAssertEqual(tag.colourName, "black")
        XCTAssertEqual(tag.colourHex, "#000000")

        let next = try XCTUnwrap(card.next)
        let coreNext = try XCTUnwrap(core.nextMilestone)
        XCTAssertEqual(next.keyTag.name, coreNext.milestone.label)
        XCTAssertEqual(next.fraction, coreNext.progress)
        XCTAssertTrue((0.0...1.0).contains(next.fraction))
        XCTAssertEqual(next.inDaysLine, "in \(coreNext.daysUntil) days")
        XCTAssertEqual(next.date, coreNext.milestone.date)
        XCTAssertTrue(card.canReset)
    }

    func testPausedAndNotStartedCountersAreWordedAsSuch() throws {
        let vault = try TestVaults.newVault()
        let paused = try vault.addCounter(settings: TestVaults.settings("Paused one"), start: Day.plus(today, -40)).id
        _ = try vault.pauseCounter(id: paused, on: Day.plus(today, -5), note: nil)
        _ = try vault.addCounter(settings: TestVaults.settings("Later"), start: Day.plus(today, 3))
        // Which counters are shown (archived ones are not) is core's `today`, tested in tests/swift.

        let cards = Dictionary(uniqueKeysWithValues: try TodayModel(vault: vault, today: today).cards().done().map { ($0.label, $0) })
        XCTAssertEqual(Set(cards.keys), ["Paused one", "Later"])
        let p = try XCTUnwrap(cards["Paused one"])
        XCTAssertEqual(p.state, .paused)
        XCTAssertEqual(p.daysLine, "Paused")
        XCTAssertNil(p.periodLine)
        XCTAssertFalse(p.canReset)
        let later = try XCTUnwrap(cards["Later"])
        XCTAssertEqual(later.state, .notStarted)
        XCTAssertEqual(later.daysLine, "Starts in 3 days")
        XCTAssertEqual(try vault.today(today: today).cards.first { $0.label == "Later" }?.cleanTime.startsInDays, 3)
    }

    func testTheResetFlowKeepsHistoryAndSaysSo() throws {
        let vault = try TestVaults.newVault()
        let id = try vault.addCounter(settings: TestVaults.settings("Alcohol"), start: Day.plus(today, -832)).id
        let flow = TodayModel(vault: vault, today: today).resetFlow(counterId: id)
        XCTAssertEqual(flow.title, "Start again today")
        XCTAssertEqual(try flow.body().done(), "Your history is kept. Today is a new day 0.")

        let done = try flow.confirm(note: "rough night").done()
        XCTAssertEqual(done.card.daysLine, "0 days")
        XCTAssertEqual(try vault.counterStatus(id: id, today: today).stats.totalCleanDays, 832)
        XCTAssertEqual(done.keptLine, "Your history is kept: 832 clean days still count.")

        let attempts = try vault.counter(id: id).attempts
        XCTAssertEqual(attempts.count, 2)
        XCTAssertEqual(attempts[0].end?.reason, .relapse)
        XCTAssertEqual(attempts[0].end?.note, "rough night")
        XCTAssertEqual(attempts[1].start, today)
    }

    func testACounterWhereTodayIsDayOneStartsAgainAtDayOne() throws {
        let vault = try TestVaults.newVault()
        let id = try vault.addCounter(settings: TestVaults.settings("Gaming", counting: .todayIsDayOne), start: Day.plus(today, -10)).id
        let flow = ResetFlow(vault: vault, counterId: id, today: today)
        XCTAssertEqual(try flow.body().done(), "Your history is kept. Today is a new day 1.")
        let done = try flow.confirm(note: "  ").done()
        XCTAssertEqual(done.card.daysLine, "1 day")
        XCTAssertNil(try vault.counter(id: id).attempts[0].end?.note)
    }

    func testResettingAPausedCounterShowsCoresRefusal() throws {
        let vault = try TestVaults.newVault()
        let id = try vault.addCounter(settings: TestVaults.settings("Paused"), start: Day.plus(today, -10)).id
        _ = try vault.pauseCounter(id: id, on: Day.plus(today, -1), note: nil)
        var coreText: String?
        do {
            _ = try vault.resetCounter(id: id, relapseOn: today, newStart: nil, note: nil)
        } catch CleanTimeError.NotRunning(let message) {
            coreText = message
        }
        let message = try ResetFlow(vault: vault, counterId: id, today: today).confirm(note: nil).refused()
        XCTAssertEqual(message.text, try XCTUnwrap(coreText))
        XCTAssertEqual(message.action, .none)
        XCTAssertEqual(try vault.counter(id: id).attempts.count, 1)
    }

    func testALockedVaultAsksToUnlock() throws {
        let vault = try TestVaults.newVault()
        _ = try vault.addCounter(settings: TestVaults.settings("Alcohol"), start: Day.plus(today, -3))
        vault.lock()
        let message = try TodayModel(vault: vault, today: today).cards().refused()
        XCTAssertEqual(message.text, "Unlock One Day")
        XCTAssertEqual(message.action, .unlock)
    }
}
