//! Whether the mentions of a claim agree: exactly, within the rounding of the
//! rounder figure, within the bounds a hedge or range allows, or not at all.
//!
//! Values arrive already read by the extractor, so `3,6 ລ້ານ`, `3.6 million`
//! and `໓.໖ ລ້ານ` are one number here; only the precision is taken from how
//! a figure is written.

use serde::{Deserialize, Serialize};

use super::Mention;
use super::context::{HedgeKind, read_date};
use crate::model::{Decimal, Kind};

crate::model::string_enum! {
    /// What the sources of one claim say, taken together.
    Verdict {
        /// Every mention states the same value.
        Agrees = "agrees",
        /// The values differ by no more than the rounder figure's rounding
        /// (1.2 million and 1.23 million).
        Rounding = "rounding",
        /// A hedge or a range makes them consistent ("more than 1,000" and 1,255).
        Hedged = "hedged",
        /// At least two mentions cannot both be right.
        Disagrees = "disagrees",
    }
}

/// The verdict on a set of mentions and, for rounding, the rounder one.
pub fn verdict_of(mentions: &[Mention]) -> (Verdict, Option<usize>) {
    let mut worst = Verdict::Agrees;
    let mut rounder = None;
    // Each mention's precision, read from its text at most once.
    let mut precisions: Vec<Option<Decimal>> = vec![None; mentions.len()];
    for i in 0..mentions.len() {
        if worst == Verdict::Disagrees {
            break;
        }
        for j in i + 1..mentions.len() {
            let (v, r) = pair(mentions, i, j, &mut precisions);
            let rank = |v: Verdict| match v {
                Verdict::Agrees => 0,
                Verdict::Rounding => 1,
                Verdict::Hedged => 2,
                Verdict::Disagrees => 3,
            };
            if v == Verdict::Rounding && rounder.is_none() {
                rounder = r.map(|first| if first { i } else { j });
            }
            if rank(v) > rank(worst) {
                worst = v;
            }
        }
    }
    (worst, rounder.filter(|_| worst == Verdict::Rounding))
}

/// A mention as a set of values: `lo ..= hi`, with open ends for "more than".
#[derive(Debug, Clone, Copy)]
struct Bounds {
    lo: Option<Decimal>,
    lo_open: bool,
    hi: Option<Decimal>,
    hi_open: bool,
}

fn pair(
    mentions: &[Mention],
    i: usize,
    j: usize,
    precisions: &mut [Option<Decimal>],
) -> (Verdict, Option<bool>) {
    let (a, b) = (&mentions[i], &mentions[j]);
    if a.kind == Kind::Date || b.kind == Kind::Date {
        return dates(a, b);
    }
    let (Some(va), Some(vb)) = (a.value, b.value) else {
        // Without values there is nothing to hold against each other.
        return (
            if a.text == b.text {
                Verdict::Agrees
            } else {
                Verdict::Disagrees
            },
            None,
        );
    };
    // The same range, or the same bound ("more than 1,000" twice), agrees.
    let hedge_kind = |m: &Mention| m.hedge.as_ref().map(|h| h.kind);
    if va == vb && a.value_max == b.value_max && hedge_kind(a) == hedge_kind(b) {
        return (Verdict::Agrees, None);
    }
    let plain = |m: &Mention| m.hedge.is_none() && m.value_max.is_none_or(|x| Some(x) == m.value);
    if plain(a) && plain(b) {
        if va == vb {
            return (Verdict::Agrees, None);
        }
        let mut of = |k: usize| *precisions[k].get_or_insert_with(|| precision(&mentions[k]));
        let (pa, pb) = (of(i), of(j));
        let half = pa.max(pb) / Decimal::TWO;
        if (va - vb).abs() <= half {
            return (Verdict::Rounding, Some(pa >= pb));
        }
        return (Verdict::Disagrees, None);
    }
    if overlap(bounds(a, va), bounds(b, vb)) {
        (Verdict::Hedged, None)
    } else {
        (Verdict::Disagrees, None)
    }
}

