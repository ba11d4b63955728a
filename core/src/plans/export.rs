//! Plain text and Markdown exports of a plan, for printing or for sharing with a therapist or
//! sponsor when the user chooses to. Both keep every field: every entry with its label (person or
//! place, trigger category, mental-health sign), phone numbers, coping responses, and each linked
//! contact's name, role and phone ("(contact removed)" when the link points at a contact that is
//! gone).
//!
//! One walk over each plan ([`write_safety`], [`write_relapse`]) drives either renderer, so both
//! formats always hold the same fields in the same order. Entries are numbered in the text format
//! (the numbers the CLI's `plan remove` and `plan link` take, counted across the grades of warning
//! signs).
//!
//! The Markdown is also the editing format: `from_markdown.rs` reads it back into the same plan
//! (user text is escaped by `markdown_text.rs`; a linked contact's line ends with its record id).
//! Its shape:
//!
//! ```text
//! # Safety plan
//!
//! ## Step 1: Warning signs
//!
//! - Not sleeping
//!
//! ## Step 3: People and places for distraction
//!
//! - Person: Alex
//!   - Phone: 555 0101
//!   - Contact: Alex Doe (friend), 555 0101 (id 0123…)
//! - Place: the library
//!
//! ## The one thing most worth living for
//!
//! My daughter<br>and the sea
//! ```
//!
//! An empty section holds the line `*(none)*`.

use serde::{Deserialize, Serialize};

use super::contacts::{ContactLookup, LinkedContact};
use super::kind::PlanKind;
use super::markdown_text::escape;
use super::relapse::{RelapsePreventionPlan, RelapseSection, TriggerCategory, WarningGrade};
use super::safety::{DistractionKind, SafetyPlan, SafetyStep, REASON_FOR_LIVING_TITLE};
use crate::vault::RecordId;

/// Plain text or Markdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    /// Plain text, for printing or reading on screen.
    Text,
    /// Markdown, with user text escaped; also the format `plan edit` reads back.
    Markdown,
}

/// The line of an empty section in Markdown.
pub(crate) const NONE_MARKDOWN: &str = "*(none)*";
/// Label of a person in step 3.
pub(crate) const PERSON: &str = "Person";
/// Label of a place in step 3.
pub(crate) const PLACE: &str = "Place";
/// Label of a phone number.
pub(crate) const PHONE: &str = "Phone";
/// Label of a linked contact.
pub(crate) const CONTACT: &str = "Contact";
/// Label of a coping response.
pub(crate) const COPING: &str = "Coping";
/// Label of a mental-health warning sign.
pub(crate) const MENTAL_HEALTH: &str = "Mental health";
/// What is shown for a link to a contact that no longer exists.
pub const CONTACT_REMOVED: &str = "(contact removed)";

/// The heading of a safety-plan step: `Step 1: Warning signs`.
pub(crate) fn step_heading(step: SafetyStep) -> String {
    format!("Step {}: {}", step.number(), step.title())
}

/// A safety plan in `format`; `contacts` resolves linked contacts.
pub fn safety(plan: &SafetyPlan, format: ExportFormat, contacts: &dyn ContactLookup) -> String {
    match format {
        ExportFormat::Text => write_safety(plan, contacts, Text::default()),
        ExportFormat::Markdown => write_safety(plan, contacts, Markdown::default()),
    }
}

/// A relapse-prevention plan in `format`.
pub fn relapse(plan: &RelapsePreventionPlan, format: ExportFormat) -> String {
    match format {
        ExportFormat::Text => write_relapse(plan, Text::default()),
        ExportFormat::Markdown => write_relapse(plan, Markdown::default()),
    }
}

/// What a format does with each part of a plan.
trait Render {
    fn title(&mut self, title: &str);
    fn heading(&mut self, heading: &str);
    fn subheading(&mut self, heading: &str);
    fn nothing(&mut self);
    /// An entry: its number, its label (`Person`, a trigger category, ...) and the user's text.
    fn item(&mut self, number: usize, label: Option<&str>, text: &str);
    /// A field of the last entry: a label and the user's text.
    fn field(&mut self, label: &str, text: &str);
    /// The linked contact of the last entry.
    fn contact(&mut self, id: &RecordId, found: Option<&LinkedContact>);
    fn paragraph(&mut self, text: &str);
    fn finish(self) -> String;
}

