import Foundation
import OneDay
import XCTest

@testable import OneDayViewModels

final class ContactsModelTests: XCTestCase {
    private func three(_ vault: Vault) throws -> ContactsModel {
        let model = ContactsModel(vault: vault)
        _ = try model.add(ContactInput(name: "Sam", role: .sponsor, phone: "+44 7700 900123", smsAllowed: true)).done()
        _ = try model.add(ContactInput(name: "Alex", role: .friend, phone: "+44 7700 900456", smsAllowed: false)).done()
        _ = try model.add(ContactInput(name: "Jo", role: .family, phone: "+44 7700 900789", smsAllowed: false)).done()
        return model
    }

    func testListIsInCoresOrderWithMovesOnlyWhereTheyMakeSense() throws {
        let vault = try TestVaults.newVault()
        let model = ContactsModel(vault: vault)
        XCTAssertTrue(try model.list().done().isEmpty)
        XCTAssertFalse(model.emptyText.isEmpty)
        _ = try three(vault)
        let rows = try model.list().done()
        XCTAssertEqual(rows.map(\.id), try vault.contacts().map(\.id))
        XCTAssertEqual(rows.map(\.title), ["Sam (sponsor)", "Alex (friend)", "Jo (family)"])
        XCTAssertEqual(rows[0].detail, "+44 7700 900123 · texts OK")
        XCTAssertEqual(rows[1].detail, "+44 7700 900456")
        XCTAssertEqual(rows.map(\.canMoveUp), [false, true, true])
        XCTAssertEqual(rows.map(\.canMoveDown), [true, true, false])
    }

    func testMovingOnePlaceUpOrDownReordersInCore() throws {
        let vault = try TestVaults.newVault()
        let model = try three(vault)
        let jo = try model.list().done()[2].id
        let moved = try model.move(id: jo, up: true).done()
        XCTAssertEqual(moved.map(\.name), ["Sam", "Jo", "Alex"])
        XCTAssertEqual(moved.map(\.id), try vault.contacts().map(\.id))
        let top = try model.move(id: jo, up: true).done()
        XCTAssertEqual(top.map(\.name), ["Jo", "Sam", "Alex"])
        // Already first: nothing changes.
        XCTAssertEqual(try model.move(id: jo, up: true).done(), top)
        XCTAssertEqual(try model.move(id: jo, up: false).done().map(\.name), ["Sam", "Jo", "Alex"])
        XCTAssertEqual(try model.move(id: jo, up: false).done().map(\.name), ["Sam", "Alex", "Jo"])
    }

    func testEditAndRemoveGoThroughCore() throws {
        let vault = try TestVaults.newVault()
        let model = try three(vault)
        let alex = try model.list().done()[1]
        var input = alex.toInput()
        input.name = "Alexis"
        input.role = .alternateSponsor
        input.smsAllowed = true
        let edited = try model.edit(id: alex.id, input).done()
        XCTAssertEqual(edited.title, "Alexis (alternate sponsor)")
        XCTAssertTrue(try vault.contact(id: alex.id).smsAllowed)
        XCTAssertTrue(model.removeQuestion(edited).contains("Alexis"))
        _ = try model.remove(id: alex.id).done()
        XCTAssertEqual(try model.list().done().map(\.name), ["Sam", "Jo"])
        XCTAssertFalse(try vault.contacts().contains { $0.id == alex.id })
    }

    func testCoresPhoneValidationErrorIsShownAsItComesAndNothingIsSaved() throws {
        let vault = try TestVaults.newVault()
        let model = try three(vault)
        let refusal = try model.add(ContactInput(name: "Pat", role: .friend, phone: "call me maybe", smsAllowed: false)).refused()
        var core: String?
        do {
            try validatePhone(phone: "call me maybe")
        } catch SupportError.InvalidPhone(let message) {
            core = message
        }
        XCTAssertEqual(refusal.text, try XCTUnwrap(core))
        XCTAssertEqual(refusal.action, .none)
        XCTAssertFalse(refusal.text.contains("call me maybe"))
        XCTAssertEqual(try vault.contacts().count, 3)
        let sam = try model.list().done()[0]
        var input = sam.toInput()
        input.phone = "abc"
        _ = try model.edit(id: sam.id, input).refused()
        XCTAssertEqual(try vault.contact(id: sam.id).phone, "+44 7700 900123")
    }

    func testRegionIsCoresAndABlankFieldClearsIt() throws {
        let vault = try TestVaults.newVault()
        let model = ContactsModel(vault: vault)
        XCTAssertNil(try model.region().done())
        XCTAssertEqual(try model.setRegion(" GB ").done(), "GB")
        XCTAssertEqual(try vault.region(), "GB")
        XCTAssertFalse(try model.setRegion("Britain").refused().text.isEmpty)
        XCTAssertEqual(try vault.region(), "GB")
        XCTAssertNil(try model.setRegion("").done())
        XCTAssertNil(try vault.region())
    }

    func testEveryRoleHasItsWords() {
        XCTAssertEqual(ContactRoles.choices.count, 9)
        XCTAssertEqual(Set(ContactRoles.choices.map(ContactRoles.label)).count, 9)
        XCTAssertEqual(ContactRoles.choices.first, .sponsor)
    }
}
