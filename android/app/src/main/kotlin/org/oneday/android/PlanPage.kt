package org.oneday.android

import android.text.InputType
import android.widget.ArrayAdapter
import android.widget.CheckBox
import android.widget.EditText
import android.widget.LinearLayout
import android.widget.Spinner
import org.oneday.android.present.ContactsModel
import org.oneday.android.present.Outcome
import org.oneday.android.present.PlanEntryForm
import org.oneday.android.present.PlanModel
import org.oneday.ffi.PlanEdit
import org.oneday.ffi.PlanEntryShape
import org.oneday.ffi.PlanEntryView
import org.oneday.ffi.PlanKind
import org.oneday.ffi.PlanScreen
import org.oneday.ffi.PlanSectionView
import org.oneday.ffi.Vault

/**
 * The Plan tab: core's screen of the safety plan (Stanley-Brown order) or the relapse-prevention
 * plan; "Add" per section, "Edit" and "Remove" per entry, the earlier revisions with "Restore",
 * each one core plan edit (which keeps every revision); core's "no one to call" prompt with a
 * button to add a contact.
 */
internal class PlanPage(private val host: MainActivity, private val vault: Vault) {
    private val model = PlanModel(vault)

    /** Loads a plan in the background and adds it to [into]. */
    fun show(into: LinearLayout, kind: PlanKind = PlanKind.SAFETY) {
        Background.run(host, { model.plan(kind) }) { outcome -> draw(into, kind, outcome) }
    }

    private fun draw(into: LinearLayout, kind: PlanKind, outcome: Outcome<PlanScreen>) {
        into.removeAllViews()
        val switch = Views.row(host)
        switch.addView(Views.button(host, ShellLabels.SAFETY_PLAN) { show(into, PlanKind.SAFETY) })
        switch.addView(Views.button(host, ShellLabels.RELAPSE_PLAN) { show(into, PlanKind.RELAPSE) })
        into.addView(switch)
        into.addView(Views.heading(host, if (kind == PlanKind.RELAPSE) ShellLabels.RELAPSE_PLAN else ShellLabels.SAFETY_PLAN, 22f))
        when (outcome) {
            is Outcome.Done -> plan(into, outcome.value)
            is Outcome.Refused -> into.addView(Views.text(host, outcome.message.text))
        }
    }

    private fun plan(into: LinearLayout, p: PlanScreen) {
        p.prompt?.let {
            into.addView(Views.text(host, it, 18f))
            into.addView(Views.button(host, ShellLabels.ADD_CONTACT) { ContactDialog.show(host, ContactsModel(vault), null) { show(into, p.kind) } })
        }
        for (section in p.sections) {
            into.addView(Views.heading(host, section.heading, 18f))
            for (entry in section.entries) {
                val dial = entry.dialUri
                if (dial != null) {
                    into.addView(Views.button(host, entry.line) { CallLauncher.launch(host, dial) })
                } else {
                    into.addView(Views.text(host, entry.line))
                }
                entry.detail?.let { into.addView(Views.text(host, it, 14f)) }
                val actions = Views.row(host)
                actions.addView(Views.button(host, EDIT) { form(into, p, section, entry) })
                actions.addView(Views.button(host, ShellLabels.REMOVE) { remove(into, p, section, entry) })
                into.addView(actions)
            }
            into.addView(Views.button(host, ShellLabels.ADD_ENTRY) { form(into, p, section, null) })
        }
        p.completeness.messages.filter { it != p.prompt }.forEach { into.addView(Views.text(host, it, 14f)) }
        if (p.revisions.size > 1) {
            into.addView(Views.heading(host, EARLIER, 18f))
            for (r in p.revisions.dropLast(1).asReversed()) {
                into.addView(Views.text(host, model.revisionLine(r), 14f))
                into.addView(Views.button(host, RESTORE) {
                    Dialogs.confirm(host, null, model.restoreQuestion(r), RESTORE, ShellLabels.CANCEL) {
                        save(into, p) { model.apply(p, PlanEdit.Restore(r.number)) }
                    }
                })
            }
        }
    }

