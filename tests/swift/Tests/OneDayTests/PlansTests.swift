import Foundation
import OneDay
import XCTest

final class PlansTests: XCTestCase {
    let missingContact = "0123456789abcdef0123456789abcdef"

    func fullSafetyPlan() -> SafetyPlan {
        SafetyPlan(
            warningSigns: ["Not sleeping\nfor days", "# pacing *a lot* | at night"],
            copingStrategies: ["A walk by the river"],
            distractions: [
                Distraction(kind: .person, entry: ContactEntry(text: "Alex", contactId: missingContact)),
                Distraction(kind: .place, entry: ContactEntry(text: "The library", phone: "555 0100")),
            ],
            helpPeople: [ContactEntry(text: "Mum", phone: "+44 20 7946 0018")],
            professionals: [ContactEntry(text: "Samaritans", phone: "116 123")],
            safeEnvironment: ["Pills to the pharmacy"],
            reasonForLiving: "My daughter, 日本の海"
        )
    }

    func testANewVaultHasEmptyPlansAndNoHistory() throws {
        let vault = try Support.newVault().vault
        XCTAssertEqual(try vault.safetyPlan(), SafetyPlan())
        XCTAssertEqual(try vault.relapsePlan(), RelapsePreventionPlan())
        XCTAssertEqual(try vault.planHistory(kind: .safety), [])
        let c = try vault.plan(kind: .safety).completeness
        XCTAssertFalse(c.complete)
        XCTAssertEqual(c.gaps, [.empty, .noHelpContact])
        XCTAssertEqual(c.messages.count, 2)
    }

    func testEveryEditKeepsARevisionAndRestoreBringsOneBack() throws {
        let vault = try Support.newVault().vault
        let before = Date().addingTimeInterval(-1)
        let first = try vault.saveSafetyPlan(plan: SafetyPlan(warningSigns: ["  not sleeping  "]))
        XCTAssertEqual(first.number, 1)
        XCTAssertGreaterThan(first.savedAt, before)
        XCTAssertEqual(try vault.safetyPlan().warningSigns, ["not sleeping"])
        // Saving the same plan again adds no revision.
        XCTAssertEqual(try vault.saveSafetyPlan(plan: vault.safetyPlan()).number, 1)

        var edited = try vault.safetyPlan()
        edited.copingStrategies = ["music"]
        XCTAssertEqual(try vault.saveSafetyPlan(plan: edited).number, 2)
        XCTAssertEqual(try vault.planHistory(kind: .safety).map(\.number), [1, 2])
        XCTAssertEqual(try vault.safetyPlanRevision(number: 1).copingStrategies, [])

        let seen = try vault.plan(kind: .safety).version
        let restored = try XCTUnwrap(try vault.applyPlanEdit(kind: .safety, expected: seen, edit: .restore(revision: 1)).revisions.last)
        XCTAssertEqual(restored.number, 3)
        XCTAssertEqual(restored.restoredFrom, 1)
        XCTAssertEqual(try vault.safetyPlan().copingStrategies, [])
        XCTAssertEqual(try vault.safetyPlanRevision(number: 2).copingStrategies, ["music"])
    }

    func testExportsKeepEveryFieldAndPhoneNumbers() throws {
        let vault = try Support.newVault().vault
        _ = try vault.saveSafetyPlan(plan: fullSafetyPlan())
        let text = try vault.exportPlan(kind: .safety, format: .text)
        for value in [
            "Not sleeping", "for days", "# pacing *a lot* | at night", "A walk by the river",
            "Person: Alex", "Place: The library", "555 0100", "Mum", "+44 20 7946 0018",
            "Samaritans", "116 123", "Pills to the pharmacy", "My daughter, 日本の海",
        ] {
            XCTAssertTrue(text.contains(value), "\(value) missing from:\n\(text)")
        }
        // Alex links to a contact that does not exist (any more).
        XCTAssertTrue(text.contains("Contact: (contact removed)"), text)

        let md = try vault.exportPlan(kind: .safety, format: .markdown)
        XCTAssertTrue(md.hasPrefix("# Safety plan\n"), md)
        XCTAssertTrue(md.contains("- \\# pacing \\*a lot\\* \\| at night\n"), md)
        XCTAssertTrue(md.contains("- Not sleeping<br>for days\n"), md)
        XCTAssertTrue(md.contains("(id \(missingContact))"), md)
        XCTAssertTrue(md.contains("  - Phone: +44 20 7946 0018\n"), md)

        _ = try vault.saveSafetyPlan(plan: SafetyPlan(warningSigns: ["later"]))
        let old = try vault.exportPlan(kind: .safety, format: .text, revision: 1)
        XCTAssertTrue(old.contains("Samaritans"), old)
    }

