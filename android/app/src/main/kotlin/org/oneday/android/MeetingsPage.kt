package org.oneday.android

import android.app.AlertDialog
import android.text.InputType
import android.widget.EditText
import android.widget.LinearLayout
import android.widget.RadioButton
import android.widget.RadioGroup
import android.widget.TextView
import java.time.Instant
import java.time.LocalDate
import java.time.ZoneId
import java.util.Locale
import org.oneday.android.present.BoundedRead
import org.oneday.android.present.MeetingAction
import org.oneday.android.present.MeetingListRow
import org.oneday.android.present.MeetingReminderChoice
import org.oneday.android.present.MeetingRow
import org.oneday.android.present.MeetingsModel
import org.oneday.android.present.Outcome
import org.oneday.ffi.FeedFormat
import org.oneday.ffi.Vault

/**
 * The Meetings tab: the next occurrences of the saved meetings in the phone's zone, one tap to join
 * or dial in, one tap for "I went", a reminder to choose (off or N minutes before); and importing a list from a file (the system's document picker) or
 * from an https address the user types: the app's only network use, on request.
 */
internal class MeetingsPage(private val host: MainActivity, private val vault: Vault) {
    private val zone = ZoneId.systemDefault()
    private val model = MeetingsModel(vault, zone.id, Locale.getDefault())
    private val reminders = MeetingReminderChoice(vault)

    /** Loads the upcoming meetings in the background and adds them, then the import form, to [into]. */
    fun show(into: LinearLayout) {
        val list = LinearLayout(host).apply { orientation = LinearLayout.VERTICAL }
        into.addView(list)
        into.addView(findForm())
        into.addView(importForm())
        Background.run(host, { model.upcoming(Instant.now()) }) { outcome ->
            when (outcome) {
                is Outcome.Done -> {
                    val screen = outcome.value
                    screen.emptyLine?.let { list.addView(Views.text(host, it)) }
                    screen.rows.forEach { list.addView(row(it)) }
                    screen.zonePrompts.forEach { list.addView(Views.text(host, it.prompt)) }
                    screen.byAppointmentLine?.let { list.addView(Views.text(host, it)) }
                }
                is Outcome.Refused -> list.addView(Views.text(host, outcome.message.text))
            }
        }
    }

    private fun row(r: MeetingRow): LinearLayout {
        val column = LinearLayout(host).apply { orientation = LinearLayout.VERTICAL }
        column.addView(Views.heading(host, r.name, 18f))
        column.addView(Views.text(host, r.whenLine))
        listOfNotNull(r.meetingZoneLine, r.zoneChoiceLine, r.dstLine, r.modeLabel).forEach {
            column.addView(Views.text(host, it, 14f))
        }
        val status = Views.text(host, "", 14f)
        val actions = Views.row(host)
        when (val action = r.action) {
            is MeetingAction.OpenLink -> actions.addView(launchButton(ShellLabels.OPEN_LINK, action.url, status))
            is MeetingAction.Dial -> actions.addView(launchButton(ShellLabels.DIAL_IN, action.telUri, status))
            MeetingAction.None -> Unit
        }
        r.dialIn?.let { actions.addView(launchButton(ShellLabels.DIAL_IN, it.telUri, status)) }
        actions.addView(
            Views.button(host, ShellLabels.WENT) {
                Background.run(host, { model.markAttended(r.meetingId, LocalDate.now(zone)) }) { said ->
                    status.text = said.valueOrNull() ?: said.messageOrNull()?.text
                }
            },
        )
        actions.addView(Views.button(host, ShellLabels.REMINDER) { chooseReminder(r.meetingId, status) })
        column.addView(actions)
        column.addView(status)
        return column
    }

    /** Off or N minutes before: saved through core, then the alarms are set again from core's `remindAt`. */
    private fun chooseReminder(meetingId: String, status: TextView) {
        Background.run(host, { reminders.options(meetingId) }) { outcome ->
            val loaded = outcome.valueOrNull()
            if (loaded == null) {
                status.text = outcome.messageOrNull()?.text
                return@run
            }
            val (options, current) = loaded
            val dialog = AlertDialog.Builder(host)
                .setTitle(reminders.title)
                .setSingleChoiceItems(options.map { it.label }.toTypedArray(), current) { d, which ->
                    d.dismiss()
                    val app = host.applicationContext
                    Background.run(host, {
                        reminders.choose(meetingId, options[which]).also { if (it is Outcome.Done) Reminders.schedule(app, vault) }
                    }) { said -> status.text = said.valueOrNull() ?: said.messageOrNull()?.text }
                }
                .setNegativeButton(ShellLabels.CANCEL, null)
                .create()
            host.showSecure(dialog)
        }
    }

