package org.oneday.android.present

import java.time.LocalDate
import org.oneday.ffi.CountState
import org.oneday.ffi.NextMilestone
import org.oneday.ffi.TodayCard
import org.oneday.ffi.formatMoney

/**
 * The way to the next milestone, as core computed it.
 *
 * @property keyTag The milestone ahead.
 * @property date The day it is reached.
 * @property fraction Progress from the previous milestone (or the clean date), 0.0 up to below 1.0.
 * @property inDaysLine `in 15 days`.
 */
data class MilestoneProgress(
    val keyTag: KeyTag,
    val date: LocalDate,
    val fraction: Double,
    val inDaysLine: String,
) {
    /** Building it from core's answer. */
    companion object {
        /** The progress core computed for one count. */
        fun of(next: NextMilestone): MilestoneProgress = MilestoneProgress(
            keyTag = KeyTag.of(next.milestone),
            date = next.milestone.date,
            fraction = next.progress,
            inDaysLine = CountText.inDays(next.daysUntil),
        )
    }
}

/**
 * One counter on the Today screen: every number and choice in it is core's (`Vault.today`); this only
 * words them.
 *
 * @property counterId The counter's id, for actions such as the reset flow.
 * @property label The name the user gave it.
 * @property state Running, not started or paused.
 * @property daysLine `832 days`, `Starts in 3 days` or `Paused`.
 * @property periodLine `2 years, 3 months, 10 days` while running, else `null`.
 * @property keyTag The latest key tag or chip reached, if any.
 * @property next The milestone ahead, if the profile has one.
 * @property moneySaved `120.00 EUR` when a daily cost is set.
 * @property canReset Whether the reset flow is offered (core's answer: only a running count).
 */
data class CounterCard(
    val counterId: String,
    val label: String,
    val state: CountState,
    val daysLine: String,
    val periodLine: String?,
    val keyTag: KeyTag?,
    val next: MilestoneProgress?,
    val moneySaved: String?,
    val canReset: Boolean,
) {
    /** Building cards from core's Today screen. */
    companion object {
        /** The words of one card core computed. Throws `CleanTimeException` when core refuses the money. */
        fun of(card: TodayCard): CounterCard {
            val ct = card.cleanTime
            val daysLine = when (ct.state) {
                CountState.RUNNING -> CountText.days(ct.totalDays)
                CountState.NOT_STARTED -> CountText.startsIn(ct.startsInDays ?: 0L)
                CountState.PAUSED -> "Paused"
            }
            return CounterCard(
                counterId = card.counterId,
                label = card.label,
                state = ct.state,
                daysLine = daysLine,
                periodLine = if (ct.state == CountState.RUNNING) CountText.period(ct.period) else null,
                keyTag = card.keyTag?.let(KeyTag::of),
                next = ct.nextMilestone?.let(MilestoneProgress::of),
                moneySaved = ct.moneySaved?.let { formatMoney(it) },
                canReset = card.canReset,
            )
        }
    }
}
