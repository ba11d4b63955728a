package org.oneday.android

import android.app.Activity
import android.app.Dialog
import android.os.Build
import android.os.Bundle
import android.view.WindowManager

/**
 * The base of every activity: its window is FLAG_SECURE (no screenshots, no screen recording, a blank
 * card in Recents) from before anything is drawn, and Android 13+ is told not to keep a Recents
 * screenshot at all. Dialogs are windows of their own: show them through [showSecure].
 */
abstract class SecureActivity : Activity() {
    override fun onCreate(savedInstanceState: Bundle?) {
        window.setFlags(WindowManager.LayoutParams.FLAG_SECURE, WindowManager.LayoutParams.FLAG_SECURE)
        if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.TIRAMISU) setRecentsScreenshotEnabled(false)
        super.onCreate(savedInstanceState)
    }

    /** Shows [dialog] with FLAG_SECURE on its own window too. */
    fun showSecure(dialog: Dialog) {
        dialog.window?.setFlags(WindowManager.LayoutParams.FLAG_SECURE, WindowManager.LayoutParams.FLAG_SECURE)
        dialog.show()
    }
}