    /** Core's search over the stored meetings, each with Save or Remove. */
    private fun findForm(): LinearLayout {
        val column = LinearLayout(host).apply { orientation = LinearLayout.VERTICAL }
        column.addView(Views.heading(host, ShellLabels.FIND_TITLE))
        val query = EditText(host).apply {
            hint = ShellLabels.FIND_HINT
            inputType = InputType.TYPE_CLASS_TEXT
        }
        val found = LinearLayout(host).apply { orientation = LinearLayout.VERTICAL }
        column.addView(query)
        column.addView(
            Views.button(host, ShellLabels.FIND) {
                val text = query.text.toString()
                Background.run(host, { model.find(text) }) { outcome ->
                    found.removeAllViews()
                    when (outcome) {
                        is Outcome.Done -> outcome.value.forEach { found.addView(listRow(it)) }
                        is Outcome.Refused -> found.addView(Views.text(host, outcome.message.text))
                    }
                }
            },
        )
        column.addView(found)
        return column
    }

    private fun listRow(r: MeetingListRow): LinearLayout {
        val column = LinearLayout(host).apply { orientation = LinearLayout.VERTICAL }
        column.addView(Views.heading(host, r.name, 16f))
        listOfNotNull(r.scheduleLine, r.modeLabel, r.listName, r.vanishedLine).forEach {
            column.addView(Views.text(host, it, 14f))
        }
        val status = Views.text(host, "", 14f)
        column.addView(
            Views.button(host, if (r.saved) ShellLabels.UNSAVE_MEETING else ShellLabels.SAVE_MEETING) {
                Background.run(host, { model.setSaved(r.meetingId, !r.saved) }) { said ->
                    status.text = said.valueOrNull() ?: said.messageOrNull()?.text
                    if (said is Outcome.Done) host.refresh(vault)
                }
            },
        )
        column.addView(status)
        return column
    }

    private fun launchButton(label: String, uri: String, status: TextView) =
        Views.button(host, label) { if (!CallLauncher.launch(host, uri)) status.text = ShellLabels.NO_APP }

    private fun importForm(): LinearLayout {
        val column = LinearLayout(host).apply { orientation = LinearLayout.VERTICAL }
        column.addView(Views.heading(host, ShellLabels.IMPORT_TITLE))
        val name = EditText(host).apply {
            hint = ShellLabels.IMPORT_NAME_HINT
            inputType = InputType.TYPE_CLASS_TEXT
        }
        val formats = RadioGroup(host).apply { orientation = RadioGroup.VERTICAL }
        val guide = RadioButton(host).apply {
            text = ShellLabels.FORMAT_MEETING_GUIDE
            id = android.R.id.button1
        }
        val bmlt = RadioButton(host).apply {
            text = ShellLabels.FORMAT_BMLT
            id = android.R.id.button2
        }
        formats.addView(guide)
        formats.addView(bmlt)
        formats.check(guide.id)
        val address = EditText(host).apply {
            hint = ShellLabels.IMPORT_URL_HINT
            inputType = InputType.TYPE_CLASS_TEXT or InputType.TYPE_TEXT_VARIATION_URI
        }
        val result = Views.text(host, "")
        val confirm = LinearLayout(host).apply { orientation = LinearLayout.VERTICAL }
        fun format() = if (formats.checkedRadioButtonId == bmlt.id) FeedFormat.BMLT else FeedFormat.MEETING_GUIDE
        fun import(bytes: ByteArray?, failure: String) {
            if (bytes == null) {
                result.text = failure
                return
            }
            val listName = name.text.toString()
            val feedFormat = format()
            confirm.removeAllViews()
            Background.run(host, { model.previewList(bytes, feedFormat, listName, zone.id) }) { preview ->
                val shown = preview.valueOrNull()
                result.text = shown?.text ?: preview.messageOrNull()?.text
                if (shown == null) return@run
                confirm.addView(
                    Views.button(host, shown.confirmLabel) {
                        confirm.removeAllViews()
                        Background.run(
                            host,
                            { model.importList(bytes, feedFormat, listName, zone.id, shown.replace) },
                        ) { outcome ->
                            result.text = outcome.valueOrNull()?.text ?: outcome.messageOrNull()?.text
                            if (outcome is Outcome.Done) host.refresh(vault)
                        }
                    },
                )
            }
        }
        column.addView(name)
        column.addView(formats)
        column.addView(
            Views.button(host, ShellLabels.IMPORT_FILE) {
                host.pickDocument(BoundedRead.feedLimit) { bytes -> import(bytes, ShellLabels.READ_FAILED) }
            },
        )
        column.addView(address)
        column.addView(
            Views.button(host, ShellLabels.IMPORT_URL) {
                val typed = address.text.toString()
                Background.run(host, { Download.fetch(typed) }) { bytes -> import(bytes, ShellLabels.DOWNLOAD_FAILED) }
            },
        )
        column.addView(result)
        column.addView(confirm)
        return column
    }
}
