package org.oneday.android

import android.app.AlertDialog
import android.view.View

/** The small dialogs the pages share, each shown through [SecureActivity.showSecure] (FLAG_SECURE). */
internal object Dialogs {
    /** A message with one button that closes it. */
    fun say(host: MainActivity, text: String) {
        host.showSecure(AlertDialog.Builder(host).setMessage(text).setPositiveButton(ShellLabels.NOTE_DONE, null).create())
    }

    /** A question: [onYes] runs only when the user confirms with [yes]. */
    fun confirm(host: MainActivity, title: String?, text: String, yes: String, no: String, onYes: () -> Unit) {
        host.showSecure(
            AlertDialog.Builder(host)
                .setTitle(title)
                .setMessage(text)
                .setNegativeButton(no, null)
                .setPositiveButton(yes) { _, _ -> onYes() }
                .create(),
        )
    }

    /**
     * A form in a dialog: [onSave] gets the chance to refuse (return core's message, shown under the
     * form, which stays open with what the user typed) or accept (return `null`, the dialog closes).
     * [onSave] runs in the background; [saved] runs on the main thread after an accepted save.
     */
    fun form(host: MainActivity, title: String, body: View, onSave: () -> String?, saved: () -> Unit) {
        val column = Views.column(host)
        column.addView(body)
        val error = Views.text(host, "")
        column.addView(error)
        val dialog = AlertDialog.Builder(host)
            .setTitle(title)
            .setView(android.widget.ScrollView(host).apply { addView(column) })
            .setNegativeButton(ShellLabels.CANCEL, null)
            .setPositiveButton(ShellLabels.SAVE, null)
            .create()
        dialog.setOnShowListener {
            dialog.getButton(AlertDialog.BUTTON_POSITIVE).setOnClickListener {
                Background.run(host, onSave) { refusal ->
                    if (refusal == null) {
                        dialog.dismiss()
                        saved()
                    } else {
                        error.text = refusal
                    }
                }
            }
        }
        host.showSecure(dialog)
    }
}
