import Foundation
import OneDay

/// One day of the trends chart, straight from core's series.
public struct ChartPoint: Equatable, Sendable {
    /// The day.
    public let date: LocalDate
    /// Whether it has a check-in (a gap in the chart otherwise).
    public let checkedIn: Bool
    /// Mood that day, 1 to 5.
    public let mood: Int?
    /// Craving that day, 0 to 10.
    public let craving: Int?
    /// Hours slept that day.
    public let hoursSlept: Double?

    /// The point of one day.
    public static func of(_ d: CheckInDay) -> ChartPoint {
        ChartPoint(date: d.date, checkedIn: d.checkedIn, mood: d.mood.map(Int.init), craving: d.craving.map(Int.init), hoursSlept: d.hoursSlept)
    }
}

/// The trends screen.
public struct TrendsView: Equatable, Sendable {
    /// One line per window core averaged: `Last 7 days: checked in 5 of 7 · mood 3.4 · craving 2.0 · sleep 7.5 h`.
    public let summaryLines: [String]
    /// `Check-in streak: 4 days.` or an invitation to start one.
    public let streakLine: String
    /// One point per day, oldest first, to plot.
    public let series: [ChartPoint]
    /// Nudges from core's cues (never a diagnosis).
    public let cues: [String]
}

/// The Check-in screen: today's form, saved through core (which checks it), and the trends core
/// computes from the saved days.
public final class CheckInModel {
    private let vault: Vault
    private let today: LocalDate

    /// The screen over an open vault on the user's local date.
    public init(vault: Vault, today: LocalDate) {
        self.vault = vault
        self.today = today
    }

    /// Today's form from core's check-in day (one call): the saved check-in or an empty form, with the user's symptom list.
    public func form() throws -> Outcome<CheckInForm> {
        try outcomeOf {
            let day = try vault.checkInDay(date: today)
            let choices = day.preferences.symptoms
            if let saved = day.checkIn { return CheckInForm.of(saved, symptomChoices: choices) }
            return CheckInForm(date: today, symptomChoices: choices)
        }
    }

    /// Saves a form (replacing that day's check-in); returns the form as core saved it, or core's refusal.
    public func save(_ form: CheckInForm) throws -> Outcome<CheckInForm> {
        try outcomeOf {
            CheckInForm.of(try vault.recordCheckIn(checkIn: form.toCheckIn(), today: today), symptomChoices: form.symptomChoices)
        }
    }

    /// The trends over the last `days` days (core accepts 1 to 366).
    public func trends(days: Int = 30) throws -> Outcome<TrendsView> {
        try outcomeOf { view(try vault.checkInTrends(today: today, days: UInt32(clamping: max(days, 0)))) }
    }

    private func view(_ t: CheckInTrends) -> TrendsView {
        TrendsView(
            summaryLines: t.averages.map(summaryLine),
            streakLine: t.streak.days > 0
                ? "Check-in streak: \(CountText.days(Int64(t.streak.days)))."
                : "No check-in streak yet: check in today to start one.",
            series: t.series.map(ChartPoint.of),
            cues: t.flags.map(cueLine)
        )
    }

    private func summaryLine(_ a: CheckInAverages) -> String {
        var parts = ["checked in \(a.daysCheckedIn) of \(a.windowDays)"]
        if let m = a.mood { parts.append("mood \(mean(m))") }
        if let c = a.craving { parts.append("craving \(mean(c))") }
        if let h = a.hoursSlept { parts.append("sleep \(mean(h)) h") }
        return "Last \(CountText.days(Int64(a.windowDays))): \(parts.joined(separator: " · "))"
    }

    private func mean(_ a: CheckInAverage) -> String { String(format: "%.1f", locale: Locale(identifier: "en_US_POSIX"), a.mean) }

    private func cueLine(_ f: CheckInFlag) -> String {
        let what: String
        switch f.rule {
        case .cravingAtOrAbove: what = "Craving has been high"
        case .moodAtOrBelow: what = "Mood has been low"
        }
        return "\(what) for \(CountText.days(Int64(f.days))). Open your plan or call someone?"
    }
}
