import Foundation
import OneDay

/// The user's local date, which every model takes as `today`: the day on the phone's clock in the
/// phone's zone, never the UTC day.
public enum UserDay {
    /// The ISO date (`2024-06-03`) of `now` in `zone`.
    public static func of(_ now: Date, in zone: TimeZone) -> LocalDate {
        let f = DateFormatter()
        f.calendar = Calendar(identifier: .gregorian)
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = zone
        f.dateFormat = "yyyy-MM-dd"
        return f.string(from: now)
    }
}
