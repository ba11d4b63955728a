package org.oneday.android.present

import java.time.ZoneId
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import org.oneday.android.present.TestVaults.newVault
import org.oneday.ffi.ContactEntry
import org.oneday.ffi.Distraction
import org.oneday.ffi.DistractionKind
import org.oneday.ffi.HaltState
import org.oneday.ffi.PlanEdit
import org.oneday.ffi.PlanEntry
import org.oneday.ffi.PlanEntryShape
import org.oneday.ffi.PlanExportFormat
import org.oneday.ffi.PlanKind
import org.oneday.ffi.PlanSection
import org.oneday.ffi.SafetyStep
import org.oneday.ffi.Trigger
import org.oneday.ffi.TriggerCategory
import org.oneday.ffi.WarningGrade
import org.oneday.ffi.WarningSign

/** What the Plan screen's model keeps: the entry form, its edits against the shown version, and revision lines. */
class PlanModelTest {
    private val coping = PlanSection.Safety(SafetyStep.COPING_STRATEGIES)

    @Test
    fun theFormFilledFromAnEntryGivesTheSameEntryBack() {
        val entries = mapOf(
            PlanEntryShape.WORDS to PlanEntry.TextEntry("A walk"),
            PlanEntryShape.PERSON_OR_PLACE to PlanEntry.DistractionEntry(Distraction(DistractionKind.PLACE, ContactEntry("Library", null, "555 0100"))),
            PlanEntryShape.REACHABLE to PlanEntry.HelpEntry(ContactEntry("Sam", "0123456789abcdef0123456789abcdef", null)),
            PlanEntryShape.CATEGORISED_TRIGGER to PlanEntry.TriggerEntry(Trigger(TriggerCategory.Halt(HaltState.TIRED), "Late shifts", "Sleep first")),
            PlanEntryShape.GRADED_SIGN to PlanEntry.WarningSignEntry(WarningSign(WarningGrade.MIDDLE, "Skipping meals", true)),
        )
        for ((shape, entry) in entries) assertEquals(entry, PlanEntryForm.of(entry).entry(shape))
        // A blank form's words go to core as typed; core refuses them.
        assertEquals(PlanEntry.TextEntry(""), PlanEntryForm().entry(PlanEntryShape.WORDS))
    }

    @Test
    fun editsGoAgainstTheShownVersionAndAStaleOneIsCoresMessage() {
        newVault().use { vault ->
            val model = PlanModel(vault)
            val opened = model.plan(PlanKind.SAFETY).done()
            val added = model.apply(opened, PlanEdit.Add(coping, PlanEntryForm(text = "Music").entry(PlanEntryShape.WORDS))).done()
            assertEquals(listOf("Music"), added.sections[1].entries.map { it.line })
            val edited = model.apply(added, PlanEdit.Replace(coping, 1u, PlanEntry.TextEntry("Loud music"))).done()
            assertEquals(listOf("Loud music"), edited.sections[1].entries.map { it.line })
            // The screen opened before both edits no longer numbers the entries as core does.
            val stale = model.apply(opened, PlanEdit.Remove(coping, 1u)).refused()
            assertTrue(stale.text.contains("changed since you opened it"), stale.text)
            assertEquals(edited, model.plan(PlanKind.SAFETY).done())
        }
    }

    @Test
    fun revisionsAreListedInTheGivenZoneAndRestoredThroughCore() {
        newVault().use { vault ->
            val model = PlanModel(vault, ZoneId.of("UTC"))
            var screen = model.plan(PlanKind.SAFETY).done()
            screen = model.apply(screen, PlanEdit.Add(coping, PlanEntry.TextEntry("Walk"))).done()
            screen = model.apply(screen, PlanEdit.Remove(coping, 1u)).done()
            screen = model.apply(screen, PlanEdit.Restore(1u)).done()
            val last = screen.revisions.last()
            val line = model.revisionLine(last)
            assertTrue(line.matches(Regex("Revision 3 · \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d · restored from 1")), line)
            assertTrue(model.restoreQuestion(screen.revisions.first()).startsWith("Make Revision 1 · "))
            assertEquals(listOf("Walk"), screen.sections[1].entries.map { it.line })
        }
    }

    @Test
    fun formChoicesAndExportAreCores() {
        newVault().use { vault ->
            val model = PlanModel(vault)
            assertEquals(8, model.categories.size)
            assertEquals("Hungry (HALT)", model.categories[4].label)
            assertEquals(listOf(WarningGrade.EARLY, WarningGrade.MIDDLE, WarningGrade.IMMEDIATE), model.grades.map { it.grade })
            val text = model.exportText(PlanKind.SAFETY).done()
            assertEquals(vault.exportPlan(PlanKind.SAFETY, PlanExportFormat.TEXT, null), text)
            vault.lock()
            assertEquals(UserMessage.LOCKED, model.plan(PlanKind.SAFETY).refused())
        }
    }
}
