package org.oneday.android.present

import java.time.LocalDate
import java.util.Locale
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import org.oneday.android.present.TestVaults.newVault
import org.oneday.ffi.CountingMode
import org.oneday.ffi.MilestoneProfile

class AddCounterModelTest {
    private val today: LocalDate = LocalDate.of(2025, 6, 15)

    @Test
    fun todayOffersToAddACounterWhenThereIsNone() {
        newVault().use { vault ->
            val today = TodayModel(vault, today)
            assertTrue(today.cards().done().isEmpty())
            assertTrue(today.emptyText.isNotBlank())
            val form = today.addCounter()
            assertEquals("Add a counter", form.title)
            assertEquals(this.today, form.today)
        }
    }

    @Test
    fun addingGoesThroughCoreAndShowsOnToday() {
        newVault().use { vault ->
            val form = AddCounterModel(vault, today, Locale.ENGLISH)
            val na = form.add(NewCounterInput("Alcohol", today.minusDays(30), MilestoneChoice.NA_KEY_TAGS, false)).done()
            val aa = form.add(NewCounterInput("Drinking", today.minusDays(30), MilestoneChoice.AA_CHIPS, true)).done()

            assertEquals(MilestoneProfile.NaKeyTags, vault.counter(na.id).settings.profile)
            assertEquals(CountingMode.COMPLETED_DAYS, vault.counter(na.id).settings.counting)
            assertTrue(vault.counter(aa.id).settings.profile is MilestoneProfile.AaChips)
            assertEquals(CountingMode.TODAY_IS_DAY_ONE, vault.counter(aa.id).settings.counting)

            // "Count today as day 1" is one day more, as core counts it.
            val days = TodayModel(vault, today).cards().done().associate { it.label to it.daysLine }
            assertEquals("30 days", days["Alcohol"])
            assertEquals("31 days", days["Drinking"])
            // NA key tags have core's colours; AA chips have none until the user names them.
            val tags = TodayModel(vault, today).cards().done().associate { it.label to it.keyTag }
            assertEquals("orange", tags["Alcohol"]?.colourName)
            assertEquals(null, tags["Drinking"]?.colourName)
        }
    }

    @Test
    fun coreRefusesABadLabelAndNothingIsAdded() {
        newVault().use { vault ->
            val form = AddCounterModel(vault, today, Locale.ENGLISH)
            val refusal = form.add(NewCounterInput("   ", today, MilestoneChoice.NA_KEY_TAGS, false)).refused()
            assertEquals(UserMessage.Action.NONE, refusal.action)
            assertTrue(refusal.text.isNotBlank())
            assertTrue(vault.counters().isEmpty())
        }
    }

    @Test
    fun aFutureDateIsACountThatHasNotStarted() {
        newVault().use { vault ->
            AddCounterModel(vault, today, Locale.ENGLISH)
                .add(NewCounterInput("Next week", today.plusDays(3), MilestoneChoice.NA_KEY_TAGS, false)).done()
            assertEquals("Starts in 3 days", TodayModel(vault, today).cards().done().single().daysLine)
        }
    }

    @Test
    fun theChosenDateIsWrittenInTheUsersLocale() {
        newVault().use { vault ->
            assertEquals("Clean date: June 15, 2025", AddCounterModel(vault, today, Locale.US).dateLine(today))
            assertEquals(listOf("NA key tags", "AA chips"), AddCounterModel(vault, today).milestoneChoices.map { it.label })
        }
    }
}
