import Foundation
import OneDay
import XCTest

/// The meetings area through the bindings, on the project's own sample feeds (core/tests/fixtures/meetings).
final class MeetingsTests: XCTestCase {
    /// tests/swift/run.sh passes the clone's path inside the chroot as ONEDAY_REPO.
    private func fixture(_ name: String) throws -> Data {
        guard let repo = ProcessInfo.processInfo.environment["ONEDAY_REPO"] else {
            XCTFail("ONEDAY_REPO is not set: run the suite with tests/swift/run.sh")
            throw CocoaError(.fileNoSuchFile)
        }
        let url = URL(fileURLWithPath: repo).appendingPathComponent("core/tests/fixtures/meetings/\(name)")
        return try Data(contentsOf: url)
    }

    private func importSample(_ vault: Vault) throws -> MeetingImport {
        try vault.importMeetings(
            feed: try fixture("meeting-guide-sample.json"), format: .meetingGuide, source: "sample")
    }

    /// Friday 2024-06-07 10:00 UTC, 12:00 in Berlin.
    private let friday = Date(timeIntervalSince1970: 1_717_754_400)

    func testImportReportsWhatWasKeptAndRepaired() throws {
        let vault = try Support.newVault().vault
        let imported = try importSample(vault)
        XCTAssertEqual(imported.counts.added, 6)
        XCTAssertEqual(imported.report.format, .meetingGuide)
        XCTAssertEqual(imported.report.records, 6)
        XCTAssertEqual(imported.report.kept, 6)
        XCTAssertEqual(imported.report.skipped, [])
        XCTAssertEqual(imported.report.repaired.map(\.issue), [.endPastMidnight])
        XCTAssertEqual(imported.report.repaired.first?.feedId, "night-owls")
        XCTAssertEqual(try importSample(vault).counts.unchanged, 6)

        let owls = try vault.meeting(id: "sample/night-owls")
        XCTAssertEqual(owls.name, "Night Owls")
        XCTAssertEqual(owls.key.feedId, "night-owls")
        XCTAssertEqual(owls.zone, MeetingZone(source: .feed, name: "America/New_York"))
        XCTAssertEqual(owls.attendance, .online)
        XCTAssertEqual(owls.openness, .closed)
        XCTAssertEqual(owls.types.map(\.code), ["C", "ONL"])
        XCTAssertEqual(owls.online.telUri, "tel:+15555550100,,123%23")
        guard case let .weekly(weekdays, start, _, end, runsPastMidnight) = owls.schedule else {
            return XCTFail("weekly expected: \(owls.schedule)")
        }
        XCTAssertEqual(weekdays, [.friday, .saturday])
        XCTAssertEqual(start, "23:00:00")
        XCTAssertEqual(end, "00:30:00")
        XCTAssertTrue(runsPastMidnight)
        XCTAssertEqual(try vault.meeting(id: String(owls.id.prefix(8))).id, owls.id)
        XCTAssertEqual(try vault.meeting(id: "sample/by-appointment").schedule, .byAppointment)

        let bmlt = try vault.importMeetings(
            feed: try fixture("bmlt-search-sample.json"), format: .bmlt, source: "na-berlin",
            bmltFormats: try fixture("bmlt-formats-sample.json"), defaultZone: "Europe/Berlin")
        XCTAssertEqual(bmlt.report.kept, 4)
        XCTAssertTrue(bmlt.report.repaired.contains { $0.issue == .legacyPromptValue(field: "location_info") })
        let hope = try vault.meeting(id: "na-berlin/101")
        XCTAssertEqual(hope.zone, MeetingZone(source: .sourceDefault, name: "Europe/Berlin"))
        XCTAssertEqual(hope.types.first { $0.code == "BT" }?.label, "Basic Text")
    }

