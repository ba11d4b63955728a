package oneday.tests

import java.time.Instant
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertTrue
import oneday.tests.Support.newVault
import org.oneday.ffi.ContactEntry
import org.oneday.ffi.ContactRole
import org.oneday.ffi.Distraction
import org.oneday.ffi.DistractionKind
import org.oneday.ffi.HaltState
import org.oneday.ffi.NewContact
import org.oneday.ffi.PlanEdit
import org.oneday.ffi.PlanException
import org.oneday.ffi.PlanExportFormat
import org.oneday.ffi.PlanGap
import org.oneday.ffi.PlanKind
import org.oneday.ffi.PlanVersion
import org.oneday.ffi.RelapsePreventionPlan
import org.oneday.ffi.SafetyPlan
import org.oneday.ffi.SafetyStep
import org.oneday.ffi.Trigger
import org.oneday.ffi.TriggerCategory
import org.oneday.ffi.WarningGrade
import org.oneday.ffi.WarningSign

class PlansTest {
    private val missingContact = "0123456789abcdef0123456789abcdef"

    private fun fullSafetyPlan() = SafetyPlan(
        warningSigns = listOf("Not sleeping\nfor days", "# pacing *a lot* | at night"),
        copingStrategies = listOf("A walk by the river"),
        distractions = listOf(
            Distraction(DistractionKind.PERSON, ContactEntry("Alex", contactId = missingContact)),
            Distraction(DistractionKind.PLACE, ContactEntry("The library", phone = "555 0100")),
        ),
        helpPeople = listOf(ContactEntry("Mum", phone = "+44 20 7946 0018")),
        professionals = listOf(ContactEntry("Samaritans", phone = "116 123")),
        safeEnvironment = listOf("Pills to the pharmacy"),
        reasonForLiving = "My daughter, 日本の海",
    )

    @Test
    fun aNewVaultHasEmptyPlansAndNoHistory() {
        newVault().first.use { vault ->
            assertEquals(SafetyPlan(), vault.safetyPlan())
            assertEquals(RelapsePreventionPlan(), vault.relapsePlan())
            assertEquals(emptyList(), vault.planHistory(PlanKind.SAFETY))
            val c = vault.plan(PlanKind.SAFETY).completeness
            assertFalse(c.complete)
            assertEquals(listOf(PlanGap.Empty, PlanGap.NoHelpContact), c.gaps)
            assertEquals(c.gaps.size, c.messages.size)
        }
    }

    @Test
    fun everyEditKeepsARevisionAndRestoreBringsOneBack() {
        newVault().first.use { vault ->
            val before = Instant.now().minusSeconds(1)
            val first = vault.saveSafetyPlan(SafetyPlan(warningSigns = listOf("  not sleeping  ")))
            assertEquals(1u, first.number)
            assertTrue(first.savedAt.isAfter(before))
            // Saved trimmed; saving the same plan again adds no revision.
            assertEquals(listOf("not sleeping"), vault.safetyPlan().warningSigns)
            assertEquals(1u, vault.saveSafetyPlan(vault.safetyPlan()).number)

            val edited = vault.safetyPlan().copy(copingStrategies = listOf("music"))
            assertEquals(2u, vault.saveSafetyPlan(edited).number)
            assertEquals(listOf(1u, 2u), vault.planHistory(PlanKind.SAFETY).map { it.number })
            assertEquals(emptyList(), vault.safetyPlanRevision(1u).copingStrategies)

            val seen = vault.plan(PlanKind.SAFETY).version
            val restored = vault.applyPlanEdit(PlanKind.SAFETY, seen, PlanEdit.Restore(1u)).revisions.last()
            assertEquals(3u, restored.number)
            assertEquals(1u, restored.restoredFrom)
            assertEquals(emptyList(), vault.safetyPlan().copingStrategies)
            assertEquals(listOf("music"), vault.safetyPlanRevision(2u).copingStrategies)
        }
    }

    @Test
    fun exportsKeepEveryFieldAndPhoneNumbers() {
        newVault().first.use { vault ->
            vault.saveSafetyPlan(fullSafetyPlan())
            val text = vault.exportPlan(PlanKind.SAFETY, PlanExportFormat.TEXT)
            for (value in listOf(
                "Not sleeping", "for days", "# pacing *a lot* | at night", "A walk by the river",
                "Person: Alex", "Place: The library", "555 0100", "Mum", "+44 20 7946 0018",
                "Samaritans", "116 123", "Pills to the pharmacy", "My daughter, 日本の海",
            )) {
                assertTrue(text.contains(value), "$value missing from:\n$text")
            }
            // Alex links to a contact that does not exist (any more).
            assertTrue(text.contains("Contact: (contact removed)"), text)

            val md = vault.exportPlan(PlanKind.SAFETY, PlanExportFormat.MARKDOWN)
            assertTrue(md.startsWith("# Safety plan\n"), md)
            assertTrue(md.contains("- \\# pacing \\*a lot\\* \\| at night\n"), md)
            assertTrue(md.contains("- Not sleeping<br>for days\n"), md)
            assertTrue(md.contains("(id $missingContact)"), md)
            assertTrue(md.contains("  - Phone: +44 20 7946 0018\n"), md)

            // An earlier revision can be exported too.
            vault.saveSafetyPlan(SafetyPlan(warningSigns = listOf("later")))
            val old = vault.exportPlan(PlanKind.SAFETY, PlanExportFormat.TEXT, revision = 1u)
            assertTrue(old.contains("Samaritans"), old)
        }
    }

