// The iOS app target's entry point (add ios/App to an Xcode iOS app target that depends on the
// OneDayShell product). Apple only: built by Xcode, not on Linux (there it is only parsed).
#if canImport(SwiftUI) && canImport(UIKit)
import OneDay
import OneDayShell
import OneDayViewModels
import SwiftUI

@main
struct OneDayApp: App {
    var body: some Scene {
        WindowGroup { RootView().privacyOverlay() }
    }
}

/// App lock first, then the vault (device key, or the recovery code when the key is gone), then the tabs.
struct RootView: View {
    @Environment(\.scenePhase) private var phase
    @State private var unlocked = false
    @State private var opening: VaultOpening?
    @State private var code = ""
    @State private var tab = 0

    var body: some View {
        Group {
            if !unlocked {
                Button("Unlock One Day") { Task { unlocked = await AppLock.authenticate() } }
            } else {
                switch opening {
                case .opened(let vault), .created(let vault, _):
                    VStack {
                        RecoveryWarning(check: RecoverySlotCheck(vault: vault))
                        tabs(vault)
                    }
                case .needsRecoveryCode:
                    VStack {
                        Text("This phone no longer has the key to your data. Enter your recovery code.")
                        SecureField("Recovery code", text: $code)
                        Button("Open") {
                            opening = VaultHolder.open(recoveryCode: Data(code.utf8))
                            code = ""
                        }
                    }
                    .padding()
                case .failed(let message):
                    Text(message.text)
                case nil:
                    ProgressView().task { opening = VaultHolder.open() }
                }
            }
        }
        .onChange(of: phase) { _, now in
            // Leaving the screen locks everything: core wipes its keys from memory.
            if now == .background {
                if case .opened(let vault) = opening { vault.lock() }
                opening = nil
                unlocked = false
            }
            if now == .active, CallRequest.pending { tab = 2 }
        }
    }

    private func tabs(_ vault: Vault) -> some View {
        let today = { UserDay.of(Date(), in: .current) }
        return TabView(selection: $tab) {
            TodayScreen(model: TodayModel(vault: vault, today: today())).tabItem { Text("Today") }.tag(0)
            MeetingsTab(
                model: MeetingsModel(vault: vault, userZone: TimeZone.current.identifier), today: today,
                reminders: MeetingReminderChoice(vault: vault))
                .tabItem { Text("Meetings") }.tag(1)
            CallTab(model: CallModel(vault: vault), contacts: ContactsModel(vault: vault)).tabItem { Text("Call") }.tag(2)
            PlanTab(model: PlanModel(vault: vault)).tabItem { Text("Plan") }.tag(3)
            CheckInTab(model: CheckInModel(vault: vault, today: today())).tabItem { Text("Check-in") }.tag(4)
            SettingsTab(
                wipe: PanicWipe(vaultDir: vault.dir()) { try KeychainDeviceKey.delete() },
                backup: BackupModel(vault: vault)
            ) {
                // The Keychain item went first, then core shredded the vault and locked it: back to the start.
                opening = nil
                unlocked = false
                tab = 0
            }
            .tabItem { Text("Settings") }.tag(5)
        }
    }
}
/// The warning shown above the tabs while the recovery code can no longer open the vault, with the
/// button that makes a new code and shows it once.
private struct RecoveryWarning: View {
    let check: RecoverySlotCheck
    @State private var newCode: String?
    @State private var refusal: String?

    var body: some View {
        if let code = newCode {
            VStack {
                Text("Your new recovery code. Write it down; it is shown this once.")
                Text(code).font(.system(.title3, design: .monospaced))
                Button("I have written it down") { newCode = nil }
            }
            .padding()
        } else if let warning = try? check.warning().value ?? nil {
            VStack {
                Text(refusal ?? warning)
                Button(RecoverySlotCheck.actionLabel) {
                    switch try? check.newCode() {
                    case .done(let code)?: newCode = String(decoding: code, as: UTF8.self)
                    case .refused(let message)?: refusal = message.text
                    case nil: refusal = warning
                    }
                }
            }
            .padding()
        }
    }
}
#endif
