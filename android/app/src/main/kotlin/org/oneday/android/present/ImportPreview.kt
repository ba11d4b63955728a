package org.oneday.android.present

import org.oneday.ffi.MeetingImportPreview

/**
 * What importing a meeting list would do, shown before anything is written: core's preview
 * (`previewMeetingImport`) in the words of [ImportSummary], with the choice the person must make
 * when the import would remove most of the list (core's rule: [replace] is core's `needsReplace`).
 *
 * @property summary What would change, `Ready to import “home”: 4 of 4 meetings kept.` first.
 * @property warning Why the import needs a choice, or `null` when it does not.
 * @property confirmLabel The label of the button that applies it.
 * @property replace What to pass as `replace` when the person presses that button.
 */
data class ImportPreview(
    val summary: ImportSummary,
    val warning: String?,
    val confirmLabel: String,
    val replace: Boolean,
) {
    /** The preview as one text: the warning first when there is one. */
    val text: String get() = listOfNotNull(warning, summary.text).joinToString("\n")

    /** Building the preview from core's answer. */
    companion object {
        /** The preview of one import. */
        fun of(p: MeetingImportPreview): ImportPreview {
            val summary = ImportSummary.of("Ready to import “${p.source}”", p.counts, p.report)
            if (!p.needsReplace) return ImportPreview(summary, null, "Import", false)
            return ImportPreview(
                summary,
                "This would remove ${p.counts.vanished} of the ${p.listedBefore} meetings of “${p.source}”. " +
                    "Meetings you saved or added a note to are kept.",
                "Replace the list",
                true,
            )
        }
    }
}