    func testASafetyPlanWithNoHelpContactIsIncomplete() throws {
        let vault = try Support.newVault().vault
        var noOneToCall = fullSafetyPlan()
        noOneToCall.helpPeople = [ContactEntry(text: "Mum")]
        noOneToCall.professionals = [ContactEntry(text: "My GP", contactId: missingContact)]
        _ = try vault.saveSafetyPlan(plan: noOneToCall)
        let gaps = try vault.plan(kind: .safety).completeness.gaps
        XCTAssertEqual(gaps.first, .noHelpContact)
        XCTAssertTrue(gaps.contains(.contactRemoved(step: .professionals, entry: 1)), "\(gaps)")

        _ = try vault.saveSafetyPlan(plan: fullSafetyPlan())
        XCTAssertEqual(
            try vault.plan(kind: .safety).completeness.gaps,
            [.contactRemoved(step: .distractions, entry: 1)])
    }

    func testAHelpEntryLinkedToASupportContactCountsAndExportsTheirNumber() throws {
        let vault = try Support.newVault().vault
        let sam = try vault.addContact(contact: NewContact(name: "Sam", role: .sponsor, phone: "+1 (555) 010-0100"))
        var plan = fullSafetyPlan()
        plan.helpPeople = [ContactEntry(text: "My sponsor", contactId: sam.id)]
        plan.professionals = []
        _ = try vault.saveSafetyPlan(plan: plan)
        let gaps = try vault.plan(kind: .safety).completeness.gaps
        XCTAssertFalse(gaps.contains(.noHelpContact), "\(gaps)")
        let text = try vault.exportPlan(kind: .safety, format: .text)
        XCTAssertTrue(text.contains("Sam"), text)
        XCTAssertTrue(text.contains("+1 (555) 010-0100"), text)

        try vault.removeContact(id: sam.id)
        let after = try vault.plan(kind: .safety).completeness.gaps
        XCTAssertEqual(after.first, .noHelpContact)
        XCTAssertTrue(after.contains(.contactRemoved(step: .helpPeople, entry: 1)), "\(after)")
    }

    func testRelapsePlanKeepsCategoriesGradesAndCoping() throws {
        let vault = try Support.newVault().vault
        _ = try vault.saveRelapsePlan(plan: RelapsePreventionPlan(
            reasons: ["My kids"],
            triggers: [
                Trigger(category: .halt(state: .lonely), text: "Sunday evenings", coping: "Call Sam"),
                Trigger(category: .places, text: "The pub"),
            ],
            warningSigns: [
                WarningSign(grade: .immediate, text: "Hearing voices again", mentalHealth: true),
                WarningSign(grade: .early, text: "Skipping meetings"),
            ],
            afterLapse: ["Tell my sponsor", "Go to a meeting"]
        ))
        let plan = try vault.relapsePlan()
        XCTAssertEqual(plan.warningSigns.map(\.grade), [.early, .immediate])
        XCTAssertEqual(plan.triggers[0].category, .halt(state: .lonely))
        XCTAssertEqual(try vault.plan(kind: .relapse).completeness.gaps, [.noCopingResponse(entry: 2)])
        let text = try vault.exportPlan(kind: .relapse, format: .text)
        XCTAssertTrue(text.contains("Lonely (HALT): Sunday evenings"), text)
        XCTAssertTrue(text.contains("Coping: Call Sam"), text)
        XCTAssertTrue(text.contains("Mental health: Hearing voices again"), text)
    }

    func testBadInputGetsTypedErrorsThatDoNotRepeatIt() throws {
        let vault = try Support.newVault().vault
        XCTAssertThrowsError(try vault.saveSafetyPlan(plan: SafetyPlan(helpPeople: [ContactEntry(text: "   ")]))) { error in
            XCTAssertEqual(
                error as? PlanError,
                .Validation(message: "the text of entry 1 in “People to ask for help” is empty"))
        }
        XCTAssertThrowsError(try vault.saveSafetyPlan(
            plan: SafetyPlan(helpPeople: [ContactEntry(text: "Sam", phone: "secret-ish words")])
        )) { error in
            guard case PlanError.Validation(let message) = error else { return XCTFail("\(error)") }
            XCTAssertFalse(message.contains("secret"))
        }
        XCTAssertThrowsError(try vault.saveSafetyPlan(
            plan: SafetyPlan(helpPeople: [ContactEntry(text: "Sam", contactId: "not-an-id")])
        )) { error in
            guard case PlanError.Validation = error else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try vault.saveSafetyPlan(plan: SafetyPlan(
            distractions: [Distraction(kind: .place, entry: ContactEntry(text: "Park", contactId: missingContact))]
        ))) { error in
            guard case PlanError.Validation = error else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try vault.saveRelapsePlan(
            plan: RelapsePreventionPlan(reasons: Array(repeating: "reason", count: 101))
        )) { error in
            guard case PlanError.Validation = error else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try vault.applyPlanEdit(kind: .relapse, expected: PlanVersion(revision: 0), edit: .restore(revision: 1))) { error in
            guard case PlanError.NoSuchRevision = error else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try vault.safetyPlanRevision(number: 4)) { error in
            guard case PlanError.NoSuchRevision = error else { return XCTFail("\(error)") }
        }
        XCTAssertEqual(try vault.planHistory(kind: .safety), [])
        vault.lock()
        XCTAssertThrowsError(try vault.safetyPlan()) { error in
            guard case PlanError.Locked = error else { return XCTFail("\(error)") }
        }
    }
}
