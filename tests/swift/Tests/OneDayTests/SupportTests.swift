import Foundation
import OneDay
import XCTest

/// Contacts and one-tap calling through the FFI: the shell only launches the URI core resolves.
final class SupportTests: XCTestCase {
    func testCallPlanResolvesTheSponsorThenNextInOrderThenTheCrisisLine() throws {
        let vault = try Support.newVault().vault
        try vault.setRegion(region: "US")
        let sponsor = try vault.addContact(contact: NewContact(
            name: "Sam", role: .sponsor, phone: "+1 (555) 010-0100", smsAllowed: true))
        let friend = try vault.addContact(contact: NewContact(name: "Ann", role: .friend, phone: "555 010 0101"))
        XCTAssertEqual(try vault.contacts().map(\.order), [0, 1])

        let plan = try vault.callPlan(sms: false)
        XCTAssertEqual(plan.channel, .call)
        XCTAssertEqual(plan.headline, "Calling Sam (sponsor)")
        XCTAssertEqual(plan.target?.reason, .sponsor)
        XCTAssertEqual(plan.target?.contactId, sponsor.id)
        XCTAssertEqual(plan.target?.uri, "tel:+15550100100")
        XCTAssertEqual(plan.fallbacks.map(\.uri), ["tel:5550100101", "tel:988", "tel:911"])
        XCTAssertEqual(plan.region, .covered(region: "US"))
        // The drug and alcohol helpline comes apart: never the target or a fallback.
        XCTAssertEqual(plan.helplines.map(\.reason), [.drugAlcoholHelpline])
        XCTAssertEqual(plan.helplines.first?.uri, "tel:18006624357")
        XCTAssertEqual(plan.helplines.first?.label, "SAMHSA National Helpline (drug and alcohol helpline)")

        try vault.removeContact(id: sponsor.id)
        let next = try vault.callPlan(sms: false)
        XCTAssertEqual(next.target?.reason, .nextInOrder)
        XCTAssertEqual(next.target?.contactId, friend.id)
        XCTAssertEqual(next.headline, "Calling Ann (friend)")

        try vault.removeContact(id: friend.id)
        let crisis = try vault.callPlan(sms: false)
        XCTAssertEqual(crisis.target?.reason, .crisisLine)
        XCTAssertEqual(crisis.target?.label, "988 Suicide & Crisis Lifeline (crisis line)")
        XCTAssertEqual(crisis.target?.uri, "tel:988")
        XCTAssertEqual(crisis.fallbacks.map(\.reason), [.emergencyNumber])
        XCTAssertEqual(crisis.helplines, plan.helplines)
    }

    func testWithoutARegionTheLastResortIsLocalEmergencyWordingWithNoNumber() throws {
        let vault = try Support.newVault().vault
        XCTAssertNil(try vault.region())
        let plan = try vault.callPlan(sms: false)
        XCTAssertEqual(plan.region, .notSet)
        XCTAssertEqual(plan.headline, "Call your local emergency number")
        XCTAssertEqual(plan.target?.reason, .localEmergencyNumber)
        XCTAssertNil(plan.target?.uri)
        XCTAssertNil(plan.target?.number)
        XCTAssertTrue(plan.regionHint?.contains("Set your region") ?? false)

        try vault.setRegion(region: "be")
        XCTAssertEqual(try vault.region(), "BE")
        XCTAssertEqual(try vault.callPlan(sms: false).region, .notInTable(region: "BE"))
        XCTAssertThrowsError(try vault.setRegion(region: "UK")) { error in
            guard case SupportError.InvalidRegion = error else { return XCTFail("\(error)") }
        }
        XCTAssertEqual(try vault.region(), "BE")
    }

    func testSmsUrisArePercentEncodedAndOnlyForContactsWhoTakeTexts() throws {
        XCTAssertEqual(
            try smsUri(phone: "+44 7700 900123", body: defaultSmsMessage()),
            "sms:+447700900123?body=Can%20you%20call%20me%3F")
        XCTAssertEqual(try smsUri(phone: "988"), "sms:988")
        XCTAssertEqual(try smsUri(phone: "555 0100", body: "Café & talk?"), "sms:5550100?body=Caf%C3%A9%20%26%20talk%3F")

        let vault = try Support.newVault().vault
        try vault.setRegion(region: "GB")
        _ = try vault.addContact(contact: NewContact(name: "Sam", role: .sponsor, phone: "07700 900001", smsAllowed: false))
        _ = try vault.addContact(contact: NewContact(name: "Jo", role: .friend, phone: "07700 900002", smsAllowed: true))
        XCTAssertEqual(
            try vault.setSmsTemplates(templates: [" Rough day. Free later? ", ""]), ["Rough day. Free later?"])
        XCTAssertEqual(try vault.smsMessages(), ["Can you call me?", "Rough day. Free later?"])

        let plan = try vault.callPlan(sms: true, message: try vault.smsMessages()[1])
        XCTAssertEqual(plan.channel, .sms)
        XCTAssertEqual(plan.headline, "Texting Jo (friend)")
        XCTAssertEqual(plan.target?.uri, "sms:07700900002?body=Rough%20day.%20Free%20later%3F")
        XCTAssertEqual(plan.fallbacks.map(\.uri), ["sms:85258?body=SHOUT"])
        XCTAssertEqual(try vault.callPlan(sms: true).target?.uri, "sms:07700900002?body=Can%20you%20call%20me%3F")
        XCTAssertThrowsError(try vault.callPlan(sms: true, message: "  ")) { error in
            guard case SupportError.Validation = error else { return XCTFail("\(error)") }
        }
    }

