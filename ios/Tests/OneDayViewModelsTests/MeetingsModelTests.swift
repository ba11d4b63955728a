import Foundation
import OneDay
import XCTest

@testable import OneDayViewModels

final class MeetingsModelTests: XCTestCase {
    /// A small Meeting Guide list: online, phone-only, in person, and one without a zone.
    private let feed = Data(
        """
        [
          {"name": "Tuesday Online", "slug": "online-tue", "day": 2, "time": "19:00",
           "conference_url": "https://zoom.example/j/42", "conference_phone": "+15555550142",
           "timezone": "America/New_York"},
          {"name": "Wednesday Phone", "slug": "phone-wed", "day": 3, "time": "20:00",
           "conference_phone": "+1 555 555 0143", "timezone": "Europe/Berlin"},
          {"name": "Thursday Hall", "slug": "hall-thu", "day": 4, "time": "18:30",
           "location": "Town Hall", "address": "1 Main Street", "city": "Springfield",
           "timezone": "Europe/Berlin"},
          {"name": "Friday No Zone", "slug": "nozone-fri", "day": 5, "time": "12:00",
           "conference_url": "https://zoom.example/j/77"}
        ]
        """.utf8)

    /// Monday 2024-06-03, 10:00 in Berlin (08:00 UTC).
    private let monday = Date(timeIntervalSince1970: 1_717_401_600)
    private let today: LocalDate = "2024-06-03"
    private let zone = "Europe/Berlin"

    /// The list imported as the glue does: the user's zone for meetings the list gives none.
    private func imported(_ vault: Vault) throws -> MeetingsModel {
        let model = MeetingsModel(vault: vault, userZone: zone)
        _ = try model.importList(feed: feed, format: .meetingGuide, listName: "home", defaultZone: zone).done()
        for m in try vault.meetings() { _ = try model.setSaved(meetingId: m.id, saved: true).done() }
        return model
    }

    func testImportSummaryReportsCoresCounts() throws {
        let vault = try TestVaults.newVault()
        let model = MeetingsModel(vault: vault, userZone: zone)
        let first = try model.importList(feed: feed, format: .meetingGuide, listName: "home", defaultZone: zone).done()
        XCTAssertEqual(first.headline, "Imported “home”: 4 of 4 meetings kept.")
        XCTAssertEqual(first.lines.first, "4 added, 0 updated, 0 unchanged.")
        XCTAssertEqual(try vault.meetings().count, 4)
        let again = try model.importList(feed: feed, format: .meetingGuide, listName: "home").done()
        XCTAssertEqual(again.lines.first, "0 added, 0 updated, 4 unchanged.")
        XCTAssertTrue(again.text.hasPrefix(again.headline + "\n"))
    }

    func testUpcomingRowsAreCoresOccurrencesInTheUsersZoneWithTheRightAction() throws {
        let vault = try TestVaults.newVault()
        let model = try imported(vault)
        let screen = try model.upcoming(now: monday).done()
        let core = try vault.meetingsUpcoming(from: monday, userZone: zone, count: 20, filter: MeetingFilter(), savedOnly: true)
        XCTAssertEqual(screen.rows.map(\.name), core.rows.map(\.next.meeting.name))
        XCTAssertEqual(screen.rows.map(\.meetingId), core.rows.map(\.next.meeting.id))
        // One row per meeting: its soonest start.
        XCTAssertEqual(Set(screen.rows.map(\.name)).count, screen.rows.count)
        func row(_ name: String) throws -> MeetingRow { try XCTUnwrap(screen.rows.first { $0.name == name }) }

        let online = try row("Tuesday Online")
        XCTAssertEqual(online.modeLabel, "Online")
        // An online meeting's one tap opens its link; its dial-in is offered beside it.
        XCTAssertEqual(online.action, .openLink(url: "https://zoom.example/j/42"))
        XCTAssertEqual(online.dialIn, try vault.meeting(id: "home/online-tue").online.telUri.map { .dial(telUri: $0) })
        XCTAssertNotNil(online.dialIn)
        // 19:00 in New York is 01:00 the next day in Berlin.
        XCTAssertEqual(online.whenLine, "Wed 5 Jun, 01:00")
        XCTAssertEqual(online.meetingZoneLine, "19:00 in America/New_York")
        XCTAssertEqual(online.placeLine, "Online")

        let phone = try row("Wednesday Phone")
        XCTAssertEqual(try vault.meeting(id: "home/phone-wed").attendance, .phoneOnly)
        XCTAssertEqual(phone.modeLabel, "By phone")
        let tel = try XCTUnwrap(try vault.meeting(id: "home/phone-wed").online.telUri)
        XCTAssertEqual(phone.action, .dial(telUri: tel))
        XCTAssertTrue(tel.hasPrefix("tel:"))
        XCTAssertEqual(phone.whenLine, "Wed 5 Jun, 20:00")
        XCTAssertNil(phone.meetingZoneLine)

        let hall = try row("Thursday Hall")
        XCTAssertEqual(hall.modeLabel, "In person")
        XCTAssertEqual(hall.action, MeetingAction.none)
        XCTAssertNil(hall.dialIn)
    }

