package oneday.tests

import java.util.concurrent.Callable
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import kotlin.test.Test
import kotlin.test.assertEquals
import oneday.tests.Support.date
import oneday.tests.Support.newVault
import oneday.tests.Support.settings
import org.oneday.ffi.cleanTime

class ThreadsTest {
    @Test
    fun oneVaultSharedBySeveralThreads() {
        val threads = 8
        val perThread = 5
        newVault().first.use { vault ->
            val pool = Executors.newFixedThreadPool(threads)
            try {
                val jobs = (0 until threads).map { t ->
                    pool.submit(Callable {
                        repeat(perThread) { i ->
                            val c = vault.addCounter(settings("t$t-$i"), date(2024, 1, 1 + i))
                            vault.resetCounter(c.id, date(2024, 2, 1), note = "thread $t")
                            vault.status(date(2024, 3, 1))
                        }
                    })
                }
                jobs.forEach { it.get(120, TimeUnit.SECONDS) }
            } finally {
                pool.shutdown()
            }
            val rows = vault.status(date(2024, 3, 1))
            assertEquals(threads * perThread, rows.size)
            rows.forEach { assertEquals(29L, it.cleanTime.totalDays) }
        }
    }

    @Test
    fun theStatelessCalculatorFromManyThreads() {
        val pool = Executors.newFixedThreadPool(4)
        try {
            val totals = (0 until 400).map { i ->
                pool.submit(Callable { cleanTime(date(2000, 1, 1), date(2000, 1, 1).plusDays(i.toLong())).totalDays })
            }.map { it.get(60, TimeUnit.SECONDS) }
            assertEquals((0L until 400L).toList(), totals)
        } finally {
            pool.shutdown()
        }
    }
}
