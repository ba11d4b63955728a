package org.oneday.android.present

/**
 * What the import form shows after a preview: core's preview to confirm, or, when the list names no
 * time zone and none is known for it, the question of its zone. A list is never given a zone the
 * person did not choose (never the phone's, never UTC).
 */
sealed interface ImportStep {
    /** Core previewed the import; its confirm button applies it. */
    data class Confirm(
        /** What applying would change, and what to pass when the person confirms. */
        val preview: ImportPreview,
    ) : ImportStep

    /** Core refused the list until a zone is chosen (`ZoneNeeded`); nothing was written. */
    data class ChooseZone(
        /** The question and its answers. */
        val question: ZoneQuestion,
    ) : ImportStep
}

/**
 * The question asked when a list names no time zone: [text], and one button per zone offered:
 * the zone core suggests from the list's coordinates (when it can) and the phone's zone.
 *
 * @property text The question, `This list doesn't say which time zone its meetings are in.`
 * @property choices The zones offered, core's suggestion first.
 */
data class ZoneQuestion(val text: String, val choices: List<ZoneChoice>) {
    /** Building the question from core's refusal. */
    companion object {
        /** The question's text. */
        const val TEXT: String = "This list doesn't say which time zone its meetings are in."

        /**
         * The question offering [suggestedZone] (core's guess from the list's coordinates, `null`
         * when it has none) and [phoneZone]; one button when they are the same zone.
         */
        fun of(suggestedZone: String?, phoneZone: String): ZoneQuestion {
            val suggested = suggestedZone?.let { ZoneChoice("Use $it (where its meetings are)", it) }
            val phone = ZoneChoice("Use this phone's zone, $phoneZone", phoneZone)
            return ZoneQuestion(TEXT, listOfNotNull(suggested, phone.takeIf { phoneZone != suggestedZone }))
        }
    }
}

/**
 * One answer to a [ZoneQuestion].
 *
 * @property label The button's label, `Use America/Los_Angeles (where its meetings are)`.
 * @property zone The IANA zone to preview and import the list with.
 */
data class ZoneChoice(val label: String, val zone: String)
