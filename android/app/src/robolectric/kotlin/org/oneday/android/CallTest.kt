package org.oneday.android

import android.Manifest
import android.app.Activity
import android.content.Intent
import android.widget.TextView
import org.junit.Assert.assertEquals
import org.junit.Assert.assertNotNull
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Test
import org.junit.runner.RunWith
import org.oneday.ffi.CallReason
import org.robolectric.Robolectric
import org.robolectric.RobolectricTestRunner
import org.robolectric.Shadows.shadowOf
import org.robolectric.shadows.ShadowBiometricPrompt

/**
 * One tap: the Call screen and the "Call sponsor" shortcut launch exactly the URI core's call plan
 * gives, as ACTION_CALL when CALL_PHONE is granted and ACTION_DIAL otherwise; texting uses core's
 * `sms:` URI; with no contacts the region's crisis line is dialled.
 */
@RunWith(RobolectricTestRunner::class)
class CallTest : AppUnderTest() {
    private val callTab = Intent().putExtra(MainActivity.EXTRA_TAB, MainActivity.TAB_CALL)

    @Test
    fun callNowDialsCoresUriWithoutThePermissionAndCallsWithIt() {
        seedVault { it.addContact(TestData.contact("Sam", "+1 415 555 0100")) }
        val expected = withVault { it.callPlan(false, null).target?.uri }
        assertNotNull(expected)
        assertTrue(expected!!.startsWith("tel:"))

        val activity = launch(callTab) { it.callNowButton() != null }
        activity.callNowButton()!!.performClick()
        assertStarted(Intent.ACTION_DIAL, expected)

        shadowOf(app).grantPermissions(Manifest.permission.CALL_PHONE)
        activity.callNowButton()!!.performClick()
        assertStarted(Intent.ACTION_CALL, expected)
    }

    @Test
    fun textingUsesCoresSmsUri() {
        seedVault { it.addContact(TestData.contact("Sam", "+1 415 555 0100", sms = true)) }
        val expected = withVault { it.callPlan(true, null).target?.uri }
        assertNotNull(expected)
        assertTrue(expected!!.startsWith("sms:"))

        val activity = launch(callTab) { it.callNowButton() != null }
        tap(activity, ShellLabels.TEXT_INSTEAD)
        waitFor("the Text button") { hasText(activity, ShellLabels.TEXT_NOW) }
        click(activity.window.decorView, ShellLabels.TEXT_NOW)
        assertStarted(Intent.ACTION_SENDTO, expected)
    }

    @Test
    fun withNoContactsTheRegionsCrisisLineIsDialled() {
        seedVault { it.setRegion("GB") }
        val target = withVault { it.callPlan(false, null).target }
        assertNotNull(target)
        assertEquals(CallReason.CRISIS_LINE, target!!.reason)

        val activity = launch(callTab) { it.callNowButton() != null }
        activity.callNowButton()!!.performClick()
        assertStarted(Intent.ACTION_DIAL, target.uri!!)
    }

    @Test
    fun theShortcutCallsAtOnceShowsNothingAndNeverWaitsForTheLock() {
        seedVault { it.addContact(TestData.contact("Sam", "+1 415 555 0100")) }
        val expected = withVault { it.callPlan(false, null).target?.uri }!!
        passAppLock = false

        val shortcut = Robolectric.buildActivity(CallSponsorShortcutActivity::class.java).setup().get()
        assertStarted(Intent.ACTION_DIAL, expected)
        assertTrue("the shortcut finishes at once", shortcut.isFinishing)
        assertNull("no app lock", ShadowBiometricPrompt.getCurrentPrompt())
        // At most the app's name in the window title (a real Theme.NoDisplay draws not even that).
        val shown = views(shortcut).filterIsInstance<TextView>().map { it.text.toString() }
            .filter { it.isNotEmpty() && it != shortcut.title.toString() }
        assertEquals("the shortcut shows nothing of the vault", emptyList<String>(), shown)
        assertEquals("One Day", shortcut.title.toString())

        shadowOf(app).grantPermissions(Manifest.permission.CALL_PHONE)
        Robolectric.buildActivity(CallSponsorShortcutActivity::class.java).setup()
        assertStarted(Intent.ACTION_CALL, expected)
    }

    @Test
    fun theShortcutWithoutAVaultOpensTheCallTab() {
        Robolectric.buildActivity(CallSponsorShortcutActivity::class.java).setup()
        val next = shadowOf(app).nextStartedActivity
        assertEquals(MainActivity::class.java.name, next.component?.className)
        assertEquals(MainActivity.TAB_CALL, next.getStringExtra(MainActivity.EXTRA_TAB))
    }

    /** The big "Call" button of the Call screen (the tab of the same name is the selected one). */
    private fun Activity.callNowButton(): TextView? =
        views(this).filterIsInstance<TextView>().firstOrNull { it.text.toString() == ShellLabels.CALL_NOW && !it.isSelected }

    private fun assertStarted(action: String, uri: String) {
        val started = shadowOf(app).nextStartedActivity
        assertNotNull("an activity was started", started)
        assertEquals(action, started.action)
        assertEquals(uri, started.dataString)
    }
}
