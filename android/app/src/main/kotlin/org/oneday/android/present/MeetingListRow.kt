package org.oneday.android.present

import java.time.format.DateTimeFormatter
import java.time.format.TextStyle
import java.util.Locale
import org.oneday.ffi.Meeting
import org.oneday.ffi.MeetingSchedule
import org.oneday.ffi.MeetingZoneSource
import org.oneday.ffi.Weekday

/**
 * A stored meeting in the list the user searches to find and save meetings: its weekly schedule as
 * the list gives it (in the meeting's own zone), not an occurrence.
 *
 * @property meetingId The meeting's record id.
 * @property name The meeting's name.
 * @property listName The name the user gave its meeting list.
 * @property scheduleLine `Fri, Sat 23:00 · America/New_York`, `Wed 12:00 · zone not set` or `By appointment`.
 * @property modeLabel `Online`, `In person`, ...
 * @property saved Whether it is among the user's saved meetings.
 * @property vanishedLine Said when the list no longer has it (kept because the user added something).
 */
data class MeetingListRow(
    val meetingId: String,
    val name: String,
    val listName: String,
    val scheduleLine: String,
    val modeLabel: String,
    val saved: Boolean,
    val vanishedLine: String?,
) {
    /** Building rows from core's meetings. */
    companion object {
        /** The row of one stored meeting, with day names written for [locale]. */
        fun of(m: Meeting, locale: Locale): MeetingListRow = MeetingListRow(
            meetingId = m.id,
            name = m.name,
            listName = m.source,
            scheduleLine = scheduleLine(m, locale),
            modeLabel = AttendanceLabel.of(m.attendance),
            saved = m.user.saved,
            vanishedLine = if (m.vanishedUpstream) "No longer in its list; kept with what you added" else null,
        )

        private fun scheduleLine(m: Meeting, locale: Locale): String = when (val s = m.schedule) {
            MeetingSchedule.ByAppointment -> "By appointment"
            is MeetingSchedule.Weekly -> {
                val days = s.weekdays.joinToString(", ") { dayName(it, locale) }
                val zone = if (m.zone.source == MeetingZoneSource.UNKNOWN) "zone not set" else m.zone.name
                "$days ${s.start.format(DateTimeFormatter.ofPattern("HH:mm", locale))} · $zone"
            }
        }

        private fun dayName(d: Weekday, locale: Locale): String =
            java.time.DayOfWeek.valueOf(d.name).getDisplayName(TextStyle.SHORT, locale)
    }
}
