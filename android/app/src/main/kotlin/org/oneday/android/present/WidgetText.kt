package org.oneday.android.present

import java.time.LocalDate
import org.oneday.ffi.CountState
import org.oneday.ffi.Vault

/**
 * The home-screen widget's text: the days clean of the first running counter, from the very same
 * cards as the Today screen (core's count, so app and widget can never disagree). It names no
 * counter: a widget is seen by anyone holding the phone.
 *
 * @param vault The open vault.
 * @param today The user's local date.
 */
class WidgetText(private val vault: Vault, private val today: LocalDate) {
    /** `12 days`; [NO_COUNTER] when no counter is running; [UserMessage.UNLOCK_TEXT] when locked. */
    fun text(): String = when (val cards = TodayModel(vault, today).cards()) {
        is Outcome.Done -> cards.value.firstOrNull { it.state == CountState.RUNNING }?.daysLine ?: NO_COUNTER
        is Outcome.Refused -> cards.message.text
    }

    /** Texts the widget shows besides a count. */
    companion object {
        /** Shown when no counter is running. */
        const val NO_COUNTER: String = "One Day"
    }
}
