//! Numbers as each locale writes them, through ICU4X's CLDR data:
//! English `1,234,567.5`; Lao `1.234.567,5`, or with Lao digits `໑.໒໓໔.໕໖໗,໕`.

use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal as IcuDecimal;

use super::Locale;
use crate::model::Decimal;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberStyle {
    English,
    Lao,
    LaoDigits,
}

impl NumberStyle {
    pub fn for_locale(locale: Locale, lao_digits: bool) -> NumberStyle {
        match (locale, lao_digits) {
            (Locale::En, _) => NumberStyle::English,
            (Locale::Lo, false) => NumberStyle::Lao,
            (Locale::Lo, true) => NumberStyle::LaoDigits,
        }
    }

    /// Runs `f` with this style's formatter. ICU4X formatters are not `Sync`,
    /// so each thread builds its own, once.
    fn with_formatter<R>(self, f: impl FnOnce(&DecimalFormatter) -> R) -> R {
        thread_local! {
            static FORMATTERS: [DecimalFormatter; 3] = ["en", "lo", "lo-u-nu-laoo"].map(|tag| {
                let locale: icu_locale_core::Locale = tag.parse().expect("a valid locale");
                DecimalFormatter::try_new(locale.into(), Default::default())
                    .expect("compiled CLDR data has en and lo")
            });
        }
        let i = match self {
            NumberStyle::English => 0,
            NumberStyle::Lao => 1,
            NumberStyle::LaoDigits => 2,
        };
        FORMATTERS.with(|all| f(&all[i]))
    }

    /// The formatter Fluent uses for number arguments in this style.
    pub(super) fn fluent_formatter<M>(
        self,
    ) -> fn(&fluent_bundle::FluentValue, &M) -> Option<String> {
        fn english<M>(v: &fluent_bundle::FluentValue, _: &M) -> Option<String> {
            fluent_number(v, NumberStyle::English)
        }
        fn lao<M>(v: &fluent_bundle::FluentValue, _: &M) -> Option<String> {
            fluent_number(v, NumberStyle::Lao)
        }
        fn lao_digits<M>(v: &fluent_bundle::FluentValue, _: &M) -> Option<String> {
            fluent_number(v, NumberStyle::LaoDigits)
        }
        match self {
            NumberStyle::English => english::<M>,
            NumberStyle::Lao => lao::<M>,
            NumberStyle::LaoDigits => lao_digits::<M>,
        }
    }
}

fn fluent_number(v: &fluent_bundle::FluentValue, style: NumberStyle) -> Option<String> {
    match v {
        fluent_bundle::FluentValue::Number(n) if n.value.fract() == 0.0 && n.value.abs() < 9e15 => {
            Some(format_int(n.value as i64, style))
        }
        _ => None,
    }
}

pub fn format_int(n: i64, style: NumberStyle) -> String {
    style.with_formatter(|f| f.format(&IcuDecimal::from(n)).to_string())
}

/// An exact decimal, every digit kept.
pub fn format_decimal(d: &Decimal, style: NumberStyle) -> String {
    let text = d.normalize().to_string();
    match text.parse::<IcuDecimal>() {
        Ok(icu) => style.with_formatter(|f| f.format(&icu).to_string()),
        Err(_) => text,
    }
}

/// A number written without grouping, as years and identifiers are (`2024`, `໒໐໒໔`).
pub fn format_plain(d: &Decimal, style: NumberStyle) -> String {
    let text = d.normalize().to_string();
    match style {
        NumberStyle::English => text,
        NumberStyle::Lao => text.replace('.', ","),
        NumberStyle::LaoDigits => text
            .chars()
            .map(|c| match c {
                '0'..='9' => char::from_u32(0x0ED0 + (c as u32 - '0' as u32)).unwrap_or(c),
                '.' => ',',
                c => c,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cldr_grouping_and_digits() {
        let d = Decimal::from_str_exact("1234567.5").unwrap();
        assert_eq!(format_decimal(&d, NumberStyle::English), "1,234,567.5");
        assert_eq!(format_decimal(&d, NumberStyle::Lao), "1.234.567,5");
        assert_eq!(format_decimal(&d, NumberStyle::LaoDigits), "໑.໒໓໔.໕໖໗,໕");
        assert_eq!(format_int(-1255, NumberStyle::English), "-1,255");
        let year = Decimal::from(2024);
        assert_eq!(format_plain(&year, NumberStyle::English), "2024");
        assert_eq!(format_plain(&year, NumberStyle::LaoDigits), "໒໐໒໔");
        let exact = Decimal::from_str_exact("65500000.000000000000000001").unwrap();
        assert_eq!(
            format_decimal(&exact, NumberStyle::English),
            "65,500,000.000000000000000001"
        );
    }
}
