package org.oneday.android

import android.widget.LinearLayout
import org.oneday.android.present.Outcome
import org.oneday.android.present.PanicWipe
import org.oneday.ffi.Vault

/**
 * The Settings tab: backup and restore ([BackupSection]), then the panic wipe. After a plain
 * confirmation, core crypto-shreds the vault, the Keystore key and its wrapped file are destroyed,
 * reminders are cancelled, and the app closes.
 */
internal class SettingsPage(private val host: MainActivity, private val vault: Vault) {
    private val wipe = PanicWipe(VaultHolder.vaultDir(host)) { DeviceKeyStore(host.applicationContext).destroy() }

    /** Adds the settings to [into]. */
    fun show(into: LinearLayout) {
        BackupSection(host, vault).show(into)
        into.addView(Views.heading(host, wipe.title))
        into.addView(Views.text(host, wipe.warning))
        into.addView(
            Views.button(host, wipe.actionLabel) {
                Dialogs.confirm(host, wipe.title, wipe.warning, wipe.confirmLabel, wipe.cancelLabel, ::wipeNow)
            },
        )
    }

    private fun wipeNow() {
        val app = host.applicationContext
        Background.run(host, {
            val done = wipe.wipe() // the Keystore entry first, then core's wipe
            if (done is Outcome.Done) {
                Reminders.cancelAll(app)
                DaysCleanWidget.refresh(app)
            }
            done
        }) { done ->
            when (done) {
                is Outcome.Done -> host.finishAndRemoveTask()
                is Outcome.Refused -> Dialogs.say(host, done.message.text)
            }
        }
    }
}
