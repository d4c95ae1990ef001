//! Reading a number at a trigger: digits with their glued suffix and scale
//! word, English or Lao number words. The readers are [`super::digits`],
//! [`super::english_words`] and [`super::lao_words`]; this is their front,
//! which turns what they read into the [`Core`] the later stages widen.

use rust_decimal::Decimal;

use super::chars::*;
use super::classify;
use super::digits::{self, DigitRun, digit_value, glued_before, is_digit, read_digits};
use super::english_words::{self, WordKind, parse_words};
use super::lao_words::{self, parse_lao};
use super::lexicon::*;
use super::look::Look;
use super::units;
use super::widen::label_before;
use crate::model::Kind;

/// The core number of a figure, before it is widened.
#[derive(Debug, Clone)]
pub(super) struct Core {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) value: Decimal,
    /// Scale word multiplied in (`million`): for `10 to 20 million`.
    pub(super) scale: Option<Decimal>,
    pub(super) digits: Option<DigitRun>,
    pub(super) words: Option<WordKind>,
    /// Forced kind and unit (ordinal suffix, measurement suffix, label).
    pub(super) kind: Option<Kind>,
    pub(super) unit: Option<&'static str>,
    /// Currency sign written before (inside `start`).
    pub(super) money: Option<&'static str>,
}

impl Core {
    pub(super) fn year_shape(&self) -> bool {
        self.scale.is_none()
            && self.kind.is_none()
            && self.digits.as_ref().is_some_and(|d| d.is_year_shape())
    }
}

pub(super) fn d(n: u64) -> Decimal {
    Decimal::from(n)
}

/// English scale word after digits (`65.5 million`).
#[inline]
pub(super) fn en_scale_after(lk: &mut Look, i: usize) -> Option<(Decimal, usize)> {
    let t = lk.t;
    let (j, w, k, _) = lk.keyed_word_after(i);
    if w.is_empty() {
        return None;
    }
    let s = d(EN_SCALES.get_key(k)?);
    // `three lakh crore`
    let e = j + w.len();
    let j2 = skip_hspace(t, e);
    let w2 = ascii_word_at(t, j2);
    if w2.eq_ignore_ascii_case("crore") && s == d(100_000) {
        return Some((s * d(10_000_000), j2 + 5));
    }
    Some((s, e))
}

/// Glued suffix after digits: scale (`10k`, `1.2bn`), measurement (`29km`).
#[inline]
pub(super) fn glued_suffix(
    w: &str,
    money: bool,
) -> Option<(Option<Decimal>, Option<&'static str>)> {
    let scale = GLUED_SCALES
        .iter()
        .find(|(s, _)| *s == w)
        .map(|(_, n)| d(*n))
        .or_else(|| (money && w == "m").then(|| d(1_000_000)));
    if scale.is_some() {
        return Some((scale, None));
    }
    units::measure_word(w).map(|u| (None, Some(u)))
}

/// Reads digits at `p` with their glued suffix and following scale word.
/// `Err(skip)` when the digits belong to a name (`COVID-19`, `G20`).
#[inline]
pub(super) fn digits_core(lk: &mut Look, p: usize) -> Result<Option<Core>, usize> {
    let t = lk.t;
    let mut start = p;
    // `.08`
    if ch_before(t, p) == Some('.')
        && !is_ascii_alnum(ch_before(t, p - 1))
        && !is_digit(ch_before(t, p - 1))
    {
        start = p - 1;
    }
    if glued_before(t, start) {
        return Err(digits::run_end(t, p));
    }
    let Some(run) = read_digits(t, start, || lao_near(t, p)) else {
        return Err(digits::run_end(t, p));
    };
    let money = lk.currency_before(start).map(|x| x.1);
    let mut core = Core {
        start,
        end: run.end,
        value: run.value,
        scale: None,
        digits: Some(run.clone()),
        words: None,
        kind: None,
        unit: None,
        money,
    };
    // `1e10`, `1.1^23`, `1.3x10^6`
    if let Some((e, v)) = digits::exponent_after(t, run.end, run.value) {
        core.end = e;
        core.value = v;
        if let Some(r) = &mut core.digits {
            r.composite = true;
        }
        return Ok(Some(core));
    }
    // `2½`
    if !run.fraction
        && let Some(f) = ch(t, run.end).and_then(digits::vulgar_value)
    {
        core.end = run.end + ch(t, run.end).map_or(0, char::len_utf8);
        core.value += f;
        if let Some(r) = &mut core.digits {
            r.composite = true;
        }
        return Ok(Some(core));
    }
    let w = ascii_word_at(t, run.end);
    if !w.is_empty() {
        glued_letters(t, &mut core, &run, w, (p, start))?;
        return Ok(Some(core));
    }
    scale_after(lk, &mut core, &run, (p, start));
    Ok(Some(core))
}

/// Letters glued after the digits `run` (the word `w`): an ordinal suffix
/// (`3rd`), a decade (`1990s`), a scale or measurement (`10k`, `29km`), a
/// section's letter (`Section 12a`). `Err(skip)` when they make it a name.
/// `at` is (the trigger, the number's start).
fn glued_letters(
    t: &str,
    core: &mut Core,
    run: &DigitRun,
    w: &str,
    (p, start): (usize, usize),
) -> Result<(), usize> {
    let we = run.end + w.len();
    if is_digit(ch(t, we)) {
        return Err(digits::run_end(t, p));
    }
    if english_words::is_ordinal_suffix(w) && !run.fraction {
        core.end = we;
        core.kind = Some(Kind::Ordinal);
        return Ok(());
    }
    if classify::decade(run, w) {
        core.end = we;
        core.kind = Some(Kind::Year); // the 1990s
        return Ok(());
    }
    if let Some((scale, unit)) = glued_suffix(w, core.money.is_some()) {
        core.end = we;
        if let Some(s) = scale {
            core.value = core.value.checked_mul(s).ok_or(we)?;
            core.scale = Some(s);
        }
        if let Some(u) = unit {
            core.kind = Some(Kind::Other);
            core.unit = Some(u);
        }
        return Ok(());
    }
    if w.len() == 1 && w.as_bytes()[0].is_ascii_lowercase() && label_before(t, start).is_some() {
        core.end = we; // Section 12a
        return Ok(());
    }
    Err(we)
}

