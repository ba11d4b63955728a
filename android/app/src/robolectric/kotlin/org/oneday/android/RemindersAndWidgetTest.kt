package org.oneday.android

import android.app.AlarmManager
import android.app.Notification
import android.app.NotificationManager
import android.appwidget.AppWidgetManager
import android.content.Intent
import android.widget.TextView
import java.time.LocalDate
import java.time.LocalDateTime
import java.time.LocalTime
import java.time.ZoneId
import java.util.TimeZone
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNotEquals
import org.junit.Assert.assertTrue
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.RobolectricTestRunner
import org.robolectric.Shadows.shadowOf
import org.robolectric.shadows.ShadowAlarmManager

/**
 * Reminders and the widget: alarms at core's times (after the app opens, after BOOT_COMPLETED and
 * TIMEZONE_CHANGED), the notification secret on the lock screen with a neutral public version, and a
 * widget that shows core's day count and nothing else.
 */
@RunWith(RobolectricTestRunner::class)
class RemindersAndWidgetTest : AppUnderTest() {
    private val alarms get() = shadowOf(app.getSystemService(AlarmManager::class.java))

    /** The reminder alarms (not the widget's midnight refresh), by trigger time. */
    @Suppress("DEPRECATION") // ScheduledAlarm.operation: Robolectric's only way to the PendingIntent
    private fun reminderAlarms(): List<ShadowAlarmManager.ScheduledAlarm> =
        alarms.scheduledAlarms.filter { alarm ->
            alarm.operation?.let { shadowOf(it).savedIntent.component?.className } == ReminderReceiver::class.java.name
        }.sortedBy { it.triggerAtMs }

    /** Core's milestone reminders as epoch millis, as the app asks for them (60 days, 09:00 local). */
    private fun coreReminderTimes(zone: ZoneId): List<Long> = withVault { vault ->
        vault.upcomingReminders(LocalDate.now(zone), 60u, LocalTime.of(9, 0)).map {
            LocalDateTime.of(it.date, it.time).atZone(zone).toInstant().toEpochMilli()
        }
    }.filter { it > System.currentTimeMillis() }.sorted()

    @Test
    fun openingTheAppSchedulesCoresRemindersAndTheNotificationIsSecret() {
        seedVault { it.addCounter(TestData.counter("Alcohol"), TestData.daysAgo(25)) }
        val expected = coreReminderTimes(ZoneId.systemDefault())
        assertTrue("core has a milestone within 60 days", expected.isNotEmpty())

        val activity = launch()
        settle(activity)
        assertEquals(expected, reminderAlarms().map { it.triggerAtMs })
        assertTrue(reminderAlarms().all { it.getType() == AlarmManager.RTC_WAKEUP })

        // The alarm goes off: the receiver posts the notification.
        val alarm = reminderAlarms().first()
        @Suppress("DEPRECATION")
        alarm.operation!!.send()
        shadowOf(android.os.Looper.getMainLooper()).idle()
        val manager = app.getSystemService(NotificationManager::class.java)
        val posted = shadowOf(manager).allNotifications
        assertEquals(1, posted.size)
        val notification = posted.single()
        assertEquals(Notification.VISIBILITY_SECRET, notification.visibility)
        assertEquals(NotificationManager.IMPORTANCE_DEFAULT, manager.getNotificationChannel(Reminders.CHANNEL_ID).importance)
        assertEquals(Notification.VISIBILITY_SECRET, manager.getNotificationChannel(Reminders.CHANNEL_ID).lockscreenVisibility)
        val public = notification.publicVersion!!
        assertEquals("A reminder from One Day", public.extras.getString(Notification.EXTRA_TITLE))
        assertEquals("Open One Day to see it.", public.extras.getString(Notification.EXTRA_TEXT))
        // The private version names no counter either (the counter did not opt in).
        val privateText = "${notification.extras.getString(Notification.EXTRA_TITLE)} ${notification.extras.getCharSequence(Notification.EXTRA_TEXT)}"
        assertFalse(privateText, privateText.contains("Alcohol"))
    }

    @Test
    fun bootAndZoneChangesScheduleTheRemindersAgain() {
        seedVault { it.addCounter(TestData.counter("Alcohol"), TestData.daysAgo(25)) }
        assertTrue(reminderAlarms().isEmpty())

        // Reboot: alarms are gone; the receiver (the manifest's) schedules core's times again.
        app.sendBroadcast(Intent(Intent.ACTION_BOOT_COMPLETED))
        waitFor("alarms after boot") { reminderAlarms().isNotEmpty() }
        assertEquals(coreReminderTimes(ZoneId.systemDefault()), reminderAlarms().map { it.triggerAtMs })

        val before = TimeZone.getDefault()
        try {
            val far = if (before.id == "Pacific/Auckland") "America/Los_Angeles" else "Pacific/Auckland"
            TimeZone.setDefault(TimeZone.getTimeZone(far))
            val inNewZone = coreReminderTimes(ZoneId.of(far))
            assertNotEquals(reminderAlarms().map { it.triggerAtMs }, inNewZone)
            app.sendBroadcast(Intent(Intent.ACTION_TIMEZONE_CHANGED))
            waitFor("alarms at 09:00 in $far") { reminderAlarms().map { it.triggerAtMs } == inNewZone }
        } finally {
            TimeZone.setDefault(before)
        }
    }

    @Test
    fun theWidgetShowsCoresDayCountAndNothingElse() {
        seedVault { it.addCounter(TestData.counter("Alcohol"), TestData.daysAgo(45)) }
        val days = withVault { it.status(TestData.today()).single().cleanTime.totalDays }

        val widgets = shadowOf(AppWidgetManager.getInstance(app))
        val id = widgets.createWidget(DaysCleanWidget::class.java, android.R.layout.simple_list_item_1)
        val shown = views(widgets.getViewFor(id)).filterIsInstance<TextView>().map { it.text.toString() }.filter { it.isNotBlank() }
        assertEquals(1, shown.size)
        val text = shown.single()
        assertTrue("\"$text\" shows $days", Regex("\\b$days\\b").containsMatchIn(text))
        assertFalse(text.contains("Alcohol"))
        assertEquals(listOf(days.toString()), Regex("\\d+").findAll(text).map { it.value }.toList())

        // The same number as Today.
        val activity = launch { hasTextContaining(it, "Alcohol") }
        assertTrue(hasText(activity, text))
    }

    @Test
    fun aWidgetWithoutAVaultSaysNothingPrivate() {
        val widgets = shadowOf(AppWidgetManager.getInstance(app))
        val id = widgets.createWidget(DaysCleanWidget::class.java, android.R.layout.simple_list_item_1)
        val shown = views(widgets.getViewFor(id)).filterIsInstance<TextView>().map { it.text.toString() }.filter { it.isNotBlank() }
        assertEquals(1, shown.size)
        assertFalse(shown.single().any { it.isDigit() })
    }
}
