package oneday.tests

import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertNull
import kotlin.test.assertTrue
import oneday.tests.Support.date
import oneday.tests.Support.newVault
import oneday.tests.Support.settings
import org.oneday.ffi.BackupException
import org.oneday.ffi.BackupHeader
import org.oneday.ffi.BackupRecordKind
import org.oneday.ffi.BackupSecretKind
import org.oneday.ffi.CheckIn
import org.oneday.ffi.ContactEntry
import org.oneday.ffi.ContactRole
import org.oneday.ffi.Medication
import org.oneday.ffi.NewContact
import org.oneday.ffi.PlanKind
import org.oneday.ffi.SafetyPlan
import org.oneday.ffi.Vault
import org.oneday.ffi.minimumKdfParams
import org.oneday.ffi.readBackupHeader
import org.oneday.ffi.suggestedBackupFileName
import org.oneday.ffi.verifyBackup

/** Encrypted backups through the FFI: every rule is core's; these check what crosses. */
class BackupTest {
    private val passphrase = "a long passphrase, 日本".toByteArray(Charsets.UTF_8)
    private val today = date(2024, 5, 10)

    /** A vault holding a counter with a reset, a contact, a safety plan, a check-in and the region. */
    private fun fill(vault: Vault) {
        val c = vault.addCounter(settings("Alcohol"), date(2023, 1, 1))
        vault.resetCounter(c.id, date(2023, 4, 11), note = "a hard week")
        vault.addContact(NewContact("Sam", ContactRole.SPONSOR, "+1 (555) 010-0100", smsAllowed = true))
        vault.saveSafetyPlan(
            SafetyPlan(
                warningSigns = listOf("Not sleeping"),
                helpPeople = listOf(ContactEntry("Mum", phone = "+44 20 7946 0018")),
                reasonForLiving = "My daughter",
            ),
        )
        vault.recordCheckIn(
            CheckIn(date = date(2024, 5, 9), mood = 4u.toUByte(), craving = 2u.toUByte(), medication = Medication.TAKEN, journal = "calm day"),
            today,
        )
        vault.setRegion("IE")
    }

    /** Everything the readers show, to compare two vaults (or one before and after). */
    private fun snapshot(vault: Vault): List<Any?> = listOf(
        vault.counters(),
        vault.contacts(),
        vault.safetyPlan(),
        vault.planHistory(PlanKind.SAFETY),
        vault.checkIns(date(2024, 1, 1), today),
        vault.region(),
    )

    /**
     * A format-1 file as docs/backup-format.md lays it out: its clear header (passphrase, the floor's
     * Argon2id cost, zero salt, nonce and check) and a 16-byte ciphertext.
     */
    private fun formatOneHeader(version: Int): ByteArray {
        val b = java.nio.ByteBuffer.allocate(76 + 16)
        b.put("ONEDAYBK".toByteArray()).putShort(version.toShort()).put(1).put(2)
        b.putInt(19456).putInt(2).putInt(1)
        b.position(52)
        b.putLong(16)
        return b.array()
    }

    private fun export(vault: Vault): ByteArray =
        vault.exportBackup(passphrase, BackupSecretKind.PASSPHRASE, minimumKdfParams())

    @Test
    fun aRoundTripIntoANewVaultKeepsEverything() {
        newVault().first.use { old ->
            fill(old)
            val file = export(old)

            // A sealed (format 2) file says nothing before it is opened.
            assertNull(readBackupHeader(file))

            val summary = verifyBackup(file, passphrase)
            assertEquals(BackupHeader(2u, BackupSecretKind.PASSPHRASE, minimumKdfParams()), summary.header)
            val counts = summary.records.associate { it.kind to it.count.toInt() }
            assertEquals(
                mapOf(
                    BackupRecordKind.COUNTER to 1, BackupRecordKind.SETTING to 1, BackupRecordKind.MEETING to 0,
                    BackupRecordKind.MEETING_SOURCE to 0, BackupRecordKind.CONTACT to 1, BackupRecordKind.PLAN to 1,
                    BackupRecordKind.CHECK_IN to 1, BackupRecordKind.MEETING_CHUNK to 0,
                    BackupRecordKind.MEETING_MINE to 0,
                ),
                counts,
            )
            assertEquals(BackupRecordKind.entries.size, summary.records.size)
            val age = System.currentTimeMillis() - summary.madeAtEpochMillis
            assertTrue(age in 0..3_600_000, "made $age ms ago")

            newVault().first.use { new ->
                val report = new.restoreBackup(file, passphrase, merge = false)
                assertEquals(5u, report.added)
                assertEquals(0u, report.updated + report.unchanged + report.keptBoth)
                assertEquals(1u, report.kinds.single { it.kind == BackupRecordKind.CONTACT }.added)
                assertEquals(snapshot(old), snapshot(new))
                assertEquals(2, new.counters().single().attempts.size)
                assertEquals("IE", new.region())
            }
        }
    }

