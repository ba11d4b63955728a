package oneday.tests

import java.time.LocalDate
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertNull
import kotlin.test.assertTrue
import oneday.tests.Support.newVault
import org.oneday.ffi.CallChannel
import org.oneday.ffi.CallReason
import org.oneday.ffi.ContactChange
import org.oneday.ffi.ContactRole
import org.oneday.ffi.NewContact
import org.oneday.ffi.RegionStatus
import org.oneday.ffi.SourceKind
import org.oneday.ffi.SupportException
import org.oneday.ffi.crisisLines
import org.oneday.ffi.defaultSmsMessage
import org.oneday.ffi.smsUri
import org.oneday.ffi.telUri
import org.oneday.ffi.validatePhone

/** Contacts and one-tap calling through the FFI: the shell only launches the URI core resolves. */
class SupportTest {
    @Test
    fun callPlanResolvesTheSponsorThenNextInOrderThenTheCrisisLine() {
        newVault().first.use { vault ->
            vault.setRegion("US")
            val sponsor = vault.addContact(NewContact("Sam", ContactRole.SPONSOR, "+1 (555) 010-0100", smsAllowed = true))
            val friend = vault.addContact(NewContact("Ann", ContactRole.FRIEND, "555 010 0101"))
            assertEquals(listOf(0u, 1u), vault.contacts().map { it.order })

            val plan = vault.callPlan(sms = false)
            assertEquals(CallChannel.CALL, plan.channel)
            assertEquals("Calling Sam (sponsor)", plan.headline)
            assertEquals(CallReason.SPONSOR, plan.target?.reason)
            assertEquals(sponsor.id, plan.target?.contactId)
            assertEquals("tel:+15550100100", plan.target?.uri)
            assertEquals(
                listOf("tel:5550100101", "tel:988", "tel:911"),
                plan.fallbacks.map { it.uri },
            )
            assertEquals(RegionStatus.Covered("US"), plan.region)
            // The drug and alcohol helpline comes apart: never the target or a fallback.
            assertEquals(listOf(CallReason.DRUG_ALCOHOL_HELPLINE), plan.helplines.map { it.reason })
            assertEquals("tel:18006624357", plan.helplines.single().uri)
            assertEquals("SAMHSA National Helpline (drug and alcohol helpline)", plan.helplines.single().label)

            vault.removeContact(sponsor.id)
            val next = vault.callPlan(sms = false)
            assertEquals(CallReason.NEXT_IN_ORDER, next.target?.reason)
            assertEquals(friend.id, next.target?.contactId)
            assertEquals("Calling Ann (friend)", next.headline)

            vault.removeContact(friend.id)
            val crisis = vault.callPlan(sms = false)
            assertEquals(CallReason.CRISIS_LINE, crisis.target?.reason)
            assertEquals("988 Suicide & Crisis Lifeline (crisis line)", crisis.target?.label)
            assertEquals("tel:988", crisis.target?.uri)
            assertEquals(CallReason.EMERGENCY_NUMBER, crisis.fallbacks.single().reason)
            assertEquals(plan.helplines, crisis.helplines)
        }
    }

    @Test
    fun withoutARegionTheLastResortIsLocalEmergencyWordingWithNoNumber() {
        newVault().first.use { vault ->
            assertNull(vault.region())
            val plan = vault.callPlan(sms = false)
            assertEquals(RegionStatus.NotSet, plan.region)
            assertEquals("Call your local emergency number", plan.headline)
            assertEquals(CallReason.LOCAL_EMERGENCY_NUMBER, plan.target?.reason)
            assertNull(plan.target?.uri)
            assertNull(plan.target?.number)
            assertTrue(plan.regionHint!!.contains("Set your region"))

            vault.setRegion("be")
            assertEquals("BE", vault.region())
            assertEquals(RegionStatus.NotInTable("BE"), vault.callPlan(sms = false).region)
            assertFailsWith<SupportException.InvalidRegion> { vault.setRegion("UK") }
            assertEquals("BE", vault.region())
        }
    }

