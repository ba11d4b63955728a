package org.oneday.android.present

import java.io.InputStream
import kotlin.test.Test
import kotlin.test.assertContentEquals
import kotlin.test.assertEquals
import kotlin.test.assertNull
import org.oneday.ffi.maxBackupFileBytes
import org.oneday.ffi.maxFeedBytes

class BoundedReadTest {
    /** A stream of zeros that never ends, counting what it hands out. */
    private class Endless : InputStream() {
        var given = 0L

        override fun read(): Int {
            given++
            return 0
        }

        override fun read(b: ByteArray, off: Int, len: Int): Int {
            b.fill(0, off, off + len)
            given += len
            return len
        }
    }

    @Test
    fun anEndlessStreamIsRefusedAfterLimitPlusOneBytes() {
        val endless = Endless()
        assertNull(BoundedRead.readAtMost(endless, 100_000))
        assertEquals(100_001L, endless.given)
    }

    @Test
    fun aStreamAtTheLimitIsReadWholeAndOneByteMoreIsNot() {
        val bytes = ByteArray(70_000) { (it % 251).toByte() }
        assertContentEquals(bytes, BoundedRead.readAtMost(bytes.inputStream(), 70_000))
        assertNull(BoundedRead.readAtMost(bytes.inputStream(), 69_999))
        assertContentEquals(ByteArray(0), BoundedRead.readAtMost(ByteArray(0).inputStream(), 0))
    }

    @Test
    fun theLimitsAreCores() {
        assertEquals(maxFeedBytes().toInt(), BoundedRead.feedLimit)
        assertEquals(maxBackupFileBytes().toInt(), BoundedRead.backupLimit)
    }
}
