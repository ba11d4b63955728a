import Foundation
import OneDay
import XCTest

final class CheckInsTests: XCTestCase {
    private func rated(_ date: String, _ mood: UInt8?, _ craving: UInt8?) -> CheckIn {
        CheckIn(date: date, mood: mood, craving: craving)
    }

    /// 2024-05-01 ... 2024-05-07: no check-in on the 4th, no mood on the 6th.
    private func recordWeek(_ vault: Vault) throws {
        let today = "2024-05-07"
        _ = try vault.recordCheckIn(checkIn: rated("2024-05-01", 4, 2), today: today)
        _ = try vault.recordCheckIn(checkIn: rated("2024-05-02", 3, 5), today: today)
        _ = try vault.recordCheckIn(checkIn: rated("2024-05-03", 2, 7), today: today)
        var fifth = rated("2024-05-05", 1, 8)
        fifth.hoursSlept = 6.5
        _ = try vault.recordCheckIn(checkIn: fifth, today: today)
        var sixth = rated("2024-05-06", nil, 9)
        sixth.hoursSlept = 8
        _ = try vault.recordCheckIn(checkIn: sixth, today: today)
        _ = try vault.recordCheckIn(checkIn: rated("2024-05-07", 2, 7), today: today)
    }

    func testRecordThenEditTheSameDay() throws {
        let vault = try Support.newVault().vault
        let today = "2024-05-07"
        XCTAssertNil(try vault.checkIn(date: today))
        var morning = rated(today, 2, 6)
        morning.medication = .taken
        morning.hoursSlept = 7.4
        morning.journal = "  rough night  "
        morning.gratitude = ["my sponsor", " "]
        let first = try vault.recordCheckIn(checkIn: morning, today: today)
        XCTAssertEqual(first.journal, "rough night")
        XCTAssertEqual(first.gratitude, ["my sponsor"])
        XCTAssertEqual(first.hoursSlept, 7.5, "kept to the quarter hour")
        XCTAssertEqual(first.medication, .taken)

        var evening = rated(today, 4, 1)
        evening.journal = "went to a meeting"
        let edited = try vault.recordCheckIn(checkIn: evening, today: today)
        XCTAssertEqual(try vault.checkIn(date: today), edited)
        XCTAssertNil(edited.medication, "recording a day again replaces it")
        XCTAssertEqual(try vault.checkIns(from: "2024-05-01", to: today), [edited])

        try vault.deleteCheckIn(date: today)
        XCTAssertNil(try vault.checkIn(date: today))
        XCTAssertThrowsError(try vault.deleteCheckIn(date: today)) { error in
            guard case CheckInError.NotFound = error else { return XCTFail("\(error)") }
        }
    }

    func testTrendsOfAKnownWeek() throws {
        let vault = try Support.newVault().vault
        try recordWeek(vault)
        let t = try vault.checkInTrends(today: "2024-05-07", days: 7)
        XCTAssertEqual(t.averages.map(\.windowDays), [7, 30, 90])
        let week = t.averages[0]
        XCTAssertEqual(week.from, "2024-05-01")
        XCTAssertEqual(week.daysCheckedIn, 6)
        XCTAssertEqual(week.mood?.days, 5)
        XCTAssertEqual(week.mood?.mean ?? 0, 12.0 / 5, accuracy: 1e-9)
        XCTAssertEqual(week.craving?.days, 6)
        XCTAssertEqual(week.craving?.mean ?? 0, 38.0 / 6, accuracy: 1e-9)
        XCTAssertEqual(week.hoursSlept?.mean ?? 0, 7.25, accuracy: 1e-9)

        XCTAssertEqual(t.series.count, 7)
        XCTAssertEqual(t.series.map(\.mood), [4, 3, 2, nil, 1, nil, 2])
        XCTAssertFalse(t.series[3].checkedIn)
        XCTAssertTrue(t.series[5].checkedIn)

        XCTAssertEqual(t.streak, CheckInStreak(days: 3, since: "2024-05-05", through: "2024-05-07"))
        XCTAssertEqual(try vault.checkInTrends(today: "2024-05-08", days: 7).streak.days, 3)
    }

