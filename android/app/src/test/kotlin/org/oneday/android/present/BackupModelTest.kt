package org.oneday.android.present

import java.nio.file.Files
import java.time.LocalDate
import java.time.ZoneId
import java.time.ZonedDateTime
import java.util.Locale
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertIs
import kotlin.test.assertNull
import kotlin.test.assertTrue
import org.oneday.android.present.TestVaults.newVault
import org.oneday.ffi.BackupHeader
import org.oneday.ffi.BackupKindCount
import org.oneday.ffi.BackupRecordKind
import org.oneday.ffi.BackupSecretKind
import org.oneday.ffi.BackupSummary
import org.oneday.ffi.ContactRole
import org.oneday.ffi.KindRestoreReport
import org.oneday.ffi.NewContact
import org.oneday.ffi.RestoreReport
import org.oneday.ffi.Vault
import org.oneday.ffi.createVault
import org.oneday.ffi.minimumKdfParams
import org.oneday.ffi.readBackupHeader

class BackupModelTest {
    private val zone: ZoneId = ZoneId.of("Europe/Berlin")
    private val today: LocalDate = LocalDate.of(2026, 11, 29)
    private val passphrase = "blue kettle on the hill"

    private fun model(vault: Vault) = BackupModel(vault, zone, Locale.US, minimumKdfParams())

    /** A vault with a counter and two contacts. */
    private fun filled(vault: Vault): Vault {
        vault.addCounter(TestVaults.settings("Alcohol"), LocalDate.of(2024, 1, 1))
        vault.addContact(NewContact("Sam", ContactRole.SPONSOR, "+44 7700 900123", true))
        vault.addContact(NewContact("Ana", ContactRole.FRIEND, "+44 7700 900456", false))
        return vault
    }

    private fun exported(vault: Vault): ByteArray =
        model(vault).export(BackupSecretChoice.PASSPHRASE, passphrase, passphrase, today).done().bytes

    private fun labels(vault: Vault) = vault.counters().map { it.settings.label }.sorted()

    private fun names(vault: Vault) = vault.contacts().map { it.name }

    @Test
    fun exportWithAPassphraseTypedTwiceGivesCoresFileAndANeutralName() {
        newVault().use { vault ->
            filled(vault)
            val backup = model(vault)
            assertEquals(listOf("My recovery code", "A passphrase"), backup.secretChoices.map { it.label })

            assertEquals(
                BackupModel.PASSPHRASES_DIFFER,
                backup.export(BackupSecretChoice.PASSPHRASE, passphrase, "$passphrase!", today).refused(),
            )
            // Core's minimum, as a sentence (the typed text is not in it).
            val short = backup.export(BackupSecretChoice.PASSPHRASE, "abc", "abc", today).refused()
            assertEquals("A passphrase needs at least 8 characters.", short.text)

            val file = backup.export(BackupSecretChoice.PASSPHRASE, passphrase, passphrase, today).done()
            assertEquals("backup-2026-11-29", file.suggestedName)
            for (name in listOf("oneday", "one day", "one-day", "alcohol")) {
                assertFalse(file.suggestedName.lowercase().contains(name), file.suggestedName)
            }
            assertNull(readBackupHeader(file.bytes), "a sealed file says nothing before it is opened")
            assertFalse(String(file.bytes, Charsets.ISO_8859_1).contains("Alcohol"), "the file is sealed")
        }
    }

    @Test
    fun exportWithTheRecoveryCodeTakesOnlyThisVaultsCode() {
        val dir = Files.createTempDirectory("oneday-present-").also { it.toFile().deleteOnExit() }
        val created = createVault(dir.resolve("vault").toString(), ByteArray(32) { 7 }, minimumKdfParams())
        val code = String(created.recoveryCode, Charsets.UTF_8)
        created.vault.use { vault ->
            filled(vault)
            val backup = model(vault)
            newVault().use { other ->
                // Another vault's code, or something that is no code at all: refused before sealing.
                val othersCode = createVault(
                    Files.createTempDirectory("oneday-present-").resolve("v").toString(),
                    ByteArray(32) { 9 },
                    minimumKdfParams(),
                ).also { it.vault.close() }.recoveryCode
                val wrong = backup.export(BackupSecretChoice.RECOVERY_CODE, String(othersCode, Charsets.UTF_8), "", today)
                assertEquals(BackupModel.NOT_THIS_RECOVERY_CODE, wrong.refused())
                assertEquals(
                    BackupModel.NOT_THIS_RECOVERY_CODE,
                    backup.export(BackupSecretChoice.RECOVERY_CODE, "my code", "", today).refused(),
                )
                assertFalse(vault.isLocked(), "a wrong code leaves the vault as it was")

                // Typed back in lower case without dashes: core's normalisation.
                val typed = code.replace("-", "").lowercase()
                val file = backup.export(BackupSecretChoice.RECOVERY_CODE, typed, "", today).done()
                assertNull(readBackupHeader(file.bytes))

                val restore = model(other)
                val ask = restore.open(file.bytes).done()
                assertNull(ask.kind, "one field takes either secret")
                assertTrue(ask.prompt.contains("recovery code"), ask.prompt)
                assertIs<RestoreStep.Restored>(restore.restore(file.bytes, ask, code).done())
                assertEquals(listOf("Alcohol"), labels(other))
            }
        }
    }

