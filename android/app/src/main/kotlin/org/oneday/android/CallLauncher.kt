package org.oneday.android

import android.Manifest
import android.app.Activity
import android.content.ActivityNotFoundException
import android.content.Context
import android.content.Intent
import android.content.pm.PackageManager
import android.net.Uri
import org.oneday.ffi.DirectCalls

/**
 * Launches a URI core made (a `tel:` or `sms:` URI from the call plan, a meeting's link or dial-in).
 * `tel:` places the call at once (ACTION_CALL) when the user granted CALL_PHONE, else opens the
 * dialer with the number (ACTION_DIAL); `sms:` opens the messaging app with the text prepared; a web
 * link opens the browser. Nothing here chooses who or what: the URI is core's.
 */
object CallLauncher {
    /** Whether the user let One Day place calls itself. */
    fun canPlaceCalls(context: Context): Boolean =
        context.checkSelfPermission(Manifest.permission.CALL_PHONE) == PackageManager.PERMISSION_GRANTED

    /** What One Day may do with a `tel:` URI here, for core's plan: place calls, or only offer to. */
    fun directCalls(context: Context): DirectCalls =
        if (canPlaceCalls(context)) DirectCalls.ALLOWED else DirectCalls.NOT_ALLOWED

    /** Launches [uri]; `false` when it is not a kind of URI One Day launches or no app takes it. */
    fun launch(context: Context, uri: String): Boolean {
        val parsed = Uri.parse(uri)
        val action = when (parsed.scheme?.lowercase()) {
            "tel" -> if (canPlaceCalls(context)) Intent.ACTION_CALL else Intent.ACTION_DIAL
            "sms", "smsto" -> Intent.ACTION_SENDTO
            "https", "http" -> Intent.ACTION_VIEW
            else -> return false
        }
        val intent = Intent(action, parsed)
        if (context !is Activity) intent.addFlags(Intent.FLAG_ACTIVITY_NEW_TASK)
        return try {
            context.startActivity(intent)
            true
        } catch (_: ActivityNotFoundException) {
            false
        } catch (_: SecurityException) {
            // The permission was revoked between the check and the call: the dialer still works.
            if (action != Intent.ACTION_CALL) return false
            context.startActivity(Intent(Intent.ACTION_DIAL, parsed).setFlags(intent.flags))
            true
        }
    }
}
