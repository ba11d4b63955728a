package oneday.tests

import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertNull
import oneday.tests.Support.date
import org.oneday.ffi.ChipColour
import org.oneday.ffi.CleanTimeException
import org.oneday.ffi.CountState
import org.oneday.ffi.CountingMode
import org.oneday.ffi.CustomMilestone
import org.oneday.ffi.MilestoneProfile
import org.oneday.ffi.Money
import org.oneday.ffi.Period
import org.oneday.ffi.Span
import org.oneday.ffi.cleanTime
import org.oneday.ffi.formatMoney

class CleanTimeTest {
    @Test
    fun naKeyTagsWithTheirColours() {
        val ct = cleanTime(date(2024, 1, 1), date(2024, 7, 15))
        assertEquals(CountState.RUNNING, ct.state)
        assertEquals(196L, ct.totalDays)
        assertEquals(Period(0, 6, 14), ct.period)
        assertEquals(
            listOf("Welcome" to "white", "30 days" to "orange", "60 days" to "green", "90 days" to "red", "6 months" to "blue"),
            ct.milestonesReached.map { it.label to it.colour },
        )
        val next = ct.nextMilestone!!
        assertEquals("9 months", next.milestone.label)
        assertEquals(Span.Months(9u), next.milestone.span)
        assertEquals(date(2024, 10, 1), next.milestone.date)
        assertEquals(78L, next.daysUntil)
    }

    @Test
    fun leapDayStartsFollowJavaTimeAndClampMilestones() {
        val ct = cleanTime(date(2020, 2, 29), date(2025, 2, 28))
        assertEquals(1826L, ct.totalDays)
        assertEquals(Period(4, 11, 30), ct.period)
        assertEquals("5 years", ct.milestonesReached.last().label)
        assertEquals("black", ct.milestonesReached.last().colour)
        assertEquals(date(2026, 2, 28), ct.nextMilestone?.milestone?.date)
    }

    @Test
    fun aaChipsWithTheGroupsColours() {
        val profile = MilestoneProfile.AaChips(
            listOf(ChipColour(Span.Days(1u), "silver"), ChipColour(Span.Years(1u), "bronze")),
        )
        val day1 = cleanTime(date(2024, 1, 1), date(2024, 1, 2), profile = profile)
        assertEquals(listOf("24 hours"), day1.milestonesReached.map { it.label })
        assertEquals("silver", day1.milestonesReached.single().colour)
        val year = cleanTime(date(2024, 1, 1), date(2025, 1, 1), profile = profile)
        assertEquals("1 year", year.milestonesReached.last().label)
        assertEquals("bronze", year.milestonesReached.last().colour)
        assertEquals(16, year.milestonesReached.size) // 24 hours, 30/60/90 days, months 1 to 11, 1 year
        assertNull(year.milestonesReached[1].colour)
    }

    @Test
    fun customProfilesAndTodayIsDayOne() {
        val profile = MilestoneProfile.Custom(
            listOf(CustomMilestone(Span.Days(100u), label = "Triple digits"), CustomMilestone(Span.Days(7u))),
        )
        val ct = cleanTime(date(2024, 1, 1), date(2024, 1, 7), CountingMode.TODAY_IS_DAY_ONE, profile)
        assertEquals(7L, ct.totalDays)
        assertEquals(listOf("7 days"), ct.milestonesReached.map { it.label })
        assertEquals("Triple digits", ct.nextMilestone?.milestone?.label)
        val twice = MilestoneProfile.Custom(listOf(CustomMilestone(Span.Days(7u)), CustomMilestone(Span.Days(7u))))
        assertFailsWith<CleanTimeException.Validation> { cleanTime(date(2024, 1, 1), date(2024, 1, 7), profile = twice) }
    }

    @Test
    fun aFutureCleanDateStartsInNDaysNeverNegative() {
        val ct = cleanTime(date(2024, 3, 10), date(2024, 3, 7))
        assertEquals(CountState.NOT_STARTED, ct.state)
        assertEquals(3L, ct.startsInDays)
        assertEquals(0L, ct.totalDays)
        assertEquals(Period(0, 0, 0), ct.period)
    }

    @Test
    fun moneySavedIsExact() {
        val ct = cleanTime(date(2024, 1, 1), date(2024, 1, 31), dailyCost = Money(1250uL, "EUR"))
        assertEquals(Money(37500uL, "EUR"), ct.moneySaved)
        assertEquals("375.00 EUR", formatMoney(ct.moneySaved!!))
        assertFailsWith<CleanTimeException.Validation> { formatMoney(Money(1uL, "XYZ")) }
    }

    @Test
    fun datesOutsideTheSupportedRangeAreRefused() {
        assertFailsWith<CleanTimeException.InvalidDate> { cleanTime(date(1899, 12, 31), date(2024, 1, 1)) }
        assertFailsWith<CleanTimeException.InvalidDate> { cleanTime(date(2024, 1, 1), date(2201, 1, 1)) }
    }
}
