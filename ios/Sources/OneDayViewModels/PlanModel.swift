import OneDay

/// One entry of a plan section.
public struct PlanEntryRow: Equatable, Sendable {
    /// The user's words.
    public let text: String
    /// A second line: the linked contact, a phone number, a coping response.
    public let detail: String?
    /// Core's `tel:` URI for the entry's phone (or its linked contact's), if any.
    public let dialUri: String?
}

/// A section of a plan, in the plan's order.
public struct PlanSection: Equatable, Sendable {
    /// `Step 4: People to ask for help`, `Triggers and high-risk situations`.
    public let title: String
    /// Its entries, in the user's order.
    public let entries: [PlanEntryRow]
    /// The section for ``PlanEditor`` (add and remove entries), when it can be edited.
    public let part: PlanPart?

    /// A section; `part` when ``PlanEditor`` can edit it.
    public init(title: String, entries: [PlanEntryRow], part: PlanPart? = nil) {
        self.title = title
        self.entries = entries
        self.part = part
    }
}

/// A plan as the Plan screen shows it.
public struct PlanScreen: Equatable, Sendable {
    /// The sections in the plan's order (Stanley-Brown order for the safety plan).
    public let sections: [PlanSection]
    /// The gap to prompt for first: for the safety plan, core's "no one to call" when it has no help
    /// contact; else `nil`.
    public let prompt: String?
    /// Core's sentence for every gap, in core's order.
    public let gaps: [String]
    /// Whether core finds no gap.
    public let complete: Bool
}

/// The Plan screen: the Stanley-Brown safety plan and the relapse-prevention plan as core keeps them,
/// what core finds missing, and the text to share. Titles are the ones core's exports use.
public final class PlanModel {
    private let vault: Vault

    /// The screen over an open vault.
    public init(vault: Vault) { self.vault = vault }

