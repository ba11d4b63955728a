import OneDay

/// The one-tap way into a meeting that a row offers. The URIs are core's; the glue only opens them.
public enum MeetingAction: Equatable, Sendable {
    /// Open the conference link (http or https, checked by core at import).
    case openLink(url: String)
    /// Dial in: core's `tel:` URI, which also enters the meeting id where the list gives one.
    case dial(telUri: String)
    /// Nothing to tap: the meeting is in person or closed for now.
    case none

    /// The main action for a meeting: the link for an online or hybrid meeting, the dial-in for a
    /// phone-only one (or an online one without a link); none in person or while closed.
    public static func primary(_ meeting: Meeting) -> MeetingAction {
        let link = meeting.online.url.map { MeetingAction.openLink(url: $0) }
        let dial = meeting.online.telUri.map { MeetingAction.dial(telUri: $0) }
        switch meeting.attendance {
        case .online, .hybrid: return link ?? dial ?? .none
        case .phoneOnly: return dial ?? .none
        case .inPerson, .temporarilyClosed: return .none
        }
    }

    /// The dial-in offered beside a link, when the meeting has both; else `nil`.
    public static func secondary(_ meeting: Meeting) -> MeetingAction? {
        guard case .openLink = primary(meeting) else { return nil }
        return meeting.online.telUri.map { .dial(telUri: $0) }
    }
}

/// Labels for core's attendance modes.
public enum AttendanceLabel {
    /// `In person`, `Online`, `Hybrid: in person and online`, `By phone`, `Temporarily closed`.
    public static func of(_ mode: AttendanceMode) -> String {
        switch mode {
        case .inPerson: return "In person"
        case .online: return "Online"
        case .hybrid: return "Hybrid: in person and online"
        case .phoneOnly: return "By phone"
        case .temporarilyClosed: return "Temporarily closed"
        }
    }
}
