package org.oneday.android

import android.app.AlarmManager
import android.app.Notification
import android.app.NotificationChannel
import android.app.NotificationManager
import android.app.PendingIntent
import android.content.Context
import android.content.Intent
import java.time.Instant
import java.time.LocalDate
import java.time.LocalDateTime
import java.time.ZoneId
import org.oneday.android.present.NotificationText
import org.oneday.android.present.ReminderText
import org.oneday.ffi.CleanTimeException
import org.oneday.ffi.MeetingFilter
import org.oneday.ffi.MeetingsException
import org.oneday.ffi.Vault

/**
 * Milestone and meeting reminders: core says when (a counter's upcoming milestones, a saved meeting's
 * `remindAt` from the reminder the user chose), the presentation code words them, and this puts them
 * on AlarmManager and, when one goes off, on a notification that the lock screen never shows
 * (channel and notification VISIBILITY_SECRET, with a neutral public version as well).
 *
 * Alarms are scheduled again whenever the vault is opened, after a reboot, an app update or a clock
 * or zone change ([RescheduleReceiver]). Each run cancels the previous set first.
 */
object Reminders {
    /** The one notification channel. */
    const val CHANNEL_ID: String = "reminders"

    /** The channel's name in the system settings: neutral, like the notifications. */
    private const val CHANNEL_NAME = "Reminders"

    /** At most this many alarms at once (AlarmManager allows 500 per app). */
    private const val MAX_ALARMS = 64

    /** How late a reminder may come when exact alarms are not allowed. */
    private const val WINDOW_MILLIS = 10 * 60 * 1000L

    private const val EXTRA_TITLE = "org.oneday.android.extra.TITLE"
    private const val EXTRA_BODY = "org.oneday.android.extra.BODY"
    private const val EXTRA_ID = "org.oneday.android.extra.NOTIFICATION_ID"

    /** One alarm: when, and the private text of its notification. */
    private class Due(val at: Instant, val text: NotificationText)

    /**
     * Cancels every scheduled reminder and schedules the ones core lists from now on. The texts travel
     * in the alarms' intents (held by the system in memory, never written by this app), so a reminder
     * can be shown while the vault stays locked.
     */
    fun schedule(context: Context, vault: Vault) {
        val zone = ZoneId.systemDefault()
        val now = Instant.now()
        val due = (milestones(vault, LocalDate.now(zone), zone) + meetings(vault, now, zone))
            .filter { it.at.isAfter(now) }
            .sortedBy { it.at }
            .take(MAX_ALARMS)
        cancelAll(context)
        val alarms = context.getSystemService(AlarmManager::class.java) ?: return
        due.forEachIndexed { index, d ->
            val intent = Intent(context, ReminderReceiver::class.java)
                .putExtra(EXTRA_TITLE, d.text.title)
                .putExtra(EXTRA_BODY, d.text.body)
                // One notification per moment: a later reminder never replaces an unread earlier one.
                .putExtra(EXTRA_ID, d.at.epochSecond.toInt())
            val pending = PendingIntent.getBroadcast(
                context,
                index,
                intent,
                PendingIntent.FLAG_IMMUTABLE or PendingIntent.FLAG_UPDATE_CURRENT,
            )
            val at = d.at.toEpochMilli()
            if (alarms.canScheduleExactAlarms()) {
                alarms.setExactAndAllowWhileIdle(AlarmManager.RTC_WAKEUP, at, pending)
            } else {
                alarms.setWindow(AlarmManager.RTC_WAKEUP, at, WINDOW_MILLIS, pending)
            }
        }
    }

    /** Cancels every reminder alarm this app set. */
    fun cancelAll(context: Context) {
        val alarms = context.getSystemService(AlarmManager::class.java) ?: return
        for (index in 0 until MAX_ALARMS) {
            val pending = PendingIntent.getBroadcast(
                context,
                index,
                Intent(context, ReminderReceiver::class.java),
                PendingIntent.FLAG_IMMUTABLE or PendingIntent.FLAG_NO_CREATE,
            ) ?: continue
            alarms.cancel(pending)
            pending.cancel()
        }
    }

    /** Posts the reminder an alarm carried (from [ReminderReceiver]). */
    fun post(context: Context, alarm: Intent) {
        val title = alarm.getStringExtra(EXTRA_TITLE) ?: ReminderText.LOCK_SCREEN.title
        val body = alarm.getStringExtra(EXTRA_BODY) ?: ReminderText.LOCK_SCREEN.body
        val manager = context.getSystemService(NotificationManager::class.java) ?: return
        if (!manager.areNotificationsEnabled()) return
        ensureChannel(manager)
        val open = PendingIntent.getActivity(
            context,
            0,
            Intent(context, MainActivity::class.java).addFlags(Intent.FLAG_ACTIVITY_NEW_TASK),
            PendingIntent.FLAG_IMMUTABLE,
        )
        val public = Notification.Builder(context, CHANNEL_ID)
            .setSmallIcon(android.R.drawable.ic_popup_reminder)
            .setContentTitle(ReminderText.LOCK_SCREEN.title)
            .setContentText(ReminderText.LOCK_SCREEN.body)
            .build()
        val notification = Notification.Builder(context, CHANNEL_ID)
            .setSmallIcon(android.R.drawable.ic_popup_reminder)
            .setContentTitle(title)
            .setContentText(body)
            .setCategory(Notification.CATEGORY_REMINDER)
            .setVisibility(Notification.VISIBILITY_SECRET)
            .setPublicVersion(public)
            .setContentIntent(open)
            .setAutoCancel(true)
            .build()
        manager.notify(alarm.getIntExtra(EXTRA_ID, 0), notification)
    }

    /** Creates the channel (idempotent): secret on the lock screen, no badge. */
    fun ensureChannel(manager: NotificationManager) {
        val channel = NotificationChannel(CHANNEL_ID, CHANNEL_NAME, NotificationManager.IMPORTANCE_DEFAULT)
        channel.lockscreenVisibility = Notification.VISIBILITY_SECRET
        channel.setShowBadge(false)
        manager.createNotificationChannel(channel)
    }

    private fun milestones(vault: Vault, today: LocalDate, zone: ZoneId): List<Due> =
        try {
            // Core's window (the next 60 days at 09:00; the next opening of the app extends it).
            vault.today(today).reminders.map {
                Due(LocalDateTime.of(it.date, it.time).atZone(zone).toInstant(), ReminderText.counter(it))
            }
        } catch (_: CleanTimeException) {
            emptyList()
        }

    private fun meetings(vault: Vault, now: Instant, zone: ZoneId): List<Due> =
        try {
            vault.nextMeetings(now, zone.id, MAX_ALARMS.toUInt(), MeetingFilter(), true).occurrences.mapNotNull { o ->
                o.remindAt?.let { Due(it.instant, ReminderText.meeting(o)) }
            }
        } catch (_: MeetingsException) {
            emptyList()
        }
}
