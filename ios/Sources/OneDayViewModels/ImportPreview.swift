import OneDay

/// What importing a meeting list would do, shown before anything is written: core's preview
/// (`previewMeetingImport`) in the words of `ImportSummary`, with the choice the person must make
/// when the import would remove most of the list (core's rule: `replace` is core's `needsReplace`).
public struct ImportPreview: Equatable, Sendable {
    /// What would change, `Ready to import “home”: 4 of 4 meetings kept.` first.
    public let summary: ImportSummary
    /// Why the import needs a choice, or `nil` when it does not.
    public let warning: String?
    /// The label of the button that applies it.
    public let confirmLabel: String
    /// What to pass as `replace` when the person presses that button.
    public let replace: Bool

    /// The preview as one text: the warning first when there is one.
    public var text: String { ([warning].compactMap { $0 } + [summary.text]).joined(separator: "\n") }

    /// The preview of one import.
    public static func of(_ p: MeetingImportPreview) -> ImportPreview {
        let summary = ImportSummary.of(subject: "Ready to import “\(p.source)”", counts: p.counts, report: p.report)
        guard p.needsReplace else {
            return ImportPreview(summary: summary, warning: nil, confirmLabel: "Import", replace: false)
        }
        return ImportPreview(
            summary: summary,
            warning: "This would remove \(p.counts.vanished) of the \(p.listedBefore) meetings of “\(p.source)”. "
                + "Meetings you saved or added a note to are kept.",
            confirmLabel: "Replace the list",
            replace: true)
    }
}
