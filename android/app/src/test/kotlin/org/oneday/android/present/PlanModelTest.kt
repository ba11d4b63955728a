package org.oneday.android.present

import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue
import org.oneday.android.present.TestVaults.newVault
import org.oneday.ffi.ContactEntry
import org.oneday.ffi.ContactRole
import org.oneday.ffi.NewContact
import org.oneday.ffi.PlanException
import org.oneday.ffi.PlanExportFormat
import org.oneday.ffi.PlanGap
import org.oneday.ffi.PlanKind
import org.oneday.ffi.RelapsePreventionPlan
import org.oneday.ffi.SafetyPlan
import org.oneday.ffi.Trigger
import org.oneday.ffi.TriggerCategory
import org.oneday.ffi.WarningGrade
import org.oneday.ffi.WarningSign
import org.oneday.ffi.telUri

class PlanModelTest {
    private val safetyTitles = listOf(
        "Step 1: Warning signs",
        "Step 2: Internal coping strategies",
        "Step 3: People and places for distraction",
        "Step 4: People to ask for help",
        "Step 5: Professionals, agencies and crisis lines",
        "Step 6: Making the environment safe",
        "The one thing most worth living for",
    )

    @Test
    fun anEmptySafetyPlanPromptsForSomeoneToCall() {
        newVault().use { vault ->
            val screen = PlanModel(vault).safety().done()
            assertEquals(safetyTitles, screen.sections.map { it.title })
            assertTrue(screen.sections.all { it.entries.isEmpty() })
            val core = vault.planCompleteness(PlanKind.SAFETY)
            assertFalse(screen.complete)
            assertEquals(core.messages, screen.gaps)
            val prompt = assertNotNull(screen.prompt)
            assertEquals(core.messages[core.gaps.indexOf(PlanGap.NoHelpContact)], prompt)
        }
    }

    @Test
    fun aLinkedHelpContactShowsAndEndsThePrompt() {
        newVault().use { vault ->
            val sam = vault.addContact(NewContact("Sam", ContactRole.SPONSOR, "+1 555 0101", false, null))
            vault.saveSafetyPlan(
                SafetyPlan(
                    warningSigns = listOf("Not sleeping"),
                    helpPeople = listOf(ContactEntry("Sam, my sponsor", sam.id, null)),
                    professionals = listOf(ContactEntry("Dr Lee", null, "+1 555 0199")),
                    reasonForLiving = "My daughter",
                ),
            )
            val screen = PlanModel(vault).safety().done()
            assertNull(screen.prompt)
            assertTrue(PlanGap.NoHelpContact !in vault.planCompleteness(PlanKind.SAFETY).gaps)
            val byTitle = screen.sections.associateBy { it.title }
            assertEquals(listOf("Not sleeping"), byTitle.getValue(safetyTitles[0]).entries.map { it.text })
            val help = byTitle.getValue(safetyTitles[3]).entries.single()
            assertEquals("Sam, my sponsor", help.text)
            assertEquals("Contact: Sam, +1 555 0101", help.detail)
            assertEquals(telUri("+1 555 0101"), help.dialUri)
            val doctor = byTitle.getValue(safetyTitles[4]).entries.single()
            assertEquals("Phone: +1 555 0199", doctor.detail)
            assertEquals(telUri("+1 555 0199"), doctor.dialUri)
            assertEquals(listOf("My daughter"), byTitle.getValue(safetyTitles[6]).entries.map { it.text })

            vault.removeContact(sam.id)
            val removed = PlanModel(vault).safety().done().sections[3].entries.single()
            assertEquals("Contact: (contact removed)", removed.detail)
        }
    }

    @Test
    fun theRelapsePlanInItsSections() {
        newVault().use { vault ->
            vault.saveRelapsePlan(
                RelapsePreventionPlan(
                    reasons = listOf("My health"),
                    triggers = listOf(Trigger(TriggerCategory.People, "Old drinking friends", "Call Sam")),
                    warningSigns = listOf(
                        WarningSign(WarningGrade.IMMEDIATE, "Driving past the pub", false),
                        WarningSign(WarningGrade.EARLY, "Skipping meetings", true),
                    ),
                    afterLapse = listOf("Tell my sponsor"),
                ),
            )
            val screen = PlanModel(vault).relapse().done()
            assertEquals(
                listOf("Reasons for recovery", "Triggers and high-risk situations", "Warning signs", "The first 24 hours after a lapse"),
                screen.sections.map { it.title },
            )
            val trigger = screen.sections[1].entries.single()
            assertEquals("People: Old drinking friends", trigger.text)
            assertEquals("What I do: Call Sam", trigger.detail)
            // Core groups warning signs by grade, early first.
            assertEquals(vault.relapsePlan().warningSigns.map { it.text }, screen.sections[2].entries.map { it.text })
            assertEquals(listOf("Early · mental health", "Immediate"), screen.sections[2].entries.map { it.detail })
            assertEquals(vault.planCompleteness(PlanKind.RELAPSE).complete, screen.complete)
            assertNull(screen.prompt)
        }
    }

    @Test
    fun exportTextIsCoresAndRefusalsAreCores() {
        newVault().use { vault ->
            vault.saveSafetyPlan(SafetyPlan(warningSigns = listOf("Not sleeping")))
            val text = PlanModel(vault).exportText(PlanKind.SAFETY).done()
            assertEquals(vault.exportPlan(PlanKind.SAFETY, PlanExportFormat.TEXT, null), text)
            assertTrue(text.contains("Not sleeping"))

            val coreText = try {
                vault.safetyPlanRevision(9u)
                null
            } catch (e: PlanException.NoSuchRevision) {
                e.message
            }
            assertNotNull(coreText)
            assertEquals(coreText, UserMessage.from(PlanException.NoSuchRevision(coreText))?.text)
            vault.lock()
            assertEquals(UserMessage.LOCKED, PlanModel(vault).safety().refused())
        }
    }
}
