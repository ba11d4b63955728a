package oneday.tests

import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertTrue
import oneday.tests.Support.date
import oneday.tests.Support.newVault
import org.oneday.ffi.CallReason
import org.oneday.ffi.CheckIn
import org.oneday.ffi.CheckInException
import org.oneday.ffi.ContactRole
import org.oneday.ffi.DirectCalls
import org.oneday.ffi.MeetingsException
import org.oneday.ffi.NewContact

/** The Call screen as one core call, the prepared messages, and dates refused as the area's own error. */
class EdgesTest {
    @Test
    fun theCallScreenIsOneCallWithEachNumberOnce() {
        val (vault, _, _) = newVault()
        vault.use {
            it.addContact(NewContact("Sam", ContactRole.SPONSOR, "+44 20 7946 0321", true, null))
            it.addContact(NewContact("Sam at home", ContactRole.FRIEND, "+44 20 7946 0321", true, null))
            it.addContact(NewContact("Jo", ContactRole.FRIEND, "+44 20 7946 0999", false, null))
            it.setRegion("GB")
            val plan = it.callPlan(false, null, DirectCalls.NOT_ALLOWED)
            val uris = (listOfNotNull(plan.target) + plan.fallbacks + plan.helplines).mapNotNull { t -> t.uri }
            assertEquals(uris.distinct(), uris)
            assertEquals(CallReason.SPONSOR, plan.target?.reason)
            val crisis = plan.crisisRow!!
            assertTrue(crisis.reason == CallReason.CRISIS_LINE || crisis.reason == CallReason.EMERGENCY_NUMBER)
            assertEquals(plan.fallbacks.size - 1, plan.otherFallbacks.size)
            assertEquals("Jo (friend)", plan.otherFallbacks.first().label)
            assertFalse(plan.placesCallDirectly)
            assertTrue(plan.offersDirectCalls)
            assertTrue(it.callPlan(false, null, DirectCalls.ALLOWED).placesCallDirectly)
            assertFalse(it.callPlan(false, null).offersDirectCalls)
        }
    }

    @Test
    fun preparedMessagesGoToTheSponsorWithCoresSmsUri() {
        val (vault, _, _) = newVault()
        vault.use {
            it.addContact(NewContact("Sam", ContactRole.SPONSOR, "+1 (555) 010-0000", true, null))
            it.setSmsTemplates(listOf("At a meeting, later?"))
            val messages = it.preparedMessages()
            assertEquals(listOf(0u, 1u), messages.map { m -> m.index })
            assertEquals("sms:+15550100000?body=Can%20you%20call%20me%3F", messages[0].target?.uri)
            assertEquals("sms:+15550100000?body=At%20a%20meeting%2C%20later%3F", messages[1].target?.uri)
            assertEquals(CallReason.SPONSOR, messages[1].target?.reason)
        }
    }

    @Test
    fun aDateOutOfRangeIsTheAreasTypedError() {
        val (vault, _, _) = newVault()
        vault.use {
            // Before: UniFFI's InternalException for any area other than clean time.
            assertFailsWith<CheckInException.InvalidDate> { it.checkIn(date(1850, 1, 1)) }
            assertFailsWith<CheckInException.InvalidDate> {
                it.recordCheckIn(CheckIn(date = date(2024, 5, 9), mood = 3u.toUByte()), date(2300, 1, 1))
            }
            assertFailsWith<MeetingsException.OutOfRange> { it.meetingAttendance(date(1850, 1, 1), 90u) }
        }
    }
}
