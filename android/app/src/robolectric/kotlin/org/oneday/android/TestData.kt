package org.oneday.android

import java.time.LocalDate
import java.time.ZoneId
import org.oneday.ffi.ContactRole
import org.oneday.ffi.CounterKind
import org.oneday.ffi.CounterSettings
import org.oneday.ffi.CountingMode
import org.oneday.ffi.MilestoneProfile
import org.oneday.ffi.NewContact

/** What the Robolectric tests put into vaults. */
object TestData {
    /** Today in the zone the app uses (the JVM's default). */
    fun today(): LocalDate = LocalDate.now(ZoneId.systemDefault())

    /** The date [days] days before today. */
    fun daysAgo(days: Long): LocalDate = today().minusDays(days)

    /** A substance counter with NA key tags, counting completed days. */
    fun counter(label: String): CounterSettings = CounterSettings(
        label = label,
        kind = CounterKind.SUBSTANCE,
        counting = CountingMode.COMPLETED_DAYS,
        profile = MilestoneProfile.NaKeyTags,
    )

    /** A contact; [role] sponsor unless told otherwise. */
    fun contact(name: String, phone: String, role: ContactRole = ContactRole.SPONSOR, sms: Boolean = true): NewContact =
        NewContact(name = name, role = role, phone = phone, smsAllowed = sms)
}
