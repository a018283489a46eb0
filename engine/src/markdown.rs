//! Everything the person wrote as one readable Markdown document, for
//! reading or printing (the JSON export is the one to import).
//!
//! The document follows the store's records rather than the screens, so a
//! record type added later appears without a change here: each tree is a
//! section, each record a sub-section named by its date or its name, each
//! field a line, and longer texts a quotation, line by line, so nothing the
//! person wrote is read as Markdown.

use chrono::{DateTime, TimeZone, Utc};
use chrono_tz::Tz;
use serde_json::Value;

use crate::store::Tree;

/// The section title of a tree.
fn section(tree: Tree) -> &'static str {
    match tree {
        Tree::Meta => "Settings of the app",
        Tree::Profile => "About the breakup",
        Tree::NoContact => "No contact",
        Tree::Events => "Logged moments",
        Tree::Program => "Dealbreaker check, reflection and pledge",
        Tree::Drafts => "Unsent drafts",
        Tree::Outbox => "Notifications",
        Tree::EventNotes => "Notes on logged moments",
        Tree::Activities => "Activities",
        Tree::Thoughts => "Times you thought about them",
        Tree::Moods => "Moods",
        Tree::Triggers => "Trigger plans",
        Tree::Journal => "Journal",
        Tree::ReachOut => "Reaching out",
        Tree::Together => "A better relationship",
        Tree::CheckIns => "Check-ins",
        Tree::Closure => "Moving on",
        Tree::Archive => "Archived programs",
    }
}

/// Renders the records (as [`crate::store::export::records_in_clear`]
/// answers them) as Markdown, with instants in `tz`.
pub(crate) fn render(trees: &crate::store::export::Records, now: DateTime<Utc>, tz: Tz) -> String {
    let mut out = String::new();
    out.push_str("# Crossroads: everything you wrote\n\n");
    out.push_str(&format!(
        "Exported {}. This file is not protected by your passphrase: keep it somewhere private.\n",
        local(now, tz)
    ));
    if trees.is_empty() {
        out.push_str("\nNothing has been written yet.\n");
    }
    for (tree, records) in trees {
        // The notifier's bookkeeping says nothing to a reader.
        if matches!(tree, Tree::Outbox | Tree::Meta) {
            continue;
        }
        out.push_str(&format!("\n## {}\n", section(*tree)));
        for (key, value) in records {
            let name = record_name(key, value, tz);
            out.push_str(&format!("\n### {name}\n\n"));
            fields(&mut out, value, 0, tz);
        }
    }
    out
}

/// A record's heading: its date for records kept in time order, its own
/// name for single records, else its number.
fn record_name(key: &[u8], value: &Value, tz: Tz) -> String {
    if let Some(at) = ["at", "created_at", "written_at", "date", "day"]
        .iter()
        .find_map(|field| value.get(field).and_then(Value::as_str))
    {
        return instant_or_text(at, tz);
    }
    match key.len() {
        16 => {
            let micros = u64::from_be_bytes(key[..8].try_into().unwrap_or_default()) ^ (1 << 63);
            Utc.timestamp_micros(micros as i64)
                .single()
                .map(|at| local(at, tz))
                .unwrap_or_else(|| hex(key))
        }
        8 => format!(
            "Number {}",
            u64::from_be_bytes(key.try_into().unwrap_or_default())
        ),
        _ => match std::str::from_utf8(key) {
            Ok(name) if !name.is_empty() => label(name),
            _ => hex(key),
        },
    }
}