fn bounds(m: &Mention, v: Decimal) -> Bounds {
    let tenth = v.abs() / Decimal::TEN;
    let exact = Bounds {
        lo: Some(v),
        lo_open: false,
        hi: Some(m.value_max.unwrap_or(v).max(v)),
        hi_open: false,
    };
    let Some(h) = &m.hedge else { return exact };
    match h.kind {
        HedgeKind::MoreThan => Bounds {
            lo_open: true,
            hi: None,
            ..exact
        },
        HedgeKind::AtLeast => Bounds { hi: None, ..exact },
        HedgeKind::LessThan => Bounds {
            lo: None,
            hi: Some(v),
            hi_open: true,
            ..exact
        },
        HedgeKind::AtMost => Bounds {
            lo: None,
            hi: Some(v),
            ..exact
        },
        HedgeKind::About => Bounds {
            lo: Some(v - tenth),
            hi: Some(exact.hi.unwrap_or(v) + tenth),
            ..exact
        },
        HedgeKind::Nearly => Bounds {
            lo: Some(v - tenth),
            hi: Some(v),
            ..exact
        },
    }
}

fn overlap(a: Bounds, b: Bounds) -> bool {
    // a.lo below b.hi and b.lo below a.hi, each respecting open ends.
    let below =
        |lo: Option<Decimal>, lo_open: bool, hi: Option<Decimal>, hi_open: bool| match (lo, hi) {
            (Some(l), Some(h)) => {
                if lo_open || hi_open {
                    l < h
                } else {
                    l <= h
                }
            }
            _ => true,
        };
    below(a.lo, a.lo_open, b.hi, b.hi_open) && below(b.lo, b.lo_open, a.hi, a.hi_open)
}

/// The step a written figure is rounded to: 1.2 million → 100 000, 40.4 → 0.1.
/// A whole number with one significant digit and no scale word ("1,000",
/// "40") is taken as exact: writers round with a hedge ("about 1,000") or a
/// scale word ("3 million"), and treating "40" as "35 to 45" would hide real
/// disagreements. Years, dates, ordinals and ranks never round.
pub fn precision(m: &Mention) -> Decimal {
    let Some(v) = m.value else {
        return Decimal::ONE;
    };
    if matches!(
        m.kind,
        Kind::Year | Kind::Date | Kind::Ordinal | Kind::Rank | Kind::Identifier
    ) || v.is_zero()
    {
        return Decimal::ONE;
    }
    let written = written_number(&m.text);
    let Some(w) = written else {
        return Decimal::ONE;
    };
    let digits: String = w.digits.trim_start_matches('0').to_string();
    let significant = if w.decimals > 0 {
        digits.len()
    } else {
        digits.trim_end_matches('0').len()
    };
    if significant == 0 {
        return Decimal::ONE;
    }
    let scaled = w.value != v.abs();
    if significant == 1 && w.decimals == 0 && !scaled {
        return Decimal::ONE;
    }
    // 10^(magnitude - significant + 1)
    let magnitude = magnitude(v.abs());
    pow10(magnitude - significant as i32 + 1)
}

/// The first digit run of a figure's text, in any script, read with its
/// separators: which of `.` and `,` is the decimal mark is told by the
/// grouping (a mark followed by other than three digits, or the only kind
/// of mark after another kind, is decimal).
struct Written {
    digits: String,
    decimals: usize,
    value: Decimal,
}

fn written_number(text: &str) -> Option<Written> {
    let chars: Vec<char> = text.chars().collect();
    let start = chars.iter().position(|c| digit_of(*c).is_some())?;
    let mut run = String::new();
    let mut i = start;
    while i < chars.len() {
        let c = chars[i];
        if let Some(d) = digit_of(c) {
            run.push(d);
        } else if matches!(c, '.' | ',' | '\u{a0}' | ' ' | '\u{202f}' | '\'')
            && chars.get(i + 1).and_then(|n| digit_of(*n)).is_some()
            && !(c == ' ' && run.len() > 3 && !run.contains(' '))
        {
            run.push(if c == '\u{a0}' || c == '\u{202f}' {
                ' '
            } else {
                c
            });
        } else {
            break;
        }
        i += 1;
    }
    let marks: Vec<(usize, char)> = run
        .char_indices()
        .filter(|(_, c)| !c.is_ascii_digit())
        .collect();
    let decimal_at = marks.last().and_then(|&(at, mark)| {
        let after = run[at + 1..].len();
        let same_kind = marks.iter().filter(|(_, c)| *c == mark).count();
        let other_before = marks.iter().any(|(_, c)| *c != mark);
        let is_decimal =
            (mark == '.' || mark == ',') && (after != 3 || (other_before && same_kind == 1));
        is_decimal.then_some(at)
    });
    let (int, frac) = match decimal_at {
        Some(at) => (&run[..at], &run[at + 1..]),
        None => (run.as_str(), ""),
    };
    let int: String = int.chars().filter(|c| c.is_ascii_digit()).collect();
    let digits = format!("{int}{frac}");
    let value: Decimal = format!(
        "{}.{}",
        if int.is_empty() { "0" } else { &int },
        if frac.is_empty() { "0" } else { frac }
    )
    .parse()
    .ok()?;
    Some(Written {
        digits,
        decimals: frac.len(),
        value: value.normalize(),
    })
}

