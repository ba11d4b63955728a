import OneDay

/// The way to the next milestone, as core computed it.
public struct MilestoneProgress: Equatable, Sendable {
    /// The milestone ahead.
    public let keyTag: KeyTag
    /// The day it is reached (ISO date).
    public let date: LocalDate
    /// Progress from the previous milestone (or the clean date), 0.0 up to below 1.0.
    public let fraction: Double
    /// `in 15 days`.
    public let inDaysLine: String

    /// The progress core computed for one count.
    public static func of(_ next: NextMilestone) -> MilestoneProgress {
        MilestoneProgress(
            keyTag: KeyTag.of(next.milestone),
            date: next.milestone.date,
            fraction: next.progress,
            inDaysLine: CountText.inDays(next.daysUntil)
        )
    }
}

/// One counter on the Today screen: every number and choice in it is core's (`Vault.today`); this
/// only words them.
public struct CounterCard: Equatable, Sendable {
    /// The counter's id, for actions such as the reset flow.
    public let counterId: String
    /// The name the user gave it.
    public let label: String
    /// Running, not started or paused.
    public let state: CountState
    /// `832 days`, `Starts in 3 days` or `Paused`.
    public let daysLine: String
    /// `2 years, 3 months, 10 days` while running, else `nil`.
    public let periodLine: String?
    /// The latest key tag or chip reached, if any.
    public let keyTag: KeyTag?
    /// The milestone ahead, if the profile has one.
    public let next: MilestoneProgress?
    /// `120.00 EUR` when a daily cost is set.
    public let moneySaved: String?
    /// Whether the reset flow is offered (core's answer: only a running count).
    public let canReset: Bool

    /// The words of one card core computed. Throws `CleanTimeError` when core refuses the money.
    public static func of(_ card: TodayCard) throws -> CounterCard {
        let ct = card.cleanTime
        let daysLine: String
        switch ct.state {
        case .running: daysLine = CountText.days(ct.totalDays)
        case .notStarted: daysLine = CountText.startsIn(ct.startsInDays ?? 0)
        case .paused: daysLine = "Paused"
        }
        return CounterCard(
            counterId: card.counterId,
            label: card.label,
            state: ct.state,
            daysLine: daysLine,
            periodLine: ct.state == .running ? CountText.period(ct.period) : nil,
            keyTag: card.keyTag.map(KeyTag.of),
            next: ct.nextMilestone.map(MilestoneProgress.of),
            moneySaved: try ct.moneySaved.map { try formatMoney(money: $0) },
            canReset: card.canReset
        )
    }
}