    @Test
    fun restoreIntoANewPhoneShowsWhatIsInsideThenRestoresEverything() {
        newVault().use { old ->
            filled(old)
            val file = exported(old)
            newVault().use { new ->
                val restore = model(new)
                val ask = restore.open(file).done()
                assertNull(ask.kind)
                assertEquals(
                    "Type the passphrase chosen when this backup was made, or the recovery code if it was made with that.",
                    ask.prompt,
                )

                val wrong = restore.preview(file, ask, "not the passphrase").refused()
                assertEquals(
                    "That passphrase or recovery code doesn't open this file. Check it and try again; if it still " +
                        "doesn't open, the file may not be a One Day backup, or may be damaged. Your data here is unchanged.",
                    wrong.text,
                )
                assertEquals(UserMessage.Action.NONE, wrong.action)

                val made = LocalDate.now(zone).format(java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", Locale.US))
                val preview = restore.preview(file, ask, passphrase).done()
                assertEquals("Made on $made: 1 counter, 2 contacts.", preview.summary)
                assertEquals(emptyList(), labels(new), "a preview writes nothing")

                val done = assertIs<RestoreStep.Restored>(restore.restore(file, ask, passphrase).done())
                assertEquals("Restored: 3 added, 0 updated, 0 unchanged.", done.report)
                assertEquals(labels(old), labels(new))
                assertEquals(names(old), names(new))
            }
        }
    }

    @Test
    fun aVaultInUseIsOnlyMergedAfterTheQuestionAndNothingIsDeleted() {
        newVault().use { old ->
            filled(old)
            val file = exported(old)
            newVault().use { mine ->
                mine.addCounter(TestVaults.settings("Gambling"), LocalDate.of(2025, 5, 5))
                mine.addContact(NewContact("Sam", ContactRole.SPONSOR, "+44 7700 900123", true))
                val restore = model(mine)
                val ask = restore.open(file).done()

                assertEquals(RestoreStep.AskToMerge, restore.restore(file, ask, passphrase).done())
                assertEquals(listOf("Gambling"), labels(mine), "nothing written before the user agreed")
                assertTrue(restore.mergeQuestion.contains("Nothing is deleted."), restore.mergeQuestion)

                val report = restore.merge(file, ask, passphrase).done()
                // Alcohol and Ana are new; Sam is the same contact (name and number) and stays as he is.
                assertEquals("Restored: 2 added, 0 updated, 1 unchanged.", report)
                assertEquals(listOf("Alcohol", "Gambling"), labels(mine))
                assertEquals(listOf("Sam", "Ana"), names(mine))

                // The same backup again: everything is already here.
                assertEquals("Restored: 0 added, 0 updated, 3 unchanged.", restore.merge(file, ask, passphrase).done())
            }
        }
    }

    @Test
    fun twoPhonesWithDifferentRelapsesKeepBothCounters() {
        newVault().use { a ->
            val counter = a.addCounter(TestVaults.settings("Alcohol"), LocalDate.of(2024, 1, 1))
            newVault().use { b ->
                val first = exported(a)
                val restoreB = model(b)
                assertIs<RestoreStep.Restored>(restoreB.restore(first, restoreB.open(first).done(), passphrase).done())
                // Each phone records its own relapse of the same run.
                a.resetCounter(counter.id, LocalDate.of(2024, 3, 1), null, null)
                b.resetCounter(counter.id, LocalDate.of(2024, 4, 1), null, null)

                val second = exported(a)
                val report = restoreB.merge(second, restoreB.open(second).done(), passphrase).done()
                assertEquals(
                    "Restored: 1 added, 0 updated, 0 unchanged.\n" +
                        "1 counter is here twice: the two phones recorded different relapses for it, so both versions were kept.",
                    report,
                )
                assertEquals(listOf("Alcohol", "Alcohol"), labels(b))
            }
        }
    }

    /** A format-1 file as docs/backup-format.md lays it out: its clear header, then a 16-byte ciphertext. */
    private fun formatOne(version: Int): ByteArray = java.nio.ByteBuffer.allocate(76 + 16).apply {
        put("ONEDAYBK".toByteArray()).putShort(version.toShort()).put(1).put(2).putInt(19456).putInt(2).putInt(1)
        position(52)
        putLong(16)
    }.array()

    @Test
    fun everyFileProblemIsASentenceAndChangesNothing() {
        newVault().use { old ->
            filled(old)
            val file = exported(old)
            newVault().use { mine ->
                mine.addCounter(TestVaults.settings("Gambling"), LocalDate.of(2025, 5, 5))
                val restore = model(mine)
                val ask = restore.open(file).done()
                val damagedText = "The file is damaged or incomplete. Your data here is unchanged."

                val flipped = file.copyOf().also { it[it.size - 40] = (it[it.size - 40].toInt() xor 1).toByte() }
                assertEquals(damagedText, restore.preview(flipped, ask, passphrase).refused().text)
                assertEquals(damagedText, restore.merge(flipped, ask, passphrase).refused().text)

                // A sealed file shows it was cut short once the passphrase opens it.
                val cut = file.copyOf(file.size - 100)
                assertEquals(damagedText, restore.preview(cut, restore.open(cut).done(), passphrase).refused().text)
                assertEquals(damagedText, restore.merge(cut, ask, passphrase).refused().text)

                // An old (format-1) file names its secret in its clear header; one claiming a newer version
                // asks for an update.
                val old = restore.open(formatOne(version = 1)).done()
                assertEquals(BackupSecretKind.PASSPHRASE, old.kind)
                assertEquals("This backup opens with the passphrase chosen when it was made.", old.prompt)
                val update = restore.open(formatOne(version = 2)).refused().text
                assertTrue(update.contains("Update One Day"), update)
                assertTrue(update.endsWith("Your data here is unchanged."), update)

                val notABackup = restore.open("[{\"name\": \"a meeting list\"}]".toByteArray()).refused().text
                assertEquals("This file is not a One Day backup. Your data here is unchanged.", notABackup)

                assertEquals(listOf("Gambling"), labels(mine))
            }
        }
    }

    @Test
    fun aLockedVaultAsksToUnlock() {
        newVault().use { vault ->
            filled(vault)
            val file = exported(vault)
            vault.lock()
            val backup = model(vault)
            assertEquals(UserMessage.LOCKED, backup.export(BackupSecretChoice.PASSPHRASE, passphrase, passphrase, today).refused())
            assertEquals(UserMessage.LOCKED, backup.merge(file, backup.open(file).done(), passphrase).refused())
        }
    }

    @Test
    fun theSummaryAndTheReportAreWordedFromCoresCounts() {
        newVault().use { vault ->
            val backup = model(vault)
            val header = BackupHeader(1u, BackupSecretKind.PASSPHRASE, minimumKdfParams())
            // 23:30 UTC on 28 November is already the 29th in Berlin.
            val made = ZonedDateTime.of(2026, 11, 28, 23, 30, 0, 0, ZoneId.of("UTC")).toInstant().toEpochMilli()
            val counts = listOf(
                BackupKindCount(BackupRecordKind.COUNTER, 2u),
                BackupKindCount(BackupRecordKind.SETTING, 0u),
                BackupKindCount(BackupRecordKind.MEETING, 0u),
                BackupKindCount(BackupRecordKind.MEETING_SOURCE, 1u),
                BackupKindCount(BackupRecordKind.CONTACT, 1u),
                BackupKindCount(BackupRecordKind.PLAN, 2u),
                BackupKindCount(BackupRecordKind.CHECK_IN, 14u),
            )
            assertEquals(
                "Made on 29 Nov 2026: 2 counters, 1 meeting list, 1 contact, 2 plans, 14 check-ins.",
                backup.summaryLine(BackupSummary(header, made, counts)),
            )
            assertEquals(
                "Made on 29 Nov 2026: nothing in it yet.",
                backup.summaryLine(BackupSummary(header, made, counts.map { it.copy(count = 0u) })),
            )
            val kinds = listOf(KindRestoreReport(BackupRecordKind.COUNTER, 1u, 2u, 3u, 2u))
            assertEquals(
                "Restored: 1 added, 2 updated, 3 unchanged.\n" +
                    "2 counters are here twice: the two phones recorded different relapses for them, so both versions were kept.",
                backup.reportText(RestoreReport(kinds, 1u, 2u, 3u, 2u)),
            )
        }
    }
}
