import Foundation
import OneDay

/// The Meetings screen: the saved meetings' next occurrences in the user's zone, "I went", and
/// importing a meeting list. Core computes every occurrence (in the meeting's zone, shown in the
/// user's); this only words them.
public final class MeetingsModel {
    private let vault: Vault
    private let userZone: String
    private let locale: Locale

    /// The screen over an open vault, for the user's IANA zone (`TimeZone.current.identifier` from
    /// the glue: the phone's zone, offered for a list that names none), with day and month names
    /// written for `locale`.
    public init(vault: Vault, userZone: String, locale: Locale = Locale(identifier: "en")) {
        self.vault = vault
        self.userZone = userZone
        self.locale = locale
    }

    /// The next start from `now` of up to `count` saved meetings (every stored meeting when
    /// `savedOnly` is false), one row per meeting, with a prompt per list that has no zone: core's
    /// screen, in one call.
    public func upcoming(now: Date, count: Int = 20, savedOnly: Bool = true) throws -> Outcome<MeetingsScreen> {
        try outcomeOf {
            let found = try vault.meetingsUpcoming(
                from: now, userZone: userZone, count: UInt32(clamping: max(count, 0)), filter: Self.noFilter,
                savedOnly: savedOnly)
            return screen(found)
        }
    }

    /// Records that the user went to a meeting on `today`. Returns what to say: core counts a
    /// meeting once a day.
    public func markAttended(meetingId: String, today: LocalDate) throws -> Outcome<String> {
        try outcomeOf {
            try vault.markMeetingAttended(id: meetingId, date: today) ? "Marked: you went today." : "Already marked for today."
        }
    }

    /// What importing a meeting list would do, without writing: the preview to show, then call
    /// `importList` with its `zone` and `replace` when the person confirms. A list that names no time
    /// zone, previewed without `defaultZone`, gives the question of its zone instead (`.chooseZone`):
    /// preview again with the zone the person picks; the phone's zone is offered, never taken
    /// silently. Refused as `importList` is otherwise (a wrong format, a list without meetings), never
    /// for removing most of the list: the preview says so instead.
    public func previewList(feed: Data, format: FeedFormat, listName: String, defaultZone: String? = nil) throws
        -> Outcome<ImportStep>
    {
        try outcomeOf {
            do {
                let preview = try vault.previewMeetingImport(
                    feed: feed, format: format, source: listName, bmltFormats: nil, defaultZone: defaultZone)
                return .confirm(ImportPreview.of(preview, zone: defaultZone))
            } catch MeetingsError.ZoneNeeded(_, let suggestedZone) {
                return .chooseZone(ZoneQuestion.of(suggestedZone: suggestedZone, phoneZone: userZone))
            }
        }
    }

    /// Imports a meeting list from its bytes: a file the user picked, or a page the glue fetched (core
    /// never touches the network). `listName` is the name the user gives the list; `defaultZone` (an
    /// IANA name) is the zone for meetings the list gives none; `replace` is the person's choice to
    /// apply an import that removes most of the list (see `previewList`). A refused import changes
    /// nothing.
    public func importList(
        feed: Data, format: FeedFormat, listName: String, defaultZone: String? = nil, replace: Bool = false
    ) throws -> Outcome<ImportSummary> {
        try outcomeOf {
            ImportSummary.of(
                try vault.importMeetings(
                    feed: feed, format: format, source: listName, bmltFormats: nil, defaultZone: defaultZone,
                    replace: replace))
        }
    }

    /// The stored meetings whose name, place, address, region, group or notes contain `text` (any
    /// case; every meeting when `nil` or blank), saved ones only when `savedOnly`: core's search.
    public func find(text: String?, savedOnly: Bool = false) throws -> Outcome<[MeetingListRow]> {
        try outcomeOf {
            var filter = Self.noFilter
            filter.text = text.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
            return try vault.searchMeetings(filter: filter, savedOnly: savedOnly).map { MeetingListRow.of($0, locale: locale) }
        }
    }

    /// Saves or unsaves a meeting; returns the line to show.
    public func setSaved(meetingId: String, saved: Bool) throws -> Outcome<String> {
        try outcomeOf {
            let meeting = try vault.setMeetingSaved(id: meetingId, saved: saved)
            return meeting.user.saved ? "Saved “\(meeting.name)”." : "Removed “\(meeting.name)” from your meetings."
        }
    }

    private static let noFilter = MeetingFilter(
        weekdays: nil, time: nil, modes: nil, openness: nil, typeCodes: [], text: nil, near: nil)

    private func screen(_ found: MeetingsUpcoming) -> MeetingsScreen {
        let rows = found.rows.map { MeetingRow.of($0, locale: locale) }
        let prompts = found.listsWithoutZone.map { list in
            ZonePrompt(
                listName: list.listName,
                meetingNames: list.meetingNames,
                prompt: "The list “\(list.listName)” does not say which time zone its meetings are in. "
                    + "Set its zone to see when they meet.")
        }
        let byAppointment: String?
        switch found.byAppointment {
        case 0: byAppointment = nil
        case 1: byAppointment = "1 meeting is by appointment (no day or time)."
        default: byAppointment = "\(found.byAppointment) meetings are by appointment (no day or time)."
        }
        return MeetingsScreen(
            rows: rows,
            zonePrompts: prompts,
            byAppointmentLine: byAppointment,
            emptyLine: rows.isEmpty && prompts.isEmpty
                ? "No saved meetings yet. Import a meeting list and save the ones you go to." : nil
        )
    }
}