    @Test
    fun aSafetyPlanWithNoHelpContactIsIncomplete() {
        newVault().first.use { vault ->
            val noOneToCall = fullSafetyPlan().copy(
                helpPeople = listOf(ContactEntry("Mum")),
                professionals = listOf(ContactEntry("My GP", contactId = missingContact)),
            )
            vault.saveSafetyPlan(noOneToCall)
            val gaps = vault.plan(PlanKind.SAFETY).completeness.gaps
            assertEquals(PlanGap.NoHelpContact, gaps.first())
            assertTrue(gaps.contains(PlanGap.ContactRemoved(SafetyStep.PROFESSIONALS, 1u)), "$gaps")

            vault.saveSafetyPlan(fullSafetyPlan())
            val full = vault.plan(PlanKind.SAFETY).completeness
            assertFalse(full.gaps.contains(PlanGap.NoHelpContact))
            assertEquals(listOf(PlanGap.ContactRemoved(SafetyStep.DISTRACTIONS, 1u)), full.gaps)
        }
    }

    @Test
    fun aHelpEntryLinkedToASupportContactCountsAndExportsTheirNumber() {
        newVault().first.use { vault ->
            val sam = vault.addContact(NewContact("Sam", ContactRole.SPONSOR, "+1 (555) 010-0100"))
            vault.saveSafetyPlan(
                fullSafetyPlan().copy(
                    helpPeople = listOf(ContactEntry("My sponsor", contactId = sam.id)),
                    professionals = listOf(),
                ),
            )
            val gaps = vault.plan(PlanKind.SAFETY).completeness.gaps
            assertFalse(gaps.contains(PlanGap.NoHelpContact), "$gaps")
            val text = vault.exportPlan(PlanKind.SAFETY, PlanExportFormat.TEXT)
            assertTrue(text.contains("Sam"), text)
            assertTrue(text.contains("+1 (555) 010-0100"), text)

            vault.removeContact(sam.id)
            val after = vault.plan(PlanKind.SAFETY).completeness.gaps
            assertEquals(PlanGap.NoHelpContact, after.first())
            assertTrue(after.contains(PlanGap.ContactRemoved(SafetyStep.HELP_PEOPLE, 1u)), "$after")
        }
    }

    @Test
    fun relapsePlanKeepsCategoriesGradesAndCoping() {
        newVault().first.use { vault ->
            vault.saveRelapsePlan(
                RelapsePreventionPlan(
                    reasons = listOf("My kids"),
                    triggers = listOf(
                        Trigger(TriggerCategory.Halt(HaltState.LONELY), "Sunday evenings", coping = "Call Sam"),
                        Trigger(TriggerCategory.Places, "The pub"),
                    ),
                    warningSigns = listOf(
                        WarningSign(WarningGrade.IMMEDIATE, "Hearing voices again", mentalHealth = true),
                        WarningSign(WarningGrade.EARLY, "Skipping meetings"),
                    ),
                    afterLapse = listOf("Tell my sponsor", "Go to a meeting"),
                ),
            )
            val plan = vault.relapsePlan()
            assertEquals(listOf(WarningGrade.EARLY, WarningGrade.IMMEDIATE), plan.warningSigns.map { it.grade })
            assertEquals(TriggerCategory.Halt(HaltState.LONELY), plan.triggers[0].category)
            assertEquals(listOf(PlanGap.NoCopingResponse(2u)), vault.plan(PlanKind.RELAPSE).completeness.gaps)
            val text = vault.exportPlan(PlanKind.RELAPSE, PlanExportFormat.TEXT)
            assertTrue(text.contains("Lonely (HALT): Sunday evenings"), text)
            assertTrue(text.contains("Coping: Call Sam"), text)
            assertTrue(text.contains("Mental health: Hearing voices again"), text)
        }
    }

    @Test
    fun badInputGetsTypedErrorsThatDoNotRepeatIt() {
        newVault().first.use { vault ->
            val empty = assertFailsWith<PlanException.Validation> {
                vault.saveSafetyPlan(SafetyPlan(helpPeople = listOf(ContactEntry("   "))))
            }
            assertEquals("the text of entry 1 in “People to ask for help” is empty", empty.message)
            val phone = assertFailsWith<PlanException.Validation> {
                vault.saveSafetyPlan(SafetyPlan(helpPeople = listOf(ContactEntry("Sam", phone = "secret-ish words"))))
            }
            assertFalse(phone.message!!.contains("secret"))
            assertFailsWith<PlanException.Validation> {
                vault.saveSafetyPlan(SafetyPlan(helpPeople = listOf(ContactEntry("Sam", contactId = "not-an-id"))))
            }
            assertFailsWith<PlanException.Validation> {
                vault.saveSafetyPlan(
                    SafetyPlan(distractions = listOf(Distraction(DistractionKind.PLACE, ContactEntry("Park", contactId = missingContact)))),
                )
            }
            assertFailsWith<PlanException.Validation> {
                vault.saveRelapsePlan(RelapsePreventionPlan(reasons = List(101) { "reason" }))
            }
            assertFailsWith<PlanException.NoSuchRevision> {
                vault.applyPlanEdit(PlanKind.RELAPSE, PlanVersion(0u), PlanEdit.Restore(1u))
            }
            assertFailsWith<PlanException.NoSuchRevision> { vault.safetyPlanRevision(4u) }
            assertEquals(emptyList(), vault.planHistory(PlanKind.SAFETY))
            vault.lock()
            assertFailsWith<PlanException.Locked> { vault.safetyPlan() }
        }
    }
}
