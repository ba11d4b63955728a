//! Milestone profiles (NA key tags, AA chips, a custom list) and the dates a counter reaches them.
//!
//! - NA key tags: Welcome (day 0, white), 30 days orange, 60 days green, 90 days red, 6 months blue,
//!   9 months yellow, 1 year glow-in-the-dark, 18 months grey, then every year from 2 years, black.
//! - AA chips: 24 hours, 30, 60 and 90 days, each month 1 to 11, then every year. AA has no official
//!   chip colours and groups differ, so colours come from the user's own list.
//! - Custom: the user's own list of N days / N months / N years, each with an optional label and colour.
//!
//! A milestone's date comes from [`CountingMode::milestone_date`]; the schedule is sorted by date, and
//! milestones falling on the same date keep the profile's order.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::counting::CountingMode;
use super::error::CleanTimeError;
use super::span::Span;

/// Most milestones a custom list may hold.
pub const MAX_CUSTOM_MILESTONES: usize = 200;

/// Longest label or colour name accepted, in characters.
pub const MAX_NAME_CHARS: usize = 80;

/// Which milestones a counter celebrates.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "profile")]
pub enum MilestoneProfile {
    /// Narcotics Anonymous key tags, with their fixed colours (the default).
    #[default]
    NaKeyTags,
    /// Alcoholics Anonymous chips; colours as the user's group gives them.
    AaChips {
        /// The colour of each chip the user has named one for; chips without one have no colour.
        colours: Vec<ChipColour>,
    },
    /// The user's own list.
    Custom {
        /// The milestones, in any order; each span at most once.
        milestones: Vec<CustomMilestone>,
    },
}

/// The colour a user gives to one AA chip.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChipColour {
    /// The chip, by its span (24 hours is `Days(1)`; yearly chips are `Years(n)`).
    pub span: Span,
    /// The colour's name as the user wants it shown, such as `bronze`.
    pub colour: String,
}

/// One milestone of a custom list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomMilestone {
    /// How long after the clean date.
    pub span: Span,
    /// The label to show; the span's own name (`100 days`) when absent.
    pub label: Option<String>,
    /// An optional colour name.
    pub colour: Option<String>,
}

/// A milestone with the date a particular counter reaches it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Milestone {
    /// How long after the clean date.
    pub span: Span,
    /// What to call it: `Welcome`, `30 days`, `24 hours`, `1 year`.
    pub label: String,
    /// The key tag or chip colour, where the profile has one.
    pub colour: Option<String>,
    /// The civil date it is reached.
    pub date: NaiveDate,
}

/// A milestone of a profile before it is placed on a calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Definition {
    span: Span,
    label: String,
    colour: Option<String>,
}

impl Definition {
    fn new(span: Span, label: impl Into<String>, colour: Option<&str>) -> Self {
        Definition {
            span,
            label: label.into(),
            colour: colour.map(str::to_owned),
        }
    }
}

/// Yearly milestones that repeat without end: from `first_year`, each coloured by `colour(year)`.
struct Yearly<'a> {
    first_year: u32,
    colour: Box<dyn Fn(u32) -> Option<String> + 'a>,
}

impl MilestoneProfile {
    /// Checks a profile a user built: labels and colours non-empty and short, no span twice, at
    /// most [`MAX_CUSTOM_MILESTONES`] custom milestones.
    pub fn validate(&self) -> Result<(), CleanTimeError> {
        match self {
            MilestoneProfile::NaKeyTags => Ok(()),
            MilestoneProfile::AaChips { colours } => {
                let mut spans: Vec<Span> = colours.iter().map(|c| c.span).collect();
                check_unique(&mut spans)?;
                colours.iter().try_for_each(|c| check_name(&c.colour))
            }
            MilestoneProfile::Custom { milestones } => {
                if milestones.len() > MAX_CUSTOM_MILESTONES {
                    return Err(CleanTimeError::TooManyMilestones {
                        max: MAX_CUSTOM_MILESTONES,
                    });
                }
                let mut spans: Vec<Span> = milestones.iter().map(|m| m.span).collect();
                check_unique(&mut spans)?;
                milestones.iter().try_for_each(|m| {
                    m.label.as_deref().map_or(Ok(()), check_name)?;
                    m.colour.as_deref().map_or(Ok(()), check_name)
                })
            }
        }
    }

