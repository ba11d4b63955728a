//! Reads a plan back from the Markdown that [`super::export`] writes: the editing format of
//! `oneday plan edit --from-markdown`, and the proof that the export drops nothing (reading an
//! export gives back the same plan).
//!
//! The reader is strict about structure and lenient about details. The first line is the plan's
//! title; every `##` heading must be one of the plan's sections (a missing section is an empty
//! one); entries are list items (`-`, `*`, `+` or `1.`), their fields are indented list items
//! (`  - Phone: …`), warning signs sit under `### Early` / `### Middle` / `### Immediate`, and
//! `*(none)*` marks an empty section. A line that fits nowhere is an error naming its line number,
//! never silently dropped. Escapes are optional, so hand-written text reads as written. A contact
//! line is read for its `(id …)` only: the name, role and phone shown before it come from the
//! contact itself.

use super::error::PlanError;
use super::export::{
    step_heading, CONTACT, COPING, MENTAL_HEALTH, NONE_MARKDOWN, PERSON, PHONE, PLACE,
};
use super::kind::PlanKind;
use super::markdown_text::unescape;
use super::relapse::{
    RelapsePreventionPlan, RelapseSection, Trigger, TriggerCategory, WarningGrade, WarningSign,
};
use super::safety::{
    ContactEntry, Distraction, DistractionKind, SafetyPlan, SafetyStep, REASON_FOR_LIVING_TITLE,
};
use crate::vault::RecordId;

/// The most bytes of Markdown read for `plan edit --from-markdown` (a full plan is a few kilobytes;
/// [`crate::plans::text::MAX_ENTRIES`] entries of [`crate::plans::text::MAX_TEXT_CHARS`] characters
/// in every section still fit).
pub const MAX_MARKDOWN_BYTES: usize = 4 * 1024 * 1024;

/// A plan read from Markdown, of the kind its title names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParsedPlan {
    /// A safety plan.
    Safety(SafetyPlan),
    /// A relapse-prevention plan.
    Relapse(RelapsePreventionPlan),
}

impl ParsedPlan {
    /// Which plan it is.
    pub fn kind(&self) -> PlanKind {
        match self {
            ParsedPlan::Safety(_) => PlanKind::Safety,
            ParsedPlan::Relapse(_) => PlanKind::Relapse,
        }
    }
}

/// Reads a plan of either kind (its title says which).
pub fn parse(markdown: &str) -> Result<ParsedPlan, PlanError> {
    let doc = Doc::read(markdown)?;
    match doc.kind {
        PlanKind::Safety => Ok(ParsedPlan::Safety(safety_from(&doc)?)),
        PlanKind::Relapse => Ok(ParsedPlan::Relapse(relapse_from(&doc)?)),
    }
}

/// Reads a safety plan; [`PlanError::WrongKind`] if the Markdown is the other plan.
pub fn safety(markdown: &str) -> Result<SafetyPlan, PlanError> {
    match parse(markdown)? {
        ParsedPlan::Safety(plan) => Ok(plan),
        other => Err(PlanError::WrongKind {
            expected: PlanKind::Safety,
            found: other.kind(),
        }),
    }
}

/// Reads a relapse-prevention plan; [`PlanError::WrongKind`] if the Markdown is the other plan.
pub fn relapse(markdown: &str) -> Result<RelapsePreventionPlan, PlanError> {
    match parse(markdown)? {
        ParsedPlan::Relapse(plan) => Ok(plan),
        other => Err(PlanError::WrongKind {
            expected: PlanKind::Relapse,
            found: other.kind(),
        }),
    }
}

fn error(line: usize, reason: &'static str) -> PlanError {
    PlanError::Markdown { line, reason }
}

