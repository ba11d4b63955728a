package org.oneday.android

import android.text.InputType
import android.widget.ArrayAdapter
import android.widget.CheckBox
import android.widget.EditText
import android.widget.LinearLayout
import android.widget.Spinner
import org.oneday.android.present.ContactsModel
import org.oneday.android.present.Outcome
import org.oneday.android.present.PlanEditor
import org.oneday.android.present.PlanEntryInput
import org.oneday.android.present.PlanModel
import org.oneday.android.present.PlanPart
import org.oneday.android.present.PlanScreen
import org.oneday.android.present.PlanSection
import org.oneday.android.present.PlanWords
import org.oneday.android.present.RelapsePart
import org.oneday.android.present.SafetyPart
import org.oneday.ffi.DistractionKind
import org.oneday.ffi.Vault

/**
 * The Plan tab: the safety plan (Stanley-Brown order) or the relapse-prevention plan, with what core
 * finds missing; an "Add" per section and a "Remove" per entry, each saved through core (which keeps
 * the earlier revisions); core's "no one to call" prompt with a button to add a contact.
 */
internal class PlanPage(private val host: MainActivity, private val vault: Vault) {
    private val model = PlanModel(vault)
    private val editor = PlanEditor(vault)

    /** Loads a plan in the background and adds it to [into]. */
    fun show(into: LinearLayout, relapse: Boolean = false) {
        Background.run(host, { if (relapse) model.relapse() else model.safety() }) { outcome ->
            into.removeAllViews()
            val switch = Views.row(host)
            switch.addView(Views.button(host, ShellLabels.SAFETY_PLAN) { show(into, relapse = false) })
            switch.addView(Views.button(host, ShellLabels.RELAPSE_PLAN) { show(into, relapse = true) })
            into.addView(switch)
            into.addView(Views.heading(host, if (relapse) ShellLabels.RELAPSE_PLAN else ShellLabels.SAFETY_PLAN, 22f))
            when (outcome) {
                is Outcome.Done -> plan(into, outcome.value, relapse)
                is Outcome.Refused -> into.addView(Views.text(host, outcome.message.text))
            }
        }
    }

    private fun plan(into: LinearLayout, p: PlanScreen, relapse: Boolean) {
        p.prompt?.let {
            into.addView(Views.text(host, it, 18f))
            into.addView(Views.button(host, ShellLabels.ADD_CONTACT) { ContactDialog.show(host, ContactsModel(vault), null) { show(into, relapse) } })
        }
        for (section in p.sections) {
            into.addView(Views.heading(host, section.title, 18f))
            section.entries.forEachIndexed { index, entry ->
                val dial = entry.dialUri
                if (dial != null) {
                    into.addView(Views.button(host, entry.text) { CallLauncher.launch(host, dial) })
                } else {
                    into.addView(Views.text(host, entry.text))
                }
                entry.detail?.let { into.addView(Views.text(host, it, 14f)) }
                section.part?.let { part -> into.addView(Views.button(host, ShellLabels.REMOVE) { remove(part, index, into, relapse) }) }
            }
            section.part?.let { part -> into.addView(Views.button(host, ShellLabels.ADD_ENTRY) { add(section, part, into, relapse) }) }
        }
        p.gaps.filter { it != p.prompt }.forEach { into.addView(Views.text(host, it, 14f)) }
    }

    private fun remove(part: PlanPart, index: Int, into: LinearLayout, relapse: Boolean) {
        Dialogs.confirm(host, null, editor.removeQuestion, ShellLabels.REMOVE, ShellLabels.CANCEL) {
            Background.run(host, { editor.remove(part, index) }) { done ->
                done.messageOrNull()?.let { Dialogs.say(host, it.text) }
                show(into, relapse)
            }
        }
    }

    /** The entry form: the words, and what the section needs besides (a contact, a kind, a grade...). */
    private fun add(section: PlanSection, part: PlanPart, into: LinearLayout, relapse: Boolean) {
        Background.run(host, { if (part.linksContact) editor.linkChoices().valueOrNull().orEmpty() else emptyList() }) { links ->
            val column = LinearLayout(host).apply { orientation = LinearLayout.VERTICAL }
            val text = EditText(host).apply {
                hint = editor.entryHint
                inputType = InputType.TYPE_CLASS_TEXT or InputType.TYPE_TEXT_FLAG_CAP_SENTENCES
            }
            column.addView(text)
            val link = spinner(listOf(ShellLabels.NO_LINK) + links.map { it.second })
            if (part.linksContact && links.isNotEmpty()) {
                column.addView(Views.text(host, ShellLabels.LINK_CONTACT, 14f))
                column.addView(link)
            }
            val kind = spinner(listOf(ShellLabels.PERSON, ShellLabels.PLACE))
            if (part == SafetyPart.DISTRACTIONS) column.addView(kind)
            val category = spinner(PlanWords.triggerCategories.map(PlanWords::categoryLabel))
            val coping = EditText(host).apply { hint = ShellLabels.COPING_HINT }
            if (part == RelapsePart.TRIGGERS) {
                column.addView(category)
                column.addView(coping)
            }
            val grade = spinner(PlanWords.grades.map(PlanWords::gradeLabel))
            val mental = CheckBox(host).apply { this.text = ShellLabels.MENTAL_HEALTH }
            if (part == RelapsePart.WARNING_SIGNS) {
                column.addView(grade)
                column.addView(mental)
            }
            Dialogs.form(host, section.title, column, {
                val input = PlanEntryInput(
                    text = text.text.toString(),
                    contactId = links.getOrNull(link.selectedItemPosition - 1)?.first,
                    distraction = if (kind.selectedItemPosition == 1) DistractionKind.PLACE else DistractionKind.PERSON,
                    category = PlanWords.triggerCategories[category.selectedItemPosition.coerceAtLeast(0)],
                    coping = coping.text.toString(),
                    grade = PlanWords.grades[grade.selectedItemPosition.coerceAtLeast(0)],
                    mentalHealth = mental.isChecked,
                )
                editor.add(part, input).messageOrNull()?.text
            }) { show(into, relapse) }
        }
    }

    private fun spinner(labels: List<String>): Spinner = Spinner(host).apply {
        adapter = ArrayAdapter(host, android.R.layout.simple_spinner_dropdown_item, labels)
    }
}
