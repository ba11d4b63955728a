import Foundation
import OneDay
import XCTest

final class CleanTimeTests: XCTestCase {
    func testNaKeyTagsWithTheirColours() throws {
        let ct = try cleanTime(start: "2024-01-01", today: "2024-07-15")
        XCTAssertEqual(ct.state, .running)
        XCTAssertEqual(ct.totalDays, 196)
        XCTAssertEqual(ct.period, Period(years: 0, months: 6, days: 14))
        XCTAssertEqual(ct.milestonesReached.map(\.label), ["Welcome", "30 days", "60 days", "90 days", "6 months"])
        XCTAssertEqual(ct.milestonesReached.map(\.colour), ["white", "orange", "green", "red", "blue"])
        let next = try XCTUnwrap(ct.nextMilestone)
        XCTAssertEqual(next.milestone.label, "9 months")
        XCTAssertEqual(next.milestone.span, .months(count: 9))
        XCTAssertEqual(next.milestone.date, "2024-10-01")
        XCTAssertEqual(next.daysUntil, 78)
    }

    func testLeapDayStartsFollowTheIsoPeriodAndClampMilestones() throws {
        let ct = try cleanTime(start: "2020-02-29", today: "2025-02-28")
        XCTAssertEqual(ct.totalDays, 1826)
        XCTAssertEqual(ct.period, Period(years: 4, months: 11, days: 30))
        XCTAssertEqual(ct.milestonesReached.last?.label, "5 years")
        XCTAssertEqual(ct.milestonesReached.last?.colour, "black")
        XCTAssertEqual(ct.nextMilestone?.milestone.date, "2026-02-28")
    }

    func testAaChipsWithTheGroupsColours() throws {
        let profile = MilestoneProfile.aaChips(colours: [
            ChipColour(span: .days(count: 1), colour: "silver"),
            ChipColour(span: .years(count: 1), colour: "bronze"),
        ])
        let day1 = try cleanTime(start: "2024-01-01", today: "2024-01-02", profile: profile)
        XCTAssertEqual(day1.milestonesReached.map(\.label), ["24 hours"])
        XCTAssertEqual(day1.milestonesReached.first?.colour, "silver")
        let year = try cleanTime(start: "2024-01-01", today: "2025-01-01", profile: profile)
        XCTAssertEqual(year.milestonesReached.last?.label, "1 year")
        XCTAssertEqual(year.milestonesReached.last?.colour, "bronze")
        XCTAssertEqual(year.milestonesReached.count, 16) // 24 hours, 30/60/90 days, months 1 to 11, 1 year
        XCTAssertNil(year.milestonesReached[1].colour)
    }

    func testCustomProfilesAndTodayIsDayOne() throws {
        let profile = MilestoneProfile.custom(milestones: [
            CustomMilestone(span: .days(count: 100), label: "Triple digits"),
            CustomMilestone(span: .days(count: 7)),
        ])
        let ct = try cleanTime(start: "2024-01-01", today: "2024-01-07", counting: .todayIsDayOne, profile: profile)
        XCTAssertEqual(ct.totalDays, 7)
        XCTAssertEqual(ct.milestonesReached.map(\.label), ["7 days"])
        XCTAssertEqual(ct.nextMilestone?.milestone.label, "Triple digits")
        let twice = MilestoneProfile.custom(milestones: [
            CustomMilestone(span: .days(count: 7)), CustomMilestone(span: .days(count: 7)),
        ])
        XCTAssertThrowsError(try cleanTime(start: "2024-01-01", today: "2024-01-07", profile: twice)) { error in
            guard case CleanTimeError.Validation = error else { return XCTFail("\(error)") }
        }
    }

    func testAFutureCleanDateStartsInNDaysNeverNegative() throws {
        let ct = try cleanTime(start: "2024-03-10", today: "2024-03-07")
        XCTAssertEqual(ct.state, .notStarted)
        XCTAssertEqual(ct.startsInDays, 3)
        XCTAssertEqual(ct.totalDays, 0)
        XCTAssertEqual(ct.period, Period(years: 0, months: 0, days: 0))
    }

    func testMoneySavedIsExact() throws {
        let ct = try cleanTime(start: "2024-01-01", today: "2024-01-31", dailyCost: Money(minorUnits: 1250, currency: "EUR"))
        XCTAssertEqual(ct.moneySaved, Money(minorUnits: 37500, currency: "EUR"))
        XCTAssertEqual(try formatMoney(money: try XCTUnwrap(ct.moneySaved)), "375.00 EUR")
        XCTAssertThrowsError(try formatMoney(money: Money(minorUnits: 1, currency: "XYZ"))) { error in
            guard case CleanTimeError.Validation = error else { return XCTFail("\(error)") }
        }
    }
}
