package oneday.tests

import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertTrue
import oneday.tests.Support.newVault
import org.oneday.ffi.BackupException
import org.oneday.ffi.BackupSecretKind
import org.oneday.ffi.Vault
import org.oneday.ffi.VaultException
import org.oneday.ffi.minimumKdfParams
import org.oneday.ffi.secretsMatch
import org.oneday.ffi.verifyBackup

/**
 * Passphrases cross as the UTF-8 bytes of what was typed; core normalises them (NFC), so the app
 * shapes nothing and "café" typed with a precomposed or a decomposed é is one passphrase.
 */
class SecretsTest {
    private val composed = "caf\u00e9 cr\u00e8me br\u00fbl\u00e9e thursday"
    private val decomposed = "cafe\u0301 cre\u0300me bru\u0302le\u0301e thursday"

    @Test
    fun theTwoSpellingsAreOnePassphrase() {
        assertFalse(composed.toByteArray().contentEquals(decomposed.toByteArray()))
        assertTrue(secretsMatch(composed.toByteArray(), decomposed.toByteArray()))
        assertFalse(secretsMatch(composed.toByteArray(), "cafe creme brulee thursday".toByteArray()))
    }

    @Test
    fun aBackupSealedWithOneSpellingOpensWithTheOther() {
        val (vault, _, _) = newVault()
        vault.use {
            val file = it.exportBackup(decomposed.toByteArray(), BackupSecretKind.PASSPHRASE, minimumKdfParams())
            assertEquals(BackupSecretKind.PASSPHRASE, verifyBackup(file, composed.toByteArray()).header.secretKind)
            assertFailsWith<BackupException.WrongSecret> { verifyBackup(file, "cafe creme brulee thursday".toByteArray()) }
        }
    }

    @Test
    fun aVaultPassphraseSetWithOneSpellingOpensWithTheOther() {
        val (vault, code, dir) = newVault()
        vault.changePassphrase(code, composed.toByteArray(), minimumKdfParams())
        vault.close()
        Vault.openWithRecovery(dir, decomposed.toByteArray()).close()
    }

    @Test
    fun bytesThatAreNotUtf8AreATypedError() {
        val notText = byteArrayOf(0x63, 0xc3.toByte(), 0x28)
        assertFailsWith<VaultException.SecretNotText> { secretsMatch(notText, notText) }
        assertFailsWith<BackupException.SecretNotText> { verifyBackup(ByteArray(64), notText) }
        val (vault, _, dir) = newVault()
        vault.close()
        assertFailsWith<VaultException.SecretNotText> { Vault.openWithRecovery(dir, notText) }
    }
}
