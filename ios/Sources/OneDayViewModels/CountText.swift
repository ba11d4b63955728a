import OneDay

/// Words for numbers core computed, in one place so the Today screen, the widget and reminders say
/// them the same way. Nothing here computes a count: every number comes from core.
public enum CountText {
    /// `1 day`, `832 days`.
    public static func days(_ n: Int64) -> String { n == 1 ? "1 day" : "\(n) days" }

    /// `in 1 day`, `in 15 days`.
    public static func inDays(_ n: Int64) -> String { "in \(days(n))" }

    /// `Starts in 3 days`: a clean date still ahead (never negative days).
    public static func startsIn(_ n: Int64) -> String { "Starts \(inDays(n))" }

    /// `2 years, 3 months, 10 days`; zero parts are left out, `0 days` when all are zero.
    public static func period(_ p: Period) -> String {
        let parts = [(p.years, "year"), (p.months, "month"), (p.days, "day")]
            .filter { $0.0 != 0 }
            .map { $0.0 == 1 ? "1 \($0.1)" : "\($0.0) \($0.1)s" }
        return parts.isEmpty ? "0 days" : parts.joined(separator: ", ")
    }
}
