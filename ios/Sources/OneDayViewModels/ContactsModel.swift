import Foundation
import OneDay

/// One contact in the list on the Call screen, in the user's order.
public struct ContactRow: Equatable, Sendable {
    /// The contact's id, for edit, remove and move.
    public let id: String
    /// The name the user gave.
    public let name: String
    /// Who they are to the user.
    public let role: ContactRole
    /// The role in words.
    public let roleLabel: String
    /// The number as the user typed it.
    public let phone: String
    /// Whether texting them is fine.
    public let smsAllowed: Bool
    /// Whether there is someone before them.
    public let canMoveUp: Bool
    /// Whether there is someone after them.
    public let canMoveDown: Bool

    /// `Sam (sponsor)`.
    public var title: String { "\(name) (\(roleLabel))" }

    /// `+44 7700 900123 · texts OK`.
    public var detail: String { smsAllowed ? "\(phone) · texts OK" : phone }

    /// The form filled with this contact, for editing.
    public func toInput() -> ContactInput {
        ContactInput(name: name, role: role, phone: phone, smsAllowed: smsAllowed)
    }
}

/// What the user typed in the contact form. Core checks every field (name length, phone number).
public struct ContactInput: Equatable, Sendable {
    /// The name.
    public var name: String
    /// Who they are.
    public var role: ContactRole
    /// The phone number as typed.
    public var phone: String
    /// Whether texting them is fine.
    public var smsAllowed: Bool

    /// The form's values.
    public init(name: String, role: ContactRole, phone: String, smsAllowed: Bool) {
        self.name = name
        self.role = role
        self.phone = phone
        self.smsAllowed = smsAllowed
    }
}

/// The words for contact roles, in the order the form offers them.
public enum ContactRoles {
    /// Every role, sponsor first.
    public static let choices: [ContactRole] = [
        .sponsor, .alternateSponsor, .sponsee, .friend, .family, .therapist, .doctor, .crisisLine, .other,
    ]

    /// The role in words.
    public static func label(_ role: ContactRole) -> String {
        switch role {
        case .sponsor: return "sponsor"
        case .alternateSponsor: return "alternate sponsor"
        case .sponsee: return "sponsee"
        case .friend: return "friend"
        case .family: return "family"
        case .therapist: return "therapist"
        case .doctor: return "doctor"
        case .crisisLine: return "crisis line"
        case .other: return "other"
        }
    }
}

/// The contacts on the Call screen: the list in the user's order (who the one-tap call tries first),
/// adding, editing, removing and moving them, and the region core uses for crisis lines. Every check
/// (phone numbers, names, region codes) is core's; its refusals come back as they are.
public final class ContactsModel {
    private let vault: Vault

    /// The section over an open vault.
    public init(vault: Vault) { self.vault = vault }

    /// The section's heading.
    public let heading = "Your people"

    /// Shown when there is nobody yet.
    public let emptyText =
        "Nobody here yet. Add your sponsor or someone you trust: one tap on this "
        + "screen calls them first."

    /// The hint of the region field.
    public let regionHint = "Your country as two letters (GB, US, DE…)"

    /// The contacts in order, each knowing whether it can move up or down.
    public func list() throws -> Outcome<[ContactRow]> {
        try outcomeOf { Self.rows(try vault.contacts()) }
    }

    /// Adds a contact at the end of the list.
    public func add(_ input: ContactInput) throws -> Outcome<ContactRow> {
        try outcomeOf {
            let added = try vault.addContact(
                contact: NewContact(name: input.name, role: input.role, phone: input.phone, smsAllowed: input.smsAllowed, note: nil))
            return try row(added)
        }
    }

    /// Changes a contact to what the form says.
    public func edit(id: String, _ input: ContactInput) throws -> Outcome<ContactRow> {
        try outcomeOf {
            let change = ContactChange(name: input.name, role: input.role, phone: input.phone, smsAllowed: input.smsAllowed, note: nil)
            let edited = try vault.editContact(id: id, change: change)
            return try row(edited)
        }
    }

    /// The confirmation asked before removing `row`.
    public func removeQuestion(_ row: ContactRow) -> String {
        "Remove \(row.name) from your contacts? One Day will no longer call or text them."
    }

    /// Removes a contact.
    public func remove(id: String) throws -> Outcome<Void> {
        try outcomeOf { try vault.removeContact(id: id) }
    }

    /// Moves a contact one place up (`up`) or down; the list in its new order (core keeps it).
    public func move(id: String, up: Bool) throws -> Outcome<[ContactRow]> {
        try outcomeOf {
            var ids = try vault.contacts().map(\.id)
            guard let at = ids.firstIndex(of: id) else { return Self.rows(try vault.contacts()) }
            let to = up ? at - 1 : at + 1
            guard ids.indices.contains(to) else { return Self.rows(try vault.contacts()) }
            ids.swapAt(at, to)
            return Self.rows(try vault.reorderContacts(ids: ids))
        }
    }

    /// The region core keeps (`GB`), or `nil` when none is set.
    public func region() throws -> Outcome<String?> {
        try outcomeOf { try vault.region() }
    }

    /// Sets the region (a blank field clears it); core checks the code.
    public func setRegion(_ code: String) throws -> Outcome<String?> {
        try outcomeOf {
            let trimmed = code.trimmingCharacters(in: .whitespacesAndNewlines)
            try vault.setRegion(region: trimmed.isEmpty ? nil : trimmed)
            return try vault.region()
        }
    }

    /// The row of `contact` in the list as core orders it now.
    private func row(_ contact: Contact) throws -> ContactRow {
        let rows = Self.rows(try vault.contacts())
        return rows.first { $0.id == contact.id } ?? Self.rows([contact])[0]
    }

    private static func rows(_ contacts: [Contact]) -> [ContactRow] {
        contacts.enumerated().map { i, c in
            ContactRow(
                id: c.id, name: c.name, role: c.role, roleLabel: ContactRoles.label(c.role), phone: c.phone,
                smsAllowed: c.smsAllowed, canMoveUp: i > 0, canMoveDown: i < contacts.count - 1)
        }
    }
}
