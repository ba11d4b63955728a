package org.oneday.android.present

import java.time.LocalDate
import java.time.format.DateTimeFormatter
import java.time.format.FormatStyle
import java.util.Locale
import org.oneday.ffi.Counter
import org.oneday.ffi.CounterKind
import org.oneday.ffi.CounterSettings
import org.oneday.ffi.CountingMode
import org.oneday.ffi.MilestoneProfile

/**
 * The milestones a new counter celebrates, as the add-counter form offers them.
 *
 * @property label What the choice says.
 */
enum class MilestoneChoice(val label: String) {
    /** Narcotics Anonymous key tags (core knows their colours). */
    NA_KEY_TAGS("NA key tags"),

    /** Alcoholics Anonymous chips (colours vary by group: none until the user names them). */
    AA_CHIPS("AA chips"),
    ;

    /** Core's profile for this choice. */
    fun profile(): MilestoneProfile = when (this) {
        NA_KEY_TAGS -> MilestoneProfile.NaKeyTags
        AA_CHIPS -> MilestoneProfile.AaChips(emptyList())
    }
}

/**
 * What the user filled in to add a counter.
 *
 * @property label The name they give it (core checks it).
 * @property cleanDate The clean date they picked.
 * @property milestones Key tags or chips.
 * @property todayIsDayOne Whether the clean date counts as day 1 (else completed days: day 0).
 */
data class NewCounterInput(
    val label: String,
    val cleanDate: LocalDate,
    val milestones: MilestoneChoice,
    val todayIsDayOne: Boolean,
)

/**
 * The add-counter form: its wording, the date the picker starts on, and the call to core's
 * `addCounter` (core checks the label and the date; its refusals come back as they are).
 *
 * @param vault The open vault.
 * @param today The user's local date: where the date picker starts.
 * @param locale How to write the chosen date.
 */
class AddCounterModel(
    private val vault: org.oneday.ffi.Vault,
    val today: LocalDate,
    private val locale: Locale = Locale.getDefault(),
) {
    /** The form's title, also the Today screen's action. */
    val title: String = "Add a counter"

    /** The hint of the label field. */
    val labelHint: String = "What you are counting (only you see it)"

    /** The button that opens the date picker. */
    val pickDateLabel: String = "Choose your clean date"

    /** The "count today as day 1" option. */
    val dayOneLabel: String = "Count the clean date as day 1"

    /** The milestone choices, NA key tags first. */
    val milestoneChoices: List<MilestoneChoice> = MilestoneChoice.entries

    /** The line under the date button: `Clean date: June 15, 2025`. */
    fun dateLine(date: LocalDate): String =
        "Clean date: " + date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale))

    /** Adds the counter through core; the refusal is core's sentence (an empty label, say). */
    fun add(input: NewCounterInput): Outcome<Counter> = outcomeOf {
        val settings = CounterSettings(
            label = input.label,
            kind = CounterKind.SUBSTANCE,
            counting = if (input.todayIsDayOne) CountingMode.TODAY_IS_DAY_ONE else CountingMode.COMPLETED_DAYS,
            profile = input.milestones.profile(),
        )
        vault.addCounter(settings, input.cleanDate)
    }
}
