import Foundation
import OneDay
import XCTest

@testable import OneDayViewModels

final class UserMessageTests: XCTestCase {
    private struct ABug: Error {}

    func testLockedFromEveryAreaAsksToUnlock() {
        let locked: [any Error] = [
            VaultError.Locked(message: "the vault is locked"),
            CleanTimeError.Locked(message: "the vault is locked"),
            MeetingsError.Locked,
            SupportError.Locked(message: "the vault is locked"),
            PlanError.Locked(message: "the vault is locked"),
            CheckInError.Locked(message: "the vault is locked"),
        ]
        for error in locked {
            XCTAssertEqual(UserMessage.from(error), UserMessage(text: "Unlock One Day", action: .unlock), "\(error)")
        }
    }

    func testOtherErrorsKeepCoresSentence() throws {
        var phone: SupportError?
        do {
            _ = try telUri(phone: "call me")
        } catch let error as SupportError {
            phone = error
        }
        guard case .InvalidPhone(let sentence) = try XCTUnwrap(phone) else { return XCTFail("not InvalidPhone") }
        XCTAssertFalse(sentence.contains("call me"), "core's sentence never echoes what was typed")
        XCTAssertEqual(UserMessage.from(try XCTUnwrap(phone)), UserMessage(text: sentence, action: .none))
        XCTAssertEqual(UserMessage.from(VaultError.Busy(message: "busy"))?.action, .tryAgain)
        XCTAssertEqual(UserMessage.from(VaultError.Busy(message: "busy"))?.text, "busy")
        XCTAssertEqual(
            UserMessage.from(MeetingsError.ZoneUnknown(key: "home/x"))?.text,
            "the meeting `home/x` has no time zone; set a zone for its meeting list first")
        XCTAssertNil(UserMessage.from(ABug()))
    }

    func testOutcomesCarryRefusalsAndLetBugsThrough() throws {
        let refused = try outcomeOf { try telUri(phone: "call me") }
        XCTAssertEqual(try refused.refused().action, .none)
        XCTAssertNil(refused.value)
        XCTAssertEqual(try outcomeOf { try telUri(phone: "988") }, .done("tel:988"))
        XCTAssertThrowsError(try outcomeOf { () throws -> Int in throw ABug() }) { XCTAssertTrue($0 is ABug) }
        XCTAssertEqual(Outcome<Int>.done(2).map { $0 * 2 }, .done(4))
    }

    func testTheUsersDayIsTheDayInTheirZone() {
        // 2024-06-03 23:30 UTC is already 4 June in Berlin and still 3 June in New York.
        let late = Date(timeIntervalSince1970: 1_717_457_400)
        XCTAssertEqual(UserDay.of(late, in: TimeZone(identifier: "Europe/Berlin")!), "2024-06-04")
        XCTAssertEqual(UserDay.of(late, in: TimeZone(identifier: "America/New_York")!), "2024-06-03")
    }
}
