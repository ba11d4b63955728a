// The Call screen: one tap calls whoever core put first (the sponsor, else the next in order, else a
// crisis line) through its tel: URL; the fallback list and the crisis line below, then the region's
// drug and alcohol helplines under their own heading (never part of one tap). Apple only.
#if canImport(SwiftUI) && canImport(UIKit)
import OneDayViewModels
import SwiftUI
import UIKit

/// The Call tab.
public struct CallTab: View {
    private let model: CallModel
    private let contacts: ContactsModel?
    @State private var screen: Outcome<OneDayViewModels.CallScreen>?

    /// The tab over the model.
    public init(model: CallModel, contacts: ContactsModel? = nil) {
        self.model = model
        self.contacts = contacts
    }

    /// The big button, the fallbacks, the crisis line, the drug and alcohol helplines.
    public var body: some View {
        List {
            if case .done(let s) = screen {
                Button(s.headline) { open(s.launchUri) }.font(.title.bold()).disabled(s.launchUri == nil)
                if let hint = s.regionHint { Text(hint).font(.footnote) }
                ForEach(Array(s.fallbacks.enumerated()), id: \.offset) { _, row in
                    Button(row.label) { open(row.uri) }.disabled(row.uri == nil)
                }
                if let crisis = s.crisisRow {
                    Section { Button(crisis.label) { open(crisis.uri) }.disabled(crisis.uri == nil) }
                }
                if !s.helplines.isEmpty {
                    Section("Drug and alcohol helplines") {
                        ForEach(Array(s.helplines.enumerated()), id: \.offset) { _, row in
                            Button(row.label) { open(row.uri) }.disabled(row.uri == nil)
                        }
                    }
                }
            } else if case .refused(let m) = screen {
                Text(m.text)
            }
            if let contacts { ContactsSection(model: contacts) { screen = try? model.call() } }
        }
        .task { screen = try? model.call() }
    }

    private func open(_ uri: String?) {
        if let uri, let u = URL(string: uri) { UIApplication.shared.open(u) }
    }
}
#endif
