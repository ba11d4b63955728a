import Foundation
import OneDay

/// Shared fixtures: temp folders, keys, and vaults made with the cheapest Argon2id cost core accepts.
enum Support {
    static func tempDir() -> String {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("oneday-swift-\(UUID().uuidString)")
        return url.path
    }

    static func deviceKey(_ fill: UInt8 = 7) -> Data { Data(repeating: fill, count: 32) }

    /// A new unlocked vault in a temp folder, with its recovery code and folder.
    static func newVault(key: Data = deviceKey()) throws -> (vault: Vault, code: Data, dir: String) {
        let dir = tempDir() + "/vault"
        let created = try createVault(dir: dir, deviceKey: key, kdf: minimumKdfParams())
        return (created.vault, created.recoveryCode, dir)
    }

    static func settings(
        _ label: String,
        profile: MilestoneProfile = .naKeyTags,
        counting: CountingMode = .completedDays
    ) -> CounterSettings {
        CounterSettings(label: label, kind: .substance, counting: counting, profile: profile)
    }
}
