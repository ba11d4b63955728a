import OneDay

/// One choice in a meeting's reminder dialog.
public struct ReminderOption: Equatable, Sendable {
    /// `Off`, `15 minutes before`, `1 hour before`.
    public let label: String
    /// What core stores for it.
    public let reminder: MeetingReminder
}

/// A saved meeting's reminder: the choices (off or N minutes before), the current one, and saving the
/// choice through core's `setMeetingReminder`. Core then gives each upcoming occurrence its `remindAt`,
/// which the reminders schedule from.
public final class MeetingReminderChoice {
    private let vault: Vault

    /// The choice over an open vault.
    public init(vault: Vault) { self.vault = vault }

    /// The dialog's title.
    public let title = "Remind me"

    /// The choices offered to everyone, off first.
    public static let standard: [MeetingReminder] =
        [.off] + ([5, 10, 15, 30, 60, 120, 1440] as [UInt32]).map { MeetingReminder.minutesBefore(minutes: $0) }

    /// The choices for the meeting, the current one selected: the options and the index of the current one.
    public func options(meetingId: String) throws -> Outcome<(options: [ReminderOption], current: Int)> {
        try outcomeOf {
            let current = try vault.meeting(id: meetingId).user.reminder
            var reminders = Self.standard
            if !reminders.contains(current) { reminders.append(current) }
            let options = reminders.map(Self.option)
            return (options, options.firstIndex { $0.reminder == current } ?? 0)
        }
    }

    /// Saves `option` for the meeting; returns the line to show.
    public func choose(meetingId: String, _ option: ReminderOption) throws -> Outcome<String> {
        try outcomeOf {
            let meeting = try vault.setMeetingReminder(id: meetingId, reminder: option.reminder)
            switch meeting.user.reminder {
            case .off: return "No reminder for “\(meeting.name)”."
            case .minutesBefore(let minutes): return "Reminder for “\(meeting.name)”: \(Self.before(minutes))."
            }
        }
    }

    /// The option for a reminder core stores.
    public static func option(_ r: MeetingReminder) -> ReminderOption {
        switch r {
        case .off: return ReminderOption(label: "Off", reminder: r)
        case .minutesBefore(let minutes): return ReminderOption(label: before(minutes), reminder: r)
        }
    }

    /// `15 minutes before`, `1 hour before`, `1 day before`.
    public static func before(_ minutes: UInt32) -> String {
        if minutes == 1 { return "1 minute before" }
        if minutes % 1440 == 0 { return plural(minutes / 1440, "day") + " before" }
        if minutes % 60 == 0 { return plural(minutes / 60, "hour") + " before" }
        return "\(minutes) minutes before"
    }

    private static func plural(_ n: UInt32, _ unit: String) -> String { n == 1 ? "1 \(unit)" : "\(n) \(unit)s" }
}
