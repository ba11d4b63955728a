import OneDay

/// What an import of a meeting list did, in a few lines for one screen. Every number is core's
/// (the store's merge counts and the importer's report).
public struct ImportSummary: Equatable, Sendable {
    /// `Imported “home”: 6 of 6 meetings kept.`
    public let headline: String
    /// The store's changes, then skips and repairs counted by kind.
    public let lines: [String]

    /// The summary as one text, headline first.
    public var text: String { ([headline] + lines).joined(separator: "\n") }

    /// The summary of one import.
    public static func of(_ result: MeetingImport) -> ImportSummary {
        of(subject: "Imported “\(result.source)”", counts: result.counts, report: result.report)
    }

    /// The lines of `c` and `r` under a headline starting with `subject`.
    static func of(subject: String, counts c: MeetingMergeCounts, report r: MeetingImportReport) -> ImportSummary {
        var lines = ["\(c.added) added, \(c.updated) updated, \(c.unchanged) unchanged."]
        if c.vanished > 0 {
            lines.append("\(c.vanished) no longer listed (\(c.vanishedKept) kept because you added something to them).")
        }
        if !r.skipped.isEmpty { lines.append("\(r.skipped.count) skipped.") }
        if r.repairedRecords > 0 { lines.append("\(r.repairedRecords) repaired.") }
        if r.droppedDuplicates > 0 { lines.append("\(r.droppedDuplicates) identical copies dropped.") }
        lines += r.summary.map { "\($0.text) (\($0.count))" }
        return ImportSummary(headline: "\(subject): \(r.kept) of \(r.records) meetings kept.", lines: lines)
    }
}
