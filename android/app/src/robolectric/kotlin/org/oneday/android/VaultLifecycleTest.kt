package org.oneday.android

import android.app.AlertDialog
import android.content.Intent
import android.widget.EditText
import java.io.File
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNotEquals
import org.junit.Assert.assertNotNull
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Test
import org.junit.runner.RunWith
import org.oneday.ffi.vaultExists
import org.robolectric.RobolectricTestRunner
import org.robolectric.shadows.ShadowBiometricPrompt

/**
 * The vault's life on the phone: Today on core's numbers (add, reset with a note), the Keystore key
 * lost (recovery code), the app lock, the panic wipe, and an activity recreated with its state.
 */
@RunWith(RobolectricTestRunner::class)
class VaultLifecycleTest : AppUnderTest() {
    @Test
    fun todayShowsCoresNumbersAddsACounterAndResetsWithANote() {
        seedVault { it.addCounter(TestData.counter("Alcohol"), TestData.daysAgo(45)) }
        val days = withVault { it.status(TestData.today()).single().cleanTime.totalDays }
        val activity = launch { hasTextContaining(it, "Alcohol") }
        assertTrue("core's $days on Today: ${texts(activity)}", texts(activity).any { Regex("\\b$days\\b").containsMatchIn(it) })

        // Add a counter through the form.
        tap(activity, "Add a counter")
        val form = shownDialog() as AlertDialog
        views(form.window!!.decorView).filterIsInstance<EditText>().first().setText("Gambling")
        form.getButton(AlertDialog.BUTTON_POSITIVE).performClick()
        settle(activity)
        waitFor("the new card") { hasTextContaining(activity, "Gambling") }
        assertEquals(setOf("Alcohol", "Gambling"), withVault { v -> v.counters().map { it.settings.label }.toSet() })

        // Reset "Alcohol" with a note: core keeps the old attempt and the note.
        val resets = views(activity).filter { it is android.widget.Button && it.text == ShellLabels.RESET }
        resets.first().performClick()
        settle(activity)
        val reset = shownDialog() as AlertDialog
        views(reset.window!!.decorView).filterIsInstance<EditText>().single().setText("a hard night")
        reset.getButton(AlertDialog.BUTTON_POSITIVE).performClick()
        settle(activity)
        val alcohol = withVault { v -> v.counters().single { it.settings.label == "Alcohol" } }
        assertEquals(2, alcohol.attempts.size)
        assertEquals("a hard night", alcohol.attempts.first().end?.note)
    }

    @Test
    fun aLostKeystoreKeyLeadsToTheRecoveryCodeAndANewKey() {
        val code = seedVault { it.addCounter(TestData.counter("Alcohol"), TestData.daysAgo(3)) }
        val oldKey = FakeAndroidKeyStore.entries.getValue(DeviceKeyStore.ALIAS)
        FakeAndroidKeyStore.forget(DeviceKeyStore.ALIAS)

        val activity = launch { hasText(it, ShellLabels.RECOVERY_TITLE) }
        assertFalse(hasTextContaining(activity, "Alcohol"))
        views(activity).filterIsInstance<EditText>().single().setText(code)
        tap(activity, ShellLabels.RECOVERY_OPEN)
        waitFor("Today after recovery") { hasTextContaining(activity, "Alcohol") }

        val newKey = FakeAndroidKeyStore.entries[DeviceKeyStore.ALIAS]
        assertNotNull("a new Keystore key", newKey)
        assertNotEquals(oldKey, newKey)
        // The next start needs no code: the new device key opens the vault.
        assertEquals(listOf("Alcohol"), withVault { v -> v.counters().map { it.settings.label } })
    }

    @Test
    fun aWrongRecoveryCodeIsRefusedAndLosesNothing() {
        seedVault { it.addCounter(TestData.counter("Alcohol"), TestData.daysAgo(3)) }
        FakeAndroidKeyStore.forget(DeviceKeyStore.ALIAS)
        val activity = launch { hasText(it, ShellLabels.RECOVERY_TITLE) }
        views(activity).filterIsInstance<EditText>().single().setText("AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA")
        tap(activity, ShellLabels.RECOVERY_OPEN)
        waitFor("the code asked for again") { hasText(activity, ShellLabels.RECOVERY_TITLE) && hasText(activity, ShellLabels.RECOVERY_OPEN) }
        assertFalse(hasTextContaining(activity, "Alcohol"))
        assertTrue(vaultExists(VaultHolder.vaultDir(app)))
    }

    @Test
    fun theAppLockKeepsTheVaultClosedUntilThePersonProvesItIsThem() {
        seedVault { it.addCounter(TestData.counter("Alcohol"), TestData.daysAgo(3)) }
        passAppLock = false
        val activity = launch { ShadowBiometricPrompt.getCurrentPrompt() != null }
        assertTrue(hasText(activity, ShellLabels.UNLOCK))
        assertFalse(hasTextContaining(activity, "Alcohol"))

        ShadowBiometricPrompt.authenticateCurrentSessionWithError(7, "Too many attempts")
        settle(activity)
        assertFalse(hasTextContaining(activity, "Alcohol"))
        assertNull(VaultHolder.current())

        tap(activity, ShellLabels.UNLOCK)
        ShadowBiometricPrompt.authenticateCurrentSessionSuccessfully()
        waitFor("Today after the lock") { hasTextContaining(activity, "Alcohol") }

        // Leaving the app locks the vault and drops the screen.
        lastController().pause().stop()
        assertNull(VaultHolder.current())
        assertFalse(hasTextContaining(activity, "Alcohol"))
    }

    @Test
    fun thePanicWipeDeletesTheKeyAndEveryFile() {
        seedVault { it.addCounter(TestData.counter("Alcohol"), TestData.daysAgo(3)) }
        val dir = VaultHolder.vaultDir(app)
        val blob = File(app.noBackupFilesDir, "device-key.bin")
        assertTrue(blob.isFile)
        val activity = launch(Intent().putExtra(MainActivity.EXTRA_TAB, MainActivity.TAB_SETTINGS)) { hasText(it, "Delete everything") }
        tap(activity, "Delete everything")
        (shownDialog() as AlertDialog).getButton(AlertDialog.BUTTON_POSITIVE).performClick()
        waitFor("the app to close") { activity.isFinishing }

        assertFalse(FakeAndroidKeyStore.entries.containsKey(DeviceKeyStore.ALIAS))
        assertFalse(blob.exists())
        assertFalse(vaultExists(dir))
        assertEquals(emptyList<String>(), File(dir).listFiles()?.map { it.name } ?: emptyList<String>())
    }

    @Test
    fun recreationKeepsTheTabAndTheData() {
        seedVault { it.addContact(TestData.contact("Sam", "+1 415 555 0100")) }
        launch(Intent().putExtra(MainActivity.EXTRA_TAB, MainActivity.TAB_CALL)) { hasText(it, "Sam (sponsor)") }
        lastController().recreate()
        val again = lastController().get() as MainActivity
        waitFor("the Call tab again") { hasText(again, "Sam (sponsor)") }
        val selected = views(again).filterIsInstance<android.widget.Button>().filter { it.isSelected }.map { it.text.toString() }
        assertEquals(listOf(ShellLabels.TAB_CALL), selected)
    }
}
