import OneDay
import XCTest

@testable import OneDayViewModels

final class CallModelTests: XCTestCase {
    func testWithNoContactsAndNoRegionItSaysCallYourLocalEmergencyNumber() throws {
        let vault = try TestVaults.newVault()
        let screen = try CallModel(vault: vault).call().done()
        let core = try vault.callPlan(sms: false, message: nil)
        XCTAssertEqual(screen.headline, core.headline)
        XCTAssertEqual(screen.headline, "Call your local emergency number")
        XCTAssertNil(screen.launchUri)
        XCTAssertEqual(screen.target?.reason, .localEmergencyNumber)
        XCTAssertEqual(screen.regionHint, core.regionHint)
        XCTAssertNotNil(screen.regionHint)
        XCTAssertEqual(screen.fallbacks, [])
        XCTAssertNil(screen.crisisRow)
        XCTAssertEqual(screen.helplines, [])
    }

    func testTheDrugAndAlcoholHelplineIsShownApartAndNeverInOneTap() throws {
        let vault = try TestVaults.newVault()
        _ = try vault.addContact(contact: NewContact(name: "Sam", role: .sponsor, phone: "+1 555 010 0100", smsAllowed: true, note: nil))
        try vault.setRegion(region: "US")
        let screen = try CallModel(vault: vault).call().done()
        let core = try vault.callPlan(sms: false, message: nil)
        XCTAssertEqual(screen.headline, "Calling Sam (sponsor)")
        XCTAssertEqual(screen.helplines.map(\.label), core.helplines.map(\.label))
        XCTAssertEqual(screen.helplines.count, 1)
        let samhsa = try XCTUnwrap(screen.helplines.first)
        XCTAssertEqual(samhsa.label, "SAMHSA National Helpline (drug and alcohol helpline)")
        XCTAssertEqual(samhsa.uri, "tel:18006624357")
        XCTAssertEqual(samhsa.reason, .drugAlcoholHelpline)
        let inOneTap = screen.fallbacks + [screen.target, screen.crisisRow].compactMap { $0 }
        XCTAssertFalse(inOneTap.contains { $0.reason == .drugAlcoholHelpline })
        XCTAssertEqual(screen.crisisRow?.label, "988 Suicide & Crisis Lifeline (crisis line)")

        try vault.setRegion(region: "GB")
        XCTAssertEqual(try CallModel(vault: vault).call().done().helplines, [])
    }

    func testTheSponsorFirstThenTheOthersThenTheCrisisLine() throws {
        let vault = try TestVaults.newVault()
        _ = try vault.addContact(contact: NewContact(name: "Alex", role: .friend, phone: "+44 7700 900123", smsAllowed: false, note: nil))
        let sam = try vault.addContact(contact: NewContact(name: "Sam", role: .sponsor, phone: "+44 7700 900456", smsAllowed: true, note: nil))
        try vault.setRegion(region: "GB")
        let model = CallModel(vault: vault)

        let screen = try model.call().done()
        let core = try vault.callPlan(sms: false, message: nil)
        XCTAssertEqual(screen.headline, "Calling Sam (sponsor)")
        XCTAssertEqual(screen.launchUri, try telUri(phone: "+44 7700 900456"))
        XCTAssertEqual(screen.launchUri, core.target?.uri)
        XCTAssertEqual(screen.fallbacks.first?.label, "Alex (friend)")
        XCTAssertEqual(screen.fallbacks.first?.uri, try telUri(phone: "+44 7700 900123"))
        let firstLine = try XCTUnwrap(core.fallbacks.first { $0.reason == .crisisLine })
        let crisis = try XCTUnwrap(screen.crisisRow)
        XCTAssertEqual(crisis.label, firstLine.label)
        XCTAssertEqual(crisis.uri, firstLine.uri)
        XCTAssertTrue(crisis.label.hasSuffix("(crisis line)"))
        // Every fallback core gave is on the screen once, in core's order.
        XCTAssertEqual(screen.fallbacks.map(\.label), core.fallbacks.map(\.label).filter { $0 != firstLine.label })
        XCTAssertNil(screen.regionHint)

        try vault.removeContact(id: sam.id)
        let after = try model.call().done()
        XCTAssertEqual(after.headline, "Calling Alex (friend)")
        XCTAssertEqual(after.launchUri, try telUri(phone: "+44 7700 900123"))
        XCTAssertFalse(after.fallbacks.contains { $0.label.hasPrefix("Sam") })
    }

    func testTextingGoesToWhoeverIsFineWithTexts() throws {
        let vault = try TestVaults.newVault()
        _ = try vault.addContact(contact: NewContact(name: "Alex", role: .friend, phone: "+44 7700 900123", smsAllowed: false, note: nil))
        _ = try vault.addContact(contact: NewContact(name: "Sam", role: .sponsor, phone: "+44 7700 900456", smsAllowed: true, note: nil))
        let screen = try CallModel(vault: vault).text().done()
        XCTAssertEqual(screen.channel, .sms)
        XCTAssertEqual(screen.headline, "Texting Sam (sponsor)")
        XCTAssertEqual(screen.launchUri, try vault.callPlan(sms: true, message: nil).target?.uri)
        XCTAssertTrue(try XCTUnwrap(screen.launchUri).hasPrefix("sms:"))
        XCTAssertFalse(screen.fallbacks.contains { $0.label.hasPrefix("Alex") })
        let messages = try CallModel(vault: vault).messages().done()
        XCTAssertEqual(messages.map(\.text), try vault.smsMessages())
        XCTAssertEqual(messages.first?.target?.uri, screen.launchUri)
    }
}