fn write_safety(plan: &SafetyPlan, contacts: &dyn ContactLookup, mut r: impl Render) -> String {
    r.title(PlanKind::Safety.title());
    let lists = [
        (SafetyStep::WarningSigns, &plan.warning_signs),
        (SafetyStep::CopingStrategies, &plan.coping_strategies),
    ];
    for (step, list) in lists {
        write_texts(&mut r, &step_heading(step), list);
    }
    for step in [
        SafetyStep::Distractions,
        SafetyStep::HelpPeople,
        SafetyStep::Professionals,
    ] {
        r.heading(&step_heading(step));
        let entries = plan.contact_entries(step);
        if entries.is_empty() {
            r.nothing();
        }
        for (i, (kind, e)) in entries.into_iter().enumerate() {
            let label = kind.map(|k| match k {
                DistractionKind::Person => PERSON,
                DistractionKind::Place => PLACE,
            });
            r.item(i + 1, label, &e.text);
            if let Some(phone) = &e.phone {
                r.field(PHONE, phone);
            }
            if let Some(id) = &e.contact {
                r.contact(id, contacts.contact(id).as_ref());
            }
        }
    }
    write_texts(
        &mut r,
        &step_heading(SafetyStep::SafeEnvironment),
        &plan.safe_environment,
    );
    r.heading(REASON_FOR_LIVING_TITLE);
    match &plan.reason_for_living {
        Some(reason) => r.paragraph(reason),
        None => r.nothing(),
    }
    r.finish()
}

fn write_relapse(plan: &RelapsePreventionPlan, mut r: impl Render) -> String {
    r.title(PlanKind::Relapse.title());
    write_texts(&mut r, RelapseSection::Reasons.title(), &plan.reasons);
    r.heading(RelapseSection::Triggers.title());
    if plan.triggers.is_empty() {
        r.nothing();
    }
    for (i, t) in plan.triggers.iter().enumerate() {
        r.item(i + 1, Some(t.category.label()), &t.text);
        if let Some(coping) = &t.coping {
            r.field(COPING, coping);
        }
    }
    r.heading(RelapseSection::WarningSigns.title());
    let mut number = 0;
    for grade in WarningGrade::ALL {
        r.subheading(grade.title());
        let mut any = false;
        for s in plan.warning_signs.iter().filter(|s| s.grade == grade) {
            number += 1;
            any = true;
            r.item(number, s.mental_health.then_some(MENTAL_HEALTH), &s.text);
        }
        if !any {
            r.nothing();
        }
    }
    write_texts(
        &mut r,
        RelapseSection::AfterLapse.title(),
        &plan.after_lapse,
    );
    r.finish()
}

fn write_texts(r: &mut impl Render, heading: &str, list: &[String]) {
    r.heading(heading);
    if list.is_empty() {
        r.nothing();
    }
    for (i, t) in list.iter().enumerate() {
        r.item(i + 1, None, t);
    }
}

/// Plain text: headings underlined, entries numbered and indented, continuation lines aligned.
#[derive(Default)]
struct Text {
    out: String,
    /// The indent of the fields of the last entry.
    indent: usize,
}

impl Text {
    /// Writes `text` starting at the current column, continuation lines indented by `indent`.
    fn lines(&mut self, text: &str, indent: usize) {
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                self.out.push('\n');
                self.out.push_str(&" ".repeat(indent));
            }
            self.out.push_str(line);
        }
        self.out.push('\n');
    }
}

impl Render for Text {
    fn title(&mut self, title: &str) {
        self.out.push_str(title);
        self.out.push('\n');
        self.out.push_str(&"=".repeat(title.chars().count()));
        self.out.push('\n');
    }

    fn heading(&mut self, heading: &str) {
        self.out.push('\n');
        self.out.push_str(heading);
        self.out.push('\n');
    }

    fn subheading(&mut self, heading: &str) {
        self.out.push_str("  ");
        self.out.push_str(heading);
        self.out.push_str(":\n");
    }

    fn nothing(&mut self) {
        self.out.push_str("    (none)\n");
    }

