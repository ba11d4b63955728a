package org.oneday.android.present

import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue
import org.oneday.android.present.TestVaults.newVault
import org.oneday.ffi.ContactRole
import org.oneday.ffi.DistractionKind
import org.oneday.ffi.HaltState
import org.oneday.ffi.NewContact
import org.oneday.ffi.PlanKind
import org.oneday.ffi.TriggerCategory
import org.oneday.ffi.WarningGrade

class PlanEditorTest {
    @Test
    fun everySafetySectionOnScreenCanBeEditedAndSavesARevision() {
        newVault().use { vault ->
            val editor = PlanEditor(vault)
            val parts = PlanModel(vault).safety().done().sections.map { it.part }
            assertEquals(SafetyPart.entries.toList(), parts)
            for (part in SafetyPart.entries) editor.add(part, PlanEntryInput("entry for $part")).done()
            val plan = vault.safetyPlan()
            assertEquals(listOf("entry for WARNING_SIGNS"), plan.warningSigns)
            assertEquals(listOf("entry for COPING_STRATEGIES"), plan.copingStrategies)
            assertEquals("entry for REASON_FOR_LIVING", plan.reasonForLiving)
            assertEquals(SafetyPart.entries.size, vault.planHistory(PlanKind.SAFETY).size)

            val screen = PlanModel(vault).safety().done()
            screen.sections.forEach { assertEquals(1, it.entries.size, it.title) }
        }
    }

    @Test
    fun aHelpEntryLinkedToAContactAnswersCoresNoOneToCallPrompt() {
        newVault().use { vault ->
            val before = PlanModel(vault).safety().done()
            val prompt = assertNotNull(before.prompt)
            assertTrue(prompt in vault.planCompleteness(PlanKind.SAFETY).messages)

            val sam = vault.addContact(NewContact("Sam", ContactRole.SPONSOR, "+44 7700 900123", true, null))
            val editor = PlanEditor(vault)
            assertEquals(listOf(sam.id to "Sam (sponsor)"), editor.linkChoices().done())
            editor.add(SafetyPart.HELP_PEOPLE, PlanEntryInput("My sponsor", contactId = sam.id)).done()
            editor.add(SafetyPart.DISTRACTIONS, PlanEntryInput("The park", distraction = DistractionKind.PLACE)).done()

            assertEquals(sam.id, vault.safetyPlan().helpPeople.single().contactId)
            assertEquals(DistractionKind.PLACE, vault.safetyPlan().distractions.single().kind)
            val after = PlanModel(vault).safety().done()
            assertNull(after.prompt)
            val help = after.sections.first { it.part == SafetyPart.HELP_PEOPLE }.entries.single()
            assertEquals("Contact: Sam, +44 7700 900123", help.detail)
            assertNotNull(help.dialUri)
        }
    }

    @Test
    fun removingAnEntryKeepsTheEarlierRevision() {
        newVault().use { vault ->
            val editor = PlanEditor(vault)
            editor.add(SafetyPart.WARNING_SIGNS, PlanEntryInput("Skipping meetings")).done()
            editor.add(SafetyPart.WARNING_SIGNS, PlanEntryInput("Not sleeping")).done()
            editor.remove(SafetyPart.WARNING_SIGNS, 0).done()
            assertEquals(listOf("Not sleeping"), vault.safetyPlan().warningSigns)
            assertEquals(3, vault.planHistory(PlanKind.SAFETY).size)
            assertEquals(listOf("Skipping meetings", "Not sleeping"), vault.safetyPlanRevision(2u).warningSigns)
            editor.add(SafetyPart.REASON_FOR_LIVING, PlanEntryInput("My kids")).done()
            editor.remove(SafetyPart.REASON_FOR_LIVING, 0).done()
            assertNull(vault.safetyPlan().reasonForLiving)
        }
    }

    @Test
    fun relapsePlanSectionsTakeTheirCategoryGradeAndCoping() {
        newVault().use { vault ->
            val editor = PlanEditor(vault)
            assertEquals(RelapsePart.entries.toList(), PlanModel(vault).relapse().done().sections.map { it.part })
            val hungry = TriggerCategory.Halt(HaltState.HUNGRY)
            assertTrue(hungry in PlanWords.triggerCategories)
            editor.add(RelapsePart.REASONS, PlanEntryInput("My health")).done()
            editor.add(RelapsePart.TRIGGERS, PlanEntryInput("Payday", category = TriggerCategory.Things, coping = "Call Sam")).done()
            editor.add(RelapsePart.TRIGGERS, PlanEntryInput("Skipping lunch", category = hungry, coping = " ")).done()
            editor.add(RelapsePart.WARNING_SIGNS, PlanEntryInput("Isolating", grade = WarningGrade.MIDDLE, mentalHealth = true)).done()
            editor.add(RelapsePart.AFTER_LAPSE, PlanEntryInput("Tell my sponsor")).done()

            val plan = vault.relapsePlan()
            assertEquals("Call Sam", plan.triggers[0].coping)
            assertNull(plan.triggers[1].coping)
            val screen = PlanModel(vault).relapse().done()
            val triggers = screen.sections.first { it.part == RelapsePart.TRIGGERS }.entries
            assertEquals(listOf("Things: Payday", "Hungry: Skipping lunch"), triggers.map { it.text })
            assertEquals("Middle · mental health", screen.sections.first { it.part == RelapsePart.WARNING_SIGNS }.entries.single().detail)
            // Core finds the trigger without coping.
            assertTrue(!screen.complete)

            editor.remove(RelapsePart.TRIGGERS, 1).done()
            assertEquals(listOf("Payday"), vault.relapsePlan().triggers.map { it.text })
            assertEquals(6, vault.planHistory(PlanKind.RELAPSE).size)
        }
    }

    @Test
    fun coreRefusesABlankEntryAndTheSavedPlanIsUnchanged() {
        newVault().use { vault ->
            val editor = PlanEditor(vault)
            editor.add(SafetyPart.COPING_STRATEGIES, PlanEntryInput("Walk")).done()
            val refusal = editor.add(SafetyPart.COPING_STRATEGIES, PlanEntryInput("   ")).refused()
            assertTrue(refusal.text.isNotBlank())
            assertEquals(listOf("Walk"), vault.safetyPlan().copingStrategies)
            assertEquals(1, vault.planHistory(PlanKind.SAFETY).size)
        }
    }
}
