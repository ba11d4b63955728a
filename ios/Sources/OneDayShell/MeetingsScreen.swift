// The Meetings screen: saved meetings' next starts in the user's zone, one tap to open the link or
// dial in, "I went", and importing a list from Files or a URL. Apple only; not compiled on Linux.
#if canImport(SwiftUI) && canImport(UIKit)
import OneDay
import OneDayViewModels
import SwiftUI
import UIKit
import UniformTypeIdentifiers

/// The Meetings tab.
public struct MeetingsTab: View {
    private let model: MeetingsModel
    private let today: () -> LocalDate
    private let reminders: MeetingReminderChoice?
    @State private var choosingReminder: String?
    @State private var screen: Outcome<MeetingsScreen>?
    @State private var line: String?
    @State private var importing = false
    @State private var url = ""
    @State private var pending: PendingImport?

    /// A previewed import waiting for the person's confirmation.
    private struct PendingImport {
        let data: Data
        let name: String
        let zone: String
        let preview: ImportPreview
    }

    /// The tab over the model; `today` gives the user's local date; `reminders` offers "Remind me".
    public init(model: MeetingsModel, today: @escaping () -> LocalDate, reminders: MeetingReminderChoice? = nil) {
        self.model = model
        self.today = today
        self.reminders = reminders
    }

    /// Rows, prompts and the import controls.
    public var body: some View {
        List {
            if case .done(let s) = screen {
                ForEach(Array(s.rows.enumerated()), id: \.offset) { _, row in
                    VStack(alignment: .leading, spacing: 4) {
                        Text(row.name).font(.headline)
                        Text(row.whenLine)
                        ForEach([row.meetingZoneLine, row.zoneChoiceLine, row.dstLine].compactMap { $0 }, id: \.self) { Text($0).font(.footnote) }
                        Text(row.modeLabel).font(.footnote)
                        HStack {
                            actionButton(row.action)
                            if let dial = row.dialIn { actionButton(dial) }
                            Button("I went") { line = (try? model.markAttended(meetingId: row.meetingId, today: today()))?.value }
                            if let reminders { Button(reminders.title) { choosingReminder = row.meetingId } }
                        }
                    }
                }
                ForEach(s.zonePrompts, id: \.listName) { Text($0.prompt) }
                if let l = s.byAppointmentLine { Text(l) }
                if let e = s.emptyLine { Text(e) }
            } else if case .refused(let m) = screen {
                Text(m.text)
            }
            Section("Import a meeting list") {
                Button("From Files") { importing = true }
                TextField("https://…", text: $url).textContentType(.URL).keyboardType(.URL)
                Button("From this address") { Task { await importFromURL() } }
            }
            if let line { Text(line) }
            if let p = pending { Button(p.preview.confirmLabel) { applyImport(p) } }
        }
        .sheet(isPresented: Binding(get: { choosingReminder != nil }, set: { if !$0 { choosingReminder = nil } })) {
            if let reminders, let id = choosingReminder {
                MeetingReminderPicker(model: reminders, meetingId: id) { saved in
                    line = saved
                    choosingReminder = nil
                }
            }
        }
        .task { reload() }
        .fileImporter(isPresented: $importing, allowedContentTypes: [.json]) { result in
            guard case .success(let file) = result, file.startAccessingSecurityScopedResource() else { return }
            defer { file.stopAccessingSecurityScopedResource() }
            if let data = BoundedRead.contents(of: file, limit: BoundedRead.feedLimit) { finishImport(data, name: file.deletingPathExtension().lastPathComponent) }
        }
    }

    @ViewBuilder private func actionButton(_ action: MeetingAction) -> some View {
        switch action {
        case .openLink(let link): Button("Join") { open(link) }
        case .dial(let tel): Button("Dial in") { open(tel) }
        case .none: EmptyView()
        }
    }

    private func open(_ uri: String) {
        if let u = URL(string: uri) { UIApplication.shared.open(u) }
    }

    /// Core never touches the network: the app fetches the page and hands core the bytes.
    /// Downloads the list, reading at most one byte past core's limit (a server that never stops
    /// is cut off there), then imports it.
    private func importFromURL() async {
        guard let u = URL(string: url), u.scheme == "https",
            let (bytes, response) = try? await URLSession.shared.bytes(from: u)
        else { return }
        let limit = BoundedRead.feedLimit
        if response.expectedContentLength > Int64(limit) { return }
        var data = Data()
        do {
            for try await byte in bytes {
                data.append(byte)
                if data.count > limit { return }
            }
        } catch { return }
        finishImport(data, name: u.host ?? "list")
    }

    /// Shows core's preview; the import is applied only from its confirm button.
    private func finishImport(_ data: Data, name: String) {
        let zone = TimeZone.current.identifier
        let preview = try? model.previewList(feed: data, format: .meetingGuide, listName: name, defaultZone: zone)
        line = preview?.value?.text ?? preview?.message?.text
        pending = preview?.value.map { PendingImport(data: data, name: name, zone: zone, preview: $0) }
    }

    private func applyImport(_ p: PendingImport) {
        pending = nil
        let result = try? model.importList(
            feed: p.data, format: .meetingGuide, listName: p.name, defaultZone: p.zone, replace: p.preview.replace)
        line = result?.value?.text ?? result?.message?.text
        reload()
    }

    private func reload() { screen = try? model.upcoming(now: Date()) }
}
#endif
