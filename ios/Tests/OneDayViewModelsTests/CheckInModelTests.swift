import OneDay
import XCTest

@testable import OneDayViewModels

final class CheckInModelTests: XCTestCase {
    private let today: LocalDate = "2024-05-08"

    func testMoodNineIsRefusedWithCoresMessageAndNothingIsSaved() throws {
        let vault = try TestVaults.newVault()
        let model = CheckInModel(vault: vault, today: today)
        var form = try model.form().done()
        form.mood = 9
        let message = try model.save(form).refused()
        var coreText: String?
        do {
            _ = try vault.recordCheckIn(checkIn: CheckIn(date: today, mood: 9), today: today)
        } catch CheckInError.OutOfRange(let text) {
            coreText = text
        }
        XCTAssertEqual(message.text, try XCTUnwrap(coreText))
        XCTAssertEqual(message.text, "mood is rated 1 to 5, not 9")
        XCTAssertEqual(message.action, .none)
        XCTAssertNil(try vault.checkIn(date: today))
    }

    func testASavedCheckInComesBackAsCoreKeptIt() throws {
        let vault = try TestVaults.newVault()
        _ = try vault.setCheckInPreferences(
            preferences: CheckInPreferences(symptoms: ["Racing thoughts"], cravingAtOrAbove: 7, moodAtOrBelow: 2, daysInARow: 3))
        let model = CheckInModel(vault: vault, today: today)
        var form = try model.form().done()
        XCTAssertFalse(form.saved)
        XCTAssertEqual(form.symptomChoices, ["Racing thoughts"])

        form.mood = 4
        form.craving = 2
        form.symptoms = ["racing thoughts"]
        form.medication = .taken
        form.hoursSlept = 7.4
        form.journal = "  good day  "
        let saved = try model.save(form).done()
        let core = try XCTUnwrap(try vault.checkIn(date: today))
        XCTAssertTrue(saved.saved)
        XCTAssertEqual(saved.hoursSlept, core.hoursSlept)
        XCTAssertEqual(saved.hoursSlept, 7.5)
        XCTAssertEqual(saved.symptoms, core.symptoms)
        XCTAssertEqual(saved.journal, core.journal)
        XCTAssertEqual(try model.form().done(), saved)
    }

    func testTrendsAreCoresAndAHighCravingRunIsANudge() throws {
        let vault = try TestVaults.newVault()
        for back in [2, 1, 0] {
            _ = try vault.recordCheckIn(
                checkIn: CheckIn(date: Day.plus(today, -back), mood: 3, craving: 8, hoursSlept: 6.0), today: today)
        }
        let view = try CheckInModel(vault: vault, today: today).trends(days: 7).done()
        let core = try vault.checkInTrends(today: today, days: 7)

        XCTAssertEqual(view.cues, ["Craving has been high for 3 days. Open your plan or call someone?"])
        XCTAssertEqual(core.flags.map(\.days), [3])
        XCTAssertEqual(view.streakLine, "Check-in streak: 3 days.")
        XCTAssertEqual(view.series.count, core.series.count)
        XCTAssertEqual(view.series.map(\.craving), core.series.map { $0.craving.map(Int.init) })
        XCTAssertEqual(view.series.map(\.checkedIn), core.series.map(\.checkedIn))
        XCTAssertEqual(view.summaryLines.count, core.averages.count)
        XCTAssertEqual(core.averages.first { $0.windowDays == 7 }?.daysCheckedIn, 3)
        XCTAssertTrue(view.summaryLines.contains("Last 7 days: checked in 3 of 7 · mood 3.0 · craving 8.0 · sleep 6.0 h"))
        XCTAssertFalse(view.cues.contains { $0.lowercased().contains("diagnos") })
    }

    func testNoCheckInsNoCueAndAnInvitation() throws {
        let vault = try TestVaults.newVault()
        let view = try CheckInModel(vault: vault, today: today).trends().done()
        XCTAssertEqual(view.cues, [])
        XCTAssertEqual(view.streakLine, "No check-in streak yet: check in today to start one.")
        XCTAssertFalse(view.series.contains { $0.checkedIn })
        XCTAssertEqual(view.series.count, 30)
    }
}
