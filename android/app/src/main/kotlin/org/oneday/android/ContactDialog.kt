package org.oneday.android

import android.text.InputType
import android.view.View
import android.widget.ArrayAdapter
import android.widget.CheckBox
import android.widget.EditText
import android.widget.LinearLayout
import android.widget.Spinner
import org.oneday.android.present.ContactInput
import org.oneday.android.present.ContactRoles
import org.oneday.android.present.ContactRow
import org.oneday.android.present.ContactsModel

/** The contact form (add or edit: name, role, phone, texting OK), shared by the Call and Plan tabs. */
internal object ContactDialog {
    /** Opens the form, filled from [editing] when given; [saved] runs after core accepted it. */
    fun show(host: MainActivity, model: ContactsModel, editing: ContactRow?, saved: () -> Unit) {
        val column = LinearLayout(host).apply { orientation = LinearLayout.VERTICAL }
        val name = EditText(host).apply {
            hint = ShellLabels.CONTACT_NAME_HINT
            inputType = InputType.TYPE_CLASS_TEXT or InputType.TYPE_TEXT_FLAG_CAP_WORDS
            importantForAutofill = View.IMPORTANT_FOR_AUTOFILL_NO
        }
        val roles = Spinner(host).apply {
            adapter = ArrayAdapter(
                host,
                android.R.layout.simple_spinner_dropdown_item,
                ContactRoles.choices.map(ContactRoles::label),
            )
        }
        val phone = EditText(host).apply {
            hint = ShellLabels.CONTACT_PHONE_HINT
            inputType = InputType.TYPE_CLASS_PHONE
            importantForAutofill = View.IMPORTANT_FOR_AUTOFILL_NO
        }
        val sms = CheckBox(host).apply { text = ShellLabels.CONTACT_SMS_OK }
        editing?.let {
            name.setText(it.name)
            roles.setSelection(ContactRoles.choices.indexOf(it.role).coerceAtLeast(0))
            phone.setText(it.phone)
            sms.isChecked = it.smsAllowed
        }
        listOf(name, roles, phone, sms).forEach(column::addView)
        val title = if (editing == null) ShellLabels.ADD_CONTACT else editing.title
        Dialogs.form(host, title, column, {
            val input = ContactInput(
                name.text.toString(),
                ContactRoles.choices[roles.selectedItemPosition.coerceIn(0, ContactRoles.choices.size - 1)],
                phone.text.toString(),
                sms.isChecked,
            )
            val outcome = if (editing == null) model.add(input) else model.edit(editing.id, input)
            outcome.messageOrNull()?.text
        }, saved)
    }
}
