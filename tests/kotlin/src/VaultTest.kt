package oneday.tests

import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertTrue
import oneday.tests.Support.date
import oneday.tests.Support.deviceKey
import oneday.tests.Support.newVault
import oneday.tests.Support.settings
import org.oneday.ffi.CleanTimeException
import org.oneday.ffi.Vault
import org.oneday.ffi.VaultException
import org.oneday.ffi.KeySlotHealth
import org.oneday.ffi.SlotState
import org.oneday.ffi.checkPassphrase
import org.oneday.ffi.createVault
import org.oneday.ffi.destroyFile
import org.oneday.ffi.minimumKdfParams
import org.oneday.ffi.vaultExists
import org.oneday.ffi.wipeVault

class VaultTest {
    @Test
    fun createShowsARecoveryCodeOfEightGroupsOfFour() {
        val (vault, code, dir) = newVault()
        vault.use {
            val text = String(code, Charsets.UTF_8)
            assertTrue(Regex("^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$").matches(text), text)
            assertFalse(it.isLocked())
            assertTrue(it.hasDeviceSlot())
            assertTrue(vaultExists(dir))
        }
    }

    @Test
    fun lockAndUnlockWithTheDeviceKeyAndWithTheRecoveryCode() {
        val (vault, code, _) = newVault()
        vault.use {
            val id = it.addCounter(settings("Clean"), date(2024, 1, 1)).id
            it.lock()
            assertTrue(it.isLocked())
            assertFailsWith<CleanTimeException.Locked> { it.counters() }
            it.unlockWithDeviceKey(deviceKey())
            assertEquals(id, it.counter(id).id)
            it.lock()
            it.unlockWithRecovery(code)
            assertEquals(listOf(id), it.counters().map { c -> c.id })
        }
    }

    @Test
    fun reopenWithTheDeviceKeyOrTheRecoveryCodeTypedLoosely() {
        val (vault, code, dir) = newVault()
        val id = vault.use { it.addCounter(settings("Clean"), date(2024, 1, 1)).id }
        Vault.openWithDeviceKey(dir, deviceKey()).use { assertEquals(id, it.counters().single().id) }
        val typed = String(code, Charsets.UTF_8).lowercase().replace("-", " ").toByteArray()
        Vault.openWithRecovery(dir, typed).use { assertEquals(id, it.counters().single().id) }
    }

    @Test
    fun wrongSecretsThrowTheirOwnExceptionClass() {
        val (vault, _, dir) = newVault()
        vault.close()
        assertFailsWith<VaultException.WrongDeviceKey> { Vault.openWithDeviceKey(dir, deviceKey(8)) }
        assertFailsWith<VaultException.InvalidDeviceKey> { Vault.openWithDeviceKey(dir, ByteArray(31)) }
        val wrong = "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA".toByteArray()
        assertFailsWith<VaultException.WrongRecoverySecret> { Vault.openWithRecovery(dir, wrong) }
        assertFailsWith<VaultException.MalformedRecoveryCode> { Vault.openWithRecovery(dir, "nope".toByteArray()) }
        assertFailsWith<VaultException.NotFound> { Vault.openWithDeviceKey("$dir-missing", deviceKey()) }
        val e = assertFailsWith<VaultException.AlreadyExists> { createVault(dir, deviceKey(), minimumKdfParams()) }
        assertEquals("a vault already exists in this folder", e.message)
    }

    @Test
    fun tooWeakKdfParamsAreRefused() {
        val dir = Support.tempDir().resolve("v").toString()
        val weak = minimumKdfParams().copy(memoryKib = 1024u)
        assertFailsWith<VaultException.InvalidKdfParams> { createVault(dir, deviceKey(), weak) }
    }

    @Test
    fun passphraseRecoveryCodeAndDeviceSlotChangesAskForTheCurrentSecret() {
        val (vault, code, dir) = newVault()
        val passphrase = "lantern orbit pickle thursday".toByteArray()
        vault.use {
            assertFailsWith<VaultException.CurrentSecretNeeded> { it.changePassphrase(null, passphrase, minimumKdfParams()) }
            assertFailsWith<VaultException.PassphraseTooShort> { it.changePassphrase(code, "short".toByteArray(), minimumKdfParams()) }
            val weak = assertFailsWith<VaultException.WeakPassphrase> {
                it.changePassphrase(code, "password1".toByteArray(), minimumKdfParams())
            }
            assertTrue(weak.message!!.contains("too easy to guess"), weak.message)
            it.changePassphrase(code, passphrase, minimumKdfParams())
            it.rotateDataKey(passphrase)
            assertFailsWith<VaultException.WrongRecoverySecret> { it.removeDeviceSlot(code) }
            assertTrue(it.hasDeviceSlot())
            it.removeDeviceSlot(passphrase)
            assertFalse(it.hasDeviceSlot())
        }
        assertFailsWith<VaultException.NoDeviceSlot> { Vault.openWithDeviceKey(dir, deviceKey()) }
        assertFailsWith<VaultException.WrongRecoverySecret> { Vault.openWithRecovery(dir, code) }
        Vault.recover(dir, passphrase, deviceKey(9)).use {
            assertEquals(KeySlotHealth(SlotState.INTACT, SlotState.INTACT, false), it.keySlotHealth())
            val fresh = it.newRecoveryCode(passphrase, minimumKdfParams())
            assertEquals(39, fresh.size)
        }
        Vault.openWithDeviceKey(dir, deviceKey(9)).use { assertFalse(it.isLocked()) }
        assertFailsWith<VaultException.WeakPassphrase> { checkPassphrase("12345678".toByteArray()) }
        checkPassphrase(passphrase)
    }

    @Test
    fun aHandleWhoseKeyWasRotatedElsewhereWritesNothing() {
        val (first, code, dir) = newVault()
        first.use { a ->
            Vault.openWithDeviceKey(dir, deviceKey()).use { b ->
                a.rotateDataKey(code)
                val e = assertFailsWith<CleanTimeException.VaultFailure> { b.addCounter(settings("Clean"), date(2024, 1, 1)) }
                assertTrue(e.message!!.contains("keys were changed"), e.message)
                assertEquals(0, a.counters().size)
            }
        }
    }

    @Test
    fun destroyFileOverwritesAndRemovesIt() {
        val file = Support.tempDir().resolve("device-key.bin").toFile()
        file.writeBytes(ByteArray(61) { 7 })
        destroyFile(file.path)
        assertFalse(file.exists())
        destroyFile(file.path) // already gone: fine
    }

    @Test
    fun closeAndUseReleaseTheObject() {
        val (vault, _, dir) = newVault()
        vault.close()
        assertFailsWith<IllegalStateException> { vault.isLocked() }
        vault.close() // closing twice is harmless
        val again = Vault.openWithDeviceKey(dir, deviceKey())
        again.use { assertFalse(it.isLocked()) }
        assertFailsWith<IllegalStateException> { again.counters() }
    }

    @Test
    fun wipeDestroysTheVaultAndLocksOpenHandles() {
        val (vault, code, dir) = newVault()
        vault.use {
            wipeVault(dir)
            assertFalse(vaultExists(dir))
            assertFailsWith<CleanTimeException.Locked> { it.counters() }
            assertFailsWith<VaultException.Wiped> { it.unlockWithRecovery(code) }
        }
        assertFailsWith<VaultException.NotFound> { Vault.openWithRecovery(dir, code) }
        wipeVault(dir) // nothing left to wipe: fine
    }
}
