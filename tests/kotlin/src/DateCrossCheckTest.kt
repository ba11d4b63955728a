package oneday.tests

import java.time.LocalDate
import java.time.temporal.ChronoUnit
import kotlin.random.Random
import kotlin.test.Test
import kotlin.test.assertEquals
import org.oneday.ffi.cleanTime

/** Core's day count and period against java.time, for random date pairs in the supported range. */
class DateCrossCheckTest {
    private val first = LocalDate.of(1900, 1, 1)
    private val last = LocalDate.of(2200, 12, 31)
    private val span = ChronoUnit.DAYS.between(first, last)
    private val leapYears = (1900..2200).filter { java.time.Year.isLeap(it.toLong()) }

    /** Any day, a month's last day, or a 29 February, with equal weight. */
    private fun pick(rng: Random): LocalDate {
        val any = first.plusDays(rng.nextLong(span + 1))
        return when (rng.nextInt(3)) {
            0 -> any
            1 -> any.withDayOfMonth(any.lengthOfMonth())
            else -> LocalDate.of(leapYears[rng.nextInt(leapYears.size)], 2, 29)
        }
    }

    @Test
    fun periodAndTotalDaysMatchJavaTime() {
        val rng = Random(20240229)
        var checked = 0
        repeat(4000) {
            val a = pick(rng)
            val b = if (rng.nextInt(10) == 0) a else pick(rng)
            val (start, today) = if (a <= b) a to b else b to a
            val ct = cleanTime(start, today)
            val expected = java.time.Period.between(start, today)
            val where = "$start .. $today"
            assertEquals(expected.years, ct.period.years, where)
            assertEquals(expected.months, ct.period.months, where)
            assertEquals(expected.days, ct.period.days, where)
            assertEquals(ChronoUnit.DAYS.between(start, today), ct.totalDays, where)
            checked++
        }
        assertEquals(4000, checked)
    }
}
