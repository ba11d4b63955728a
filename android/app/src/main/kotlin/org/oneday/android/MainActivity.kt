package org.oneday.android

import android.Manifest
import android.content.Intent
import android.content.pm.PackageManager
import android.graphics.Typeface
import android.net.Uri
import android.os.Build
import android.os.Bundle
import android.text.InputType
import android.view.View
import android.widget.EditText
import android.widget.FrameLayout
import android.widget.LinearLayout
import android.widget.ScrollView
import org.oneday.android.present.BoundedRead
import org.oneday.android.present.Outcome
import org.oneday.android.present.RecoverySlotCheck
import org.oneday.android.present.UserMessage
import org.oneday.ffi.Vault
import org.oneday.ffi.VaultException

/**
 * The launcher entry and the one screen host: the app lock first, then the vault (created on first
 * start, with its recovery code shown once; the recovery code asked for when the device key is gone),
 * then the tabs Today, Meetings, Call, Plan, Check-in and Settings, each a page built from the presentation code.
 *
 * Leaving the app (onStop) locks the vault and drops every view; coming back asks for the lock again.
 * Only the system's document picker is allowed to take the screen without that.
 */
class MainActivity : SecureActivity() {
    private lateinit var root: FrameLayout
    private val appLock by lazy { AppLock(this) }
    private var unlocked = false
    private var prompting = false
    private var showingRecoveryCode = false
    private var awaitingDocument: ((ByteArray?) -> Unit)? = null
    private var awaitingCreate: ((Uri?) -> Unit)? = null
    private var tab: String = TAB_TODAY

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        root = FrameLayout(this)
        setContentView(root)
        tab = intent.getStringExtra(EXTRA_TAB) ?: savedInstanceState?.getString(EXTRA_TAB) ?: TAB_TODAY
    }

    override fun onNewIntent(intent: Intent) {
        super.onNewIntent(intent)
        setIntent(intent)
        intent.getStringExtra(EXTRA_TAB)?.let { tab = it }
        if (unlocked) VaultHolder.current()?.let(::showTabs)
    }

    override fun onSaveInstanceState(outState: Bundle) {
        super.onSaveInstanceState(outState)
        outState.putString(EXTRA_TAB, tab)
    }

    override fun onStart() {
        super.onStart()
        if (!unlocked) promptLock()
    }

    override fun onStop() {
        super.onStop()
        // The device-credential screen of the lock and the document pickers cover this activity: not a leave.
        if (isChangingConfigurations || awaitingDocument != null || awaitingCreate != null || prompting) return
        // A recovery code left on screen unconfirmed is replaced by a new one at the next unlock
        // (core asks for the current code to change it: the one kept in [unconfirmedCode]).
        if (!showingRecoveryCode) unconfirmedCode = unconfirmedCode?.let { it.fill(0); null }
        showingRecoveryCode = false
        unlocked = false
        appLock.cancel()
        root.removeAllViews()
        VaultHolder.lock()
    }

    // -----------------------------------------------------------------------------------------------
    // Lock, vault, recovery

    private fun promptLock() {
        if (prompting) return
        prompting = true
        showMessage(UserMessage.UNLOCK_TEXT, ShellLabels.UNLOCK) { promptLock() }
        appLock.prompt(UserMessage.UNLOCK_TEXT) { result ->
            prompting = false
            when (result) {
                AppLock.Result.UNLOCKED -> openVault(noScreenLock = false)
                AppLock.Result.NO_LOCK_SET -> openVault(noScreenLock = true)
                AppLock.Result.NOT_UNLOCKED -> Unit // the Unlock button stays on screen
            }
        }
    }

    private fun openVault(noScreenLock: Boolean) {
        Background.run(this, { VaultHolder.open(this) }) { opening ->
            when (opening) {
                is VaultOpening.Opened -> afterOpen(opening.vault, noScreenLock)
                is VaultOpening.Created -> showRecoveryCode(opening.recoveryCode) { afterOpen(opening.vault, noScreenLock) }
                VaultOpening.NeedsRecoveryCode -> askRecoveryCode(null)
                is VaultOpening.Failed -> showMessage(opening.message.text, ShellLabels.TRY_AGAIN) { openVault(noScreenLock) }
            }
        }
    }

    private fun afterOpen(vault: Vault, noScreenLock: Boolean) {
        unlocked = true
        val unconfirmed = unconfirmedCode
        if (unconfirmed != null) {
            unconfirmedCode = null
            Background.run(this, {
                try {
                    vault.newRecoveryCode(unconfirmed, null)
                } catch (_: VaultException) {
                    null
                } finally {
                    unconfirmed.fill(0)
                }
            }) { code ->
                if (code == null) afterOpen(vault, noScreenLock) else showRecoveryCode(code) { afterOpen(vault, noScreenLock) }
            }
            return
        }
        val check = RecoverySlotCheck(vault)
        val warning = (check.warning() as? Outcome.Done)?.value
        if (warning != null) {
            showMessage(warning, RecoverySlotCheck.ACTION) {
                Background.run(this, { check.newCode() }) { made ->
                    when (made) {
                        is Outcome.Done -> showRecoveryCode(made.value) { afterOpen(vault, noScreenLock) }
                        is Outcome.Refused -> showMessage(made.message.text, ShellLabels.TRY_AGAIN) { afterOpen(vault, noScreenLock) }
                    }
                }
            }
            return
        }
        val app = applicationContext
        Background.run(this, {
            Reminders.schedule(app, vault)
            DaysCleanWidget.refresh(app)
        }) {}
        if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.TIRAMISU &&
            checkSelfPermission(Manifest.permission.POST_NOTIFICATIONS) != PackageManager.PERMISSION_GRANTED
        ) {
            requestPermissions(arrayOf(Manifest.permission.POST_NOTIFICATIONS), REQUEST_NOTIFICATIONS)
        }
        showTabs(vault, if (noScreenLock) ShellLabels.NO_SCREEN_LOCK else null)
    }

    private fun showRecoveryCode(code: ByteArray, done: () -> Unit) {
        val shown = String(code, Charsets.UTF_8)
        unconfirmedCode?.fill(0)
        unconfirmedCode = code.copyOf()
        code.fill(0)
        showingRecoveryCode = true
        val column = Views.column(this)
        column.addView(Views.heading(this, ShellLabels.CODE_TITLE))
        column.addView(Views.text(this, ShellLabels.CODE_WHY))
        column.addView(
            Views.text(this, shown, 22f).apply {
                typeface = Typeface.MONOSPACE
                setTextIsSelectable(false)
            },
        )
        column.addView(
            Views.button(this, ShellLabels.CODE_DONE) {
                showingRecoveryCode = false
                unconfirmedCode = unconfirmedCode?.let { it.fill(0); null }
                done()
            },
        )
        setScreen(column)
    }

    private fun askRecoveryCode(error: String?) {
        val column = Views.column(this)
        column.addView(Views.heading(this, ShellLabels.RECOVERY_TITLE))
        column.addView(Views.text(this, ShellLabels.RECOVERY_WHY))
        val field = EditText(this).apply {
            hint = ShellLabels.RECOVERY_HINT
            inputType = InputType.TYPE_CLASS_TEXT or InputType.TYPE_TEXT_FLAG_NO_SUGGESTIONS or
                InputType.TYPE_TEXT_VARIATION_VISIBLE_PASSWORD
            importantForAutofill = View.IMPORTANT_FOR_AUTOFILL_NO
            contentDescription = ShellLabels.RECOVERY_TITLE
        }
        column.addView(field)
        error?.let { column.addView(Views.text(this, it)) }
        column.addView(
            Views.button(this, ShellLabels.RECOVERY_OPEN) {
                val secret = field.text.toString().toByteArray(Charsets.UTF_8)
                field.text.clear()
                Background.run(this, { VaultHolder.openWithRecovery(this, secret) }) { opening ->
                    when (opening) {
                        is VaultOpening.Opened -> afterOpen(opening.vault, noScreenLock = false)
                        is VaultOpening.Failed -> askRecoveryCode(opening.message.text)
                        else -> askRecoveryCode(null)
                    }
                }
            },
        )
        setScreen(column)
    }

    private fun showMessage(text: String, action: String, onAction: () -> Unit) {
        val column = Views.column(this)
        column.addView(Views.text(this, text, 18f))
        column.addView(Views.button(this, action, onAction))
        setScreen(column)
    }

    // -----------------------------------------------------------------------------------------------
    // Tabs

    private fun showTabs(vault: Vault, notice: String? = null) {
        val layout = LinearLayout(this).apply { orientation = LinearLayout.VERTICAL }
        val bar = Views.row(this)
        for ((id, label) in TABS) {
            val button = Views.button(this, label) {
                tab = id
                showTabs(vault)
            }
            button.isSelected = id == tab
            button.contentDescription = label
            bar.addView(button, LinearLayout.LayoutParams(0, LinearLayout.LayoutParams.WRAP_CONTENT, 1f))
        }
        layout.addView(bar)
        val page = Views.column(this)
        notice?.let { page.addView(Views.text(this, it)) }
        when (tab) {
            TAB_MEETINGS -> MeetingsPage(this, vault).show(page)
            TAB_CALL -> CallPage(this, vault).show(page)
            TAB_PLAN -> PlanPage(this, vault).show(page)
            TAB_CHECK_IN -> CheckInPage(this, vault).show(page)
            TAB_SETTINGS -> SettingsPage(this, vault).show(page)
            else -> TodayPage(this, vault).show(page)
        }
        layout.addView(ScrollView(this).apply { addView(page) }, LinearLayout.LayoutParams(
            LinearLayout.LayoutParams.MATCH_PARENT,
            0,
            1f,
        ))
        setScreen(layout)
    }

    private fun setScreen(view: View) {
        root.removeAllViews()
        root.addView(view)
    }

    // -----------------------------------------------------------------------------------------------
    // What pages ask of the activity

    /**
     * Opens the system's document picker; [done] gets the file's bytes (at most [limit]) or `null`.
     * [mimeTypes]: what the picker offers (`null`: any file, as for a backup, whose name has no type).
     */
    fun pickDocument(
        limit: Int,
        mimeTypes: Array<String>? = arrayOf("application/json", "text/plain", "application/octet-stream"),
        done: (ByteArray?) -> Unit,
    ) {
        awaitingDocument = { bytes -> done(bytes) }
        pickLimit = limit
        val pick = Intent(Intent.ACTION_OPEN_DOCUMENT)
            .addCategory(Intent.CATEGORY_OPENABLE)
            .setType("*/*")
        mimeTypes?.let { pick.putExtra(Intent.EXTRA_MIME_TYPES, it) }
        startActivityForResult(pick, REQUEST_DOCUMENT)
    }

    private var pickLimit = 0

    /**
     * Opens the system's "save as" picker offering [name]; [bytes] are written straight to the chosen
     * document through the content resolver (nothing in the app's storage). [done] gets whether they
     * were written (`false` also when the user cancelled: then [cancelled] is `true`).
     */
    fun createDocument(name: String, mimeType: String, bytes: ByteArray, done: (written: Boolean, cancelled: Boolean) -> Unit) {
        awaitingCreate = { uri ->
            if (uri == null) {
                done(false, true)
            } else {
                Background.run(this, { writeAll(uri, bytes) }) { written -> done(written, false) }
            }
        }
        val create = Intent(Intent.ACTION_CREATE_DOCUMENT)
            .addCategory(Intent.CATEGORY_OPENABLE)
            .setType(mimeType)
            .putExtra(Intent.EXTRA_TITLE, name)
        startActivityForResult(create, REQUEST_CREATE_DOCUMENT)
    }

    private fun writeAll(uri: Uri, bytes: ByteArray): Boolean =
        try {
            // "wt": truncate, so a shorter file never keeps the tail of an older one.
            contentResolver.openOutputStream(uri, "wt")?.use {
                it.write(bytes)
                it.flush()
                true
            } ?: false
        } catch (_: java.io.IOException) {
            false
        } catch (_: SecurityException) {
            false
        }

    override fun onActivityResult(requestCode: Int, resultCode: Int, data: Intent?) {
        if (requestCode == REQUEST_CREATE_DOCUMENT) {
            val created = awaitingCreate ?: return
            awaitingCreate = null
            created(if (resultCode == RESULT_OK) data?.data else null)
            return
        }
        if (requestCode != REQUEST_DOCUMENT) {
            super.onActivityResult(requestCode, resultCode, data)
            return
        }
        val done = awaitingDocument ?: return
        awaitingDocument = null
        val uri: Uri? = if (resultCode == RESULT_OK) data?.data else null
        if (uri == null) {
            done(null)
            return
        }
        val limit = pickLimit
        Background.run(this, { readLimited(uri, limit) }, done)
    }

    private fun readLimited(uri: Uri, limit: Int): ByteArray? =
        try {
            contentResolver.openInputStream(uri)?.use { BoundedRead.readAtMost(it, limit) }
        } catch (_: java.io.IOException) {
            null
        } catch (_: SecurityException) {
            null
        }

    /** Asks for CALL_PHONE, then shows the Call tab again. */
    fun askCallPermission() {
        requestPermissions(arrayOf(Manifest.permission.CALL_PHONE), REQUEST_CALL)
    }

    override fun onRequestPermissionsResult(requestCode: Int, permissions: Array<out String>, grantResults: IntArray) {
        super.onRequestPermissionsResult(requestCode, permissions, grantResults)
        if (requestCode == REQUEST_CALL && unlocked) VaultHolder.current()?.let { showTabs(it) }
    }

    /** Redraws the current tab (after a change) and the widget. */
    fun refresh(vault: Vault) {
        showTabs(vault)
        val app = applicationContext
        Background.run(this, { DaysCleanWidget.refresh(app) }) {}
    }

    /** Tab names and the extra that picks one. */
    companion object {
        /** Intent extra: the tab to show ([TAB_CALL], ...). */
        const val EXTRA_TAB: String = "org.oneday.android.extra.TAB"

        /** The Today tab. */
        const val TAB_TODAY: String = "today"

        /** The Meetings tab. */
        const val TAB_MEETINGS: String = "meetings"

        /** The Call tab. */
        const val TAB_CALL: String = "call"

        /** The Plan tab. */
        const val TAB_PLAN: String = "plan"

        /** The Check-in tab. */
        const val TAB_CHECK_IN: String = "check-in"

        private val TABS = listOf(
            TAB_TODAY to ShellLabels.TAB_TODAY,
            TAB_MEETINGS to ShellLabels.TAB_MEETINGS,
            TAB_CALL to ShellLabels.TAB_CALL,
            TAB_PLAN to ShellLabels.TAB_PLAN,
            TAB_CHECK_IN to ShellLabels.TAB_CHECK_IN,
            TAB_SETTINGS to ShellLabels.TAB_SETTINGS,
        )

        /** The Settings tab (backup and restore, the panic wipe). */
        const val TAB_SETTINGS: String = "settings"

        /**
         * The recovery code on screen until "I have written it down" (this process only, wiped then): when
         * the app leaves with it unconfirmed, it proves the current code to core when a new one replaces it.
         */
        private var unconfirmedCode: ByteArray? = null

        private const val REQUEST_DOCUMENT = 1
        private const val REQUEST_NOTIFICATIONS = 2
        private const val REQUEST_CALL = 3
        private const val REQUEST_CREATE_DOCUMENT = 4
    }
}
