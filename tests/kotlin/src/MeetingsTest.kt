package oneday.tests

import java.nio.file.Files
import java.nio.file.Path
import java.time.Instant
import java.time.LocalDateTime
import java.time.LocalTime
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertNull
import kotlin.test.assertTrue
import oneday.tests.Support.date
import oneday.tests.Support.newVault
import org.oneday.ffi.AttendanceMode
import org.oneday.ffi.Coordinates
import org.oneday.ffi.FeedFormat
import org.oneday.ffi.ImportIssue
import org.oneday.ffi.MeetingFilter
import org.oneday.ffi.MeetingPlace
import org.oneday.ffi.MeetingReminder
import org.oneday.ffi.MeetingSchedule
import org.oneday.ffi.MeetingTimeWindow
import org.oneday.ffi.MeetingZoneSource
import org.oneday.ffi.MeetingsException
import org.oneday.ffi.NearPoint
import org.oneday.ffi.Openness
import org.oneday.ffi.Vault
import org.oneday.ffi.Weekday

/** The meetings area through the bindings, on the project's own sample feeds (core/tests/fixtures/meetings). */
class MeetingsTest {
    /** ONEDAY_REPO is exported by tests/toolchain/env.sh (run.sh sources it); else the working folder. */
    private fun fixture(name: String): ByteArray {
        val repo = System.getenv("ONEDAY_REPO") ?: System.getProperty("user.dir")
        return Files.readAllBytes(Path.of(repo, "core", "tests", "fixtures", "meetings", name))
    }

    private fun importSample(vault: Vault) =
        vault.importMeetings(fixture("meeting-guide-sample.json"), FeedFormat.MEETING_GUIDE, "sample")

    // Friday 2024-06-07 12:00 in Berlin.
    private val friday: Instant = Instant.parse("2024-06-07T10:00:00Z")

    @Test
    fun importReportsWhatWasKeptAndRepaired() {
        newVault().first.use { vault ->
            val imported = importSample(vault)
            assertEquals("sample", imported.source)
            assertEquals(6uL, imported.counts.added)
            val report = imported.report
            assertEquals(FeedFormat.MEETING_GUIDE, report.format)
            assertEquals(6uL, report.records)
            assertEquals(6uL, report.kept)
            assertEquals(emptyList(), report.skipped)
            assertEquals(1uL, report.repairedRecords)
            val repair = report.repaired.single()
            assertEquals(1uL, repair.index)
            assertEquals("night-owls", repair.feedId)
            assertEquals(ImportIssue.EndPastMidnight, repair.issue)
            assertEquals(1uL, report.summary.single().count)

            val again = importSample(vault)
            assertEquals(0uL, again.counts.added)
            assertEquals(6uL, again.counts.unchanged)
            assertEquals(6, vault.meetings().size)

            val owls = vault.meeting("sample/night-owls")
            assertEquals("Night Owls", owls.name)
            assertEquals("night-owls", owls.key.feedId)
            assertEquals("sample", owls.source)
            assertEquals(MeetingZoneSource.FEED, owls.zone.source)
            assertEquals("America/New_York", owls.zone.name)
            assertEquals(AttendanceMode.ONLINE, owls.attendance)
            assertEquals(Openness.CLOSED, owls.openness)
            assertEquals(listOf("C", "ONL"), owls.types.map { it.code })
            assertEquals("https://zoom.example/j/123", owls.online.url)
            assertEquals("tel:+15555550100,,123%23", owls.online.telUri)
            val weekly = owls.schedule as MeetingSchedule.Weekly
            assertEquals(listOf(Weekday.FRIDAY, Weekday.SATURDAY), weekly.weekdays)
            assertEquals(LocalTime.of(23, 0), weekly.start)
            assertEquals(LocalTime.of(0, 30), weekly.end)
            assertTrue(weekly.runsPastMidnight)
            assertEquals(LocalDateTime.of(2024, 5, 1, 10, 0), owls.lastUpdated)
            // The same meeting by record id and by id prefix.
            assertEquals(owls, vault.meeting(owls.id))
            assertEquals(owls.id, vault.meeting(owls.id.take(8)).id)

            val lakeside = vault.meeting("sample/lakeside-hybrid")
            assertEquals(AttendanceMode.HYBRID, lakeside.attendance)
            assertEquals(39.79, lakeside.location.coordinates?.latitude)
            assertEquals(MeetingSchedule.ByAppointment, vault.meeting("sample/by-appointment").schedule)
        }
    }

