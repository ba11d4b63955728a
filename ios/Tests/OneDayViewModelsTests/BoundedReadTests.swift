import Foundation
import OneDay
import XCTest

@testable import OneDayViewModels

final class BoundedReadTests: XCTestCase {
    private func file(_ bytes: Data) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try bytes.write(to: url)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    func testAFileAtTheLimitIsReadWholeAndOneByteMoreIsNot() throws {
        let bytes = Data((0..<70_000).map { UInt8($0 % 251) })
        let url = try file(bytes)
        XCTAssertEqual(BoundedRead.contents(of: url, limit: 70_000), bytes)
        XCTAssertNil(BoundedRead.contents(of: url, limit: 69_999))
        XCTAssertEqual(BoundedRead.contents(of: try file(Data()), limit: 0), Data())
    }

    func testALongStreamIsRefusedAfterLimitPlusOneBytes() throws {
        let pipe = Pipe()
        let writer = pipe.fileHandleForWriting
        let total = 1_000_000
        // Another thread writes a megabyte, far past the limit, then closes the pipe.
        let written = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            try? writer.write(contentsOf: Data(count: total))
            try? writer.close()
            written.signal()
        }
        XCTAssertNil(BoundedRead.read(pipe.fileHandleForReading, limit: 100_000))
        // Exactly limit + 1 bytes were taken: the rest is still in the pipe.
        let rest = try pipe.fileHandleForReading.readToEnd() ?? Data()
        written.wait()
        XCTAssertEqual(rest.count, total - 100_001)
    }

    func testTheLimitsAreCores() {
        XCTAssertEqual(BoundedRead.feedLimit, Int(maxFeedBytes()))
        XCTAssertEqual(BoundedRead.backupLimit, Int(maxBackupFileBytes()))
    }
}
