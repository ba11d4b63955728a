package org.oneday.android.present

import java.time.Instant
import java.time.LocalDate
import java.util.Locale
import org.oneday.ffi.FeedFormat
import org.oneday.ffi.MeetingFilter
import org.oneday.ffi.UpcomingMeetings
import org.oneday.ffi.Vault

/**
 * The Meetings screen: the saved meetings' next occurrences in the user's zone, "I went", and
 * importing a meeting list. Core computes every occurrence (in the meeting's zone, shown in the
 * user's); this only words them.
 *
 * @param vault The open vault.
 * @param userZone The user's IANA zone, such as `ZoneId.systemDefault().id` from the glue.
 * @param locale The locale day and month names are written in.
 */
class MeetingsModel(
    private val vault: Vault,
    private val userZone: String,
    private val locale: Locale = Locale.ENGLISH,
) {
    /**
     * Up to [count] occurrences from [now] of the saved meetings (every stored meeting when
     * [savedOnly] is false), with a prompt per list that has no zone.
     */
    fun upcoming(now: Instant, count: Int = 20, savedOnly: Boolean = true): Outcome<MeetingsScreen> = outcomeOf {
        val found = vault.nextMeetings(now, userZone, count.coerceAtLeast(0).toUInt(), MeetingFilter(), savedOnly)
        screen(found)
    }

    /**
     * Records that the user went to [meetingId] on [today]. Returns what to say: core counts a
     * meeting once a day.
     */
    fun markAttended(meetingId: String, today: LocalDate): Outcome<String> = outcomeOf {
        if (vault.markMeetingAttended(meetingId, today)) "Marked: you went today." else "Already marked for today."
    }

    /**
     * What importing a meeting list would do, without writing: show it, then call [importList]
     * with its `replace` when the person confirms. Refused as [importList] is (a wrong format, a
     * list without meetings or without a zone), never for removing most of the list: the preview
     * says so instead.
     */
    fun previewList(
        feed: ByteArray,
        format: FeedFormat,
        listName: String,
        defaultZone: String? = null,
    ): Outcome<ImportPreview> = outcomeOf {
        ImportPreview.of(vault.previewMeetingImport(feed, format, listName, null, defaultZone))
    }

    /**
     * Imports a meeting list from its bytes: a file the user picked, or a page the glue fetched (core
     * never touches the network). [listName] is the name the user gives the list; [defaultZone] (an
     * IANA name) is the zone for meetings the list gives none; [replace] is the person's choice to
     * apply an import that removes most of the list (see [previewList]). A refused import changes
     * nothing.
     */
    fun importList(
        feed: ByteArray,
        format: FeedFormat,
        listName: String,
        defaultZone: String? = null,
        replace: Boolean = false,
    ): Outcome<ImportSummary> = outcomeOf {
        ImportSummary.of(vault.importMeetings(feed, format, listName, null, defaultZone, replace))
    }

    /**
     * The stored meetings whose name, place, address, region, group or notes contain [text] (any
     * case; every meeting when `null` or blank), saved ones only when [savedOnly]: core's search.
     */
    fun find(text: String?, savedOnly: Boolean = false): Outcome<List<MeetingListRow>> = outcomeOf {
        val filter = MeetingFilter(text = text?.takeIf { it.isNotBlank() })
        vault.searchMeetings(filter, savedOnly).map { MeetingListRow.of(it, locale) }
    }

    /** Saves or unsaves a meeting; returns the line to show. */
    fun setSaved(meetingId: String, saved: Boolean): Outcome<String> = outcomeOf {
        val meeting = vault.setMeetingSaved(meetingId, saved)
        if (meeting.user.saved) "Saved “${meeting.name}”." else "Removed “${meeting.name}” from your meetings."
    }

    private fun screen(found: UpcomingMeetings): MeetingsScreen {
        val rows = found.occurrences.map { MeetingRow.of(it, locale) }
        val prompts = found.zoneUnknown
            .map { vault.meeting(it) }
            .groupBy { it.source }
            .map { (list, meetings) ->
                ZonePrompt(
                    listName = list,
                    meetingNames = meetings.map { it.name },
                    prompt = "The list “$list” does not say which time zone its meetings are in. " +
                        "Set its zone to see when they meet.",
                )
            }
        val byAppointment = found.byAppointment
        return MeetingsScreen(
            rows = rows,
            zonePrompts = prompts,
            byAppointmentLine = when (byAppointment) {
                0uL -> null
                1uL -> "1 meeting is by appointment (no day or time)."
                else -> "$byAppointment meetings are by appointment (no day or time)."
            },
            emptyLine = if (rows.isEmpty() && prompts.isEmpty()) {
                "No saved meetings yet. Import a meeting list and save the ones you go to."
            } else {
                null
            },
        )
    }
}
