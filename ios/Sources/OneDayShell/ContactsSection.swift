// The contacts on the Call screen: the list in core's order, add, edit, remove (after a question),
// move up and down, and the region. Every check is core's. Apple only; not compiled on Linux.
#if canImport(SwiftUI)
import OneDay
import OneDayViewModels
import SwiftUI

/// The "Your people" section and its contact form.
public struct ContactsSection: View {
    private let model: ContactsModel
    private let onChange: () -> Void
    @State private var rows: [ContactRow] = []
    @State private var message: String?
    @State private var editing: String?
    @State private var form: ContactInput?
    @State private var removing: ContactRow?
    @State private var region = ""

    /// The section over the model; `onChange` reloads the one-tap screen above it.
    public init(model: ContactsModel, onChange: @escaping () -> Void) {
        self.model = model
        self.onChange = onChange
    }

    /// The list, the region field and the form.
    public var body: some View {
        Section(model.heading) {
            if rows.isEmpty { Text(model.emptyText) }
            ForEach(rows, id: \.id) { row in
                VStack(alignment: .leading) {
                    Text(row.title)
                    Text(row.detail).font(.footnote)
                    HStack {
                        Button("Up") { apply(try? model.move(id: row.id, up: true)) }.disabled(!row.canMoveUp)
                        Button("Down") { apply(try? model.move(id: row.id, up: false)) }.disabled(!row.canMoveDown)
                        Button("Edit") {
                            editing = row.id
                            form = row.toInput()
                        }
                        Button("Remove", role: .destructive) { removing = row }
                    }
                    .buttonStyle(.borderless)
                }
            }
            Button("Add") {
                editing = nil
                form = ContactInput(name: "", role: .sponsor, phone: "", smsAllowed: true)
            }
            TextField(model.regionHint, text: $region).onSubmit {
                switch try? model.setRegion(region) {
                case .done(let code)?:
                    region = code ?? ""
                    message = nil
                    onChange()
                case .refused(let m)?: message = m.text
                case nil: break
                }
            }
            if let message { Text(message).foregroundStyle(.red) }
        }
        .task { reload() }
        .sheet(isPresented: Binding(get: { form != nil }, set: { if !$0 { form = nil } })) { contactForm }
        .confirmationDialog(
            removing.map(model.removeQuestion) ?? "", isPresented: Binding(get: { removing != nil }, set: { if !$0 { removing = nil } }),
            titleVisibility: .visible
        ) {
            Button("Remove", role: .destructive) {
                if let row = removing, case .refused(let m)? = try? model.remove(id: row.id) { message = m.text }
                removing = nil
                reload()
            }
        }
    }

    @ViewBuilder private var contactForm: some View {
        if let current = form {
            Form {
                TextField("Name", text: Binding(get: { current.name }, set: { form?.name = $0 }))
                Picker("Role", selection: Binding(get: { current.role }, set: { form?.role = $0 })) {
                    ForEach(ContactRoles.choices, id: \.self) { Text(ContactRoles.label($0)).tag($0) }
                }
                TextField("Phone", text: Binding(get: { current.phone }, set: { form?.phone = $0 }))
                Toggle("Texts OK", isOn: Binding(get: { current.smsAllowed }, set: { form?.smsAllowed = $0 }))
                if let message { Text(message).foregroundStyle(.red) }
                Button("Save") {
                    let saved: Outcome<ContactRow>?
                    if let id = editing { saved = try? model.edit(id: id, current) } else { saved = try? model.add(current) }
                    switch saved {
                    case .done?:
                        form = nil
                        message = nil
                        reload()
                    case .refused(let m)?: message = m.text
                    case nil: break
                    }
                }
            }
        }
    }

    private func apply(_ outcome: Outcome<[ContactRow]>?) {
        switch outcome {
        case .done(let list)?:
            rows = list
            onChange()
        case .refused(let m)?: message = m.text
        case nil: break
        }
    }

    private func reload() {
        apply(try? model.list())
        if case .done(let code)? = try? model.region() { region = code ?? "" }
    }
}
#endif