fn fields(out: &mut String, value: &Value, depth: usize, tz: Tz) {
    let indent = "  ".repeat(depth);
    match value {
        Value::Object(map) => {
            for (name, field) in map {
                match field {
                    Value::Null => {}
                    Value::Object(inner) if inner.is_empty() => {}
                    Value::Array(items) if items.is_empty() => {}
                    Value::Object(_) | Value::Array(_) => {
                        out.push_str(&format!("{indent}- **{}**:\n", label(name)));
                        fields(out, field, depth + 1, tz);
                    }
                    Value::String(text) if text.contains('\n') || text.chars().count() > 80 => {
                        out.push_str(&format!("{indent}- **{}**:\n\n", label(name)));
                        quote(out, text, &format!("{indent}  "));
                        out.push('\n');
                    }
                    scalar => out.push_str(&format!(
                        "{indent}- **{}**: {}\n",
                        label(name),
                        scalar_text(scalar, tz)
                    )),
                }
            }
        }
        Value::Array(items) => {
            for item in items {
                match item {
                    Value::Object(_) | Value::Array(_) => {
                        out.push_str(&format!("{indent}-\n"));
                        fields(out, item, depth + 1, tz);
                    }
                    scalar => out.push_str(&format!("{indent}- {}\n", scalar_text(scalar, tz))),
                }
            }
        }
        scalar => out.push_str(&format!("{indent}{}\n", scalar_text(scalar, tz))),
    }
}

/// Text the person wrote, quoted line by line so it is shown as written.
fn quote(out: &mut String, text: &str, indent: &str) {
    for line in text.lines() {
        out.push_str(&format!("{indent}> {}\n", escape(line)));
    }
}

fn scalar_text(value: &Value, tz: Tz) -> String {
    match value {
        Value::Bool(true) => "yes".into(),
        Value::Bool(false) => "no".into(),
        Value::Number(n) => n.to_string(),
        Value::String(text) => escape(&instant_or_text(text, tz)),
        _ => String::new(),
    }
}

/// Keeps what a person wrote from turning into headings, links or markup.
fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '!'
        ) {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

fn instant_or_text(text: &str, tz: Tz) -> String {
    DateTime::parse_from_rfc3339(text)
        .map(|at| local(at.with_timezone(&Utc), tz))
        .unwrap_or_else(|_| text.to_owned())
}

fn local(at: DateTime<Utc>, tz: Tz) -> String {
    at.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string()
}

/// `ex_name` → "Ex name".
fn label(name: &str) -> String {
    let spaced = name.replace('_', " ");
    let mut chars = spaced.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::instant;
    use serde_json::json;
    use std::collections::BTreeMap;

    #[test]
    fn records_read_as_sections_with_dates_and_quoted_text() {
        let mut trees = BTreeMap::new();
        trees.insert(
            Tree::Journal,
            vec![(
                7u64.to_be_bytes().to_vec(),
                json!({ "text": "# not a heading\nsecond line with *stars*", "created_at": "2026-05-01T10:00:00Z" }),
            )],
        );
        trees.insert(
            Tree::Profile,
            vec![(
                b"profile".to_vec(),
                json!({ "ex_name": "Quill", "ended_by": "them" }),
            )],
        );
        trees.insert(Tree::Outbox, vec![(b"handled".to_vec(), json!({}))]);
        let text = render(
            &trees,
            instant("2026-05-02T08:00:00Z"),
            chrono_tz::Europe::Madrid,
        );
        assert!(text.starts_with("# Crossroads: everything you wrote"));
        assert!(
            text.contains("## About the breakup\n\n### Profile\n\n"),
            "{text}"
        );
        assert!(text.contains("- **Ex name**: Quill\n"), "{text}");
        assert!(
            text.contains("## Journal\n\n### 2026-05-01 12:00\n"),
            "{text}"
        );
        assert!(
            text.contains("  > \\# not a heading\n  > second line with \\*stars\\*\n"),
            "{text}"
        );
        assert!(!text.contains("Notifications"));
        assert!(text.contains("Exported 2026-05-02 10:00"));
    }

    #[test]
    fn time_keyed_records_are_named_by_their_instant() {
        let key = crate::store::time_key(instant("2026-03-01T09:30:00Z"), 4);
        assert_eq!(
            record_name(&key, &json!({ "kind": "urge" }), chrono_tz::UTC),
            "2026-03-01 09:30"
        );
    }
}
