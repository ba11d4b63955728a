import Foundation
import OneDay

/// The milestones a new counter celebrates, as the add-counter form offers them.
public enum MilestoneChoice: CaseIterable, Equatable, Sendable {
    /// Narcotics Anonymous key tags (core knows their colours).
    case naKeyTags
    /// Alcoholics Anonymous chips (colours vary by group: none until the user names them).
    case aaChips

    /// What the choice says.
    public var label: String {
        switch self {
        case .naKeyTags: return "NA key tags"
        case .aaChips: return "AA chips"
        }
    }

    /// Core's profile for this choice.
    public var profile: MilestoneProfile {
        switch self {
        case .naKeyTags: return .naKeyTags
        case .aaChips: return .aaChips(colours: [])
        }
    }
}

/// What the user filled in to add a counter.
public struct NewCounterInput: Equatable, Sendable {
    /// The name they give it (core checks it).
    public var label: String
    /// The clean date they picked.
    public var cleanDate: LocalDate
    /// Key tags or chips.
    public var milestones: MilestoneChoice
    /// Whether the clean date counts as day 1 (else completed days: day 0).
    public var todayIsDayOne: Bool

    /// The form's values.
    public init(label: String, cleanDate: LocalDate, milestones: MilestoneChoice, todayIsDayOne: Bool) {
        self.label = label
        self.cleanDate = cleanDate
        self.milestones = milestones
        self.todayIsDayOne = todayIsDayOne
    }
}

/// The add-counter form: its wording, the date the picker starts on, and the call to core's
/// `addCounter` (core checks the label and the date; its refusals come back as they are).
public final class AddCounterModel {
    private let vault: Vault
    private let locale: Locale

    /// The user's local date: where the date picker starts.
    public let today: LocalDate

    /// The form over an open vault; `locale` writes the chosen date.
    public init(vault: Vault, today: LocalDate, locale: Locale = .current) {
        self.vault = vault
        self.today = today
        self.locale = locale
    }

    /// The form's title, also the Today screen's action.
    public let title = "Add a counter"

    /// The hint of the label field.
    public let labelHint = "What you are counting (only you see it)"

    /// The button that opens the date picker.
    public let pickDateLabel = "Choose your clean date"

    /// The "count today as day 1" option.
    public let dayOneLabel = "Count the clean date as day 1"

    /// The milestone choices, NA key tags first.
    public let milestoneChoices: [MilestoneChoice] = MilestoneChoice.allCases

    /// The line under the date button: `Clean date: June 15, 2025`.
    public func dateLine(_ date: LocalDate) -> String {
        "Clean date: " + LocalText.longDate(date, locale)
    }

    /// Adds the counter through core; the refusal is core's sentence (an empty label, say).
    public func add(_ input: NewCounterInput) throws -> Outcome<Counter> {
        try outcomeOf {
            let settings = CounterSettings(
                label: input.label, kind: .substance, counting: input.todayIsDayOne ? .todayIsDayOne : .completedDays,
                profile: input.milestones.profile, dailyCost: nil, lastUse: nil, nameInReminders: false)
            return try vault.addCounter(settings: settings, start: input.cleanDate)
        }
    }
}
