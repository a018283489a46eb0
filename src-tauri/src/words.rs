//! The words Crossroads shows, from the same catalogs the UI reads
//! (ui/i18n/en.json, ui/i18n/es.json): the tray menu, notifications and
//! error messages come from here, and the UI gets its whole catalog through
//! `get_words`.
//!
//! The person's language is kept in one process-wide slot: it is stored by
//! the engine (in the settings), read when the store opens, and changed from
//! Settings; until then the system locale decides.

use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::OnceLock;

use engine::Language;
use serde_json::Value;

const EN: &str = include_str!("../../ui/i18n/en.json");
const ES: &str = include_str!("../../ui/i18n/es.json");

/// The catalogs, parsed once.
fn catalogs() -> &'static [Value; 2] {
    static CATALOGS: OnceLock<[Value; 2]> = OnceLock::new();
    CATALOGS.get_or_init(|| {
        // Both files are part of the build and checked by the tests below.
        let parse = |text: &str| serde_json::from_str(text).unwrap_or(Value::Null);
        [parse(EN), parse(ES)]
    })
}

/// The whole catalog of `language`, as the UI receives it.
pub fn catalog(language: Language) -> &'static Value {
    &catalogs()[index(language)]
}

fn index(language: Language) -> usize {
    match language {
        Language::En => 0,
        Language::Es => 1,
    }
}

/// 0: not chosen yet (the system's); 1: English; 2: Spanish.
static CURRENT: AtomicU8 = AtomicU8::new(0);

/// The language words are shown in now.
pub fn current() -> Language {
    match CURRENT.load(Ordering::Relaxed) {
        1 => Language::En,
        2 => Language::Es,
        _ => system_language(),
    }
}

/// Makes `language` the one words are shown in.
pub fn set_current(language: Language) {
    let code = match language {
        Language::En => 1,
        Language::Es => 2,
    };
    CURRENT.store(code, Ordering::Relaxed);
}

/// Takes the stored language as the current one; when none is stored yet
/// (first run, or data from before languages), stores the system's, so it
/// stays put even if the system locale changes later.
pub fn settle(engine: &engine::Crossroads) {
    let stored = match engine.settings() {
        Ok(settings) => settings.language,
        Err(e) => {
            log::warn!("language not read: {e}");
            return;
        }
    };
    let language = match stored {
        Some(language) => language,
        None => {
            let language = system_language();
            if let Err(e) = engine.set_language(language) {
                log::warn!("language not stored: {e}");
            }
            language
        }
    };
    set_current(language);
}

/// The locale the system asks for, by POSIX precedence: `LC_ALL`, then
/// `LC_MESSAGES`, then `LANG` (the first one set and not empty).
pub fn system_locale() -> String {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.is_empty())
        .unwrap_or_default()
}

/// The language the system locale asks for (`es_ES.UTF-8` → Spanish;
/// anything else → English).
pub fn system_language() -> Language {
    Language::from_locale(&system_locale())
}

/// The BCP 47 locale for dates and numbers in `language`: the system's own
/// region when it speaks that language (`es_MX.UTF-8` → `es-MX`), else the
/// bare language.
pub fn locale_for(language: Language, system_locale: &str) -> String {
    let name = system_locale.split(['.', '@']).next().unwrap_or("");
    let mut parts = name.split(['_', '-']);
    let same_language = parts
        .next()
        .is_some_and(|code| code.eq_ignore_ascii_case(language.code()));
    match parts.next() {
        Some(region)
            if same_language
                && (2..=3).contains(&region.len())
                && region.chars().all(|c| c.is_ascii_alphanumeric()) =>
        {
            format!("{}-{}", language.code(), region.to_ascii_uppercase())
        }
        _ => language.code().to_owned(),
    }
}

/// The plural category of `count` in `language` (CLDR's rule for integers:
/// English and Spanish both say "one" for exactly 1).
pub fn plural(language: Language, count: i64) -> &'static str {
    match language {
        Language::En | Language::Es if count == 1 => "one",
        Language::En | Language::Es => "other",
    }
}

