package org.oneday.android.present

import java.time.Instant
import java.time.LocalDate
import java.time.format.DateTimeFormatter
import java.util.Locale
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue
import org.oneday.android.present.TestVaults.newVault
import org.oneday.ffi.AttendanceMode
import org.oneday.ffi.FeedFormat
import org.oneday.ffi.MeetingFilter
import org.oneday.ffi.MeetingsException
import org.oneday.ffi.Vault

class MeetingsModelTest {
    /** A small Meeting Guide list: online, phone-only, in person, and one without a zone. */
    private val feed = """
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
    """.trimIndent().toByteArray()

    /** Monday 2024-06-03, 10:00 in Berlin. */
    private val monday: Instant = Instant.parse("2024-06-03T08:00:00Z")
    private val today: LocalDate = LocalDate.of(2024, 6, 3)
    private val zone = "Europe/Berlin"

    /** The list imported as the glue does: the user's zone for meetings the list gives none. */
    private fun imported(vault: Vault): MeetingsModel {
        val model = MeetingsModel(vault, zone)
        model.importList(feed, FeedFormat.MEETING_GUIDE, "home", defaultZone = zone).done()
        vault.meetings().forEach { model.setSaved(it.id, true).done() }
        return model
    }

    @Test
    fun importSummaryReportsCoresCounts() {
        newVault().use { vault ->
            val model = MeetingsModel(vault, zone)
            val first = model.importList(feed, FeedFormat.MEETING_GUIDE, "home", zone).done()
            assertEquals("Imported “home”: 4 of 4 meetings kept.", first.headline)
            assertEquals("4 added, 0 updated, 0 unchanged.", first.lines.first())
            assertEquals(4, vault.meetings().size)
            val again = model.importList(feed, FeedFormat.MEETING_GUIDE, "home").done()
            assertEquals("0 added, 0 updated, 4 unchanged.", again.lines.first())
            assertTrue(again.text.startsWith(again.headline + "\n"))
        }
    }

