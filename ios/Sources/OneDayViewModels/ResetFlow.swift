import Foundation
import OneDay

/// Starting a counter again after a relapse, worded so it does not punish: the history is kept and
/// today is a new start. Core closes the running attempt (with the optional note) and opens a new one.
public final class ResetFlow {
    private let vault: Vault
    /// The counter to reset.
    public let counterId: String
    private let today: LocalDate

    /// The flow for one counter; `today` is the relapse date and the new clean date.
    public init(vault: Vault, counterId: String, today: LocalDate) {
        self.vault = vault
        self.counterId = counterId
        self.today = today
    }

    /// The dialog's title.
    public let title = "Start again today"
    /// The hint in the optional note field.
    public let noteHint = "A note for yourself, if you like (only you can read it)"
    /// The button that resets.
    public let confirmLabel = "Start again"
    /// The button that closes the dialog without a change.
    public let cancelLabel = "Not now"

    /// The dialog's text: `Your history is kept. Today is a new day 0.` The day number is core's
    /// count of a run starting today in this counter's counting mode (day 1 when today counts).
    public func body() throws -> Outcome<String> {
        try outcomeOf {
            let counting = try vault.counter(id: counterId).settings.counting
            let dayNumber = try cleanTime(start: today, today: today, counting: counting).totalDays
            return "Your history is kept. Today is a new day \(dayNumber)."
        }
    }

    /// Resets the counter: the relapse is dated today and the new run starts today. A blank note is
    /// no note. Returns the counter's new card and a line saying what was kept.
    public func confirm(note: String?) throws -> Outcome<ResetDone> {
        try outcomeOf {
            let kept = note.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
            _ = try vault.resetCounter(id: counterId, relapseOn: today, newStart: nil, note: kept)
            let card = try vault.todayCard(id: counterId, today: today)
            return ResetDone(card: try CounterCard.of(card), keptLine: Self.keptLine(card.stats.totalCleanDays))
        }
    }

    /// `Your history is kept: 832 clean days still count.` from core's total over every attempt.
    private static func keptLine(_ totalCleanDays: Int64) -> String {
        let still = totalCleanDays == 1 ? "1 clean day still counts" : "\(totalCleanDays) clean days still count"
        return "Your history is kept: \(still)."
    }
}

/// What a reset left.
public struct ResetDone: Equatable, Sendable {
    /// The counter's card after the reset.
    public let card: CounterCard
    /// `Your history is kept: 832 clean days still count.`
    public let keptLine: String
}
