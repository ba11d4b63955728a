package oneday.tests

import java.time.LocalDate
import kotlin.math.abs
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertNull
import kotlin.test.assertTrue
import oneday.tests.Support.date
import oneday.tests.Support.newVault
import org.oneday.ffi.CheckIn
import org.oneday.ffi.CheckInException
import org.oneday.ffi.CheckInFlagRule
import org.oneday.ffi.Medication
import org.oneday.ffi.Vault

class CheckInsTest {
    private fun rated(date: LocalDate, mood: Int?, craving: Int?) =
        CheckIn(date = date, mood = mood?.toUByte(), craving = craving?.toUByte())

    private fun assertClose(expected: Double, actual: Double) =
        assertTrue(abs(expected - actual) < 1e-9, "expected $expected, got $actual")

    /** 2024-05-01 ..= 2024-05-07: no check-in on the 4th, no mood on the 6th. */
    private fun recordWeek(vault: Vault) {
        val today = date(2024, 5, 7)
        vault.recordCheckIn(rated(date(2024, 5, 1), 4, 2), today)
        vault.recordCheckIn(rated(date(2024, 5, 2), 3, 5), today)
        vault.recordCheckIn(rated(date(2024, 5, 3), 2, 7), today)
        vault.recordCheckIn(rated(date(2024, 5, 5), 1, 8).copy(hoursSlept = 6.5), today)
        vault.recordCheckIn(rated(date(2024, 5, 6), null, 9).copy(hoursSlept = 8.0), today)
        vault.recordCheckIn(rated(date(2024, 5, 7), 2, 7), today)
    }

    @Test
    fun recordThenEditTheSameDay() {
        newVault().first.use { vault ->
            val today = date(2024, 5, 7)
            assertNull(vault.checkIn(today))
            val first = vault.recordCheckIn(
                rated(today, 2, 6).copy(
                    medication = Medication.TAKEN,
                    hoursSlept = 7.4,
                    journal = "  rough night  ",
                    gratitude = listOf("my sponsor", " "),
                ),
                today,
            )
            assertEquals("rough night", first.journal)
            assertEquals(listOf("my sponsor"), first.gratitude)
            assertEquals(7.5, first.hoursSlept, "kept to the quarter hour")
            assertEquals(Medication.TAKEN, first.medication)

            val edited = vault.recordCheckIn(rated(today, 4, 1).copy(journal = "went to a meeting"), today)
            assertEquals(edited, vault.checkIn(today))
            assertNull(edited.medication, "recording a day again replaces it")
            assertEquals(listOf(edited), vault.checkIns(date(2024, 5, 1), today))

            vault.deleteCheckIn(today)
            assertNull(vault.checkIn(today))
            assertFailsWith<CheckInException.NotFound> { vault.deleteCheckIn(today) }
        }
    }

    @Test
    fun trendsOfAKnownWeek() {
        newVault().first.use { vault ->
            recordWeek(vault)
            val t = vault.checkInTrends(date(2024, 5, 7), 7u)
            assertEquals(listOf(7u, 30u, 90u), t.averages.map { it.windowDays })
            val week = t.averages[0]
            assertEquals(date(2024, 5, 1), week.from)
            assertEquals(6u, week.daysCheckedIn)
            assertEquals(5u, week.mood?.days)
            assertClose(12.0 / 5, week.mood!!.mean)
            assertEquals(6u, week.craving?.days)
            assertClose(38.0 / 6, week.craving!!.mean)
            assertClose(7.25, week.hoursSlept!!.mean)

            assertEquals(7, t.series.size)
            assertEquals(date(2024, 5, 1), t.series.first().date)
            assertFalse(t.series[3].checkedIn)
            assertEquals(listOf(4, 3, 2, null, 1, null, 2), t.series.map { it.mood?.toInt() })
            assertTrue(t.series[5].checkedIn)

            assertEquals(3u, t.streak.days)
            assertEquals(date(2024, 5, 5), t.streak.since)
            assertEquals(date(2024, 5, 7), t.streak.through)
            // Before today's check-in the streak still runs through yesterday.
            assertEquals(3u, vault.checkInTrends(date(2024, 5, 8), 7u).streak.days)
        }
    }

