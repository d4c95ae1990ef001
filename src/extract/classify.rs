//! Deciding a figure's kind, value and unit.

use rust_decimal::Decimal;

use super::Found;
use super::chars::*;
use super::digits;
use super::emit::emit;
use super::lexicon::*;
use super::look::Look;
use super::nouns::*;
use super::number::Core;
use super::units::{self, LaoTable, lao_table_at};
use super::widen::{Draft, widen};
use crate::model::Kind;

/// Whether the English words before a number (`pw`, the word before it,
/// starting at `pws`) make it an age.
#[inline]
pub(super) fn en_age_before(t: &str, pws: usize, pw: &str) -> bool {
    if pw.len() < 2 {
        return false;
    }
    let is = |w: &str, x: &str| w.eq_ignore_ascii_case(x);
    let age_word =
        |s: usize, w: &str| is(w, "aged") || (is(w, "of") && is(prev_word(t, s).1, "age"));
    if age_word(pws, pw) {
        return true;
    }
    let hedge = EN_AGE_HEDGES.iter().any(|h| is(pw, h));
    if !hedge && !is(pw, "as") {
        return false;
    }
    let (s2, w2) = prev_word(t, pws);
    if hedge {
        return age_word(s2, w2);
    }
    // `as young as 12`, `as old as 70`
    (is(w2, "young") || is(w2, "old")) && is(prev_word(t, s2).1, "as")
}

/// Whether Lao text ending a number's `before` makes it an age: ອາຍຸ, maybe
/// with a hedge or range opener after it.
#[inline]
pub(super) fn lao_age_before(before: &str) -> bool {
    fn trim(s: &str) -> &str {
        s.trim_end_matches([' ', '\u{200B}', '\t'])
    }
    let b = trim(before);
    // ອາຍຸ, the longest hedge and a space lie in the last 48 bytes; ຸ ends
    // in byte 0xB8, which Lao text seldom holds: most numbers stop here
    let tail = &b.as_bytes()[b.len().saturating_sub(48)..];
    if !tail.contains(&0xB8) {
        return false;
    }
    b.ends_with("ອາຍຸ")
        || LAO_AGE_HEDGES
            .iter()
            .any(|h| b.strip_suffix(h).is_some_and(|r| trim(r).ends_with("ອາຍຸ")))
}

/// `i`, or past a Lao hedge written after the number (`1.500 ກວ່າຄົນ`,
/// more than 1,500 people) and the spaces after it.
#[inline]
pub(super) fn after_lao_hedge(t: &str, i: usize) -> usize {
    LAO_HEDGES_AFTER
        .iter()
        .find(|h| t.get(i..).is_some_and(|r| r.starts_with(*h)))
        .map_or(i, |h| skip_hspace(t, i + h.len()))
}

/// Widens a core number into a figure and decides its kind, value and unit;
/// pushes it to `out` (through [`emit`]) and returns its end.
#[inline]
pub(super) fn finish(
    lk: &mut Look,
    core: &Core,
    floor: usize,
    out: &mut Vec<Found>,
) -> Option<usize> {
    let mut d = widen(lk, core, floor);
    let f = classify(lk, core, &mut d);
    emit(out, lk.t, floor, f)
}

/// The rules deciding a widened number's kind, tried in this order; the
/// first that holds decides, and a number none holds for is a count. Most
/// rules look at the same words after the number, so their order is what
/// settles which reading of those words wins.
fn classify(lk: &mut Look, core: &Core, d: &mut Draft) -> Found {
    ratio(d)
        .or_else(|| lao_day(d))
        .or_else(|| percent(d))
        .or_else(|| money(core, d))
        .or_else(|| forced(lk, d))
        .or_else(|| age(lk, d))
        .or_else(|| duration(lk, d))
        .or_else(|| lao_duration(lk, core, d))
        .or_else(|| temperature(lk, d))
        .or_else(|| shared_duration(lk, core, d))
        .or_else(|| measurement(lk, d))
        .or_else(|| lao_noun(lk, d))
        .or_else(|| year(lk, core, d))
        .unwrap_or_else(|| count(lk, d))
}

/// The figure `d` makes as `kind` with `unit`.
fn figure(d: &Draft, kind: Kind, unit: Option<String>) -> Found {
    Found {
        start: d.start,
        end: d.end,
        kind,
        value: Some(d.value),
        value_max: d.value_max,
        unit,
    }
}

/// A ratio was read while widening, which stopped there: nothing after it
/// was looked at, so nothing else can hold.
fn ratio(d: &mut Draft) -> Option<Found> {
    if !d.ratio {
        return None;
    }
    let unit = d.unit.take();
    Some(figure(d, Kind::Other, unit))
}

