//! The relapse-prevention plan: why recovery matters, what puts it at risk and what to do then, the
//! signs that a relapse is building, and what to do in the first 24 hours after a lapse.
//!
//! - reasons for recovery;
//! - triggers and high-risk situations, each in a category (people, places, things, feelings, or a
//!   HALT state: hungry, angry, lonely, tired) with a coping response;
//! - warning signs graded early, middle or immediate; a sign can be marked as a mental-health sign
//!   (dual recovery: they belong in the same plan). Signs are kept grouped by grade, early first,
//!   in the user's order within a grade ([`RelapsePreventionPlan::normalize`]);
//! - the steps for the first 24 hours after a lapse, in order.

use serde::{Deserialize, Serialize};

use super::error::{FieldPath, PlanError};
use super::text;

/// A section of the relapse-prevention plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RelapseSection {
    /// Reasons for recovery.
    Reasons,
    /// Triggers and high-risk situations.
    Triggers,
    /// Warning signs.
    WarningSigns,
    /// The first 24 hours after a lapse.
    AfterLapse,
}

impl RelapseSection {
    /// The sections in order.
    pub const ALL: [RelapseSection; 4] = [
        RelapseSection::Reasons,
        RelapseSection::Triggers,
        RelapseSection::WarningSigns,
        RelapseSection::AfterLapse,
    ];

    /// The section's title, as in the exports.
    pub fn title(self) -> &'static str {
        match self {
            RelapseSection::Reasons => "Reasons for recovery",
            RelapseSection::Triggers => "Triggers and high-risk situations",
            RelapseSection::WarningSigns => "Warning signs",
            RelapseSection::AfterLapse => "The first 24 hours after a lapse",
        }
    }
}

/// A HALT state: the four states the fellowships warn about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HaltState {
    /// Hungry.
    Hungry,
    /// Angry.
    Angry,
    /// Lonely.
    Lonely,
    /// Tired.
    Tired,
}

/// What kind of trigger or high-risk situation. Stored (and printed in JSON) as one flat name:
/// `people`, `places`, `things`, `feelings`, `hungry`, `angry`, `lonely`, `tired`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "CategoryName", into = "CategoryName")]
pub enum TriggerCategory {
    /// People.
    People,
    /// Places.
    Places,
    /// Things (objects, paraphernalia, money, ...).
    Things,
    /// Feelings.
    Feelings,
    /// A HALT state.
    Halt(HaltState),
}

impl TriggerCategory {
    /// Every category, in the order they are offered.
    pub const ALL: [TriggerCategory; 8] = [
        TriggerCategory::People,
        TriggerCategory::Places,
        TriggerCategory::Things,
        TriggerCategory::Feelings,
        TriggerCategory::Halt(HaltState::Hungry),
        TriggerCategory::Halt(HaltState::Angry),
        TriggerCategory::Halt(HaltState::Lonely),
        TriggerCategory::Halt(HaltState::Tired),
    ];

    /// Its label, as in the exports: `People`, ..., `Hungry (HALT)`.
    pub fn label(self) -> &'static str {
        match self {
            TriggerCategory::People => "People",
            TriggerCategory::Places => "Places",
            TriggerCategory::Things => "Things",
            TriggerCategory::Feelings => "Feelings",
            TriggerCategory::Halt(HaltState::Hungry) => "Hungry (HALT)",
            TriggerCategory::Halt(HaltState::Angry) => "Angry (HALT)",
            TriggerCategory::Halt(HaltState::Lonely) => "Lonely (HALT)",
            TriggerCategory::Halt(HaltState::Tired) => "Tired (HALT)",
        }
    }

    /// The category with this label ([`Self::label`]), if any.
    pub fn from_label(label: &str) -> Option<TriggerCategory> {
        Self::ALL.into_iter().find(|c| c.label() == label)
    }
}

/// The stored name of a [`TriggerCategory`].
#[derive(Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum CategoryName {
    People,
    Places,
    Things,
    Feelings,
    Hungry,
    Angry,
    Lonely,
    Tired,
}

impl From<CategoryName> for TriggerCategory {
    fn from(n: CategoryName) -> Self {
        match n {
            CategoryName::People => TriggerCategory::People,
            CategoryName::Places => TriggerCategory::Places,
            CategoryName::Things => TriggerCategory::Things,
            CategoryName::Feelings => TriggerCategory::Feelings,
            CategoryName::Hungry => TriggerCategory::Halt(HaltState::Hungry),
            CategoryName::Angry => TriggerCategory::Halt(HaltState::Angry),
            CategoryName::Lonely => TriggerCategory::Halt(HaltState::Lonely),
            CategoryName::Tired => TriggerCategory::Halt(HaltState::Tired),
        }
    }
}

