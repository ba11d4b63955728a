// The Plan screen: core's screen of the safety plan or the relapse-prevention plan, its gaps, editing
// entries (add, edit in place, remove), restoring an earlier revision, and sharing the text.
// Apple only; not compiled on Linux.
#if canImport(SwiftUI) && canImport(UIKit)
import OneDay
import OneDayViewModels
import SwiftUI
import UIKit

/// What the entry sheet is open for.
struct PlanSheet: Identifiable {
    let section: PlanSectionView
    let editing: PlanEntryView?
    var id: String { "\(section.heading)-\(editing?.number ?? 0)" }
}

/// The Plan tab.
public struct PlanTab: View {
    private let model: PlanModel
    @State private var sheet: PlanSheet?
    @State private var removing: (section: PlanSection, number: UInt32)?
    @State private var restoring: PlanRevision?
    @State private var kind: PlanKind = .safety
    @State private var screen: Outcome<PlanScreen>?
    @State private var message: String?

    /// The tab over the model.
    public init(model: PlanModel) {
        self.model = model
    }

    /// The sections, the prompt, the earlier revisions and the share button.
    public var body: some View {
        List {
            Picker("Plan", selection: $kind) {
                Text("Safety plan").tag(PlanKind.safety)
                Text("Relapse prevention").tag(PlanKind.relapse)
            }
            .pickerStyle(.segmented)
            if let message { Text(message).foregroundStyle(.red) }
            if case .done(let s) = screen {
                if let prompt = s.prompt { Text(prompt).bold() }
                ForEach(s.sections, id: \.heading) { section in
                    Section(section.heading) {
                        ForEach(section.entries, id: \.number) { e in
                            VStack(alignment: .leading) {
                                Text(e.line)
                                if let d = e.detail { Text(d).font(.footnote) }
                                HStack {
                                    if let dial = e.dialUri, let u = URL(string: dial) { Button("Call") { UIApplication.shared.open(u) } }
                                    Button("Edit") { sheet = PlanSheet(section: section, editing: e) }
                                    Button("Remove", role: .destructive) { removing = (section.section, e.number) }
                                }
                                .buttonStyle(.borderless)
                            }
                        }
                        Button("Add") { sheet = PlanSheet(section: section, editing: nil) }
                    }
                }
                ForEach(s.completeness.messages.filter { $0 != s.prompt }, id: \.self) { Text($0).font(.footnote) }
                if s.revisions.count > 1 {
                    Section("Earlier versions") {
                        ForEach(s.revisions.dropLast().reversed(), id: \.number) { r in
                            HStack {
                                Text(model.revisionLine(r)).font(.footnote)
                                Spacer()
                                Button("Restore") { restoring = r }.buttonStyle(.borderless)
                            }
                        }
                    }
                }
                if let text = (try? model.exportText(kind: kind))?.value { ShareLink("Share", item: text) }
            } else if case .refused(let m) = screen {
                Text(m.text)
            }
        }
        .task(id: kind) { reload() }
        .sheet(item: $sheet) { open in
            if case .done(let s) = screen {
                PlanEntrySheet(model: model, screen: s, section: open.section, editing: open.editing) {
                    sheet = nil
                    reload()
                }
            }
        }
        .confirmationDialog(
            model.removeQuestion, isPresented: Binding(get: { removing != nil }, set: { if !$0 { removing = nil } }),
            titleVisibility: .visible
        ) {
            Button("Remove", role: .destructive) {
                if let r = removing { apply(.remove(section: r.section, number: r.number)) }
                removing = nil
            }
        }
        .confirmationDialog(
            restoring.map(model.restoreQuestion) ?? "", isPresented: Binding(get: { restoring != nil }, set: { if !$0 { restoring = nil } }),
            titleVisibility: .visible
        ) {
            Button("Restore") {
                if let r = restoring { apply(.restore(revision: r.number)) }
                restoring = nil
            }
        }
    }

    private func apply(_ edit: PlanEdit) {
        guard case .done(let s) = screen else { return }
        message = (try? model.apply(s, edit))?.message?.text
        reload()
    }

    private func reload() { screen = try? model.plan(kind) }
}
#endif
