import OneDay

/// The Today screen: one ``CounterCard`` per card of core's Today screen (`Vault.today`, one call:
/// core hides archived counters and orders the cards).
public final class TodayModel {
    private let vault: Vault
    private let today: LocalDate

    /// The screen over an open vault on the user's local date (from the phone's zone, never from UTC).
    public init(vault: Vault, today: LocalDate) {
        self.vault = vault
        self.today = today
    }

    /// Shown instead of cards when there is no counter yet, above the "Add a counter" action.
    public let emptyText =
        "No counter yet. Whenever you are ready, add one with your clean date: "
        + "a date long ago, today, or a day still to come. Every day counts."

    /// The cards to show; an empty list means the screen offers to add a counter.
    public func cards() throws -> Outcome<[CounterCard]> {
        try outcomeOf { try vault.today(today: today).cards.map(CounterCard.of) }
    }

    /// The add-counter form, its date picker starting today.
    public func addCounter() -> AddCounterModel { AddCounterModel(vault: vault, today: today) }

    /// The kind reset flow for one counter, dated today.
    public func resetFlow(counterId: String) -> ResetFlow {
        ResetFlow(vault: vault, counterId: counterId, today: today)
    }
}
