import Foundation
import OneDay

/// A stored meeting in the list the user searches to find and save meetings: its weekly schedule as
/// the list gives it (in the meeting's own zone), not an occurrence.
public struct MeetingListRow: Equatable, Sendable {
    /// The meeting's record id.
    public let meetingId: String
    /// The meeting's name.
    public let name: String
    /// The name the user gave its meeting list.
    public let listName: String
    /// `Fri, Sat 23:00 · America/New_York`, `Wed 12:00 · zone not set` or `By appointment`.
    public let scheduleLine: String
    /// `Online`, `In person`, ...
    public let modeLabel: String
    /// Whether it is among the user's saved meetings.
    public let saved: Bool
    /// Said when the list no longer has it (kept because the user added something).
    public let vanishedLine: String?

    /// The row of one stored meeting, with day names written for `locale`.
    public static func of(_ m: Meeting, locale: Locale) -> MeetingListRow {
        MeetingListRow(
            meetingId: m.id,
            name: m.name,
            listName: m.source,
            scheduleLine: scheduleLine(m, locale),
            modeLabel: AttendanceLabel.of(m.attendance),
            saved: m.user.saved,
            vanishedLine: m.vanishedUpstream ? "No longer in its list; kept with what you added" : nil
        )
    }

    private static func scheduleLine(_ m: Meeting, _ locale: Locale) -> String {
        switch m.schedule {
        case .byAppointment:
            return "By appointment"
        case .weekly(let weekdays, let start, _, _, _):
            let days = weekdays.map { LocalText.weekday($0, locale) }.joined(separator: ", ")
            let zone = m.zone.source == .unknown ? "zone not set" : (m.zone.name ?? "zone not set")
            return "\(days) \(LocalText.time(start, locale)) · \(zone)"
        }
    }
}