    @Test
    fun underTheRecoveryCodeTypedInLowerCaseWithoutDashes() {
        val (vault, code, _) = newVault()
        vault.use { old ->
            fill(old)
            val file = old.exportBackup(code, BackupSecretKind.RECOVERY_CODE, minimumKdfParams())
            assertNull(readBackupHeader(file))
            // A code that is not this vault's seals nothing.
            val otherCode = newVault().let { (other, otherCode, _) -> other.close(); otherCode }
            assertFailsWith<BackupException.NotThisVaultsRecoveryCode> {
                old.exportBackup(otherCode, BackupSecretKind.RECOVERY_CODE, minimumKdfParams())
            }
            val typed = String(code, Charsets.UTF_8).replace("-", "").lowercase().toByteArray(Charsets.UTF_8)
            assertEquals(BackupSecretKind.RECOVERY_CODE, verifyBackup(file, typed).header.secretKind)
            newVault().first.use { new ->
                assertEquals(5u, new.restoreBackup(file, typed, merge = false).added)
                assertEquals(snapshot(old), snapshot(new))
            }
        }
    }

    @Test
    fun mergingABackupIntoItsOwnVaultChangesNothing() {
        newVault().first.use { vault ->
            fill(vault)
            val file = export(vault)
            val before = snapshot(vault)
            val report = vault.restoreBackup(file, passphrase, merge = true)
            assertEquals(5u, report.unchanged)
            assertEquals(0u, report.added)
            assertEquals(0u, report.updated)
            assertEquals(0u, report.keptBoth)
            assertEquals(before, snapshot(vault))
        }
    }

    @Test
    fun restoringIntoAVaultInUseWithoutMergeIsRefusedAndChangesNothing() {
        newVault().first.use { vault ->
            fill(vault)
            val file = export(vault)
            val before = snapshot(vault)
            val e = assertFailsWith<BackupException.VaultNotEmpty> {
                vault.restoreBackup(file, passphrase, merge = false)
            }
            assertEquals(5uL, e.records)
            assertEquals(before, snapshot(vault))
        }
    }

    @Test
    fun aWrongSecretADamagedFileAndACutFileAreToldApart() {
        newVault().first.use { old ->
            fill(old)
            val file = export(old)
            newVault().first.use { new ->
                val wrong = "not the passphrase".toByteArray()
                val e = assertFailsWith<BackupException.WrongSecret> { new.restoreBackup(file, wrong, merge = false) }
                assertFalse(e.toString().contains("not the passphrase"))
                assertFailsWith<BackupException.WrongSecret> { verifyBackup(file, wrong) }

                val flipped = file.copyOf().also { it[it.size - 20] = (it[it.size - 20].toInt() xor 0x01).toByte() }
                assertFailsWith<BackupException.Damaged> { new.restoreBackup(flipped, passphrase, merge = false) }

                val cut = file.copyOf(file.size - 10)
                val t = assertFailsWith<BackupException.Truncated> { new.restoreBackup(cut, passphrase, merge = false) }
                assertEquals(file.size.toULong(), t.expected)
                assertEquals(cut.size.toULong(), t.found)

                // Damage at the start of a sealed file cannot be told from a wrong secret.
                val start = file.copyOf().also { it[30] = (it[30].toInt() xor 0x01).toByte() }
                assertFailsWith<BackupException.WrongSecret> { new.restoreBackup(start, passphrase, merge = false) }

                // A format-1 file keeps its clear header, and one claiming a newer version asks for an update.
                assertEquals(
                    BackupHeader(1u, BackupSecretKind.PASSPHRASE, minimumKdfParams()),
                    readBackupHeader(formatOneHeader(version = 1)),
                )
                val newer = formatOneHeader(version = 2)
                val n = assertFailsWith<BackupException.NewerFormat> { readBackupHeader(newer) }
                assertEquals(2.toUShort(), n.version)
                assertFailsWith<BackupException.NewerFormat> { new.restoreBackup(newer, passphrase, merge = false) }

                assertFailsWith<BackupException.NotABackup> { readBackupHeader("hello".toByteArray()) }

                // None of these wrote anything.
                assertTrue(new.counters().isEmpty())
                assertTrue(new.contacts().isEmpty())
                assertEquals(null, new.region())
            }
        }
    }

    @Test
    fun aShortOrWeakPassphraseAndALockedVaultAreRefused() {
        newVault().first.use { vault ->
            fill(vault)
            val short = assertFailsWith<BackupException.PassphraseTooShort> {
                vault.exportBackup("short".toByteArray(), BackupSecretKind.PASSPHRASE, minimumKdfParams())
            }
            assertEquals(8u, short.min)
            val weak = assertFailsWith<BackupException.WeakPassphrase> {
                vault.exportBackup("password1".toByteArray(), BackupSecretKind.PASSPHRASE, minimumKdfParams())
            }
            assertTrue(weak.reason.contains("too easy to guess"), weak.reason)
            val file = export(vault)
            vault.lock()
            assertFailsWith<BackupException.Locked> { export(vault) }
            assertFailsWith<BackupException.Locked> { vault.restoreBackup(file, passphrase, merge = true) }
        }
    }

    @Test
    fun theSuggestedFileNameIsTheDateAndNothingElse() {
        val name = suggestedBackupFileName(date(2026, 11, 29))
        assertEquals("backup-2026-11-29", name)
        assertFalse(name.lowercase().contains("oneday"))
        assertFalse(name.lowercase().contains("one day"))
    }
}
