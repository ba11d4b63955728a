package org.oneday.android

import android.app.Activity
import android.app.Application
import android.app.Dialog
import android.content.Intent
import android.os.Looper
import android.view.View
import android.view.ViewGroup
import android.widget.TextView
import org.junit.After
import org.junit.Assert.fail
import org.junit.Before
import org.oneday.ffi.Vault
import org.oneday.ffi.createVault
import org.oneday.ffi.minimumKdfParams
import org.robolectric.Robolectric
import org.robolectric.RuntimeEnvironment
import org.robolectric.Shadows.shadowOf
import org.robolectric.android.controller.ActivityController
import org.robolectric.shadows.ShadowBiometricPrompt
import org.robolectric.shadows.ShadowDialog

/**
 * The base of the Robolectric tests: the real app (its manifest, Activities, receivers, widget) on the
 * real core library (JNA, `-Duniffi.component.oneday.libraryOverride`), with the fake Keystore
 * installed. Helpers drive the app through its views and wait for its background thread.
 */
abstract class AppUnderTest {
    /** The app's Application, as Robolectric made it from the manifest. */
    protected val app: Application get() = RuntimeEnvironment.getApplication()

    private val started = mutableListOf<ActivityController<*>>()

    /** Fresh Keystore for every test (it is JVM-wide). */
    @Before
    fun installKeyStore() {
        FakeAndroidKeyStore.install()
    }

    /** Destroys what a test started and locks the process-wide vault handle. */
    @After
    fun tearDown() {
        started.asReversed().forEach { runCatching { it.pause().stop().destroy() } }
        VaultHolder.lock()
    }

    /**
     * A vault made the way the app makes it (a device key in the fake Keystore), at the cheapest
     * Argon2id cost, with [fill] run on it; the app then opens it without a recovery code.
     * Returns the vault's recovery code.
     */
    protected fun seedVault(fill: (Vault) -> Unit = {}): String {
        val key = DeviceKeyStore(app).create()
        try {
            val created = createVault(VaultHolder.vaultDir(app), key, minimumKdfParams())
            created.vault.use(fill)
            return String(created.recoveryCode, Charsets.UTF_8)
        } finally {
            key.fill(0)
        }
    }

    /** Runs [block] on a handle of its own (device key), as the widget does. */
    protected fun <T> withVault(block: (Vault) -> T): T =
        VaultHolder.withBackgroundVault(app, block) ?: throw AssertionError("the vault cannot be opened with the device key")

    /**
     * Whether the app lock (the framework's BiometricPrompt) is passed as soon as it shows, as a person
     * with their PIN would; a test of the lock itself turns it off.
     */
    protected var passAppLock: Boolean = true

    /** Starts MainActivity (created, started, resumed) and waits until [ready] holds. */
    protected fun launch(intent: Intent? = null, ready: (MainActivity) -> Boolean = { hasText(it, ShellLabels.TAB_TODAY) }): MainActivity {
        val controller = Robolectric.buildActivity(MainActivity::class.java, intent).setup()
        started += controller
        val activity = controller.get()
        waitFor("the app to be ready") { ready(activity) }
        return activity
    }

    /** The controller of the activity [launch] started last (for stop / recreate). */
    protected fun lastController(): ActivityController<*> = started.last()

    // -------------------------------------------------------------------------------------------
    // Waiting for the app's background thread

    /** Runs the main looper and waits (the core calls run on the app's worker thread) until [condition]. */
    protected fun waitFor(what: String, condition: () -> Boolean) {
        repeat(MAX_ROUNDS) {
            shadowOf(Looper.getMainLooper()).idle()
            if (passAppLock && ShadowBiometricPrompt.getCurrentPrompt() != null) {
                ShadowBiometricPrompt.authenticateCurrentSessionSuccessfully()
                shadowOf(Looper.getMainLooper()).idle()
            }
            if (condition()) return
            Thread.sleep(POLL_MILLIS)
        }
        fail("gave up waiting for $what; on screen: ${started.lastOrNull()?.let { texts(it.get() as Activity) }}")
    }

    /**
     * Lets everything queued on the app's worker thread finish and its results reach the screen,
     * including work that those results queue in turn (a few rounds).
     */
    protected fun settle(activity: Activity) {
        repeat(SETTLE_ROUNDS) {
            var done = false
            Background.run(activity, {}) { done = true }
            waitFor("the worker thread") { done }
        }
    }

    // -------------------------------------------------------------------------------------------
    // Looking at and touching views

    /** Every view under [root], depth first. */
    protected fun views(root: View): List<View> {
        val out = mutableListOf(root)
        if (root is ViewGroup) for (i in 0 until root.childCount) out += views(root.getChildAt(i))
        return out
    }

    /** Every view on the activity's window. */
    protected fun views(activity: Activity): List<View> = views(activity.window.decorView)

    /** The texts of every TextView (buttons included) on [activity]'s window. */
    protected fun texts(activity: Activity): List<String> = views(activity).filterIsInstance<TextView>().map { it.text.toString() }

    /** Whether a TextView shows exactly [text]. */
    protected fun hasText(activity: Activity, text: String): Boolean = texts(activity).contains(text)

    /** Whether a TextView's text contains [part]. */
    protected fun hasTextContaining(activity: Activity, part: String): Boolean = texts(activity).any { it.contains(part) }

    /** Clicks the (one, shown) view labelled [label] under [root]. */
    protected fun click(root: View, label: String) {
        val matches = views(root).filterIsInstance<TextView>().filter { it.text.toString() == label && it.isShown }
        when (matches.size) {
            0 -> fail("nothing labelled \"$label\" on screen; texts: ${views(root).filterIsInstance<TextView>().map { it.text }}")
            1 -> check(matches[0].performClick()) { "\"$label\" has no click listener" }
            else -> fail("${matches.size} views labelled \"$label\"")
        }
    }

    /** Clicks [label] on the activity, then lets the worker thread and the main looper settle. */
    protected fun tap(activity: Activity, label: String) {
        click(activity.window.decorView, label)
        settle(activity)
    }

    /** The dialog shown last, if it is still showing. */
    protected fun shownDialog(): Dialog? = ShadowDialog.getLatestDialog()?.takeIf { it.isShowing }

    private companion object {
        const val MAX_ROUNDS = 3000
        const val POLL_MILLIS = 5L
        const val SETTLE_ROUNDS = 3
    }
}
