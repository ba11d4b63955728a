// Adding an entry to a plan section, or editing one in place: the user's words, and what the section
// takes (core's shape: a contact link, person or place, a trigger's category and coping, a warning
// sign's grade). Core checks and saves it, keeping the earlier revision. Apple only; not compiled on
// Linux.
#if canImport(SwiftUI)
import OneDay
import OneDayViewModels
import SwiftUI

/// The sheet the Plan tab opens from a section's "Add" or an entry's "Edit".
public struct PlanEntrySheet: View {
    private let model: PlanModel
    private let screen: PlanScreen
    private let section: PlanSectionView
    private let editing: PlanEntryView?
    private let onSaved: () -> Void
    @State private var form: PlanEntryForm
    @State private var contacts: [(id: String, label: String)] = []
    @State private var message: String?

    /// The sheet for `section` of `screen`, filled with `editing` when it edits an entry in place;
    /// `onSaved` closes it and reloads the plan.
    public init(model: PlanModel, screen: PlanScreen, section: PlanSectionView, editing: PlanEntryView?, onSaved: @escaping () -> Void) {
        self.model = model
        self.screen = screen
        self.section = section
        self.editing = editing
        self.onSaved = onSaved
        _form = State(initialValue: editing.map { PlanEntryForm($0.entry) } ?? PlanEntryForm())
    }

    /// The fields the section's shape uses.
    public var body: some View {
        Form {
            TextField(model.entryHint, text: $form.text)
            if section.linksContact {
                Picker("Contact", selection: $form.contactId) {
                    Text("None").tag(String?.none)
                    ForEach(Array(contacts.enumerated()), id: \.offset) { _, c in Text(c.label).tag(String?.some(c.id)) }
                }
            }
            if section.shape == .personOrPlace {
                Picker("Person or place", selection: $form.place) {
                    Text("Person").tag(false)
                    Text("Place").tag(true)
                }
            }
            if section.shape == .categorisedTrigger {
                Picker("Category", selection: $form.category) {
                    ForEach(model.categories, id: \.label) { Text($0.label).tag($0.category) }
                }
                TextField("What I do", text: Binding(get: { form.coping ?? "" }, set: { form.coping = $0 }))
            }
            if section.shape == .gradedSign {
                Picker("Grade", selection: $form.grade) {
                    ForEach(model.grades, id: \.label) { Text($0.label).tag($0.grade) }
                }
                Toggle("Mental health", isOn: $form.mentalHealth)
            }
            if let message { Text(message).foregroundStyle(.red) }
            Button(editing == nil ? "Add" : "Save") {
                let entry = form.entry(section.shape)
                let edit: PlanEdit =
                    editing.map { .replace(section: section.section, number: $0.number, entry: entry) }
                    ?? .add(section: section.section, entry: entry)
                switch try? model.apply(screen, edit) {
                case .done?: onSaved()
                case .refused(let m)?: message = m.text
                case nil: break
                }
            }
        }
        .task { contacts = (try? model.linkChoices())?.value ?? [] }
    }
}
#endif
