package org.oneday.android.present

import java.io.ByteArrayOutputStream
import java.io.InputStream
import org.oneday.ffi.maxBackupFileBytes
import org.oneday.ffi.maxFeedBytes

/**
 * Reading a picked file or a download without ever holding more than core accepts: at most one
 * byte past the limit is read, so an endless stream is refused as soon as it passes the limit.
 * The limits are core's, through the bindings.
 */
object BoundedRead {
    /** The most bytes of a meeting list read (core's limit). */
    val feedLimit: Int get() = maxFeedBytes().toInt()

    /** The most bytes of a backup file read (core's limit). */
    val backupLimit: Int get() = maxBackupFileBytes().toInt()

    /** All of [input], or `null` when it holds more than [limit] bytes; reads at most `limit + 1`. */
    fun readAtMost(input: InputStream, limit: Int): ByteArray? {
        val out = ByteArrayOutputStream()
        val buffer = ByteArray(64 * 1024)
        while (true) {
            val room = limit + 1 - out.size()
            val n = input.read(buffer, 0, minOf(buffer.size, room))
            if (n < 0) return out.toByteArray()
            out.write(buffer, 0, n)
            if (out.size() > limit) return null
        }
    }
}