    func testAListWithoutAZoneIsRefusedUntilOneIsChosenAndTheRowsSayWhichWasChosen() throws {
        let vault = try TestVaults.newVault()
        let model = MeetingsModel(vault: vault, userZone: zone)
        var coreText: String?
        do {
            _ = try vault.importMeetings(feed: feed, format: .meetingGuide, source: "home", bmltFormats: nil, defaultZone: nil)
        } catch let error as MeetingsError {
            // Its one zoneless meeting is online: no place to guess a zone from.
            XCTAssertEqual(error, .ZoneNeeded(meetings: 1, suggestedZone: nil))
            coreText = error.description
        }
        let asked = try model.previewList(feed: feed, format: .meetingGuide, listName: "home").chooseZone()
        XCTAssertEqual(asked.choices, [ZoneChoice(label: "Use this phone's zone, Europe/Berlin", zone: "Europe/Berlin")])
        XCTAssertEqual(try model.importList(feed: feed, format: .meetingGuide, listName: "home").refused().text, try XCTUnwrap(coreText))
        XCTAssertEqual(try vault.meetings().count, 0)

        _ = try model.importList(feed: feed, format: .meetingGuide, listName: "home", defaultZone: "Europe/Berlin").done()
        let after = try model.upcoming(now: monday, savedOnly: false).done()
        XCTAssertEqual(after.zonePrompts, [])
        let friday = try XCTUnwrap(after.rows.first { $0.name == "Friday No Zone" })
        XCTAssertEqual(friday.zoneChoiceLine, "Times use the zone you chose for this list: Europe/Berlin")
        XCTAssertEqual(friday.whenLine, "Fri 7 Jun, 12:00")
        XCTAssertNil(after.rows.first { $0.name == "Thursday Hall" }?.zoneChoiceLine)
    }

    /// A Meeting Guide list that names no zone anywhere, its halls in Los Angeles.
    private let zoneless = Data(
        """
        [
          {"name": "Venice Beach Group", "slug": "venice-mon", "day": 1, "time": "19:00",
           "location": "Beach Hall", "address": "1 Ocean Front Walk", "city": "Los Angeles",
           "latitude": 33.985, "longitude": -118.472},
          {"name": "Echo Park Step Study", "slug": "echo-wed", "day": 3, "time": "07:30",
           "location": "Lake House", "address": "751 Echo Park Ave", "city": "Los Angeles",
           "latitude": 34.078, "longitude": -118.260}
        ]
        """.utf8)

    /// The zoneless list previewed as the screen does first: with no zone, which asks for one.
    private func asked(_ vault: Vault) throws -> ZoneQuestion {
        let model = MeetingsModel(vault: vault, userZone: zone)
        let question = try model.previewList(feed: zoneless, format: .meetingGuide, listName: "la").chooseZone()
        XCTAssertEqual(question.text, "This list doesn't say which time zone its meetings are in.")
        XCTAssertEqual(
            question.choices,
            [
                ZoneChoice(label: "Use America/Los_Angeles (where its meetings are)", zone: "America/Los_Angeles"),
                ZoneChoice(label: "Use this phone's zone, Europe/Berlin", zone: "Europe/Berlin"),
            ])
        XCTAssertEqual(try vault.meetings(), [], "asking writes nothing")
        return question
    }

    /// Previews the list with `choice` as the screen does, then applies it from the preview.
    private func importWith(_ vault: Vault, _ choice: ZoneChoice) throws -> ImportSummary {
        let model = MeetingsModel(vault: vault, userZone: zone)
        let preview = try model.previewList(
            feed: zoneless, format: .meetingGuide, listName: "la", defaultZone: choice.zone
        ).confirm()
        XCTAssertEqual(preview.zone, choice.zone)
        XCTAssertEqual(preview.summary.headline, "Ready to import “la”: 2 of 2 meetings kept.")
        XCTAssertEqual(try vault.meetings(), [], "a preview writes nothing")
        return try model.importList(
            feed: zoneless, format: .meetingGuide, listName: "la", defaultZone: preview.zone, replace: preview.replace
        ).done()
    }