    func testSaveNoteReminderAndSearch() throws {
        let vault = try Support.newVault().vault
        _ = try importSample(vault)
        let saved = try vault.setMeetingSaved(id: "sample/night-owls", saved: true)
        XCTAssertTrue(saved.user.saved)
        XCTAssertEqual(try vault.setMeetingNote(id: saved.id, note: "bring the literature").user.note,
                       "bring the literature")
        XCTAssertThrowsError(try vault.setMeetingNote(id: saved.id, note: String(repeating: "x", count: 1_001))) {
            XCTAssertEqual($0 as? MeetingsError, .NoteTooLong(max: 1_000))
        }
        XCTAssertEqual(try vault.meeting(id: saved.id).user.note, "bring the literature")
        XCTAssertEqual(try vault.setMeetingReminder(id: saved.id, reminder: .minutesBefore(minutes: 30)).user.reminder,
                       .minutesBefore(minutes: 30))
        XCTAssertEqual(try vault.searchMeetings(filter: MeetingFilter(), savedOnly: true).map(\.name), ["Night Owls"])
        XCTAssertEqual(try vault.searchMeetings(filter: MeetingFilter(openness: .closed)).count, 3)
        let morning = MeetingFilter(time: MeetingTimeWindow(from: "06:00", to: "08:00"))
        XCTAssertEqual(try vault.searchMeetings(filter: morning).map(\.name), ["Sunrise Serenity"])
        let near = MeetingFilter(near: NearPoint(point: Coordinates(latitude: 39.78, longitude: -89.65), radiusKm: 5))
        XCTAssertEqual(try vault.searchMeetings(filter: near).map(\.name), ["Lakeside Hybrid", "Sunrise Serenity"])

        _ = try importSample(vault)
        let kept = try vault.meeting(id: "sample/night-owls")
        XCTAssertTrue(kept.user.saved)
        XCTAssertEqual(kept.user.note, "bring the literature")
        XCTAssertFalse(try vault.setMeetingSaved(id: kept.id, saved: false).user.saved)
        // The meetings kept between calls follow every write.
        XCTAssertTrue(try vault.searchMeetings(filter: MeetingFilter(), savedOnly: true).isEmpty)
        XCTAssertNil(try vault.setMeetingNote(id: kept.id, note: nil).user.note)
        XCTAssertThrowsError(try vault.setMeetingReminder(id: kept.id, reminder: .minutesBefore(minutes: 20_000))) {
            guard case MeetingsError.ReminderTooEarly(_, let max) = $0 else { return XCTFail("\($0)") }
            XCTAssertEqual(max, 10_080)
        }
    }

    func testNextAcrossZonesFromBerlin() throws {
        let vault = try Support.newVault().vault
        _ = try importSample(vault)
        _ = try vault.setMeetingSaved(id: "sample/night-owls", saved: true)
        _ = try vault.setMeetingReminder(id: "sample/night-owls", reminder: .minutesBefore(minutes: 30))
        let next = try vault.nextMeetings(
            from: friday, userZone: "Europe/Berlin", count: 2, filter: MeetingFilter(), savedOnly: true)
        XCTAssertEqual(next.occurrences.count, 2)
        let first = next.occurrences[0]
        // 23:00 on Friday in New York is 05:00 on Saturday in Berlin.
        XCTAssertEqual(first.start.local, "2024-06-07T23:00:00")
        XCTAssertEqual(first.start.zone, "America/New_York")
        XCTAssertEqual(first.start.utcOffsetSeconds, -4 * 3600)
        XCTAssertEqual(first.startUser.local, "2024-06-08T05:00:00")
        XCTAssertEqual(first.startUser.zone, "Europe/Berlin")
        XCTAssertEqual(first.start.instant, Date(timeIntervalSince1970: 1_717_815_600))
        XCTAssertEqual(first.startUser.instant, first.start.instant)
        XCTAssertEqual(first.end?.local, "2024-06-08T00:30:00")
        XCTAssertFalse(first.movedByDstGap)
        XCTAssertEqual(first.remindAt?.instant, Date(timeIntervalSince1970: 1_717_815_600 - 30 * 60))
        XCTAssertEqual(next.occurrences[1].start.local, "2024-06-08T23:00:00")

        let all = try vault.nextMeetings(from: friday, userZone: "Europe/Berlin", count: 3, filter: MeetingFilter())
        XCTAssertEqual(all.occurrences.map(\.meeting.name), ["Night Owls", "Kolkata Online", "Night Owls"])
        XCTAssertEqual(all.occurrences[1].startUser.local, "2024-06-08T15:30:00")
        XCTAssertEqual(all.byAppointment, 1)
        XCTAssertEqual(all.zoneUnknown, [])

        // A list without zones is refused until one is chosen (never UTC); any letter case is stored canonically.
        XCTAssertThrowsError(
            try vault.importMeetings(feed: try fixture("bmlt-search-sample.json"), format: .bmlt, source: "na")
        ) {
            XCTAssertEqual($0 as? MeetingsError, .ZoneNeeded(meetings: 3, suggestedZone: "Europe/Berlin"))
            XCTAssertTrue(($0 as? MeetingsError)?.description.contains("likely in Europe/Berlin") ?? false)
        }
        XCTAssertThrowsError(try vault.meeting(id: "na/101"))
        _ = try vault.importMeetings(
            feed: try fixture("bmlt-search-sample.json"), format: .bmlt, source: "na", defaultZone: "europe/berlin")
        XCTAssertEqual(try vault.meeting(id: "na/101").zone, MeetingZone(source: .sourceDefault, name: "Europe/Berlin"))
        let bmlt = try vault.nextMeetings(
            from: friday, userZone: "Europe/Berlin", count: 1, filter: MeetingFilter(text: "Hope"))
        XCTAssertEqual(bmlt.zoneUnknown, [])
        XCTAssertEqual(bmlt.occurrences.map(\.meeting.key.text), ["na/101"])
    }

