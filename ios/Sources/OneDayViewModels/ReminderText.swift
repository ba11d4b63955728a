import Foundation
import OneDay

/// A notification's title and text.
public struct NotificationText: Equatable, Sendable {
    /// The title.
    public let title: String
    /// The text.
    public let body: String

    /// A title and a text.
    public init(title: String, body: String) {
        self.title = title
        self.body = body
    }
}

/// Notification texts. The lock screen only ever gets ``lockScreen``, which names no counter, meeting,
/// substance or number; the private version (shown once the phone is unlocked) carries the detail.
public enum ReminderText {
    /// What the lock screen shows for every One Day notification.
    public static let lockScreen = NotificationText(title: "A reminder from One Day", body: "Open One Day to see it.")

    /// The private version of a milestone reminder: core's own text (neutral unless the counter opted in).
    public static func counter(_ reminder: CounterReminder) -> NotificationText {
        NotificationText(title: reminder.title, body: reminder.body)
    }

    /// The private version of a meeting reminder: its name, start in the user's zone and how to attend.
    public static func meeting(_ occurrence: UpcomingMeeting, locale: Locale = Locale(identifier: "en")) -> NotificationText {
        let at = LocalText.dateTime(occurrence.startUser.local, "HH:mm", locale)
        let mode = AttendanceLabel.of(occurrence.meeting.attendance)
        return NotificationText(title: occurrence.meeting.name, body: "Starts at \(at) · \(mode)")
    }

    /// The private version of the daily check-in reminder.
    public static let checkIn = NotificationText(title: "Daily check-in", body: "How are you today? A minute to check in.")
}
