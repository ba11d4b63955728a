package oneday.tests

import java.time.LocalTime
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertNull
import kotlin.test.assertTrue
import oneday.tests.Support.date
import oneday.tests.Support.newVault
import oneday.tests.Support.settings
import org.oneday.ffi.CleanTimeException
import org.oneday.ffi.CountState
import org.oneday.ffi.CounterEdit
import org.oneday.ffi.EndReason
import org.oneday.ffi.parseDate
import org.oneday.ffi.parseMoney

class CountersTest {
    @Test
    fun resetWithANoteKeepsHistoryAndStats() {
        newVault().first.use { vault ->
            val c = vault.addCounter(settings("Alcohol"), date(2023, 1, 1))
            vault.resetCounter(c.id, date(2023, 4, 11), note = "lost my job") // 100 days
            val after = vault.resetCounter(c.id, date(2023, 5, 1), newStart = date(2023, 5, 2)) // 20 days
            assertEquals(3, after.attempts.size)
            assertEquals("lost my job", after.attempts[0].end?.note)
            assertEquals(EndReason.RELAPSE, after.attempts[1].end?.reason)
            assertNull(after.attempts[2].end)

            val status = vault.counterStatus(c.id, date(2023, 6, 1))
            assertEquals(30L, status.stats.currentRunDays)
            assertEquals(100L, status.stats.longestRunDays)
            assertEquals(150L, status.stats.totalCleanDays)
            assertEquals(3uL, status.stats.attempts)
            assertEquals(2uL, status.stats.relapses)
            assertEquals(30L, status.cleanTime.totalDays)
            assertEquals(date(2023, 5, 2), status.cleanTime.start)
        }
    }

    @Test
    fun backDatingIsAnEditNotARelapse() {
        newVault().first.use { vault ->
            val c = vault.addCounter(settings("Clean"), date(2024, 3, 1))
            val moved = vault.editCounter(c.id, CounterEdit(start = date(2024, 1, 1)))
            assertEquals(1, moved.attempts.size)
            val stats = vault.counterStatus(c.id, date(2024, 3, 1)).stats
            assertEquals(60L, stats.currentRunDays)
            assertEquals(0uL, stats.relapses)
        }
    }

    @Test
    fun pauseResumeArchiveDelete() {
        newVault().first.use { vault ->
            val c = vault.addCounter(settings("Gambling"), date(2024, 1, 1))
            vault.pauseCounter(c.id, date(2024, 1, 11), "in hospital")
            assertEquals(CountState.PAUSED, vault.counterStatus(c.id, date(2024, 1, 20)).cleanTime.state)
            assertFailsWith<CleanTimeException.NotRunning> { vault.resetCounter(c.id, date(2024, 1, 20)) }
            vault.resumeCounter(c.id, date(2024, 1, 21))
            assertFailsWith<CleanTimeException.AlreadyRunning> { vault.resumeCounter(c.id, date(2024, 1, 22)) }
            assertEquals(20L, vault.counterStatus(c.id, date(2024, 1, 31)).stats.totalCleanDays)
            assertTrue(vault.editCounter(c.id, CounterEdit(archived = true)).archived)
            assertTrue(vault.status(date(2024, 2, 1)).single().counter.archived)
            vault.deleteCounter(c.id)
            assertEquals(emptyList(), vault.counters())
            assertFailsWith<CleanTimeException.NotFound> { vault.counter(c.id) }
        }
    }

    @Test
    fun statusListsEveryCounterWithMoneySaved() {
        newVault().first.use { vault ->
            val cost = parseMoney("12.50", "eur")
            vault.addCounter(settings("Smoking").copy(dailyCost = cost), date(2024, 1, 1))
            vault.addCounter(settings("Later"), date(2024, 3, 1))
            val rows = vault.status(date(2024, 1, 11))
            assertEquals(listOf("Smoking", "Later"), rows.map { it.counter.settings.label })
            assertEquals(12500uL, rows[0].cleanTime.moneySaved?.minorUnits)
            assertEquals("EUR", rows[0].cleanTime.moneySaved?.currency)
            assertEquals(CountState.NOT_STARTED, rows[1].cleanTime.state)
            assertEquals(50L, rows[1].cleanTime.startsInDays)
        }
    }

    @Test
    fun settingsAreCheckedAndUpdated() {
        newVault().first.use { vault ->
            assertFailsWith<CleanTimeException.Validation> { vault.addCounter(settings(" "), date(2024, 1, 1)) }
            val c = vault.addCounter(settings("Clean"), date(2024, 1, 1))
            val renamed = vault.editCounter(c.id, CounterEdit(label = "Sober", nameInReminders = true))
            assertEquals("Sober", vault.counter(c.id).settings.label)
            assertTrue(renamed.settings.nameInReminders)
            val e = assertFailsWith<CleanTimeException.Validation> {
                vault.resetCounter(c.id, date(2024, 1, 5), note = "a\u0007b")
            }
            assertEquals("a name cannot contain control characters", e.message)
            assertFailsWith<CleanTimeException.Validation> { vault.counter("not-an-id") }
            assertFailsWith<CleanTimeException.Validation> { parseMoney("1.005", "USD") }
        }
    }

