package org.oneday.android.present

import org.oneday.ffi.MeetingReminder
import org.oneday.ffi.Vault

/**
 * One choice in a meeting's reminder dialog.
 *
 * @property label `Off`, `15 minutes before`, `1 hour before`.
 * @property reminder What core stores for it.
 */
data class ReminderOption(val label: String, val reminder: MeetingReminder)

/**
 * A saved meeting's reminder: the choices (off or N minutes before), the current one, and saving the
 * choice through core's `setMeetingReminder`. Core then gives each upcoming occurrence its `remindAt`,
 * which the reminders schedule from.
 *
 * @param vault The open vault.
 */
class MeetingReminderChoice(private val vault: Vault) {
    /** The dialog's title. */
    val title: String = "Remind me"

    /** The choices for [meetingId], the current one selected: (options, index of the current one). */
    fun options(meetingId: String): Outcome<Pair<List<ReminderOption>, Int>> = outcomeOf {
        val current = vault.meeting(meetingId).user.reminder
        val options = STANDARD.map(::option).let { if (current in STANDARD) it else it + option(current) }
        options to options.indexOfFirst { it.reminder == current }
    }

    /** Saves [option] for the meeting; returns the line to show. */
    fun choose(meetingId: String, option: ReminderOption): Outcome<String> = outcomeOf {
        val meeting = vault.setMeetingReminder(meetingId, option.reminder)
        when (val r = meeting.user.reminder) {
            MeetingReminder.Off -> "No reminder for “${meeting.name}”."
            is MeetingReminder.MinutesBefore -> "Reminder for “${meeting.name}”: ${before(r.minutes)}."
        }
    }

    /** Reminder choices and their words. */
    companion object {
        /** The choices offered to everyone, off first. */
        val STANDARD: List<MeetingReminder> = listOf(MeetingReminder.Off) +
            listOf(5u, 10u, 15u, 30u, 60u, 120u, 1440u).map { MeetingReminder.MinutesBefore(it) }

        /** The option for a reminder core stores. */
        fun option(r: MeetingReminder): ReminderOption = when (r) {
            MeetingReminder.Off -> ReminderOption("Off", r)
            is MeetingReminder.MinutesBefore -> ReminderOption(before(r.minutes), r)
        }

        /** `15 minutes before`, `1 hour before`, `1 day before`. */
        fun before(minutes: UInt): String = when {
            minutes == 1u -> "1 minute before"
            minutes % 1440u == 0u -> plural(minutes / 1440u, "day") + " before"
            minutes % 60u == 0u -> plural(minutes / 60u, "hour") + " before"
            else -> "$minutes minutes before"
        }

        private fun plural(n: UInt, unit: String) = if (n == 1u) "1 $unit" else "$n ${unit}s"
    }
}
