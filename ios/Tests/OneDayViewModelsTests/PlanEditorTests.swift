import OneDay
import XCTest

@testable import OneDayViewModels

final class PlanEditorTests: XCTestCase {
    func testEverySafetySectionOnScreenCanBeEditedAndSavesARevision() throws {
        let vault = try TestVaults.newVault()
        let editor = PlanEditor(vault: vault)
        let parts = try PlanModel(vault: vault).safety().done().sections.map(\.part)
        XCTAssertEqual(parts, SafetyPart.allCases.map { PlanPart.safety($0) })
        for part in SafetyPart.allCases { _ = try editor.add(.safety(part), PlanEntryInput(text: "entry for \(part)")).done() }
        let plan = try vault.safetyPlan()
        XCTAssertEqual(plan.warningSigns, ["entry for warningSigns"])
        XCTAssertEqual(plan.copingStrategies, ["entry for copingStrategies"])
        XCTAssertEqual(plan.reasonForLiving, "entry for reasonForLiving")
        XCTAssertEqual(try vault.planHistory(kind: .safety).count, SafetyPart.allCases.count)

        let screen = try PlanModel(vault: vault).safety().done()
        for section in screen.sections { XCTAssertEqual(section.entries.count, 1, section.title) }
    }

    func testAHelpEntryLinkedToAContactAnswersCoresNoOneToCallPrompt() throws {
        let vault = try TestVaults.newVault()
        let before = try PlanModel(vault: vault).safety().done()
        let prompt = try XCTUnwrap(before.prompt)
        XCTAssertTrue(try vault.planCompleteness(kind: .safety).messages.contains(prompt))

        let sam = try vault.addContact(contact: NewContact(name: "Sam", role: .sponsor, phone: "+44 7700 900123", smsAllowed: true, note: nil))
        let editor = PlanEditor(vault: vault)
        let choices = try editor.linkChoices().done()
        XCTAssertEqual(choices.map(\.id), [sam.id])
        XCTAssertEqual(choices.map(\.label), ["Sam (sponsor)"])
        _ = try editor.add(.safety(.helpPeople), PlanEntryInput(text: "My sponsor", contactId: sam.id)).done()
        _ = try editor.add(.safety(.distractions), PlanEntryInput(text: "The park", distraction: .place)).done()

        XCTAssertEqual(try vault.safetyPlan().helpPeople.map(\.contactId), [sam.id])
        XCTAssertEqual(try vault.safetyPlan().distractions.map(\.kind), [.place])
        let after = try PlanModel(vault: vault).safety().done()
        XCTAssertNil(after.prompt)
        let help = try XCTUnwrap(after.sections.first { $0.part == .safety(.helpPeople) }?.entries.first)
        XCTAssertEqual(help.detail, "Contact: Sam, +44 7700 900123")
        XCTAssertNotNil(help.dialUri)
        XCTAssertTrue(PlanPart.safety(.helpPeople).linksContact)
        XCTAssertFalse(PlanPart.relapse(.triggers).linksContact)
    }

    func testRemovingAnEntryKeepsTheEarlierRevision() throws {
        let vault = try TestVaults.newVault()
        let editor = PlanEditor(vault: vault)
        _ = try editor.add(.safety(.warningSigns), PlanEntryInput(text: "Skipping meetings")).done()
        _ = try editor.add(.safety(.warningSigns), PlanEntryInput(text: "Not sleeping")).done()
        _ = try editor.remove(.safety(.warningSigns), at: 0).done()
        XCTAssertEqual(try vault.safetyPlan().warningSigns, ["Not sleeping"])
        XCTAssertEqual(try vault.planHistory(kind: .safety).count, 3)
        XCTAssertEqual(try vault.safetyPlanRevision(number: 2).warningSigns, ["Skipping meetings", "Not sleeping"])
        _ = try editor.add(.safety(.reasonForLiving), PlanEntryInput(text: "My kids")).done()
        _ = try editor.remove(.safety(.reasonForLiving), at: 0).done()
        XCTAssertNil(try vault.safetyPlan().reasonForLiving)
    }

    func testRelapsePlanSectionsTakeTheirCategoryGradeAndCoping() throws {
        let vault = try TestVaults.newVault()
        let editor = PlanEditor(vault: vault)
        XCTAssertEqual(try PlanModel(vault: vault).relapse().done().sections.map(\.part), RelapsePart.allCases.map { PlanPart.relapse($0) })
        let hungry = TriggerCategory.halt(state: .hungry)
        XCTAssertTrue(PlanWords.triggerCategories.contains(hungry))
        _ = try editor.add(.relapse(.reasons), PlanEntryInput(text: "My health")).done()
        _ = try editor.add(.relapse(.triggers), PlanEntryInput(text: "Payday", category: .things, coping: "Call Sam")).done()
        _ = try editor.add(.relapse(.triggers), PlanEntryInput(text: "Skipping lunch", category: hungry, coping: " ")).done()
        _ = try editor.add(.relapse(.warningSigns), PlanEntryInput(text: "Isolating", grade: .middle, mentalHealth: true)).done()
        _ = try editor.add(.relapse(.afterLapse), PlanEntryInput(text: "Tell my sponsor")).done()

        let plan = try vault.relapsePlan()
        XCTAssertEqual(plan.triggers.map(\.coping), ["Call Sam", nil])
        let screen = try PlanModel(vault: vault).relapse().done()
        let triggers = try XCTUnwrap(screen.sections.first { $0.part == .relapse(.triggers) }).entries
        XCTAssertEqual(triggers.map(\.text), ["Things: Payday", "Hungry: Skipping lunch"])
        let signs = try XCTUnwrap(screen.sections.first { $0.part == .relapse(.warningSigns) }).entries
        XCTAssertEqual(signs.map(\.detail), ["Middle · mental health"])
        // Core finds the trigger without coping.
        XCTAssertFalse(screen.complete)

        _ = try editor.remove(.relapse(.triggers), at: 1).done()
        XCTAssertEqual(try vault.relapsePlan().triggers.map(\.text), ["Payday"])
        XCTAssertEqual(try vault.planHistory(kind: .relapse).count, 6)
    }

    func testCoreRefusesABlankEntryAndTheSavedPlanIsUnchanged() throws {
        let vault = try TestVaults.newVault()
        let editor = PlanEditor(vault: vault)
        _ = try editor.add(.safety(.copingStrategies), PlanEntryInput(text: "Walk")).done()
        let refusal = try editor.add(.safety(.copingStrategies), PlanEntryInput(text: "   ")).refused()
        XCTAssertFalse(refusal.text.isEmpty)
        XCTAssertEqual(try vault.safetyPlan().copingStrategies, ["Walk"])
        XCTAssertEqual(try vault.planHistory(kind: .safety).count, 1)
        // A stale index removes nothing (and still saves what core has).
        _ = try editor.remove(.safety(.copingStrategies), at: 5).done()
        XCTAssertEqual(try vault.safetyPlan().copingStrategies, ["Walk"])
    }
}