    func testAZonelessListAsksAndTheSuggestedZoneImportsIt() throws {
        let vault = try TestVaults.newVault()
        let suggested = try XCTUnwrap(try asked(vault).choices.first)
        XCTAssertEqual(try importWith(vault, suggested).headline, "Imported “la”: 2 of 2 meetings kept.")
        XCTAssertEqual(Set(try vault.meetings().map(\.zone.name)), ["America/Los_Angeles"])
        let rows = try MeetingsModel(vault: vault, userZone: zone).upcoming(now: monday, savedOnly: false).done().rows
        let venice = try XCTUnwrap(rows.first { $0.name == "Venice Beach Group" })
        // Monday 19:00 in Los Angeles is Tuesday 04:00 in Berlin.
        XCTAssertEqual(venice.whenLine, "Tue 4 Jun, 04:00")
        XCTAssertEqual(venice.zoneChoiceLine, "Times use the zone you chose for this list: America/Los_Angeles")
    }

    func testAZonelessListAsksAndThePhonesZoneImportsIt() throws {
        let vault = try TestVaults.newVault()
        let phone = try XCTUnwrap(try asked(vault).choices.last)
        XCTAssertEqual(try importWith(vault, phone).headline, "Imported “la”: 2 of 2 meetings kept.")
        XCTAssertEqual(Set(try vault.meetings().map(\.zone.name)), ["Europe/Berlin"])
        // The zone is saved for the list: the next import of it is previewed without asking.
        let again = try MeetingsModel(vault: vault, userZone: zone).previewList(
            feed: zoneless, format: .meetingGuide, listName: "la"
        ).confirm()
        XCTAssertEqual(again.summary.lines.first, "0 added, 0 updated, 2 unchanged.")
    }

    func testASuggestionThatIsThePhonesZoneIsOneButton() {
        let question = ZoneQuestion.of(suggestedZone: "America/Los_Angeles", phoneZone: "America/Los_Angeles")
        XCTAssertEqual(
            question.choices,
            [ZoneChoice(label: "Use America/Los_Angeles (where its meetings are)", zone: "America/Los_Angeles")])
    }

    func testAnImportIsPreviewedAndRemovingMostOfTheListNeedsTheReplaceChoice() throws {
        let vault = try TestVaults.newVault()
        let model = try imported(vault)
        let same = try model.previewList(feed: feed, format: .meetingGuide, listName: "home").confirm()
        XCTAssertFalse(same.replace)
        XCTAssertNil(same.warning)
        XCTAssertEqual(same.confirmLabel, "Import")
        XCTAssertEqual(same.summary.headline, "Ready to import “home”: 4 of 4 meetings kept.")
        XCTAssertEqual(same.summary.lines.first, "0 added, 0 updated, 4 unchanged.")

        let empty = Data("[]".utf8)
        let before = try vault.meetings()
        let emptied = try model.previewList(feed: empty, format: .meetingGuide, listName: "home").confirm()
        XCTAssertTrue(emptied.replace)
        XCTAssertNil(emptied.zone, "no zone was asked for: the list's saved zone stays")
        XCTAssertEqual(emptied.confirmLabel, "Replace the list")
        XCTAssertEqual(
            emptied.warning,
            "This would remove 4 of the 4 meetings of “home”. Meetings you saved or added a note to are kept.")
        XCTAssertEqual(try vault.meetings(), before, "a preview writes nothing")
        let refused = try model.importList(feed: empty, format: .meetingGuide, listName: "home").refused()
        XCTAssertEqual(refused.text, MeetingsError.ReplaceNeeded(vanished: 4, listed: 4).description)
        XCTAssertEqual(try vault.meetings(), before)

        let wrong = try model.previewList(feed: feed, format: .bmlt, listName: "home").refused()
        XCTAssertTrue(wrong.text.hasPrefix("this looks like a Meeting Guide list"), wrong.text)

        let applied = try model.importList(
            feed: empty, format: .meetingGuide, listName: "home", defaultZone: zone, replace: emptied.replace
        ).done()
        XCTAssertEqual(applied.lines[1], "4 no longer listed (4 kept because you added something to them).")
        XCTAssertTrue(try vault.meetings().allSatisfy(\.vanishedUpstream))
    }

