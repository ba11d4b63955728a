package org.oneday.android.present

import java.time.Duration
import java.time.Instant
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertNull
import kotlin.test.assertTrue
import org.oneday.android.present.TestVaults.newVault
import org.oneday.ffi.FeedFormat
import org.oneday.ffi.MeetingFilter
import org.oneday.ffi.MeetingReminder
import org.oneday.ffi.vaultExists

class MeetingReminderAndWipeTest {
    private val feed = """
        [{"name": "Tuesday Online", "slug": "online-tue", "day": 2, "time": "19:00",
          "conference_url": "https://zoom.example/j/42", "timezone": "Europe/Berlin"}]
    """.trimIndent().toByteArray()
    private val monday: Instant = Instant.parse("2024-06-03T08:00:00Z")

    @Test
    fun theChosenReminderIsCoresAndGivesEachOccurrenceItsRemindAt() {
        newVault().use { vault ->
            val meetings = MeetingsModel(vault, "Europe/Berlin")
            meetings.importList(feed, FeedFormat.MEETING_GUIDE, "home").done()
            val id = vault.meetings().single().id
            meetings.setSaved(id, true).done()
            val choice = MeetingReminderChoice(vault)

            val (options, current) = choice.options(id).done()
            assertEquals(MeetingReminder.Off, options[current].reminder)
            assertEquals(
                listOf("Off", "5 minutes before", "10 minutes before", "15 minutes before", "30 minutes before", "1 hour before", "2 hours before", "1 day before"),
                options.map { it.label },
            )
            assertNull(vault.nextMeetings(monday, "Europe/Berlin", 1u, MeetingFilter(), true).occurrences.single().remindAt)

            val fifteen = options.first { it.label == "15 minutes before" }
            assertEquals("Reminder for “Tuesday Online”: 15 minutes before.", choice.choose(id, fifteen).done())
            assertEquals(fifteen.reminder, vault.meeting(id).user.reminder)
            val o = vault.nextMeetings(monday, "Europe/Berlin", 1u, MeetingFilter(), true).occurrences.single()
            assertEquals(Duration.ofMinutes(15), Duration.between(o.remindAt!!.instant, o.startUser.instant))
            assertEquals(3, choice.options(id).done().second)

            assertEquals("No reminder for “Tuesday Online”.", choice.choose(id, options[0]).done())
            assertEquals(MeetingReminder.Off, vault.meeting(id).user.reminder)
        }
    }

    @Test
    fun aReminderSetElsewhereIsOfferedAsItIs() {
        newVault().use { vault ->
            MeetingsModel(vault, "Europe/Berlin").importList(feed, FeedFormat.MEETING_GUIDE, "home").done()
            val id = vault.meetings().single().id
            vault.setMeetingReminder(id, MeetingReminder.MinutesBefore(45u))
            val (options, current) = MeetingReminderChoice(vault).options(id).done()
            assertEquals("45 minutes before", options[current].label)
            assertEquals(MeetingReminderChoice.STANDARD.size + 1, options.size)
            assertEquals("1 minute before", MeetingReminderChoice.before(1u))
            assertEquals("3 hours before", MeetingReminderChoice.before(180u))
            // Core's own limit: at most a week.
            assertTrue(
                MeetingReminderChoice(vault).choose(id, MeetingReminderChoice.option(MeetingReminder.MinutesBefore(20_000u)))
                    .refused().text.isNotBlank(),
            )
        }
    }

    @Test
    fun panicWipeDeletesTheVaultAndLocksTheOpenHandle() {
        newVault().use { vault ->
            vault.addCounter(TestVaults.settings("Alcohol"), java.time.LocalDate.of(2024, 1, 1))
            val dir = vault.dir()
            val order = mutableListOf<String>()
            val wipe = PanicWipe(dir) { order += if (vaultExists(dir)) "key, vault still there" else "key, vault gone" }
            assertEquals("This deletes everything in One Day on this phone. It cannot be undone.", wipe.warning)
            assertTrue(vaultExists(dir))
            wipe.wipe().done()
            assertEquals(listOf("key, vault still there"), order, "the device key goes first")
            assertFalse(vaultExists(dir))
            assertTrue(vault.isLocked())
            assertEquals(UserMessage.LOCKED, TodayModel(vault, java.time.LocalDate.of(2024, 2, 1)).cards().refused())
            // Again (an interrupted wipe is finished the same way): still fine.
            wipe.wipe().done()
        }
    }

    @Test
    fun aKeystoreFailureStillWipesTheVaultAndSaysSo() {
        newVault().use { vault ->
            val dir = vault.dir()
            val wipe = PanicWipe(dir) { throw IllegalStateException("keystore busy") }
            val refused = wipe.wipe()
            assertFalse(vaultExists(dir), "the vault is wiped whatever happened to the key")
            assertEquals(
                UserMessage(PanicWipe.KEY_NOT_DESTROYED, UserMessage.Action.TRY_AGAIN),
                (refused as Outcome.Refused).message,
            )
        }
    }

    @Test
    fun aDamagedRecoverySlotIsFoundAtOpenAndANewCodeIsOffered() {
        val dir: String
        newVault().use { vault ->
            dir = vault.dir()
            assertNull(RecoverySlotCheck(vault).warning().done())
        }
        damageRecoverySlot(java.io.File(dir, "vault.db"))
        org.oneday.ffi.Vault.openWithDeviceKey(dir, ByteArray(32) { 7 }).use { vault ->
            val check = RecoverySlotCheck(vault)
            assertEquals(RecoverySlotCheck.WARNING, check.warning().done())
            val code = check.newCode().done()
            assertEquals(39, code.size)
            assertNull(check.warning().done())
        }
    }

    /**
     * Flips a byte inside the recovery slot, as a bad block would: the slot is found by its header
     * (format 1, recovery, AES-GCM, a key id, a recovery code, m = 19456 KiB, t = 2, p = 1).
     */
    private fun damageRecoverySlot(db: java.io.File) {
        val bytes = db.readBytes()
        val kdf = byteArrayOf(1, 0, 0, 0x4C, 0, 0, 0, 0, 2, 0, 0, 0, 1)
        var found = 0
        for (at in 0 until bytes.size - 128) {
            if (bytes[at] == 1.toByte() && bytes[at + 1] == 2.toByte() && bytes[at + 2] == 1.toByte() &&
                kdf.indices.all { bytes[at + 7 + it] == kdf[it] }
            ) {
                bytes[at + 60] = (bytes[at + 60].toInt() xor 1).toByte()
                found++
            }
        }
        assertTrue(found > 0, "no recovery slot found in the file")
        db.writeBytes(bytes)
    }
}