fn digit_of(c: char) -> Option<char> {
    let d = match c {
        '0'..='9' => c as u32 - '0' as u32,
        '\u{0ed0}'..='\u{0ed9}' => c as u32 - 0x0ed0,
        '\u{0e50}'..='\u{0e59}' => c as u32 - 0x0e50,
        _ => return None,
    };
    char::from_digit(d, 10)
}

fn magnitude(v: Decimal) -> i32 {
    let mut m = 0;
    let mut x = v;
    while x >= Decimal::TEN {
        x /= Decimal::TEN;
        m += 1;
    }
    while x < Decimal::ONE && !x.is_zero() && m > -28 {
        x *= Decimal::TEN;
        m -= 1;
    }
    m
}

fn pow10(e: i32) -> Decimal {
    let mut p = Decimal::ONE;
    if e >= 0 {
        for _ in 0..e.min(28) {
            p *= Decimal::TEN;
        }
    } else {
        for _ in 0..(-e).min(28) {
            p /= Decimal::TEN;
        }
    }
    p
}

/// Date claims compare the date: the same year, month and day agree; one
/// that leaves out the day or month but matches the rest agrees within
/// rounding (the less precise is the rounder); anything else disagrees.
fn dates(a: &Mention, b: &Mention) -> (Verdict, Option<bool>) {
    let (da, db) = (read_date(&a.text), read_date(&b.text));
    let (Some(da), Some(db)) = (da, db) else {
        return (
            if a.text == b.text {
                Verdict::Agrees
            } else {
                Verdict::Disagrees
            },
            None,
        );
    };
    let fields = |d: &DateParts| [d.year, d.month, d.day];
    let (fa, fb) = (fields(&da), fields(&db));
    let mut coarser = None;
    for k in 0..3 {
        match (fa[k], fb[k]) {
            (Some(x), Some(y)) if x != y => return (Verdict::Disagrees, None),
            (Some(_), None) => coarser = coarser.or(Some(false)),
            (None, Some(_)) => coarser = coarser.or(Some(true)),
            _ => {}
        }
    }
    match coarser {
        None => (Verdict::Agrees, None),
        Some(a_coarser) => (Verdict::Rounding, Some(a_coarser)),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateParts {
    pub year: Option<u32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::context::{Hedge, hedge_at};
    use crate::model::Span;

    fn m(text: &str, value: &str) -> Mention {
        mention(text, Kind::Count, value, None)
    }

    fn mention(text: &str, kind: Kind, value: &str, hedge: Option<Hedge>) -> Mention {
        Mention {
            figure: 1,
            doc: 1,
            span: Span::new(0, 1),
            text: text.into(),
            kind,
            value: value.parse().ok(),
            value_max: None,
            unit: None,
            hedge,
            sentence: Span::new(0, 1),
            sentence_text: String::new(),
            time: None,
        }
    }

    fn hedged(sentence: &str, figure: &str, value: &str) -> Mention {
        let s = sentence.find(figure).unwrap();
        mention(
            figure,
            Kind::Count,
            value,
            hedge_at(sentence, s, s + figure.len()),
        )
    }

    #[test]
    fn rounding_names_the_rounder() {
        let ms = [m("1.2 million", "1200000"), m("1.23 million", "1230000")];
        assert_eq!(verdict_of(&ms), (Verdict::Rounding, Some(0)));
        let ms = [m("40.4%", "40.4"), m("40%", "40")];
        assert_eq!(verdict_of(&ms), (Verdict::Rounding, Some(1)));
        let ms = [m("3 million", "3000000"), m("3.2 million", "3200000")];
        assert_eq!(verdict_of(&ms).0, Verdict::Rounding);
    }

    #[test]
    fn different_counts_disagree_even_when_one_looks_round() {
        assert_eq!(
            verdict_of(&[m("96", "96"), m("46", "46")]).0,
            Verdict::Disagrees
        );
        assert_eq!(
            verdict_of(&[m("40", "40"), m("46", "46")]).0,
            Verdict::Disagrees
        );
        assert_eq!(
            verdict_of(&[m("1,000", "1000"), m("1,255", "1255")]).0,
            Verdict::Disagrees
        );
        assert_eq!(
            verdict_of(&[m("1.2 million", "1200000"), m("1.3 million", "1300000")]).0,
            Verdict::Disagrees
        );
    }

    #[test]
    fn lao_and_english_forms_of_one_value_agree() {
        let ms = [m("3,6 ລ້ານ", "3600000"), m("3.6 million", "3600000")];
        assert_eq!(verdict_of(&ms).0, Verdict::Agrees);
        let ms = [
            m("1.000.000", "1000000"),
            m("1,000,000", "1000000"),
            m("໑໐໐໐໐໐໐", "1000000"),
        ];
        assert_eq!(verdict_of(&ms).0, Verdict::Agrees);
        let ms = [m("twelve", "12"), m("12", "12"), m("໑໒", "12")];
        assert_eq!(verdict_of(&ms).0, Verdict::Agrees);
        assert_eq!(precision(&m("3,6 ລ້ານ", "3600000")), Decimal::from(100_000));
        assert_eq!(precision(&m("1.000.000", "1000000")), Decimal::ONE);
    }

    #[test]
    fn hedges_bound_the_value() {
        let more = hedged("more than 1,000 workers", "1,000", "1000");
        let fewer = hedged("fewer than 1,000 workers", "1,000", "1000");
        let about = hedged("about 1,200 workers", "1,200", "1200");
        let lao = hedged("1.000 ກວ່າຄົນ", "1.000", "1000");
        let exact = m("1,255", "1255");
        assert_eq!(
            verdict_of(&[more.clone(), exact.clone()]).0,
            Verdict::Hedged
        );
        assert_eq!(verdict_of(&[lao, exact.clone()]).0, Verdict::Hedged);
        assert_eq!(verdict_of(&[fewer, exact.clone()]).0, Verdict::Disagrees);
        assert_eq!(verdict_of(&[about, exact.clone()]).0, Verdict::Hedged);
        let far = hedged("about 900 workers", "900", "900");
        assert_eq!(verdict_of(&[far, exact]).0, Verdict::Disagrees);
    }

    #[test]
    fn a_range_holds_a_value_inside_it() {
        let mut range = m("10-15", "10");
        range.value_max = Some(Decimal::from(15));
        assert_eq!(
            verdict_of(&[range.clone(), m("12", "12")]).0,
            Verdict::Hedged
        );
        assert_eq!(
            verdict_of(&[range.clone(), m("16", "16")]).0,
            Verdict::Disagrees
        );
        assert_eq!(
            verdict_of(&[range.clone(), range]).0,
            Verdict::Agrees,
            "the same range"
        );
    }

    #[test]
    fn date_claims_compare_the_date() {
        let d = |t: &str| mention(t, Kind::Date, "", None);
        assert_eq!(
            verdict_of(&[d("January 30, 2025"), d("30 January 2025")]).0,
            Verdict::Agrees
        );
        assert_eq!(
            verdict_of(&[d("January 30, 2025"), d("January 31, 2025")]).0,
            Verdict::Disagrees
        );
        assert_eq!(
            verdict_of(&[d("30/01/2025"), d("January 30, 2025")]).0,
            Verdict::Agrees
        );
        assert_eq!(
            verdict_of(&[d("ວັນທີ 30 ມັງກອນ 2025"), d("Jan. 30, 2025")]).0,
            Verdict::Agrees
        );
        assert_eq!(
            verdict_of(&[d("January 2025"), d("January 30, 2025")]),
            (Verdict::Rounding, Some(0))
        );
        let y = |t: &str| mention(t, Kind::Year, t, None);
        assert_eq!(verdict_of(&[y("2020"), y("2024")]).0, Verdict::Disagrees);
    }
}
