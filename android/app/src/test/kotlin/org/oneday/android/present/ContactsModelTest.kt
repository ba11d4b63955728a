package org.oneday.android.present

import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertNull
import kotlin.test.assertTrue
import org.oneday.android.present.TestVaults.newVault
import org.oneday.ffi.ContactRole
import org.oneday.ffi.Vault

class ContactsModelTest {
    private fun three(vault: Vault): ContactsModel {
        val model = ContactsModel(vault)
        model.add(ContactInput("Sam", ContactRole.SPONSOR, "+44 7700 900123", true)).done()
        model.add(ContactInput("Alex", ContactRole.FRIEND, "+44 7700 900456", false)).done()
        model.add(ContactInput("Jo", ContactRole.FAMILY, "+44 7700 900789", false)).done()
        return model
    }

    @Test
    fun listIsInCoresOrderWithMovesOnlyWhereTheyMakeSense() {
        newVault().use { vault ->
            val model = ContactsModel(vault)
            assertTrue(model.list().done().isEmpty())
            assertTrue(model.emptyText.isNotBlank())
            three(vault)
            val rows = model.list().done()
            assertEquals(vault.contacts().map { it.id }, rows.map { it.id })
            assertEquals(listOf("Sam (sponsor)", "Alex (friend)", "Jo (family)"), rows.map { it.title })
            assertEquals("+44 7700 900123 · texts OK", rows[0].detail)
            assertEquals("+44 7700 900456", rows[1].detail)
            assertEquals(listOf(false, true, true), rows.map { it.canMoveUp })
            assertEquals(listOf(true, true, false), rows.map { it.canMoveDown })
        }
    }

    @Test
    fun movingOnePlaceUpOrDownReordersInCore() {
        newVault().use { vault ->
            val model = three(vault)
            val jo = model.list().done()[2].id
            val moved = model.move(jo, up = true).done()
            assertEquals(listOf("Sam", "Jo", "Alex"), moved.map { it.name })
            assertEquals(moved.map { it.id }, vault.contacts().map { it.id })
            val top = model.move(jo, up = true).done()
            assertEquals(listOf("Jo", "Sam", "Alex"), top.map { it.name })
            // Already first: nothing changes.
            assertEquals(top, model.move(jo, up = true).done())
            assertEquals(listOf("Sam", "Jo", "Alex"), model.move(jo, up = false).done().map { it.name })
            assertEquals(listOf("Sam", "Alex", "Jo"), model.move(jo, up = false).done().map { it.name })
        }
    }

    @Test
    fun editAndRemoveGoThroughCore() {
        newVault().use { vault ->
            val model = three(vault)
            val alex = model.list().done()[1]
            val edited = model.edit(alex.id, alex.toInput().copy(name = "Alexis", role = ContactRole.ALTERNATE_SPONSOR, smsAllowed = true)).done()
            assertEquals("Alexis (alternate sponsor)", edited.title)
            assertTrue(vault.contact(alex.id).smsAllowed)
            assertTrue(model.removeQuestion(edited).contains("Alexis"))
            model.remove(alex.id).done()
            assertEquals(listOf("Sam", "Jo"), model.list().done().map { it.name })
            assertFalse(vault.contacts().any { it.id == alex.id })
        }
    }

    @Test
    fun coresPhoneValidationErrorIsShownAsItComesAndNothingIsSaved() {
        newVault().use { vault ->
            val model = three(vault)
            val refusal = model.add(ContactInput("Pat", ContactRole.FRIEND, "call me maybe", false)).refused()
            val core = runCatching { org.oneday.ffi.validatePhone("call me maybe") }.exceptionOrNull()
            assertEquals(core?.message, refusal.text)
            assertFalse(refusal.text.contains("call me maybe"))
            assertEquals(3, vault.contacts().size)
            val sam = model.list().done()[0]
            model.edit(sam.id, sam.toInput().copy(phone = "abc")).refused()
            assertEquals("+44 7700 900123", vault.contact(sam.id).phone)
        }
    }

    @Test
    fun regionIsCoresAndABlankFieldClearsIt() {
        newVault().use { vault ->
            val model = ContactsModel(vault)
            assertNull(model.region().done())
            assertEquals("GB", model.setRegion(" GB ").done())
            assertEquals("GB", vault.region())
            assertTrue(model.setRegion("Britain").refused().text.isNotBlank())
            assertEquals("GB", vault.region())
            assertNull(model.setRegion("").done())
            assertNull(vault.region())
        }
    }
}