    @Test
    fun bmltWithFormatsAndADefaultZone() {
        newVault().first.use { vault ->
            val imported = vault.importMeetings(
                fixture("bmlt-search-sample.json"),
                FeedFormat.BMLT,
                "na-berlin",
                bmltFormats = fixture("bmlt-formats-sample.json"),
                defaultZone = "Europe/Berlin",
            )
            assertEquals(4uL, imported.report.kept)
            assertTrue(imported.report.repaired.any { it.issue == ImportIssue.LegacyPromptValue("location_info") })
            val hope = vault.meeting("na-berlin/101")
            assertEquals(MeetingZoneSource.SOURCE_DEFAULT, hope.zone.source)
            assertEquals("Europe/Berlin", hope.zone.name)
            assertEquals("Basic Text", hope.types.first { it.code == "BT" }.label)
            assertEquals("2. Etage", hope.location.notes)
        }
    }

    @Test
    fun saveNoteReminderAndSearch() {
        newVault().first.use { vault ->
            importSample(vault)
            val saved = vault.setMeetingSaved("sample/night-owls", true)
            assertTrue(saved.user.saved)
            val noted = vault.setMeetingNote(saved.id, "bring the literature")
            assertEquals("bring the literature", noted.user.note)
            val tooLong = assertFailsWith<MeetingsException.NoteTooLong> {
                vault.setMeetingNote(saved.id, "x".repeat(1_001))
            }
            assertEquals(1_000uL, tooLong.max)
            assertEquals("bring the literature", vault.meeting(saved.id).user.note)
            val reminded = vault.setMeetingReminder(saved.id, MeetingReminder.MinutesBefore(30u))
            assertEquals(MeetingReminder.MinutesBefore(30u), reminded.user.reminder)
            assertEquals(listOf("Night Owls"), vault.searchMeetings(MeetingFilter(), savedOnly = true).map { it.name })

            val closed = vault.searchMeetings(MeetingFilter(openness = Openness.CLOSED))
            assertEquals(3, closed.size)
            val morning = MeetingFilter(time = MeetingTimeWindow(LocalTime.of(6, 0), LocalTime.of(8, 0)))
            assertEquals(listOf("Sunrise Serenity"), vault.searchMeetings(morning).map { it.name })
            val near = MeetingFilter(near = NearPoint(Coordinates(39.78, -89.65), 5.0))
            assertEquals(
                listOf("Lakeside Hybrid", "Sunrise Serenity"),
                vault.searchMeetings(near).map { it.name },
            )
            val online = MeetingFilter(modes = listOf(AttendanceMode.ONLINE), weekdays = listOf(Weekday.SATURDAY))
            assertEquals(listOf("Kolkata Online", "Night Owls"), vault.searchMeetings(online).map { it.name })
            assertEquals(listOf("Lakeside Hybrid"), vault.searchMeetings(MeetingFilter(typeCodes = listOf("b"))).map { it.name })

            // Re-importing keeps what the user added.
            importSample(vault)
            val kept = vault.meeting("sample/night-owls")
            assertTrue(kept.user.saved)
            assertEquals("bring the literature", kept.user.note)

            val unsaved = vault.setMeetingSaved(kept.id, false)
            assertFalse(unsaved.user.saved)
            // The meetings kept between calls follow every write.
            assertTrue(vault.searchMeetings(MeetingFilter(), savedOnly = true).isEmpty())
            assertNull(vault.setMeetingNote(kept.id, null).user.note)
            assertEquals(MeetingReminder.Off, vault.setMeetingReminder(kept.id, MeetingReminder.Off).user.reminder)
            val tooEarly = assertFailsWith<MeetingsException.ReminderTooEarly> {
                vault.setMeetingReminder(kept.id, MeetingReminder.MinutesBefore(20_000u))
            }
            assertEquals(10_080u, tooEarly.max)
        }
    }

