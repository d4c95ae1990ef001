//! Every string the workbench shows, from Fluent files `i18n/<locale>/*.ftl`
//! (embedded in the binary), and numbers formatted for the locale.

mod numbers;

pub use numbers::{NumberStyle, format_decimal, format_int, format_plain};

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};

/// A language the workbench speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    En,
    Lo,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::En, Locale::Lo];

    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Lo => "lo",
        }
    }

    /// The language's name in itself, for the language menu.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Lo => "ລາວ",
        }
    }

    /// The Fluent sources of this locale, `(file name, text)`.
    pub fn sources(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Locale::En => &[("workbench.ftl", include_str!("../../i18n/en/workbench.ftl"))],
            Locale::Lo => &[("workbench.ftl", include_str!("../../i18n/lo/workbench.ftl"))],
        }
    }
}

/// Translations for the current locale, with English behind it for any gap.
pub struct I18n {
    locale: Locale,
    style: NumberStyle,
    bundle: FluentBundle<FluentResource>,
    fallback: FluentBundle<FluentResource>,
}

impl I18n {
    pub fn new(locale: Locale, lao_digits: bool) -> I18n {
        let style = NumberStyle::for_locale(locale, lao_digits);
        I18n {
            locale,
            style,
            bundle: bundle(locale, style),
            fallback: bundle(Locale::En, NumberStyle::English),
        }
    }

    pub fn locale(&self) -> Locale {
        self.locale
    }

    pub fn number_style(&self) -> NumberStyle {
        self.style
    }

    /// The message `id` with no arguments.
    pub fn t(&self, id: &str) -> String {
        self.format(id, None)
    }

    /// The message `id` with arguments; numbers are formatted for the locale.
    pub fn t_args(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        let mut fa = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Str(s) => fa.set(*name, FluentValue::from(*s)),
                Arg::Int(n) => fa.set(*name, FluentValue::from(*n)),
            }
        }
        self.format(id, Some(&fa))
    }

    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id) || self.fallback.has_message(id)
    }

    /// A language code (`lo`, `en`) as the reader names it: "Lao", ລາວ.
    pub fn language(&self, code: &str) -> String {
        let id = format!("lang-{code}");
        if self.has(&id) {
            self.t(&id)
        } else {
            code.to_string()
        }
    }

    /// A stored unit as the reader reads it: in the Lao interface the Lao
    /// word for it where there is one (`people` → ຄົນ); the stored key stays.
    pub fn unit<'a>(&self, unit: &'a str) -> std::borrow::Cow<'a, str> {
        match (self.locale, crate::extract::lao_word_for(unit)) {
            (Locale::Lo, Some(w)) => w.into(),
            _ => unit.into(),
        }
    }

    /// An undone or redone action in words: "confirm “75”", ການຢືນຢັນ “75”.
    pub fn history(&self, action: &str, subject: &str) -> String {
        let id = format!("history-{}", action.replace('.', "-"));
        let args = [("subject", Arg::Str(subject)), ("action", Arg::Str(action))];
        let id = if self.has(&id) {
            id
        } else {
            "history-other".into()
        };
        self.t_args(&id, &args).trim().to_string()
    }

    /// An integer as the locale writes it (grouping, and Lao digits when chosen).
    pub fn int(&self, n: i64) -> String {
        format_int(n, self.style)
    }

    fn format(&self, id: &str, args: Option<&FluentArgs>) -> String {
        for b in [&self.bundle, &self.fallback] {
            if let Some(pattern) = b.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                return b.format_pattern(pattern, args, &mut errors).into_owned();
            }
        }
        id.to_string()
    }
}

/// An argument to a message.
#[derive(Debug, Clone, Copy)]
pub enum Arg<'a> {
    Str(&'a str),
    Int(i64),
}

fn bundle(locale: Locale, style: NumberStyle) -> FluentBundle<FluentResource> {
    let lang: unic_langid::LanguageIdentifier = locale.tag().parse().expect("a valid tag");
    let mut bundle = FluentBundle::new(vec![lang]);
    // Lao and English are both left-to-right: no bidi isolation marks in labels.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(style.fluent_formatter()));
    for (name, source) in locale.sources() {
        let resource = FluentResource::try_new(source.to_string())
            .unwrap_or_else(|(_, e)| panic!("i18n/{}/{name} does not parse: {e:?}", locale.tag()));
        bundle
            .add_resource(resource)
            .unwrap_or_else(|e| panic!("i18n/{}/{name}: {e:?}", locale.tag()));
    }
    bundle
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_and_lao_messages() {
        let en = I18n::new(Locale::En, false);
        let lo = I18n::new(Locale::Lo, false);
        assert_eq!(en.t("menu-file"), "File");
        assert_ne!(lo.t("menu-file"), "File");
        let missing = "no-such-message";
        assert_eq!(en.t(missing), missing, "an unknown id shows as itself");
        let n = en.t_args("bar-figures", &[("count", Arg::Int(1234))]);
        assert!(n.contains("1,234"), "{n}");
        let lo_digits = I18n::new(Locale::Lo, true);
        let n = lo_digits.t_args("bar-figures", &[("count", Arg::Int(1234))]);
        assert!(n.contains("໑.໒໓໔"), "{n}");
    }
}
