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
    @State private var kind: PlanKind = .safety
    @State private var screen: Outcome<OneDayViewModels.PlanScreen>?

    /// The tab over the model.
    public init(model: PlanModel) { self.model = model }

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
                        ForEach(Array(section.entries.enumerated()), id: \.offset) { _, e in
                            VStack(alignment: .leading) {
                                Text(e.text)
                                if let d = e.detail { Text(d).font(.footnote) }
                                if let dial = e.dialUri, let u = URL(string: dial) { Button("Call") { UIApplication.shared.open(u) } }
                            }
                        }
                    }
                }
                if let text = (try? model.exportText(kind: kind))?.value { ShareLink("Share", item: text) }
            } else if case .refused(let m) = screen {
                Text(m.text)
            }
        }
        .task(id: kind) { screen = try? (kind == .safety ? model.safety() : model.relapse()) }
    }
}
#endif