/// A parameter for [`text`]: its name and value. A parameter named `count`
/// also picks the plural form.
pub type Param<'a> = (&'a str, &'a dyn std::fmt::Display);

/// The entry at the dotted `key` in the current language, with its
/// `{name}` placeholders filled.
pub fn text(key: &str, params: &[Param<'_>]) -> String {
    text_in(current(), key, params)
}

/// The entry at `key` in `language`. A missing entry falls back to English
/// and then to the key itself (the tests make sure neither happens).
pub fn text_in(language: Language, key: &str, params: &[Param<'_>]) -> String {
    let found = lookup(catalog(language), key).or_else(|| lookup(catalog(Language::En), key));
    let template = match found {
        Some(Value::String(s)) => s.as_str(),
        Some(Value::Object(forms)) => {
            let count = params
                .iter()
                .find(|(name, _)| *name == "count")
                .and_then(|(_, value)| value.to_string().parse::<i64>().ok())
                .unwrap_or(0);
            forms
                .get(plural(language, count))
                .or_else(|| forms.get("other"))
                .and_then(Value::as_str)
                .unwrap_or(key)
        }
        _ => key,
    };
    fill(template, params)
}

fn lookup<'a>(catalog: &'a Value, key: &str) -> Option<&'a Value> {
    key.split('.')
        .try_fold(catalog, |node, part| node.get(part))
}

