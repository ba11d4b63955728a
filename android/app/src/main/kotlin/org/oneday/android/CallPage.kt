package org.oneday.android

import android.text.InputType
import android.widget.EditText
import android.widget.LinearLayout
import org.oneday.android.present.CallModel
import org.oneday.android.present.CallRow
import org.oneday.android.present.CallScreen
import org.oneday.android.present.ContactRow
import org.oneday.android.present.ContactsModel
import org.oneday.android.present.Outcome
import org.oneday.ffi.CallChannel
import org.oneday.ffi.Vault

/**
 * The Call tab: core's headline and one big button for whoever core's plan puts first, then the
 * fallbacks in core's order, the crisis line pinned at the bottom, the region hint, then the region's
 * drug and alcohol helplines under their own heading (never part of one tap). Calls go out
 * through [CallLauncher] (ACTION_CALL when allowed, else the dialer). Below: the user's contacts (add,
 * edit, remove, move up and down; core checks every number) and the region for crisis lines.
 */
internal class CallPage(private val host: MainActivity, private val vault: Vault) {
    private val model = CallModel(vault)
    private val contacts = ContactsModel(vault)

    /** Loads the call plan in the background and adds it to [into]. */
    fun show(into: LinearLayout, texting: Boolean = false) {
        Background.run(host, { if (texting) model.text() else model.call(CallLauncher.directCalls(host)) }) { outcome ->
            into.removeAllViews()
            when (outcome) {
                is Outcome.Done -> screen(into, outcome.value, texting)
                is Outcome.Refused -> into.addView(Views.text(host, outcome.message.text))
            }
        }
    }

    private fun screen(into: LinearLayout, s: CallScreen, texting: Boolean) {
        into.addView(Views.heading(host, s.headline, 24f))
        s.launchUri?.let { uri ->
            val label = if (s.channel == CallChannel.SMS) ShellLabels.TEXT_NOW else ShellLabels.CALL_NOW
            into.addView(Views.button(host, label) { CallLauncher.launch(host, uri) }.apply { textSize = 24f })
        }
        s.regionHint?.let { into.addView(Views.text(host, it)) }
        s.fallbacks.forEach { into.addView(row(it)) }
        s.crisisRow?.let { into.addView(row(it)) }
        if (s.helplines.isNotEmpty()) {
            into.addView(Views.heading(host, ShellLabels.HELPLINES_TITLE, 18f))
            s.helplines.forEach { into.addView(row(it)) }
        }
        into.addView(
            Views.button(host, if (texting) ShellLabels.CALL_INSTEAD else ShellLabels.TEXT_INSTEAD) {
                show(into, !texting)
            },
        )
        if (s.offersDirectCalls) {
            into.addView(Views.button(host, ShellLabels.ALLOW_DIRECT_CALLS) { host.askCallPermission() })
        }
        val people = LinearLayout(host).apply { orientation = LinearLayout.VERTICAL }
        into.addView(people)
        showContacts(people)
        into.addView(regionForm())
    }

    /** The contacts in the user's order: edit, remove (confirmed), move up and down, add. */
    private fun showContacts(into: LinearLayout) {
        Background.run(host, { contacts.list() }) { outcome ->
            into.removeAllViews()
            into.addView(Views.heading(host, contacts.heading))
            when (outcome) {
                is Outcome.Done -> {
                    if (outcome.value.isEmpty()) into.addView(Views.text(host, contacts.emptyText))
                    outcome.value.forEach { into.addView(contactRow(it, into)) }
                }
                is Outcome.Refused -> into.addView(Views.text(host, outcome.message.text))
            }
            into.addView(Views.button(host, ShellLabels.ADD_CONTACT) { ContactDialog.show(host, contacts, null) { host.refresh(vault) } })
        }
    }

    private fun contactRow(c: ContactRow, list: LinearLayout): LinearLayout {
        val column = LinearLayout(host).apply { orientation = LinearLayout.VERTICAL }
        column.addView(Views.text(host, c.title, 18f))
        column.addView(Views.text(host, c.detail, 14f))
        val actions = Views.row(host)
        actions.addView(Views.button(host, ShellLabels.EDIT_CONTACT) { ContactDialog.show(host, contacts, c) { host.refresh(vault) } })
        actions.addView(
            Views.button(host, ShellLabels.REMOVE_CONTACT) {
                Dialogs.confirm(host, null, contacts.removeQuestion(c), ShellLabels.REMOVE_CONTACT, ShellLabels.CANCEL) {
                    Background.run(host, { contacts.remove(c.id) }) { done ->
                        done.messageOrNull()?.let { Dialogs.say(host, it.text) } ?: host.refresh(vault)
                    }
                }
            },
        )
        if (c.canMoveUp) actions.addView(Views.button(host, ShellLabels.MOVE_UP) { move(c, up = true, list) })
        if (c.canMoveDown) actions.addView(Views.button(host, ShellLabels.MOVE_DOWN) { move(c, up = false, list) })
        column.addView(actions)
        return column
    }

    private fun move(c: ContactRow, up: Boolean, list: LinearLayout) {
        Background.run(host, { contacts.move(c.id, up) }) { done ->
            done.messageOrNull()?.let { Dialogs.say(host, it.text) } ?: host.refresh(vault)
        }
    }

    /** The region core uses for crisis lines and the emergency number (two letters; blank clears it). */
    private fun regionForm(): LinearLayout {
        val column = LinearLayout(host).apply { orientation = LinearLayout.VERTICAL }
        column.addView(Views.heading(host, ShellLabels.REGION_TITLE, 18f))
        val field = EditText(host).apply {
            hint = contacts.regionHint
            inputType = InputType.TYPE_CLASS_TEXT or InputType.TYPE_TEXT_FLAG_CAP_CHARACTERS
        }
        column.addView(field)
        val status = Views.text(host, "", 14f)
        column.addView(
            Views.button(host, ShellLabels.SET_REGION) {
                val code = field.text.toString()
                Background.run(host, { contacts.setRegion(code) }) { done ->
                    done.messageOrNull()?.let { status.text = it.text } ?: host.refresh(vault)
                }
            },
        )
        column.addView(status)
        Background.run(host, { contacts.region() }) { region -> region.valueOrNull()?.let { field.setText(it) } }
        return column
    }

    private fun row(r: CallRow): LinearLayout {
        val column = LinearLayout(host).apply { orientation = LinearLayout.VERTICAL }
        val uri = r.uri
        if (uri != null) {
            column.addView(Views.button(host, r.label) { CallLauncher.launch(host, uri) })
        } else {
            column.addView(Views.text(host, r.label, 18f))
        }
        listOfNotNull(r.number, r.detail).forEach { column.addView(Views.text(host, it, 14f)) }
        return column
    }
}