impl From<TriggerCategory> for CategoryName {
    fn from(c: TriggerCategory) -> Self {
        match c {
            TriggerCategory::People => CategoryName::People,
            TriggerCategory::Places => CategoryName::Places,
            TriggerCategory::Things => CategoryName::Things,
            TriggerCategory::Feelings => CategoryName::Feelings,
            TriggerCategory::Halt(HaltState::Hungry) => CategoryName::Hungry,
            TriggerCategory::Halt(HaltState::Angry) => CategoryName::Angry,
            TriggerCategory::Halt(HaltState::Lonely) => CategoryName::Lonely,
            TriggerCategory::Halt(HaltState::Tired) => CategoryName::Tired,
        }
    }
}

/// A trigger or high-risk situation and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trigger {
    /// Its category.
    pub category: TriggerCategory,
    /// The user's words.
    pub text: String,
    /// What to do when it comes up. May be missing while the plan is a draft; the plan is then
    /// reported incomplete.
    #[serde(default)]
    pub coping: Option<String>,
}

/// How close to a relapse a warning sign is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WarningGrade {
    /// Early: time to use the plan.
    Early,
    /// Middle: act now.
    Middle,
    /// Immediate: get help now.
    Immediate,
}

impl WarningGrade {
    /// The grades, earliest first.
    pub const ALL: [WarningGrade; 3] = [
        WarningGrade::Early,
        WarningGrade::Middle,
        WarningGrade::Immediate,
    ];

    /// Its title, as in the exports.
    pub fn title(self) -> &'static str {
        match self {
            WarningGrade::Early => "Early",
            WarningGrade::Middle => "Middle",
            WarningGrade::Immediate => "Immediate",
        }
    }
}

/// A warning sign that a relapse is building.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WarningSign {
    /// How close to a relapse it is.
    pub grade: WarningGrade,
    /// The user's words.
    pub text: String,
    /// A mental-health sign (dual recovery), such as sleeping badly or hearing voices again.
    #[serde(default)]
    pub mental_health: bool,
}

/// A relapse-prevention plan. Lists keep the user's order (warning signs within their grade).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct RelapsePreventionPlan {
    /// Reasons for recovery.
    pub reasons: Vec<String>,
    /// Triggers and high-risk situations.
    pub triggers: Vec<Trigger>,
    /// Warning signs, grouped by grade.
    pub warning_signs: Vec<WarningSign>,
    /// What to do in the first 24 hours after a lapse, in order.
    pub after_lapse: Vec<String>,
}

impl RelapsePreventionPlan {
    /// Whether nothing at all is written in the plan.
    pub fn is_empty(&self) -> bool {
        *self == RelapsePreventionPlan::default()
    }

    /// How many entries `section` has.
    pub fn len(&self, section: RelapseSection) -> usize {
        match section {
            RelapseSection::Reasons => self.reasons.len(),
            RelapseSection::Triggers => self.triggers.len(),
            RelapseSection::WarningSigns => self.warning_signs.len(),
            RelapseSection::AfterLapse => self.after_lapse.len(),
        }
    }

    /// Removes entry `entry` (1-based) of `section`.
    pub fn remove(&mut self, section: RelapseSection, entry: usize) -> Result<(), PlanError> {
        let index = self.index(section, entry)?;
        match section {
            RelapseSection::Reasons => drop(self.reasons.remove(index)),
            RelapseSection::Triggers => drop(self.triggers.remove(index)),
            RelapseSection::WarningSigns => drop(self.warning_signs.remove(index)),
            RelapseSection::AfterLapse => drop(self.after_lapse.remove(index)),
        }
        Ok(())
    }

    /// Sets (or with `None` removes) the coping response of trigger `entry` (1-based).
    pub fn set_coping(&mut self, entry: usize, coping: Option<String>) -> Result<(), PlanError> {
        let index = self.index(RelapseSection::Triggers, entry)?;
        self.triggers[index].coping = coping;
        Ok(())
    }

    /// Tidies every text (see [`super::text`]; a blank coping response is removed) and groups the
    /// warning signs by grade, keeping the user's order within a grade.
    pub fn normalize(&mut self) {
        self.reasons.iter_mut().for_each(text::normalize);
        self.after_lapse.iter_mut().for_each(text::normalize);
        for t in &mut self.triggers {
            text::normalize(&mut t.text);
            text::normalize_optional(&mut t.coping);
        }
        for s in &mut self.warning_signs {
            text::normalize(&mut s.text);
        }
        self.warning_signs.sort_by_key(|s| s.grade);
    }

