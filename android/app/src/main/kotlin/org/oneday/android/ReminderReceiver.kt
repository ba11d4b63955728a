package org.oneday.android

import android.content.BroadcastReceiver
import android.content.Context
import android.content.Intent

/** Posts a reminder when its alarm goes off. Not exported: only this app's own alarms reach it. */
class ReminderReceiver : BroadcastReceiver() {
    override fun onReceive(context: Context, intent: Intent) {
        Reminders.post(context, intent)
    }
}
