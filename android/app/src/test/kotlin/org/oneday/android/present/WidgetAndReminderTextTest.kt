package org.oneday.android.present

import java.time.Instant
import java.time.LocalDate
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertNotNull
import kotlin.test.assertTrue
import org.oneday.android.present.TestVaults.newVault
import org.oneday.android.present.TestVaults.settings
import org.oneday.ffi.FeedFormat
import org.oneday.ffi.MeetingFilter
import org.oneday.ffi.MeetingReminder

class WidgetAndReminderTextTest {
    private val today: LocalDate = LocalDate.of(2024, 6, 3)

    @Test
    fun theWidgetWordsCoresCountAsTheTodayScreenDoes() {
        newVault().use { vault ->
            assertEquals(WidgetText.NO_COUNTER, WidgetText(vault, today).text())
            val paused = vault.addCounter(settings("Alcohol"), today.minusDays(100)).id
            vault.pauseCounter(paused, today.minusDays(1), null)
            val running = vault.addCounter(settings("Cannabis"), today.minusDays(12)).id

            val text = WidgetText(vault, today).text()
            assertEquals("12 days", text)
            assertEquals(CountText.days(assertNotNull(vault.today(today).widgetDays)), text)
            assertEquals(TodayModel(vault, today).cards().done().single { it.counterId == running }.daysLine, text)
            assertFalse(text.contains("Cannabis"))

            vault.lock()
            assertEquals("Unlock One Day", WidgetText(vault, today).text())
        }
    }

    @Test
    fun theLockScreenTextNamesNothing() {
        newVault().use { vault ->
            val id = vault.addCounter(settings("Cocaine", nameInReminders = true), today.minusDays(29)).id
            val reminder = vault.today(today).reminders.first { it.counterId == id }
            val private = ReminderText.counter(reminder)
            assertEquals(reminder.title, private.title)
            assertEquals(reminder.body, private.body)
            assertTrue((private.title + private.body).contains("Cocaine"), "the counter opted in to being named")

            val feed = """[{"name": "Night Owls", "slug": "owls", "day": 1, "time": "21:00",
                "conference_url": "https://zoom.example/j/1", "timezone": "Europe/Berlin"}]""".toByteArray()
            vault.importMeetings(feed, FeedFormat.MEETING_GUIDE, "home", null, null)
            vault.setMeetingSaved("home/owls", true)
            vault.setMeetingReminder("home/owls", MeetingReminder.MinutesBefore(30u))
            val occurrence = vault.nextMeetings(Instant.parse("2024-06-03T08:00:00Z"), "Europe/Berlin", 1u, MeetingFilter(), true)
                .occurrences.single()
            val meeting = ReminderText.meeting(occurrence)
            assertEquals(NotificationText("Night Owls", "Starts at 21:00 · Online"), meeting)

            val lock = ReminderText.LOCK_SCREEN
            assertEquals("A reminder from One Day", lock.title)
            for (detail in listOf("Cocaine", "Night Owls", "21:00", "30 days", "meeting", "Online", "milestone")) {
                assertFalse((lock.title + " " + lock.body).contains(detail, ignoreCase = true), "lock screen says $detail")
            }
        }
    }
}
