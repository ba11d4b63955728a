import Foundation
import OneDay
import XCTest

/// Collects errors from concurrent work; every access holds the lock.
private final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [String] = []

    func add(_ error: Error) {
        lock.lock()
        defer { lock.unlock() }
        errors.append("\(error)")
    }

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return errors
    }
}

final class ThreadsTests: XCTestCase {
    func testOneVaultSharedBySeveralThreads() throws {
        let vault = try Support.newVault().vault
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 8) { t in
            do {
                for i in 0..<5 {
                    let c = try vault.addCounter(settings: Support.settings("t\(t)-\(i)"), start: "2024-01-0\(i + 1)")
                    _ = try vault.resetCounter(id: c.id, relapseOn: "2024-02-01", note: "thread \(t)")
                    _ = try vault.status(today: "2024-03-01")
                }
            } catch {
                failures.add(error)
            }
        }
        XCTAssertEqual(failures.all, [])
        let rows = try vault.status(today: "2024-03-01")
        XCTAssertEqual(rows.count, 40)
        XCTAssertTrue(rows.allSatisfy { $0.cleanTime.totalDays == 29 })
    }

    func testTheStatelessCalculatorFromManyThreads() {
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 200) { i in
            do {
                let ct = try cleanTime(start: "2000-01-01", today: String(format: "2000-%02d-%02d", i % 12 + 1, i % 28 + 1))
                if ct.state != .running { failures.add(CleanTimeError.Validation(message: "state \(ct.state)")) }
            } catch {
                failures.add(error)
            }
        }
        XCTAssertEqual(failures.all, [])
    }
}