    func testMarkAttendedGoesToCoreOnceADay() throws {
        let vault = try TestVaults.newVault()
        let model = try imported(vault)
        let id = try vault.meeting(id: "home/hall-thu").id
        XCTAssertEqual(try model.markAttended(meetingId: id, today: today).done(), "Marked: you went today.")
        XCTAssertEqual(try model.markAttended(meetingId: id, today: today).done(), "Already marked for today.")
        XCTAssertEqual(try vault.meeting(id: id).user.attended, [today])
        XCTAssertEqual(try vault.meetingAttendance(today: today, days: 90).meetings, 1)
    }

    func testRefusalsShowCoresSentence() throws {
        let vault = try TestVaults.newVault()
        let model = MeetingsModel(vault: vault, userZone: zone)
        let bad = Data("[{\"name\": \"x\",".utf8)
        var coreText: String?
        do {
            _ = try vault.importMeetings(feed: bad, format: .meetingGuide, source: "home", bmltFormats: nil, defaultZone: nil)
        } catch let error as MeetingsError {
            coreText = error.description
        }
        let message = try model.importList(feed: bad, format: .meetingGuide, listName: "home").refused()
        XCTAssertEqual(message.text, try XCTUnwrap(coreText))
        XCTAssertTrue(message.text.hasPrefix("the meeting list is not valid JSON"))
        XCTAssertEqual(try vault.meetings().count, 0)

        let unknownZone = try MeetingsModel(vault: vault, userZone: "Mars/Olympus").upcoming(now: monday).refused()
        XCTAssertEqual(unknownZone.text, MeetingsError.UnknownZoneName.description)
        vault.lock()
        XCTAssertEqual(try MeetingsModel(vault: vault, userZone: zone).upcoming(now: monday).refused(), UserMessage.locked)
    }

    func testFindIsCoresSearchAndSavingShowsInTheRow() throws {
        let vault = try TestVaults.newVault()
        let model = MeetingsModel(vault: vault, userZone: zone)
        _ = try model.importList(feed: feed, format: .meetingGuide, listName: "home", defaultZone: zone).done()
        let hits = try model.find(text: "main street").done()
        XCTAssertEqual(hits.map(\.meetingId), try vault.searchMeetings(filter: MeetingFilter(text: "main street"), savedOnly: false).map(\.id))
        XCTAssertEqual(hits.count, 1)
        let hall = try XCTUnwrap(hits.first)
        XCTAssertEqual(hall.name, "Thursday Hall")
        XCTAssertEqual(hall.listName, "home")
        XCTAssertEqual(hall.scheduleLine, "Thu 18:30 · Europe/Berlin")
        XCTAssertFalse(hall.saved)
        XCTAssertEqual(try model.find(text: "no zone").done().map(\.scheduleLine), ["Fri 12:00 · Europe/Berlin"])
        XCTAssertEqual(try model.find(text: "  ").done().count, 4)

        XCTAssertEqual(try model.setSaved(meetingId: hall.meetingId, saved: true).done(), "Saved “Thursday Hall”.")
        XCTAssertEqual(try model.find(text: nil, savedOnly: true).done().map(\.name), ["Thursday Hall"])
        XCTAssertEqual(try model.find(text: "main street").done().first?.saved, true)
    }

    func testAnEmptyScreenInvitesAnImport() throws {
        let vault = try TestVaults.newVault()
        let screen = try MeetingsModel(vault: vault, userZone: zone).upcoming(now: monday).done()
        XCTAssertEqual(screen.rows, [])
        XCTAssertNotNil(screen.emptyLine)
        XCTAssertNil(screen.byAppointmentLine)
    }
}

extension Outcome where Value == ImportStep {
    /// The preview of a step that must be one to confirm.
    func confirm(file: StaticString = #filePath, line: UInt = #line) throws -> ImportPreview {
        switch try done(file: file, line: line) {
        case .confirm(let preview): return preview
        case .chooseZone(let question):
            XCTFail("expected a preview, got the zone question \(question)", file: file, line: line)
            throw UnexpectedOutcome()
        }
    }

    /// The question of a step that must ask for the list's zone.
    func chooseZone(file: StaticString = #filePath, line: UInt = #line) throws -> ZoneQuestion {
        switch try done(file: file, line: line) {
        case .chooseZone(let question): return question
        case .confirm(let preview):
            XCTFail("expected the zone question, got a preview \(preview)", file: file, line: line)
            throw UnexpectedOutcome()
        }
    }
}
