package org.oneday.android.present

import org.oneday.ffi.Milestone

/**
 * A key tag or chip as the view draws it: the milestone's name and colour from core, and the colour
 * as a hex value the view can paint.
 *
 * @property name The milestone's label from core: `Welcome`, `30 days`, `1 year`.
 * @property colourName The colour's name from core (`orange`, `glow-in-the-dark`), or the user's own
 *   for AA chips; `null` when the profile has none.
 * @property colourHex `#RRGGBB` for a colour name this table knows; `null` for none or an unknown
 *   name (the view then shows [colourName] as text).
 */
data class KeyTag(val name: String, val colourName: String?, val colourHex: String?) {
    /** How to say it: `1 year (glow-in-the-dark)`, or just `24 hours` without a colour. */
    val text: String get() = if (colourName == null) name else "$name ($colourName)"

    /** Building key tags from core's milestones. */
    companion object {
        /** The key tag of a milestone core computed. */
        fun of(milestone: Milestone): KeyTag =
            KeyTag(milestone.label, milestone.colour, milestone.colour?.let(KeyTagColours::hex))
    }
}

/**
 * Paint for the colour names of key tags and chips. A colour name is core's (NA key tags) or the
 * user's (AA chips); this only says how to draw it.
 */
object KeyTagColours {
    private val byName: Map<String, String> = mapOf(
        "white" to "#FFFFFF",
        "orange" to "#F28C28",
        "green" to "#2E8B57",
        "red" to "#C62828",
        "blue" to "#1E5AA8",
        "yellow" to "#F4C430",
        "glow-in-the-dark" to "#D4F7C5",
        "grey" to "#8C8C8C",
        "gray" to "#8C8C8C",
        "black" to "#000000",
        "bronze" to "#CD7F32",
        "silver" to "#C0C0C0",
        "gold" to "#D4AF37",
        "purple" to "#6A3D9A",
        "pink" to "#E91E63",
    )

    /** `#RRGGBB` for [name] (any case, surrounding blanks ignored), or `null` when unknown. */
    fun hex(name: String): String? = byName[name.trim().lowercase()]
}
