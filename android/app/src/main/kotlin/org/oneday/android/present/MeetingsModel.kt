package org.oneday.android.present

import java.time.Instant
import java.time.LocalDate
import java.util.Locale
import org.oneday.ffi.FeedFormat
import org.oneday.ffi.MeetingFilter
import org.oneday.ffi.MeetingsException
import org.oneday.ffi.MeetingsUpcoming
import org.oneday.ffi.Vault

/**
 * The Meetings screen: the saved meetings' next occurrences in the user's zone, "I went", and
 * importing a meeting list. Core computes every occurrence (in the meeting's zone, shown in the
 * user's); this only words them.
 *
 * @param vault The open vault.
 * @param userZone The user's IANA zone, such as `ZoneId.systemDefault().id` from the glue: the
 *   phone's zone, offered for a list that names none.
 * @param locale The locale day and month names are written in.
 */
class MeetingsModel(
    private val vault: Vault,
    private val userZone: String,
    private val locale: Locale = Locale.ENGLISH,
) {
    /**
     * The next start from [now] of up to [count] saved meetings (every stored meeting when
     * [savedOnly] is false), one row per meeting, with a prompt per list that has no zone: core's
     * screen, in one call.
     */
    fun upcoming(now: Instant, count: Int = 20, savedOnly: Boolean = true): Outcome<MeetingsScreen> = outcomeOf {
        screen(vault.meetingsUpcoming(now, userZone, count.coerceAtLeast(0).toUInt(), MeetingFilter(), savedOnly))
    }

    /**
     * Records that the user went to [meetingId] on [today]. Returns what to say: core counts a
     * meeting once a day.
     */
    fun markAttended(meetingId: String, today: LocalDate): Outcome<String> = outcomeOf {
        if (vault.markMeetingAttended(meetingId, today)) "Marked: you went today." else "Already marked for today."
    }

    /**
     * What importing a meeting list would do, without writing: the preview to show, then call
     * [importList] with its `zone` and `replace` when the person confirms. A list that names no
     * time zone, previewed without [defaultZone], gives the question of its zone instead
     * ([ImportStep.ChooseZone]): preview again with the zone the person picks; the phone's zone is
     * offered, never taken silently. Refused as [importList] is otherwise (a wrong format, a list
     * without meetings), never for removing most of the list: the preview says so instead.
     */
    fun previewList(
        feed: ByteArray,
        format: FeedFormat,
        listName: String,
        defaultZone: String? = null,
    ): Outcome<ImportStep> = outcomeOf {
        try {
            val preview = vault.previewMeetingImport(feed, format, listName, null, defaultZone)
            ImportStep.Confirm(ImportPreview.of(preview, defaultZone))
        } catch (e: MeetingsException.ZoneNeeded) {
            ImportStep.ChooseZone(ZoneQuestion.of(e.suggestedZone, userZone))
        }
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

    private fun screen(found: MeetingsUpcoming): MeetingsScreen {
        val rows = found.rows.map { MeetingRow.of(it, locale) }
        val prompts = found.listsWithoutZone.map { list ->
            ZonePrompt(
                listName = list.listName,
                meetingNames = list.meetingNames,
                prompt = "The list “${list.listName}” does not say which time zone its meetings are in. " +
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