    @Test
    fun aCueFollowsTheUsersOwnThresholds() {
        newVault().first.use { vault ->
            recordWeek(vault)
            val today = date(2024, 5, 7)
            val flag = vault.checkInTrends(today, 30u).flags.single()
            assertEquals(CheckInFlagRule.CravingAtOrAbove(7u), flag.rule)
            assertEquals(date(2024, 5, 5), flag.since)
            assertEquals(3u, flag.days)

            val defaults = vault.checkInPreferences()
            assertEquals(3.toUByte(), defaults.daysInARow)
            vault.setCheckInPreferences(defaults.copy(cravingAtOrAbove = null, moodAtOrBelow = 3u, daysInARow = 2u))
            assertEquals(emptyList(), vault.checkInTrends(today, 7u).flags)
            val early = vault.checkInTrends(date(2024, 5, 3), 7u).flags.single()
            assertEquals(CheckInFlagRule.MoodAtOrBelow(3u), early.rule)
            assertEquals(date(2024, 5, 2), early.since)
            assertFailsWith<CheckInException.OutOfRange> {
                vault.setCheckInPreferences(defaults.copy(daysInARow = 0u))
            }
        }
    }

    @Test
    fun symptomsComeFromTheUsersList() {
        newVault().first.use { vault ->
            val today = date(2024, 5, 7)
            val withSymptom = CheckIn(date = today, symptoms = listOf("anxiety"))
            assertFailsWith<CheckInException.UnknownSymptom> { vault.recordCheckIn(withSymptom, today) }
            val prefs = vault.checkInPreferences()
            vault.setCheckInPreferences(prefs.copy(symptoms = listOf("Anxiety", "Voices")))
            assertEquals(listOf("Anxiety"), vault.recordCheckIn(withSymptom, today).symptoms)
            assertFailsWith<CheckInException.Validation> {
                vault.setCheckInPreferences(prefs.copy(symptoms = listOf("sleep", "Sleep")))
            }
            assertEquals(listOf("Anxiety", "Voices"), vault.checkInPreferences().symptoms)
        }
    }

    @Test
    fun badInputIsTypedAndWritesNothing() {
        newVault().first.use { vault ->
            val today = date(2024, 5, 7)
            val nine = assertFailsWith<CheckInException.OutOfRange> { vault.recordCheckIn(rated(today, 9, 0), today) }
            assertEquals("mood is rated 1 to 5, not 9", nine.message)
            assertFailsWith<CheckInException.OutOfRange> { vault.recordCheckIn(rated(today, 3, 11), today) }
            assertFailsWith<CheckInException.OutOfRange> {
                vault.recordCheckIn(CheckIn(date = today, hoursSlept = 25.0), today)
            }
            assertFailsWith<CheckInException.FutureDate> {
                vault.recordCheckIn(rated(date(2024, 5, 8), 3, 3), today)
            }
            assertFailsWith<CheckInException.Validation> { vault.recordCheckIn(CheckIn(date = today), today) }
            assertFailsWith<CheckInException.Validation> {
                vault.recordCheckIn(CheckIn(date = today, journal = "x".repeat(501)), today)
            }
            assertFailsWith<CheckInException.Validation> { vault.checkIns(today, date(2024, 5, 1)) }
            assertFailsWith<CheckInException.OutOfRange> { vault.checkInTrends(today, 0u) }
            assertEquals(emptyList(), vault.checkIns(date(2024, 1, 1), today))

            vault.lock()
            assertFailsWith<CheckInException.Locked> { vault.checkIn(today) }
        }
    }

    @Test
    fun theCheckInDayIsTheWholeScreenInOneCall() {
        newVault().first.use { vault ->
            val empty = vault.checkInDay(date(2024, 5, 7))
            assertNull(empty.checkIn)
            assertEquals(0u, empty.streak.days)
            assertEquals(emptyList(), empty.preferences.symptoms)
            assertEquals(emptyList(), empty.cues)

            vault.setCheckInPreferences(vault.checkInPreferences().copy(symptoms = listOf("Anxiety")))
            recordWeek(vault)
            val day = vault.checkInDay(date(2024, 5, 7))
            assertEquals(date(2024, 5, 7), day.date)
            assertEquals(7u.toUByte(), day.checkIn?.craving)
            assertEquals(listOf("Anxiety"), day.preferences.symptoms)
            // Nothing on the 4th: the streak is the 5th to the 7th.
            assertEquals(3u, day.streak.days)
            assertEquals(date(2024, 5, 5), day.streak.since)
            assertEquals(listOf(CheckInFlagRule.CravingAtOrAbove(7u)), day.cues.map { it.rule })
        }
    }
}
