package org.oneday.android.present

import java.time.LocalDate
import org.oneday.ffi.Vault

/**
 * The Today screen: one [CounterCard] per card of core's Today screen (`Vault.today`, one call: core
 * hides archived counters and orders the cards).
 *
 * @param vault The open vault.
 * @param today The user's local date (from the phone's zone, never from UTC).
 */
class TodayModel(private val vault: Vault, private val today: LocalDate) {
    /** Shown instead of cards when there is no counter yet, above the "Add a counter" action. */
    val emptyText: String = "No counter yet. Whenever you are ready, add one with your clean date: " +
        "a date long ago, today, or a day still to come. Every day counts."

    /** The cards to show; an empty list means the screen offers to add a counter. */
    fun cards(): Outcome<List<CounterCard>> = outcomeOf {
        vault.today(today).cards.map(CounterCard::of)
    }

    /** The add-counter form, its date picker starting today. */
    fun addCounter(): AddCounterModel = AddCounterModel(vault, today)

    /** The kind reset flow for one counter, dated today. */
    fun resetFlow(counterId: String): ResetFlow = ResetFlow(vault, counterId, today)
}