    fn item(&mut self, number: usize, label: Option<&str>, text: &str) {
        let prefix = format!("    {number}. ");
        self.indent = prefix.chars().count();
        self.out.push_str(&prefix);
        if let Some(label) = label {
            self.out.push_str(label);
            self.out.push_str(": ");
        }
        let indent = self.indent;
        self.lines(text, indent);
    }

    fn field(&mut self, label: &str, text: &str) {
        let indent = self.indent;
        self.out.push_str(&" ".repeat(indent));
        self.out.push_str(label);
        self.out.push_str(": ");
        self.lines(text, indent + 2);
    }

    fn contact(&mut self, _id: &RecordId, found: Option<&LinkedContact>) {
        let shown = match found {
            Some(c) => contact_line(c),
            None => CONTACT_REMOVED.to_owned(),
        };
        self.field(CONTACT, &shown);
    }

    fn paragraph(&mut self, text: &str) {
        self.out.push_str("    ");
        self.lines(text, 4);
    }

    fn finish(self) -> String {
        self.out
    }
}

/// `Name (role), phone` of a linked contact.
fn contact_line(c: &LinkedContact) -> String {
    let mut s = c.name.clone();
    if let Some(role) = &c.role {
        s.push_str(" (");
        s.push_str(role);
        s.push(')');
    }
    if let Some(phone) = &c.phone {
        s.push_str(", ");
        s.push_str(phone);
    }
    s
}

/// An entry's text without a label, escaped; when it starts with something that reads as a label
/// (`Mental health: …`), the colon is escaped so the reader does not take it for one.
fn escape_unlabelled(text: &str) -> String {
    let escaped = escape(text, true);
    let labels = [PERSON, PLACE, MENTAL_HEALTH]
        .into_iter()
        .chain(TriggerCategory::ALL.into_iter().map(TriggerCategory::label));
    for label in labels {
        if let Some(rest) = escaped
            .strip_prefix(label)
            .and_then(|r| r.strip_prefix(':'))
        {
            return format!("{label}\\:{rest}");
        }
    }
    escaped
}

/// Markdown: `#` title, `##` sections, `###` grades, `-` entries, indented `-` fields.
#[derive(Default)]
struct Markdown {
    out: String,
}

impl Render for Markdown {
    fn title(&mut self, title: &str) {
        self.out.push_str("# ");
        self.out.push_str(title);
        self.out.push('\n');
    }

    fn heading(&mut self, heading: &str) {
        self.out.push_str("\n## ");
        self.out.push_str(heading);
        self.out.push_str("\n\n");
    }

    fn subheading(&mut self, heading: &str) {
        if !self.out.ends_with("\n\n") {
            self.out.push('\n');
        }
        self.out.push_str("### ");
        self.out.push_str(heading);
        self.out.push_str("\n\n");
    }

    fn nothing(&mut self) {
        self.out.push_str(NONE_MARKDOWN);
        self.out.push('\n');
    }

    fn item(&mut self, _number: usize, label: Option<&str>, text: &str) {
        self.out.push_str("- ");
        match label {
            Some(label) => {
                self.out.push_str(label);
                self.out.push_str(": ");
                self.out.push_str(&escape(text, false));
            }
            None => self.out.push_str(&escape_unlabelled(text)),
        }
        self.out.push('\n');
    }

    fn field(&mut self, label: &str, text: &str) {
        self.out.push_str("  - ");
        self.out.push_str(label);
        self.out.push_str(": ");
        self.out.push_str(&escape(text, false));
        self.out.push('\n');
    }

    fn contact(&mut self, id: &RecordId, found: Option<&LinkedContact>) {
        let shown = match found {
            Some(c) => escape(&contact_line(c), false),
            None => CONTACT_REMOVED.to_owned(),
        };
        self.out
            .push_str(&format!("  - {CONTACT}: {shown} (id {id})\n"));
    }

    fn paragraph(&mut self, text: &str) {
        self.out.push_str(&escape(text, true));
        self.out.push('\n');
    }

