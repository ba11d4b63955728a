import OneDay
import XCTest

/// Plan edits through the one core operation (`applyPlanEdit`) and the Plan screen (`plan(kind:)`).
final class PlanEditsTests: XCTestCase {
    private let coping = PlanSection.safety(step: .copingStrategies)
    private let help = PlanSection.safety(step: .helpPeople)

    private func lines(_ screen: PlanScreen, _ section: PlanSection) -> [String] {
        screen.sections.first { $0.section == section }?.entries.map(\.line) ?? []
    }

    func testTheScreenListsCoresSectionsInOrder() throws {
        let vault = try Support.newVault().vault
        let safety = try vault.plan(kind: .safety)
        XCTAssertEqual(safety.version, PlanVersion(revision: 0))
        XCTAssertEqual(safety.sections.count, 7)
        XCTAssertEqual(safety.sections[3].heading, "Step 4: People to ask for help")
        XCTAssertEqual(safety.sections.map(\.linksContact), [false, false, true, true, true, false, false])
        XCTAssertEqual(safety.sections.last?.section, .reasonForLiving)
        XCTAssertEqual(safety.sections.last?.single, true)
        XCTAssertTrue(safety.prompt?.hasPrefix("no one to call") ?? false)
        let relapse = try vault.plan(kind: .relapse)
        XCTAssertEqual(relapse.sections[1].shape, .categorisedTrigger)
        XCTAssertNil(relapse.prompt)
    }

    func testAddEditInPlaceMoveAndRemove() throws {
        let vault = try Support.newVault().vault
        var screen = try vault.plan(kind: .safety)
        for text in ["walk", "music"] {
            screen = try vault.applyPlanEdit(kind: .safety, expected: screen.version, edit: .add(section: coping, entry: .textEntry(text: text)))
        }
        screen = try vault.applyPlanEdit(
            kind: .safety, expected: screen.version, edit: .replace(section: coping, number: 1, entry: .textEntry(text: "  a long walk ")))
        screen = try vault.applyPlanEdit(kind: .safety, expected: screen.version, edit: .move(section: coping, from: 2, to: 1))
        XCTAssertEqual(lines(screen, coping), ["music", "a long walk"])
        screen = try vault.applyPlanEdit(kind: .safety, expected: screen.version, edit: .remove(section: coping, number: 1))
        XCTAssertEqual(lines(screen, coping), ["a long walk"])
        XCTAssertEqual(screen.version, PlanVersion(revision: 5))
        XCTAssertEqual(screen.revisions.count, 5)
    }

    func testAStaleVersionIsRefusedAndWritesNothing() throws {
        let vault = try Support.newVault().vault
        let opened = try vault.plan(kind: .safety)
        _ = try vault.applyPlanEdit(kind: .safety, expected: opened.version, edit: .add(section: coping, entry: .textEntry(text: "walk")))
        // Adding is applied to the plan as it is now, even from the screen opened before.
        let now = try vault.applyPlanEdit(kind: .safety, expected: opened.version, edit: .add(section: coping, entry: .textEntry(text: "music")))
        XCTAssertEqual(lines(now, coping), ["walk", "music"])
        XCTAssertThrowsError(try vault.applyPlanEdit(kind: .safety, expected: opened.version, edit: .remove(section: coping, number: 1))) {
            guard case PlanError.ChangedElsewhere(let message) = $0 else { return XCTFail("\($0)") }
            XCTAssertTrue(message.contains("changed since you opened it"), message)
        }
        XCTAssertEqual(lines(try vault.plan(kind: .safety), coping), ["walk", "music"])
        XCTAssertEqual(try vault.planHistory(kind: .safety).count, 2)
    }

    func testRestoreAnOldRevisionKeepsTheHistory() throws {
        let vault = try Support.newVault().vault
        let reasons = PlanSection.relapse(section: .reasons)
        var screen = try vault.plan(kind: .relapse)
        screen = try vault.applyPlanEdit(kind: .relapse, expected: screen.version, edit: .add(section: reasons, entry: .textEntry(text: "my kids")))
        screen = try vault.applyPlanEdit(kind: .relapse, expected: screen.version, edit: .remove(section: reasons, number: 1))
        screen = try vault.applyPlanEdit(kind: .relapse, expected: screen.version, edit: .restore(revision: 1))
        XCTAssertEqual(lines(screen, reasons), ["my kids"])
        XCTAssertEqual(screen.revisions.map(\.number), [1, 2, 3])
        XCTAssertEqual(screen.revisions.last?.restoredFrom, 1)
        XCTAssertThrowsError(try vault.applyPlanEdit(kind: .relapse, expected: screen.version, edit: .restore(revision: 9))) {
            guard case PlanError.NoSuchRevision = $0 else { return XCTFail("\($0)") }
        }
    }

    func testLinkAndUnlinkAContact() throws {
        let vault = try Support.newVault().vault
        let sam = try vault.addContact(contact: NewContact(name: "Sam", role: .sponsor, phone: "+1 (555) 010-0100"))
        var screen = try vault.plan(kind: .safety)
        screen = try vault.applyPlanEdit(
            kind: .safety, expected: screen.version, edit: .add(section: help, entry: .helpEntry(entry: ContactEntry(text: "My sponsor"))))
        screen = try vault.applyPlanEdit(kind: .safety, expected: screen.version, edit: .link(section: help, number: 1, contactId: sam.id))
        let row = screen.sections[3].entries[0]
        guard case .linked(let contact) = row.link else { return XCTFail("\(row.link)") }
        XCTAssertEqual(contact.name, "Sam")
        XCTAssertEqual(row.dialUri, "tel:+15550100100")
        XCTAssertNil(screen.prompt)
        let signs = PlanSection.safety(step: .warningSigns)
        screen = try vault.applyPlanEdit(kind: .safety, expected: screen.version, edit: .add(section: signs, entry: .textEntry(text: "pacing")))
        XCTAssertThrowsError(try vault.applyPlanEdit(kind: .safety, expected: screen.version, edit: .link(section: signs, number: 1, contactId: sam.id))) {
            guard case PlanError.Validation = $0 else { return XCTFail("\($0)") }
        }
        screen = try vault.applyPlanEdit(kind: .safety, expected: screen.version, edit: .unlink(section: help, number: 1))
        XCTAssertEqual(screen.sections[3].entries[0].link, .notLinked)
        XCTAssertNotNil(screen.prompt)
    }
}
