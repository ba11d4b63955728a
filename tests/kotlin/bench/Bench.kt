package oneday.bench

import java.nio.file.Files
import java.time.LocalDate
import org.oneday.ffi.CounterKind
import org.oneday.ffi.CounterSettings
import org.oneday.ffi.CountingMode
import org.oneday.ffi.MilestoneProfile
import org.oneday.ffi.cleanTime
import org.oneday.ffi.createVault
import org.oneday.ffi.minimumKdfParams
import org.oneday.ffi.parseDate

/**
 * The Kotlin half of the FFI benchmark: the same calls as bindings/examples/ffi_bench.rs, through the
 * generated bindings. Prints `name median_ns` lines.
 */
fun main() {
    val dir = Files.createTempDirectory("oneday-bench-").resolve("vault").toString()
    val start = LocalDate.of(2020, 1, 1)
    val today = LocalDate.of(2025, 6, 15)
    val heavyDir = Files.createTempDirectory("oneday-bench-heavy-").resolve("vault").toString()
    createVault(heavyDir, ByteArray(32) { 7 }, minimumKdfParams()).vault.use { vault ->
        // 20 counters, each reset every 18 days 99 times (100 attempts), the first named in reminders.
        repeat(20) { i ->
            val settings = CounterSettings("heavy $i", CounterKind.SUBSTANCE, CountingMode.COMPLETED_DAYS, MilestoneProfile.NaKeyTags, nameInReminders = i == 0)
            val c = vault.addCounter(settings, start)
            var on = start
            repeat(99) {
                on = on.plusDays(18)
                vault.resetCounter(c.id, on, null, "note")
            }
        }
        repeat(200) { vault.today(today) }
        val screens = LongArray(200) {
            val t = System.nanoTime()
            check(vault.today(today).cards.size == 20)
            System.nanoTime() - t
        }
        println("today_heavy ${screens.sorted()[screens.size / 2]}")
    }
    createVault(dir, ByteArray(32) { 7 }, minimumKdfParams()).vault.use { vault ->
        repeat(20) { i ->
            val settings = CounterSettings("counter $i", CounterKind.SUBSTANCE, CountingMode.COMPLETED_DAYS, MilestoneProfile.NaKeyTags)
            val c = vault.addCounter(settings, start)
            vault.resetCounter(c.id, LocalDate.of(2023, 3, 1), null, "note")
        }
        // Warm-up: lets the JIT compile the generated converters before anything is timed.
        repeat(200) { vault.status(today) }
        repeat(20_000) { cleanTime(start, today) }

        val status = LongArray(200) {
            val t = System.nanoTime()
            check(vault.status(today).size == 20)
            System.nanoTime() - t
        }
        val batches = LongArray(30) {
            val t = System.nanoTime()
            repeat(1_000) { cleanTime(start, today) }
            System.nanoTime() - t
        }
        repeat(20_000) { minimumKdfParams(); parseDate("2024-02-29") }
        val tiny = LongArray(30) {
            val t = System.nanoTime()
            repeat(1_000) { minimumKdfParams() }
            System.nanoTime() - t
        }
        val dates = LongArray(30) {
            val t = System.nanoTime()
            repeat(1_000) { parseDate("2024-02-29") }
            System.nanoTime() - t
        }
        println("kdf_params_x1000 ${tiny.sorted()[tiny.size / 2]}")
        println("parse_date_x1000 ${dates.sorted()[dates.size / 2]}")
        println("status_20_counters ${status.sorted()[status.size / 2]}")
        println("clean_time_x1000 ${batches.sorted()[batches.size / 2]}")
    }
}
