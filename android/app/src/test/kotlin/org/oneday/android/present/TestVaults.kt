package org.oneday.android.present

import java.nio.file.Files
import kotlin.test.fail
import org.oneday.ffi.CounterKind
import org.oneday.ffi.CounterSettings
import org.oneday.ffi.CountingMode
import org.oneday.ffi.MilestoneProfile
import org.oneday.ffi.Vault
import org.oneday.ffi.createVault
import org.oneday.ffi.minimumKdfParams

/** Real vaults in temp folders for the presentation tests, made with the cheapest Argon2id cost core accepts. */
object TestVaults {
    /** A new unlocked vault in its own temp folder. */
    fun newVault(): Vault {
        val dir = Files.createTempDirectory("oneday-present-").also { it.toFile().deleteOnExit() }
        return createVault(dir.resolve("vault").toString(), ByteArray(32) { 7 }, minimumKdfParams()).vault
    }

    /** Counter settings with the NA key tags and completed days unless told otherwise. */
    fun settings(
        label: String,
        counting: CountingMode = CountingMode.COMPLETED_DAYS,
        nameInReminders: Boolean = false,
    ) = CounterSettings(
        label = label,
        kind = CounterKind.SUBSTANCE,
        counting = counting,
        profile = MilestoneProfile.NaKeyTags,
        nameInReminders = nameInReminders,
    )
}

/** The value of a call expected to succeed; fails the test with core's message otherwise. */
fun <T> Outcome<T>.done(): T = when (this) {
    is Outcome.Done -> value
    is Outcome.Refused -> fail("expected a value, core refused: ${message.text}")
}

/** The message of a call expected to be refused. */
fun Outcome<*>.refused(): UserMessage = when (this) {
    is Outcome.Done -> fail("expected a refusal, got $value")
    is Outcome.Refused -> message
}
