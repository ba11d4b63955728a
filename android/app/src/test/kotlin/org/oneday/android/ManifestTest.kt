package org.oneday.android

import java.io.File
import javax.xml.XMLConstants
import javax.xml.parsers.DocumentBuilderFactory
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.w3c.dom.Document
import org.w3c.dom.Element

/**
 * The manifest and the XML resources it points to, read as plain XML (no aapt2 here): what leaves the
 * device (backup, transfer, network), which permissions the app holds, which components other apps can
 * reach, and that every resource and class the XML names exists.
 *
 * The app's `src/main` folder comes from the system property `oneday.android.main` (set by
 * tests/android/run.sh); run from the repository root, the default path works too.
 */
class ManifestTest {
    private val main = File(System.getProperty("oneday.android.main") ?: "android/app/src/main")
    private val manifest = parse(File(main, "AndroidManifest.xml"))
    private val application = manifest.documentElement.children("application").single()

    @Test
    fun `backup is off and both data extraction paths exclude every domain`() {
        assertEquals("false", application.android("allowBackup"))
        assertEquals("false", application.android("fullBackupContent"))
        assertEquals("@xml/data_extraction_rules", application.android("dataExtractionRules"))

        val rules = parse(resourceFile("@xml/data_extraction_rules")).documentElement
        assertEquals("data-extraction-rules", rules.tagName)
        assertEquals(setOf("cloud-backup", "device-transfer"), rules.children().map { it.tagName }.toSet())
        for (section in rules.children()) {
            val entries = section.children()
            assertTrue(entries.all { it.tagName == "exclude" }, "${section.tagName} may only exclude")
            assertEquals(
                ALL_BACKUP_DOMAINS,
                entries.filter { it.getAttribute("path") == "." }.map { it.getAttribute("domain") }.toSet(),
                "${section.tagName} must exclude the whole of every domain",
            )
        }
    }

    @Test
    fun `the app holds exactly the permissions it explains`() {
        val requested = manifest.documentElement.children()
            .filter { it.tagName.startsWith("uses-permission") }
            .map { it.tagName to it.android("name") }
        assertEquals(EXPECTED_PERMISSIONS.map { "uses-permission" to it }.toSet(), requested.toSet())
        assertEquals(requested.size, requested.toSet().size, "a permission is listed twice")
        assertTrue(manifest.documentElement.children("permission").isEmpty(), "the app defines no permissions")
        val telephony = manifest.documentElement.children("uses-feature")
            .single { it.android("name") == "android.hardware.telephony" }
        assertEquals("false", telephony.android("required"), "phones without telephony can still dial")
    }

    @Test
    fun `only the allowlisted components are exported, and each says so explicitly`() {
        val components = components()
        for (c in components) {
            assertTrue(c.android("exported") in setOf("true", "false"), "${c.android("name")} must set exported")
        }
        val exported = components.filter { it.android("exported") == "true" }.map { it.android("name") }.toSet()
        assertEquals(EXPORTED_ALLOWLIST, exported)
        val widget = components.single { it.android("name") == "org.oneday.android.DaysCleanWidget" }
        assertEquals("android.permission.BIND_APPWIDGET", widget.android("permission"))
        assertTrue(components.none { it.tagName in setOf("provider", "service", "activity-alias") })
    }

    @Test
    fun `no activity answers an intent filter except the launcher entry`() {
        val activities = application.children("activity")
        val withFilters = activities.filter { it.children("intent-filter").isNotEmpty() }
        assertEquals(listOf("org.oneday.android.MainActivity"), withFilters.map { it.android("name") })
        val filter = withFilters.single().children("intent-filter").single()
        assertEquals(listOf("android.intent.action.MAIN"), filter.children("action").map { it.android("name") })
        assertEquals(
            listOf("android.intent.category.LAUNCHER"),
            filter.children("category").map { it.android("name") },
        )
        assertTrue(filter.children("data").isEmpty())
    }

    @Test
    fun `receivers listen only to the system broadcasts they need`() {
        val actions = application.children("receiver").associate { r ->
            r.android("name") to r.children("intent-filter").flatMap { it.children("action") }.map { it.android("name") }
        }
        assertEquals(
            mapOf(
                "org.oneday.android.ReminderReceiver" to emptyList(),
                "org.oneday.android.RescheduleReceiver" to listOf(
                    "android.intent.action.BOOT_COMPLETED",
                    "android.intent.action.MY_PACKAGE_REPLACED",
                    "android.intent.action.TIMEZONE_CHANGED",
                    "android.intent.action.TIME_SET",
                ),
                "org.oneday.android.DaysCleanWidget" to listOf("android.appwidget.action.APPWIDGET_UPDATE"),
            ),
            actions,
        )
    }