/// ວັນທີ 5 is a day of the month, whatever follows it, and has no year to
/// value it by.
fn lao_day(d: &Draft) -> Option<Found> {
    d.lao_day.then_some(Found {
        start: d.start,
        end: d.end,
        kind: Kind::Date,
        value: None,
        value_max: None,
        unit: None,
    })
}

/// A percent sign or word, after the number or before it (ຮ້ອຍລະ), was
/// read while widening; it takes no unit, so it goes before the units.
fn percent(d: &Draft) -> Option<Found> {
    d.percent.then(|| figure(d, Kind::Percent, None))
}

/// A currency before or after: money, unless a label or suffix forced
/// another kind (a fraction, forced `other` with no unit, still is money).
fn money(core: &Core, d: &Draft) -> Option<Found> {
    let code = d.money?;
    (d.kind.is_none() || d.kind == Some(Kind::Other) && core.unit.is_none())
        .then(|| figure(d, Kind::Money, Some(code.to_string())))
}

/// A kind forced by the number or a label (`3rd`, `29km`, `Article 5`, a
/// range of years); an ordinal without a unit takes the noun after it.
fn forced(lk: &mut Look, d: &mut Draft) -> Option<Found> {
    let k = d.kind?;
    if k == Kind::Ordinal && d.unit.is_none() {
        d.unit = en_unit_words_look(lk, d.end, false).map(|u| u.to_string(true));
    }
    let unit = d.unit.take();
    Some(figure(d, k, unit))
}

/// Age: `the age of 18`, `aged 18`, `aged between 15 and 22`, `as young as
/// 12`, ອາຍຸ 18 ປີ, ອາຍຸແຕ່ 15 ຫາ 22 ປີ. Before the durations, which would
/// read `18 years` in `aged 18 years` as one.
fn age(lk: &mut Look, d: &Draft) -> Option<Found> {
    let t = lk.t;
    let (pws, pw) = lk.word_before(d.start);
    let before = t.get(..d.before).unwrap_or("");
    (en_age_before(t, pws, pw) || (d.lao_before && lao_age_before(before)))
        .then(|| figure(d, Kind::Other, Some("age".into())))
}

/// An English time unit after the number (`3 years`; `12 years old` is an
/// age).
fn duration(lk: &mut Look, d: &Draft) -> Option<Found> {
    let (j, _, k, _) = lk.keyed_word_after(d.end);
    let (_, u, age) = units::time_unit_at_key(lk.t, j, Some(k))?;
    let (k, u) = if age {
        (Kind::Other, "age")
    } else {
        (Kind::Duration, u)
    };
    Some(figure(d, k, Some(u.into())))
}

/// A Lao time unit after the number (`6 ປີເຄິ່ງ` is 6.5 years); not ປີ
/// after a year-shaped number, which the year rule reads. ເດືອນ with a
/// month name was read as a date before the number was widened.
fn lao_duration(lk: &mut Look, core: &Core, d: &mut Draft) -> Option<Found> {
    let t = lk.t;
    if !lao_thai_at(t, d.after) {
        return None;
    }
    let (e, u) = lao_table_at(t, d.after, LaoTable::Time)?;
    let mut v = d.value;
    // (the span takes ເຄິ່ງ even when the rule then does not hold)
    if t.get(e..).is_some_and(|r| r.starts_with("ເຄິ່ງ")) {
        v += Decimal::new(5, 1);
        d.end = e + "ເຄິ່ງ".len();
    }
    if u == "years" && core.year_shape() {
        return None;
    }
    Some(Found {
        value: Some(v),
        ..figure(d, Kind::Duration, Some(u.into()))
    })
}

/// Temperatures: `38°C`, `38 °F`, `38℃`.
fn temperature(lk: &mut Look, d: &Draft) -> Option<Found> {
    let t = lk.t;
    let j = if t.as_bytes().get(d.end) == Some(&b' ') {
        d.end + 1
    } else {
        d.end
    };
    if !matches!(t.as_bytes().get(j), Some(0xC2 | 0xE2)) {
        return None;
    }
    let r = t.get(j..).unwrap_or("");
    let u = if r.starts_with("°C") || r.starts_with('℃') {
        "°C"
    } else if r.starts_with("°F") || r.starts_with('℉') {
        "°F"
    } else {
        return None;
    };
    Some(figure(d, Kind::Other, Some(u.into())))
}