    @Test
    fun nextAcrossZonesFromBerlin() {
        newVault().first.use { vault ->
            importSample(vault)
            vault.setMeetingSaved("sample/night-owls", true)
            vault.setMeetingReminder("sample/night-owls", MeetingReminder.MinutesBefore(30u))
            val next = vault.nextMeetings(friday, "Europe/Berlin", 2u, MeetingFilter(), savedOnly = true)
            assertEquals(2, next.occurrences.size)
            val first = next.occurrences[0]
            assertEquals("Night Owls", first.meeting.name)
            // 23:00 on Friday in New York is 05:00 on Saturday in Berlin.
            assertEquals(LocalDateTime.of(2024, 6, 7, 23, 0), first.start.local)
            assertEquals(23, first.start.local.hour)
            assertEquals("America/New_York", first.start.zone)
            assertEquals(-4 * 3600, first.start.utcOffsetSeconds)
            assertEquals(5, first.startUser.local.hour)
            assertEquals(LocalDateTime.of(2024, 6, 8, 5, 0), first.startUser.local)
            assertEquals("Europe/Berlin", first.startUser.zone)
            assertEquals(Instant.parse("2024-06-08T03:00:00Z"), first.start.instant)
            assertEquals(first.start.instant, first.startUser.instant)
            assertEquals(LocalDateTime.of(2024, 6, 8, 0, 30), first.end?.local)
            assertEquals(MeetingZoneSource.FEED, first.zone.source)
            assertFalse(first.movedByDstGap)
            assertEquals(Instant.parse("2024-06-08T02:30:00Z"), first.remindAt?.instant)
            assertEquals(LocalDateTime.of(2024, 6, 8, 23, 0), next.occurrences[1].start.local)

            val all = vault.nextMeetings(friday, "Europe/Berlin", 3u, MeetingFilter())
            assertEquals(listOf("Night Owls", "Kolkata Online", "Night Owls"), all.occurrences.map { it.meeting.name })
            // Kolkata 19:00 (+05:30) is 15:30 in Berlin.
            assertEquals(LocalDateTime.of(2024, 6, 8, 15, 30), all.occurrences[1].startUser.local)
            assertEquals(1uL, all.byAppointment)
            assertEquals(emptyList(), all.zoneUnknown)
        }
    }

    @Test
    fun theMeetingsScreenIsOneRowPerMeetingWithItsNextStart() {
        newVault().first.use { vault ->
            importSample(vault)
            val screen = vault.meetingsUpcoming(friday, "Europe/Berlin", 10u, MeetingFilter(), savedOnly = false)
            val names = screen.rows.map { it.next.meeting.name }
            // Five meetings with a day and time, each once (Night Owls meets twice a week).
            assertEquals(5, names.size)
            assertEquals(names.distinct(), names)
            assertEquals(listOf("Night Owls", "Kolkata Online"), names.take(2))
            val owls = screen.rows[0]
            assertTrue(owls.closed)
            assertEquals(MeetingPlace.Online, owls.place)
            assertEquals(LocalDateTime.of(2024, 6, 8, 5, 0), owls.next.startUser.local)
            val closedForNow = screen.rows.first { it.next.meeting.name == "Closed For Now" }
            assertTrue(closedForNow.temporarilyClosed)
            assertTrue(closedForNow.place is MeetingPlace.Address, closedForNow.place.toString())
            assertEquals(1uL, screen.byAppointment)
            assertEquals(emptyList(), screen.listsWithoutZone)
            // Saved meetings only unless asked: none saved yet.
            assertEquals(emptyList(), vault.meetingsUpcoming(friday, "Europe/Berlin", 10u, MeetingFilter()).rows)
            assertFailsWith<MeetingsException.UnknownZoneName> {
                vault.meetingsUpcoming(friday, "Mars/Olympus_Mons", 1u, MeetingFilter())
            }
        }
    }

    @Test
    fun aListWithoutZonesIsRefusedUntilOneIsChosenNeverPlacedInUtc() {
        newVault().first.use { vault ->
            val e = assertFailsWith<MeetingsException.ZoneNeeded> {
                vault.importMeetings(fixture("bmlt-search-sample.json"), FeedFormat.BMLT, "na")
            }
            assertEquals(3uL, e.meetings)
            assertEquals("Europe/Berlin", e.suggestedZone)
            assertTrue(e.toString().contains("likely in Europe/Berlin"), e.toString())
            assertEquals(emptyList(), vault.meetings())
            // Any letter case; stored canonically.
            vault.importMeetings(fixture("bmlt-search-sample.json"), FeedFormat.BMLT, "na", defaultZone = "europe/BERLIN")
            assertEquals("Europe/Berlin", vault.meeting("na/101").zone.name)
            val next = vault.nextMeetings(friday, "Europe/Berlin", 10u, MeetingFilter())
            assertEquals(emptyList(), next.zoneUnknown)
        }
    }

    @Test
    fun aWrongFormatOrAnEmptiedListIsRefusedAndChangesNothing() {
        newVault().first.use { vault ->
            importSample(vault)
            val before = vault.meetings()
            val wrong = assertFailsWith<MeetingsException.WrongFormat> {
                vault.importMeetings(fixture("meeting-guide-sample.json"), FeedFormat.BMLT, "sample", replace = true)
            }
            assertEquals(FeedFormat.MEETING_GUIDE, wrong.looksLike)
            assertTrue(wrong.toString().contains("looks like a Meeting Guide list"), wrong.toString())

            val empty = "[]".toByteArray()
            val preview = vault.previewMeetingImport(empty, FeedFormat.MEETING_GUIDE, "sample")
            assertTrue(preview.needsReplace)
            assertEquals(6uL, preview.listedBefore)
            assertEquals(6uL, preview.counts.vanished)
            val refused = assertFailsWith<MeetingsException.ReplaceNeeded> {
                vault.importMeetings(empty, FeedFormat.MEETING_GUIDE, "sample")
            }
            assertEquals(6uL, refused.vanished)
            assertEquals(before, vault.meetings())

            val replaced = vault.importMeetings(empty, FeedFormat.MEETING_GUIDE, "sample", replace = true)
            assertEquals(6uL, replaced.counts.vanished)
            assertEquals(emptyList(), vault.meetings())
            val nothing = assertFailsWith<MeetingsException.NothingImported> {
                vault.importMeetings(empty, FeedFormat.MEETING_GUIDE, "sample", replace = true)
            }
            assertEquals(0uL, nothing.records)
            assertEquals("the meeting list holds no meetings: nothing was imported", nothing.toString())
        }
    }

