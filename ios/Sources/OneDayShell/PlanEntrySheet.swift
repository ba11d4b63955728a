// Adding an entry to a plan section: the user's words, and what the section takes (a contact link,
// person or place, a trigger's category and coping, a warning sign's grade). Core checks and saves it,
// keeping the earlier revision. Apple only; not compiled on Linux.
#if canImport(SwiftUI)
import OneDay
import OneDayViewModels
import SwiftUI

/// The sheet the Plan tab opens from a section's "Add".
public struct PlanEntrySheet: View {
    private let editor: PlanEditor
    private let part: PlanPart
    private let onSaved: () -> Void
    @State private var entry = PlanEntryInput(text: "")
    @State private var contacts: [(id: String, label: String)] = []
    @State private var message: String?

    /// The sheet for `part`; `onSaved` closes it and reloads the plan.
    public init(editor: PlanEditor, part: PlanPart, onSaved: @escaping () -> Void) {
        self.editor = editor
        self.part = part
        self.onSaved = onSaved
    }

    /// The fields the section uses.
    public var body: some View {
        Form {
            TextField(editor.entryHint, text: $entry.text)
            if part.linksContact {
                Picker("Contact", selection: $entry.contactId) {
                    Text("None").tag(String?.none)
                    ForEach(Array(contacts.enumerated()), id: \.offset) { _, c in Text(c.label).tag(String?.some(c.id)) }
                }
            }
            if part == .safety(.distractions) {
                Picker("Person or place", selection: $entry.distraction) {
                    Text("Person").tag(DistractionKind.person)
                    Text("Place").tag(DistractionKind.place)
                }
            }
            if part == .relapse(.triggers) {
                Picker("Category", selection: $entry.category) {
                    ForEach(PlanWords.triggerCategories, id: \.self) { Text(PlanWords.categoryLabel($0)).tag($0) }
                }
                TextField("What I do", text: Binding(get: { entry.coping ?? "" }, set: { entry.coping = $0 }))
            }
            if part == .relapse(.warningSigns) {
                Picker("Grade", selection: $entry.grade) {
                    ForEach(PlanWords.grades, id: \.self) { Text(PlanWords.gradeLabel($0)).tag($0) }
                }
                Toggle("Mental health", isOn: $entry.mentalHealth)
            }
            if let message { Text(message).foregroundStyle(.red) }
            Button("Add") {
                switch try? editor.add(part, entry) {
                case .done?: onSaved()
                case .refused(let m)?: message = m.text
                case nil: break
                }
            }
        }
        .task { contacts = (try? editor.linkChoices())?.value ?? [] }
    }
}
#endif