    /// The profile's milestones that do not repeat, in the profile's own order.
    fn fixed(&self) -> Vec<Definition> {
        match self {
            MilestoneProfile::NaKeyTags => vec![
                Definition::new(Span::Days(0), "Welcome", Some("white")),
                Definition::new(Span::Days(30), "30 days", Some("orange")),
                Definition::new(Span::Days(60), "60 days", Some("green")),
                Definition::new(Span::Days(90), "90 days", Some("red")),
                Definition::new(Span::Months(6), "6 months", Some("blue")),
                Definition::new(Span::Months(9), "9 months", Some("yellow")),
                Definition::new(Span::Years(1), "1 year", Some("glow-in-the-dark")),
                Definition::new(Span::Months(18), "18 months", Some("grey")),
            ],
            MilestoneProfile::AaChips { .. } => {
                let mut chips = vec![
                    Definition::new(Span::Days(1), "24 hours", None),
                    Definition::new(Span::Days(30), "30 days", None),
                    Definition::new(Span::Days(60), "60 days", None),
                    Definition::new(Span::Days(90), "90 days", None),
                ];
                chips.extend(
                    (1..=11)
                        .map(|m| Definition::new(Span::Months(m), Span::Months(m).label(), None)),
                );
                for chip in &mut chips {
                    chip.colour = self.chip_colour(chip.span);
                }
                chips
            }
            MilestoneProfile::Custom { milestones } => milestones
                .iter()
                .map(|m| Definition {
                    span: m.span,
                    label: m.label.clone().unwrap_or_else(|| m.span.label()),
                    colour: m.colour.clone(),
                })
                .collect(),
        }
    }

    /// The yearly milestones that repeat without end, if the profile has them.
    fn yearly(&self) -> Option<Yearly<'_>> {
        match self {
            MilestoneProfile::NaKeyTags => Some(Yearly {
                first_year: 2,
                colour: Box::new(|_| Some("black".to_owned())),
            }),
            MilestoneProfile::AaChips { .. } => Some(Yearly {
                first_year: 1,
                colour: Box::new(move |year| self.chip_colour(Span::Years(year))),
            }),
            MilestoneProfile::Custom { .. } => None,
        }
    }

    fn chip_colour(&self, span: Span) -> Option<String> {
        match self {
            MilestoneProfile::AaChips { colours } => colours
                .iter()
                .find(|c| c.span == span || equivalent_years(c.span, span))
                .map(|c| c.colour.clone()),
            _ => None,
        }
    }

    /// Every milestone a counter with clean date `start` reaches on or before `until`, and the first
    /// one after it (if the profile has one), sorted by date.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use oneday_core::cleantime::{CountingMode, MilestoneProfile};
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let s = MilestoneProfile::NaKeyTags.schedule(d(2024, 1, 1), CountingMode::CompletedDays, d(2024, 2, 15));
    /// let labels: Vec<_> = s.iter().map(|m| m.label.as_str()).collect();
    /// assert_eq!(labels, ["Welcome", "30 days", "60 days"]);
    /// ```
    pub fn schedule(
        &self,
        start: NaiveDate,
        mode: CountingMode,
        until: NaiveDate,
    ) -> Vec<Milestone> {
        let place = |def: Definition| {
            mode.milestone_date(start, def.span).map(|date| Milestone {
                span: def.span,
                label: def.label,
                colour: def.colour,
                date,
            })
        };
        let mut all: Vec<Milestone> = self.fixed().into_iter().filter_map(place).collect();
        if let Some(yearly) = self.yearly() {
            let mut year = yearly.first_year;
            while let Some(m) = place(Definition {
                span: Span::Years(year),
                label: Span::Years(year).label(),
                colour: (yearly.colour)(year),
            }) {
                let past_until = m.date > until;
                all.push(m);
                if past_until {
                    break;
                }
                year += 1;
            }
        }
        // A stable sort keeps the profile's order for milestones on the same date.
        all.sort_by_key(|m| m.date);
        if let Some(first_after) = all.iter().position(|m| m.date > until) {
            all.truncate(first_after + 1);
        }
        all
    }
}

/// `Years(1)` and `Months(12)` name the same chip.
fn equivalent_years(a: Span, b: Span) -> bool {
    let months = |s: Span| match s {
        Span::Months(m) => Some(m),
        Span::Years(y) => y.checked_mul(12),
        Span::Days(_) => None,
    };
    months(a).is_some() && months(a) == months(b)
}

fn check_unique(spans: &mut [Span]) -> Result<(), CleanTimeError> {
    spans.sort();
    match spans.windows(2).find(|w| w[0] == w[1]) {
        Some(w) => Err(CleanTimeError::DuplicateMilestone {
            milestone: w[0].label(),
        }),
        None => Ok(()),
    }
}

