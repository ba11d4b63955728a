package org.oneday.android.present

import org.oneday.ffi.Period

/**
 * Words for numbers core computed, in one place so the Today screen, the widget and reminders say
 * them the same way. Nothing here computes a count: every number comes from core.
 */
object CountText {
    /** `1 day`, `832 days`. */
    fun days(n: Long): String = if (n == 1L) "1 day" else "$n days"

    /** `in 1 day`, `in 15 days`. */
    fun inDays(n: Long): String = "in ${days(n)}"

    /** `Starts in 3 days`: a clean date still ahead (never negative days). */
    fun startsIn(n: Long): String = "Starts ${inDays(n)}"

    /** `2 years, 3 months, 10 days`; zero parts are left out, `0 days` when all are zero. */
    fun period(p: Period): String {
        val parts = listOf(p.years to "year", p.months to "month", p.days to "day")
            .filter { (n, _) -> n != 0 }
            .map { (n, unit) -> if (n == 1) "1 $unit" else "$n ${unit}s" }
        return if (parts.isEmpty()) "0 days" else parts.joinToString(", ")
    }
}
