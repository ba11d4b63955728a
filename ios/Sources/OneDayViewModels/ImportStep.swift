import OneDay

/// What the import form shows after a preview: core's preview to confirm, or, when the list names no
/// time zone and none is known for it, the question of its zone. A list is never given a zone the
/// person did not choose (never the phone's, never UTC).
public enum ImportStep: Equatable, Sendable {
    /// Core previewed the import; its confirm button applies it.
    case confirm(ImportPreview)
    /// Core refused the list until a zone is chosen (`ZoneNeeded`); nothing was written.
    case chooseZone(ZoneQuestion)
}

/// The question asked when a list names no time zone: `text`, and one button per zone offered: the
/// zone core suggests from the list's coordinates (when it can) and the phone's zone.
public struct ZoneQuestion: Equatable, Sendable {
    /// The question's text.
    public static let questionText = "This list doesn't say which time zone its meetings are in."

    /// The question, `This list doesn't say which time zone its meetings are in.`
    public let text: String
    /// The zones offered, core's suggestion first.
    public let choices: [ZoneChoice]

    /// The question offering `suggestedZone` (core's guess from the list's coordinates, `nil` when
    /// it has none) and `phoneZone`; one button when they are the same zone.
    public static func of(suggestedZone: String?, phoneZone: String) -> ZoneQuestion {
        let suggested = suggestedZone.map { ZoneChoice(label: "Use \($0) (where its meetings are)", zone: $0) }
        let phone = ZoneChoice(label: "Use this phone's zone, \(phoneZone)", zone: phoneZone)
        return ZoneQuestion(
            text: questionText, choices: [suggested, phoneZone == suggestedZone ? nil : phone].compactMap { $0 })
    }
}

/// One answer to a `ZoneQuestion`.
public struct ZoneChoice: Equatable, Sendable {
    /// The button's label, `Use America/Los_Angeles (where its meetings are)`.
    public let label: String
    /// The IANA zone to preview and import the list with.
    public let zone: String
}
