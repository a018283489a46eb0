//! Everything the person wrote as one readable Markdown document, for
//! reading or printing (the JSON export is the one to import). Its words
//! (title, section names, yes and no) come from the shell's catalog through
//! [`Words`]; fields are named by the data's own field names.
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

/// Words for the document, by catalog key (`markdown.title`,
/// `markdown.exported` with `{when}`, `markdown.empty`, `markdown.yes`,
/// `markdown.no`, `markdown.number` with `{n}`, and
/// `markdown.sections.<tree>` for each tree's name on disk).
pub type Words<'a> = &'a dyn Fn(&str, &[(&str, String)]) -> String;

/// The catalog keys of every section title, one per tree (for the test
/// that each has words in every language).
pub fn section_keys() -> Vec<String> {
    Tree::ALL
        .iter()
        .map(|tree| format!("markdown.sections.{}", tree.name()))
        .collect()
}

/// Renders the records (as [`crate::store::export::records_in_clear`]
/// answers them) as Markdown, with instants in `tz`.
pub(crate) fn render(
    trees: &crate::store::export::Records,
    now: DateTime<Utc>,
    tz: Tz,
    words: Words<'_>,
) -> String {
    let mut out = String::new();
    out.push_str(&format!("# {}\n\n", escape(&words("markdown.title", &[]))));
    out.push_str(&format!(
        "{}\n",
        escape(&words("markdown.exported", &[("when", local(now, tz))]))
    ));
    if trees.is_empty() {
        out.push_str(&format!("\n{}\n", escape(&words("markdown.empty", &[]))));
    }
    for (tree, records) in trees {
        // The notifier's bookkeeping says nothing to a reader.
        if matches!(tree, Tree::Outbox | Tree::Meta) {
            continue;
        }
        let title = words(&format!("markdown.sections.{}", tree.name()), &[]);
        out.push_str(&format!("\n## {}\n", escape(&title)));
        for (key, value) in records {
            let name = record_name(key, value, tz, words);
            out.push_str(&format!("\n### {name}\n\n"));
            fields(&mut out, value, 0, tz, words);
        }
    }
    out
}

/// A record's heading: its date for records kept in time order, its own
/// name for single records, else its number.
fn record_name(key: &[u8], value: &Value, tz: Tz, words: Words<'_>) -> String {
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
        8 => words(
            "markdown.number",
            &[(
                "n",
                u64::from_be_bytes(key.try_into().unwrap_or_default()).to_string(),
            )],
        ),
        _ => match std::str::from_utf8(key) {
            Ok(name) if !name.is_empty() => label(name),
            _ => hex(key),
        },
    }
}

fn fields(out: &mut String, value: &Value, depth: usize, tz: Tz, words: Words<'_>) {
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
                        fields(out, field, depth + 1, tz, words);
                    }
                    Value::String(text) if text.contains('\n') || text.chars().count() > 80 => {
                        out.push_str(&format!("{indent}- **{}**:\n\n", label(name)));
                        quote(out, text, &format!("{indent}  "));
                        out.push('\n');
                    }
                    scalar => out.push_str(&format!(
                        "{indent}- **{}**: {}\n",
                        label(name),
                        scalar_text(scalar, tz, words)
                    )),
                }
            }
        }
        Value::Array(items) => {
            for item in items {
                match item {
                    Value::Object(_) | Value::Array(_) => {
                        out.push_str(&format!("{indent}-\n"));
                        fields(out, item, depth + 1, tz, words);
                    }
                    scalar => {
                        out.push_str(&format!("{indent}- {}\n", scalar_text(scalar, tz, words)))
                    }
                }
            }
        }
        scalar => out.push_str(&format!("{indent}{}\n", scalar_text(scalar, tz, words))),
    }
}

/// Text the person wrote, quoted line by line so it is shown as written.
fn quote(out: &mut String, text: &str, indent: &str) {
    for line in text.lines() {
        out.push_str(&format!("{indent}> {}\n", escape(line)));
    }
}

fn scalar_text(value: &Value, tz: Tz, words: Words<'_>) -> String {
    match value {
        Value::Bool(true) => words("markdown.yes", &[]),
        Value::Bool(false) => words("markdown.no", &[]),
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

    /// English words as the catalog has them, for the tests.
    fn english(key: &str, params: &[(&str, String)]) -> String {
        let text = match key {
            "markdown.title" => "Crossroads: everything you wrote",
            "markdown.exported" => "Exported {when}.",
            "markdown.sections.profile" => "About the breakup",
            "markdown.sections.journal" => "Journal",
            other => other,
        };
        params.iter().fold(text.to_owned(), |t, (name, value)| {
            t.replace(&format!("{{{name}}}"), value)
        })
    }

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
            &english,
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
        assert!(!text.contains("outbox"));
        assert!(text.contains("Exported 2026-05-02 10:00"));
    }

    #[test]
    fn time_keyed_records_are_named_by_their_instant() {
        let key = crate::store::time_key(instant("2026-03-01T09:30:00Z"), 4);
        assert_eq!(
            record_name(&key, &json!({ "kind": "urge" }), chrono_tz::UTC, &english),
            "2026-03-01 09:30"
        );
    }
}
