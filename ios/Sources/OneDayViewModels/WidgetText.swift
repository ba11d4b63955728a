import OneDay

/// The home-screen widget's text: core's widget count from the very same Today screen (the days clean
/// of the first running counter, so app and widget can never disagree), in the Today screen's words.
/// It names no counter: a widget is seen by anyone holding the phone.
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
        switch try outcomeOf({ try vault.today(today: today).widgetDays }) {
        case .done(let days): return days.map(CountText.days) ?? Self.noCounter
        case .refused(let message): return message.text
        }
    }
}
