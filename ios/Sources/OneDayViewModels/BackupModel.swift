import Foundation
import OneDay

/// What opens a backup, as the export form offers it.
public enum BackupSecretChoice: CaseIterable, Equatable, Sendable {
    /// The recovery code One Day showed when it was set up on this phone.
    case recoveryCode
    /// A passphrase the user makes up now (typed twice).
    case passphrase

    /// What the choice says.
    public var label: String {
        switch self {
        case .recoveryCode: return "My recovery code"
        case .passphrase: return "A passphrase"
        }
    }

    /// Core's kind of secret for this choice.
    public var kind: BackupSecretKind {
        switch self {
        case .recoveryCode: return .recoveryCode
        case .passphrase: return .passphrase
        }
    }
}

/// A backup ready to be saved where the user chooses.
public struct BackupFile: Equatable, Sendable {
    /// The sealed file, from core.
    public let bytes: Data
    /// The name to offer in the save dialog (core's: it names neither the app nor what is inside).
    public let suggestedName: String
}

/// What the restore screen asks for once it has looked at a file.
public struct SecretRequest: Equatable, Sendable {
    /// Which secret opens the backup when the file says so (an old, format-1 backup); `nil` for a
    /// sealed backup (every backup made now), which says nothing until it is opened: then one secure
    /// field takes the passphrase or the recovery code.
    public let kind: BackupSecretKind?
    /// The sentence above the field.
    public let prompt: String
    /// The field's hint.
    public let hint: String
}

/// What a backup holds, after core opened it with the secret (nothing written yet).
public struct BackupPreview: Equatable, Sendable {
    /// `Made on 29 Nov 2026: 2 counters, 1 contact, 1 plan.`
    public let summary: String
}

/// Where a restore stands after the user said "Restore".
public enum RestoreStep: Equatable, Sendable {
    /// The backup went into the vault; the report says what changed, one sentence per line.
    case restored(report: String)
    /// The vault already holds data: the user must agree to merge first (``BackupModel/mergeQuestion``).
    case askToMerge
}

/// The backup and restore actions in the settings: their wording, the choices they offer and the
/// calls into core. Every rule (what a backup holds, which secret opens it, how records merge, what a
/// damaged file is) is core's; this only asks, words and maps. The same model as Android's
/// `present/BackupModel.kt`, with the same wording.
///
/// Moving to a new phone is a backup saved here, then "Restore from a file" on the new phone.
public final class BackupModel {
    private let vault: Vault
    private let timeZone: TimeZone
    private let locale: Locale
    private let kdf: KdfParams?

    /// The model over the open `vault`; `timeZone` and `locale` write the day a backup was made;
    /// `kdf` is the Argon2id cost of new backups (`nil`: core's default; tests pass the minimum).
    public init(vault: Vault, timeZone: TimeZone = .current, locale: Locale = .current, kdf: KdfParams? = nil) {
        self.vault = vault
        self.timeZone = timeZone
        self.locale = locale
        self.kdf = kdf
    }

    // MARK: Export

    /// The export action and its form's title.
    public let exportTitle = "Back up to a file"

    /// What a backup is, said before anything is chosen.
    public let exportIntro =
        "A backup is one file with everything in One Day, sealed so that only your recovery code or a passphrase "
        + "you choose can open it. Use it to move to a new phone, or keep it somewhere safe."

    /// The question above the choices.
    public let secretQuestion = "What should open this backup?"

    /// The choices, the recovery code first.
    public let secretChoices: [BackupSecretChoice] = BackupSecretChoice.allCases

    /// The hint of the recovery-code field.
    public let recoveryCodeHint = "Your recovery code"

    /// The hint of the passphrase field.
    public let passphraseHint = "A passphrase (8 characters or more)"

    /// The hint of the second passphrase field.
    public let passphraseAgainHint = "The same passphrase again"

    /// The button that makes the file and opens the save dialog.
    public let exportConfirmLabel = "Choose where to save"

