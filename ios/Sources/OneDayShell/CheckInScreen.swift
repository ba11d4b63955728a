// The Check-in screen: today's form (core checks it on save) and core's trends. Apple only.
#if canImport(SwiftUI)
import OneDay
import OneDayViewModels
import SwiftUI

/// The Check-in tab.
public struct CheckInTab: View {
    private let model: CheckInModel
    @State private var form: CheckInForm?
    @State private var mood = 3
    @State private var craving = 0
    @State private var message: String?
    @State private var trends: TrendsView?

    /// The tab over the model.
    public init(model: CheckInModel) { self.model = model }

    /// The form, core's answer, the trends.
    public var body: some View {
        List {
            Stepper("Mood: \(mood)", value: $mood)
            Stepper("Craving: \(craving)", value: $craving)
            Button("Save") { save() }
            if let message { Text(message) }
            if let trends {
                Section("Trends") {
                    ForEach(trends.summaryLines, id: \.self) { Text($0) }
                    Text(trends.streakLine)
                    ForEach(trends.cues, id: \.self) { Text($0).bold() }
                }
            }
        }
        .task { reload() }
    }

    /// The steppers are not clamped: core says what is out of range.
    private func save() {
        guard var f = form else { return }
        f.mood = UInt8(clamping: mood)
        f.craving = UInt8(clamping: craving)
        let result = try? model.save(f)
        message = result?.message?.text ?? (result?.value != nil ? "Saved." : nil)
        reload()
    }

    private func reload() {
        form = (try? model.form())?.value
        if let m = form?.mood { mood = Int(m) }
        if let c = form?.craving { craving = Int(c) }
        trends = (try? model.trends())?.value
    }
}
#endif