    @Test
    fun upcomingRowsAreCoresOccurrencesInTheUsersZoneWithTheRightAction() {
        newVault().use { vault ->
            val model = imported(vault)
            val screen = model.upcoming(monday).done()
            val core = vault.meetingsUpcoming(monday, zone, 20u, MeetingFilter(), true)

            assertEquals(core.rows.map { it.next.meeting.name }, screen.rows.map { it.name })
            val format = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH)
            screen.rows.zip(core.rows).forEach { (row, r) ->
                assertEquals(r.next.startUser.local.format(format), row.whenLine)
                assertEquals(r.next.meeting.id, row.meetingId)
            }
            // One row per meeting: its soonest start.
            assertEquals(screen.rows.map { it.name }.distinct(), screen.rows.map { it.name })
            val rows = screen.rows.associateBy { it.name }

            val online = rows.getValue("Tuesday Online")
            assertEquals("Online", online.modeLabel)
            assertEquals(MeetingAction.OpenLink("https://zoom.example/j/42"), online.action)
            assertEquals(vault.meeting("home/online-tue").online.telUri, online.dialIn?.telUri)
            // 19:00 in New York is 01:00 the next day in Berlin.
            assertEquals("Wed 5 Jun, 01:00", online.whenLine)
            assertEquals("19:00 in America/New_York", online.meetingZoneLine)
            assertEquals("Online", online.placeLine)

            val phone = rows.getValue("Wednesday Phone")
            assertEquals(AttendanceMode.PHONE_ONLY, vault.meeting("home/phone-wed").attendance)
            assertEquals("By phone", phone.modeLabel)
            val telUri = assertNotNull(vault.meeting("home/phone-wed").online.telUri)
            assertEquals(MeetingAction.Dial(telUri), phone.action)
            assertEquals("Wed 5 Jun, 20:00", phone.whenLine)
            assertNull(phone.meetingZoneLine)

            val hall = rows.getValue("Thursday Hall")
            assertEquals("In person", hall.modeLabel)
            assertEquals(MeetingAction.None, hall.action)
            assertNull(hall.dialIn)
        }
    }

    @Test
    fun aListWithoutAZoneIsRefusedUntilOneIsChosenAndTheRowsSayWhichWasChosen() {
        newVault().use { vault ->
            val model = MeetingsModel(vault, zone)
            val core = assertFailsWith<MeetingsException.ZoneNeeded> {
                vault.importMeetings(feed, FeedFormat.MEETING_GUIDE, "home", null, null)
            }
            assertEquals(1uL, core.meetings)
            assertNull(core.suggestedZone, "its one zoneless meeting is online: no place to guess from")
            val asked = model.previewList(feed, FeedFormat.MEETING_GUIDE, "home").chooseZone()
            assertEquals(listOf(ZoneChoice("Use this phone's zone, Europe/Berlin", "Europe/Berlin")), asked.choices)
            assertEquals(core.toString(), model.importList(feed, FeedFormat.MEETING_GUIDE, "home").refused().text)
            assertEquals(0, vault.meetings().size)

            model.importList(feed, FeedFormat.MEETING_GUIDE, "home", defaultZone = "Europe/Berlin").done()
            val after = model.upcoming(monday, savedOnly = false).done()
            assertEquals(emptyList(), after.zonePrompts)
            val friday = after.rows.first { it.name == "Friday No Zone" }
            assertEquals("Times use the zone you chose for this list: Europe/Berlin", friday.zoneChoiceLine)
            assertEquals("Fri 7 Jun, 12:00", friday.whenLine)
            assertNull(after.rows.first { it.name == "Thursday Hall" }.zoneChoiceLine)
        }
    }

    /** A Meeting Guide list that names no zone anywhere, its halls in Los Angeles. */
    private val zoneless = """
        [
          {"name": "Venice Beach Group", "slug": "venice-mon", "day": 1, "time": "19:00",
           "location": "Beach Hall", "address": "1 Ocean Front Walk", "city": "Los Angeles",
           "latitude": 33.985, "longitude": -118.472},
          {"name": "Echo Park Step Study", "slug": "echo-wed", "day": 3, "time": "07:30",
           "location": "Lake House", "address": "751 Echo Park Ave", "city": "Los Angeles",
           "latitude": 34.078, "longitude": -118.260}
        ]
    """.trimIndent().toByteArray()

    /** The zoneless list previewed as the screen does first: with no zone, which asks for one. */
    private fun asked(vault: Vault): ZoneQuestion {
        val model = MeetingsModel(vault, zone)
        val question = model.previewList(zoneless, FeedFormat.MEETING_GUIDE, "la").chooseZone()
        assertEquals("This list doesn't say which time zone its meetings are in.", question.text)
        assertEquals(
            listOf(
                ZoneChoice("Use America/Los_Angeles (where its meetings are)", "America/Los_Angeles"),
                ZoneChoice("Use this phone's zone, Europe/Berlin", "Europe/Berlin"),
            ),
            question.choices,
        )
        assertEquals(emptyList(), vault.meetings(), "asking writes nothing")
        return question
    }

    /** Previews the list with [choice] as the screen does, then applies it from the preview. */
    private fun importWith(vault: Vault, choice: ZoneChoice): ImportSummary {
        val model = MeetingsModel(vault, zone)
        val preview = model.previewList(zoneless, FeedFormat.MEETING_GUIDE, "la", choice.zone).confirm()
        assertEquals(choice.zone, preview.zone)
        assertEquals("Ready to import “la”: 2 of 2 meetings kept.", preview.summary.headline)
        assertEquals(emptyList(), vault.meetings(), "a preview writes nothing")
        return model.importList(zoneless, FeedFormat.MEETING_GUIDE, "la", preview.zone, preview.replace).done()
    }

    @Test
    fun aZonelessListAsksAndTheSuggestedZoneImportsIt() {
        newVault().use { vault ->
            val suggested = asked(vault).choices.first()
            assertEquals("Imported “la”: 2 of 2 meetings kept.", importWith(vault, suggested).headline)
            assertEquals(listOf("America/Los_Angeles"), vault.meetings().map { it.zone.name }.distinct())
            val rows = MeetingsModel(vault, zone).upcoming(monday, savedOnly = false).done().rows
            val venice = rows.first { it.name == "Venice Beach Group" }
            // Monday 19:00 in Los Angeles is Tuesday 04:00 in Berlin.
            assertEquals("Tue 4 Jun, 04:00", venice.whenLine)
            assertEquals("Times use the zone you chose for this list: America/Los_Angeles", venice.zoneChoiceLine)
        }
    }

    @Test
    fun aZonelessListAsksAndThePhonesZoneImportsIt() {
        newVault().use { vault ->
            val phone = asked(vault).choices.last()
            assertEquals("Imported “la”: 2 of 2 meetings kept.", importWith(vault, phone).headline)
            assertEquals(listOf("Europe/Berlin"), vault.meetings().map { it.zone.name }.distinct())
            // The zone is saved for the list: the next import of it is previewed without asking.
            val again = MeetingsModel(vault, zone).previewList(zoneless, FeedFormat.MEETING_GUIDE, "la").confirm()
            assertEquals("0 added, 0 updated, 2 unchanged.", again.summary.lines.first())
        }
    }

    @Test
    fun aSuggestionThatIsThePhonesZoneIsOneButton() {
        val question = ZoneQuestion.of("America/Los_Angeles", "America/Los_Angeles")
        assertEquals(listOf(ZoneChoice("Use America/Los_Angeles (where its meetings are)", "America/Los_Angeles")), question.choices)
    }

    @Test
    fun anImportIsPreviewedAndRemovingMostOfTheListNeedsTheReplaceChoice() {
        newVault().use { vault ->
            val model = imported(vault)
            val same = model.previewList(feed, FeedFormat.MEETING_GUIDE, "home").confirm()
            assertEquals(false, same.replace)
            assertNull(same.warning)
            assertEquals("Import", same.confirmLabel)
            assertEquals("Ready to import “home”: 4 of 4 meetings kept.", same.summary.headline)
            assertEquals("0 added, 0 updated, 4 unchanged.", same.summary.lines.first())

            val empty = "[]".toByteArray()
            val before = vault.meetings()
            val emptied = model.previewList(empty, FeedFormat.MEETING_GUIDE, "home").confirm()
            assertEquals(true, emptied.replace)
            assertNull(emptied.zone, "no zone was asked for: the list's saved zone stays")
            assertEquals("Replace the list", emptied.confirmLabel)
            assertEquals(
                "This would remove 4 of the 4 meetings of “home”. Meetings you saved or added a note to are kept.",
                emptied.warning,
            )
            assertEquals(before, vault.meetings(), "a preview writes nothing")
            val refused = model.importList(empty, FeedFormat.MEETING_GUIDE, "home").refused()
            assertEquals(MeetingsException.ReplaceNeeded(4uL, 4uL).toString(), refused.text)
            assertEquals(before, vault.meetings())

            val wrong = model.previewList(feed, FeedFormat.BMLT, "home").refused()
            assertTrue(wrong.text.startsWith("this looks like a Meeting Guide list"), wrong.text)

            val applied = model.importList(empty, FeedFormat.MEETING_GUIDE, "home", zone, emptied.replace).done()
            assertEquals("4 no longer listed (4 kept because you added something to them).", applied.lines[1])
            assertTrue(vault.meetings().all { it.vanishedUpstream })
        }
    }

    @Test
    fun markAttendedGoesToCoreOnceADay() {
        newVault().use { vault ->
            val model = imported(vault)
            val id = vault.meeting("home/hall-thu").id
            assertEquals("Marked: you went today.", model.markAttended(id, today).done())
            assertEquals("Already marked for today.", model.markAttended(id, today).done())
            assertEquals(listOf(today), vault.meeting(id).user.attended)
            assertEquals(1uL, vault.meetingAttendance(today, 90u).meetings)
        }
    }

    @Test
    fun refusalsShowCoresSentence() {
        newVault().use { vault ->
            val model = MeetingsModel(vault, zone)
            val bad = "[{\"name\": \"x\",".toByteArray()
            val coreText = try {
                vault.importMeetings(bad, FeedFormat.MEETING_GUIDE, "home", null, null)
                null
            } catch (e: MeetingsException.InvalidJson) {
                e.toString()
            }
            val message = model.importList(bad, FeedFormat.MEETING_GUIDE, "home").refused()
            assertEquals(assertNotNull(coreText), message.text)
            assertTrue(message.text.startsWith("the meeting list is not valid JSON"))
            assertEquals(0, vault.meetings().size)

            val unknownZone = MeetingsModel(vault, "Mars/Olympus").upcoming(monday).refused()
            assertEquals(MeetingsException.UnknownZoneName().toString(), unknownZone.text)
            assertEquals(
                UserMessage.LOCKED,
                MeetingsModel(vault, zone).also { vault.lock() }.upcoming(monday).refused(),
            )
        }
    }

    @Test
    fun findIsCoresSearchAndSavingShowsInTheRow() {
        newVault().use { vault ->
            val model = MeetingsModel(vault, zone)
            model.importList(feed, FeedFormat.MEETING_GUIDE, "home", zone).done()
            val hits = model.find("main street").done()
            assertEquals(vault.searchMeetings(MeetingFilter(text = "main street"), false).map { it.id }, hits.map { it.meetingId })
            val hall = hits.single()
            assertEquals("Thursday Hall", hall.name)
            assertEquals("home", hall.listName)
            assertEquals("Thu 18:30 · Europe/Berlin", hall.scheduleLine)
            assertEquals(false, hall.saved)
            assertEquals("Fri 12:00 · Europe/Berlin", model.find("no zone").done().single().scheduleLine)
            assertEquals(4, model.find("  ").done().size)

            assertEquals("Saved “Thursday Hall”.", model.setSaved(hall.meetingId, true).done())
            assertEquals(listOf("Thursday Hall"), model.find(null, savedOnly = true).done().map { it.name })
            assertEquals(true, model.find("main street").done().single().saved)
        }
    }

    @Test
    fun anEmptyScreenInvitesAnImport() {
        newVault().use { vault ->
            val screen = MeetingsModel(vault, zone).upcoming(monday).done()
            assertEquals(emptyList(), screen.rows)
            assertNotNull(screen.emptyLine)
            assertNull(screen.byAppointmentLine)
        }
    }
}

/** The preview of a step that must be one to confirm. */
private fun Outcome<ImportStep>.confirm(): ImportPreview = when (val step = done()) {
    is ImportStep.Confirm -> step.preview
    is ImportStep.ChooseZone -> throw AssertionError("expected a preview, got the zone question $step")
}

/** The question of a step that must ask for the list's zone. */
private fun Outcome<ImportStep>.chooseZone(): ZoneQuestion = when (val step = done()) {
    is ImportStep.ChooseZone -> step.question
    is ImportStep.Confirm -> throw AssertionError("expected the zone question, got a preview $step")
}