    func testACueFollowsTheUsersOwnThresholds() throws {
        let vault = try Support.newVault().vault
        try recordWeek(vault)
        let flags = try vault.checkInTrends(today: "2024-05-07", days: 30).flags
        XCTAssertEqual(flags, [CheckInFlag(
            rule: .cravingAtOrAbove(threshold: 7), since: "2024-05-05", through: "2024-05-07", days: 3)])

        var prefs = try vault.checkInPreferences()
        XCTAssertEqual(prefs.daysInARow, 3)
        prefs.cravingAtOrAbove = nil
        prefs.moodAtOrBelow = 3
        prefs.daysInARow = 2
        _ = try vault.setCheckInPreferences(preferences: prefs)
        XCTAssertEqual(try vault.checkInTrends(today: "2024-05-07", days: 7).flags, [])
        let early = try vault.checkInTrends(today: "2024-05-03", days: 7).flags
        XCTAssertEqual(early.map(\.rule), [.moodAtOrBelow(threshold: 3)])
        XCTAssertEqual(early.first?.since, "2024-05-02")
        prefs.daysInARow = 0
        XCTAssertThrowsError(try vault.setCheckInPreferences(preferences: prefs)) { error in
            guard case CheckInError.OutOfRange = error else { return XCTFail("\(error)") }
        }
    }

    func testSymptomsComeFromTheUsersList() throws {
        let vault = try Support.newVault().vault
        let today = "2024-05-07"
        let withSymptom = CheckIn(date: today, symptoms: ["anxiety"])
        XCTAssertThrowsError(try vault.recordCheckIn(checkIn: withSymptom, today: today)) { error in
            guard case CheckInError.UnknownSymptom = error else { return XCTFail("\(error)") }
        }
        var prefs = try vault.checkInPreferences()
        prefs.symptoms = ["Anxiety", "Voices"]
        _ = try vault.setCheckInPreferences(preferences: prefs)
        XCTAssertEqual(try vault.recordCheckIn(checkIn: withSymptom, today: today).symptoms, ["Anxiety"])
        prefs.symptoms = ["sleep", "Sleep"]
        XCTAssertThrowsError(try vault.setCheckInPreferences(preferences: prefs)) { error in
            guard case CheckInError.Validation = error else { return XCTFail("\(error)") }
        }
        XCTAssertEqual(try vault.checkInPreferences().symptoms, ["Anxiety", "Voices"])
    }

    func testBadInputIsTypedAndWritesNothing() throws {
        let vault = try Support.newVault().vault
        let today = "2024-05-07"
        XCTAssertThrowsError(try vault.recordCheckIn(checkIn: rated(today, 9, 0), today: today)) { error in
            XCTAssertEqual(error as? CheckInError, .OutOfRange(message: "mood is rated 1 to 5, not 9"))
        }
        XCTAssertThrowsError(try vault.recordCheckIn(checkIn: rated(today, 3, 11), today: today)) { error in
            guard case CheckInError.OutOfRange = error else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(
            try vault.recordCheckIn(checkIn: CheckIn(date: today, hoursSlept: 25), today: today)
        ) { error in
            guard case CheckInError.OutOfRange = error else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try vault.recordCheckIn(checkIn: rated("2024-05-08", 3, 3), today: today)) { error in
            guard case CheckInError.FutureDate = error else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try vault.recordCheckIn(checkIn: CheckIn(date: today), today: today)) { error in
            guard case CheckInError.Validation = error else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try vault.checkInTrends(today: today, days: 0)) { error in
            guard case CheckInError.OutOfRange = error else { return XCTFail("\(error)") }
        }
        XCTAssertEqual(try vault.checkIns(from: "2024-01-01", to: today), [])

        vault.lock()
        XCTAssertThrowsError(try vault.checkIn(date: today)) { error in
            guard case CheckInError.Locked = error else { return XCTFail("\(error)") }
        }
    }

    func testTheCheckInDayIsTheWholeScreenInOneCall() throws {
        let vault = try Support.newVault().vault
        let empty = try vault.checkInDay(date: "2024-05-07")
        XCTAssertNil(empty.checkIn)
        XCTAssertEqual(empty.streak.days, 0)
        XCTAssertEqual(empty.preferences.symptoms, [])
        XCTAssertEqual(empty.cues, [])

        var prefs = try vault.checkInPreferences()
        prefs.symptoms = ["Anxiety"]
        _ = try vault.setCheckInPreferences(preferences: prefs)
        try recordWeek(vault)
        let day = try vault.checkInDay(date: "2024-05-07")
        XCTAssertEqual(day.checkIn?.craving, 7)
        XCTAssertEqual(day.preferences.symptoms, ["Anxiety"])
        XCTAssertEqual(day.streak, CheckInStreak(days: 3, since: "2024-05-05", through: "2024-05-07"))
        XCTAssertEqual(day.cues.map(\.rule), [.cravingAtOrAbove(threshold: 7)])
    }
}
