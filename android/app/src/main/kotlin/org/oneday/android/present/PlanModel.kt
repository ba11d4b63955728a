package org.oneday.android.present

import java.time.ZoneId
import java.time.format.DateTimeFormatter
import org.oneday.ffi.ContactEntry
import org.oneday.ffi.Distraction
import org.oneday.ffi.DistractionKind
import org.oneday.ffi.PlanEdit
import org.oneday.ffi.PlanEntry
import org.oneday.ffi.PlanEntryShape
import org.oneday.ffi.PlanExportFormat
import org.oneday.ffi.PlanKind
import org.oneday.ffi.PlanRevision
import org.oneday.ffi.PlanScreen
import org.oneday.ffi.Trigger
import org.oneday.ffi.TriggerCategory
import org.oneday.ffi.TriggerCategoryChoice
import org.oneday.ffi.Vault
import org.oneday.ffi.WarningGrade
import org.oneday.ffi.WarningGradeChoice
import org.oneday.ffi.WarningSign
import org.oneday.ffi.triggerCategories
import org.oneday.ffi.warningGrades

/**
 * The values of the entry form. The section's shape (core's) says which of them count; the
 * rest are ignored.
 */
data class PlanEntryForm(
    /** The user's words. */
    val text: String = "",
    /** A contact to link (safety steps 3 to 5). */
    val contactId: String? = null,
    /** A phone number the entry keeps (safety steps 3 to 5). */
    val phone: String? = null,
    /** A place rather than a person (safety step 3). */
    val place: Boolean = false,
    /** The trigger's category. */
    val category: TriggerCategory = TriggerCategory.People,
    /** What to do when the trigger comes up (blank: none yet; core drops it). */
    val coping: String? = null,
    /** The warning sign's grade. */
    val grade: WarningGrade = WarningGrade.EARLY,
    /** A mental-health warning sign. */
    val mentalHealth: Boolean = false,
) {
    /** The entry for a section whose entries have [shape]. */
    fun entry(shape: PlanEntryShape): PlanEntry = when (shape) {
        PlanEntryShape.WORDS -> PlanEntry.TextEntry(text)
        PlanEntryShape.PERSON_OR_PLACE -> PlanEntry.DistractionEntry(
            Distraction(if (place) DistractionKind.PLACE else DistractionKind.PERSON, ContactEntry(text, contactId, phone)),
        )
        PlanEntryShape.REACHABLE -> PlanEntry.HelpEntry(ContactEntry(text, contactId, phone))
        PlanEntryShape.CATEGORISED_TRIGGER -> PlanEntry.TriggerEntry(Trigger(category, text, coping))
        PlanEntryShape.GRADED_SIGN -> PlanEntry.WarningSignEntry(WarningSign(grade, text, mentalHealth))
    }

    companion object {
        /** The form filled in with [entry], to edit it in place. */
        fun of(entry: PlanEntry): PlanEntryForm = when (entry) {
            is PlanEntry.TextEntry -> PlanEntryForm(text = entry.text)
            is PlanEntry.DistractionEntry -> entry.distraction.entry.let {
                PlanEntryForm(it.text, it.contactId, it.phone, place = entry.distraction.kind == DistractionKind.PLACE)
            }
            is PlanEntry.HelpEntry -> PlanEntryForm(entry.entry.text, entry.entry.contactId, entry.entry.phone)
            is PlanEntry.TriggerEntry -> entry.trigger.let { PlanEntryForm(it.text, category = it.category, coping = it.coping) }
            is PlanEntry.WarningSignEntry -> entry.sign.let { PlanEntryForm(it.text, grade = it.grade, mentalHealth = it.mentalHealth) }
        }
    }
}

/**
 * The Plan screen: core's screen of a plan (sections, entries, linked contacts, what is missing,
 * revisions) in one call, and every change as core's one plan edit, applied against the version
 * the screen shows, so an edit made elsewhere in the meantime is never overwritten.
 *
 * @param vault The open vault.
 * @param zone The zone revision times are shown in.
 */
class PlanModel(private val vault: Vault, private val zone: ZoneId = ZoneId.systemDefault()) {
    /** The hint of the entry field. */
    val entryHint: String = "In your own words"

    /** The question asked before removing an entry. */
    val removeQuestion: String = "Remove this entry from the plan? The plan's earlier versions are kept."

    /** The trigger categories the form offers, with core's labels. */
    val categories: List<TriggerCategoryChoice> by lazy { triggerCategories() }

    /** The warning-sign grades the form offers, with core's labels. */
    val grades: List<WarningGradeChoice> by lazy { warningGrades() }

    /** Core's screen of plan [kind]. */
    fun plan(kind: PlanKind): Outcome<PlanScreen> = outcomeOf { vault.plan(kind) }

    /** Applies [edit] to the plan [shown] shows; core refuses it if the plan changed since. */
    fun apply(shown: PlanScreen, edit: PlanEdit): Outcome<PlanScreen> =
        outcomeOf { vault.applyPlanEdit(shown.kind, shown.version, edit) }

    /** The contacts an entry can link to: id and `Sam (sponsor)`, in the user's order. */
    fun linkChoices(): Outcome<List<Pair<String, String>>> = outcomeOf {
        vault.contacts().map { it.id to "${it.name} (${ContactRoles.label(it.role)})" }
    }

    /** The plan as plain text (every field, phone numbers included) for the user to share or print. */
    fun exportText(kind: PlanKind): Outcome<String> = outcomeOf { vault.exportPlan(kind, PlanExportFormat.TEXT, null) }

    /** One line of the revision list: `Revision 3 · 2024-06-01 14:00 · restored from 1`. */
    fun revisionLine(r: PlanRevision): String = listOfNotNull(
        "Revision ${r.number}",
        TIME.withZone(zone).format(r.savedAt),
        r.restoredFrom?.let { "restored from $it" },
    ).joinToString(" · ")

    /** The question asked before restoring [r]. */
    fun restoreQuestion(r: PlanRevision): String =
        "Make ${revisionLine(r)} your plan again? It is saved as a new revision; nothing is lost."

    private companion object {
        val TIME: DateTimeFormatter = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
    }
}
