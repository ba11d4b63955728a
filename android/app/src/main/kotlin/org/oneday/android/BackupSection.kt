package org.oneday.android

import android.text.InputType
import android.view.View
import android.widget.EditText
import android.widget.LinearLayout
import android.widget.RadioButton
import android.widget.RadioGroup
import java.time.LocalDate
import org.oneday.android.present.BackupModel
import org.oneday.android.present.BackupSecretChoice
import org.oneday.android.present.Outcome
import org.oneday.android.present.RestoreStep
import org.oneday.android.present.SecretRequest
import org.oneday.ffi.Vault

/**
 * "Back up to a file" and "Restore from a file" on the Settings tab. Every sentence and every step
 * comes from [BackupModel]; this only builds the dialogs and moves bytes between core and the file
 * the user picks (ACTION_CREATE_DOCUMENT / ACTION_OPEN_DOCUMENT, through the content resolver, never
 * through the app's own storage).
 */
internal class BackupSection(private val host: MainActivity, private val vault: Vault) {
    private val model = BackupModel(vault)

    /** Adds the two actions to [into]. */
    fun show(into: LinearLayout) {
        into.addView(Views.heading(host, model.exportTitle))
        into.addView(Views.text(host, model.exportIntro))
        into.addView(Views.button(host, model.exportTitle) { askExport() })
        into.addView(Views.heading(host, model.restoreTitle))
        into.addView(Views.text(host, model.restoreIntro))
        into.addView(Views.button(host, model.restoreTitle) { pickBackup() })
    }

    // ------------------------------------------------------------------------------------------
    // Export

    private fun askExport() {
        val column = LinearLayout(host).apply { orientation = LinearLayout.VERTICAL }
        column.addView(Views.text(host, model.secretQuestion))
        val choices = RadioGroup(host)
        model.secretChoices.forEachIndexed { i, choice ->
            choices.addView(RadioButton(host).apply {
                id = View.generateViewId()
                text = choice.label
                isChecked = i == 0
                tag = choice
            })
        }
        column.addView(choices)
        val secret = secretField(model.recoveryCodeHint, visible = true)
        val again = secretField(model.passphraseAgainHint, visible = false).apply { visibility = View.GONE }
        column.addView(secret)
        column.addView(again)
        fun chosen(): BackupSecretChoice =
            choices.findViewById<RadioButton>(choices.checkedRadioButtonId)?.tag as? BackupSecretChoice
                ?: BackupSecretChoice.RECOVERY_CODE
        choices.setOnCheckedChangeListener { _, _ ->
            val passphrase = chosen() == BackupSecretChoice.PASSPHRASE
            secret.hint = if (passphrase) model.passphraseHint else model.recoveryCodeHint
            secret.inputType = secretInputType(visible = !passphrase)
            again.visibility = if (passphrase) View.VISIBLE else View.GONE
        }
        var made: org.oneday.android.present.BackupFile? = null
        var madeWith = BackupSecretChoice.RECOVERY_CODE
        Dialogs.form(host, model.exportTitle, column, {
            madeWith = chosen()
            when (val outcome = model.export(madeWith, secret.text.toString(), again.text.toString(), LocalDate.now())) {
                is Outcome.Done -> {
                    made = outcome.value
                    null
                }
                is Outcome.Refused -> outcome.message.text
            }
        }) {
            secret.text.clear()
            again.text.clear()
            val file = made ?: return@form
            made = null
            host.createDocument(file.suggestedName, MIME_TYPE, file.bytes) { written, cancelled ->
                file.bytes.fill(0)
                if (!cancelled) Dialogs.say(host, if (written) model.savedText(madeWith) else model.saveFailedText)
            }
        }
    }

    // ------------------------------------------------------------------------------------------
    // Restore

    private fun pickBackup() {
        host.pickDocument(model.readLimit, null) { bytes ->
            if (bytes == null) {
                Dialogs.say(host, model.readFailedText)
                return@pickDocument
            }
            Background.run(host, { model.open(bytes) }) { opened ->
                when (opened) {
                    is Outcome.Done -> askSecret(bytes, opened.value)
                    is Outcome.Refused -> Dialogs.say(host, opened.message.text)
                }
            }
        }
    }

    private fun askSecret(file: ByteArray, request: SecretRequest) {
        val column = LinearLayout(host).apply { orientation = LinearLayout.VERTICAL }
        column.addView(Views.text(host, request.prompt))
        val secret = secretField(request.hint, visible = request.kind == org.oneday.ffi.BackupSecretKind.RECOVERY_CODE)
        column.addView(secret)
        var typed = ""
        var summary = ""
        Dialogs.form(host, model.restoreTitle, column, {
            typed = secret.text.toString()
            when (val preview = model.preview(file, request, typed)) {
                is Outcome.Done -> {
                    summary = preview.value.summary
                    null
                }
                is Outcome.Refused -> preview.message.text
            }
        }) {
            secret.text.clear()
            Dialogs.confirm(host, model.restoreTitle, summary, model.restoreLabel, model.cancelLabel) {
                Background.run(host, { model.restore(file, request, typed) }) { step ->
                    when (step) {
                        is Outcome.Refused -> Dialogs.say(host, step.message.text)
                        is Outcome.Done -> when (val s = step.value) {
                            is RestoreStep.Restored -> restored(s.report)
                            RestoreStep.AskToMerge -> askMerge(file, request, typed)
                        }
                    }
                }
            }
        }
    }

    private fun askMerge(file: ByteArray, request: SecretRequest, typed: String) {
        Dialogs.confirm(host, model.mergeTitle, model.mergeQuestion, model.mergeLabel, model.cancelLabel) {
            Background.run(host, { model.merge(file, request, typed) }) { merged ->
                when (merged) {
                    is Outcome.Done -> restored(merged.value)
                    is Outcome.Refused -> Dialogs.say(host, merged.message.text)
                }
            }
        }
    }

    private fun restored(report: String) {
        val app = host.applicationContext
        Background.run(host, { Reminders.schedule(app, vault) }) {}
        host.refresh(vault)
        Dialogs.say(host, report)
    }

    // ------------------------------------------------------------------------------------------

    private fun secretField(hint: String, visible: Boolean): EditText = EditText(host).apply {
        this.hint = hint
        contentDescription = hint
        inputType = secretInputType(visible)
        importantForAutofill = View.IMPORTANT_FOR_AUTOFILL_NO
    }

    /** A recovery code is shown as typed (it is copied from paper); a passphrase is hidden. */
    private fun secretInputType(visible: Boolean): Int =
        InputType.TYPE_CLASS_TEXT or InputType.TYPE_TEXT_FLAG_NO_SUGGESTIONS or
            if (visible) InputType.TYPE_TEXT_VARIATION_VISIBLE_PASSWORD else InputType.TYPE_TEXT_VARIATION_PASSWORD

    private companion object {
        /** The backup's type for the save dialog: plain bytes (its name says nothing either). */
        const val MIME_TYPE = "application/octet-stream"
    }
}
