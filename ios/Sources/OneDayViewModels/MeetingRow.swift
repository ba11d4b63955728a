import Foundation
import OneDay

/// One meeting of the Meetings screen and its next start, as core placed it on the clock.
public struct MeetingRow: Equatable, Sendable {
    /// The meeting's record id (for "mark attended" and the detail screen).
    public let meetingId: String
    /// The meeting's name.
    public let name: String
    /// `Fri 7 Jun, 23:00`: the start in the user's zone.
    public let whenLine: String
    /// `18:00 in America/Chicago` when the meeting's zone is not the user's.
    public let meetingZoneLine: String?
    /// Said when the zone is the one the user chose for the list (the list named none).
    public let zoneChoiceLine: String?
    /// Said when the start fell in a clock change and core moved it forward.
    public let dstLine: String?
    /// `Online`, `In person`, ...
    public let modeLabel: String
    /// The address, or `Online`; `nil` when the list says neither.
    public let placeLine: String?
    /// `Closed meeting` for a meeting closed to those who share the problem, or `Closed for now`
    /// when its place is closed and it has no online alternative.
    public let closedLine: String?
    /// The one-tap way in.
    public let action: MeetingAction
    /// A dial-in offered beside the link, if the meeting has both.
    public let dialIn: MeetingAction?

    /// The row of one meeting of core's screen, with dates written for `locale`.
    public static func of(_ row: MeetingsUpcomingRow, locale: Locale) -> MeetingRow {
        let o = row.next
        let m = o.meeting
        let place: String?
        switch row.place {
        case .address(let address): place = address
        case .online: place = "Online"
        case .unknown: place = nil
        }
        return MeetingRow(
            meetingId: m.id,
            name: m.name,
            whenLine: LocalText.dateTime(o.startUser.local, "EEE d MMM, HH:mm", locale),
            meetingZoneLine: o.start.zone != o.startUser.zone
                ? "\(LocalText.dateTime(o.start.local, "HH:mm", locale)) in \(o.start.zone)" : nil,
            zoneChoiceLine: o.zone.source == .sourceDefault
                ? "Times use the zone you chose for this list: \(o.start.zone)" : nil,
            dstLine: o.movedByDstGap ? "The clocks change then: the start was moved forward" : nil,
            modeLabel: AttendanceLabel.of(m.attendance),
            placeLine: place,
            closedLine: row.temporarilyClosed ? "Closed for now" : row.closed ? "Closed meeting" : nil,
            action: MeetingAction.primary(m),
            dialIn: MeetingAction.secondary(m)
        )
    }
}

/// Meetings core could not place on the clock because their list names no time zone, with the prompt
/// to set one. They are never shown in UTC.
public struct ZonePrompt: Equatable, Sendable {
    /// The name the user gave the list when importing it.
    public let listName: String
    /// The meetings of that list without a zone.
    public let meetingNames: [String]
    /// What to tell the user.
    public let prompt: String
}

/// The Meetings screen.
public struct MeetingsScreen: Equatable, Sendable {
    /// One row per meeting, soonest next start first (core's order).
    public let rows: [MeetingRow]
    /// One prompt per list whose meetings have no zone.
    public let zonePrompts: [ZonePrompt]
    /// `2 meetings are by appointment (no day or time).` when there are any.
    public let byAppointmentLine: String?
    /// What to say when there is no row and no prompt.
    public let emptyLine: String?
}
