package org.oneday.android.present

import java.time.format.DateTimeFormatter
import java.util.Locale
import org.oneday.ffi.CounterReminder
import org.oneday.ffi.UpcomingMeeting

/**
 * A notification's title and text.
 *
 * @property title The title.
 * @property body The text.
 */
data class NotificationText(val title: String, val body: String)

/**
 * Notification texts. The lock screen only ever gets [LOCK_SCREEN], which names no counter, meeting,
 * substance or number; the private version (shown once the phone is unlocked) carries the detail.
 */
object ReminderText {
    /** What the lock screen shows for every One Day notification. */
    val LOCK_SCREEN: NotificationText = NotificationText("A reminder from One Day", "Open One Day to see it.")

    /** The private version of a milestone reminder: core's own text (neutral unless the counter opted in). */
    fun counter(reminder: CounterReminder): NotificationText = NotificationText(reminder.title, reminder.body)

    /** The private version of a meeting reminder: its name, start in the user's zone and how to attend. */
    fun meeting(occurrence: UpcomingMeeting, locale: Locale = Locale.ENGLISH): NotificationText {
        val at = occurrence.startUser.local.format(DateTimeFormatter.ofPattern("HH:mm", locale))
        val mode = AttendanceLabel.of(occurrence.meeting.attendance)
        return NotificationText(occurrence.meeting.name, "Starts at $at · $mode")
    }

    /** The private version of the daily check-in reminder. */
    val CHECK_IN: NotificationText = NotificationText("Daily check-in", "How are you today? A minute to check in.")
}
