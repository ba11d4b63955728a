package org.oneday.android.present

import java.time.format.DateTimeFormatter
import java.util.Locale
import org.oneday.ffi.MeetingPlace
import org.oneday.ffi.MeetingZoneSource
import org.oneday.ffi.MeetingsUpcomingRow

/**
 * One meeting of the Meetings screen and its next start, as core placed it on the clock.
 *
 * @property meetingId The meeting's record id (for "mark attended" and the detail screen).
 * @property name The meeting's name.
 * @property whenLine `Fri 7 Jun, 23:00`: the start in the user's zone.
 * @property meetingZoneLine `18:00 in America/Chicago` when the meeting's zone is not the user's.
 * @property zoneChoiceLine Said when the zone is the one the user chose for the list (the list named
 *   none), as the design asks: `Times use the zone you chose for this list: Europe/Berlin`.
 * @property dstLine Said when the start fell in a clock change and core moved it forward.
 * @property modeLabel `Online`, `In person`, ...
 * @property placeLine The address, or `Online`; `null` when the list says neither.
 * @property closedLine `Closed meeting` for a meeting closed to those who share the problem, or
 *   `Closed for now` when its place is closed and it has no online alternative.
 * @property action The one-tap way in.
 * @property dialIn A dial-in offered beside the link, if the meeting has both.
 */
data class MeetingRow(
    val meetingId: String,
    val name: String,
    val whenLine: String,
    val meetingZoneLine: String?,
    val zoneChoiceLine: String?,
    val dstLine: String?,
    val modeLabel: String,
    val placeLine: String?,
    val closedLine: String?,
    val action: MeetingAction,
    val dialIn: MeetingAction.Dial?,
) {
    /** Building rows from core's occurrences. */
    companion object {
        /** The row of one meeting of core's screen, with dates written for [locale]. */
        fun of(row: MeetingsUpcomingRow, locale: Locale): MeetingRow {
            val day = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", locale)
            val time = DateTimeFormatter.ofPattern("HH:mm", locale)
            val o = row.next
            val m = o.meeting
            return MeetingRow(
                meetingId = m.id,
                name = m.name,
                whenLine = o.startUser.local.format(day),
                meetingZoneLine = if (o.start.zone != o.startUser.zone) {
                    "${o.start.local.format(time)} in ${o.start.zone}"
                } else {
                    null
                },
                zoneChoiceLine = if (o.zone.source == MeetingZoneSource.SOURCE_DEFAULT) {
                    "Times use the zone you chose for this list: ${o.start.zone}"
                } else {
                    null
                },
                dstLine = if (o.movedByDstGap) "The clocks change then: the start was moved forward" else null,
                modeLabel = AttendanceLabel.of(m.attendance),
                placeLine = when (val p = row.place) {
                    is MeetingPlace.Address -> p.address
                    MeetingPlace.Online -> "Online"
                    MeetingPlace.Unknown -> null
                },
                closedLine = when {
                    row.temporarilyClosed -> "Closed for now"
                    row.closed -> "Closed meeting"
                    else -> null
                },
                action = MeetingAction.primary(m),
                dialIn = MeetingAction.secondary(m),
            )
        }
    }
}

/**
 * Meetings core could not place on the clock because their list names no time zone, with the prompt
 * to set one. They are never shown in UTC.
 *
 * @property listName The name the user gave the list when importing it.
 * @property meetingNames The meetings of that list without a zone.
 * @property prompt What to tell the user.
 */
data class ZonePrompt(val listName: String, val meetingNames: List<String>, val prompt: String)

/**
 * The Meetings screen.
 *
 * @property rows One row per meeting, soonest next start first (core's order).
 * @property zonePrompts One prompt per list whose meetings have no zone.
 * @property byAppointmentLine `2 saved meetings are by appointment` when there are any.
 * @property emptyLine What to say when there is no row and no prompt.
 */
data class MeetingsScreen(
    val rows: List<MeetingRow>,
    val zonePrompts: List<ZonePrompt>,
    val byAppointmentLine: String?,
    val emptyLine: String?,
)
