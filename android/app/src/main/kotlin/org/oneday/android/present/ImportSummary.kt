package org.oneday.android.present

import org.oneday.ffi.MeetingImport
import org.oneday.ffi.MeetingImportReport
import org.oneday.ffi.MeetingMergeCounts

/**
 * What an import of a meeting list did, in a few lines for one screen. Every number is core's
 * (the store's merge counts and the importer's report).
 *
 * @property headline `Imported “home”: 6 of 6 meetings kept.`
 * @property lines The store's changes, then skips and repairs counted by kind.
 */
data class ImportSummary(val headline: String, val lines: List<String>) {
    /** The summary as one text, headline first. */
    val text: String get() = (listOf(headline) + lines).joinToString("\n")

    /** Building the summary from core's answer. */
    companion object {
        /** The summary of one import. */
        fun of(result: MeetingImport): ImportSummary =
            of("Imported “${result.source}”", result.counts, result.report)

        /** The lines of [counts] and [report] under a headline starting with [subject]. */
        internal fun of(subject: String, c: MeetingMergeCounts, r: MeetingImportReport): ImportSummary {
            val lines = buildList {
                add("${c.added} added, ${c.updated} updated, ${c.unchanged} unchanged.")
                if (c.vanished > 0uL) {
                    add("${c.vanished} no longer listed (${c.vanishedKept} kept because you added something to them).")
                }
                if (r.skipped.isNotEmpty()) add("${r.skipped.size} skipped.")
                if (r.repairedRecords > 0uL) add("${r.repairedRecords} repaired.")
                if (r.droppedDuplicates > 0uL) add("${r.droppedDuplicates} identical copies dropped.")
                r.summary.forEach { add("${it.text} (${it.count})") }
            }
            return ImportSummary("$subject: ${r.kept} of ${r.records} meetings kept.", lines)
        }
    }
}
