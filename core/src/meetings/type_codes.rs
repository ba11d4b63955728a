//! Meeting Guide type codes and their English labels.
//!
//! The table is the Meeting Guide specification's `data/types.json` (code4recovery/spec, MIT), English
//! column only, plus the proposed codes of `data/proposed-new.json`. Codes are matched exactly after
//! upper-casing (the spec's codes are upper case except `12x12`, matched case-insensitively too). Some
//! programmes give codes other meanings (Al-Anon's `AC` and `POA`): the label is the spec's, the code
//! is kept as the feed wrote it, so a shell that knows the programme can relabel it.

/// `(code, English label)` for every code in the specification, sorted by code.
pub const MEETING_GUIDE_TYPES: &[(&str, &str)] = &[
    ("11", "11th Step Meditation"),
    ("12x12", "12 Steps & 12 Traditions"),
    ("A", "Secular"),
    ("ABSI", "As Bill Sees It"),
    ("AF", "Afrikaans"),
    ("AL", "Concurrent with Alateen"),
    ("AL-AN", "Concurrent with Al-Anon"),
    ("AM", "Amharic"),
    ("AR", "Arabic"),
    ("ASL", "American Sign Language"),
    ("B", "Big Book"),
    ("BA", "Babysitting Available"),
    ("BE", "Newcomer"),
    ("BG", "Bulgarian"),
    ("BI", "Bisexual"),
    ("BRK", "Breakfast"),
    ("BV-I", "Blind / Visually Impaired"),
    ("C", "Closed"),
    ("CAN", "Candlelight"),
    ("CF", "Child-Friendly"),
    ("D", "Discussion"),
    ("D-HOH", "Deaf / Hard of Hearing"),
    ("DA", "Danish"),
    ("DB", "Digital Basket"),
    ("DD", "Dual Diagnosis"),
    ("DE", "German"),
    ("DR", "Daily Reflections"),
    ("EL", "Greek"),
    ("EN", "English"),
    ("FA", "Persian"),
    ("FF", "Fragrance Free"),
    ("FI", "Finnish"),
    ("FR", "French"),
    ("G", "Gay"),
    ("GR", "Grapevine"),
    ("H", "Birthday"),
    ("HE", "Hebrew"),
    ("HI", "Hindi"),
    ("HR", "Croatian"),
    ("HU", "Hungarian"),
    ("IS", "Icelandic"),
    ("ITA", "Italian"),
    ("JA", "Japanese"),
    ("KA", "Georgian"),
    ("KOR", "Korean"),
    ("L", "Lesbian"),
    ("LGBTQ", "LGBTQ"),
    ("LIT", "Literature"),
    ("LO-I", "Loners / Isolationists"),
    ("LS", "Living Sober"),
    ("LT", "Lithuanian"),
    ("M", "Men"),
    ("MED", "Meditation"),
    ("ML", "Malayalam"),
    ("MT", "Maltese"),
    ("N", "Native American"),
    ("NB", "Non-Binary"),
    ("NDG", "Indigenous"),
    ("NE", "Nepali"),
    ("NL", "Dutch"),
    ("NO", "Norwegian"),
    ("O", "Open"),
    ("OUT", "Outdoor"),
    ("P", "Professionals"),
    ("POA", "Proof of Attendance"),
    ("POC", "People of Color"),
    ("POL", "Polish"),
    ("POR", "Portuguese"),
    ("PUN", "Punjabi"),
    ("QSL", "Quebec Sign Language"),
    ("RSL", "Russian Sign Language"),
    ("RUS", "Russian"),
    ("S", "Spanish"),
    ("SEN", "Seniors"),
    ("SK", "Slovak"),
    ("SL", "Slovenian"),
    ("SM", "Smoking Permitted"),
    ("SP", "Speaker"),
    ("ST", "Step Study"),
    ("SV", "Swedish"),
    ("T", "Transgender"),
    ("TC", "Location Temporarily Closed"),
    ("TH", "Thai"),
    ("TL", "Tagalog"),
    ("TR", "Tradition Study"),
    ("TUR", "Turkish"),
    ("UK", "Ukrainian"),
    ("W", "Women"),
    ("X", "Wheelchair Access"),
    ("XB", "Wheelchair-Accessible Bathroom"),
    ("XT", "Cross Talk Permitted"),
    ("Y", "Young People"),
];

/// The English label of a Meeting Guide type code, if the specification defines it.
pub fn label(code: &str) -> Option<&'static str> {
    if code.eq_ignore_ascii_case("ONL") {
        // Used by feeds from before the spec replaced it with `conference_url`.
        return Some("Online Meeting");
    }
    MEETING_GUIDE_TYPES
        .iter()
        .find(|(c, _)| c.eq_ignore_ascii_case(code))
        .map(|(_, l)| *l)
}

/// The code whose English label is `label` (case-insensitive), for feeds that write `"[open]"`.
pub fn code_for_label(label: &str) -> Option<&'static str> {
    MEETING_GUIDE_TYPES
        .iter()
        .find(|(_, l)| l.eq_ignore_ascii_case(label))
        .map(|(c, _)| *c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_codes_have_labels() {
        assert_eq!(label("O"), Some("Open"));
        assert_eq!(label("c"), Some("Closed"));
        assert_eq!(label("TC"), Some("Location Temporarily Closed"));
        assert_eq!(label("D-HOH"), Some("Deaf / Hard of Hearing"));
        assert_eq!(label("NA"), None);
        assert_eq!(code_for_label("open"), Some("O"));
        assert_eq!(code_for_label("closed"), Some("C"));
    }
}
