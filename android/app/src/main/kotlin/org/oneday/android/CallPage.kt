package org.oneday.android

import android.widget.LinearLayout
import org.oneday.android.present.CallModel
import org.oneday.android.present.CallRow
import org.oneday.android.present.CallScreen
import org.oneday.android.present.Outcome
import org.oneday.ffi.CallChannel
import org.oneday.ffi.Vault

/**
 * The Call tab: core's headline and one big button for whoever core's plan puts first, then the
 * fallbacks in core's order, the crisis line pinned at the bottom, and the region hint. Calls go out
 * through [CallLauncher] (ACTION_CALL when allowed, else the dialer).
 */
internal class CallPage(private val host: MainActivity, vault: Vault) {
    private val model = CallModel(vault)

    /** Loads the call plan in the background and adds it to [into]. */
    fun show(into: LinearLayout, texting: Boolean = false) {
        Background.run(host, { if (texting) model.text() else model.call() }) { outcome ->
            into.removeAllViews()
            when (outcome) {
                is Outcome.Done -> screen(into, outcome.value, texting)
                is Outcome.Refused -> into.addView(Views.text(host, outcome.message.text))
            }
        }
    }

    private fun screen(into: LinearLayout, s: CallScreen, texting: Boolean) {
        into.addView(Views.heading(host, s.headline, 24f))
        s.launchUri?.let { uri ->
            val label = if (s.channel == CallChannel.SMS) ShellLabels.TEXT_NOW else ShellLabels.CALL_NOW
            into.addView(Views.button(host, label) { CallLauncher.launch(host, uri) }.apply { textSize = 24f })
        }
        s.regionHint?.let { into.addView(Views.text(host, it)) }
        s.fallbacks.forEach { into.addView(row(it)) }
        s.crisisRow?.let { into.addView(row(it)) }
        into.addView(
            Views.button(host, if (texting) ShellLabels.CALL_INSTEAD else ShellLabels.TEXT_INSTEAD) {
                show(into, !texting)
            },
        )
        if (!texting && !CallLauncher.canPlaceCalls(host)) {
            into.addView(Views.button(host, ShellLabels.ALLOW_DIRECT_CALLS) { host.askCallPermission() })
        }
    }

    private fun row(r: CallRow): LinearLayout {
        val column = LinearLayout(host).apply { orientation = LinearLayout.VERTICAL }
        val uri = r.uri
        if (uri != null) {
            column.addView(Views.button(host, r.label) { CallLauncher.launch(host, uri) })
        } else {
            column.addView(Views.text(host, r.label, 18f))
        }
        listOfNotNull(r.number, r.detail).forEach { column.addView(Views.text(host, it, 14f)) }
        return column
    }
}
