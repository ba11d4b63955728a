package org.oneday.android.present

import java.time.LocalDate
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertNotNull
import kotlin.test.assertTrue
import org.oneday.android.present.TestVaults.newVault
import org.oneday.android.present.TestVaults.settings
import org.oneday.ffi.CleanTimeException
import org.oneday.ffi.CountState
import org.oneday.ffi.CountingMode
import org.oneday.ffi.EndReason

class TodayModelTest {
    private val today: LocalDate = LocalDate.of(2025, 6, 15)

    @Test
    fun aRunningCardShowsWhatCoreComputes() {
        newVault().use { vault ->
            val id = vault.addCounter(settings("Alcohol"), today.minusDays(832)).id
            val card = TodayModel(vault, today).cards().done().single()
            val core = vault.counterStatus(id, today).cleanTime

            assertEquals("Alcohol", card.label)
            assertEquals(CountState.RUNNING, card.state)
            assertEquals(832L, core.totalDays)
            assertEquals("832 days", card.daysLine)
            assertEquals(CountText.days(core.totalDays), card.daysLine)
            assertEquals(CountText.period(core.period), card.periodLine)
            // java.time agrees with core on the period (the design's definition).
            val java = java.time.Period.between(today.minusDays(832), today)
            assertEquals("${java.years} years, ${java.months} months, ${java.days} days", card.periodLine)

            val tag = assertNotNull(card.keyTag)
            assertEquals(core.milestonesReached.last().label, tag.name)
            assertEquals("black", tag.colourName)
            assertEquals("#000000", tag.colourHex)

            val next = assertNotNull(card.next)
            val coreNext = assertNotNull(core.nextMilestone)
            assertEquals(coreNext.milestone.label, next.keyTag.name)
            assertEquals(coreNext.progress, next.fraction)
            assertTrue(next.fraction in 0.0..1.0)
            assertEquals("in ${coreNext.daysUntil} days", next.inDaysLine)
            assertEquals(coreNext.milestone.date, next.date)
            assertTrue(card.canReset)
        }
    }

    @Test
    fun pausedAndNotStartedCountersAreWordedAsSuch() {
        newVault().use { vault ->
            val paused = vault.addCounter(settings("Paused one"), today.minusDays(40)).id
            vault.pauseCounter(paused, today.minusDays(5), null)
            vault.addCounter(settings("Later"), today.plusDays(3))

            // Which counters are shown (archived ones are not) is core's `today`, tested in tests/kotlin.
            val cards = TodayModel(vault, today).cards().done().associateBy { it.label }
            assertEquals(setOf("Paused one", "Later"), cards.keys)
            val p = cards.getValue("Paused one")
            assertEquals(CountState.PAUSED, p.state)
            assertEquals("Paused", p.daysLine)
            assertEquals(null, p.periodLine)
            assertFalse(p.canReset)
            val later = cards.getValue("Later")
            assertEquals(CountState.NOT_STARTED, later.state)
            assertEquals("Starts in 3 days", later.daysLine)
            assertEquals(3L, vault.today(today).cards.single { it.label == "Later" }.cleanTime.startsInDays)
        }
    }

    @Test
    fun theResetFlowKeepsHistoryAndSaysSo() {
        newVault().use { vault ->
            val id = vault.addCounter(settings("Alcohol"), today.minusDays(832)).id
            val flow = TodayModel(vault, today).resetFlow(id)
            assertEquals("Your history is kept. Today is a new day 0.", flow.body().done())

            val done = flow.confirm("rough night").done()
            assertEquals("0 days", done.card.daysLine)
            val stats = vault.counterStatus(id, today).stats
            assertEquals(832L, stats.totalCleanDays)
            assertEquals("Your history is kept: 832 clean days still count.", done.keptLine)

            val attempts = vault.counter(id).attempts
            assertEquals(2, attempts.size)
            assertEquals(EndReason.RELAPSE, attempts[0].end?.reason)
            assertEquals("rough night", attempts[0].end?.note)
            assertEquals(today, attempts[1].start)
        }
    }

    @Test
    fun aCounterWhereTodayIsDayOneStartsAgainAtDayOne() {
        newVault().use { vault ->
            val id = vault.addCounter(settings("Gaming", CountingMode.TODAY_IS_DAY_ONE), today.minusDays(10)).id
            val flow = ResetFlow(vault, id, today)
            assertEquals("Your history is kept. Today is a new day 1.", flow.body().done())
            val done = flow.confirm("  ").done()
            assertEquals("1 day", done.card.daysLine)
            assertEquals(null, vault.counter(id).attempts[0].end?.note)
        }
    }

    @Test
    fun resettingAPausedCounterShowsCoresRefusal() {
        newVault().use { vault ->
            val id = vault.addCounter(settings("Paused"), today.minusDays(10)).id
            vault.pauseCounter(id, today.minusDays(1), null)
            val coreText = try {
                vault.resetCounter(id, today, null, null)
                null
            } catch (e: CleanTimeException.NotRunning) {
                e.message
            }
            val message = ResetFlow(vault, id, today).confirm(null).refused()
            assertEquals(assertNotNull(coreText), message.text)
            assertEquals(UserMessage.Action.NONE, message.action)
            assertEquals(1, vault.counter(id).attempts.size)
        }
    }

    @Test
    fun aLockedVaultAsksToUnlock() {
        newVault().use { vault ->
            vault.addCounter(settings("Alcohol"), today.minusDays(3))
            vault.lock()
            val message = TodayModel(vault, today).cards().refused()
            assertEquals("Unlock One Day", message.text)
            assertEquals(UserMessage.Action.UNLOCK, message.action)
        }
    }
}
