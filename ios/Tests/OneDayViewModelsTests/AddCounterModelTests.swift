import Foundation
import OneDay
import XCTest

@testable import OneDayViewModels

final class AddCounterModelTests: XCTestCase {
    private let today: LocalDate = "2025-06-15"
    private let english = Locale(identifier: "en")

    func testTodayOffersToAddACounterWhenThereIsNone() throws {
        let vault = try TestVaults.newVault()
        let screen = TodayModel(vault: vault, today: today)
        XCTAssertTrue(try screen.cards().done().isEmpty)
        XCTAssertFalse(screen.emptyText.trimmingCharacters(in: .whitespaces).isEmpty)
        let form = screen.addCounter()
        XCTAssertEqual(form.title, "Add a counter")
        XCTAssertEqual(form.today, today)
    }

    func testAddingGoesThroughCoreAndShowsOnToday() throws {
        let vault = try TestVaults.newVault()
        let form = AddCounterModel(vault: vault, today: today, locale: english)
        let start = Day.plus(today, -30)
        let na = try form.add(NewCounterInput(label: "Alcohol", cleanDate: start, milestones: .naKeyTags, todayIsDayOne: false)).done()
        let aa = try form.add(NewCounterInput(label: "Drinking", cleanDate: start, milestones: .aaChips, todayIsDayOne: true)).done()

        XCTAssertEqual(try vault.counter(id: na.id).settings.profile, .naKeyTags)
        XCTAssertEqual(try vault.counter(id: na.id).settings.counting, .completedDays)
        guard case .aaChips = try vault.counter(id: aa.id).settings.profile else {
            return XCTFail("expected AA chips")
        }
        XCTAssertEqual(try vault.counter(id: aa.id).settings.counting, .todayIsDayOne)

        // "Count today as day 1" is one day more, as core counts it.
        let cards = try TodayModel(vault: vault, today: today).cards().done()
        let days = Dictionary(cards.map { ($0.label, $0.daysLine) }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(days["Alcohol"], "30 days")
        XCTAssertEqual(days["Drinking"], "31 days")
        // NA key tags have core's colours; AA chips have none until the user names them.
        let tags = Dictionary(cards.map { ($0.label, $0.keyTag) }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(tags["Alcohol"]??.colourName, "orange")
        XCTAssertNil(tags["Drinking"]??.colourName)
    }

    func testCoreRefusesABadLabelAndNothingIsAdded() throws {
        let vault = try TestVaults.newVault()
        let form = AddCounterModel(vault: vault, today: today, locale: english)
        let refusal = try form.add(NewCounterInput(label: "   ", cleanDate: today, milestones: .naKeyTags, todayIsDayOne: false)).refused()
        XCTAssertEqual(refusal.action, .none)
        XCTAssertFalse(refusal.text.trimmingCharacters(in: .whitespaces).isEmpty)
        XCTAssertTrue(try vault.counters().isEmpty)
    }

    func testAFutureDateIsACountThatHasNotStarted() throws {
        let vault = try TestVaults.newVault()
        _ = try AddCounterModel(vault: vault, today: today, locale: english)
            .add(NewCounterInput(label: "Next week", cleanDate: Day.plus(today, 3), milestones: .naKeyTags, todayIsDayOne: false)).done()
        let cards = try TodayModel(vault: vault, today: today).cards().done()
        XCTAssertEqual(cards.map(\.daysLine), ["Starts in 3 days"])
    }

    func testTheChosenDateIsWrittenInTheUsersLocale() throws {
        let vault = try TestVaults.newVault()
        XCTAssertEqual(
            AddCounterModel(vault: vault, today: today, locale: Locale(identifier: "en_US")).dateLine(today),
            "Clean date: June 15, 2025")
        XCTAssertEqual(AddCounterModel(vault: vault, today: today).milestoneChoices.map(\.label), ["NA key tags", "AA chips"])
    }
}
