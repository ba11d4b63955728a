package org.oneday.android

import android.content.Context
import android.graphics.Typeface
import android.util.TypedValue
import android.view.View
import android.view.ViewGroup
import android.widget.Button
import android.widget.LinearLayout
import android.widget.TextView

/**
 * Small builders for the screens' framework Views (the app has no XML layouts: android/README.md).
 * Only look and TalkBack semantics live here; every text comes from the presentation code or core.
 */
internal object Views {
    /** [value] density-independent pixels in pixels. */
    fun dp(context: Context, value: Int): Int =
        TypedValue.applyDimension(TypedValue.COMPLEX_UNIT_DIP, value.toFloat(), context.resources.displayMetrics).toInt()

    /** A vertical column with the screen's padding. */
    fun column(context: Context): LinearLayout = LinearLayout(context).apply {
        orientation = LinearLayout.VERTICAL
        val pad = dp(context, 16)
        setPadding(pad, pad, pad, pad)
    }

    /** A horizontal row. */
    fun row(context: Context): LinearLayout = LinearLayout(context).apply { orientation = LinearLayout.HORIZONTAL }

    /** A heading; TalkBack users can jump between headings. */
    fun heading(context: Context, text: String, sizeSp: Float = 20f): TextView = TextView(context).apply {
        this.text = text
        setTextSize(TypedValue.COMPLEX_UNIT_SP, sizeSp)
        setTypeface(typeface, Typeface.BOLD)
        isAccessibilityHeading = true
        setPadding(0, dp(context, 12), 0, dp(context, 4))
    }

    /** A line of body text. */
    fun text(context: Context, text: String, sizeSp: Float = 16f): TextView = TextView(context).apply {
        this.text = text
        setTextSize(TypedValue.COMPLEX_UNIT_SP, sizeSp)
        setPadding(0, dp(context, 2), 0, dp(context, 2))
    }

    /** A button that runs [onClick]. */
    fun button(context: Context, label: String, onClick: () -> Unit): Button = Button(context).apply {
        text = label
        isAllCaps = false
        setOnClickListener { onClick() }
    }

    /** A square of [colour] (`#RRGGBB`) named [description] for TalkBack. */
    fun swatch(context: Context, colour: Int, description: String): View = View(context).apply {
        setBackgroundColor(colour)
        contentDescription = description
        layoutParams = LinearLayout.LayoutParams(dp(context, 24), dp(context, 24)).apply {
            marginEnd = dp(context, 8)
        }
    }

    /** Adds every view to [parent]. */
    fun addAll(parent: ViewGroup, views: List<View>) = views.forEach(parent::addView)
}
