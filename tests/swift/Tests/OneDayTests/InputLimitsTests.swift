import Foundation
import OneDay
import XCTest

/// The limits a shell reads outside input up to (one byte more at most), as core applies them.
final class InputLimitsTests: XCTestCase {
    func testAFeedOneByteOverTheExposedLimitIsRefusedAndOneAtItIsRead() throws {
        XCTAssertEqual(maxFeedBytes(), 32 * 1024 * 1024)
        let vault = try Support.newVault().vault
        // Valid JSON of exactly the limit: `[`, spaces, `]`.
        var atLimit = Data(repeating: UInt8(ascii: " "), count: Int(maxFeedBytes()))
        atLimit[0] = UInt8(ascii: "[")
        atLimit[atLimit.count - 1] = UInt8(ascii: "]")
        // At the limit the size is fine and the content is judged: a list with no meeting.
        XCTAssertThrowsError(try vault.importMeetings(feed: atLimit, format: .meetingGuide, source: "s")) { error in
            guard case MeetingsError.NothingImported(let records) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(records, 0)
        }
        var over = atLimit
        over.append(UInt8(ascii: " "))
        XCTAssertThrowsError(try vault.importMeetings(feed: over, format: .meetingGuide, source: "s")) { error in
            guard case MeetingsError.FeedTooLarge(_, let max) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(max, maxFeedBytes())
        }
    }

    func testTheBackupLimitIsCoresAndZerosAreNotABackup() {
        // 256 MiB of sealed contents after the 76-byte clear header (docs/backup-format.md).
        XCTAssertEqual(maxBackupFileBytes(), 256 * 1024 * 1024 + 76)
        XCTAssertThrowsError(try readBackupHeader(file: Data(count: 4096))) {
            XCTAssertEqual($0 as? BackupError, .NotABackup)
        }
    }
}
