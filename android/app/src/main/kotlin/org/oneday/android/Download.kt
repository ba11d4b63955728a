package org.oneday.android

import java.io.ByteArrayOutputStream
import java.io.IOException
import java.io.InputStream
import java.net.URL
import javax.net.ssl.HttpsURLConnection

/**
 * The app's only network use: fetching a meeting list from an https address the user typed, when
 * they ask for it. No cookies, no cache, nothing sent but the request; the bytes go to core's importer.
 */
internal object Download {
    /** The largest list accepted, from a file or the network. */
    const val MAX_BYTES: Int = 20 * 1024 * 1024

    /** The body at [address], or `null` when it is not https, fails, or is larger than [MAX_BYTES]. */
    fun fetch(address: String): ByteArray? {
        val url = try {
            URL(address.trim())
        } catch (_: java.net.MalformedURLException) {
            return null
        }
        if (url.protocol != "https") return null
        val connection = try {
            url.openConnection() as? HttpsURLConnection ?: return null
        } catch (_: IOException) {
            return null
        }
        return try {
            connection.connectTimeout = 15_000
            connection.readTimeout = 30_000
            connection.instanceFollowRedirects = true
            connection.useCaches = false
            connection.setRequestProperty("Accept", "application/json")
            if (connection.responseCode != HttpsURLConnection.HTTP_OK) return null
            if (connection.contentLengthLong > MAX_BYTES) return null
            connection.inputStream.use { readAtMost(it, MAX_BYTES) }
        } catch (_: IOException) {
            null
        } finally {
            connection.disconnect()
        }
    }

    /** All of [input], or `null` when it holds more than [limit] bytes. */
    fun readAtMost(input: InputStream, limit: Int): ByteArray? {
        val out = ByteArrayOutputStream()
        val buffer = ByteArray(64 * 1024)
        while (true) {
            val n = input.read(buffer)
            if (n < 0) return out.toByteArray()
            if (out.size() + n > limit) return null
            out.write(buffer, 0, n)
        }
    }
}