/// A scale word after the digits: `65.5 million`, `5 ລ້ານ`, `2.33 k`, and a
/// phrase led by digits (`3 hundred and 21`). `at` is (the trigger, the
/// number's start).
fn scale_after(lk: &mut Look, core: &mut Core, run: &DigitRun, (p, start): (usize, usize)) {
    let t = lk.t;
    // Scale word after: `65.5 million`, `5 ລ້ານ`.
    let en_sc = en_scale_after(lk, run.end);
    let sc = en_sc.or_else(|| {
        let j = lk.after(run.end);
        lao_words::scale_after(t, j)
    });
    if let Some((s, e)) = sc {
        if let Some(v) = core.value.checked_mul(s) {
            core.value = v;
            core.scale = Some(s);
            core.end = e;
        }
        if en_sc.is_none() {
            lao_scales_after(t, core, s);
        }
        // A phrase led by digits: `3 hundred and 21`, `4 thousand 3
        // hundred`, `3 million and a half`.
        if en_sc.is_some()
            && start == p
            && !run.grouped
            && !run.fraction
            && run.int_digits <= 3
            && !run.native
            && let Some(w) = parse_words(t, p)
            && w.kind == WordKind::Cardinal
            && w.end > core.end
        {
            core.value = w.value;
            core.end = w.end;
        }
    } else if (run.fraction || run.grouped)
        && let (j, w) = lk.word_after(run.end)
        && j > run.end
        && let Some(s) = SPACED_SCALES
            .iter()
            .find(|(s, _)| *s == w)
            .map(|(_, n)| d(*n))
        && !is_digit(ch(t, j + 1))
        && let Some(v) = core.value.checked_mul(s)
    {
        // `2.33 k`, `1,674,200.5 M`: a spaced letter scale after a number
        // written with a decimal or grouping mark (never after a plain
        // `5 K`, which is more often a unit).
        core.value = v;
        core.scale = Some(s);
        core.end = j + 1;
    }
}

/// `1 ລ້ານ 5 ແສນ` (1 500 000) after the Lao scale `s`: digits and a smaller
/// Lao scale after a Lao scale add up.
fn lao_scales_after(t: &str, core: &mut Core, s: Decimal) {
    let mut last = s;
    loop {
        let j = skip_hspace(t, core.end);
        if !is_digit(ch(t, j)) {
            break;
        }
        let Some(r2) = read_digits(t, j, || true) else {
            break;
        };
        let Some((s2, e2)) = lao_words::scale_after(t, skip_hspace(t, r2.end)) else {
            break;
        };
        let Some(v) = r2
            .value
            .checked_mul(s2)
            .and_then(|v| core.value.checked_add(v))
        else {
            break;
        };
        if s2 >= last || r2.value * s2 >= last {
            break;
        }
        core.value = v;
        core.end = e2;
        last = s2;
    }
}

/// Any number at `p` (digits, English or Lao words), for the far end of a
/// range or after ຮ້ອຍລະ. A currency sign before it is skipped.
#[inline]
pub(super) fn any_core(t: &str, p: usize) -> Option<Core> {
    let mut p = p;
    let mut money = None;
    for (s, code) in units::SIGNS {
        if t.get(p..).is_some_and(|r| r.starts_with(s)) {
            p = skip_hspace(t, p + s.len());
            money = Some(*code);
            break;
        }
    }
    if money.is_none() {
        let w = ascii_word_at(t, p);
        if let Some(c) = units::CODES.iter().find(|c| w.len() == 3 && **c == w) {
            p = skip_hspace(t, p + 3);
            money = Some(units::code_iso(c));
        }
    }
    let c = ch(t, p)?;
    let mut core = if digit_value(c).is_some() {
        digits_core(&mut Look::new(t), p).ok()??
    } else if c.is_ascii_alphabetic() {
        let w = parse_words(t, p)?;
        if w.kind == WordKind::Ordinal {
            return None;
        }
        word_core(t, &w)
    } else if is_lao(c) {
        let l = parse_lao(t, p)?;
        if l.scale_only {
            return None;
        }
        lao_core(&l)
    } else {
        return None;
    };
    if money.is_some() {
        core.money = money;
    }
    Some(core)
}

#[inline]
pub(super) fn word_core(t: &str, w: &english_words::WordNum) -> Core {
    let mut c = Core {
        start: w.start,
        end: w.end,
        value: w.value,
        scale: None,
        digits: None,
        words: Some(w.kind),
        kind: None,
        unit: None,
        money: None,
    };
    if w.kind == WordKind::Ordinal {
        c.kind = Some(Kind::Ordinal);
    }
    let _ = t;
    c
}

#[inline]
pub(super) fn lao_core(l: &lao_words::LaoNum) -> Core {
    Core {
        start: l.start,
        end: l.end,
        value: l.value,
        scale: None,
        digits: None,
        words: None,
        kind: None,
        unit: None,
        money: None,
    }
}