    @Test
    fun attendanceCountsOncePerMeetingAndDay() {
        newVault().first.use { vault ->
            importSample(vault)
            val day = date(2024, 6, 7)
            assertTrue(vault.markMeetingAttended("sample/night-owls", day))
            assertFalse(vault.markMeetingAttended("sample/night-owls", day))
            assertTrue(vault.markMeetingAttended("sample/kolkata-online", day))
            assertTrue(vault.markMeetingAttended("sample/night-owls", date(2024, 1, 1)))
            val window = vault.meetingAttendance(date(2024, 6, 7), 90u)
            assertEquals(2uL, window.meetings)
            assertEquals(1uL, window.daysWithAMeeting)
            assertEquals(date(2024, 3, 10), window.from)
            assertEquals(date(2024, 6, 7), window.to)
            assertEquals(3uL, vault.meetingAttendance(date(2024, 6, 7), 365u).meetings)
            assertEquals(listOf(date(2024, 1, 1), day), vault.meeting("sample/night-owls").user.attended)
        }
    }

    @Test
    fun icsExportHasTheCalendarAndTheZone() {
        newVault().first.use { vault ->
            importSample(vault)
            val ics = vault.exportMeetingsIcs(listOf("sample/night-owls", "sample/kolkata-online"), friday)
            assertTrue(ics.startsWith("BEGIN:VCALENDAR\r\n"))
            assertTrue(ics.contains("TZID:America/New_York\r\n"))
            assertTrue(ics.contains("DTSTART;TZID=America/New_York:20240607T230000\r\n"))
            assertTrue(ics.contains("TZID:Asia/Kolkata\r\n"))
            assertTrue(ics.trimEnd().endsWith("END:VCALENDAR"))
            assertFailsWith<MeetingsException.NothingToExport> { vault.exportMeetingsIcs(emptyList(), friday) }
            val noTime = assertFailsWith<MeetingsException.NoSchedule> {
                vault.exportMeetingsIcs(listOf("sample/by-appointment"), friday)
            }
            assertEquals("sample/by-appointment", noTime.key)
        }
    }

    @Test
    fun errorsAreTyped() {
        newVault().first.use { vault ->
            val bad = "[\n  {\"slug\": \"private-group\", \"name\": }\n]".toByteArray()
            val e = assertFailsWith<MeetingsException.InvalidJson> {
                vault.importMeetings(bad, FeedFormat.MEETING_GUIDE, "s")
            }
            assertEquals(2uL, e.line)
            assertTrue(e.toString().contains("line 2"), e.toString())
            assertFalse(e.toString().contains("private-group"))
            assertFailsWith<MeetingsException.UnexpectedShape> {
                vault.importMeetings("{\"meetings\": 1}".toByteArray(), FeedFormat.BMLT, "s")
            }
            assertFailsWith<MeetingsException.UnknownZoneName> {
                vault.importMeetings("[]".toByteArray(), FeedFormat.MEETING_GUIDE, "s", defaultZone = "Berlin")
            }
            importSample(vault)
            assertFailsWith<MeetingsException.UnknownZoneName> {
                vault.nextMeetings(friday, "Mars/Olympus_Mons", 1u, MeetingFilter())
            }
            assertFailsWith<MeetingsException.OutOfRange> {
                vault.nextMeetings(Instant.parse("1850-01-01T00:00:00Z"), "UTC", 1u, MeetingFilter())
            }
            assertFailsWith<MeetingsException.NotFound> { vault.meeting("sample/no-such-meeting") }
            assertFailsWith<MeetingsException.NotFound> { vault.setMeetingSaved("0123456789abcdef", true) }
            assertFailsWith<MeetingsException.InvalidPoint> {
                vault.searchMeetings(MeetingFilter(near = NearPoint(Coordinates(95.0, 0.0), 1.0)))
            }
            vault.lock()
            assertFailsWith<MeetingsException.Locked> { vault.meetings() }
        }
    }
}
