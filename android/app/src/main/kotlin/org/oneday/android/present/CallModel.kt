package org.oneday.android.present

import org.oneday.ffi.CallChannel
import org.oneday.ffi.CallPlan
import org.oneday.ffi.CallReason
import org.oneday.ffi.CallTarget
import org.oneday.ffi.DirectCalls
import org.oneday.ffi.PreparedMessage
import org.oneday.ffi.Vault

/**
 * One person or line on the Call screen, as core's plan names it.
 *
 * @property label `Sam (sponsor)`, `Samaritans (crisis line)`, `999 (emergency number)`,
 *   `SAMHSA National Helpline (drug and alcohol helpline)`.
 * @property number The number to show; `null` for "your local emergency number".
 * @property detail What an emergency number reaches, when core says.
 * @property uri The `tel:` or `sms:` URI to launch; `null` when there is no number to launch.
 * @property reason Why core put it in the plan.
 */
data class CallRow(
    val label: String,
    val number: String?,
    val detail: String?,
    val uri: String?,
    val reason: CallReason,
) {
    /** Building rows from core's targets. */
    companion object {
        /** The row of one target. */
        fun of(t: CallTarget): CallRow = CallRow(t.label, t.number, t.services, t.uri, t.reason)
    }
}

/**
 * The Call screen (or the Text screen): who one tap reaches first and who after them, all decided by
 * core's plan (each number once, the crisis row, direct calling); this only turns targets into rows.
 *
 * @property channel Calls or texts.
 * @property headline Core's line: `Calling Sam (sponsor)`, `Call your local emergency number`.
 * @property launchUri The URI one tap launches; `null` when there is none (no region, or nobody to
 *   text): the screen then shows the headline and the rows only.
 * @property target The first row, when there is one.
 * @property fallbacks Everyone else to try, in core's order, without [crisisRow].
 * @property crisisRow Core's crisis row: the first crisis line or emergency number after the target,
 *   pinned at the bottom.
 * @property regionHint What core says about the user's region, such as asking them to set it.
 * @property helplines The region's drug and alcohol helplines, shown apart under their own heading:
 *   core never puts them in one tap's order.
 * @property placesCallDirectly Whether one tap places the call itself (core's answer, given what the
 *   app may do).
 * @property offersDirectCalls Whether to offer letting One Day place calls itself.
 */
data class CallScreen(
    val channel: CallChannel,
    val headline: String,
    val launchUri: String?,
    val target: CallRow?,
    val fallbacks: List<CallRow>,
    val crisisRow: CallRow?,
    val regionHint: String?,
    val helplines: List<CallRow>,
    val placesCallDirectly: Boolean,
    val offersDirectCalls: Boolean,
) {
    /** Building the screen from core's plan. */
    companion object {
        /** The screen of one plan. */
        fun of(plan: CallPlan): CallScreen = CallScreen(
            channel = plan.channel,
            headline = plan.headline,
            launchUri = plan.target?.uri,
            target = plan.target?.let(CallRow::of),
            fallbacks = plan.otherFallbacks.map(CallRow::of),
            crisisRow = plan.crisisRow?.let(CallRow::of),
            regionHint = plan.regionHint,
            helplines = plan.helplines.map(CallRow::of),
            placesCallDirectly = plan.placesCallDirectly,
            offersDirectCalls = plan.offersDirectCalls,
        )
    }
}

/**
 * One tap in a craving or a crisis. Core resolves who to call (sponsor, next in order, crisis line,
 * emergency number) and the URIs; the glue only launches [CallScreen.launchUri].
 *
 * @param vault The open vault.
 */
class CallModel(private val vault: Vault) {
    /** Calling; [direct] is what the app may do with a `tel:` URI (the call permission). */
    fun call(direct: DirectCalls = DirectCalls.UNAVAILABLE): Outcome<CallScreen> =
        outcomeOf { CallScreen.of(vault.callPlan(false, null, direct)) }

    /** Texting, with [message] prepared for contacts (core's "Can you call me?" when `null`). */
    fun text(message: String? = null): Outcome<CallScreen> = outcomeOf { CallScreen.of(vault.callPlan(true, message, null)) }

    /**
     * The prepared messages to choose from, core's default first, then the user's own: each with who
     * one tap texts it to and the `sms:` URI to launch.
     */
    fun messages(): Outcome<List<PreparedMessage>> = outcomeOf { vault.preparedMessages() }
}
