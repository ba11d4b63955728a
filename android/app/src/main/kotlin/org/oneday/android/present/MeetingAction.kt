package org.oneday.android.present

import org.oneday.ffi.AttendanceMode
import org.oneday.ffi.Meeting

/** The one-tap way into a meeting that a row offers. The URIs are core's; the glue only launches them. */
sealed interface MeetingAction {
    /** Open the conference link (http or https, checked by core at import). */
    data class OpenLink(
        /** The link. */
        val url: String,
    ) : MeetingAction

    /** Dial in: core's `tel:` URI, which also enters the meeting id where the list gives one. */
    data class Dial(
        /** The `tel:` URI. */
        val telUri: String,
    ) : MeetingAction

    /** Nothing to tap: the meeting is in person or closed for now. */
    data object None : MeetingAction

    /** Choosing the action from what core derived for a meeting. */
    companion object {
        /**
         * The main action for [meeting]: the link for an online or hybrid meeting, the dial-in for a
         * phone-only one (or an online one without a link); none in person or while closed.
         */
        fun primary(meeting: Meeting): MeetingAction {
            val link = meeting.online.url?.let(::OpenLink)
            val dial = meeting.online.telUri?.let(::Dial)
            return when (meeting.attendance) {
                AttendanceMode.ONLINE, AttendanceMode.HYBRID -> link ?: dial ?: None
                AttendanceMode.PHONE_ONLY -> dial ?: None
                AttendanceMode.IN_PERSON, AttendanceMode.TEMPORARILY_CLOSED -> None
            }
        }

        /** The dial-in offered beside a link, when the meeting has both; else `null`. */
        fun secondary(meeting: Meeting): Dial? =
            if (primary(meeting) is OpenLink) meeting.online.telUri?.let(::Dial) else null
    }
}

/** Labels for core's attendance modes. */
object AttendanceLabel {
    /** `In person`, `Online`, `Hybrid: in person and online`, `By phone`, `Temporarily closed`. */
    fun of(mode: AttendanceMode): String = when (mode) {
        AttendanceMode.IN_PERSON -> "In person"
        AttendanceMode.ONLINE -> "Online"
        AttendanceMode.HYBRID -> "Hybrid: in person and online"
        AttendanceMode.PHONE_ONLY -> "By phone"
        AttendanceMode.TEMPORARILY_CLOSED -> "Temporarily closed"
    }
}
