import Foundation
import OneDay

/// Core's local dates and times (ISO text: `2024-06-05T01:00:00`, `19:00:00`) written for a locale.
/// Wall-clock values only: they are read and written in one fixed zone, so no zone rule touches them.
enum LocalText {
    private static let fixed = TimeZone(identifier: "UTC") ?? TimeZone.current

    private static func formatter(_ pattern: String, _ locale: Locale) -> DateFormatter {
        let f = DateFormatter()
        f.calendar = Calendar(identifier: .gregorian)
        f.timeZone = fixed
        f.locale = locale
        f.dateFormat = pattern
        return f
    }

    private static func parse(_ text: String, _ patterns: [String]) -> Date? {
        let posix = Locale(identifier: "en_US_POSIX")
        for p in patterns {
            if let date = formatter(p, posix).date(from: text) { return date }
        }
        return nil
    }

    /// A local date-time in `pattern` (`EEE d MMM, HH:mm`), or core's text when it cannot be read.
    static func dateTime(_ local: LocalDateTime, _ pattern: String, _ locale: Locale) -> String {
        guard let date = parse(local, ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.SSS", "yyyy-MM-dd'T'HH:mm"])
        else { return local }
        return formatter(pattern, locale).string(from: date)
    }

    /// A local date (`2025-06-15`) in the locale's long style (`June 15, 2025`), or core's text when it
    /// cannot be read.
    static func longDate(_ local: LocalDate, _ locale: Locale) -> String {
        guard let date = parse(local, ["yyyy-MM-dd"]) else { return local }
        let f = DateFormatter()
        f.calendar = Calendar(identifier: .gregorian)
        f.timeZone = fixed
        f.locale = locale
        f.dateStyle = .long
        f.timeStyle = .none
        return f.string(from: date)
    }

    /// A local time as `HH:mm`, or core's text when it cannot be read.
    static func time(_ local: LocalTime, _ locale: Locale) -> String {
        guard let date = parse(local, ["HH:mm:ss", "HH:mm:ss.SSS", "HH:mm"]) else { return local }
        return formatter("HH:mm", locale).string(from: date)
    }

    /// The short name of a weekday (`Fri`).
    static func weekday(_ day: Weekday, _ locale: Locale) -> String {
        let symbols: [String] = formatter("EEE", locale).shortWeekdaySymbols
        // Foundation's symbols start on Sunday.
        let index: Int
        switch day {
        case .sunday: index = 0
        case .monday: index = 1
        case .tuesday: index = 2
        case .wednesday: index = 3
        case .thursday: index = 4
        case .friday: index = 5
        case .saturday: index = 6
        }
        return index < symbols.count ? symbols[index] : "\(day)"
    }
}
