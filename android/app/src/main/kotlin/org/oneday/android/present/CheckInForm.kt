package org.oneday.android.present

import java.time.LocalDate
import org.oneday.ffi.CheckIn
import org.oneday.ffi.Medication

/**
 * The state of the check-in form for one day. Values are kept as the user set them; core checks
 * them on save (mood 1 to 5, craving 0 to 10, hours 0 to 24, ...) and its refusal is shown as is.
 *
 * @property date The day it is for.
 * @property mood 1 (very low) to 5 (very good), or unset.
 * @property craving 0 (none) to 10 (strongest), or unset.
 * @property symptoms The symptoms ticked, by name.
 * @property medication Whether prescribed medication was taken, or unset.
 * @property hoursSlept Hours slept, or unset.
 * @property journal A short journal line, or unset.
 * @property gratitude Things the user is grateful for.
 * @property symptomChoices The user's own symptom list, to tick from.
 * @property saved Whether this day already has a saved check-in (the form then edits it).
 */
data class CheckInForm(
    val date: LocalDate,
    val mood: UByte? = null,
    val craving: UByte? = null,
    val symptoms: List<String> = emptyList(),
    val medication: Medication? = null,
    val hoursSlept: Double? = null,
    val journal: String? = null,
    val gratitude: List<String> = emptyList(),
    val symptomChoices: List<String> = emptyList(),
    val saved: Boolean = false,
) {
    /** The record core checks and saves. */
    fun toCheckIn(): CheckIn = CheckIn(date, mood, craving, symptoms, medication, hoursSlept, journal, gratitude)

    /** Building a form from a saved check-in. */
    companion object {
        /** The form showing [checkIn] as core saved it, with the user's [symptomChoices]. */
        fun of(checkIn: CheckIn, symptomChoices: List<String>): CheckInForm = CheckInForm(
            date = checkIn.date,
            mood = checkIn.mood,
            craving = checkIn.craving,
            symptoms = checkIn.symptoms,
            medication = checkIn.medication,
            hoursSlept = checkIn.hoursSlept,
            journal = checkIn.journal,
            gratitude = checkIn.gratitude,
            symptomChoices = symptomChoices,
            saved = true,
        )
    }
}
