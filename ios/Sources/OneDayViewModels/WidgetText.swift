import OneDay

/// The home-screen widget's text: the days clean of the first running counter, from the very same
/// cards as the Today screen (core's count, so app and widget can never disagree). It names no
/// counter: a widget is seen by anyone holding the phone.
public final class WidgetText {
    private let vault: Vault
    private let today: LocalDate

    /// The widget's text over an open (or locked) vault on the user's local date.
    public init(vault: Vault, today: LocalDate) {
        self.vault = vault
        self.today = today
    }

    /// Shown when no counter is running.
    public static let noCounter = "One Day"

    /// `12 days`; ``noCounter`` when no counter is running; ``UserMessage/unlockText`` when locked.
    public func text() throws -> String {
        switch try TodayModel(vault: vault, today: today).cards() {
        case .done(let cards): return cards.first { $0.state == .running }?.daysLine ?? Self.noCounter
        case .refused(let message): return message.text
        }
    }
}