    @Test
    fun impossibleAndOutOfRangeDatesAreValidationErrors() {
        val e = assertFailsWith<CleanTimeException.InvalidDate> { parseDate("2023-02-29") }
        assertEquals("2023-02-29 does not exist: February 2023 has 28 days", e.message)
        assertFailsWith<CleanTimeException.InvalidDate> { parseDate("29/02/2024") }
        assertEquals(date(2024, 2, 29), parseDate("2024-02-29"))
        newVault().first.use { vault ->
            assertFailsWith<CleanTimeException.InvalidDate> { vault.addCounter(settings("Clean"), date(1850, 1, 1)) }
        }
    }

    @Test
    fun remindersAreNeutralUnlessTheCounterOptsIn() {
        newVault().first.use { vault ->
            vault.addCounter(settings("Alcohol"), date(2024, 1, 1))
            val named = vault.addCounter(settings("Cocaine").copy(nameInReminders = true), date(2024, 1, 2))
            val nine = LocalTime.of(9, 0)
            val reminders = vault.upcomingReminders(date(2024, 1, 20), 45u, nine)
            assertEquals(
                listOf(date(2024, 1, 31), date(2024, 2, 1), date(2024, 3, 1), date(2024, 3, 2)),
                reminders.map { it.date },
            )
            assertTrue(reminders.all { it.time == nine && it.title == "One Day" })
            val neutral = reminders.first { it.counterId != named.id }
            assertTrue("Alcohol" !in neutral.body, neutral.body)
        }
    }

    @Test
    fun anEditChangesOnlyWhatItNamesInOneCall() {
        newVault().first.use { vault ->
            val cost = parseMoney("5", "EUR")
            val c = vault.addCounter(settings("Clean").copy(dailyCost = cost), date(2024, 3, 1))
            val edited = vault.editCounter(c.id, CounterEdit(label = "Sober", start = date(2024, 1, 1), archived = true))
            assertEquals("Sober", edited.settings.label)
            assertEquals(date(2024, 1, 1), edited.attempts.single().start)
            assertTrue(edited.archived)
            assertEquals(cost, edited.settings.dailyCost)
            assertNull(vault.editCounter(c.id, CounterEdit(clearDailyCost = true, archived = false)).settings.dailyCost)
            // Refused as a whole: the valid name change is not written either.
            assertFailsWith<CleanTimeException.Validation> { vault.editCounter(c.id, CounterEdit(label = " ", nameInReminders = true)) }
            assertEquals("Sober", vault.counter(c.id).settings.label)
            assertTrue(!vault.counter(c.id).settings.nameInReminders)
            assertFailsWith<CleanTimeException.NotFound> { vault.editCounter("00".repeat(16), CounterEdit(label = "x")) }
        }
    }

    @Test
    fun todayIsTheWholeScreenInOneCall() {
        newVault().first.use { vault ->
            val old = vault.addCounter(settings("Old"), date(2023, 1, 1))
            vault.editCounter(old.id, CounterEdit(archived = true))
            val later = vault.addCounter(settings("Later"), date(2024, 2, 4))
            val running = vault.addCounter(settings("Running"), date(2024, 1, 1))
            val screen = vault.today(date(2024, 2, 1))
            assertEquals(listOf(running.id, later.id), screen.cards.map { it.counterId })
            val card = screen.cards[0]
            assertEquals(31L, card.cleanTime.totalDays)
            assertEquals("30 days", card.keyTag?.label)
            assertEquals("60 days", card.cleanTime.nextMilestone?.milestone?.label)
            assertTrue(card.canReset)
            assertEquals(CountState.NOT_STARTED, screen.cards[1].cleanTime.state)
            assertTrue(!screen.cards[1].canReset)
            assertEquals(31L, screen.widgetDays)
            // Reminders over the next 60 days at 09:00, by date, never from the archived counter.
            assertEquals(
                listOf(date(2024, 2, 4), date(2024, 3, 1), date(2024, 3, 5), date(2024, 3, 31)),
                screen.reminders.map { it.date },
            )
            assertTrue(screen.reminders.all { it.time == LocalTime.of(9, 0) && it.counterId != old.id })
            val all = vault.today(date(2024, 2, 1), includeArchived = true, reminderDays = 3u, reminderTime = LocalTime.of(7, 30))
            assertEquals(listOf(old.id, running.id, later.id), all.cards.map { it.counterId })
            assertTrue(all.cards[0].archived)
            assertEquals(listOf(date(2024, 2, 4)), all.reminders.map { it.date })
            assertEquals(LocalTime.of(7, 30), all.reminders.single().time)
            // One counter's card, as the screen shows it, archived or not.
            assertEquals(card, vault.todayCard(running.id, date(2024, 2, 1)))
            assertTrue(vault.todayCard(old.id, date(2024, 2, 1)).archived)
        }
    }
}
