package org.oneday.android.present

import java.time.LocalDate
import org.oneday.ffi.Vault
import org.oneday.ffi.cleanTime

/**
 * Starting a counter again after a relapse, worded so it does not punish: the history is kept and
 * today is a new start. Core closes the running attempt (with the optional note) and opens a new one.
 *
 * @param vault The open vault.
 * @property counterId The counter to reset.
 * @param today The user's local date: the relapse date and the new clean date.
 */
class ResetFlow(private val vault: Vault, val counterId: String, private val today: LocalDate) {
    /** The dialog's title. */
    val title: String = "Start again today"

    /** The hint in the optional note field. */
    val noteHint: String = "A note for yourself, if you like (only you can read it)"

    /** The button that resets. */
    val confirmLabel: String = "Start again"

    /** The button that closes the dialog without a change. */
    val cancelLabel: String = "Not now"

    /**
     * The dialog's text: `Your history is kept. Today is a new day 0.` The day number is core's
     * count of a run starting today in this counter's counting mode (day 1 when today counts).
     */
    fun body(): Outcome<String> = outcomeOf {
        val counting = vault.counter(counterId).settings.counting
        val dayNumber = cleanTime(today, today, counting, null, null).totalDays
        "Your history is kept. Today is a new day $dayNumber."
    }

    /**
     * Resets the counter: the relapse is dated today and the new run starts today. A blank [note] is
     * no note. Returns the counter's new card and a line saying what was kept.
     */
    fun confirm(note: String?): Outcome<ResetDone> = outcomeOf {
        vault.resetCounter(counterId, today, null, note?.takeIf { it.isNotBlank() })
        val card = vault.todayCard(counterId, today)
        ResetDone(
            card = CounterCard.of(card),
            keptLine = keptLine(card.stats.totalCleanDays),
        )
    }

    /** `Your history is kept: 832 clean days still count.` from core's total over every attempt. */
    private fun keptLine(totalCleanDays: Long): String {
        val still = if (totalCleanDays == 1L) "1 clean day still counts" else "$totalCleanDays clean days still count"
        return "Your history is kept: $still."
    }
}

/**
 * What a reset left.
 *
 * @property card The counter's card after the reset.
 * @property keptLine `Your history is kept: 832 clean days still count.`
 */
data class ResetDone(val card: CounterCard, val keptLine: String)
