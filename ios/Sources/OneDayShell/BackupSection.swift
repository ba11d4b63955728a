// "Back up to a file" and "Restore from a file" on the Settings tab. Every sentence and step comes from
// BackupModel (OneDayViewModels); this only lays out the forms and moves the bytes between core and the
// file the user picks (.fileExporter / .fileImporter, in memory: nothing is written to the app's own
// storage in between). Apple only; not compiled on Linux.
#if canImport(SwiftUI)
import Foundation
import OneDay
import OneDayViewModels
import SwiftUI
import UniformTypeIdentifiers

/// The sealed bytes of a backup, as the system's save dialog wants them.
struct BackupDocument: FileDocument {
    static var readableContentTypes: [UTType] { [.data] }

    /// The sealed file, from core.
    let bytes: Data

    init(bytes: Data) { self.bytes = bytes }

    init(configuration: ReadConfiguration) throws {
        guard let data = configuration.file.regularFileContents else { throw CocoaError(.fileReadCorruptFile) }
        bytes = data
    }

    func fileWrapper(configuration: WriteConfiguration) throws -> FileWrapper {
        FileWrapper(regularFileWithContents: bytes)
    }
}

/// The backup section of the Settings tab.
public struct BackupSection: View {
    private let model: BackupModel

    // Export
    @State private var exportForm = false
    @State private var choice: BackupSecretChoice = .recoveryCode
    @State private var secret = ""
    @State private var again = ""
    @State private var formMessage: String?
    @State private var document: BackupDocument?
    @State private var exporting = false
    @State private var fileName = ""

    // Restore
    @State private var importing = false
    @State private var file: Data?
    @State private var request: SecretRequest?
    @State private var typed = ""
    @State private var summary: String?
    @State private var askingMerge = false

    /// What the section says after an action (saved, the report, a refusal).
    @State private var message: String?

    /// The section over the model (the other tabs read core again when they appear, so a restore
    /// shows there without a hook).
    public init(model: BackupModel) {
        self.model = model
    }

    /// The two actions, their forms and the system's file dialogs.
    public var body: some View {
        Section {
            Text(model.exportIntro).font(.footnote)
            Button(model.exportTitle) {
                secret = ""
                again = ""
                formMessage = nil
                exportForm = true
            }
            Text(model.restoreIntro).font(.footnote)
            Button(model.restoreTitle) { importing = true }
            if let message { Text(message) }
        }
        .sheet(isPresented: $exportForm) { exportSheet }
        .fileExporter(
            isPresented: $exporting, document: document, contentType: .data, defaultFilename: fileName
        ) { result in
            document = nil
            switch result {
            case .success: message = model.savedText(choice)
            case .failure(let error):
                if (error as? CocoaError)?.code != .userCancelled { message = model.saveFailedText }
            }
        }
        .fileImporter(isPresented: $importing, allowedContentTypes: [.data, .item]) { result in
            guard case .success(let url) = result else { return }
            guard let bytes = read(url) else {
                message = model.readFailedText
                return
            }
            switch try? model.open(bytes) {
            case .done(let asked)?:
                file = bytes
                typed = ""
                formMessage = nil
                request = asked
            case .refused(let m)?: message = m.text
            case nil: break
            }
        }
        .sheet(item: Binding(get: { request.map(RequestItem.init) }, set: { if $0 == nil { request = nil } })) { item in
            secretSheet(item.request)
        }
        .alert(model.restoreTitle, isPresented: Binding(get: { summary != nil }, set: { if !$0 { summary = nil } })) {
            Button(model.restoreLabel) { restore() }
            Button(model.cancelLabel, role: .cancel) { forget() }
        } message: {
            Text(summary ?? "")
        }
        .alert(model.mergeTitle, isPresented: $askingMerge) {
            Button(model.mergeLabel) { merge() }
            Button(model.cancelLabel, role: .cancel) { forget() }
        } message: {
            Text(model.mergeQuestion)
        }
    }

    // MARK: Export

    private var exportSheet: some View {
        NavigationStack {
            Form {
                Picker(model.secretQuestion, selection: $choice) {
                    ForEach(model.secretChoices, id: \.self) { Text($0.label).tag($0) }
                }
                .pickerStyle(.inline)
                if choice == .passphrase {
                    SecureField(model.passphraseHint, text: $secret)
                    SecureField(model.passphraseAgainHint, text: $again)
                } else {
                    TextField(model.recoveryCodeHint, text: $secret)
                        .textInputAutocapitalization(.characters)
                        .autocorrectionDisabled()
                }
                if let formMessage { Text(formMessage).foregroundStyle(.red) }
                Button(model.exportConfirmLabel) { export() }
            }
            .navigationTitle(model.exportTitle)
            .toolbar { Button(model.cancelLabel) { exportForm = false } }
        }
    }

    private func export() {
        let today = UserDay.of(Date(), in: .current)
        switch try? model.export(choice, secret: secret, again: again, today: today) {
        case .done(let made)?:
            secret = ""
            again = ""
            exportForm = false
            fileName = made.suggestedName
            document = BackupDocument(bytes: made.bytes)
            exporting = true
        case .refused(let m)?: formMessage = m.text
        case nil: formMessage = model.saveFailedText
        }
    }

    // MARK: Restore

    /// A file the user picked, read into memory only when it is small enough to be a backup.
    private func read(_ url: URL) -> Data? {
        let scoped = url.startAccessingSecurityScopedResource()
        defer { if scoped { url.stopAccessingSecurityScopedResource() } }
        return BoundedRead.contents(of: url, limit: model.readLimit)
    }

    private func secretSheet(_ asked: SecretRequest) -> some View {
        NavigationStack {
            Form {
                Text(asked.prompt)
                if asked.kind == .passphrase {
                    SecureField(asked.hint, text: $typed)
                } else {
                    TextField(asked.hint, text: $typed)
                        .textInputAutocapitalization(.characters)
                        .autocorrectionDisabled()
                }
                if let formMessage { Text(formMessage).foregroundStyle(.red) }
                Button(model.openLabel) { preview(asked) }
            }
            .navigationTitle(model.restoreTitle)
            .toolbar { Button(model.cancelLabel) { forget() } }
        }
    }

    private func preview(_ asked: SecretRequest) {
        guard let file else { return }
        switch try? model.preview(file, asked, secret: typed) {
        case .done(let seen)?:
            request = nil
            summary = seen.summary
            pending = asked
        case .refused(let m)?: formMessage = m.text
        case nil: break
        }
    }

    /// The request whose backup was previewed, kept while the summary and merge questions are shown.
    @State private var pending: SecretRequest?

    private func restore() {
        guard let file, let pending else { return }
        switch try? model.restore(file, pending, secret: typed) {
        case .done(.restored(let report))?: finished(report)
        case .done(.askToMerge)?: askingMerge = true
        case .refused(let m)?:
            message = m.text
            forget()
        case nil: forget()
        }
    }

    private func merge() {
        guard let file, let pending else { return }
        switch try? model.merge(file, pending, secret: typed) {
        case .done(let report)?: finished(report)
        case .refused(let m)?:
            message = m.text
            forget()
        case nil: forget()
        }
    }

    private func finished(_ report: String) {
        message = report
        forget()
    }

    /// Drops the file and the typed secret.
    private func forget() {
        file = nil
        typed = ""
        request = nil
        pending = nil
        summary = nil
    }
}

/// A secret request as a sheet's item.
private struct RequestItem: Identifiable {
    let request: SecretRequest
    var id: String { "\(request.kind)" }
}
#endif
