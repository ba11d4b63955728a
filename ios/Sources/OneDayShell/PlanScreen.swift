// The Plan screen: the safety plan and the relapse-prevention plan, core's gaps, and sharing the text.
// Apple only; not compiled on Linux.
#if canImport(SwiftUI) && canImport(UIKit)
import OneDay
import OneDayViewModels
import SwiftUI
import UIKit

/// The Plan tab.
public struct PlanTab: View {
    private let model: PlanModel
    private let editor: PlanEditor?
    @State private var adding: PlanPart?
    @State private var removing: (part: PlanPart, index: Int)?
    @State private var kind: PlanKind = .safety
    @State private var screen: Outcome<OneDayViewModels.PlanScreen>?

    /// The tab over the model.
    public init(model: PlanModel, editor: PlanEditor? = nil) {
        self.model = model
        self.editor = editor
    }

    /// The sections, the prompt and the share button.
    public var body: some View {
        List {
            Picker("Plan", selection: $kind) {
                Text("Safety plan").tag(PlanKind.safety)
                Text("Relapse prevention").tag(PlanKind.relapse)
            }
            .pickerStyle(.segmented)
            if case .done(let s) = screen {
                if let prompt = s.prompt { Text(prompt).bold() }
                ForEach(s.sections, id: \.title) { section in
                    Section(section.title) {
                        ForEach(Array(section.entries.enumerated()), id: \.offset) { index, e in
                            VStack(alignment: .leading) {
                                Text(e.text)
                                if let d = e.detail { Text(d).font(.footnote) }
                                if let dial = e.dialUri, let u = URL(string: dial) { Button("Call") { UIApplication.shared.open(u) } }
                                if editor != nil, let part = section.part {
                                    Button("Remove", role: .destructive) { removing = (part, index) }.buttonStyle(.borderless)
                                }
                            }
                        }
                        if editor != nil, let part = section.part { Button("Add") { adding = part } }
                    }
                }
                if let text = (try? model.exportText(kind: kind))?.value { ShareLink("Share", item: text) }
            } else if case .refused(let m) = screen {
                Text(m.text)
            }
        }
        .task(id: kind) { reload() }
        .sheet(isPresented: Binding(get: { adding != nil }, set: { if !$0 { adding = nil } })) {
            if let editor, let part = adding {
                PlanEntrySheet(editor: editor, part: part) {
                    adding = nil
                    reload()
                }
            }
        }
        .confirmationDialog(
            editor?.removeQuestion ?? "", isPresented: Binding(get: { removing != nil }, set: { if !$0 { removing = nil } }),
            titleVisibility: .visible
        ) {
            Button("Remove", role: .destructive) {
                if let editor, let r = removing { _ = try? editor.remove(r.part, at: r.index) }
                removing = nil
                reload()
            }
        }
    }

    private func reload() { screen = try? (kind == .safety ? model.safety() : model.relapse()) }
}
#endif
