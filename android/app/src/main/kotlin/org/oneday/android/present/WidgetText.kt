package org.oneday.android.present

import java.time.LocalDate
import org.oneday.ffi.Vault

/**
 * The home-screen widget's text: core's widget count from the very same Today screen (the days clean
 * of the first running counter, so app and widget can never disagree), in the Today screen's words.
 * It names no counter: a widget is seen by anyone holding the phone.
 *
 * @param vault The open vault.
 * @param today The user's local date.
 */
class WidgetText(private val vault: Vault, private val today: LocalDate) {
    /** `12 days`; [NO_COUNTER] when no counter is running; [UserMessage.UNLOCK_TEXT] when locked. */
    fun text(): String = when (val days = outcomeOf { vault.today(today).widgetDays }) {
        is Outcome.Done -> days.value?.let(CountText::days) ?: NO_COUNTER
        is Outcome.Refused -> days.message.text
    }

    /** Texts the widget shows besides a count. */
    companion object {
        /** Shown when no counter is running. */
        const val NO_COUNTER: String = "One Day"
    }
}
