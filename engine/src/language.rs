//! The languages Crossroads speaks, and how a system locale picks one.
//!
//! The words themselves live in the shell's catalogs (ui/i18n); the engine
//! only stores the person's choice, in [`crate::Settings`].

use serde::{Deserialize, Serialize};

/// A language of Crossroads' words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// English, the language the program was first written in.
    En,
    /// Spanish, written for speakers in Spain and Latin America alike.
    Es,
}

impl Language {
    /// Every language, in the order a picker lists them.
    pub const ALL: [Language; 2] = [Language::En, Language::Es];

    /// The two-letter code, as serialized and as used in the catalogs' names.
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Es => "es",
        }
    }

    /// The language a POSIX locale name asks for (`es_ES.UTF-8` → Spanish);
    /// anything unknown, empty, `C` or `POSIX` is English.
    pub fn from_locale(locale: &str) -> Language {
        let code = locale
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match code.as_str() {
            "es" => Language::Es,
            _ => Language::En,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Language;

    #[test]
    fn locales_pick_a_language() {
        for (locale, language) in [
            ("es_ES.UTF-8", Language::Es),
            ("es_MX", Language::Es),
            ("es", Language::Es),
            ("ES_ar.utf8", Language::Es),
            ("es-419", Language::Es),
            ("en_GB.UTF-8", Language::En),
            ("de_DE.UTF-8", Language::En),
            ("C", Language::En),
            ("POSIX", Language::En),
            ("", Language::En),
            ("est_EE", Language::En),
        ] {
            assert_eq!(Language::from_locale(locale), language, "{locale}");
        }
    }

    #[test]
    fn codes_match_their_serialized_form() {
        for language in Language::ALL {
            assert_eq!(serde_json::to_value(language).unwrap(), language.code());
        }
    }
}
