package org.oneday.android.present

import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertNull
import org.oneday.ffi.CheckInException
import org.oneday.ffi.CleanTimeException
import org.oneday.ffi.MeetingsException
import org.oneday.ffi.PlanException
import org.oneday.ffi.SupportException
import org.oneday.ffi.VaultException
import org.oneday.ffi.telUri

class UserMessageTest {
    @Test
    fun lockedFromEveryAreaAsksToUnlock() {
        val locked = listOf(
            VaultException.Locked("the vault is locked"),
            CleanTimeException.Locked("the vault is locked"),
            MeetingsException.Locked(),
            SupportException.Locked("the vault is locked"),
            PlanException.Locked("the vault is locked"),
            CheckInException.Locked("the vault is locked"),
        )
        for (e in locked) {
            assertEquals(UserMessage("Unlock One Day", UserMessage.Action.UNLOCK), UserMessage.from(e), e.javaClass.name)
        }
    }

    @Test
    fun otherErrorsKeepCoresSentence() {
        val phone = assertFailsWith<SupportException.InvalidPhone> { telUri("call me") }
        assertEquals(UserMessage(phone.message!!, UserMessage.Action.NONE), UserMessage.from(phone))
        assertEquals(UserMessage.Action.TRY_AGAIN, UserMessage.from(VaultException.Busy("busy"))?.action)
        val zone = MeetingsException.ZoneUnknown("home/x")
        assertEquals("the meeting `home/x` has no time zone; set a zone for its meeting list first", UserMessage.from(zone)?.text)
        assertNull(UserMessage.from(IllegalStateException("a bug")))
    }

    @Test
    fun outcomesCarryRefusalsAndLetBugsThrough() {
        val refused = outcomeOf { telUri("call me") }
        assertEquals(UserMessage.Action.NONE, refused.refused().action)
        assertEquals(Outcome.Done("tel:988"), outcomeOf { telUri("988") })
        assertFailsWith<IllegalStateException> { outcomeOf { error("a bug") } }
        assertEquals(Outcome.Done(4), Outcome.Done(2).map { it * 2 })
        assertNull(refused.valueOrNull())
    }
}
