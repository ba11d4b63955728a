package org.oneday.android

import android.app.Activity
import java.util.concurrent.ExecutorService
import java.util.concurrent.Executors

/**
 * One background thread for the screens' calls into core (disk, Keystore, Argon2id, the feed download),
 * so the main thread never waits on them. One thread: the calls run in the order they were made.
 */
internal object Background {
    private val worker: ExecutorService = Executors.newSingleThreadExecutor { r -> Thread(r, "oneday-core") }

    /** Runs [work] in the background, then [done] with its result on [activity]'s main thread (if still there). */
    fun <T> run(activity: Activity, work: () -> T, done: (T) -> Unit) {
        worker.execute {
            val result = work()
            activity.runOnUiThread { if (!activity.isDestroyed) done(result) }
        }
    }
}
