// The add-counter form: label, clean date (date picker starting today), key tags or chips, day 1 or
// day 0; core adds it and words any refusal. Apple only; not compiled on Linux.
#if canImport(SwiftUI)
import Foundation
import OneDayViewModels
import SwiftUI

/// The sheet Today opens from "Add a counter".
public struct AddCounterSheet: View {
    private let model: AddCounterModel
    private let onAdded: () -> Void
    @State private var label = ""
    @State private var date = Date()
    @State private var milestones: MilestoneChoice = .naKeyTags
    @State private var dayOne = false
    @State private var refusal: String?

    /// The sheet over the form's model; `onAdded` closes it and reloads Today.
    public init(model: AddCounterModel, onAdded: @escaping () -> Void) {
        self.model = model
        self.onAdded = onAdded
    }

    /// The form.
    public var body: some View {
        Form {
            Section(model.title) {
                TextField(model.labelHint, text: $label)
                DatePicker(model.pickDateLabel, selection: $date, displayedComponents: .date)
                Text(model.dateLine(cleanDate))
                Picker("Milestones", selection: $milestones) {
                    ForEach(model.milestoneChoices, id: \.self) { Text($0.label).tag($0) }
                }
                Toggle(model.dayOneLabel, isOn: $dayOne)
            }
            if let refusal { Text(refusal).foregroundStyle(.red) }
            Button(model.title) {
                let input = NewCounterInput(label: label, cleanDate: cleanDate, milestones: milestones, todayIsDayOne: dayOne)
                switch try? model.add(input) {
                case .done?: onAdded()
                case .refused(let m)?: refusal = m.text
                case nil: refusal = nil
                }
            }
        }
    }

    /// The picked day on the phone's calendar, as core's ISO date.
    private var cleanDate: String { UserDay.of(date, in: .current) }
}
#endif
