//! Milestone profiles (NA key tags, AA chips, a custom list) and the milestones a count reaches.
//!
//! The rules (which milestones, their colours, month-end clamping) are core's
//! (`oneday_core::cleantime::milestones`); these are their FFI shapes.

use oneday_core::cleantime as core;

use crate::dates::LocalDate;

/// A span of calendar time a milestone is measured in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum Span {
    /// N calendar days.
    Days {
        /// How many.
        count: u32,
    },
    /// N calendar months, clamped to the month's end (Jan 31 + 1 month = Feb 28/29).
    Months {
        /// How many.
        count: u32,
    },
    /// N calendar years, clamped to the month's end (Feb 29 + 1 year = Feb 28).
    Years {
        /// How many.
        count: u32,
    },
}

/// Which milestones a counter celebrates.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum MilestoneProfile {
    /// Narcotics Anonymous key tags with their fixed colours: Welcome (white), 30 days (orange),
    /// 60 days (green), 90 days (red), 6 months (blue), 9 months (yellow), 1 year
    /// (glow-in-the-dark), 18 months (grey), then yearly (black).
    NaKeyTags,
    /// Alcoholics Anonymous chips: 24 hours, 30/60/90 days, each month 1 to 11, then yearly. AA
    /// has no official colours, so each chip has the colour the user gave it, if any.
    AaChips {
        /// The user's colour for some chips.
        colours: Vec<ChipColour>,
    },
    /// The user's own list of milestones.
    Custom {
        /// The milestones, in any order; each span at most once, at most 200.
        milestones: Vec<CustomMilestone>,
    },
}

/// The colour a user gives to one AA chip.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ChipColour {
    /// The chip, by its span (24 hours is 1 day; yearly chips are N years).
    pub span: Span,
    /// The colour's name as the user wants it shown, such as "bronze".
    pub colour: String,
}

/// One milestone of a custom list.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CustomMilestone {
    /// How long after the clean date.
    pub span: Span,
    /// The label to show; the span's own name ("100 days") when absent.
    #[uniffi(default = None)]
    pub label: Option<String>,
    /// An optional colour name.
    #[uniffi(default = None)]
    pub colour: Option<String>,
}

/// A milestone with the date a particular count reaches it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Milestone {
    /// How long after the clean date.
    pub span: Span,
    /// What to call it: "Welcome", "24 hours", "30 days", "1 year".
    pub label: String,
    /// The key tag or chip colour, where the profile has one.
    pub colour: Option<String>,
    /// The date it is reached.
    pub date: LocalDate,
}

impl From<Span> for core::Span {
    fn from(s: Span) -> Self {
        match s {
            Span::Days { count } => core::Span::Days(count),
            Span::Months { count } => core::Span::Months(count),
            Span::Years { count } => core::Span::Years(count),
        }
    }
}

impl From<core::Span> for Span {
    fn from(s: core::Span) -> Self {
        match s {
            core::Span::Days(count) => Span::Days { count },
            core::Span::Months(count) => Span::Months { count },
            core::Span::Years(count) => Span::Years { count },
        }
    }
}

impl From<MilestoneProfile> for core::MilestoneProfile {
    fn from(p: MilestoneProfile) -> Self {
        match p {
            MilestoneProfile::NaKeyTags => core::MilestoneProfile::NaKeyTags,
            MilestoneProfile::AaChips { colours } => core::MilestoneProfile::AaChips {
                colours: colours
                    .into_iter()
                    .map(|c| core::ChipColour {
                        span: c.span.into(),
                        colour: c.colour,
                    })
                    .collect(),
            },
            MilestoneProfile::Custom { milestones } => core::MilestoneProfile::Custom {
                milestones: milestones
                    .into_iter()
                    .map(|m| core::CustomMilestone {
                        span: m.span.into(),
                        label: m.label,
                        colour: m.colour,
                    })
                    .collect(),
            },
        }
    }
}

impl From<core::MilestoneProfile> for MilestoneProfile {
    fn from(p: core::MilestoneProfile) -> Self {
        match p {
            core::MilestoneProfile::NaKeyTags => MilestoneProfile::NaKeyTags,
            core::MilestoneProfile::AaChips { colours } => MilestoneProfile::AaChips {
                colours: colours
                    .into_iter()
                    .map(|c| ChipColour {
                        span: c.span.into(),
                        colour: c.colour,
                    })
                    .collect(),
            },
            core::MilestoneProfile::Custom { milestones } => MilestoneProfile::Custom {
                milestones: milestones
                    .into_iter()
                    .map(|m| CustomMilestone {
                        span: m.span.into(),
                        label: m.label,
                        colour: m.colour,
                    })
                    .collect(),
            },
        }
    }
}

impl From<core::Milestone> for Milestone {
    fn from(m: core::Milestone) -> Self {
        Milestone {
            span: m.span.into(),
            label: m.label,
            colour: m.colour,
            date: m.date,
        }
    }
}