    @Test
    fun smsUrisArePercentEncodedAndOnlyForContactsWhoTakeTexts() {
        assertEquals("sms:+447700900123?body=Can%20you%20call%20me%3F", smsUri("+44 7700 900123", defaultSmsMessage()))
        assertEquals("sms:988", smsUri("988"))
        assertEquals("sms:5550100?body=Caf%C3%A9%20%26%20talk%3F", smsUri("555 0100", "Café & talk?"))
        newVault().first.use { vault ->
            vault.setRegion("GB")
            vault.addContact(NewContact("Sam", ContactRole.SPONSOR, "07700 900001", smsAllowed = false))
            vault.addContact(NewContact("Jo", ContactRole.FRIEND, "07700 900002", smsAllowed = true))
            assertEquals(listOf("Rough day. Free later?"), vault.setSmsTemplates(listOf(" Rough day. Free later? ", "")))
            assertEquals(listOf("Can you call me?", "Rough day. Free later?"), vault.smsMessages())

            val plan = vault.callPlan(sms = true, message = vault.smsMessages()[1])
            assertEquals(CallChannel.SMS, plan.channel)
            assertEquals("Texting Jo (friend)", plan.headline)
            assertEquals("sms:07700900002?body=Rough%20day.%20Free%20later%3F", plan.target?.uri)
            assertEquals(listOf("sms:85258?body=SHOUT"), plan.fallbacks.map { it.uri })
            assertEquals("sms:07700900002?body=Can%20you%20call%20me%3F", vault.callPlan(sms = true).target?.uri)
            assertFailsWith<SupportException.Validation> { vault.callPlan(sms = true, message = "  ") }
        }
    }

    @Test
    fun lettersInAPhoneNumberAreATypedErrorAndWriteNothing() {
        val e = assertFailsWith<SupportException.InvalidPhone> { telUri("CALL SAM") }
        assertTrue(e.message!!.startsWith("a phone number cannot contain letters"), e.message)
        assertFailsWith<SupportException.InvalidPhone> { validatePhone("") }
        assertEquals("tel:+15550100100;ext=12", telUri("+1 555 010 0100 ext. 12"))
        newVault().first.use { vault ->
            assertFailsWith<SupportException.InvalidPhone> {
                vault.addContact(NewContact("Sam", ContactRole.SPONSOR, "five five five"))
            }
            assertFailsWith<SupportException.Validation> {
                vault.addContact(NewContact(" ", ContactRole.SPONSOR, "555 0100"))
            }
            assertEquals(emptyList(), vault.contacts())
            val c = vault.addContact(NewContact("Sam", ContactRole.SPONSOR, "555 0100", note = "after 6pm"))
            assertFailsWith<SupportException.InvalidPhone> {
                vault.editContact(c.id, ContactChange(phone = "letters"))
            }
            assertEquals(c, vault.contact(c.id))
            val edited = vault.editContact(c.id, ContactChange(role = ContactRole.ALTERNATE_SPONSOR, note = ""))
            assertEquals(ContactRole.ALTERNATE_SPONSOR, edited.role)
            assertNull(edited.note)
            assertFailsWith<SupportException.NotFound> { vault.contact("0".repeat(32)) }
            assertFailsWith<SupportException.Validation> { vault.contact("not-an-id") }
        }
    }

    @Test
    fun reorderAndCrisisLinesByRegion() {
        newVault().first.use { vault ->
            val a = vault.addContact(NewContact("A", ContactRole.FRIEND, "555 0100"))
            val b = vault.addContact(NewContact("B", ContactRole.DOCTOR, "555 0101"))
            assertEquals(listOf(b.id, a.id), vault.reorderContacts(listOf(b.id)).map { it.id })
            assertFailsWith<SupportException.Validation> { vault.reorderContacts(listOf(a.id, a.id)) }
        }
        val ie = crisisLines("IE")!!
        assertEquals("Ireland", ie.name)
        assertEquals("tel:116123", ie.lines[0].telUri)
        assertEquals("tel:112", ie.emergency[0].telUri)
        assertTrue(ie.lines.all { it.sourceUrl.startsWith("http") })
        assertTrue(ie.lines.all { !it.lastVerified.isAfter(LocalDate.now()) })
        assertEquals(SourceKind.GOVERNMENT, ie.emergency[0].sourceKind)
        val hse = ie.drugAlcoholHelplines.single()
        assertEquals("tel:1800459459", hse.telUri)
        assertEquals(SourceKind.PRESS, hse.sourceKind)
        assertTrue(ie.lines.none { it.name == hse.name })
        val samhsa = crisisLines("US")!!.drugAlcoholHelplines.single()
        assertEquals(SourceKind.OPERATOR, samhsa.sourceKind)
        assertEquals("tel:18006624357", samhsa.telUri)
        assertEquals(emptyList(), crisisLines("GB")!!.drugAlcoholHelplines)
        assertNull(crisisLines("BE"))
    }
}
