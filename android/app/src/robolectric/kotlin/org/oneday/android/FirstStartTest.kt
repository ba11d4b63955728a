package org.oneday.android

import android.graphics.Typeface
import android.view.WindowManager
import android.widget.TextView
import java.io.File
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertTrue
import org.junit.Test
import org.junit.runner.RunWith
import org.oneday.ffi.Vault
import org.oneday.ffi.vaultExists
import org.robolectric.RobolectricTestRunner

/** First start: the store is made, its recovery code is shown once, and every window is FLAG_SECURE. */
@RunWith(RobolectricTestRunner::class)
class FirstStartTest : AppUnderTest() {
    @Test
    fun firstStartCreatesTheVaultAndShowsTheRecoveryCodeOnce() {
        val dir = VaultHolder.vaultDir(app)
        assertFalse(vaultExists(dir))
        val first = launch { hasText(it, ShellLabels.CODE_TITLE) }
        assertSecure(first.window.attributes.flags)

        // The store exists, with a device key in the Keystore and its wrapped copy in no_backup.
        assertTrue(vaultExists(dir))
        assertTrue(FakeAndroidKeyStore.entries.containsKey(DeviceKeyStore.ALIAS))
        assertTrue(File(app.noBackupFilesDir, "device-key.bin").isFile)
        // The key asks for an unlocked phone.
        assertTrue(FakeAndroidKeyStore.specs.getValue(DeviceKeyStore.ALIAS).isUnlockedDeviceRequired)

        // The code on screen is the one core made: it opens the vault.
        val code = first.recoveryCodeOnScreen()
        Vault.openWithRecovery(dir, code.toByteArray(Charsets.UTF_8)).use { assertFalse(it.isLocked()) }

        tap(first, ShellLabels.CODE_DONE)
        waitFor("the tabs") { hasText(first, ShellLabels.TAB_TODAY) }
        assertFalse(hasText(first, code))

        // The app leaves and comes back: the vault opens with the device key, no code is shown again.
        lastController().pause().stop()
        lastController().start().resume()
        waitFor("the tabs again") { hasText(first, ShellLabels.TAB_TODAY) }
        assertFalse(hasText(first, ShellLabels.CODE_TITLE))
        assertFalse(hasText(first, code))

        // A second launch (a new process would see the same files) opens straight onto Today.
        val again = launch()
        assertFalse(hasText(again, ShellLabels.CODE_TITLE))
        assertSecure(again.window.attributes.flags)
    }

    @Test
    fun everyWindowAndDialogIsSecure() {
        seedVault { it.addCounter(TestData.counter("Alcohol"), TestData.daysAgo(10)) }
        val activity = launch { hasText(it, ShellLabels.RESET) }
        assertSecure(activity.window.attributes.flags)
        tap(activity, ShellLabels.RESET)
        val dialog = shownDialog() ?: throw AssertionError("no reset dialog")
        assertSecure(dialog.window!!.attributes.flags)
        // The call shortcut's window is secure too (it draws nothing, but it is a window).
        val shortcut = org.robolectric.Robolectric.buildActivity(CallSponsorShortcutActivity::class.java).create().get()
        assertSecure(shortcut.window.attributes.flags)
    }

    private fun assertSecure(flags: Int) =
        assertEquals("FLAG_SECURE", WindowManager.LayoutParams.FLAG_SECURE, flags and WindowManager.LayoutParams.FLAG_SECURE)

    private fun MainActivity.recoveryCodeOnScreen(): String =
        views(this).filterIsInstance<TextView>().single { it.typeface == Typeface.MONOSPACE }.text.toString()
}