    /// The safety plan: steps 1 to 6, then the one thing most worth living for.
    public func safety() throws -> Outcome<PlanScreen> {
        try outcomeOf {
            let plan = try vault.safetyPlan()
            let contacts = Dictionary(try vault.contacts().map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            return screen(safetySections(plan, contacts), try vault.planCompleteness(kind: .safety))
        }
    }

    /// The relapse-prevention plan: reasons, triggers with their coping, warning signs by grade, the first 24 hours.
    public func relapse() throws -> Outcome<PlanScreen> {
        try outcomeOf { screen(relapseSections(try vault.relapsePlan()), try vault.planCompleteness(kind: .relapse)) }
    }

    /// The plan as plain text (every field, phone numbers included) for the user to share or print.
    public func exportText(kind: PlanKind) throws -> Outcome<String> {
        try outcomeOf { try vault.exportPlan(kind: kind, format: .text, revision: nil) }
    }

    private func screen(_ sections: [PlanSection], _ c: PlanCompleteness) -> PlanScreen {
        let helpGap = c.gaps.firstIndex(of: .noHelpContact)
        return PlanScreen(
            sections: sections,
            prompt: helpGap.flatMap { $0 < c.messages.count ? c.messages[$0] : nil },
            gaps: c.messages,
            complete: c.complete
        )
    }

    private func safetySections(_ p: SafetyPlan, _ contacts: [String: Contact]) -> [PlanSection] {
        func plain(_ list: [String]) -> [PlanEntryRow] { list.map { PlanEntryRow(text: $0, detail: nil, dialUri: nil) } }
        func linked(_ e: ContactEntry, _ prefix: String = "") -> PlanEntryRow { contactRow(prefix + e.text, e, contacts) }
        return [
            PlanSection(title: "Step 1: Warning signs", entries: plain(p.warningSigns), part: .safety(.warningSigns)),
            PlanSection(title: "Step 2: Internal coping strategies", entries: plain(p.copingStrategies), part: .safety(.copingStrategies)),
            PlanSection(
                title: "Step 3: People and places for distraction",
                entries: p.distractions.map { linked($0.entry, $0.kind == .person ? "Person: " : "Place: ") }, part: .safety(.distractions)),
            PlanSection(title: "Step 4: People to ask for help", entries: p.helpPeople.map { linked($0) }, part: .safety(.helpPeople)),
            PlanSection(title: "Step 5: Professionals, agencies and crisis lines", entries: p.professionals.map { linked($0) }, part: .safety(.professionals)),
            PlanSection(title: "Step 6: Making the environment safe", entries: plain(p.safeEnvironment), part: .safety(.safeEnvironment)),
            PlanSection(title: "The one thing most worth living for", entries: plain(p.reasonForLiving.map { [$0] } ?? []), part: .safety(.reasonForLiving)),
        ]
    }

    private func contactRow(_ text: String, _ e: ContactEntry, _ contacts: [String: Contact]) -> PlanEntryRow {
        let linked = e.contactId.flatMap { contacts[$0] }
        var detail: [String] = []
        if let phone = e.phone { detail.append("Phone: \(phone)") }
        if e.contactId != nil {
            detail.append(linked.map { "Contact: \($0.name), \($0.phone)" } ?? "Contact: (contact removed)")
        }
        let dial = (e.phone ?? linked?.phone).flatMap(Self.dialUriOrNil)
        return PlanEntryRow(text: text, detail: detail.isEmpty ? nil : detail.joined(separator: "\n"), dialUri: dial)
    }

    /// Core's `tel:` URI, or `nil` for a number core will not dial (a plan may keep one it cannot).
    private static func dialUriOrNil(_ phone: String) -> String? {
        do {
            return try telUri(phone: phone)
        } catch SupportError.InvalidPhone {
            return nil
        } catch {
            return nil
        }
    }

    private func relapseSections(_ p: RelapsePreventionPlan) -> [PlanSection] {
        [
            PlanSection(title: "Reasons for recovery", entries: p.reasons.map { PlanEntryRow(text: $0, detail: nil, dialUri: nil) }, part: .relapse(.reasons)),
            PlanSection(
                title: "Triggers and high-risk situations",
                entries: p.triggers.map {
                    PlanEntryRow(
                        text: "\(PlanWords.categoryLabel($0.category)): \($0.text)", detail: $0.coping.map { "What I do: \($0)" },
                        dialUri: nil)
                }, part: .relapse(.triggers)),
            PlanSection(
                title: "Warning signs",
                entries: p.warningSigns.map {
                    PlanEntryRow(
                        text: $0.text, detail: "\(PlanWords.gradeLabel($0.grade))\($0.mentalHealth ? " · mental health" : "")",
                        dialUri: nil)
                }, part: .relapse(.warningSigns)),
            PlanSection(
                title: "The first 24 hours after a lapse", entries: p.afterLapse.map { PlanEntryRow(text: $0, detail: nil, dialUri: nil) },
                part: .relapse(.afterLapse)),
        ]
    }
}

/// The words for the plans' categories and grades, shared by the Plan screen and its forms.
public enum PlanWords {
    /// A trigger category in words: `People`, `Hungry`.
    public static func categoryLabel(_ c: TriggerCategory) -> String {
        switch c {
        case .people: return "People"
        case .places: return "Places"
        case .things: return "Things"
        case .feelings: return "Feelings"
        case .halt(let state):
            switch state {
            case .hungry: return "Hungry"
            case .angry: return "Angry"
            case .lonely: return "Lonely"
            case .tired: return "Tired"
            }
        }
    }

    /// A warning sign's grade in words.
    public static func gradeLabel(_ g: WarningGrade) -> String {
        switch g {
        case .early: return "Early"
        case .middle: return "Middle"
        case .immediate: return "Immediate"
        }
    }

    /// The trigger categories the form offers, HALT last.
    public static let triggerCategories: [TriggerCategory] =
        [.people, .places, .things, .feelings] + ([.hungry, .angry, .lonely, .tired] as [HaltState]).map { TriggerCategory.halt(state: $0) }

    /// The grades the form offers, earliest first.
    public static let grades: [WarningGrade] = [.early, .middle, .immediate]
}
