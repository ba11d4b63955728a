package org.oneday.android

import android.content.BroadcastReceiver
import android.content.Context
import android.content.Intent

/**
 * After a reboot, an app update or a change of the clock or the time zone: schedules the reminders
 * again and refreshes the widget, on a background thread. When the vault cannot be opened without the
 * user (phone locked, recovery code needed) nothing changes until the app is next opened.
 */
class RescheduleReceiver : BroadcastReceiver() {
    override fun onReceive(context: Context, intent: Intent) {
        val app = context.applicationContext
        val pending = goAsync()
        Thread {
            try {
                VaultHolder.withBackgroundVault(app) { vault -> Reminders.schedule(app, vault) }
                DaysCleanWidget.refresh(app)
            } finally {
                pending.finish()
            }
        }.start()
    }
}
