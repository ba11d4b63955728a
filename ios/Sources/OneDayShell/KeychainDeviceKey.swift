// The device key that opens the vault without the recovery code: 32 random bytes kept in the
// Keychain, readable only while this device is unlocked and never migrated to another device or a
// backup (kSecAttrAccessibleWhenUnlockedThisDeviceOnly). Apple only; not compiled on Linux.
#if canImport(Security)
import Foundation
import Security

/// The vault's device key in the Keychain.
public enum KeychainDeviceKey {
    private static let service = "org.oneday.vault"
    private static let account = "device-key"

    /// What went wrong with the Keychain (a status code, never key material).
    public struct KeychainFailure: Error, Equatable {
        /// The `OSStatus` the Keychain returned.
        public let status: OSStatus
    }

    /// The stored key, or `nil` when there is none (first start, restored phone, new device):
    /// the app then asks for the recovery code.
    public static func load() throws -> Data? {
        let query: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: service,
            kSecAttrAccount as String: account,
            kSecReturnData as String: true,
            kSecMatchLimit as String: kSecMatchLimitOne,
        ]
        var item: CFTypeRef?
        let status = SecItemCopyMatching(query as CFDictionary, &item)
        if status == errSecItemNotFound { return nil }
        guard status == errSecSuccess, let data = item as? Data else { throw KeychainFailure(status: status) }
        return data
    }

    /// A new random key, stored (replacing any old one) and returned for core's `setDeviceKey`.
    public static func create() throws -> Data {
        var bytes = [UInt8](repeating: 0, count: 32)
        let rc = SecRandomCopyBytes(kSecRandomDefault, bytes.count, &bytes)
        guard rc == errSecSuccess else { throw KeychainFailure(status: rc) }
        let key = Data(bytes)
        try delete()
        let attributes: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: service,
            kSecAttrAccount as String: account,
            kSecAttrAccessible as String: kSecAttrAccessibleWhenUnlockedThisDeviceOnly,
            kSecAttrSynchronizable as String: false,
            kSecValueData as String: key,
        ]
        let status = SecItemAdd(attributes as CFDictionary, nil)
        guard status == errSecSuccess else { throw KeychainFailure(status: status) }
        return key
    }

    /// Removes the key (wiping the vault, or before storing a new one).
    public static func delete() throws {
        let query: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: service,
            kSecAttrAccount as String: account,
        ]
        let status = SecItemDelete(query as CFDictionary)
        guard status == errSecSuccess || status == errSecItemNotFound else { throw KeychainFailure(status: status) }
    }
}
#endif