/// One line, classified by its shape.
enum Line<'a> {
    Blank,
    NoneMarker,
    Title(&'a str),
    Heading(&'a str),
    Subheading(&'a str),
    /// A list item at the start of the line: what follows its marker.
    Item(&'a str),
    /// An indented list item: what follows its marker.
    Field(&'a str),
    Text(&'a str),
}

impl<'a> Line<'a> {
    fn classify(line: &'a str) -> Line<'a> {
        let line = line.trim_end();
        let content = line.trim_start();
        if content.is_empty() {
            return Line::Blank;
        }
        if content == NONE_MARKDOWN {
            return Line::NoneMarker;
        }
        let indented = content.len() != line.len();
        if !indented {
            for (prefix, make) in [
                ("### ", Line::Subheading as fn(&'a str) -> Line<'a>),
                ("## ", Line::Heading),
                ("# ", Line::Title),
            ] {
                if let Some(rest) = line.strip_prefix(prefix) {
                    return make(rest.trim());
                }
            }
        }
        match list_item(content) {
            Some(rest) if indented => Line::Field(rest),
            Some(rest) => Line::Item(rest),
            None => Line::Text(content),
        }
    }
}

/// What follows a list marker (`- `, `* `, `+ `, `1. `, `1) `), or `None` if `s` is no list item.
fn list_item(s: &str) -> Option<&str> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let marker = if digits > 0 && digits <= 9 {
        match s.as_bytes().get(digits) {
            Some(b'.' | b')') => digits + 1,
            _ => return None,
        }
    } else if s.starts_with(['-', '*', '+']) {
        1
    } else {
        return None;
    };
    let rest = &s[marker..];
    if rest.is_empty() {
        Some(rest)
    } else if rest.starts_with([' ', '\t']) {
        Some(rest.trim())
    } else {
        None
    }
}

/// `Label: value` → the value, when `raw` starts with `label` and a colon.
fn after_label<'a>(raw: &'a str, label: &str) -> Option<&'a str> {
    let rest = raw.strip_prefix(label)?.strip_prefix(':')?;
    (rest.is_empty() || rest.starts_with([' ', '\t'])).then(|| rest.trim())
}

/// A list item and its fields, still escaped.
struct Item<'a> {
    line: usize,
    /// The `###` heading above it within its section.
    group: Option<&'a str>,
    raw: &'a str,
    fields: Vec<(usize, &'a str)>,
}

/// A `##` section, still escaped.
struct Section<'a> {
    line: usize,
    heading: &'a str,
    items: Vec<Item<'a>>,
    text: Vec<(usize, &'a str)>,
    has_groups: bool,
}

/// The document's structure, before it is read as a plan.
struct Doc<'a> {
    kind: PlanKind,
    sections: Vec<Section<'a>>,
}

impl<'a> Doc<'a> {
    fn read(markdown: &'a str) -> Result<Doc<'a>, PlanError> {
        let mut kind = None;
        let mut sections: Vec<Section<'a>> = Vec::new();
        let mut group: Option<&'a str> = None;
        for (i, raw) in markdown.lines().enumerate() {
            let n = i + 1;
            let line = Line::classify(raw);
            if kind.is_none() {
                match line {
                    Line::Blank => continue,
                    Line::Title(t) => {
                        kind = Some(
                            PlanKind::ALL
                                .into_iter()
                                .find(|k| k.title().eq_ignore_ascii_case(t))
                                .ok_or_else(|| {
                                    error(n, "the title must be “# Safety plan” or “# Relapse-prevention plan”")
                                })?,
                        );
                        continue;
                    }
                    _ => {
                        return Err(error(
                            n,
                            "the first line must be the plan's title, such as “# Safety plan”",
                        ))
                    }
                }
            }
            match line {
                Line::Blank | Line::NoneMarker => {}
                Line::Title(_) => return Err(error(n, "a plan has only one “# ” title")),
                Line::Heading(h) => {
                    group = None;
                    sections.push(Section {
                        line: n,
                        heading: h,
                        items: Vec::new(),
                        text: Vec::new(),
                        has_groups: false,
                    });
                }
                other => {
                    let section = sections
                        .last_mut()
                        .ok_or_else(|| error(n, "expected a “## ” section heading"))?;
                    match other {
                        Line::Subheading(h) => {
                            group = Some(h);
                            section.has_groups = true;
                        }
                        Line::Item(raw) => section.items.push(Item {
                            line: n,
                            group,
                            raw,
                            fields: Vec::new(),
                        }),
                        Line::Field(raw) => section
                            .items
                            .last_mut()
                            .ok_or_else(|| error(n, "an indented line must follow an entry"))?
                            .fields
                            .push((n, raw)),
                        Line::Text(t) => {
                            if section.items.is_empty() {
                                section.text.push((n, t));
                            } else {
                                return Err(error(
                                    n,
                                    "text after an entry must be part of it: write line breaks as <br>",
                                ));
                            }
                        }
                        _ => {}
                    }
                }
            }
        }
        let kind = kind.ok_or_else(|| error(1, "the Markdown is empty"))?;
        Ok(Doc { kind, sections })
    }

    /// The section titled `heading`, if present; an error if it is there twice.
    fn section(&self, heading: &str) -> Result<Option<&Section<'a>>, PlanError> {
        let mut found = self.sections.iter().filter(|s| s.heading == heading);
        let first = found.next();
        if let Some(again) = found.next() {
            return Err(error(again.line, "this section appears twice"));
        }
        Ok(first)
    }

    /// Every section heading must be one of `known`.
    fn check_headings(&self, known: &[String]) -> Result<(), PlanError> {
        match self
            .sections
            .iter()
            .find(|s| !known.iter().any(|k| k == s.heading))
        {
            Some(s) => Err(error(s.line, "this is not a section of this plan")),
            None => Ok(()),
        }
    }
}

impl<'a> Section<'a> {
    /// Refuses what does not belong in a section of plain entries.
    fn only_items(&self, groups_allowed: bool) -> Result<(), PlanError> {
        if let Some((n, _)) = self.text.first() {
            return Err(error(
                *n,
                "only entries (lines starting with “- ”) belong here",
            ));
        }
        if self.has_groups && !groups_allowed {
            return Err(error(self.line, "this section has no “### ” headings"));
        }
        Ok(())
    }
}

impl Item<'_> {
    fn no_fields(&self) -> Result<(), PlanError> {
        match self.fields.first() {
            Some((n, _)) => Err(error(*n, "entries of this section have no indented fields")),
            None => Ok(()),
        }
    }

    /// The item's fields by label, each at most once, every one of them known.
    fn fields<const N: usize>(
        &self,
        labels: [&'static str; N],
    ) -> Result<[Option<(usize, &str)>; N], PlanError> {
        let mut out = [None; N];
        for (n, raw) in &self.fields {
            let (slot, value) = labels
                .iter()
                .enumerate()
                .find_map(|(i, l)| after_label(raw, l).map(|v| (i, v)))
                .ok_or_else(|| error(*n, "unknown field for an entry of this section"))?;
            if out[slot].is_some() {
                return Err(error(*n, "this field appears twice on one entry"));
            }
            out[slot] = Some((*n, value));
        }
        Ok(out)
    }
}

fn plain_list(section: Option<&Section<'_>>) -> Result<Vec<String>, PlanError> {
    let Some(section) = section else {
        return Ok(Vec::new());
    };
    section.only_items(false)?;
    section
        .items
        .iter()
        .map(|item| {
            item.no_fields()?;
            Ok(unescape(item.raw))
        })
        .collect()
}

fn contact_entries(
    section: Option<&Section<'_>>,
    labelled: bool,
) -> Result<Vec<(Option<DistractionKind>, ContactEntry)>, PlanError> {
    let Some(section) = section else {
        return Ok(Vec::new());
    };
    section.only_items(false)?;
    let mut out = Vec::with_capacity(section.items.len());
    for item in &section.items {
        let (kind, text) = if labelled {
            if let Some(t) = after_label(item.raw, PERSON) {
                (Some(DistractionKind::Person), t)
            } else if let Some(t) = after_label(item.raw, PLACE) {
                (Some(DistractionKind::Place), t)
            } else {
                return Err(error(
                    item.line,
                    "an entry here starts with “Person:” or “Place:”",
                ));
            }
        } else {
            (None, item.raw)
        };
        let [phone, contact] = item.fields([PHONE, CONTACT])?;
        let contact = contact.map(|(n, v)| contact_id(n, v)).transpose()?;
        out.push((
            kind,
            ContactEntry {
                text: unescape(text),
                contact,
                phone: phone.map(|(_, v)| unescape(v)),
            },
        ));
    }
    Ok(out)
}

/// The record id at the end of a contact line: `… (id 0123…)`.
fn contact_id(line: usize, value: &str) -> Result<RecordId, PlanError> {
    value
        .strip_suffix(')')
        .and_then(|v| v.rsplit_once("(id "))
        .and_then(|(_, hex)| hex.trim().parse::<RecordId>().ok())
        .ok_or_else(|| error(line, "a contact line must end with the contact's (id …)"))
}

fn safety_from(doc: &Doc<'_>) -> Result<SafetyPlan, PlanError> {
    let mut known: Vec<String> = SafetyStep::ALL.into_iter().map(step_heading).collect();
    known.push(REASON_FOR_LIVING_TITLE.to_owned());
    doc.check_headings(&known)?;
    let step = |s: SafetyStep| doc.section(&step_heading(s));
    let people = |s: SafetyStep| -> Result<Vec<ContactEntry>, PlanError> {
        Ok(contact_entries(step(s)?, false)?
            .into_iter()
            .map(|(_, e)| e)
            .collect())
    };
    let reason_for_living = match doc.section(REASON_FOR_LIVING_TITLE)? {
        None => None,
        Some(section) => {
            if let Some(item) = section.items.first() {
                return Err(error(
                    item.line,
                    "write the reason as text, not as a list entry",
                ));
            }
            if section.has_groups {
                return Err(error(section.line, "this section has no “### ” headings"));
            }
            let lines: Vec<String> = section.text.iter().map(|(_, t)| unescape(t)).collect();
            (!lines.is_empty()).then(|| lines.join("\n"))
        }
    };
    Ok(SafetyPlan {
        warning_signs: plain_list(step(SafetyStep::WarningSigns)?)?,
        coping_strategies: plain_list(step(SafetyStep::CopingStrategies)?)?,
        distractions: contact_entries(step(SafetyStep::Distractions)?, true)?
            .into_iter()
            .map(|(kind, entry)| Distraction {
                kind: kind.unwrap_or(DistractionKind::Person),
                entry,
            })
            .collect(),
        help_people: people(SafetyStep::HelpPeople)?,
        professionals: people(SafetyStep::Professionals)?,
        safe_environment: plain_list(step(SafetyStep::SafeEnvironment)?)?,
        reason_for_living,
    })
}

fn relapse_from(doc: &Doc<'_>) -> Result<RelapsePreventionPlan, PlanError> {
    let known: Vec<String> = RelapseSection::ALL
        .into_iter()
        .map(|s| s.title().to_owned())
        .collect();
    doc.check_headings(&known)?;
    let section = |s: RelapseSection| doc.section(s.title());

    let mut triggers = Vec::new();
    if let Some(s) = section(RelapseSection::Triggers)? {
        s.only_items(false)?;
        for item in &s.items {
            let (category, text) = TriggerCategory::ALL
                .into_iter()
                .find_map(|c| after_label(item.raw, c.label()).map(|t| (c, t)))
                .ok_or_else(|| {
                    error(
                        item.line,
                        "a trigger starts with its category: People:, Places:, Things:, Feelings:, or Hungry/Angry/Lonely/Tired (HALT):",
                    )
                })?;
            let [coping] = item.fields([COPING])?;
            triggers.push(Trigger {
                category,
                text: unescape(text),
                coping: coping.map(|(_, v)| unescape(v)),
            });
        }
    }

    let mut warning_signs = Vec::new();
    if let Some(s) = section(RelapseSection::WarningSigns)? {
        s.only_items(true)?;
        for item in &s.items {
            item.no_fields()?;
            let grade = item
                .group
                .and_then(|g| WarningGrade::ALL.into_iter().find(|w| w.title() == g))
                .ok_or_else(|| {
                    error(
                        item.line,
                        "a warning sign goes under “### Early”, “### Middle” or “### Immediate”",
                    )
                })?;
            let (mental_health, text) = match after_label(item.raw, MENTAL_HEALTH) {
                Some(t) => (true, t),
                None => (false, item.raw),
            };
            warning_signs.push(WarningSign {
                grade,
                text: unescape(text),
                mental_health,
            });
        }
    }

    Ok(RelapsePreventionPlan {
        reasons: plain_list(section(RelapseSection::Reasons)?)?,
        triggers,
        warning_signs,
        after_lapse: plain_list(section(RelapseSection::AfterLapse)?)?,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::plans::relapse::HaltState;

    #[test]
    fn hand_written_markdown_reads_naturally() {
        let md =
            "\n# Safety plan\n\n## Step 1: Warning signs\n* Can't sleep (again).\n1. Pacing\n\n\
                  ## Step 4: People to ask for help\n- Mum\n    - Phone: 555 0101\n\n\
                  ## The one thing most worth living for\nMy kids\nand my dog\n";
        let plan = safety(md).unwrap();
        assert_eq!(plan.warning_signs, vec!["Can't sleep (again).", "Pacing"]);
        assert_eq!(plan.help_people[0].phone.as_deref(), Some("555 0101"));
        assert_eq!(
            plan.reason_for_living.as_deref(),
            Some("My kids\nand my dog")
        );
        assert!(plan.coping_strategies.is_empty());
    }

    #[test]
    fn structure_errors_name_the_line_not_the_text() {
        let cases: [(&str, usize); 9] = [
            ("My secret plan", 1),
            ("# Shopping list", 1),
            ("# Safety plan\nsecret words", 2),
            ("# Safety plan\n## Step 9: Nope", 2),
            (
                "# Safety plan\n## Step 1: Warning signs\n- a\nsecret words",
                4,
            ),
            (
                "# Safety plan\n## Step 3: People and places for distraction\n- Sam",
                3,
            ),
            (
                "# Safety plan\n## Step 4: People to ask for help\n- Sam\n  - Email: x",
                4,
            ),
            (
                "# Safety plan\n## Step 4: People to ask for help\n- Sam\n  - Contact: Sam (id 12)",
                4,
            ),
            (
                "# Relapse-prevention plan\n## Warning signs\n- secret words",
                3,
            ),
        ];
        for (md, line) in cases {
            match parse(md) {
                Err(e @ PlanError::Markdown { line: l, .. }) => {
                    assert_eq!(l, line, "{md}: {e}");
                    assert!(!e.to_string().contains("secret"), "{e}");
                }
                other => panic!("{md}: {other:?}"),
            }
        }
        assert!(matches!(
            relapse("# Safety plan\n"),
            Err(PlanError::WrongKind {
                expected: PlanKind::Relapse,
                found: PlanKind::Safety
            })
        ));
        assert!(matches!(
            parse("# Safety plan\n## Step 1: Warning signs\n## Step 1: Warning signs\n"),
            Err(PlanError::Markdown { line: 3, .. })
        ));
    }

    #[test]
    fn relapse_markdown_reads_categories_grades_and_flags() {
        let md = "# Relapse-prevention plan\n\n## Triggers and high-risk situations\n\n\
                  - Lonely (HALT): Sunday evenings\n  - Coping: call Sam<br>or go to a meeting\n\
                  - Places: the pub\n\n## Warning signs\n\n### Immediate\n\n- Mental health: voices\n\
                  ### Early\n- Mental health\\: a label in the text\n";
        let plan = relapse(md).unwrap();
        assert_eq!(
            plan.triggers[0].category,
            TriggerCategory::Halt(HaltState::Lonely)
        );
        assert_eq!(
            plan.triggers[0].coping.as_deref(),
            Some("call Sam\nor go to a meeting")
        );
        assert_eq!(plan.triggers[1].coping, None);
        assert_eq!(plan.warning_signs[0].grade, WarningGrade::Immediate);
        assert!(plan.warning_signs[0].mental_health);
        assert!(!plan.warning_signs[1].mental_health);
        assert_eq!(
            plan.warning_signs[1].text,
            "Mental health: a label in the text"
        );
    }
}
