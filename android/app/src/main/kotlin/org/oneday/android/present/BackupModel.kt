package org.oneday.android.present

import java.time.Instant
import java.time.LocalDate
import java.time.ZoneId
import java.time.format.DateTimeFormatter
import java.util.Locale
import org.oneday.ffi.BackupException
import org.oneday.ffi.BackupRecordKind
import org.oneday.ffi.BackupSecretKind
import org.oneday.ffi.BackupSummary
import org.oneday.ffi.KdfParams
import org.oneday.ffi.RestoreReport
import org.oneday.ffi.Vault
import org.oneday.ffi.readBackupHeader
import org.oneday.ffi.secretsMatch
import org.oneday.ffi.suggestedBackupFileName
import org.oneday.ffi.verifyBackup

/**
 * What opens a backup, as the export form offers it.
 *
 * @property label What the choice says.
 */
enum class BackupSecretChoice(val label: String) {
    /** The recovery code One Day showed when it was set up on this phone. */
    RECOVERY_CODE("My recovery code"),

    /** A passphrase the user makes up now (typed twice). */
    PASSPHRASE("A passphrase"),
    ;

    /** Core's kind of secret for this choice. */
    fun kind(): BackupSecretKind = when (this) {
        RECOVERY_CODE -> BackupSecretKind.RECOVERY_CODE
        PASSPHRASE -> BackupSecretKind.PASSPHRASE
    }
}

/**
 * A backup ready to be saved where the user chooses.
 *
 * @property bytes The sealed file, from core.
 * @property suggestedName The name to offer in the save dialog (core's: it names neither the app nor
 *   what is inside).
 */
class BackupFile(val bytes: ByteArray, val suggestedName: String)

/**
 * What the restore screen asks for once it has looked at a file.
 *
 * @property kind Which secret opens the backup when the file says so (an old, format-1 backup);
 *   `null` for a sealed backup (every backup made now), which says nothing until it is opened: then
 *   one hidden field takes the passphrase or the recovery code.
 * @property prompt The sentence above the field.
 * @property hint The field's hint.
 */
data class SecretRequest(val kind: BackupSecretKind?, val prompt: String, val hint: String)

/**
 * What a backup holds, after core opened it with the secret (nothing written yet).
 *
 * @property summary `Made on 29 Nov 2026: 2 counters, 1 contact, 1 plan.`
 */
data class BackupPreview(val summary: String)

/** Where a restore stands after the user said "Restore". */
sealed interface RestoreStep {
    /** The backup went into the vault; [report] says what changed. */
    data class Restored(
        /** The report, one sentence per line. */
        val report: String,
    ) : RestoreStep

    /** The vault already holds data: the user must agree to merge first ([BackupModel.mergeQuestion]). */
    data object AskToMerge : RestoreStep
}

/**
 * The backup and restore actions in the settings: their wording, the choices they offer and the
 * calls into core. Every rule (what a backup holds, which secret opens it, how records merge, what
 * a damaged file is) is core's; this only asks, words and maps.
 *
 * Moving to a new phone is a backup saved here, then "Restore from a file" on the new phone.
 *
 * @param vault The open vault.
 * @param zone The user's time zone, for the day a backup was made.
 * @param locale How to write that day.
 * @param kdf The Argon2id cost of new backups (`null`: core's default; tests pass the minimum).
 */
