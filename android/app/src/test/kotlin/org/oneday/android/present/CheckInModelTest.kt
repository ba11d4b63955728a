package org.oneday.android.present

import java.time.LocalDate
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue
import org.oneday.android.present.TestVaults.newVault
import org.oneday.ffi.CheckIn
import org.oneday.ffi.CheckInException
import org.oneday.ffi.CheckInPreferences
import org.oneday.ffi.Medication

class CheckInModelTest {
    private val today: LocalDate = LocalDate.of(2024, 5, 8)

    @Test
    fun moodNineIsRefusedWithCoresMessageAndNothingIsSaved() {
        newVault().use { vault ->
            val model = CheckInModel(vault, today)
            val form = model.form().done().copy(mood = 9u)
            val message = model.save(form).refused()
            val coreText = try {
                vault.recordCheckIn(CheckIn(today, mood = 9u), today)
                null
            } catch (e: CheckInException.OutOfRange) {
                e.message
            }
            assertEquals(assertNotNull(coreText), message.text)
            assertEquals("mood is rated 1 to 5, not 9", message.text)
            assertEquals(UserMessage.Action.NONE, message.action)
            assertNull(vault.checkIn(today))
        }
    }

    @Test
    fun aSavedCheckInComesBackAsCoreKeptIt() {
        newVault().use { vault ->
            vault.setCheckInPreferences(CheckInPreferences(listOf("Racing thoughts"), 7u, 2u, 3u))
            val model = CheckInModel(vault, today)
            val empty = model.form().done()
            assertFalse(empty.saved)
            assertEquals(listOf("Racing thoughts"), empty.symptomChoices)

            val saved = model.save(
                empty.copy(mood = 4u, craving = 2u, symptoms = listOf("racing thoughts"), medication = Medication.TAKEN, hoursSlept = 7.4, journal = "  good day  "),
            ).done()
            val core = assertNotNull(vault.checkIn(today))
            assertTrue(saved.saved)
            assertEquals(core.hoursSlept, saved.hoursSlept)
            assertEquals(7.5, saved.hoursSlept)
            assertEquals(core.symptoms, saved.symptoms)
            assertEquals(core.journal, saved.journal)
            assertEquals(saved, model.form().done())
        }
    }

    @Test
    fun trendsAreCoresAndAHighCravingRunIsANudge() {
        newVault().use { vault ->
            for (back in 2L downTo 0L) {
                vault.recordCheckIn(CheckIn(today.minusDays(back), mood = 3u, craving = 8u, hoursSlept = 6.0), today)
            }
            val view = CheckInModel(vault, today).trends(7).done()
            val core = vault.checkInTrends(today, 7u)

            assertEquals(listOf("Craving has been high for 3 days. Open your plan or call someone?"), view.cues)
            assertEquals(core.flags.single().days, 3u)
            assertEquals("Check-in streak: 3 days.", view.streakLine)
            assertEquals(core.series.size, view.series.size)
            assertEquals(core.series.map { it.craving?.toInt() }, view.series.map { it.craving })
            assertEquals(core.series.map { it.checkedIn }, view.series.map { it.checkedIn })
            assertEquals(core.averages.size, view.summaryLines.size)
            val week = core.averages.first { it.windowDays == 7u }
            assertEquals(3u, week.daysCheckedIn)
            assertTrue(view.summaryLines.contains("Last 7 days: checked in 3 of 7 · mood 3.0 · craving 8.0 · sleep 6.0 h"))
            assertTrue(view.cues.none { it.contains("diagnos", ignoreCase = true) })
        }
    }

    @Test
    fun noCheckInsNoCueAndAnInvitation() {
        newVault().use { vault ->
            val view = CheckInModel(vault, today).trends().done()
            assertEquals(emptyList(), view.cues)
            assertEquals("No check-in streak yet: check in today to start one.", view.streakLine)
            assertTrue(view.series.none { it.checkedIn })
            assertEquals(30, view.series.size)
        }
    }
}
