package org.oneday.android.present

import org.oneday.ffi.BackupException
import org.oneday.ffi.CheckInException
import org.oneday.ffi.CleanTimeException
import org.oneday.ffi.MeetingsException
import org.oneday.ffi.PlanException
import org.oneday.ffi.SupportException
import org.oneday.ffi.VaultException

/**
 * A refusal or failure from core, as a sentence a person can act on.
 *
 * The text is core's own message (it never repeats what the user typed), except for a locked vault,
 * which every area reports the same way: "Unlock One Day", and for backups, whose refusals are worded
 * here for a person holding a file (see [backupText]).
 *
 * @property text What to show.
 * @property action What the screen can offer next to the text.
 */
data class UserMessage(val text: String, val action: Action) {
    /** What a screen can offer next to the message. */
    enum class Action {
        /** Nothing: the text says what to change. */
        NONE,

        /** Open the unlock screen: the vault is locked. */
        UNLOCK,

        /** Offer to try again: another process held the vault. */
        TRY_AGAIN,
    }

    /** The mapping from the bindings' exceptions. */
    companion object {
        /** The text shown for a locked vault, whichever area noticed it. */
        const val UNLOCK_TEXT: String = "Unlock One Day"

        /** The message for a locked vault. */
        val LOCKED: UserMessage = UserMessage(UNLOCK_TEXT, Action.UNLOCK)

        /**
         * The message for one of the bindings' exceptions (`VaultException`, `CleanTimeException`,
         * `MeetingsException`, `SupportException`, `PlanException`, `CheckInException`,
         * `BackupException`), or `null` for any other exception, which is a bug to let through rather
         * than a message to show.
         */
        fun from(error: Throwable): UserMessage? = when (error) {
            is VaultException.Locked,
            is CleanTimeException.Locked,
            is MeetingsException.Locked,
            is SupportException.Locked,
            is PlanException.Locked,
            is CheckInException.Locked,
            is BackupException.Locked -> LOCKED
            is BackupException -> UserMessage(backupText(error), Action.NONE)
            is VaultException.Busy -> UserMessage(coreText(error), Action.TRY_AGAIN)
            // Not flat: its sentence is Rust's Display, exported as toString().
            is MeetingsException -> UserMessage(error.toString(), Action.NONE)
            is VaultException,
            is CleanTimeException,
            is SupportException,
            is PlanException,
            is CheckInException -> UserMessage(coreText(error), Action.NONE)
            else -> null
        }

        /** Unchanged data, said after every backup refusal: whatever the error, core wrote nothing. */
        const val UNCHANGED: String = "Your data here is unchanged."

        /** A backup refusal for a person holding a file (never the secret, never the file's contents). */
        fun backupText(error: BackupException): String = when (error) {
            is BackupException.WrongSecret -> "That passphrase or recovery code doesn't open this file. Check it and try again; if it still doesn't open, the file may not be a One Day backup, or may be damaged. $UNCHANGED"
            is BackupException.NewerFormat ->
                "This backup was made by a newer version of One Day. Update One Day to restore it. $UNCHANGED"
            is BackupException.NotThisVaultsRecoveryCode ->
                "That is not the recovery code of One Day on this phone. Check what you wrote down and type it again."
            is BackupException.Damaged,
            is BackupException.Truncated -> "The file is damaged or incomplete. $UNCHANGED"
            is BackupException.NotABackup -> "This file is not a One Day backup. $UNCHANGED"
            is BackupException.TooLarge -> "This file is too large to be a One Day backup. $UNCHANGED"
            is BackupException.BadRecord ->
                "Part of this backup could not be read, so nothing was restored. $UNCHANGED"
            is BackupException.VaultNotEmpty ->
                "One Day on this phone already holds data: the backup can only be merged into it. $UNCHANGED"
            is BackupException.PassphraseTooShort -> "A passphrase needs at least ${error.min} characters."
            is BackupException.WeakPassphrase -> "That passphrase is not strong enough. ${error.reason}"
            is BackupException.Locked -> UNLOCK_TEXT
            is BackupException.SecretNotText -> "That passphrase or recovery code could not be read as text. Type it again. $UNCHANGED"
            is BackupException.InvalidKdfParams -> "${sentence(error.reason)} $UNCHANGED"
            is BackupException.VaultFailure -> "${sentence(error.reason)} $UNCHANGED"
        }

        /** Core's reason (`the vault is damaged`) as a sentence of its own: `The vault is damaged.` */
        private fun sentence(reason: String): String {
            val s = reason.trim().replaceFirstChar { it.uppercaseChar() }
            return if (s.endsWith(".")) s else "$s."
        }

        /** A flat error's message is core's sentence. */
        private fun coreText(error: Throwable): String = error.message ?: error.javaClass.simpleName
    }
}
