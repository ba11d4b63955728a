// The Settings tab: the panic wipe. Core crypto-shreds the vault; the glue then deletes the device key
// from the Keychain and returns to the start. Apple only; not compiled on Linux.
#if canImport(SwiftUI)
import OneDayViewModels
import SwiftUI

/// The Settings tab.
public struct SettingsTab: View {
    private let wipe: PanicWipe
    private let onWiped: () -> Void
    @State private var asking = false
    @State private var message: String?

    /// The tab over the wipe; `onWiped` deletes the device key and leaves the vault's screens.
    public init(wipe: PanicWipe, onWiped: @escaping () -> Void) {
        self.wipe = wipe
        self.onWiped = onWiped
    }

    /// The action and its plain confirmation.
    public var body: some View {
        List {
            Button(wipe.actionLabel, role: .destructive) { asking = true }
            if let message { Text(message) }
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
