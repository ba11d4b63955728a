import OneDay
import XCTest

@testable import OneDayViewModels

final class PlanModelTests: XCTestCase {
    private let safetyTitles = [
        "Step 1: Warning signs",
        "Step 2: Internal coping strategies",
        "Step 3: People and places for distraction",
        "Step 4: People to ask for help",
        "Step 5: Professionals, agencies and crisis lines",
        "Step 6: Making the environment safe",
        "The one thing most worth living for",
    ]

    func testAnEmptySafetyPlanPromptsForSomeoneToCall() throws {
        let vault = try TestVaults.newVault()
        let screen = try PlanModel(vault: vault).safety().done()
        XCTAssertEqual(screen.sections.map(\.title), safetyTitles)
        XCTAssertTrue(screen.sections.allSatisfy { $0.entries.isEmpty })
        let core = try vault.planCompleteness(kind: .safety)
        XCTAssertFalse(screen.complete)
        XCTAssertEqual(screen.gaps, core.messages)
        let index = try XCTUnwrap(core.gaps.firstIndex(of: .noHelpContact))
        XCTAssertEqual(screen.prompt, core.messages[index])
    }

    func testALinkedHelpContactShowsAndEndsThePrompt() throws {
        let vault = try TestVaults.newVault()
        let sam = try vault.addContact(contact: NewContact(name: "Sam", role: .sponsor, phone: "+1 555 0101", smsAllowed: false, note: nil))
        _ = try vault.saveSafetyPlan(
            plan: SafetyPlan(
                warningSigns: ["Not sleeping"],
                helpPeople: [ContactEntry(text: "Sam, my sponsor", contactId: sam.id)],
                professionals: [ContactEntry(text: "Dr Lee", phone: "+1 555 0199")],
                reasonForLiving: "My daughter"))
        let screen = try PlanModel(vault: vault).safety().done()
        XCTAssertNil(screen.prompt)
        XCTAssertFalse(try vault.planCompleteness(kind: .safety).gaps.contains(.noHelpContact))
        XCTAssertEqual(screen.sections[0].entries.map(\.text), ["Not sleeping"])
        let help = try XCTUnwrap(screen.sections[3].entries.first)
        XCTAssertEqual(help.text, "Sam, my sponsor")
        XCTAssertEqual(help.detail, "Contact: Sam, +1 555 0101")
        XCTAssertEqual(help.dialUri, try telUri(phone: "+1 555 0101"))
        let doctor = try XCTUnwrap(screen.sections[4].entries.first)
        XCTAssertEqual(doctor.detail, "Phone: +1 555 0199")
        XCTAssertEqual(doctor.dialUri, try telUri(phone: "+1 555 0199"))
        XCTAssertEqual(screen.sections[6].entries.map(\.text), ["My daughter"])

        try vault.removeContact(id: sam.id)
        let removed = try XCTUnwrap(try PlanModel(vault: vault).safety().done().sections[3].entries.first)
        XCTAssertEqual(removed.detail, "Contact: (contact removed)")
    }

    func testTheRelapsePlanInItsSections() throws {
        let vault = try TestVaults.newVault()
        _ = try vault.saveRelapsePlan(
            plan: RelapsePreventionPlan(
                reasons: ["My health"],
                triggers: [Trigger(category: .people, text: "Old drinking friends", coping: "Call Sam")],
                warningSigns: [
                    WarningSign(grade: .immediate, text: "Driving past the pub", mentalHealth: false),
                    WarningSign(grade: .early, text: "Skipping meetings", mentalHealth: true),
                ],
                afterLapse: ["Tell my sponsor"]))
        let screen = try PlanModel(vault: vault).relapse().done()
        XCTAssertEqual(
            screen.sections.map(\.title),
            ["Reasons for recovery", "Triggers and high-risk situations", "Warning signs", "The first 24 hours after a lapse"])
        let trigger = try XCTUnwrap(screen.sections[1].entries.first)
        XCTAssertEqual(trigger.text, "People: Old drinking friends")
        XCTAssertEqual(trigger.detail, "What I do: Call Sam")
        // Core groups warning signs by grade, early first.
        XCTAssertEqual(screen.sections[2].entries.map(\.text), try vault.relapsePlan().warningSigns.map(\.text))
        XCTAssertEqual(screen.sections[2].entries.map(\.detail), ["Early · mental health", "Immediate"])
        XCTAssertEqual(screen.complete, try vault.planCompleteness(kind: .relapse).complete)
        XCTAssertNil(screen.prompt)
    }

    func testExportTextIsCoresAndRefusalsAreCores() throws {
        let vault = try TestVaults.newVault()
        _ = try vault.saveSafetyPlan(plan: SafetyPlan(warningSigns: ["Not sleeping"]))
        let text = try PlanModel(vault: vault).exportText(kind: .safety).done()
        XCTAssertEqual(text, try vault.exportPlan(kind: .safety, format: .text, revision: nil))
        XCTAssertTrue(text.contains("Not sleeping"))

        var coreText: String?
        do {
            _ = try vault.safetyPlanRevision(number: 9)
        } catch PlanError.NoSuchRevision(let message) {
            coreText = message
        }
        let sentence = try XCTUnwrap(coreText)
        XCTAssertEqual(UserMessage.from(PlanError.NoSuchRevision(message: sentence))?.text, sentence)
        vault.lock()
        XCTAssertEqual(try PlanModel(vault: vault).safety().refused(), UserMessage.locked)
    }
}
