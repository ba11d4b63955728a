import Foundation
import OneDay
import XCTest

/// The Call screen as one core call, the prepared messages, and dates refused as the area's own error.
final class EdgesTests: XCTestCase {
    func testTheCallScreenIsOneCallWithEachNumberOnce() throws {
        let (vault, _, _) = try Support.newVault()
        _ = try vault.addContact(contact: NewContact(name: "Sam", role: .sponsor, phone: "+44 20 7946 0321", smsAllowed: true, note: nil))
        _ = try vault.addContact(contact: NewContact(name: "Sam at home", role: .friend, phone: "+44 20 7946 0321", smsAllowed: true, note: nil))
        _ = try vault.addContact(contact: NewContact(name: "Jo", role: .friend, phone: "+44 20 7946 0999", smsAllowed: false, note: nil))
        try vault.setRegion(region: "GB")
        let plan = try vault.callPlan(sms: false, message: nil, directCalls: .notAllowed)
        let uris = ([plan.target].compactMap { $0 } + plan.fallbacks + plan.helplines).compactMap(\.uri)
        XCTAssertEqual(Set(uris).count, uris.count)
        XCTAssertEqual(plan.target?.reason, .sponsor)
        let crisis = try XCTUnwrap(plan.crisisRow)
        XCTAssertTrue([CallReason.crisisLine, .emergencyNumber].contains(crisis.reason))
        XCTAssertEqual(plan.otherFallbacks.count, plan.fallbacks.count - 1)
        XCTAssertEqual(plan.otherFallbacks.first?.label, "Jo (friend)")
        XCTAssertTrue(plan.offersDirectCalls)
        XCTAssertFalse(plan.placesCallDirectly)
        // An iPhone only opens the dialer: nothing to offer.
        XCTAssertFalse(try vault.callPlan(sms: false, message: nil).offersDirectCalls)
    }

    func testPreparedMessagesGoToTheSponsorWithCoresSmsUri() throws {
        let (vault, _, _) = try Support.newVault()
        _ = try vault.addContact(contact: NewContact(name: "Sam", role: .sponsor, phone: "+1 (555) 010-0000", smsAllowed: true, note: nil))
        _ = try vault.setSmsTemplates(templates: ["At a meeting, later?"])
        let messages = try vault.preparedMessages()
        XCTAssertEqual(messages.map(\.index), [0, 1])
        XCTAssertEqual(messages[0].target?.uri, "sms:+15550100000?body=Can%20you%20call%20me%3F")
        XCTAssertEqual(messages[1].target?.uri, "sms:+15550100000?body=At%20a%20meeting%2C%20later%3F")
    }

    func testAMalformedDateIsTheAreasTypedError() throws {
        let (vault, _, _) = try Support.newVault()
        // Before: UniFFI's internal error for any area other than clean time.
        XCTAssertThrowsError(try vault.checkIn(date: "2023-02-29")) { error in
            guard case CheckInError.InvalidDate(let message) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(message, "2023-02-29 does not exist: February 2023 has 28 days")
        }
        XCTAssertThrowsError(try vault.checkIns(from: "yesterday", to: "2024-05-10")) { error in
            guard case CheckInError.InvalidDate = error else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try vault.meetingAttendance(today: "1850-01-01", days: 90)) { error in
            XCTAssertEqual(error as? MeetingsError, .OutOfRange)
        }
    }
}