/// A number coordinated with a duration shares its unit: `20 and 18
/// years`, `3 or 4 days`.
fn shared_duration(lk: &mut Look, core: &Core, d: &Draft) -> Option<Found> {
    let t = lk.t;
    let b = t.as_bytes();
    if d.value_max.is_some()
        || b.get(d.end) != Some(&b' ')
        || !matches!(b.get(d.end + 1), Some(b'a' | b'o'))
        || core.year_shape()
    {
        return None;
    }
    let (j, w) = lk.word_after(d.end);
    if w != "and" && w != "or" {
        return None;
    }
    let n = skip_hspace(t, j + w.len());
    if n == j + w.len() || !b.get(n).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let (_, u, false) = units::time_unit_after(t, digits::run_end(t, n))? else {
        return None;
    };
    Some(figure(d, Kind::Duration, Some(u.into())))
}

/// Measurements: `15 km`, `3 square metres`.
fn measurement(lk: &mut Look, d: &Draft) -> Option<Found> {
    let t = lk.t;
    let (j, w, k, _) = lk.keyed_word_after(d.end);
    if w.is_empty() {
        return None;
    }
    let u = (if w.len() > 1 {
        units::measure_key(k)
    } else {
        None
    })
    .or_else(|| {
        // only `square` begins a two-word unit
        let sq = w.len() == 6 && w.eq_ignore_ascii_case("square");
        sq.then(|| units::measure_two_words(w, next_word(t, j + w.len()).1))
            .flatten()
    })?;
    Some(figure(d, Kind::Other, Some(u.to_string())))
}

/// Lao counted nouns and measures (15 ກິໂລແມັດ is a measurement).
fn lao_noun(lk: &mut Look, d: &Draft) -> Option<Found> {
    let t = lk.t;
    if !lao_thai_at(t, d.after) {
        return None;
    }
    let (_, u) = lao_table_at(t, after_lao_hedge(t, d.after), LaoTable::Gloss)?;
    let kind = if units::is_measure_unit(u) {
        Kind::Other
    } else {
        Kind::Count
    };
    Some(figure(d, kind, Some(u.into())))
}

/// Years: a plain four-digit number that [`reads_as_year`]; late among the rules, since a unit after the number
/// (`2000 km`) says it counts.
fn year(lk: &mut Look, core: &Core, d: &Draft) -> Option<Found> {
    if !core.year_shape() || d.value_max.is_some() {
        return None;
    }
    let before = lk.t.get(..d.before).unwrap_or("");
    let native = core.digits.as_ref().is_some_and(|d| d.native);
    let be = before.ends_with("ພ.ສ.") || before.ends_with("ພ.ສ") || before.ends_with("พ.ศ.");
    let v = u64::try_from(d.value).unwrap_or(0);
    reads_as_year(v, be || native, lk.word_after(d.end).1).then(|| figure(d, Kind::Year, None))
}

/// The fallback: a count, its unit the noun after it.
fn count(lk: &mut Look, d: &Draft) -> Found {
    let plural = d.value != Decimal::ONE || d.value_max.is_some();
    let unit = en_unit_words_look(lk, d.end, plural).map(|u| u.to_string(false));
    figure(d, Kind::Count, unit)
}

// Years are decided here: by [`year`] for a number on its own, by the fast
// path for plain numbers through [`reads_as_year`] as [`year`] does, by [`years_range`] for a
// range, and by [`decade`] for `the 1990s`. (Dates and written year ranges,
// `2019-2021`, are read by [`super::dates`].)

/// Whether a year-shaped number `v` (four digits, no marks) followed by the
/// word `next` is a year: in the years' range ([`is_year`]) and not before a
/// count noun (`2000 people`).
#[inline]
pub(super) fn reads_as_year(v: u64, buddhist: bool, next: &str) -> bool {
    is_year(v, buddhist) && !count_noun(next)
}

/// Whether `v` is a year's number: 1000–2100, or 2400–2700 in the Buddhist
/// era (after ພ.ສ., or written in Lao or Thai digits).
#[inline]
fn is_year(v: u64, buddhist: bool) -> bool {
    (1000..=2100).contains(&v) || buddhist && (2400..=2700).contains(&v)
}

/// Whether a range of two numbers is a range of years: both year-shaped.
#[inline]
pub(super) fn years_range(a: &Core, b: &Core) -> bool {
    a.year_shape() && b.year_shape()
}

/// Whether digits with `s` glued after them are a decade (`the 1990s`).
#[inline]
pub(super) fn decade(run: &digits::DigitRun, suffix: &str) -> bool {
    suffix == "s" && run.is_year_shape() && run.value % Decimal::from(10) == Decimal::ZERO
}
