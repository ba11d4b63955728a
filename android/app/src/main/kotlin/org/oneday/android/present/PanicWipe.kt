package org.oneday.android.present

import org.oneday.ffi.wipeVault

/**
 * The panic wipe in the settings: its wording, and the order of the work. The device key goes
 * first ([destroyDeviceKey]: the glue deletes the Keystore entry and destroys the wrapped key file),
 * because it needs no database and, once it is gone, no copy of the files taken earlier opens with
 * anything on this phone. Then core's crypto-shred of the vault, which runs even if destroying the
 * key failed (another process holding the vault or a full disk does not stop it either).
 *
 * @param vaultDir The vault's folder.
 * @param destroyDeviceKey Destroys the device key the shell keeps; may throw.
 */
class PanicWipe(private val vaultDir: String, private val destroyDeviceKey: () -> Unit) {
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

    /**
     * Destroys the device key, then wipes the vault through core (safe to call again after an
     * interruption). A failure to destroy the key is reported after the wipe, which runs anyway.
     */
    fun wipe(): Outcome<Unit> {
        val keyFailure = runCatching(destroyDeviceKey).exceptionOrNull()
        val wiped = outcomeOf { wipeVault(vaultDir) }
        return when {
            wiped is Outcome.Refused -> wiped
            keyFailure != null -> Outcome.Refused(UserMessage(KEY_NOT_DESTROYED, UserMessage.Action.TRY_AGAIN))
            else -> wiped
        }
    }

    /** The words for a wipe whose data is gone but whose device key could not be destroyed. */
    companion object {
        /** Shown when the Keystore refused to delete the key: the data is gone; trying again finishes. */
        const val KEY_NOT_DESTROYED: String =
            "Your data is deleted, but this phone's key for it could not be removed. Try again."
    }
}
