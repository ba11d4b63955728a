package org.oneday.android

import android.app.AlarmManager
import android.app.PendingIntent
import android.appwidget.AppWidgetManager
import android.appwidget.AppWidgetProvider
import android.content.ComponentName
import android.content.Context
import android.content.Intent
import android.util.TypedValue
import android.widget.RemoteViews
import java.time.LocalDate
import java.time.ZoneId
import org.oneday.android.present.UserMessage
import org.oneday.android.present.WidgetText

/**
 * The home-screen widget: days clean, from the same core computation and the same wording as the
 * Today screen ([WidgetText]). It names no counter. Tapping it opens the app (behind its lock).
 *
 * Its layout is the framework's one-line text item (`android.R.layout.simple_list_item_1`): the app
 * has no layouts of its own (android/README.md says why). It is refreshed by the system every 30
 * minutes, right after midnight by an alarm of its own, and by the app after a change.
 */
class DaysCleanWidget : AppWidgetProvider() {
    override fun onUpdate(context: Context, manager: AppWidgetManager, ids: IntArray) {
        update(context, manager, ids)
    }

    override fun onDisabled(context: Context) {
        // The last widget was removed: no more midnight refresh.
        context.getSystemService(AlarmManager::class.java)?.cancel(midnightIntent(context))
    }

    /** Drawing and refreshing. */
    companion object {
        /** Redraws every placed widget now (after a reset, an import, a new counter...). */
        fun refresh(context: Context) {
            val manager = AppWidgetManager.getInstance(context) ?: return
            val ids = manager.getAppWidgetIds(ComponentName(context, DaysCleanWidget::class.java))
            if (ids.isNotEmpty()) update(context, manager, ids)
        }

        private fun update(context: Context, manager: AppWidgetManager, ids: IntArray) {
            val zone = ZoneId.systemDefault()
            val text = VaultHolder.withBackgroundVault(context) { vault -> WidgetText(vault, LocalDate.now(zone)).text() }
                ?: UserMessage.UNLOCK_TEXT
            val open = PendingIntent.getActivity(
                context,
                0,
                Intent(context, MainActivity::class.java),
                PendingIntent.FLAG_IMMUTABLE,
            )
            val views = RemoteViews(context.packageName, android.R.layout.simple_list_item_1).apply {
                setTextViewText(android.R.id.text1, text)
                setTextViewTextSize(android.R.id.text1, TypedValue.COMPLEX_UNIT_SP, 22f)
                setContentDescription(android.R.id.text1, text)
                setOnClickPendingIntent(android.R.id.text1, open)
            }
            manager.updateAppWidget(ids, views)
            scheduleMidnight(context, zone)
        }

        /** An inexact alarm just after the next local midnight, so the count moves with the day. */
        private fun scheduleMidnight(context: Context, zone: ZoneId) {
            val alarms = context.getSystemService(AlarmManager::class.java) ?: return
            val midnight = LocalDate.now(zone).plusDays(1).atStartOfDay(zone).plusMinutes(1)
            alarms.set(AlarmManager.RTC, midnight.toInstant().toEpochMilli(), midnightIntent(context))
        }

        private fun midnightIntent(context: Context): PendingIntent {
            val intent = Intent(context, DaysCleanWidget::class.java).setAction(AppWidgetManager.ACTION_APPWIDGET_UPDATE)
                .putExtra(
                    AppWidgetManager.EXTRA_APPWIDGET_IDS,
                    AppWidgetManager.getInstance(context).getAppWidgetIds(ComponentName(context, DaysCleanWidget::class.java)),
                )
            return PendingIntent.getBroadcast(
                context,
                0,
                intent,
                PendingIntent.FLAG_IMMUTABLE or PendingIntent.FLAG_UPDATE_CURRENT,
            )
        }
    }
}
