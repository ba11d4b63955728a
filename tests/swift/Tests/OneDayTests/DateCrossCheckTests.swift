import Foundation
import OneDay
import XCTest

/// SplitMix64: a seeded generator, so a failure can be replayed.
private struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Core's total days against Foundation's Gregorian calendar in UTC, for random pairs in 1900...2200.
final class DateCrossCheckTests: XCTestCase {
    private static let calendar: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()

    private func date(_ y: Int, _ m: Int, _ d: Int) -> Date {
        Self.calendar.date(from: DateComponents(year: y, month: m, day: d))!
    }

    private func iso(_ date: Date) -> String {
        let c = Self.calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    /// Any day, a month's last day, or a 29 February, with equal weight.
    private func pick(_ rng: inout SplitMix64) -> Date {
        let first = date(1900, 1, 1)
        let span = Self.calendar.dateComponents([.day], from: first, to: date(2200, 12, 31)).day!
        let any = Self.calendar.date(byAdding: .day, value: Int.random(in: 0...span, using: &rng), to: first)!
        switch Int.random(in: 0..<3, using: &rng) {
        case 0:
            return any
        case 1:
            let c = Self.calendar.dateComponents([.year, .month], from: any)
            let days = Self.calendar.range(of: .day, in: .month, for: any)!.count
            return date(c.year!, c.month!, days)
        default:
            let leapYears = (1900...2200).filter { $0 % 4 == 0 && ($0 % 100 != 0 || $0 % 400 == 0) }
            return date(leapYears[Int.random(in: 0..<leapYears.count, using: &rng)], 2, 29)
        }
    }

    func testTotalDaysMatchFoundationsCalendar() throws {
        var rng = SplitMix64(state: 20_240_229)
        for _ in 0..<2000 {
            let a = pick(&rng)
            let b = Int.random(in: 0..<10, using: &rng) == 0 ? a : pick(&rng)
            let (start, today) = a <= b ? (a, b) : (b, a)
            let expected = Self.calendar.dateComponents([.day], from: start, to: today).day!
            let ct = try cleanTime(start: iso(start), today: iso(today))
            XCTAssertEqual(ct.totalDays, Int64(expected), "\(iso(start)) .. \(iso(today))")
        }
    }
}
