import Foundation
import OneDay
import XCTest

/// Passphrases cross as the UTF-8 bytes of what was typed; core normalises them (NFC), so the app
/// shapes nothing and "café" typed with a precomposed or a decomposed é is one passphrase.
final class SecretsTests: XCTestCase {
    // Written with escapes: Swift's own String comparison would call the two equal.
    let composed = Data("caf\u{e9} cr\u{e8}me br\u{fb}l\u{e9}e thursday".utf8)
    let decomposed = Data("cafe\u{301} cre\u{300}me bru\u{302}le\u{301}e thursday".utf8)

    func testTheTwoSpellingsAreOnePassphrase() throws {
        XCTAssertNotEqual(composed, decomposed)
        XCTAssertTrue(try secretsMatch(first: composed, second: decomposed))
        XCTAssertFalse(try secretsMatch(first: composed, second: Data("cafe creme brulee thursday".utf8)))
    }

    func testABackupSealedWithOneSpellingOpensWithTheOther() throws {
        let (vault, _, _) = try Support.newVault()
        let file = try vault.exportBackup(secret: decomposed, kind: .passphrase, kdf: minimumKdfParams())
        XCTAssertEqual(try verifyBackup(file: file, secret: composed).header.secretKind, .passphrase)
        XCTAssertThrowsError(try verifyBackup(file: file, secret: Data("cafe creme brulee thursday".utf8))) { error in
            XCTAssertEqual(error as? BackupError, .WrongSecret)
        }
    }

    func testAVaultPassphraseSetWithOneSpellingOpensWithTheOther() throws {
        let (vault, code, dir) = try Support.newVault()
        try vault.changePassphrase(current: code, newPassphrase: composed, kdf: minimumKdfParams())
        _ = try Vault.openWithRecovery(dir: dir, secret: decomposed)
    }

    func testBytesThatAreNotUtf8AreATypedError() throws {
        let notText = Data([0x63, 0xc3, 0x28])
        XCTAssertThrowsError(try secretsMatch(first: notText, second: notText)) { error in
            guard case VaultError.SecretNotText = error else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try verifyBackup(file: Data(count: 64), secret: notText)) { error in
            XCTAssertEqual(error as? BackupError, .SecretNotText)
        }
    }
}