class BackupModel(
    private val vault: Vault,
    private val zone: ZoneId = ZoneId.systemDefault(),
    private val locale: Locale = Locale.getDefault(),
    private val kdf: KdfParams? = null,
) {
    // ------------------------------------------------------------------------------------------
    // Export

    /** The export action and its form's title. */
    val exportTitle: String = "Back up to a file"

    /** What a backup is, said before anything is chosen. */
    val exportIntro: String = "A backup is one file with everything in One Day, sealed so that only your recovery " +
        "code or a passphrase you choose can open it. Use it to move to a new phone, or keep it somewhere safe."

    /** The question above the choices. */
    val secretQuestion: String = "What should open this backup?"

    /** The choices, the recovery code first. */
    val secretChoices: List<BackupSecretChoice> = BackupSecretChoice.entries

    /** The hint of the recovery-code field. */
    val recoveryCodeHint: String = "Your recovery code"

    /** The hint of the passphrase field. */
    val passphraseHint: String = "A passphrase (8 characters or more)"

    /** The hint of the second passphrase field. */
    val passphraseAgainHint: String = "The same passphrase again"

    /** The button that makes the file and opens the save dialog. */
    val exportConfirmLabel: String = "Choose where to save"

    /** Shown when the file was written where the user chose. */
    fun savedText(choice: BackupSecretChoice): String = when (choice) {
        BackupSecretChoice.RECOVERY_CODE -> "Backup saved. It opens with your recovery code."
        BackupSecretChoice.PASSPHRASE -> "Backup saved. It opens only with the passphrase you chose: without it, " +
            "nobody can restore it, not even you."
    }

    /** Shown when the chosen place could not be written. */
    val saveFailedText: String = "The backup could not be saved there. Nothing was changed; try another place."

    /**
     * Seals everything into a backup through core. With a passphrase, [secret] and [again] must be the
     * same; with the recovery code, [again] is ignored and the code must be this vault's (checked by
     * core, so a mistyped code never seals a backup nobody can open).
     *
     * @param today The user's date, for the suggested file name.
     */
    fun export(choice: BackupSecretChoice, secret: String, again: String, today: LocalDate): Outcome<BackupFile> {
        if (vault.isLocked()) return Outcome.Refused(UserMessage.LOCKED)
        // Core normalises what was typed (NFC), so "café" typed either way is the same passphrase; for
        // the recovery code it checks that the code is this vault's before it seals anything.
        val bytes = secret.toByteArray(Charsets.UTF_8)
        if (choice == BackupSecretChoice.PASSPHRASE && !secretsMatch(bytes, again.toByteArray(Charsets.UTF_8))) {
            return Outcome.Refused(PASSPHRASES_DIFFER)
        }
        return outcomeOf {
            val sealed = vault.exportBackup(bytes, choice.kind(), kdf)
            BackupFile(sealed, suggestedBackupFileName(today))
        }
    }

    // ------------------------------------------------------------------------------------------
    // Restore

    /** The restore action and its screen's title. */
    val restoreTitle: String = "Restore from a file"

    /** What a restore does, said before a file is chosen. */
    val restoreIntro: String = "Choose a backup made with “$exportTitle”, on this phone or another one. " +
        "Nothing is restored until you have seen what it holds."

    /** The button that opens the backup with the typed secret. */
    val openLabel: String = "Open the backup"

    /** The button that restores after the summary. */
    val restoreLabel: String = "Restore"

    /** The merge question's title. */
    val mergeTitle: String = "Merge with what is here?"

    /** The merge question: what a merge does, said plainly. */
    val mergeQuestion: String = "One Day on this phone already holds data. The backup can be merged into it: " +
        "what is only in the backup is added, and where both have the same thing the newer version is kept. " +
        "Nothing is deleted."

    /** The button that merges. */
    val mergeLabel: String = "Merge"

    /** The button that leaves everything as it is. */
    val cancelLabel: String = "Don't restore"

    /** Shown when the chosen file could not be read at all. */
    val readFailedText: String = "The file could not be read. Your data here is unchanged."

    /** The most bytes the shell reads from a chosen file: core's backup limit (it reads one more at most). */
    val readLimit: Int get() = BoundedRead.backupLimit

    /**
     * Looks at the backup (no secret needed) and asks for the secret that opens it: the one an old
     * backup's clear header names, else either (a sealed backup says nothing before it is opened).
     */
    fun open(file: ByteArray): Outcome<SecretRequest> = outcomeOf {
        when (val kind = readBackupHeader(file)?.secretKind) {
            null -> SecretRequest(
                null,
                "Type the passphrase chosen when this backup was made, or the recovery code if it was made with that.",
                "Passphrase or recovery code",
            )
            BackupSecretKind.RECOVERY_CODE -> SecretRequest(
                kind,
                "This backup opens with a recovery code: the one you wrote down on the phone it was made on.",
                recoveryCodeHint,
            )
            BackupSecretKind.PASSPHRASE -> SecretRequest(
                kind,
                "This backup opens with the passphrase chosen when it was made.",
                "The backup's passphrase",
            )
        }
    }

    /** Opens the backup with [secret] and says what it holds, writing nothing. */
    fun preview(file: ByteArray, request: SecretRequest, secret: String): Outcome<BackupPreview> =
        outcomeOf { BackupPreview(summaryLine(verifyBackup(file, secret.toByteArray(Charsets.UTF_8)))) }

    /**
     * Restores into this vault when it holds nothing yet; otherwise answers [RestoreStep.AskToMerge]
     * (core decides what "nothing yet" is) and nothing is written.
     */
    fun restore(file: ByteArray, request: SecretRequest, secret: String): Outcome<RestoreStep> = try {
        Outcome.Done(RestoreStep.Restored(reportText(vault.restoreBackup(file, secret.toByteArray(Charsets.UTF_8), false))))
    } catch (_: org.oneday.ffi.BackupException.VaultNotEmpty) {
        Outcome.Done(RestoreStep.AskToMerge)
    } catch (e: Exception) {
        Outcome.Refused(UserMessage.from(e) ?: throw e)
    }

    /** Merges the backup into this vault after the user agreed to [mergeQuestion]; the report. */
    fun merge(file: ByteArray, request: SecretRequest, secret: String): Outcome<String> =
        outcomeOf { reportText(vault.restoreBackup(file, secret.toByteArray(Charsets.UTF_8), true)) }

    // ------------------------------------------------------------------------------------------
    // Wording of core's answers

    /** `Made on 29 Nov 2026: 2 counters, 1 contact, 1 plan.` (kinds in core's order, empty ones left out). */
    fun summaryLine(summary: BackupSummary): String {
        val day = Instant.ofEpochMilli(summary.madeAtEpochMillis).atZone(zone).toLocalDate()
        val parts = summary.records.filter { it.count > 0u }.map { count(it.count, it.kind) }
        val what = if (parts.isEmpty()) "nothing in it yet" else parts.joinToString(", ")
        return "Made on ${day.format(DateTimeFormatter.ofPattern("d MMM yyyy", locale))}: $what."
    }

    /**
     * The report of a restore: `Restored: 3 added, 1 updated, 5 unchanged.`, then, when core kept two
     * versions of a counter, why there are two now.
     */
    fun reportText(report: RestoreReport): String {
        val lines = mutableListOf(
            "Restored: ${report.added} added, ${report.updated} updated, ${report.unchanged} unchanged.",
        )
        if (report.keptBoth > 0u) {
            val n = report.keptBoth
            lines += if (n == 1u) {
                "1 counter is here twice: the two phones recorded different relapses for it, so both versions were kept."
            } else {
                "$n counters are here twice: the two phones recorded different relapses for them, so both versions " +
                    "were kept."
            }
        }
        return lines.joinToString("\n")
    }

    /** The messages the model words itself (everything else is [UserMessage.from]). */
    companion object {
        /** The two passphrase fields differ. */
        val PASSPHRASES_DIFFER: UserMessage =
            UserMessage("The two passphrases are not the same. Type them again.", UserMessage.Action.NONE)

        /** The recovery code typed for a backup is not this vault's. */
        val NOT_THIS_RECOVERY_CODE: UserMessage = UserMessage.from(BackupException.NotThisVaultsRecoveryCode())!!

        /** `2 counters`, `1 contact`. */
        fun count(n: UInt, kind: BackupRecordKind): String {
            val (one, many) = when (kind) {
                BackupRecordKind.COUNTER -> "counter" to "counters"
                BackupRecordKind.SETTING -> "setting" to "settings"
                BackupRecordKind.MEETING -> "meeting" to "meetings"
                BackupRecordKind.MEETING_SOURCE -> "meeting list" to "meeting lists"
                BackupRecordKind.CONTACT -> "contact" to "contacts"
                BackupRecordKind.PLAN -> "plan" to "plans"
                BackupRecordKind.CHECK_IN -> "check-in" to "check-ins"
                BackupRecordKind.MEETING_CHUNK -> "part of a meeting list" to "parts of meeting lists"
                BackupRecordKind.MEETING_MINE -> "meeting of yours" to "meetings of yours"
            }
            return "$n ${if (n == 1u) one else many}"
        }

    }
}
