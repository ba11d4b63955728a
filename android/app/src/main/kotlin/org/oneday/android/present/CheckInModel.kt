package org.oneday.android.present

import java.time.LocalDate
import java.util.Locale
import org.oneday.ffi.CheckInAverage
import org.oneday.ffi.CheckInAverages
import org.oneday.ffi.CheckInDay
import org.oneday.ffi.CheckInFlag
import org.oneday.ffi.CheckInFlagRule
import org.oneday.ffi.CheckInTrends
import org.oneday.ffi.Vault

/**
 * One day of the trends chart, straight from core's series.
 *
 * @property date The day.
 * @property checkedIn Whether it has a check-in (a gap in the chart otherwise).
 * @property mood Mood that day, 1 to 5.
 * @property craving Craving that day, 0 to 10.
 * @property hoursSlept Hours slept that day.
 */
data class ChartPoint(
    val date: LocalDate,
    val checkedIn: Boolean,
    val mood: Int?,
    val craving: Int?,
    val hoursSlept: Double?,
) {
    /** Building points from core's series. */
    companion object {
        /** The point of one day. */
        fun of(d: CheckInDay): ChartPoint =
            ChartPoint(d.date, d.checkedIn, d.mood?.toInt(), d.craving?.toInt(), d.hoursSlept)
    }
}

/**
 * The trends screen.
 *
 * @property summaryLines One line per window core averaged: `Last 7 days: checked in 5 of 7 · mood 3.4 · craving 2.0 · sleep 7.5 h`.
 * @property streakLine `Check-in streak: 4 days.` or an invitation to start one.
 * @property series One point per day, oldest first, to plot.
 * @property cues Nudges from core's cues (never a diagnosis): `Craving has been high for 3 days. Open your plan or call someone?`
 */
data class TrendsView(
    val summaryLines: List<String>,
    val streakLine: String,
    val series: List<ChartPoint>,
    val cues: List<String>,
)

/**
 * The Check-in screen: today's form, saved through core (which checks it), and the trends core
 * computes from the saved days.
 *
 * @param vault The open vault.
 * @param today The user's local date.
 */
class CheckInModel(private val vault: Vault, private val today: LocalDate) {
    /** Today's form from core's check-in day (one call): the saved check-in or an empty form, with the user's symptom list. */
    fun form(): Outcome<CheckInForm> = outcomeOf {
        val day = vault.checkInDay(today)
        val choices = day.preferences.symptoms
        day.checkIn?.let { CheckInForm.of(it, choices) } ?: CheckInForm(today, symptomChoices = choices)
    }

    /** Saves [form] (replacing that day's check-in); returns the form as core saved it, or core's refusal. */
    fun save(form: CheckInForm): Outcome<CheckInForm> = outcomeOf {
        CheckInForm.of(vault.recordCheckIn(form.toCheckIn(), today), form.symptomChoices)
    }

    /** The trends over the last [days] days (core accepts 1 to 366). */
    fun trends(days: Int = 30): Outcome<TrendsView> = outcomeOf {
        view(vault.checkInTrends(today, days.coerceAtLeast(0).toUInt()))
    }

    private fun view(t: CheckInTrends): TrendsView = TrendsView(
        summaryLines = t.averages.map(::summaryLine),
        streakLine = if (t.streak.days > 0u) {
            "Check-in streak: ${CountText.days(t.streak.days.toLong())}."
        } else {
            "No check-in streak yet: check in today to start one."
        },
        series = t.series.map(ChartPoint::of),
        cues = t.flags.map(::cueLine),
    )

    private fun summaryLine(a: CheckInAverages): String {
        val parts = listOfNotNull(
            "checked in ${a.daysCheckedIn} of ${a.windowDays}",
            a.mood?.let { "mood ${mean(it)}" },
            a.craving?.let { "craving ${mean(it)}" },
            a.hoursSlept?.let { "sleep ${mean(it)} h" },
        )
        return "Last ${CountText.days(a.windowDays.toLong())}: ${parts.joinToString(" · ")}"
    }

    private fun mean(a: CheckInAverage): String = String.format(Locale.ROOT, "%.1f", a.mean)

    private fun cueLine(f: CheckInFlag): String {
        val what = when (f.rule) {
            is CheckInFlagRule.CravingAtOrAbove -> "Craving has been high"
            is CheckInFlagRule.MoodAtOrBelow -> "Mood has been low"
        }
        return "$what for ${CountText.days(f.days.toLong())}. Open your plan or call someone?"
    }
}
