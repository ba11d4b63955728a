package org.oneday.android.present

import org.oneday.ffi.Contact
import org.oneday.ffi.ContactEntry
import org.oneday.ffi.DistractionKind
import org.oneday.ffi.HaltState
import org.oneday.ffi.PlanCompleteness
import org.oneday.ffi.PlanExportFormat
import org.oneday.ffi.PlanGap
import org.oneday.ffi.PlanKind
import org.oneday.ffi.RelapsePreventionPlan
import org.oneday.ffi.SafetyPlan
import org.oneday.ffi.SupportException
import org.oneday.ffi.TriggerCategory
import org.oneday.ffi.Vault
import org.oneday.ffi.WarningGrade
import org.oneday.ffi.telUri

/**
 * One entry of a plan section.
 *
 * @property text The user's words.
 * @property detail A second line: the linked contact, a phone number, a coping response.
 * @property dialUri Core's `tel:` URI for the entry's phone (or its linked contact's), if any.
 */
data class PlanEntryRow(val text: String, val detail: String?, val dialUri: String?)

/**
 * A section of a plan, in the plan's order.
 *
 * @property title `Step 4: People to ask for help`, `Triggers and high-risk situations`.
 * @property entries Its entries, in the user's order.
 * @property part The section for [PlanEditor] (add and remove entries), when it can be edited.
 */
data class PlanSection(val title: String, val entries: List<PlanEntryRow>, val part: PlanPart? = null)

/**
 * A plan as the Plan screen shows it.
 *
 * @property sections The sections in the plan's order (Stanley-Brown order for the safety plan).
 * @property prompt The gap to prompt for first: for the safety plan, core's "no one to call" when it
 *   has no help contact; else `null`.
 * @property gaps Core's sentence for every gap, in core's order.
 * @property complete Whether core finds no gap.
 */
data class PlanScreen(
    val sections: List<PlanSection>,
    val prompt: String?,
    val gaps: List<String>,
    val complete: Boolean,
)

/**
 * The Plan screen: the Stanley-Brown safety plan and the relapse-prevention plan as core keeps them,
 * what core finds missing, and the text to share. Titles are the ones core's exports use.
 *
 * @param vault The open vault.
 */
class PlanModel(private val vault: Vault) {
    /** The safety plan: steps 1 to 6, then the one thing most worth living for. */
    fun safety(): Outcome<PlanScreen> = outcomeOf {
        val plan = vault.safetyPlan()
        val contacts = vault.contacts().associateBy { it.id }
        screen(safetySections(plan, contacts), vault.planCompleteness(PlanKind.SAFETY))
    }

    /** The relapse-prevention plan: reasons, triggers with their coping, warning signs by grade, the first 24 hours. */
    fun relapse(): Outcome<PlanScreen> = outcomeOf {
        screen(relapseSections(vault.relapsePlan()), vault.planCompleteness(PlanKind.RELAPSE))
    }

    /** The plan as plain text (every field, phone numbers included) for the user to share or print. */
    fun exportText(kind: PlanKind): Outcome<String> = outcomeOf { vault.exportPlan(kind, PlanExportFormat.TEXT, null) }

    private fun screen(sections: List<PlanSection>, c: PlanCompleteness): PlanScreen {
        val helpGap = c.gaps.indexOfFirst { it == PlanGap.NoHelpContact }
        return PlanScreen(
            sections = sections,
            prompt = if (helpGap >= 0) c.messages[helpGap] else null,
            gaps = c.messages,
            complete = c.complete,
        )
    }

