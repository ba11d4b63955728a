package org.oneday.android.present

import org.oneday.ffi.Contact
import org.oneday.ffi.ContactChange
import org.oneday.ffi.ContactRole
import org.oneday.ffi.NewContact
import org.oneday.ffi.Vault

/**
 * One contact in the list on the Call screen, in the user's order.
 *
 * @property id The contact's id, for edit, remove and move.
 * @property name The name the user gave.
 * @property role Who they are to the user.
 * @property roleLabel The role in words.
 * @property phone The number as the user typed it.
 * @property smsAllowed Whether texting them is fine.
 * @property canMoveUp Whether there is someone before them.
 * @property canMoveDown Whether there is someone after them.
 */
data class ContactRow(
    val id: String,
    val name: String,
    val role: ContactRole,
    val roleLabel: String,
    val phone: String,
    val smsAllowed: Boolean,
    val canMoveUp: Boolean,
    val canMoveDown: Boolean,
) {
    /** `Sam (sponsor)`. */
    val title: String get() = "$name ($roleLabel)"

    /** `+44 7700 900123 · texts OK`. */
    val detail: String get() = if (smsAllowed) "$phone · texts OK" else phone

    /** The form filled with this contact, for editing. */
    fun toInput(): ContactInput = ContactInput(name, role, phone, smsAllowed)
}

/**
 * What the user typed in the contact form. Core checks every field (name length, phone number).
 *
 * @property name The name.
 * @property role Who they are.
 * @property phone The phone number as typed.
 * @property smsAllowed Whether texting them is fine.
 */
data class ContactInput(val name: String, val role: ContactRole, val phone: String, val smsAllowed: Boolean)

/** The words for contact roles, in the order the form offers them. */
object ContactRoles {
    /** Every role, sponsor first. */
    val choices: List<ContactRole> = ContactRole.entries

    /** The role in words. */
    fun label(role: ContactRole): String = when (role) {
        ContactRole.SPONSOR -> "sponsor"
        ContactRole.ALTERNATE_SPONSOR -> "alternate sponsor"
        ContactRole.SPONSEE -> "sponsee"
        ContactRole.FRIEND -> "friend"
        ContactRole.FAMILY -> "family"
        ContactRole.THERAPIST -> "therapist"
        ContactRole.DOCTOR -> "doctor"
        ContactRole.CRISIS_LINE -> "crisis line"
        ContactRole.OTHER -> "other"
    }
}

/**
 * The contacts on the Call screen: the list in the user's order (who the one-tap call tries first),
 * adding, editing, removing and moving them, and the region core uses for crisis lines. Every check
 * (phone numbers, names, region codes) is core's; its refusals come back as they are.
 *
 * @param vault The open vault.
 */
class ContactsModel(private val vault: Vault) {
    /** The section's heading. */
    val heading: String = "Your people"

    /** Shown when there is nobody yet. */
    val emptyText: String = "Nobody here yet. Add your sponsor or someone you trust: one tap on this " +
        "screen calls them first."

    /** The hint of the region field. */
    val regionHint: String = "Your country as two letters (GB, US, DE…)"

    /** The contacts in order, each knowing whether it can move up or down. */
    fun list(): Outcome<List<ContactRow>> = outcomeOf { rows(vault.contacts()) }

    /** Adds a contact at the end of the list. */
    fun add(input: ContactInput): Outcome<ContactRow> = outcomeOf {
        val added = vault.addContact(NewContact(input.name, input.role, input.phone, input.smsAllowed))
        rows(vault.contacts()).first { it.id == added.id }
    }

    /** Changes a contact to what the form says. */
    fun edit(id: String, input: ContactInput): Outcome<ContactRow> = outcomeOf {
        val change = ContactChange(
            name = input.name,
            role = input.role,
            phone = input.phone,
            smsAllowed = input.smsAllowed,
        )
        val edited = vault.editContact(id, change)
        rows(vault.contacts()).first { it.id == edited.id }
    }

    /** The confirmation asked before removing [row]. */
    fun removeQuestion(row: ContactRow): String =
        "Remove ${row.name} from your contacts? One Day will no longer call or text them."

    /** Removes a contact. */
    fun remove(id: String): Outcome<Unit> = outcomeOf { vault.removeContact(id) }

    /** Moves a contact one place up ([up]) or down; the list in its new order (core keeps it). */
    fun move(id: String, up: Boolean): Outcome<List<ContactRow>> = outcomeOf {
        val ids = vault.contacts().map { it.id }.toMutableList()
        val at = ids.indexOf(id)
        val to = if (up) at - 1 else at + 1
        if (at >= 0 && to in ids.indices) {
            ids[at] = ids[to].also { ids[to] = id }
            rows(vault.reorderContacts(ids))
        } else {
            rows(vault.contacts())
        }
    }

    /** The region core keeps (`GB`), or `null` when none is set. */
    fun region(): Outcome<String?> = outcomeOf { vault.region() }

    /** Sets the region (a blank field clears it); core checks the code. */
    fun setRegion(code: String): Outcome<String?> = outcomeOf {
        vault.setRegion(code.trim().ifEmpty { null })
        vault.region()
    }

    private fun rows(contacts: List<Contact>): List<ContactRow> = contacts.mapIndexed { i, c ->
        ContactRow(
            id = c.id,
            name = c.name,
            role = c.role,
            roleLabel = ContactRoles.label(c.role),
            phone = c.phone,
            smsAllowed = c.smsAllowed,
            canMoveUp = i > 0,
            canMoveDown = i < contacts.size - 1,
        )
    }
}
