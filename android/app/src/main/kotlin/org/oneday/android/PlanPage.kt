package org.oneday.android

import android.widget.LinearLayout
import org.oneday.android.present.Outcome
import org.oneday.android.present.PlanModel
import org.oneday.android.present.PlanScreen
import org.oneday.ffi.Vault

/** The Plan tab: the safety plan (Stanley-Brown order) or the relapse-prevention plan, with what core finds missing. */
internal class PlanPage(private val host: MainActivity, vault: Vault) {
    private val model = PlanModel(vault)

    /** Loads a plan in the background and adds it to [into]. */
    fun show(into: LinearLayout, relapse: Boolean = false) {
        Background.run(host, { if (relapse) model.relapse() else model.safety() }) { outcome ->
            into.removeAllViews()
            val switch = Views.row(host)
            switch.addView(Views.button(host, ShellLabels.SAFETY_PLAN) { show(into, relapse = false) })
            switch.addView(Views.button(host, ShellLabels.RELAPSE_PLAN) { show(into, relapse = true) })
            into.addView(switch)
            into.addView(Views.heading(host, if (relapse) ShellLabels.RELAPSE_PLAN else ShellLabels.SAFETY_PLAN, 22f))
            when (outcome) {
                is Outcome.Done -> plan(into, outcome.value)
                is Outcome.Refused -> into.addView(Views.text(host, outcome.message.text))
            }
        }
    }

    private fun plan(into: LinearLayout, p: PlanScreen) {
        p.prompt?.let { into.addView(Views.text(host, it, 18f)) }
        for (section in p.sections) {
            into.addView(Views.heading(host, section.title, 18f))
            for (entry in section.entries) {
                val dial = entry.dialUri
                if (dial != null) {
                    into.addView(Views.button(host, entry.text) { CallLauncher.launch(host, dial) })
                } else {
                    into.addView(Views.text(host, entry.text))
                }
                entry.detail?.let { into.addView(Views.text(host, it, 14f)) }
            }
        }
        p.gaps.filter { it != p.prompt }.forEach { into.addView(Views.text(host, it, 14f)) }
    }
}