    private fun safetySections(p: SafetyPlan, contacts: Map<String, Contact>): List<PlanSection> {
        fun plain(list: List<String>) = list.map { PlanEntryRow(it, null, null) }
        fun linked(e: ContactEntry, prefix: String = "") = contactRow(prefix + e.text, e, contacts)
        return listOf(
            PlanSection("Step 1: Warning signs", plain(p.warningSigns), SafetyPart.WARNING_SIGNS),
            PlanSection("Step 2: Internal coping strategies", plain(p.copingStrategies), SafetyPart.COPING_STRATEGIES),
            PlanSection(
                "Step 3: People and places for distraction",
                p.distractions.map {
                    linked(it.entry, if (it.kind == DistractionKind.PERSON) "Person: " else "Place: ")
                },
                SafetyPart.DISTRACTIONS,
            ),
            PlanSection("Step 4: People to ask for help", p.helpPeople.map { linked(it) }, SafetyPart.HELP_PEOPLE),
            PlanSection("Step 5: Professionals, agencies and crisis lines", p.professionals.map { linked(it) }, SafetyPart.PROFESSIONALS),
            PlanSection("Step 6: Making the environment safe", plain(p.safeEnvironment), SafetyPart.SAFE_ENVIRONMENT),
            PlanSection("The one thing most worth living for", plain(listOfNotNull(p.reasonForLiving)), SafetyPart.REASON_FOR_LIVING),
        )
    }

    private fun contactRow(text: String, e: ContactEntry, contacts: Map<String, Contact>): PlanEntryRow {
        val linked = e.contactId?.let { contacts[it] }
        val detail = listOfNotNull(
            e.phone?.let { "Phone: $it" },
            e.contactId?.let { if (linked == null) "Contact: (contact removed)" else "Contact: ${linked.name}, ${linked.phone}" },
        ).joinToString("\n").ifEmpty { null }
        val dial = (e.phone ?: linked?.phone)?.let(::dialUriOrNull)
        return PlanEntryRow(text, detail, dial)
    }

    /** Core's `tel:` URI, or `null` for a number core will not dial (a plan may keep one it cannot). */
    private fun dialUriOrNull(phone: String): String? =
        try {
            telUri(phone)
        } catch (_: SupportException.InvalidPhone) {
            null
        }

    private fun relapseSections(p: RelapsePreventionPlan): List<PlanSection> = listOf(
        PlanSection("Reasons for recovery", p.reasons.map { PlanEntryRow(it, null, null) }, RelapsePart.REASONS),
        PlanSection(
            "Triggers and high-risk situations",
            p.triggers.map { PlanEntryRow("${PlanWords.categoryLabel(it.category)}: ${it.text}", it.coping?.let { c -> "What I do: $c" }, null) },
            RelapsePart.TRIGGERS,
        ),
        PlanSection(
            "Warning signs",
            p.warningSigns.map {
                val health = if (it.mentalHealth) " · mental health" else ""
                PlanEntryRow(it.text, "${PlanWords.gradeLabel(it.grade)}$health", null)
            },
            RelapsePart.WARNING_SIGNS,
        ),
        PlanSection("The first 24 hours after a lapse", p.afterLapse.map { PlanEntryRow(it, null, null) }, RelapsePart.AFTER_LAPSE),
    )
}

/** The words for the plans' categories and grades, shared by the Plan screen and its forms. */
object PlanWords {
    /** A trigger category in words: `People`, `Hungry`. */
    fun categoryLabel(c: TriggerCategory): String = when (c) {
        TriggerCategory.People -> "People"
        TriggerCategory.Places -> "Places"
        TriggerCategory.Things -> "Things"
        TriggerCategory.Feelings -> "Feelings"
        is TriggerCategory.Halt -> when (c.state) {
            HaltState.HUNGRY -> "Hungry"
            HaltState.ANGRY -> "Angry"
            HaltState.LONELY -> "Lonely"
            HaltState.TIRED -> "Tired"
        }
    }

    /** A warning sign's grade in words. */
    fun gradeLabel(g: WarningGrade): String = when (g) {
        WarningGrade.EARLY -> "Early"
        WarningGrade.MIDDLE -> "Middle"
        WarningGrade.IMMEDIATE -> "Immediate"
    }

    /** The trigger categories the form offers, HALT last. */
    val triggerCategories: List<TriggerCategory> = listOf(
        TriggerCategory.People,
        TriggerCategory.Places,
        TriggerCategory.Things,
        TriggerCategory.Feelings,
    ) + HaltState.entries.map { TriggerCategory.Halt(it) }

    /** The grades the form offers, earliest first. */
    val grades: List<WarningGrade> = WarningGrade.entries
}
