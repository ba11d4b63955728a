package oneday.tests

import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertTrue
import oneday.tests.Support.newVault
import org.oneday.ffi.BackupException
import org.oneday.ffi.FeedFormat
import org.oneday.ffi.MeetingsException
import org.oneday.ffi.maxBackupFileBytes
import org.oneday.ffi.maxFeedBytes
import org.oneday.ffi.readBackupHeader

/** The limits a shell reads outside input up to (one byte more at most), as core applies them. */
class InputLimitsTest {
    @Test
    fun aFeedOneByteOverTheExposedLimitIsRefusedAndOneAtItIsRead() {
        assertEquals(32uL * 1024uL * 1024uL, maxFeedBytes())
        newVault().first.use { vault ->
            // Valid JSON of exactly the limit: `[`, spaces, `]`.
            val atLimit = ByteArray(maxFeedBytes().toInt()) { ' '.code.toByte() }
            atLimit[0] = '['.code.toByte()
            atLimit[atLimit.size - 1] = ']'.code.toByte()
            // At the limit the size is fine and the content is judged: a list with no meeting.
            val empty = assertFailsWith<MeetingsException.NothingImported> {
                vault.importMeetings(atLimit, FeedFormat.MEETING_GUIDE, "s")
            }
            assertEquals(0uL, empty.records)
            val over = atLimit.copyOf(atLimit.size + 1)
            over[over.size - 1] = ' '.code.toByte()
            val e = assertFailsWith<MeetingsException.FeedTooLarge> {
                vault.importMeetings(over, FeedFormat.MEETING_GUIDE, "s")
            }
            assertEquals(maxFeedBytes(), e.max)
        }
    }

    @Test
    fun theBackupLimitIsCoresAndZerosAreNotABackup() {
        // 256 MiB of sealed contents after the 76-byte clear header (docs/backup-format.md).
        assertEquals(256uL * 1024uL * 1024uL + 76uL, maxBackupFileBytes())
        assertTrue(maxBackupFileBytes() + 1uL < Int.MAX_VALUE.toULong(), "a shell can hold limit + 1 in one array")
        assertFailsWith<BackupException.NotABackup> { readBackupHeader(ByteArray(4096)) }
    }
}
