package org.oneday.android.present

import org.oneday.ffi.ContactEntry
import org.oneday.ffi.Distraction
import org.oneday.ffi.DistractionKind
import org.oneday.ffi.PlanRevision
import org.oneday.ffi.RelapsePreventionPlan
import org.oneday.ffi.SafetyPlan
import org.oneday.ffi.Trigger
import org.oneday.ffi.TriggerCategory
import org.oneday.ffi.Vault
import org.oneday.ffi.WarningGrade
import org.oneday.ffi.WarningSign

/** A section of a plan that entries can be added to and removed from. */
sealed interface PlanPart {
    /** Whether an entry of this section can name one of the user's contacts. */
    val linksContact: Boolean
}

/** The sections of the safety plan, in its order. */
enum class SafetyPart(override val linksContact: Boolean = false) : PlanPart {
    /** Step 1. */
    WARNING_SIGNS,

    /** Step 2. */
    COPING_STRATEGIES,

    /** Step 3 (a person or a place). */
    DISTRACTIONS(linksContact = true),

    /** Step 4: the people core's "no one to call" prompt asks for. */
    HELP_PEOPLE(linksContact = true),

    /** Step 5. */
    PROFESSIONALS(linksContact = true),

    /** Step 6. */
    SAFE_ENVIRONMENT,

    /** The one thing most worth living for (one entry: adding replaces it). */
    REASON_FOR_LIVING,
}

/** The sections of the relapse-prevention plan, in its order. */
enum class RelapsePart(override val linksContact: Boolean = false) : PlanPart {
    /** Reasons for recovery. */
    REASONS,

    /** Triggers, each with a category and what to do. */
    TRIGGERS,

    /** Warning signs, each with a grade. */
    WARNING_SIGNS,

    /** The first 24 hours after a lapse. */
    AFTER_LAPSE,
}

/**
 * A new entry for a plan section. Fields a section does not use are ignored.
 *
 * @property text The user's words.
 * @property contactId A contact to link (safety steps 3 to 5).
 * @property distraction Person or place (safety step 3).
 * @property category The trigger's category (relapse triggers).
 * @property coping What to do when the trigger comes up (relapse triggers; blank: none yet).
 * @property grade The warning sign's grade (relapse warning signs).
 * @property mentalHealth A mental-health warning sign (relapse warning signs).
 */
data class PlanEntryInput(
    val text: String,
    val contactId: String? = null,
    val distraction: DistractionKind = DistractionKind.PERSON,
    val category: TriggerCategory = TriggerCategory.People,
    val coping: String? = null,
    val grade: WarningGrade = WarningGrade.EARLY,
    val mentalHealth: Boolean = false,
)

/**
 * Adding and removing plan entries: each change reads the plan from core, changes one section and
 * saves it through core, which checks it and keeps every earlier revision.
 *
 * @param vault The open vault.
 */
class PlanEditor(private val vault: Vault) {
    /** The hint of the entry field. */
    val entryHint: String = "In your own words"

    /** The question asked before removing an entry. */
    val removeQuestion: String = "Remove this entry from the plan? The plan's earlier versions are kept."

    /** The contacts an entry can link to: id and `Sam (sponsor)`, in the user's order. */
    fun linkChoices(): Outcome<List<Pair<String, String>>> = outcomeOf {
        vault.contacts().map { it.id to "${it.name} (${ContactRoles.label(it.role)})" }
    }

    /** Adds [entry] at the end of [part] and saves the plan. */
    fun add(part: PlanPart, entry: PlanEntryInput): Outcome<PlanRevision> = outcomeOf {
        when (part) {
            is SafetyPart -> vault.saveSafetyPlan(addSafety(vault.safetyPlan(), part, entry))
            is RelapsePart -> vault.saveRelapsePlan(addRelapse(vault.relapsePlan(), part, entry))
        }
    }

    /** Removes the entry at [index] of [part] (as the Plan screen lists it) and saves the plan. */
    fun remove(part: PlanPart, index: Int): Outcome<PlanRevision> = outcomeOf {
        when (part) {
            is SafetyPart -> vault.saveSafetyPlan(removeSafety(vault.safetyPlan(), part, index))
            is RelapsePart -> vault.saveRelapsePlan(removeRelapse(vault.relapsePlan(), part, index))
        }
    }

    private fun contactEntry(e: PlanEntryInput) = ContactEntry(text = e.text, contactId = e.contactId)

    private fun addSafety(p: SafetyPlan, part: SafetyPart, e: PlanEntryInput): SafetyPlan = when (part) {
        SafetyPart.WARNING_SIGNS -> p.copy(warningSigns = p.warningSigns + e.text)
        SafetyPart.COPING_STRATEGIES -> p.copy(copingStrategies = p.copingStrategies + e.text)
        SafetyPart.DISTRACTIONS -> p.copy(distractions = p.distractions + Distraction(e.distraction, contactEntry(e)))
        SafetyPart.HELP_PEOPLE -> p.copy(helpPeople = p.helpPeople + contactEntry(e))
        SafetyPart.PROFESSIONALS -> p.copy(professionals = p.professionals + contactEntry(e))
        SafetyPart.SAFE_ENVIRONMENT -> p.copy(safeEnvironment = p.safeEnvironment + e.text)
        SafetyPart.REASON_FOR_LIVING -> p.copy(reasonForLiving = e.text)
    }

    private fun removeSafety(p: SafetyPlan, part: SafetyPart, i: Int): SafetyPlan = when (part) {
        SafetyPart.WARNING_SIGNS -> p.copy(warningSigns = p.warningSigns.without(i))
        SafetyPart.COPING_STRATEGIES -> p.copy(copingStrategies = p.copingStrategies.without(i))
        SafetyPart.DISTRACTIONS -> p.copy(distractions = p.distractions.without(i))
        SafetyPart.HELP_PEOPLE -> p.copy(helpPeople = p.helpPeople.without(i))
        SafetyPart.PROFESSIONALS -> p.copy(professionals = p.professionals.without(i))
        SafetyPart.SAFE_ENVIRONMENT -> p.copy(safeEnvironment = p.safeEnvironment.without(i))
        SafetyPart.REASON_FOR_LIVING -> p.copy(reasonForLiving = null)
    }

    private fun addRelapse(p: RelapsePreventionPlan, part: RelapsePart, e: PlanEntryInput) = when (part) {
        RelapsePart.REASONS -> p.copy(reasons = p.reasons + e.text)
        RelapsePart.TRIGGERS ->
            p.copy(triggers = p.triggers + Trigger(e.category, e.text, e.coping?.takeIf { it.isNotBlank() }))
        RelapsePart.WARNING_SIGNS -> p.copy(warningSigns = p.warningSigns + WarningSign(e.grade, e.text, e.mentalHealth))
        RelapsePart.AFTER_LAPSE -> p.copy(afterLapse = p.afterLapse + e.text)
    }

    private fun removeRelapse(p: RelapsePreventionPlan, part: RelapsePart, i: Int) = when (part) {
        RelapsePart.REASONS -> p.copy(reasons = p.reasons.without(i))
        RelapsePart.TRIGGERS -> p.copy(triggers = p.triggers.without(i))
        RelapsePart.WARNING_SIGNS -> p.copy(warningSigns = p.warningSigns.without(i))
        RelapsePart.AFTER_LAPSE -> p.copy(afterLapse = p.afterLapse.without(i))
    }

    /** The list without its [i]th item (unchanged when there is none: a stale screen removes nothing). */
    private fun <T> List<T>.without(i: Int): List<T> = filterIndexed { j, _ -> j != i }
}