    /// Shown when the file was written where the user chose.
    public func savedText(_ choice: BackupSecretChoice) -> String {
        switch choice {
        case .recoveryCode: return "Backup saved. It opens with your recovery code."
        case .passphrase:
            return "Backup saved. It opens only with the passphrase you chose: without it, "
                + "nobody can restore it, not even you."
        }
    }

    /// Shown when the chosen place could not be written.
    public let saveFailedText = "The backup could not be saved there. Nothing was changed; try another place."

    /// Seals everything into a backup through core. With a passphrase, `secret` and `again` must be the
    /// same; with the recovery code, `again` is ignored and the code must be this vault's (checked by
    /// core, so a mistyped code never seals a backup nobody can open). `today` (ISO) names the file.
    public func export(_ choice: BackupSecretChoice, secret: String, again: String, today: LocalDate) throws
        -> Outcome<BackupFile>
    {
        if vault.isLocked() { return .refused(.locked) }
        // Core normalises what was typed (NFC), so "café" typed either way is the same passphrase; for
        // the recovery code it checks that the code is this vault's before it seals anything.
        let bytes = Data(secret.utf8)
        if choice == .passphrase, try !secretsMatch(first: bytes, second: Data(again.utf8)) {
            return .refused(Self.passphrasesDiffer)
        }
        return try outcomeOf {
            let sealed = try vault.exportBackup(secret: bytes, kind: choice.kind, kdf: kdf)
            return BackupFile(bytes: sealed, suggestedName: suggestedBackupFileName(today: today))
        }
    }

    // MARK: Restore

    /// The restore action and its screen's title.
    public let restoreTitle = "Restore from a file"

    /// What a restore does, said before a file is chosen.
    public var restoreIntro: String {
        "Choose a backup made with “\(exportTitle)”, on this phone or another one. "
            + "Nothing is restored until you have seen what it holds."
    }

    /// The button that opens the backup with the typed secret.
    public let openLabel = "Open the backup"

    /// The button that restores after the summary.
    public let restoreLabel = "Restore"

    /// The merge question's title.
    public let mergeTitle = "Merge with what is here?"

    /// The merge question: what a merge does, said plainly.
    public let mergeQuestion =
        "One Day on this phone already holds data. The backup can be merged into it: "
        + "what is only in the backup is added, and where both have the same thing the newer version is kept. "
        + "Nothing is deleted."

    /// The button that merges.
    public let mergeLabel = "Merge"

    /// The button that leaves everything as it is.
    public let cancelLabel = "Don't restore"

    /// Shown when the chosen file could not be read at all.
    public let readFailedText = "The file could not be read. Your data here is unchanged."

    /// The most bytes the shell reads from a chosen file: core's backup limit (it reads one more at most).
    public var readLimit: Int { BoundedRead.backupLimit }

    /// Looks at the backup (no secret needed) and asks for the secret that opens it: the one an old
    /// backup's clear header names, else either (a sealed backup says nothing before it is opened).
    public func open(_ file: Data) throws -> Outcome<SecretRequest> {
        try outcomeOf {
            switch try readBackupHeader(file: file)?.secretKind {
            case nil:
                return SecretRequest(
                    kind: nil,
                    prompt: "Type the passphrase chosen when this backup was made, or the recovery code if it was made with that.",
                    hint: "Passphrase or recovery code")
            case .recoveryCode:
                return SecretRequest(
                    kind: .recoveryCode,
                    prompt: "This backup opens with a recovery code: the one you wrote down on the phone it was made on.",
                    hint: recoveryCodeHint)
            case .passphrase:
                return SecretRequest(
                    kind: .passphrase, prompt: "This backup opens with the passphrase chosen when it was made.",
                    hint: "The backup's passphrase")
            }
        }
    }

