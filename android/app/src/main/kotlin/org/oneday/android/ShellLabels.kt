package org.oneday.android

/**
 * The fixed labels of the shell's own controls (tabs, buttons, the unlock and recovery steps). Plain
 * Kotlin with no Android import, kept together so they can move to the presentation code (or to
 * translated resources) as a whole. Everything a screen says about the user's data is worded by the
 * presentation code or by core, never here.
 */
internal object ShellLabels {
    const val TAB_TODAY = "Today"
    const val TAB_MEETINGS = "Meetings"
    const val TAB_CALL = "Call"
    const val TAB_PLAN = "Plan"
    const val TAB_CHECK_IN = "Check-in"

    const val TRY_AGAIN = "Try again"
    const val UNLOCK = "Unlock"
    const val NO_SCREEN_LOCK = "This phone has no screen lock, so One Day cannot lock itself. " +
        "Set a PIN, pattern or password in the phone's settings to protect it."

    const val RECOVERY_TITLE = "Enter your recovery code"
    const val RECOVERY_WHY = "This phone no longer has the key that opens One Day (a new phone, a restored " +
        "backup or a reset of the phone's security). Your recovery code opens it and sets up this phone again."
    const val RECOVERY_HINT = "XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX"
    const val RECOVERY_OPEN = "Open"
    const val CODE_TITLE = "Your recovery code"
    const val CODE_WHY = "Write it down and keep it somewhere safe. It is shown only now. It opens One Day " +
        "if this phone loses its key or you move to a new phone; nobody else has a copy."
    const val CODE_DONE = "I have written it down"

    const val RESET = "Start again"
    const val NOTE_DONE = "OK"

    const val OPEN_LINK = "Join online"
    const val DIAL_IN = "Dial in"
    const val WENT = "I went"
    const val FIND_TITLE = "Find and save meetings"
    const val FIND_HINT = "Name, place or group (empty: all)"
    const val FIND = "Find"
    const val SAVE_MEETING = "Save"
    const val UNSAVE_MEETING = "Remove from my meetings"
    const val IMPORT_TITLE = "Import a meeting list"
    const val IMPORT_NAME_HINT = "A name for this list"
    const val IMPORT_URL_HINT = "https://… (the list's address)"
    const val IMPORT_FILE = "Import a file…"
    const val IMPORT_URL = "Download and import"
    const val FORMAT_MEETING_GUIDE = "Meeting Guide (AA)"
    const val FORMAT_BMLT = "BMLT (NA)"
    const val DOWNLOAD_FAILED = "The list could not be downloaded. Check the address and the connection."
    const val READ_FAILED = "The file could not be read."
    const val NO_APP = "No app on this phone can open this."

    const val CALL_NOW = "Call"

    /** The heading over the region's drug and alcohol helplines, apart from one tap. */
    const val HELPLINES_TITLE = "Drug and alcohol helplines"
    const val TEXT_NOW = "Text"
    const val TEXT_INSTEAD = "Text instead"
    const val CALL_INSTEAD = "Call instead"
    const val ALLOW_DIRECT_CALLS = "Let One Day place calls directly"

    const val SAFETY_PLAN = "Safety plan"
    const val RELAPSE_PLAN = "Relapse-prevention plan"

    const val MOOD = "Mood (1 very low – 5 very good)"
    const val CRAVING = "Craving (0 none – 10 strongest)"
    const val SYMPTOMS = "Symptoms"
    const val SLEEP_HINT = "Hours slept"
    const val JOURNAL_HINT = "A line for today (only you can read it)"
    const val SAVE = "Save"
    const val CANCEL = "Cancel"

    const val ADD_CONTACT = "Add a contact"
    const val EDIT_CONTACT = "Edit"
    const val REMOVE_CONTACT = "Remove"
    const val REMOVE = "Remove"
    const val MOVE_UP = "Move up"
    const val MOVE_DOWN = "Move down"
    const val CONTACT_NAME_HINT = "Name (a first name or an initial is enough)"
    const val CONTACT_PHONE_HINT = "Phone number"
    const val CONTACT_SMS_OK = "Texting them is OK"
    const val REGION_TITLE = "Your region (for crisis lines)"
    const val SET_REGION = "Set region"

    const val ADD_ENTRY = "Add"
    const val NO_LINK = "No contact"
    const val LINK_CONTACT = "Link a contact"
    const val PERSON = "Person"
    const val PLACE = "Place"
    const val COPING_HINT = "What I do when it comes up"
    const val MENTAL_HEALTH = "A mental-health sign"

    const val REMINDER = "Reminder…"

    const val TAB_SETTINGS = "Settings"
    const val TRENDS = "Trends"
}
