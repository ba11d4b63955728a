package org.oneday.android.present

import org.oneday.ffi.Vault

/**
 * The check of the vault's key slots right after it opens. When the recovery code can no longer
 * open the vault (its key slot is damaged), the person is told now, not on the day they need it,
 * and offered a new code while this phone's key still works.
 *
 * @param vault The open vault.
 */
class RecoverySlotCheck(private val vault: Vault) {
    /** The warning to show, or `null` while the recovery code still opens the vault. */
    fun warning(): Outcome<String?> = outcomeOf {
        if (vault.keySlotHealth().recoveryNeedsNewCode) WARNING else null
    }

    /**
     * Makes a new recovery code (UTF-8, to show once). No old code is asked for: a damaged slot
     * cannot check it, and this phone's key, which opened the vault, is the proof.
     */
    fun newCode(): Outcome<ByteArray> = outcomeOf { vault.newRecoveryCode(null, null) }

    /** The words. */
    companion object {
        /** What is wrong and what to do, for a person. */
        const val WARNING: String =
            "Your recovery code can no longer open One Day: the part of your data it unlocks is damaged. " +
                "Make a new code now, while this phone still opens One Day, and write it down."

        /** The button that makes the new code. */
        const val ACTION: String = "Make a new recovery code"
    }
}