fn fill(template: &str, params: &[Param<'_>]) -> String {
    let mut out = template.to_owned();
    for (name, value) in params {
        out = out.replace(&format!("{{{name}}}"), &value.to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn placeholders(text: &str) -> BTreeSet<String> {
        let mut found = BTreeSet::new();
        let mut rest = text;
        while let Some(start) = rest.find('{') {
            let Some(len) = rest[start..].find('}') else {
                break;
            };
            found.insert(rest[start..start + len + 1].to_owned());
            rest = &rest[start + len + 1..];
        }
        found
    }

    /// Every key of `a` is in `b` with the same shape and placeholders.
    fn same_shape(a: &Value, b: &Value, path: &str, problems: &mut Vec<String>) {
        match (a, b) {
            (Value::String(x), Value::String(y)) => {
                if placeholders(x) != placeholders(y) {
                    problems.push(format!("{path}: placeholders differ"));
                }
            }
            (Value::Array(x), Value::Array(y)) => {
                if x.len() != y.len() {
                    problems.push(format!("{path}: lists differ in length"));
                }
                for (i, (x, y)) in x.iter().zip(y).enumerate() {
                    same_shape(x, y, &format!("{path}.{i}"), problems);
                }
            }
            (Value::Object(x), Value::Object(y)) => {
                for (key, value) in x {
                    match y.get(key) {
                        Some(other) => same_shape(value, other, &format!("{path}.{key}"), problems),
                        None => problems.push(format!("{path}.{key}: missing")),
                    }
                }
            }
            _ => problems.push(format!("{path}: different kinds of entry")),
        }
    }

    #[test]
    fn both_catalogs_parse() {
        for text in [EN, ES] {
            assert!(serde_json::from_str::<Value>(text).is_ok_and(|v| v.is_object()));
        }
    }

    /// Every object key of a JSON text, in the order written.
    fn keys_in_order(json: &str) -> Vec<String> {
        let (mut keys, mut current, mut in_string, mut escaped) =
            (Vec::new(), String::new(), false, false);
        let mut last_string = None;
        for c in json.chars() {
            if in_string {
                match (escaped, c) {
                    (true, _) => {
                        escaped = false;
                        current.push(c);
                    }
                    (false, '\\') => escaped = true,
                    (false, '"') => {
                        in_string = false;
                        last_string = Some(std::mem::take(&mut current));
                    }
                    (false, _) => current.push(c),
                }
                continue;
            }
            match c {
                '"' => in_string = true,
                ':' => keys.extend(last_string.take()),
                c if c.is_whitespace() => {}
                _ => last_string = None,
            }
        }
        keys
    }

    /// Lists and forms are laid out in the order the catalog was written
    /// (the range picker, the outcomes, the check-in form), so the words
    /// the page receives keep that order, in both languages.
    #[test]
    fn the_words_keep_the_order_they_were_written_in() {
        for (text, language) in [(EN, Language::En), (ES, Language::Es)] {
            let sent = serde_json::to_string(catalog(language)).unwrap();
            assert_eq!(keys_in_order(&sent), keys_in_order(text), "{language:?}");
        }
        assert_eq!(
            keys_in_order(EN),
            keys_in_order(ES),
            "the same order in both"
        );
        let sent = serde_json::to_string(catalog(Language::En)).unwrap();
        let ranges = sent.find("\"ranges\"").unwrap();
        let two_weeks = sent[ranges..].find("two_weeks").unwrap();
        let all_time = sent[ranges..].find("all_time").unwrap();
        assert!(two_weeks < all_time, "two weeks first, as written");
    }

    #[test]
    fn no_key_is_missing_in_either_language() {
        let (en, es) = (catalog(Language::En), catalog(Language::Es));
        let mut problems = Vec::new();
        same_shape(en, es, "en→es", &mut problems);
        same_shape(es, en, "es→en", &mut problems);
        assert!(problems.is_empty(), "{problems:#?}");
    }

    #[test]
    fn every_key_the_ui_asks_for_exists() {
        // strings.js names its keys as t("a.b") or t(`a.b.${x}`): the fixed
        // part must exist in both languages.
        let source = include_str!("../../ui/js/strings.js");
        let mut checked = 0;
        for quote in ['"', '`'] {
            let opener = format!("t({quote}");
            for (at, _) in source.match_indices(opener.as_str()) {
                // Only calls of t itself, not split(".") and the like.
                if source[..at]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.')
                {
                    continue;
                }
                let rest = &source[at + opener.len()..];
                let key = rest.split(quote).next().unwrap_or("");
                let key = key.split(".${").next().unwrap_or(key);
                for language in Language::ALL {
                    assert!(
                        lookup(catalog(language), key).is_some(),
                        "{key} in {language:?}"
                    );
                }
                checked += 1;
            }
        }
        assert!(checked > 40, "only {checked} keys found");
    }

    /// The codes the engine's errors name: the first string literal after
    /// each way an error is made (the field comes first in `invalid`).
    fn engine_error_codes(source: &str) -> Vec<String> {
        let mut codes = Vec::new();
        for opener in [
            "Message::new(",
            "OutOfOrder(",
            "refuse(",
            "Error::invalid(",
            "required_text(",
            ".required(",
        ] {
            for (at, _) in source.match_indices(opener) {
                let call = &source[at + opener.len()..];
                let call = &call[..call.find(';').unwrap_or(call.len())];
                let literals: Vec<&str> = call.split('"').skip(1).step_by(2).collect();
                let pick = match opener {
                    // The field first, a literal or not; then the code.
                    "Error::invalid(" | ".required(" if !call.trim_start().starts_with('"') => {
                        literals.first()
                    }
                    "Error::invalid(" | ".required(" | "required_text(" => literals.get(1),
                    _ => literals.first(),
                };
                if let Some(code) = pick {
                    if !code.is_empty() && code.chars().all(|c| c.is_ascii_alphanumeric()) {
                        codes.push((*code).to_owned());
                    }
                }
            }
        }
        codes
    }

    #[test]
    fn every_engine_error_has_words_in_both_languages() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("engine/src");
        let mut stack = vec![root];
        let mut codes = Vec::new();
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "rs")
                    // Test-only files make errors of their own too.
                    && !path.ends_with("tests.rs")
                    && !path.to_string_lossy().ends_with("_tests.rs")
                {
                    let source = std::fs::read_to_string(&path).unwrap();
                    // Tests make errors of their own ("x", "refused").
                    let source = source.split("#[cfg(test)]").next().unwrap_or("");
                    codes.extend(engine_error_codes(source));
                }
            }
        }
        assert!(codes.len() > 80, "only {} codes found", codes.len());
        for code in codes {
            for language in Language::ALL {
                assert!(
                    lookup(catalog(language), &format!("errors.{code}")).is_some(),
                    "errors.{code} in {language:?}"
                );
            }
        }
        // And the store's own errors.
        for code in [
            "storeLocked",
            "storeCorrupt",
            "storeTooNew",
            "locked",
            "storage",
        ] {
            assert!(lookup(catalog(Language::Es), &format!("errors.{code}")).is_some());
        }
    }

    /// The dotted chains after `prefix` in `source` (`text.noContact.title`
    /// gives `noContact.title`), skipping matches inside longer names.
    fn chains<'a>(source: &'a str, prefix: &str) -> Vec<&'a str> {
        let mut found = Vec::new();
        for (at, _) in source.match_indices(prefix) {
            let before = source[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') {
                continue;
            }
            let rest = &source[at + prefix.len()..];
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
                .unwrap_or(rest.len());
            let chain = rest[..end].trim_end_matches('.');
            if !chain.is_empty() {
                found.push(chain);
            }
        }
        found
    }

    #[test]
    fn every_word_the_views_read_exists() {
        // Views read `text.a.b`, or `t.b` after `const t = text.a;`. A
        // missing key would show as "undefined" on screen.
        let ui = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/js");
        let mut files = vec![ui.join("app.js"), ui.join("care.js"), ui.join("forms.js")];
        for entry in std::fs::read_dir(ui.join("views")).unwrap() {
            files.push(entry.unwrap().path());
        }
        // Plain strings named `text` in a view (`text.trim()`).
        let string_methods = ["trim", "length", "split", "slice", "replace", "includes"];
        let js_methods = [
            "map", "join", "length", "find", "filter", "forEach", "slice", "includes", "some",
            "every", "trim", "split", "replace", "entries",
        ];
        let mut checked = 0;
        for file in files {
            let source = std::fs::read_to_string(&file).unwrap();
            let mut paths: Vec<String> = chains(&source, "text.")
                .into_iter()
                .filter(|c| !string_methods.contains(c))
                .map(str::to_owned)
                .collect();
            let aliases: Vec<&str> = chains(&source, "const t = text.");
            if let [alias] = aliases.as_slice() {
                paths.extend(
                    chains(&source, "t.")
                        .into_iter()
                        .map(|c| format!("{alias}.{c}")),
                );
            }
            for path in paths {
                for language in Language::ALL {
                    // `list.map`, `words.length`: a method of what is there.
                    let method_of_value = path.rsplit_once('.').is_some_and(|(parent, last)| {
                        js_methods.contains(&last)
                            && lookup(catalog(language), parent)
                                .is_some_and(|v| v.is_array() || v.is_string())
                    });
                    assert!(
                        method_of_value || lookup(catalog(language), &path).is_some(),
                        "{path} in {language:?}, read by {}",
                        file.display()
                    );
                }
                checked += 1;
            }
        }
        assert!(checked > 300, "only {checked} words found");
    }

    #[test]
    fn plurals_and_placeholders_are_filled() {
        assert_eq!(text_in(Language::En, "tray.day", &[("count", &3)]), "Day 3");
        assert_eq!(text_in(Language::Es, "tray.day", &[("count", &3)]), "Día 3");
        assert_eq!(
            text_in(Language::Es, "notify.dayTitle", &[("count", &1)]),
            "1 día de contacto cero"
        );
        assert_eq!(
            text_in(Language::Es, "notify.dayTitle", &[("count", &14)]),
            "14 días de contacto cero"
        );
        assert_eq!(text_in(Language::En, "no.such.key", &[]), "no.such.key");
    }

    #[test]
    fn locales_keep_their_region_only_for_their_own_language() {
        assert_eq!(locale_for(Language::Es, "es_MX.UTF-8"), "es-MX");
        assert_eq!(locale_for(Language::Es, "en_GB.UTF-8"), "es");
        assert_eq!(locale_for(Language::En, "en_GB.UTF-8"), "en-GB");
        assert_eq!(locale_for(Language::En, "C"), "en");
        assert_eq!(locale_for(Language::Es, "es_419"), "es-419");
        assert_eq!(locale_for(Language::En, ""), "en");
    }
}