    func testLettersInAPhoneNumberAreATypedErrorAndWriteNothing() throws {
        XCTAssertThrowsError(try telUri(phone: "CALL SAM")) { error in
            guard case SupportError.InvalidPhone(let message) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(message.hasPrefix("a phone number cannot contain letters"), message)
        }
        XCTAssertThrowsError(try validatePhone(phone: ""))
        XCTAssertEqual(try telUri(phone: "+1 555 010 0100 ext. 12"), "tel:+15550100100;ext=12")

        let vault = try Support.newVault().vault
        XCTAssertThrowsError(try vault.addContact(contact: NewContact(name: "Sam", role: .sponsor, phone: "five five five"))) { error in
            guard case SupportError.InvalidPhone = error else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try vault.addContact(contact: NewContact(name: " ", role: .sponsor, phone: "555 0100"))) { error in
            guard case SupportError.Validation = error else { return XCTFail("\(error)") }
        }
        XCTAssertEqual(try vault.contacts(), [])
        let c = try vault.addContact(contact: NewContact(name: "Sam", role: .sponsor, phone: "555 0100", note: "after 6pm"))
        XCTAssertThrowsError(try vault.editContact(id: c.id, change: ContactChange(phone: "letters"))) { error in
            guard case SupportError.InvalidPhone = error else { return XCTFail("\(error)") }
        }
        XCTAssertEqual(try vault.contact(id: c.id), c)
        let edited = try vault.editContact(id: c.id, change: ContactChange(role: .alternateSponsor, note: ""))
        XCTAssertEqual(edited.role, .alternateSponsor)
        XCTAssertNil(edited.note)
        XCTAssertThrowsError(try vault.contact(id: String(repeating: "0", count: 32))) { error in
            guard case SupportError.NotFound = error else { return XCTFail("\(error)") }
        }
    }

    func testReorderAndCrisisLinesByRegion() throws {
        let vault = try Support.newVault().vault
        let a = try vault.addContact(contact: NewContact(name: "A", role: .friend, phone: "555 0100"))
        let b = try vault.addContact(contact: NewContact(name: "B", role: .doctor, phone: "555 0101"))
        XCTAssertEqual(try vault.reorderContacts(ids: [b.id]).map(\.id), [b.id, a.id])
        XCTAssertThrowsError(try vault.reorderContacts(ids: [a.id, a.id]))

        let ie = try XCTUnwrap(try crisisLines(region: "IE"))
        XCTAssertEqual(ie.name, "Ireland")
        XCTAssertEqual(ie.lines[0].telUri, "tel:116123")
        XCTAssertEqual(ie.emergency[0].telUri, "tel:112")
        XCTAssertTrue(ie.lines.allSatisfy { $0.sourceUrl.hasPrefix("http") })
        XCTAssertEqual(ie.lines[0].lastVerified.count, 10, "an ISO date")
        XCTAssertEqual(ie.emergency[0].sourceKind, .government)
        let hse = try XCTUnwrap(ie.drugAlcoholHelplines.first)
        XCTAssertEqual(ie.drugAlcoholHelplines.count, 1)
        XCTAssertEqual(hse.telUri, "tel:1800459459")
        XCTAssertEqual(hse.sourceKind, .press)
        XCTAssertFalse(ie.lines.contains { $0.name == hse.name })
        let samhsa = try XCTUnwrap(try crisisLines(region: "US")?.drugAlcoholHelplines.first)
        XCTAssertEqual(samhsa.sourceKind, .operator)
        XCTAssertEqual(samhsa.telUri, "tel:18006624357")
        XCTAssertEqual(try crisisLines(region: "GB")?.drugAlcoholHelplines, [])
        XCTAssertNil(try crisisLines(region: "BE"))
    }
}