/// Checks a label or colour name: not blank, at most [`MAX_NAME_CHARS`] characters, no control
/// characters.
pub(crate) fn check_name(name: &str) -> Result<(), CleanTimeError> {
    if name.trim().is_empty() {
        return Err(CleanTimeError::EmptyName);
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(CleanTimeError::NameTooLong {
            max: MAX_NAME_CHARS,
        });
    }
    if name.chars().any(char::is_control) {
        return Err(CleanTimeError::ControlCharacters);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::test_support::d;

    fn labels_and_dates(s: &[Milestone]) -> Vec<(String, String, Option<String>)> {
        s.iter()
            .map(|m| (m.label.clone(), m.date.to_string(), m.colour.clone()))
            .collect()
    }

    #[test]
    fn na_key_tags_in_order_with_colours() {
        let s = MilestoneProfile::NaKeyTags.schedule(
            d(2023, 1, 31),
            CountingMode::CompletedDays,
            d(2026, 1, 1),
        );
        let got = labels_and_dates(&s);
        let want = [
            ("Welcome", "2023-01-31", "white"),
            ("30 days", "2023-03-02", "orange"),
            ("60 days", "2023-04-01", "green"),
            ("90 days", "2023-05-01", "red"),
            ("6 months", "2023-07-31", "blue"),
            ("9 months", "2023-10-31", "yellow"),
            ("1 year", "2024-01-31", "glow-in-the-dark"),
            ("18 months", "2024-07-31", "grey"),
            ("2 years", "2025-01-31", "black"),
            ("3 years", "2026-01-31", "black"),
        ];
        assert_eq!(got.len(), want.len());
        for (g, w) in got.iter().zip(want) {
            assert_eq!(
                (g.0.as_str(), g.1.as_str(), g.2.as_deref()),
                (w.0, w.1, Some(w.2))
            );
        }
    }

    #[test]
    fn aa_chips_interleave_days_and_months_by_date() {
        let colours = vec![
            ChipColour {
                span: Span::Days(1),
                colour: "silver".into(),
            },
            ChipColour {
                span: Span::Months(12),
                colour: "bronze".into(),
            },
        ];
        let profile = MilestoneProfile::AaChips { colours };
        let s = profile.schedule(d(2024, 1, 1), CountingMode::CompletedDays, d(2025, 1, 1));
        let got: Vec<_> = s
            .iter()
            .map(|m| (m.label.as_str(), m.date.to_string()))
            .collect();
        assert_eq!(got[0], ("24 hours", "2024-01-02".to_owned()));
        assert_eq!(s[0].colour.as_deref(), Some("silver"));
        assert_eq!(got[1], ("30 days", "2024-01-31".to_owned()));
        assert_eq!(got[2], ("1 month", "2024-02-01".to_owned()));
        // Same date: the profile's order (days before months) is kept.
        assert_eq!(got[3], ("60 days", "2024-03-01".to_owned()));
        assert_eq!(got[4], ("2 months", "2024-03-01".to_owned()));
        assert_eq!(got[5], ("90 days", "2024-03-31".to_owned()));
        assert_eq!(got[6], ("3 months", "2024-04-01".to_owned()));
        let year = s.iter().find(|m| m.label == "1 year").unwrap();
        assert_eq!(year.date, d(2025, 1, 1));
        assert_eq!(year.colour.as_deref(), Some("bronze"));
        assert_eq!(s.last().unwrap().label, "2 years");
        assert_eq!(s.len(), 1 + 3 + 11 + 2);
    }

    #[test]
    fn custom_list_sorted_and_finite() {
        let profile = MilestoneProfile::Custom {
            milestones: vec![
                CustomMilestone {
                    span: Span::Years(1),
                    label: None,
                    colour: None,
                },
                CustomMilestone {
                    span: Span::Days(100),
                    label: Some("A hundred".into()),
                    colour: Some("gold".into()),
                },
            ],
        };
        profile.validate().unwrap();
        let s = profile.schedule(d(2024, 1, 1), CountingMode::CompletedDays, d(2030, 1, 1));
        assert_eq!(
            labels_and_dates(&s)[0],
            ("A hundred".into(), "2024-04-10".into(), Some("gold".into()))
        );
        assert_eq!(s[1].label, "1 year");
        assert_eq!(s.len(), 2);
    }

    #[test]
    fn validation_refuses_duplicates_and_blank_names() {
        let dup = MilestoneProfile::Custom {
            milestones: vec![
                CustomMilestone {
                    span: Span::Days(7),
                    label: None,
                    colour: None,
                },
                CustomMilestone {
                    span: Span::Days(7),
                    label: Some("week".into()),
                    colour: None,
                },
            ],
        };
        assert!(matches!(
            dup.validate(),
            Err(CleanTimeError::DuplicateMilestone { .. })
        ));
        let blank = MilestoneProfile::AaChips {
            colours: vec![ChipColour {
                span: Span::Days(1),
                colour: "  ".into(),
            }],
        };
        assert!(matches!(blank.validate(), Err(CleanTimeError::EmptyName)));
        let many = MilestoneProfile::Custom {
            milestones: (0..=MAX_CUSTOM_MILESTONES as u32)
                .map(|n| CustomMilestone {
                    span: Span::Days(n),
                    label: None,
                    colour: None,
                })
                .collect(),
        };
        assert!(matches!(
            many.validate(),
            Err(CleanTimeError::TooManyMilestones { .. })
        ));
    }

    #[test]
    fn leap_day_start_reaches_years_on_feb_28() {
        let s = MilestoneProfile::NaKeyTags.schedule(
            d(2020, 2, 29),
            CountingMode::CompletedDays,
            d(2025, 2, 28),
        );
        let five = s.iter().find(|m| m.label == "5 years").unwrap();
        assert_eq!(five.date, d(2025, 2, 28));
        assert_eq!(s.last().unwrap().label, "6 years");
        assert_eq!(s.last().unwrap().date, d(2026, 2, 28));
    }
}
