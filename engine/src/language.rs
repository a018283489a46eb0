//! The languages Crossroads speaks, and how a system locale picks one.
//!
//! The words themselves live in the shell's catalogs (ui/i18n); the engine
//! only stores the person's choice, in [`crate::Settings`].

use serde::{Deserialize, Serialize};

/// A language of Crossroads' words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Language {
    /// English, the language the program was first written in.
    #[serde(rename = "en")]
    En,
    /// Spanish, written for speakers in Spain and Latin America alike.
    #[serde(rename = "es")]
    Es,
    /// Brazilian Portuguese (also offered to other Portuguese locales).
    #[serde(rename = "pt-BR")]
    PtBr,
    /// German.
    #[serde(rename = "de")]
    De,
    /// French.
    #[serde(rename = "fr")]
    Fr,
}

impl crate::choice::Offered for Language {
    const FIELD: &'static str = "language";
}

impl Language {
    /// Every language, in the order a picker lists them.
    pub const ALL: [Language; 5] = [
        Language::En,
        Language::Es,
        Language::PtBr,
        Language::De,
        Language::Fr,
    ];

    /// The BCP 47 tag, as serialized (and stored in the settings) and as
    /// used in the catalogs' names: "en", "es", "pt-BR", "de", "fr".
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Es => "es",
            Language::PtBr => "pt-BR",
            Language::De => "de",
            Language::Fr => "fr",
        }
    }

    /// The bare language subtag ("pt" for Brazilian Portuguese), as a
    /// POSIX locale names it.
    pub fn primary(self) -> &'static str {
        match self {
            Language::PtBr => "pt",
            other => other.code(),
        }
    }

    /// The language a POSIX locale name asks for (`es_ES.UTF-8` → Spanish,
    /// `pt_PT` → Brazilian Portuguese, `de_AT` → German); anything unknown,
    /// empty, `C` or `POSIX` is English.
    pub fn from_locale(locale: &str) -> Language {
        let code = locale
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match code.as_str() {
            "es" => Language::Es,
            "pt" => Language::PtBr,
            "de" => Language::De,
            "fr" => Language::Fr,
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
            ("pt_BR.UTF-8", Language::PtBr),
            ("pt_PT", Language::PtBr),
            ("pt", Language::PtBr),
            ("de_DE.UTF-8", Language::De),
            ("de_AT.utf8", Language::De),
            ("de_CH", Language::De),
            ("fr_FR.UTF-8", Language::Fr),
            ("fr_BE", Language::Fr),
            ("fr_CH.UTF-8@euro", Language::Fr),
            ("it_IT.UTF-8", Language::En),
            ("deu", Language::En),
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

    /// The stored setting is part of the disk format: what was written
    /// before more languages came ("en", "es") reads as it did, and every
    /// language reads back as itself.
    #[test]
    fn stored_codes_keep_reading() {
        for (stored, language) in [
            ("\"en\"", Language::En),
            ("\"es\"", Language::Es),
            ("\"pt-BR\"", Language::PtBr),
            ("\"de\"", Language::De),
            ("\"fr\"", Language::Fr),
        ] {
            assert_eq!(serde_json::from_str::<Language>(stored).unwrap(), language);
        }
        for language in Language::ALL {
            let text = serde_json::to_string(&language).unwrap();
            assert_eq!(serde_json::from_str::<Language>(&text).unwrap(), language);
        }
    }
}
