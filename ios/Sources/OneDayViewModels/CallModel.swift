import OneDay

/// One person or line on the Call screen, as core's plan names it.
public struct CallRow: Equatable, Sendable {
    /// `Sam (sponsor)`, `Samaritans (crisis line)`, `999 (emergency number)`,
    /// `SAMHSA National Helpline (drug and alcohol helpline)`.
    public let label: String
    /// The number to show; `nil` for "your local emergency number".
    public let number: String?
    /// What an emergency number reaches, when core says.
    public let detail: String?
    /// The `tel:` or `sms:` URI to open; `nil` when there is no number to open.
    public let uri: String?
    /// Why core put it in the plan.
    public let reason: CallReason

    /// The row of one target.
    public static func of(_ t: CallTarget) -> CallRow {
        CallRow(label: t.label, number: t.number, detail: t.services, uri: t.uri, reason: t.reason)
    }
}

/// The Call screen (or the Text screen): who one tap reaches first and who after them, all decided by
/// core's plan (each number once, the crisis row, direct calling); this only turns targets into rows.
public struct CallScreen: Equatable, Sendable {
    /// Calls or texts.
    public let channel: CallChannel
    /// Core's line: `Calling Sam (sponsor)`, `Call your local emergency number`.
    public let headline: String
    /// The URI one tap opens; `nil` when there is none (no region, or nobody to text).
    public let launchUri: String?
    /// The first row, when there is one.
    public let target: CallRow?
    /// Everyone else to try, in core's order, without ``crisisRow``.
    public let fallbacks: [CallRow]
    /// Core's crisis row: the first crisis line or emergency number after the target, pinned at the
    /// bottom.
    public let crisisRow: CallRow?
    /// What core says about the user's region, such as asking them to set it.
    public let regionHint: String?
    /// The region's drug and alcohol helplines, shown apart under their own heading: core never puts
    /// them in one tap's order.
    public let helplines: [CallRow]

    /// The screen of one plan.
    public static func of(_ plan: CallPlan) -> CallScreen {
        CallScreen(
            channel: plan.channel,
            headline: plan.headline,
            launchUri: plan.target?.uri,
            target: plan.target.map(CallRow.of),
            fallbacks: plan.otherFallbacks.map(CallRow.of),
            crisisRow: plan.crisisRow.map(CallRow.of),
            regionHint: plan.regionHint,
            helplines: plan.helplines.map(CallRow.of)
        )
    }
}

/// One tap in a craving or a crisis. Core resolves who to call (sponsor, next in order, crisis line,
/// emergency number) and the URIs; the glue only opens ``CallScreen/launchUri``.
public final class CallModel {
    private let vault: Vault

    /// The screen over an open vault.
    public init(vault: Vault) { self.vault = vault }

    /// Calling.
    public func call() throws -> Outcome<CallScreen> {
        try outcomeOf { CallScreen.of(try vault.callPlan(sms: false, message: nil)) }
    }

    /// Texting, with `message` prepared for contacts (core's "Can you call me?" when `nil`).
    public func text(message: String? = nil) throws -> Outcome<CallScreen> {
        try outcomeOf { CallScreen.of(try vault.callPlan(sms: true, message: message)) }
    }

    /// The prepared messages to choose from, core's default first, then the user's own: each with who
    /// one tap texts it to and the `sms:` URI to open.
    public func messages() throws -> Outcome<[PreparedMessage]> {
        try outcomeOf { try vault.preparedMessages() }
    }
}