    @Test
    fun `no clear-text traffic is allowed anywhere`() {
        assertEquals("false", application.android("usesCleartextTraffic"))
        val all = manifest.getElementsByTagName("*")
        for (i in 0 until all.length) {
            val e = all.item(i) as Element
            assertFalse(e.android("usesCleartextTraffic") == "true", "${e.tagName} allows clear text")
            assertFalse(e.android("debuggable") == "true", "${e.tagName} is debuggable")
        }
        assertEquals("", application.android("networkSecurityConfig"), "no config that could re-allow clear text")
    }

    @Test
    fun `the call-sponsor shortcut reaches the unexported shortcut activity of this app`() {
        val launcher = application.children("activity").single { it.android("name") == "org.oneday.android.MainActivity" }
        val meta = launcher.children("meta-data").single { it.android("name") == "android.app.shortcuts" }
        val shortcuts = parse(resourceFile(meta.android("resource"))).documentElement.children("shortcut")
        val intent = shortcuts.single { it.android("shortcutId") == "call_sponsor" }.children("intent").single()
        assertEquals(APP_ID, intent.android("targetPackage"))
        val target = intent.android("targetClass")
        assertTrue(intent.android("action").isNotEmpty(), "a static shortcut needs an action")
        val activity = application.children("activity").single { it.android("name") == target }
        assertEquals("false", activity.android("exported"))
    }

    @Test
    fun `every resource the manifest and res-xml name exists`() {
        val files = listOf(File(main, "AndroidManifest.xml")) + File(main, "res/xml").listFiles()!!.toList()
        val references = files.flatMap { f -> REFERENCE.findAll(f.readText()).map { f.name to it.value } }
        assertTrue(references.size >= 8, "expected the manifest's and the widget's references, got $references")
        for ((file, ref) in references) {
            assertTrue(resourceExists(ref), "$file names $ref, which is not in res/")
        }
    }

    @Test
    fun `every component the manifest names is a class in the app's sources`() {
        val sources = File(main, "kotlin/org/oneday/android").listFiles { f -> f.name.endsWith(".kt") }!!
            .joinToString("\n") { it.readText() }
        for (name in components().map { it.android("name") }) {
            assertTrue(name.startsWith("$APP_ID."), "$name must be named in full, in $APP_ID")
            val simple = name.removePrefix("$APP_ID.")
            assertTrue(Regex("""\bclass\s+$simple\b""").containsMatchIn(sources), "no class $simple for $name")
        }
    }

    private fun components(): List<Element> =
        application.children().filter { it.tagName in setOf("activity", "activity-alias", "service", "receiver", "provider") }

    /** `@xml/name` -> res/xml/name.xml (only the types the app uses as files). */
    private fun resourceFile(reference: String): File {
        val (type, name) = reference.removePrefix("@").split("/", limit = 2)
        return File(main, "res/$type/$name.xml")
    }

    private fun resourceExists(reference: String): Boolean {
        val (type, name) = reference.removePrefix("@").split("/", limit = 2)
        return when (type) {
            "string" -> strings().contains(name)
            else -> resourceFile(reference).isFile
        }
    }

    private fun strings(): Set<String> =
        parse(File(main, "res/values/strings.xml")).documentElement.children("string").map { it.getAttribute("name") }.toSet()

    private companion object {
        const val ANDROID_NS = "http://schemas.android.com/apk/res/android"
        const val APP_ID = "org.oneday.android"

        /** App resources (framework ones, `@android:...`, are not matched): `@type/name`. */
        val REFERENCE = Regex("""@(string|xml|drawable|layout|mipmap|color|dimen)/[a-z0-9_]+""")

        val EXPECTED_PERMISSIONS = setOf(
            "android.permission.INTERNET",
            "android.permission.CALL_PHONE",
            "android.permission.POST_NOTIFICATIONS",
            "android.permission.SCHEDULE_EXACT_ALARM",
            "android.permission.RECEIVE_BOOT_COMPLETED",
            "android.permission.USE_BIOMETRIC",
        )

        val EXPORTED_ALLOWLIST = setOf("org.oneday.android.MainActivity", "org.oneday.android.DaysCleanWidget")

        val ALL_BACKUP_DOMAINS = setOf(
            "root", "file", "database", "sharedpref", "external",
            "device_root", "device_file", "device_database", "device_sharedpref",
        )

        fun parse(file: File): Document {
            val factory = DocumentBuilderFactory.newInstance()
            factory.isNamespaceAware = true
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true)
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true)
            return factory.newDocumentBuilder().parse(file)
        }

        fun Element.android(attribute: String): String = getAttributeNS(ANDROID_NS, attribute)

        fun Element.children(tag: String? = null): List<Element> {
            val nodes = childNodes
            return (0 until nodes.length).map { nodes.item(it) }.filterIsInstance<Element>()
                .filter { tag == null || it.tagName == tag }
        }
    }
}