    func testTheMeetingsScreenIsOneRowPerMeetingWithItsNextStart() throws {
        let vault = try Support.newVault().vault
        _ = try importSample(vault)
        let screen = try vault.meetingsUpcoming(
            from: friday, userZone: "Europe/Berlin", count: 10, filter: MeetingFilter(), savedOnly: false)
        let names = screen.rows.map(\.next.meeting.name)
        // Five meetings with a day and time, each once (Night Owls meets twice a week).
        XCTAssertEqual(names.count, 5)
        XCTAssertEqual(Set(names).count, 5)
        XCTAssertEqual(Array(names.prefix(2)), ["Night Owls", "Kolkata Online"])
        let owls = screen.rows[0]
        XCTAssertTrue(owls.closed)
        XCTAssertEqual(owls.place, .online)
        XCTAssertEqual(owls.next.startUser.local, "2024-06-08T05:00:00")
        let closedForNow = try XCTUnwrap(screen.rows.first { $0.next.meeting.name == "Closed For Now" })
        XCTAssertTrue(closedForNow.temporarilyClosed)
        if case .address = closedForNow.place {} else { XCTFail("\(closedForNow.place)") }
        XCTAssertEqual(screen.byAppointment, 1)
        XCTAssertEqual(screen.listsWithoutZone, [])
        // Saved meetings only unless asked: none saved yet.
        XCTAssertEqual(
            try vault.meetingsUpcoming(from: friday, userZone: "Europe/Berlin", count: 10, filter: MeetingFilter()).rows,
            [])
        XCTAssertThrowsError(
            try vault.meetingsUpcoming(from: friday, userZone: "Mars/Olympus_Mons", count: 1, filter: MeetingFilter())
        ) {
            XCTAssertEqual($0 as? MeetingsError, .UnknownZoneName)
        }
    }

    func testAWrongFormatOrAnEmptiedListIsRefusedAndChangesNothing() throws {
        let vault = try Support.newVault().vault
        _ = try importSample(vault)
        let before = try vault.meetings()
        XCTAssertThrowsError(
            try vault.importMeetings(
                feed: try fixture("meeting-guide-sample.json"), format: .bmlt, source: "sample", replace: true)
        ) {
            XCTAssertEqual($0 as? MeetingsError, .WrongFormat(given: .bmlt, looksLike: .meetingGuide))
            XCTAssertTrue(($0 as? MeetingsError)?.description.contains("looks like a Meeting Guide list") ?? false)
        }
        let empty = Data("[]".utf8)
        let preview = try vault.previewMeetingImport(feed: empty, format: .meetingGuide, source: "sample")
        XCTAssertTrue(preview.needsReplace)
        XCTAssertEqual(preview.listedBefore, 6)
        XCTAssertEqual(preview.counts.vanished, 6)
        XCTAssertThrowsError(try vault.importMeetings(feed: empty, format: .meetingGuide, source: "sample")) {
            XCTAssertEqual($0 as? MeetingsError, .ReplaceNeeded(vanished: 6, listed: 6))
        }
        XCTAssertEqual(try vault.meetings(), before)

        let replaced = try vault.importMeetings(feed: empty, format: .meetingGuide, source: "sample", replace: true)
        XCTAssertEqual(replaced.counts.vanished, 6)
        XCTAssertEqual(try vault.meetings(), [])
        XCTAssertThrowsError(
            try vault.importMeetings(feed: empty, format: .meetingGuide, source: "sample", replace: true)
        ) {
            XCTAssertEqual($0 as? MeetingsError, .NothingImported(records: 0))
            XCTAssertEqual(
                ($0 as? MeetingsError)?.description, "the meeting list holds no meetings: nothing was imported")
        }
    }