    /// Checks a normalised plan: counts and texts.
    pub fn validate(&self) -> Result<(), PlanError> {
        for section in RelapseSection::ALL {
            text::check_count(self.len(section), section.title())?;
        }
        let path = |section: RelapseSection, i: usize, field| FieldPath {
            section: section.title(),
            entry: Some(i + 1),
            field,
        };
        for (section, list) in [
            (RelapseSection::Reasons, &self.reasons),
            (RelapseSection::AfterLapse, &self.after_lapse),
        ] {
            for (i, t) in list.iter().enumerate() {
                text::check(t, path(section, i, "text"))?;
            }
        }
        for (i, t) in self.triggers.iter().enumerate() {
            text::check(&t.text, path(RelapseSection::Triggers, i, "text"))?;
            if let Some(c) = &t.coping {
                text::check(c, path(RelapseSection::Triggers, i, "coping response"))?;
            }
        }
        for (i, s) in self.warning_signs.iter().enumerate() {
            text::check(&s.text, path(RelapseSection::WarningSigns, i, "text"))?;
        }
        Ok(())
    }

    fn index(&self, section: RelapseSection, entry: usize) -> Result<usize, PlanError> {
        super::edit::entry_index(section.title(), self.len(section), entry)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn sign(grade: WarningGrade, text: &str) -> WarningSign {
        WarningSign {
            grade,
            text: text.into(),
            mental_health: false,
        }
    }

    #[test]
    fn categories_are_stored_as_flat_names() {
        let json = serde_json::to_string(&TriggerCategory::ALL).unwrap();
        assert_eq!(
            json,
            r#"["people","places","things","feelings","hungry","angry","lonely","tired"]"#
        );
        let back: Vec<TriggerCategory> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, TriggerCategory::ALL);
    }

    #[test]
    fn labels_round_trip() {
        for c in TriggerCategory::ALL {
            assert_eq!(TriggerCategory::from_label(c.label()), Some(c));
        }
        assert_eq!(TriggerCategory::from_label("Bored"), None);
    }

    #[test]
    fn warning_signs_are_grouped_by_grade_in_the_users_order() {
        let mut plan = RelapsePreventionPlan {
            warning_signs: vec![
                sign(WarningGrade::Immediate, "a"),
                sign(WarningGrade::Early, "b"),
                sign(WarningGrade::Middle, "c"),
                sign(WarningGrade::Early, "d"),
            ],
            ..RelapsePreventionPlan::default()
        };
        plan.normalize();
        let texts: Vec<&str> = plan.warning_signs.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, vec!["b", "d", "c", "a"]);
    }

    #[test]
    fn triggers_keep_an_optional_coping_response() {
        let mut plan = RelapsePreventionPlan {
            triggers: vec![Trigger {
                category: TriggerCategory::Halt(HaltState::Lonely),
                text: "Sunday evenings".into(),
                coping: Some("  ".into()),
            }],
            ..RelapsePreventionPlan::default()
        };
        plan.normalize();
        assert_eq!(plan.triggers[0].coping, None);
        plan.validate().unwrap();
        plan.set_coping(1, Some("call Sam".into())).unwrap();
        assert!(matches!(
            plan.set_coping(2, None),
            Err(PlanError::NoSuchEntry { entry: 2, .. })
        ));
        plan.triggers[0].coping = Some("x\u{0}".into());
        let e = plan.validate().unwrap_err();
        assert_eq!(
            e.to_string(),
            "the coping response of entry 1 in “Triggers and high-risk situations” contains control characters"
        );
        plan.remove(RelapseSection::Triggers, 1).unwrap();
        assert!(plan.is_empty());
    }

    #[test]
    fn empty_texts_and_long_lists_are_refused() {
        let plan = RelapsePreventionPlan {
            after_lapse: vec!["call my sponsor".into(), String::new()],
            ..RelapsePreventionPlan::default()
        };
        assert!(matches!(plan.validate(), Err(PlanError::EmptyText(p)) if p.entry == Some(2)));
        let plan = RelapsePreventionPlan {
            reasons: vec!["r".into(); text::MAX_ENTRIES + 1],
            ..RelapsePreventionPlan::default()
        };
        assert!(matches!(
            plan.validate(),
            Err(PlanError::TooManyEntries { .. })
        ));
    }
}