    fn finish(self) -> String {
        self.out
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::plans::relapse::{HaltState, Trigger, WarningSign};
    use crate::plans::safety::{ContactEntry, Distraction};

    fn sample() -> (SafetyPlan, RecordId, RecordId) {
        let sam = RecordId::from_bytes([1; 16]);
        let gone = RecordId::from_bytes([2; 16]);
        let plan = SafetyPlan {
            warning_signs: vec!["Not sleeping\nfor days".into()],
            coping_strategies: vec![],
            distractions: vec![
                Distraction {
                    kind: DistractionKind::Person,
                    entry: ContactEntry {
                        text: "Alex".into(),
                        contact: Some(gone),
                        phone: None,
                    },
                },
                Distraction {
                    kind: DistractionKind::Place,
                    entry: ContactEntry::new("the library"),
                },
            ],
            help_people: vec![ContactEntry {
                text: "Sam, my sponsor".into(),
                contact: Some(sam),
                phone: Some("+1 555 0101".into()),
            }],
            professionals: vec![],
            safe_environment: vec!["# give the *pills* | away".into()],
            reason_for_living: Some("My daughter".into()),
        };
        (plan, sam, gone)
    }

    fn lookup(sam: RecordId) -> impl Fn(&RecordId) -> Option<LinkedContact> {
        move |id| {
            (*id == sam).then(|| LinkedContact {
                name: "Sam Smith".into(),
                role: Some("sponsor".into()),
                phone: Some("555 0199".into()),
            })
        }
    }

    #[test]
    fn text_export_numbers_entries_and_shows_contacts() {
        let (plan, sam, _) = sample();
        let text = safety(&plan, ExportFormat::Text, &lookup(sam));
        let expected = "\
Safety plan
===========

Step 1: Warning signs
    1. Not sleeping
       for days

Step 2: Internal coping strategies
    (none)

Step 3: People and places for distraction
    1. Person: Alex
       Contact: (contact removed)
    2. Place: the library

Step 4: People to ask for help
    1. Sam, my sponsor
       Phone: +1 555 0101
       Contact: Sam Smith (sponsor), 555 0199

Step 5: Professionals, agencies and crisis lines
    (none)

Step 6: Making the environment safe
    1. # give the *pills* | away

The one thing most worth living for
    My daughter
";
        assert_eq!(text, expected);
    }

    #[test]
    fn markdown_export_escapes_user_text_and_keeps_links() {
        let (plan, sam, gone) = sample();
        let md = safety(&plan, ExportFormat::Markdown, &lookup(sam));
        let expected = format!(
            "\
# Safety plan

## Step 1: Warning signs

- Not sleeping<br>for days

## Step 2: Internal coping strategies

*(none)*

## Step 3: People and places for distraction

- Person: Alex
  - Contact: (contact removed) (id {gone})
- Place: the library

## Step 4: People to ask for help

- Sam, my sponsor
  - Phone: +1 555 0101
  - Contact: Sam Smith (sponsor), 555 0199 (id {sam})

## Step 5: Professionals, agencies and crisis lines

*(none)*

## Step 6: Making the environment safe

- \\# give the \\*pills\\* \\| away

## The one thing most worth living for

My daughter
"
        );
        assert_eq!(md, expected);
    }

    #[test]
    fn relapse_exports_group_signs_by_grade() {
        let plan = RelapsePreventionPlan {
            reasons: vec!["my kids".into()],
            triggers: vec![Trigger {
                category: TriggerCategory::Halt(HaltState::Tired),
                text: "night shifts".into(),
                coping: Some("sleep first".into()),
            }],
            warning_signs: vec![
                WarningSign {
                    grade: WarningGrade::Early,
                    text: "skipping meetings".into(),
                    mental_health: false,
                },
                WarningSign {
                    grade: WarningGrade::Immediate,
                    text: "voices again".into(),
                    mental_health: true,
                },
            ],
            after_lapse: vec![],
        };
        let text = relapse(&plan, ExportFormat::Text);
        assert!(text.contains(
            "Triggers and high-risk situations\n    1. Tired (HALT): night shifts\n       Coping: sleep first\n"
        ));
        assert!(text.contains("  Early:\n    1. skipping meetings\n  Middle:\n    (none)\n  Immediate:\n    2. Mental health: voices again\n"));
        let md = relapse(&plan, ExportFormat::Markdown);
        assert!(md.contains(
            "### Middle\n\n*(none)*\n\n### Immediate\n\n- Mental health: voices again\n"
        ));
        assert!(md.ends_with("## The first 24 hours after a lapse\n\n*(none)*\n"));
    }
}
