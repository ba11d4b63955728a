import Foundation
import OneDay
import XCTest

@testable import OneDayViewModels

/// Real vaults in temp folders for the view-model tests, made with the cheapest Argon2id cost core accepts.
enum TestVaults {
    /// A new unlocked vault in its own temp folder.
    static func newVault() throws -> Vault {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("oneday-ios-\(UUID().uuidString)").path
        return try createVault(dir: dir + "/vault", deviceKey: Data(repeating: 7, count: 32), kdf: minimumKdfParams()).vault
    }

    /// Counter settings with the NA key tags and completed days unless told otherwise.
    static func settings(_ label: String, counting: CountingMode = .completedDays, nameInReminders: Bool = false)
        -> CounterSettings
    {
        CounterSettings(
            label: label, kind: .substance, counting: counting, profile: .naKeyTags, dailyCost: nil, lastUse: nil,
            nameInReminders: nameInReminders)
    }
}

/// ISO dates moved by whole days (the tests' own arithmetic, only to set up vaults).
enum Day {
    private static let calendar: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC") ?? TimeZone.current
        return c
    }()

    private static func formatter() -> DateFormatter {
        let f = DateFormatter()
        f.calendar = calendar
        f.timeZone = calendar.timeZone
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "yyyy-MM-dd"
        return f
    }

    /// Years, months and days from one ISO date to a later one, by the Gregorian calendar.
    static func period(from: LocalDate, to: LocalDate) throws -> (years: Int, months: Int, days: Int) {
        let f = formatter()
        let start = try XCTUnwrap(f.date(from: from))
        let end = try XCTUnwrap(f.date(from: to))
        let c = calendar.dateComponents([.year, .month, .day], from: start, to: end)
        return (try XCTUnwrap(c.year), try XCTUnwrap(c.month), try XCTUnwrap(c.day))
    }

    /// `date` moved by `days` (negative: earlier).
    static func plus(_ date: LocalDate, _ days: Int) -> LocalDate {
        let f = formatter()
        guard let d = f.date(from: date), let moved = calendar.date(byAdding: .day, value: days, to: d) else {
            return date
        }
        return f.string(from: moved)
    }
}

extension Outcome {
    /// The value of a call expected to succeed; fails the test with core's message otherwise.
    func done(file: StaticString = #filePath, line: UInt = #line) throws -> Value {
        switch self {
        case .done(let value): return value
        case .refused(let message):
            XCTFail("expected a value, core refused: \(message.text)", file: file, line: line)
            throw UnexpectedOutcome()
        }
    }

    /// The message of a call expected to be refused.
    func refused(file: StaticString = #filePath, line: UInt = #line) throws -> UserMessage {
        switch self {
        case .done(let value):
            XCTFail("expected a refusal, got \(value)", file: file, line: line)
            throw UnexpectedOutcome()
        case .refused(let message): return message
        }
    }
}

/// Thrown after a failed expectation on an outcome, to end the test there.
struct UnexpectedOutcome: Error {}
