// The Today screen: one card per counter (core's numbers), key tag, progress to the next milestone,
// and the kind reset flow. Apple only; not compiled on Linux.
#if canImport(SwiftUI)
import OneDay
import OneDayViewModels
import SwiftUI

/// The Today tab.
public struct TodayScreen: View {
    private let model: TodayModel
    @State private var cards: Outcome<[CounterCard]>?
    @State private var resetting: ResetFlow?
    @State private var note = ""
    @State private var kept: String?
    @State private var adding = false

    /// The tab over the model.
    public init(model: TodayModel) { self.model = model }

    /// The cards, or core's message.
    public var body: some View {
        List {
            switch cards {
            case .done(let list) where list.isEmpty:
                Text(model.emptyText)
            case .done(let list):
                ForEach(list, id: \.counterId) { card in
                    VStack(alignment: .leading, spacing: 6) {
                        Text(card.label).font(.headline)
                        Text(card.daysLine).font(.largeTitle.bold())
                        if let period = card.periodLine { Text(period) }
                        if let tag = card.keyTag { Text(tag.text) }
                        if let next = card.next {
                            ProgressView(value: next.fraction) { Text("\(next.keyTag.name) \(next.inDaysLine)") }
                        }
                        if let money = card.moneySaved { Text(money) }
                        if card.canReset { Button("Start again") { resetting = model.resetFlow(counterId: card.counterId) } }
                    }
                }
            case .refused(let message):
                Text(message.text)
            case nil:
                ProgressView()
            }
            if let kept { Text(kept) }
            Button(model.addCounter().title) { adding = true }
        }
        .sheet(isPresented: $adding) {
            AddCounterSheet(model: model.addCounter()) {
                adding = false
                reload()
            }
        }
        .task { reload() }
        .sheet(isPresented: Binding(get: { resetting != nil }, set: { if !$0 { resetting = nil } })) {
            if let flow = resetting {
                VStack(spacing: 16) {
                    Text(flow.title).font(.title2)
                    Text((try? flow.body().value) ?? "")
                    TextField(flow.noteHint, text: $note)
                    HStack {
                        Button(flow.cancelLabel) { resetting = nil }
                        Button(flow.confirmLabel) {
                            kept = (try? flow.confirm(note: note))?.value?.keptLine
                            note = ""
                            resetting = nil
                            reload()
                        }
                    }
                }
                .padding()
            }
        }
    }

    private func reload() { cards = try? model.cards() }
}
#endif
