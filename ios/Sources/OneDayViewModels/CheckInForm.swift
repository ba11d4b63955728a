import OneDay

/// The state of the check-in form for one day. Values are kept as the user set them; core checks
/// them on save (mood 1 to 5, craving 0 to 10, hours 0 to 24, ...) and its refusal is shown as is.
public struct CheckInForm: Equatable, Sendable {
    /// The day it is for.
    public var date: LocalDate
    /// 1 (very low) to 5 (very good), or unset.
    public var mood: UInt8?
    /// 0 (none) to 10 (strongest), or unset.
    public var craving: UInt8?
    /// The symptoms ticked, by name.
    public var symptoms: [String]
    /// Whether prescribed medication was taken, or unset.
    public var medication: Medication?
    /// Hours slept, or unset.
    public var hoursSlept: Double?
    /// A short journal line, or unset.
    public var journal: String?
    /// Things the user is grateful for.
    public var gratitude: [String]
    /// The user's own symptom list, to tick from.
    public var symptomChoices: [String]
    /// Whether this day already has a saved check-in (the form then edits it).
    public var saved: Bool

    /// An empty form for a day, with the user's symptom list.
    public init(date: LocalDate, symptomChoices: [String] = []) {
        self.date = date
        self.mood = nil
        self.craving = nil
        self.symptoms = []
        self.medication = nil
        self.hoursSlept = nil
        self.journal = nil
        self.gratitude = []
        self.symptomChoices = symptomChoices
        self.saved = false
    }

    /// The form showing a check-in as core saved it, with the user's symptom list.
    public static func of(_ checkIn: CheckIn, symptomChoices: [String]) -> CheckInForm {
        var form = CheckInForm(date: checkIn.date, symptomChoices: symptomChoices)
        form.mood = checkIn.mood
        form.craving = checkIn.craving
        form.symptoms = checkIn.symptoms
        form.medication = checkIn.medication
        form.hoursSlept = checkIn.hoursSlept
        form.journal = checkIn.journal
        form.gratitude = checkIn.gratitude
        form.saved = true
        return form
    }

    /// The record core checks and saves.
    public func toCheckIn() -> CheckIn {
        CheckIn(
            date: date, mood: mood, craving: craving, symptoms: symptoms, medication: medication, hoursSlept: hoursSlept,
            journal: journal, gratitude: gratitude)
    }
}
