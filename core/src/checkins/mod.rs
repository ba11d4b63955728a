//! Daily check-ins (mood, craving, symptoms, medication, sleep, journal, gratitude) and their trends.
