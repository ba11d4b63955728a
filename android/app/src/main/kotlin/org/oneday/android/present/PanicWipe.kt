package org.oneday.android.present

import org.oneday.ffi.wipeVault

/**
 * The panic wipe in the settings: its wording and core's crypto-shred of the vault. The glue then
 * destroys the device key it keeps in the Keystore and closes the app.
 *
 * @param vaultDir The vault's folder.
 */
class PanicWipe(private val vaultDir: String) {
    /** The settings action. */
    val actionLabel: String = "Delete everything"

    /** The confirmation's title. */
    val title: String = "Delete everything?"

    /** The confirmation's text, said plainly. */
    val warning: String = "This deletes everything in One Day on this phone. It cannot be undone."

    /** The confirming button. */
    val confirmLabel: String = "Delete everything"

    /** The button that keeps everything. */
    val cancelLabel: String = "Keep everything"

    /** Wipes the vault through core (safe to call again after an interruption). */
    fun wipe(): Outcome<Unit> = outcomeOf { wipeVault(vaultDir) }
}
