// The Settings tab: backup and restore (BackupSection), then the panic wipe. The wipe deletes the
// device key from the Keychain first, then core crypto-shreds the vault; the glue returns to the
// start. Apple only; not compiled on Linux.
#if canImport(SwiftUI)
import OneDayViewModels
import SwiftUI

/// The Settings tab.
public struct SettingsTab: View {
    private let wipe: PanicWipe
    private let backup: BackupModel
    private let onWiped: () -> Void
    @State private var asking = false
    @State private var message: String?

    /// The tab over backups and the wipe (which deletes the device key first); `onWiped` leaves the
    /// vault's screens.
    public init(wipe: PanicWipe, backup: BackupModel, onWiped: @escaping () -> Void) {
        self.wipe = wipe
        self.backup = backup
        self.onWiped = onWiped
    }

    /// Backup and restore, then the wipe and its plain confirmation.
    public var body: some View {
        List {
            BackupSection(model: backup)
            Section {
                Button(wipe.actionLabel, role: .destructive) { asking = true }
                if let message { Text(message) }
            }
        }
        .alert(wipe.title, isPresented: $asking) {
            Button(wipe.confirmLabel, role: .destructive) {
                switch try? wipe.wipe() {
                case .done?: onWiped()
                case .refused(let m)?: message = m.text
                case nil: break
                }
            }
            Button(wipe.cancelLabel, role: .cancel) {}
        } message: {
            Text(wipe.warning)
        }
    }
}
#endif
