package org.oneday.android

import android.text.InputType
import android.widget.CheckBox
import android.widget.EditText
import android.widget.LinearLayout
import android.widget.RadioButton
import android.widget.RadioGroup
import android.widget.SeekBar
import java.time.LocalDate
import java.time.ZoneId
import org.oneday.android.present.CheckInForm
import org.oneday.android.present.CheckInModel
import org.oneday.android.present.Outcome
import org.oneday.android.present.TrendsView
import org.oneday.ffi.Vault

/**
 * The Check-in tab: today's form (mood, craving, symptoms, sleep, a journal line) saved through core,
 * which checks every value and whose refusal is shown as it is; then the trends core computes.
 */
internal class CheckInPage(private val host: MainActivity, private val vault: Vault) {
    private val model = CheckInModel(vault, LocalDate.now(ZoneId.systemDefault()))

    /** Loads today's form and the trends in the background and adds them to [into]. */
    fun show(into: LinearLayout) {
        Background.run(host, { model.form() to model.trends() }) { (form, trends) ->
            when (form) {
                is Outcome.Done -> into.addView(formView(form.value))
                is Outcome.Refused -> into.addView(Views.text(host, form.message.text))
            }
            trends.valueOrNull()?.let { into.addView(trendsView(it)) }
        }
    }

    private fun formView(form: CheckInForm): LinearLayout {
        val column = LinearLayout(host).apply { orientation = LinearLayout.VERTICAL }
        column.addView(Views.text(host, ShellLabels.MOOD))
        val mood = RadioGroup(host).apply { orientation = RadioGroup.HORIZONTAL }
        for (value in 1..5) {
            mood.addView(
                RadioButton(host).apply {
                    text = value.toString()
                    id = MOOD_ID_BASE + value
                },
            )
        }
        form.mood?.let { mood.check(MOOD_ID_BASE + it.toInt()) }
        column.addView(mood)

        val cravingLabel = Views.text(host, cravingText(form.craving?.toInt()))
        val craving = SeekBar(host).apply {
            max = 10
            progress = form.craving?.toInt() ?: 0
            contentDescription = ShellLabels.CRAVING
        }
        var cravingSet = form.craving != null
        craving.setOnSeekBarChangeListener(object : SeekBar.OnSeekBarChangeListener {
            override fun onProgressChanged(bar: SeekBar, value: Int, fromUser: Boolean) {
                if (fromUser) cravingSet = true
                cravingLabel.text = cravingText(if (cravingSet) value else null)
            }

            override fun onStartTrackingTouch(bar: SeekBar) = Unit

            override fun onStopTrackingTouch(bar: SeekBar) = Unit
        })
        column.addView(cravingLabel)
        column.addView(craving)

        val symptoms = form.symptomChoices.map { name ->
            CheckBox(host).apply {
                text = name
                isChecked = name in form.symptoms
            }
        }
        if (symptoms.isNotEmpty()) column.addView(Views.text(host, ShellLabels.SYMPTOMS))
        symptoms.forEach(column::addView)

        val sleep = EditText(host).apply {
            hint = ShellLabels.SLEEP_HINT
            inputType = InputType.TYPE_CLASS_NUMBER or InputType.TYPE_NUMBER_FLAG_DECIMAL
            setText(form.hoursSlept?.toString() ?: "")
        }
        val journal = EditText(host).apply {
            hint = ShellLabels.JOURNAL_HINT
            inputType = InputType.TYPE_CLASS_TEXT or InputType.TYPE_TEXT_FLAG_MULTI_LINE
            setText(form.journal ?: "")
        }
        column.addView(sleep)
        column.addView(journal)

        val result = Views.text(host, "")
        column.addView(
            Views.button(host, ShellLabels.SAVE) {
                val chosenMood = (mood.checkedRadioButtonId - MOOD_ID_BASE).takeIf { it in 1..5 }
                val edited = form.copy(
                    mood = chosenMood?.toUByte(),
                    craving = if (cravingSet) craving.progress.toUByte() else null,
                    symptoms = symptoms.filter { it.isChecked }.map { it.text.toString() },
                    hoursSlept = sleep.text.toString().trim().replace(',', '.').toDoubleOrNull(),
                    journal = journal.text.toString().ifBlank { null },
                )
                Background.run(host, { model.save(edited) }) { saved ->
                    when (saved) {
                        is Outcome.Done -> host.refresh(vault)
                        is Outcome.Refused -> result.text = saved.message.text
                    }
                }
            },
        )
        column.addView(result)
        return column
    }

    private fun cravingText(value: Int?): String = if (value == null) ShellLabels.CRAVING else "${ShellLabels.CRAVING}: $value"

    private fun trendsView(t: TrendsView): LinearLayout {
        val column = LinearLayout(host).apply { orientation = LinearLayout.VERTICAL }
        column.addView(Views.heading(host, ShellLabels.TRENDS))
        column.addView(Views.text(host, t.streakLine))
        t.summaryLines.forEach { column.addView(Views.text(host, it, 14f)) }
        t.cues.forEach { column.addView(Views.text(host, it)) }
        return column
    }

    private companion object {
        const val MOOD_ID_BASE = 0x4d00
    }
}
