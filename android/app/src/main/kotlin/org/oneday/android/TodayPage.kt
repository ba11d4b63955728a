package org.oneday.android

import android.app.AlertDialog
import android.app.DatePickerDialog
import android.graphics.Color
import android.text.InputType
import android.widget.CheckBox
import android.widget.EditText
import android.widget.LinearLayout
import android.widget.ProgressBar
import android.widget.RadioButton
import android.widget.RadioGroup
import java.time.LocalDate
import java.time.ZoneId
import org.oneday.android.present.AddCounterModel
import org.oneday.android.present.CounterCard
import org.oneday.android.present.NewCounterInput
import org.oneday.android.present.Outcome
import org.oneday.android.present.ResetFlow
import org.oneday.android.present.TodayModel
import org.oneday.ffi.Vault

/**
 * The Today tab: one card per counter (days, period, key tag and colour, way to the next milestone), the
 * kind reset, and "Add a counter" (with a kind word first when there is none).
 */
internal class TodayPage(private val host: MainActivity, private val vault: Vault) {
    private val model = TodayModel(vault, LocalDate.now(ZoneId.systemDefault()))

    /** Loads the cards in the background and adds them to [into]. */
    fun show(into: LinearLayout) {
        Background.run(host, { model.cards() }) { outcome ->
            when (outcome) {
                is Outcome.Done -> {
                    if (outcome.value.isEmpty()) into.addView(Views.text(host, model.emptyText, 18f))
                    outcome.value.forEach { into.addView(card(it)) }
                    into.addView(Views.button(host, model.addCounter().title) { addCounter(model.addCounter()) })
                }
                is Outcome.Refused -> into.addView(Views.text(host, outcome.message.text))
            }
        }
    }

    private fun card(c: CounterCard): LinearLayout {
        val column = LinearLayout(host).apply { orientation = LinearLayout.VERTICAL }
        column.addView(Views.heading(host, c.label))
        column.addView(Views.text(host, c.daysLine, 28f))
        c.periodLine?.let { column.addView(Views.text(host, it)) }
        c.keyTag?.let { tag ->
            val row = Views.row(host)
            tag.colourHex?.let { row.addView(Views.swatch(host, Color.parseColor(it), tag.text)) }
            row.addView(Views.text(host, tag.text))
            column.addView(row)
        }
        c.next?.let { next ->
            column.addView(
                ProgressBar(host, null, android.R.attr.progressBarStyleHorizontal).apply {
                    max = PROGRESS_STEPS
                    progress = (next.fraction * PROGRESS_STEPS).toInt()
                    contentDescription = "${next.keyTag.text} ${next.inDaysLine}"
                },
            )
            column.addView(Views.text(host, "${next.keyTag.text} ${next.inDaysLine}"))
        }
        c.moneySaved?.let { column.addView(Views.text(host, it)) }
        if (c.canReset) column.addView(Views.button(host, ShellLabels.RESET) { reset(model.resetFlow(c.counterId)) })
        return column
    }

    /** The add-counter form: label, clean date (date picker), key tags or chips, day 1 option. */
    private fun addCounter(form: AddCounterModel) {
        var date = form.today
        val column = LinearLayout(host).apply { orientation = LinearLayout.VERTICAL }
        val label = EditText(host).apply {
            hint = form.labelHint
            inputType = InputType.TYPE_CLASS_TEXT or InputType.TYPE_TEXT_FLAG_CAP_SENTENCES
        }
        column.addView(label)
        val dateLine = Views.text(host, form.dateLine(date))
        column.addView(
            Views.button(host, form.pickDateLabel) {
                val picker = DatePickerDialog(host, { _, y, m, d ->
                    date = LocalDate.of(y, m + 1, d)
                    dateLine.text = form.dateLine(date)
                }, date.year, date.monthValue - 1, date.dayOfMonth)
                host.showSecure(picker)
            },
        )
        column.addView(dateLine)
        val profiles = RadioGroup(host)
        form.milestoneChoices.forEachIndexed { i, choice ->
            profiles.addView(RadioButton(host).apply {
                id = i + 1
                text = choice.label
            })
        }
        profiles.check(1)
        column.addView(profiles)
        val dayOne = CheckBox(host).apply { text = form.dayOneLabel }
        column.addView(dayOne)
        Dialogs.form(host, form.title, column, {
            val choice = form.milestoneChoices[(profiles.checkedRadioButtonId - 1).coerceIn(0, form.milestoneChoices.size - 1)]
            form.add(NewCounterInput(label.text.toString(), date, choice, dayOne.isChecked)).messageOrNull()?.text
        }) { host.refresh(vault) }
    }

    /** The kind reset: core's day number in the text, an optional note, history kept. */
    private fun reset(flow: ResetFlow) {
        Background.run(host, { flow.body() }) { body ->
            val note = EditText(host).apply { hint = flow.noteHint }
            val dialog = AlertDialog.Builder(host)
                .setTitle(flow.title)
                .setMessage(body.valueOrNull() ?: body.messageOrNull()?.text)
                .setView(note)
                .setNegativeButton(flow.cancelLabel, null)
                .setPositiveButton(flow.confirmLabel) { _, _ ->
                    val text = note.text.toString()
                    Background.run(host, { flow.confirm(text) }) { done ->
                        val line = done.valueOrNull()?.keptLine ?: done.messageOrNull()?.text
                        host.refresh(vault)
                        line?.let { host.showSecure(AlertDialog.Builder(host).setMessage(it).setPositiveButton(ShellLabels.NOTE_DONE, null).create()) }
                    }
                }
                .create()
            host.showSecure(dialog)
        }
    }

    private companion object {
        const val PROGRESS_STEPS = 1000
    }
}
