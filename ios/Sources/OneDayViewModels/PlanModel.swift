import Foundation
import OneDay

/// The values of the entry form. The section's shape (core's) says which of them count; the rest are
/// ignored.
public struct PlanEntryForm: Equatable {
    /// The user's words.
    public var text: String
    /// A contact to link (safety steps 3 to 5).
    public var contactId: String?
    /// A phone number the entry keeps (safety steps 3 to 5).
    public var phone: String?
    /// A place rather than a person (safety step 3).
    public var place: Bool
    /// The trigger's category.
    public var category: TriggerCategory
    /// What to do when the trigger comes up (blank: none yet; core drops it).
    public var coping: String?
    /// The warning sign's grade.
    public var grade: WarningGrade
    /// A mental-health warning sign.
    public var mentalHealth: Bool

    /// A form with these values; what a section does not use keeps its default.
    public init(
        text: String = "", contactId: String? = nil, phone: String? = nil, place: Bool = false, category: TriggerCategory = .people,
        coping: String? = nil, grade: WarningGrade = .early, mentalHealth: Bool = false
    ) {
        self.text = text
        self.contactId = contactId
        self.phone = phone
        self.place = place
        self.category = category
        self.coping = coping
        self.grade = grade
        self.mentalHealth = mentalHealth
    }

    /// The form filled in with `entry`, to edit it in place.
    public init(_ entry: PlanEntry) {
        switch entry {
        case .textEntry(let text): self.init(text: text)
        case .distractionEntry(let d):
            self.init(text: d.entry.text, contactId: d.entry.contactId, phone: d.entry.phone, place: d.kind == .place)
        case .helpEntry(let e): self.init(text: e.text, contactId: e.contactId, phone: e.phone)
        case .triggerEntry(let t): self.init(text: t.text, category: t.category, coping: t.coping)
        case .warningSignEntry(let s): self.init(text: s.text, grade: s.grade, mentalHealth: s.mentalHealth)
        }
    }

    /// The entry for a section whose entries have `shape`.
    public func entry(_ shape: PlanEntryShape) -> PlanEntry {
        let reach = ContactEntry(text: text, contactId: contactId, phone: phone)
        switch shape {
        case .words: return .textEntry(text: text)
        case .personOrPlace: return .distractionEntry(distraction: Distraction(kind: place ? .place : .person, entry: reach))
        case .reachable: return .helpEntry(entry: reach)
        case .categorisedTrigger: return .triggerEntry(trigger: Trigger(category: category, text: text, coping: coping))
        case .gradedSign: return .warningSignEntry(sign: WarningSign(grade: grade, text: text, mentalHealth: mentalHealth))
        }
    }
}

/// The Plan screen: core's screen of a plan (sections, entries, linked contacts, what is missing,
/// revisions) in one call, and every change as core's one plan edit, applied against the version the
/// screen shows, so an edit made elsewhere in the meantime is never overwritten.
public final class PlanModel {
    private let vault: Vault
    private let time: DateFormatter

    /// The model over an open vault; revision times are shown in `zone`.
    public init(vault: Vault, zone: TimeZone = .current) {
        self.vault = vault
        time = DateFormatter()
        time.locale = Locale(identifier: "en_US_POSIX")
        time.timeZone = zone
        time.dateFormat = "yyyy-MM-dd HH:mm"
    }

    /// The hint of the entry field.
    public let entryHint = "In your own words"

    /// The question asked before removing an entry.
    public let removeQuestion = "Remove this entry from the plan? The plan's earlier versions are kept."

    /// The trigger categories the form offers, with core's labels.
    public lazy var categories: [TriggerCategoryChoice] = triggerCategories()

    /// The warning-sign grades the form offers, with core's labels.
    public lazy var grades: [WarningGradeChoice] = warningGrades()

    /// Core's screen of plan `kind`.
    public func plan(_ kind: PlanKind) throws -> Outcome<PlanScreen> {
        try outcomeOf { try vault.plan(kind: kind) }
    }

    /// Applies `edit` to the plan `shown` shows; core refuses it if the plan changed since.
    public func apply(_ shown: PlanScreen, _ edit: PlanEdit) throws -> Outcome<PlanScreen> {
        try outcomeOf { try vault.applyPlanEdit(kind: shown.kind, expected: shown.version, edit: edit) }
    }

    /// The contacts an entry can link to: id and `Sam (sponsor)`, in the user's order.
    public func linkChoices() throws -> Outcome<[(id: String, label: String)]> {
        try outcomeOf { try vault.contacts().map { ($0.id, "\($0.name) (\(ContactRoles.label($0.role)))") } }
    }

    /// The plan as plain text (every field, phone numbers included) for the user to share or print.
    public func exportText(kind: PlanKind) throws -> Outcome<String> {
        try outcomeOf { try vault.exportPlan(kind: kind, format: .text, revision: nil) }
    }

    /// One line of the revision list: `Revision 3 · 2024-06-01 14:00 · restored from 1`.
    public func revisionLine(_ r: PlanRevision) -> String {
        (["Revision \(r.number)", time.string(from: r.savedAt)] + (r.restoredFrom.map { ["restored from \($0)"] } ?? []))
            .joined(separator: " · ")
    }

    /// The question asked before restoring `r`.
    public func restoreQuestion(_ r: PlanRevision) -> String {
        "Make \(revisionLine(r)) your plan again? It is saved as a new revision; nothing is lost."
    }
}
