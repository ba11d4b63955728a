package org.oneday.android

import android.app.Activity
import android.content.Intent
import android.net.Uri
import android.widget.Button
import java.io.ByteArrayInputStream
import org.junit.Assert.assertEquals
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.RobolectricTestRunner
import org.robolectric.Shadows.shadowOf

/** Meetings: a list imported from a document, the system picker's result delivered to the Activity. */
@RunWith(RobolectricTestRunner::class)
class MeetingsImportTest : AppUnderTest() {
    @Test
    fun aListFromTheDocumentPickerIsPreviewedAndImported() {
        seedVault()
        val document = Uri.parse("content://org.oneday.test.documents/meetings.json")
        shadowOf(app.contentResolver).registerInputStream(document, ByteArrayInputStream(FEED.toByteArray()))
        val activity = launch(Intent().putExtra(MainActivity.EXTRA_TAB, MainActivity.TAB_MEETINGS)) { hasText(it, ShellLabels.IMPORT_FILE) }
        val before = buttons(activity)

        tap(activity, ShellLabels.IMPORT_FILE)
        val pick = shadowOf(activity).nextStartedActivityForResult
        assertEquals(Intent.ACTION_OPEN_DOCUMENT, pick.intent.action)
        shadowOf(activity).receiveResult(pick.intent, Activity.RESULT_OK, Intent().setData(document))
        settle(activity)

        // Core's preview: a zone to choose (the list names none) and then the confirmation, each a new button.
        repeat(2) {
            val fresh = buttons(activity) - before
            if (fresh.isNotEmpty() && withVault { it.meetings() }.isEmpty()) {
                tap(activity, fresh.first())
                settle(activity)
            }
        }
        val names = withVault { v -> v.meetings().map { it.name } }
        assertEquals(listOf("Tuesday Night Hope"), names)
    }

    private fun buttons(activity: Activity): Set<String> =
        views(activity).filterIsInstance<Button>().filter { it.isShown }.map { it.text.toString() }.toSet()

    private companion object {
        const val FEED = """[{"name": "Tuesday Night Hope", "slug": "tuesday-night-hope", "day": 2, "time": "19:30",
            "end_time": "20:30", "timezone": "America/Chicago", "location": "Community Hall",
            "address": "1 Main St", "city": "Springfield", "state": "IL", "country": "US", "types": ["O"]}]"""
    }
}