    func testAttendanceCountsOncePerMeetingAndDay() throws {
        let vault = try Support.newVault().vault
        _ = try importSample(vault)
        XCTAssertTrue(try vault.markMeetingAttended(id: "sample/night-owls", date: "2024-06-07"))
        XCTAssertFalse(try vault.markMeetingAttended(id: "sample/night-owls", date: "2024-06-07"))
        XCTAssertTrue(try vault.markMeetingAttended(id: "sample/kolkata-online", date: "2024-06-07"))
        XCTAssertTrue(try vault.markMeetingAttended(id: "sample/night-owls", date: "2024-01-01"))
        let window = try vault.meetingAttendance(today: "2024-06-07", days: 90)
        XCTAssertEqual(window, MeetingAttendance(from: "2024-03-10", to: "2024-06-07", meetings: 2, daysWithAMeeting: 1))
        XCTAssertEqual(try vault.meetingAttendance(today: "2024-06-07", days: 365).meetings, 3)
        XCTAssertEqual(try vault.meeting(id: "sample/night-owls").user.attended, ["2024-01-01", "2024-06-07"])
        // An impossible date string is refused before the call, as the area's own typed error (the
        // FFI's date lift, bindings/src/dates.rs), and nothing is recorded.
        XCTAssertThrowsError(try vault.markMeetingAttended(id: "sample/night-owls", date: "2023-02-29")) {
            XCTAssertEqual($0 as? MeetingsError, .OutOfRange)
        }
        XCTAssertEqual(try vault.meeting(id: "sample/night-owls").user.attended.count, 2)
    }

    func testIcsExportHasTheCalendarAndTheZone() throws {
        let vault = try Support.newVault().vault
        _ = try importSample(vault)
        let ics = try vault.exportMeetingsIcs(ids: ["sample/night-owls", "sample/kolkata-online"], now: friday)
        XCTAssertTrue(ics.hasPrefix("BEGIN:VCALENDAR\r\n"))
        XCTAssertTrue(ics.contains("TZID:America/New_York\r\n"))
        XCTAssertTrue(ics.contains("DTSTART;TZID=America/New_York:20240607T230000\r\n"))
        XCTAssertTrue(ics.contains("TZID:Asia/Kolkata\r\n"))
        XCTAssertThrowsError(try vault.exportMeetingsIcs(ids: [], now: friday)) {
            guard case MeetingsError.NothingToExport = $0 else { return XCTFail("\($0)") }
        }
        XCTAssertThrowsError(try vault.exportMeetingsIcs(ids: ["sample/by-appointment"], now: friday)) {
            XCTAssertEqual($0 as? MeetingsError, .NoSchedule(key: "sample/by-appointment"))
        }
    }

    func testErrorsAreTyped() throws {
        let vault = try Support.newVault().vault
        let bad = Data("[\n  {\"slug\": \"private-group\", \"name\": }\n]".utf8)
        XCTAssertThrowsError(try vault.importMeetings(feed: bad, format: .meetingGuide, source: "s")) { error in
            guard case MeetingsError.InvalidJson(let line, _, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(line, 2)
            let text = (error as? MeetingsError)?.description ?? ""
            XCTAssertTrue(text.contains("line 2"), text)
            XCTAssertFalse(text.contains("private-group"))
        }
        XCTAssertThrowsError(try vault.importMeetings(feed: Data("[]".utf8), format: .meetingGuide, source: "s",
                                                      defaultZone: "Berlin")) {
            XCTAssertEqual($0 as? MeetingsError, .UnknownZoneName)
        }
        _ = try importSample(vault)
        XCTAssertThrowsError(try vault.nextMeetings(from: friday, userZone: "Mars/Olympus_Mons", count: 1,
                                                    filter: MeetingFilter())) {
            XCTAssertEqual($0 as? MeetingsError, .UnknownZoneName)
        }
        XCTAssertThrowsError(try vault.meeting(id: "sample/no-such-meeting")) {
            XCTAssertEqual($0 as? MeetingsError, .NotFound)
        }
        vault.lock()
        XCTAssertThrowsError(try vault.meetings()) {
            XCTAssertEqual($0 as? MeetingsError, .Locked)
        }
    }
}
