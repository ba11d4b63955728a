package oneday.tests

import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertNull
import kotlin.test.assertTrue
import oneday.tests.Support.newVault
import org.oneday.ffi.ContactEntry
import org.oneday.ffi.ContactRole
import org.oneday.ffi.NewContact
import org.oneday.ffi.PlanEdit
import org.oneday.ffi.PlanEntry
import org.oneday.ffi.PlanEntryShape
import org.oneday.ffi.PlanException
import org.oneday.ffi.PlanKind
import org.oneday.ffi.PlanLink
import org.oneday.ffi.PlanSection
import org.oneday.ffi.PlanVersion
import org.oneday.ffi.RelapseSection
import org.oneday.ffi.SafetyStep

/** Plan edits through the one core operation (`applyPlanEdit`) and the Plan screen (`plan`). */
class PlanEditsTest {
    private val coping = PlanSection.Safety(SafetyStep.COPING_STRATEGIES)
    private val help = PlanSection.Safety(SafetyStep.HELP_PEOPLE)

    private fun words(screen: org.oneday.ffi.PlanScreen, section: PlanSection): List<String> =
        screen.sections.first { it.section == section }.entries.map { it.line }

    @Test
    fun theScreenListsCoresSectionsInOrder() {
        newVault().first.use { vault ->
            val safety = vault.plan(PlanKind.SAFETY)
            assertEquals(PlanVersion(0u), safety.version)
            assertEquals(7, safety.sections.size)
            assertEquals("Step 4: People to ask for help", safety.sections[3].heading)
            assertEquals(listOf(false, false, true, true, true, false, false), safety.sections.map { it.linksContact })
            assertEquals(PlanSection.ReasonForLiving, safety.sections.last().section)
            assertTrue(safety.sections.last().single)
            assertTrue(safety.prompt!!.startsWith("no one to call"), safety.prompt)
            val relapse = vault.plan(PlanKind.RELAPSE)
            assertEquals(PlanEntryShape.CATEGORISED_TRIGGER, relapse.sections[1].shape)
            assertNull(relapse.prompt)
        }
    }

    @Test
    fun addEditInPlaceMoveAndRemove() {
        newVault().first.use { vault ->
            var screen = vault.plan(PlanKind.SAFETY)
            for (text in listOf("walk", "music")) {
                screen = vault.applyPlanEdit(PlanKind.SAFETY, screen.version, PlanEdit.Add(coping, PlanEntry.TextEntry(text)))
            }
            screen = vault.applyPlanEdit(
                PlanKind.SAFETY, screen.version, PlanEdit.Replace(coping, 1u, PlanEntry.TextEntry("  a long walk ")),
            )
            screen = vault.applyPlanEdit(PlanKind.SAFETY, screen.version, PlanEdit.Move(coping, 2u, 1u))
            assertEquals(listOf("music", "a long walk"), words(screen, coping))
            screen = vault.applyPlanEdit(PlanKind.SAFETY, screen.version, PlanEdit.Remove(coping, 1u))
            assertEquals(listOf("a long walk"), words(screen, coping))
            assertEquals(PlanVersion(5u), screen.version)
            assertEquals(5, screen.revisions.size)
        }
    }

    @Test
    fun aStaleVersionIsRefusedAndWritesNothing() {
        newVault().first.use { vault ->
            val opened = vault.plan(PlanKind.SAFETY)
            vault.applyPlanEdit(PlanKind.SAFETY, opened.version, PlanEdit.Add(coping, PlanEntry.TextEntry("walk")))
            // Adding is applied to the plan as it is now, even from the screen opened before.
            val now = vault.applyPlanEdit(PlanKind.SAFETY, opened.version, PlanEdit.Add(coping, PlanEntry.TextEntry("music")))
            assertEquals(listOf("walk", "music"), words(now, coping))
            // Removing entry 1 as that old screen numbered it is refused.
            val e = assertFailsWith<PlanException.ChangedElsewhere> {
                vault.applyPlanEdit(PlanKind.SAFETY, opened.version, PlanEdit.Remove(coping, 1u))
            }
            assertTrue(e.message!!.contains("changed since you opened it"), e.message)
            assertEquals(listOf("walk", "music"), words(vault.plan(PlanKind.SAFETY), coping))
            assertEquals(2, vault.planHistory(PlanKind.SAFETY).size)
        }
    }

    @Test
    fun restoreAnOldRevisionKeepsTheHistory() {
        newVault().first.use { vault ->
            var screen = vault.plan(PlanKind.RELAPSE)
            val reasons = PlanSection.Relapse(RelapseSection.REASONS)
            screen = vault.applyPlanEdit(PlanKind.RELAPSE, screen.version, PlanEdit.Add(reasons, PlanEntry.TextEntry("my kids")))
            screen = vault.applyPlanEdit(PlanKind.RELAPSE, screen.version, PlanEdit.Remove(reasons, 1u))
            screen = vault.applyPlanEdit(PlanKind.RELAPSE, screen.version, PlanEdit.Restore(1u))
            assertEquals(listOf("my kids"), words(screen, reasons))
            assertEquals(listOf(1u, 2u, 3u), screen.revisions.map { it.number })
            assertEquals(1u, screen.revisions.last().restoredFrom)
            assertFailsWith<PlanException.NoSuchRevision> {
                vault.applyPlanEdit(PlanKind.RELAPSE, screen.version, PlanEdit.Restore(9u))
            }
        }
    }

    @Test
    fun linkAndUnlinkAContact() {
        newVault().first.use { vault ->
            val sam = vault.addContact(NewContact("Sam", ContactRole.SPONSOR, "+1 (555) 010-0100"))
            var screen = vault.plan(PlanKind.SAFETY)
            screen = vault.applyPlanEdit(PlanKind.SAFETY, screen.version, PlanEdit.Add(help, PlanEntry.HelpEntry(ContactEntry("My sponsor"))))
            screen = vault.applyPlanEdit(PlanKind.SAFETY, screen.version, PlanEdit.Link(help, 1u, sam.id))
            val row = screen.sections[3].entries[0]
            assertEquals("Sam", (row.link as PlanLink.Linked).contact.name)
            assertEquals("tel:+15550100100", row.dialUri)
            assertNull(screen.prompt)
            // Core's rule: a warning sign cannot link a contact.
            val signs = PlanSection.Safety(SafetyStep.WARNING_SIGNS)
            screen = vault.applyPlanEdit(PlanKind.SAFETY, screen.version, PlanEdit.Add(signs, PlanEntry.TextEntry("pacing")))
            assertFailsWith<PlanException.Validation> {
                vault.applyPlanEdit(PlanKind.SAFETY, screen.version, PlanEdit.Link(signs, 1u, sam.id))
            }
            assertFailsWith<PlanException.Validation> {
                vault.applyPlanEdit(PlanKind.SAFETY, screen.version, PlanEdit.Link(help, 1u, "not-an-id"))
            }
            screen = vault.applyPlanEdit(PlanKind.SAFETY, screen.version, PlanEdit.Unlink(help, 1u))
            assertEquals(PlanLink.NotLinked, screen.sections[3].entries[0].link)
            assertTrue(screen.prompt != null)
        }
    }
}
