// A saved meeting's reminder: off or N minutes before, saved through core, which gives each upcoming
// occurrence its remindAt (the notifications schedule from it). Apple only; not compiled on Linux.
#if canImport(SwiftUI)
import OneDayViewModels
import SwiftUI

/// The "Remind me" choice of one meeting.
public struct MeetingReminderPicker: View {
    private let model: MeetingReminderChoice
    private let meetingId: String
    private let onSaved: (String) -> Void
    @State private var options: [ReminderOption] = []
    @State private var current = 0
    @State private var message: String?

    /// The choice for `meetingId`; `onSaved` gets the line to show and schedules the reminders again.
    public init(model: MeetingReminderChoice, meetingId: String, onSaved: @escaping (String) -> Void) {
        self.model = model
        self.meetingId = meetingId
        self.onSaved = onSaved
    }

    /// The options, the current one checked.
    public var body: some View {
        List {
            Section(model.title) {
                ForEach(Array(options.enumerated()), id: \.offset) { index, option in
                    Button {
                        switch try? model.choose(meetingId: meetingId, option) {
                        case .done(let line)?:
                            current = index
                            onSaved(line)
                        case .refused(let m)?: message = m.text
                        case nil: break
                        }
                    } label: {
                        HStack {
                            Text(option.label)
                            if index == current { Image(systemName: "checkmark") }
                        }
                    }
                }
            }
            if let message { Text(message) }
        }
        .task {
            switch try? model.options(meetingId: meetingId) {
            case .done(let found)?:
                options = found.options
                current = found.current
            case .refused(let m)?: message = m.text
            case nil: break
            }
        }
    }
}
#endif
