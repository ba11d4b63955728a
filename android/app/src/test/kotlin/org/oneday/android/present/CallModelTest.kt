package org.oneday.android.present

import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue
import org.oneday.android.present.TestVaults.newVault
import org.oneday.ffi.CallChannel
import org.oneday.ffi.CallReason
import org.oneday.ffi.ContactRole
import org.oneday.ffi.DirectCalls
import org.oneday.ffi.NewContact
import org.oneday.ffi.telUri

class CallModelTest {
    @Test
    fun withNoContactsAndNoRegionItSaysCallYourLocalEmergencyNumber() {
        newVault().use { vault ->
            val screen = CallModel(vault).call().done()
            val core = vault.callPlan(false, null)
            assertEquals(core.headline, screen.headline)
            assertEquals("Call your local emergency number", screen.headline)
            assertNull(screen.launchUri)
            assertEquals(CallReason.LOCAL_EMERGENCY_NUMBER, screen.target?.reason)
            assertEquals(core.regionHint, screen.regionHint)
            assertNotNull(screen.regionHint)
            assertEquals(emptyList(), screen.fallbacks)
            assertNull(screen.crisisRow)
            assertEquals(emptyList(), screen.helplines)
        }
    }

    @Test
    fun theDrugAndAlcoholHelplineIsShownApartAndNeverInOneTap() {
        newVault().use { vault ->
            vault.addContact(NewContact("Sam", ContactRole.SPONSOR, "+1 555 010 0100", true, null))
            vault.setRegion("US")
            val screen = CallModel(vault).call().done()
            val core = vault.callPlan(false, null)
            assertEquals("Calling Sam (sponsor)", screen.headline)
            assertEquals(core.helplines.map { it.label }, screen.helplines.map { it.label })
            val samhsa = screen.helplines.single()
            assertEquals("SAMHSA National Helpline (drug and alcohol helpline)", samhsa.label)
            assertEquals("tel:18006624357", samhsa.uri)
            assertEquals(CallReason.DRUG_ALCOHOL_HELPLINE, samhsa.reason)
            val inOneTap = screen.fallbacks + listOfNotNull(screen.target, screen.crisisRow)
            assertTrue(inOneTap.none { it.reason == CallReason.DRUG_ALCOHOL_HELPLINE })
            assertEquals("988 Suicide & Crisis Lifeline (crisis line)", screen.crisisRow?.label)

            vault.setRegion("GB")
            assertEquals(emptyList(), CallModel(vault).call().done().helplines)
        }
    }

    @Test
    fun theSponsorFirstThenTheOthersThenTheCrisisLine() {
        newVault().use { vault ->
            vault.addContact(NewContact("Alex", ContactRole.FRIEND, "+44 7700 900123", false, null))
            val sam = vault.addContact(NewContact("Sam", ContactRole.SPONSOR, "+44 7700 900456", true, null))
            vault.setRegion("GB")
            val model = CallModel(vault)

            val screen = model.call().done()
            val core = vault.callPlan(false, null)
            assertEquals("Calling Sam (sponsor)", screen.headline)
            assertEquals(telUri("+44 7700 900456"), screen.launchUri)
            assertEquals(core.target?.uri, screen.launchUri)
            assertEquals("Alex (friend)", screen.fallbacks.first().label)
            assertEquals(telUri("+44 7700 900123"), screen.fallbacks.first().uri)
            val firstLine = core.fallbacks.first { it.reason == CallReason.CRISIS_LINE }
            val crisis = assertNotNull(screen.crisisRow)
            assertEquals(firstLine.label, crisis.label)
            assertEquals(firstLine.uri, crisis.uri)
            assertTrue(crisis.label.endsWith("(crisis line)"))
            // Every fallback core gave is on the screen once, in core's order.
            assertEquals(core.fallbacks.map { it.label } - firstLine.label, screen.fallbacks.map { it.label })
            assertNull(screen.regionHint)

            vault.removeContact(sam.id)
            val after = model.call().done()
            assertEquals("Calling Alex (friend)", after.headline)
            assertEquals(telUri("+44 7700 900123"), after.launchUri)
            assertTrue(after.fallbacks.none { it.label.startsWith("Sam") })
        }
    }

    @Test
    fun textingGoesToWhoeverIsFineWithTexts() {
        newVault().use { vault ->
            vault.addContact(NewContact("Alex", ContactRole.FRIEND, "+44 7700 900123", false, null))
            vault.addContact(NewContact("Sam", ContactRole.SPONSOR, "+44 7700 900456", true, null))
            val screen = CallModel(vault).text().done()
            assertEquals(CallChannel.SMS, screen.channel)
            assertEquals("Texting Sam (sponsor)", screen.headline)
            assertEquals(vault.callPlan(true, null).target?.uri, screen.launchUri)
            assertTrue(assertNotNull(screen.launchUri).startsWith("sms:"))
            assertTrue(screen.fallbacks.none { it.label.startsWith("Alex") })
            val messages = CallModel(vault).messages().done()
            assertEquals(vault.smsMessages(), messages.map { it.text })
            assertEquals(screen.launchUri, messages.first().target?.uri)
        }
    }

    @Test
    fun directCallsAreCoresAnswerForWhatThePhoneAllows() {
        newVault().use { vault ->
            vault.addContact(NewContact("Sam", ContactRole.SPONSOR, "+44 7700 900456", true, null))
            val model = CallModel(vault)
            assertFalse(model.call().done().offersDirectCalls)
            assertTrue(model.call(DirectCalls.NOT_ALLOWED).done().offersDirectCalls)
            val allowed = model.call(DirectCalls.ALLOWED).done()
            assertTrue(allowed.placesCallDirectly)
            assertFalse(allowed.offersDirectCalls)
        }
    }
}
