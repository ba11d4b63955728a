import Foundation
import OneDay

/// The sections of the safety plan, in its order.
public enum SafetyPart: CaseIterable, Equatable, Sendable {
    /// Step 1.
    case warningSigns
    /// Step 2.
    case copingStrategies
    /// Step 3 (a person or a place).
    case distractions
    /// Step 4: the people core's "no one to call" prompt asks for.
    case helpPeople
    /// Step 5.
    case professionals
    /// Step 6.
    case safeEnvironment
    /// The one thing most worth living for (one entry: adding replaces it).
    case reasonForLiving
}

/// The sections of the relapse-prevention plan, in its order.
public enum RelapsePart: CaseIterable, Equatable, Sendable {
    /// Reasons for recovery.
    case reasons
    /// Triggers, each with a category and what to do.
    case triggers
    /// Warning signs, each with a grade.
    case warningSigns
    /// The first 24 hours after a lapse.
    case afterLapse
}

/// A section of a plan that entries can be added to and removed from.
public enum PlanPart: Equatable, Sendable {
    /// A section of the safety plan.
    case safety(SafetyPart)
    /// A section of the relapse-prevention plan.
    case relapse(RelapsePart)

    /// Whether an entry of this section can name one of the user's contacts.
    public var linksContact: Bool {
        switch self {
        case .safety(let part): return [.distractions, .helpPeople, .professionals].contains(part)
        case .relapse: return false
        }
    }
}

/// A new entry for a plan section. Fields a section does not use are ignored.
public struct PlanEntryInput: Equatable, Sendable {
    /// The user's words.
    public var text: String
    /// A contact to link (safety steps 3 to 5).
    public var contactId: String?
    /// Person or place (safety step 3).
    public var distraction: DistractionKind
    /// The trigger's category (relapse triggers).
    public var category: TriggerCategory
    /// What to do when the trigger comes up (relapse triggers; blank: none yet).
    public var coping: String?
    /// The warning sign's grade (relapse warning signs).
    public var grade: WarningGrade
    /// A mental-health warning sign (relapse warning signs).
    public var mentalHealth: Bool

    /// The form's values; what a section does not use keeps its default.
    public init(
        text: String, contactId: String? = nil, distraction: DistractionKind = .person, category: TriggerCategory = .people,
        coping: String? = nil, grade: WarningGrade = .early, mentalHealth: Bool = false
    ) {
        self.text = text
        self.contactId = contactId
        self.distraction = distraction
        self.category = category
        self.coping = coping
        self.grade = grade
        self.mentalHealth = mentalHealth
    }
}

/// Adding and removing plan entries: each change reads the plan from core, changes one section and
/// saves it through core, which checks it and keeps every earlier revision.
public final class PlanEditor {
    private let vault: Vault

    /// The editor over an open vault.
    public init(vault: Vault) { self.vault = vault }

    /// The hint of the entry field.
    public let entryHint = "In your own words"

    /// The question asked before removing an entry.
    public let removeQuestion = "Remove this entry from the plan? The plan's earlier versions are kept."

    /// The contacts an entry can link to: id and `Sam (sponsor)`, in the user's order.
    public func linkChoices() throws -> Outcome<[(id: String, label: String)]> {
        try outcomeOf { try vault.contacts().map { ($0.id, "\($0.name) (\(ContactRoles.label($0.role)))") } }
    }

    /// Adds `entry` at the end of `part` and saves the plan.
    public func add(_ part: PlanPart, _ entry: PlanEntryInput) throws -> Outcome<PlanRevision> {
        try outcomeOf {
            switch part {
            case .safety(let s): return try vault.saveSafetyPlan(plan: Self.add(try vault.safetyPlan(), s, entry))
            case .relapse(let r): return try vault.saveRelapsePlan(plan: Self.add(try vault.relapsePlan(), r, entry))
            }
        }
    }

    /// Removes the entry at `index` of `part` (as the Plan screen lists it) and saves the plan.
    public func remove(_ part: PlanPart, at index: Int) throws -> Outcome<PlanRevision> {
        try outcomeOf {
            switch part {
            case .safety(let s): return try vault.saveSafetyPlan(plan: Self.remove(try vault.safetyPlan(), s, index))
            case .relapse(let r): return try vault.saveRelapsePlan(plan: Self.remove(try vault.relapsePlan(), r, index))
            }
        }
    }

    private static func contactEntry(_ e: PlanEntryInput) -> ContactEntry {
        ContactEntry(text: e.text, contactId: e.contactId, phone: nil)
    }

    private static func add(_ plan: SafetyPlan, _ part: SafetyPart, _ e: PlanEntryInput) -> SafetyPlan {
        var p = plan
        switch part {
        case .warningSigns: p.warningSigns.append(e.text)
        case .copingStrategies: p.copingStrategies.append(e.text)
        case .distractions: p.distractions.append(Distraction(kind: e.distraction, entry: contactEntry(e)))
        case .helpPeople: p.helpPeople.append(contactEntry(e))
        case .professionals: p.professionals.append(contactEntry(e))
        case .safeEnvironment: p.safeEnvironment.append(e.text)
        case .reasonForLiving: p.reasonForLiving = e.text
        }
        return p
    }

    private static func remove(_ plan: SafetyPlan, _ part: SafetyPart, _ i: Int) -> SafetyPlan {
        var p = plan
        switch part {
        case .warningSigns: p.warningSigns = without(p.warningSigns, i)
        case .copingStrategies: p.copingStrategies = without(p.copingStrategies, i)
        case .distractions: p.distractions = without(p.distractions, i)
        case .helpPeople: p.helpPeople = without(p.helpPeople, i)
        case .professionals: p.professionals = without(p.professionals, i)
        case .safeEnvironment: p.safeEnvironment = without(p.safeEnvironment, i)
        case .reasonForLiving: p.reasonForLiving = nil
        }
        return p
    }

    private static func add(_ plan: RelapsePreventionPlan, _ part: RelapsePart, _ e: PlanEntryInput) -> RelapsePreventionPlan {
        var p = plan
        switch part {
        case .reasons: p.reasons.append(e.text)
        case .triggers:
            let coping = e.coping.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
            p.triggers.append(Trigger(category: e.category, text: e.text, coping: coping))
        case .warningSigns: p.warningSigns.append(WarningSign(grade: e.grade, text: e.text, mentalHealth: e.mentalHealth))
        case .afterLapse: p.afterLapse.append(e.text)
        }
        return p
    }

    private static func remove(_ plan: RelapsePreventionPlan, _ part: RelapsePart, _ i: Int) -> RelapsePreventionPlan {
        var p = plan
        switch part {
        case .reasons: p.reasons = without(p.reasons, i)
        case .triggers: p.triggers = without(p.triggers, i)
        case .warningSigns: p.warningSigns = without(p.warningSigns, i)
        case .afterLapse: p.afterLapse = without(p.afterLapse, i)
        }
        return p
    }

    /// The list without its `i`th item (unchanged when there is none: a stale screen removes nothing).
    private static func without<T>(_ list: [T], _ i: Int) -> [T] {
        list.enumerated().filter { $0.offset != i }.map(\.element)
    }
}
