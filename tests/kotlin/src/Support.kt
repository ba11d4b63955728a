package oneday.tests

import java.nio.file.Files
import java.nio.file.Path
import java.time.LocalDate
import org.oneday.ffi.CounterKind
import org.oneday.ffi.CounterSettings
import org.oneday.ffi.CountingMode
import org.oneday.ffi.MilestoneProfile
import org.oneday.ffi.Vault
import org.oneday.ffi.createVault
import org.oneday.ffi.minimumKdfParams

/** Shared fixtures: temp folders, keys and vaults made with the cheapest Argon2id cost core accepts. */
object Support {
    fun date(y: Int, m: Int, d: Int): LocalDate = LocalDate.of(y, m, d)

    /** A fresh folder for one vault; the vault itself is created inside it as `vault/`. */
    fun tempDir(): Path = Files.createTempDirectory("oneday-kt-").also { it.toFile().deleteOnExit() }

    fun deviceKey(fill: Int = 7): ByteArray = ByteArray(32) { fill.toByte() }

    /** A new unlocked vault in a temp folder, and its recovery code. */
    fun newVault(key: ByteArray = deviceKey()): Triple<Vault, ByteArray, String> {
        val dir = tempDir().resolve("vault").toString()
        val created = createVault(dir, key, minimumKdfParams())
        return Triple(created.vault, created.recoveryCode, dir)
    }

    fun settings(
        label: String,
        profile: MilestoneProfile = MilestoneProfile.NaKeyTags,
        counting: CountingMode = CountingMode.COMPLETED_DAYS,
    ) = CounterSettings(label = label, kind = CounterKind.SUBSTANCE, counting = counting, profile = profile)
}