    /// Opens the backup with `secret` and says what it holds, writing nothing.
    public func preview(_ file: Data, _ request: SecretRequest, secret: String) throws -> Outcome<BackupPreview> {
        try outcomeOf {
            BackupPreview(summary: summaryLine(try verifyBackup(file: file, secret: Data(secret.utf8))))
        }
    }

    /// Restores into this vault when it holds nothing yet; otherwise answers ``RestoreStep/askToMerge``
    /// (core decides what "nothing yet" is) and nothing is written.
    public func restore(_ file: Data, _ request: SecretRequest, secret: String) throws -> Outcome<RestoreStep> {
        do {
            let report = try vault.restoreBackup(file: file, secret: Data(secret.utf8), merge: false)
            return .done(.restored(report: reportText(report)))
        } catch BackupError.VaultNotEmpty {
            return .done(.askToMerge)
        } catch {
            guard let message = UserMessage.from(error) else { throw error }
            return .refused(message)
        }
    }

    /// Merges the backup into this vault after the user agreed to ``mergeQuestion``; the report.
    public func merge(_ file: Data, _ request: SecretRequest, secret: String) throws -> Outcome<String> {
        try outcomeOf {
            reportText(try vault.restoreBackup(file: file, secret: Data(secret.utf8), merge: true))
        }
    }

    // MARK: Wording of core's answers

    /// `Made on 29 Nov 2026: 2 counters, 1 contact, 1 plan.` (kinds in core's order, empty ones left out).
    public func summaryLine(_ summary: BackupSummary) -> String {
        let made = Date(timeIntervalSince1970: Double(summary.madeAtEpochMillis) / 1000)
        let f = DateFormatter()
        f.calendar = Calendar(identifier: .gregorian)
        f.timeZone = timeZone
        f.locale = locale
        f.dateFormat = "d MMM yyyy"
        let parts = summary.records.filter { $0.count > 0 }.map { Self.count($0.count, $0.kind) }
        let what = parts.isEmpty ? "nothing in it yet" : parts.joined(separator: ", ")
        return "Made on \(f.string(from: made)): \(what)."
    }

    /// The report of a restore: `Restored: 3 added, 1 updated, 5 unchanged.`, then, when core kept two
    /// versions of a counter, why there are two now.
    public func reportText(_ report: RestoreReport) -> String {
        var lines = ["Restored: \(report.added) added, \(report.updated) updated, \(report.unchanged) unchanged."]
        let n = report.keptBoth
        if n == 1 {
            lines.append(
                "1 counter is here twice: the two phones recorded different relapses for it, so both versions were kept.")
        } else if n > 1 {
            lines.append(
                "\(n) counters are here twice: the two phones recorded different relapses for them, so both versions "
                    + "were kept.")
        }
        return lines.joined(separator: "\n")
    }

    // MARK: Messages and bytes

    /// The two passphrase fields differ.
    public static let passphrasesDiffer = UserMessage(
        text: "The two passphrases are not the same. Type them again.", action: .none)

    /// The recovery code typed for a backup is not this vault's.
    public static let notThisRecoveryCode = UserMessage(
        text: UserMessage.backupText(.NotThisVaultsRecoveryCode), action: .none)

    /// `2 counters`, `1 contact`.
    public static func count(_ n: UInt32, _ kind: BackupRecordKind) -> String {
        let (one, many): (String, String)
        switch kind {
        case .counter: (one, many) = ("counter", "counters")
        case .setting: (one, many) = ("setting", "settings")
        case .meeting: (one, many) = ("meeting", "meetings")
        case .meetingSource: (one, many) = ("meeting list", "meeting lists")
        case .contact: (one, many) = ("contact", "contacts")
        case .plan: (one, many) = ("plan", "plans")
        case .checkIn: (one, many) = ("check-in", "check-ins")
        case .meetingChunk: (one, many) = ("part of a meeting list", "parts of meeting lists")
        case .meetingMine: (one, many) = ("meeting of yours", "meetings of yours")
        }
        return "\(n) \(n == 1 ? one : many)"
    }

}
