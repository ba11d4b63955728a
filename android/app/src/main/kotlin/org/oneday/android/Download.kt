package org.oneday.android

import java.io.IOException
import java.net.URL
import javax.net.ssl.HttpsURLConnection
import org.oneday.android.present.BoundedRead

/**
 * The app's only network use: fetching a meeting list from an https address the user typed, when
 * they ask for it. No cookies, no cache, nothing sent but the request; the bytes go to core's importer.
 */
internal object Download {
    /** The body at [address], or `null` when it is not https, fails, or is larger than core imports. */
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
            val limit = BoundedRead.feedLimit
            if (connection.contentLengthLong > limit) return null
            connection.inputStream.use { BoundedRead.readAtMost(it, limit) }
        } catch (_: IOException) {
            null
        } finally {
            connection.disconnect()
        }
    }
}