    /** Runs [edit] in the background, says core's refusal if any, and shows the plan again. */
    private fun save(into: LinearLayout, p: PlanScreen, edit: () -> Outcome<PlanScreen>) {
        Background.run(host, edit) { done ->
            done.messageOrNull()?.let { Dialogs.say(host, it.text) }
            show(into, p.kind)
        }
    }

    private fun remove(into: LinearLayout, p: PlanScreen, section: PlanSectionView, entry: PlanEntryView) {
        Dialogs.confirm(host, null, model.removeQuestion, ShellLabels.REMOVE, ShellLabels.CANCEL) {
            save(into, p) { model.apply(p, PlanEdit.Remove(section.section, entry.number)) }
        }
    }

    /** The entry form, empty to add or filled with [editing] to change it in place. */
    private fun form(into: LinearLayout, p: PlanScreen, section: PlanSectionView, editing: PlanEntryView?) {
        val start = editing?.let { PlanEntryForm.of(it.entry) } ?: PlanEntryForm()
        Background.run(host, { if (section.linksContact) model.linkChoices().valueOrNull().orEmpty() else emptyList() }) { links ->
            val column = LinearLayout(host).apply { orientation = LinearLayout.VERTICAL }
            val text = EditText(host).apply {
                hint = model.entryHint
                inputType = InputType.TYPE_CLASS_TEXT or InputType.TYPE_TEXT_FLAG_CAP_SENTENCES
                setText(start.text)
            }
            column.addView(text)
            val link = spinner(listOf(ShellLabels.NO_LINK) + links.map { it.second }, links.indexOfFirst { it.first == start.contactId } + 1)
            if (section.linksContact && links.isNotEmpty()) {
                column.addView(Views.text(host, ShellLabels.LINK_CONTACT, 14f))
                column.addView(link)
            }
            val kind = spinner(listOf(ShellLabels.PERSON, ShellLabels.PLACE), if (start.place) 1 else 0)
            if (section.shape == PlanEntryShape.PERSON_OR_PLACE) column.addView(kind)
            val category = spinner(model.categories.map { it.label }, model.categories.indexOfFirst { it.category == start.category })
            val coping = EditText(host).apply {
                hint = ShellLabels.COPING_HINT
                setText(start.coping.orEmpty())
            }
            if (section.shape == PlanEntryShape.CATEGORISED_TRIGGER) {
                column.addView(category)
                column.addView(coping)
            }
            val grade = spinner(model.grades.map { it.label }, model.grades.indexOfFirst { it.grade == start.grade })
            val mental = CheckBox(host).apply {
                this.text = ShellLabels.MENTAL_HEALTH
                isChecked = start.mentalHealth
            }
            if (section.shape == PlanEntryShape.GRADED_SIGN) {
                column.addView(grade)
                column.addView(mental)
            }
            Dialogs.form(host, section.heading, column, {
                val entry = start.copy(
                    text = text.text.toString(),
                    contactId = if (section.linksContact) links.getOrNull(link.selectedItemPosition - 1)?.first else null,
                    place = kind.selectedItemPosition == 1,
                    category = model.categories.getOrNull(category.selectedItemPosition)?.category ?: start.category,
                    coping = coping.text.toString(),
                    grade = model.grades.getOrNull(grade.selectedItemPosition)?.grade ?: start.grade,
                    mentalHealth = mental.isChecked,
                ).entry(section.shape)
                val edit = if (editing == null) {
                    PlanEdit.Add(section.section, entry)
                } else {
                    PlanEdit.Replace(section.section, editing.number, entry)
                }
                model.apply(p, edit).messageOrNull()?.text
            }) { show(into, p.kind) }
        }
    }

    private fun spinner(labels: List<String>, selected: Int): Spinner = Spinner(host).apply {
        adapter = ArrayAdapter(host, android.R.layout.simple_spinner_dropdown_item, labels)
        setSelection(selected.coerceAtLeast(0))
    }

    private companion object {
        const val EDIT = "Edit"
        const val RESTORE = "Restore"
        const val EARLIER = "Earlier versions"
    }
}
