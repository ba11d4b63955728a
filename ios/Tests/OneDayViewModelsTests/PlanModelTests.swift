import Foundation
import OneDay
import XCTest

@testable import OneDayViewModels

/// What the Plan screen's model keeps: the entry form, its edits against the shown version, and revision lines.
final class PlanModelTests: XCTestCase {
    private let coping = PlanSection.safety(step: .copingStrategies)

    func testTheFormFilledFromAnEntryGivesTheSameEntryBack() {
        let entries: [(PlanEntryShape, PlanEntry)] = [
            (.words, .textEntry(text: "A walk")),
            (.personOrPlace, .distractionEntry(distraction: Distraction(kind: .place, entry: ContactEntry(text: "Library", phone: "555 0100")))),
            (.reachable, .helpEntry(entry: ContactEntry(text: "Sam", contactId: "0123456789abcdef0123456789abcdef"))),
            (.categorisedTrigger, .triggerEntry(trigger: Trigger(category: .halt(state: .tired), text: "Late shifts", coping: "Sleep first"))),
            (.gradedSign, .warningSignEntry(sign: WarningSign(grade: .middle, text: "Skipping meals", mentalHealth: true))),
        ]
        for (shape, entry) in entries { XCTAssertEqual(PlanEntryForm(entry).entry(shape), entry) }
        XCTAssertEqual(PlanEntryForm().entry(.words), .textEntry(text: ""))
    }

    func testEditsGoAgainstTheShownVersionAndAStaleOneIsCoresMessage() throws {
        let model = PlanModel(vault: try TestVaults.newVault())
        let opened = try model.plan(.safety).done()
        let added = try model.apply(opened, .add(section: coping, entry: PlanEntryForm(text: "Music").entry(.words))).done()
        XCTAssertEqual(added.sections[1].entries.map(\.line), ["Music"])
        let edited = try model.apply(added, .replace(section: coping, number: 1, entry: .textEntry(text: "Loud music"))).done()
        XCTAssertEqual(edited.sections[1].entries.map(\.line), ["Loud music"])
        // The screen opened before both edits no longer numbers the entries as core does.
        let stale = try model.apply(opened, .remove(section: coping, number: 1)).refused()
        XCTAssertTrue(stale.text.contains("changed since you opened it"), stale.text)
        XCTAssertEqual(try model.plan(.safety).done(), edited)
    }

    func testRevisionsAreListedInTheGivenZoneAndRestoredThroughCore() throws {
        let model = PlanModel(vault: try TestVaults.newVault(), zone: try XCTUnwrap(TimeZone(identifier: "UTC")))
        var screen = try model.plan(.safety).done()
        screen = try model.apply(screen, .add(section: coping, entry: .textEntry(text: "Walk"))).done()
        screen = try model.apply(screen, .remove(section: coping, number: 1)).done()
        screen = try model.apply(screen, .restore(revision: 1)).done()
        let line = model.revisionLine(try XCTUnwrap(screen.revisions.last))
        XCTAssertNotNil(line.range(of: #"^Revision 3 · \d{4}-\d\d-\d\d \d\d:\d\d · restored from 1$"#, options: .regularExpression), line)
        XCTAssertTrue(model.restoreQuestion(screen.revisions[0]).hasPrefix("Make Revision 1 · "))
        XCTAssertEqual(screen.sections[1].entries.map(\.line), ["Walk"])
    }

    func testFormChoicesAndExportAreCores() throws {
        let vault = try TestVaults.newVault()
        let model = PlanModel(vault: vault)
        XCTAssertEqual(model.categories.count, 8)
        XCTAssertEqual(model.categories[4].label, "Hungry (HALT)")
        XCTAssertEqual(model.grades.map(\.grade), [.early, .middle, .immediate])
        XCTAssertEqual(try model.exportText(kind: .safety).done(), try vault.exportPlan(kind: .safety, format: .text, revision: nil))
        vault.lock()
        XCTAssertEqual(try model.plan(.safety).refused(), UserMessage.locked)
    }
}
