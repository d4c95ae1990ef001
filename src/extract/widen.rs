//! Widening a number into a figure: currency, sign, ratio, percent, range
//! and the label before it.

use rust_decimal::Decimal;

use super::chars::*;
use super::classify;
use super::dates;
use super::digits::{self, is_digit};
use super::english_words::WordKind;
use super::lexicon::*;
use super::look::Look;
use super::nouns::en_unit_after;
use super::number::{Core, any_core};
use super::units;
use crate::model::Kind;

/// A label word before `i` (English): (start, kind, unit).
#[inline]
pub(super) fn label_before(t: &str, i: usize) -> Option<(usize, Kind, &'static str)> {
    label_ending_at(t, skip_hspace_back(t, i))
}

/// Whether an English or Lao label stands before the number at `p`.
#[inline]
pub(super) fn labelled(t: &str, p: usize) -> bool {
    label_before(t, p).is_some()
        || units::LAO_ID_LABELS
            .iter()
            .any(|(w, _)| has_suffix(&t[..skip_hspace_back(t, p)], w))
}

/// [`label_before`] with the spaces skipped: `j` is `skip_hspace_back(t, i)`.
#[inline]
pub(super) fn label_ending_at(t: &str, mut j: usize) -> Option<(usize, Kind, &'static str)> {
    // a label ends in a letter or a `.` (`No.`); anything else is none
    if !matches!(
        j.checked_sub(1).and_then(|k| t.as_bytes().get(k)),
        Some(b'.' | b'A'..=b'Z' | b'a'..=b'z')
    ) {
        return None;
    }
    let mut dotted = false;
    if ch_before(t, j) == Some('.') {
        j -= 1;
        dotted = true;
    } else if ch_before(t, j) == Some('#') {
        return None;
    }
    let (ws, w) = ascii_word_before(t, j);
    if w.is_empty() || !w.as_bytes()[0].is_ascii_uppercase() {
        return None;
    }
    let low = Low::new(w);
    let lw = low.as_str();
    if dotted && !DOTTED_LABELS.contains(&lw) {
        return None;
    }
    if matches!(lw, "no" | "nos") && !dotted {
        return None;
    }
    if let Some(u) = units::rank_label(lw) {
        return Some((ws, Kind::Rank, u));
    }
    if let Some(u) = units::id_label(lw) {
        return Some((ws, Kind::Identifier, u));
    }
    None
}

/// `over N`, `out of N`, or (after one) `in N` after a number: a ratio,
/// valued as the quotient. Not when the second number is a year or a time
/// follows (`25 in 2021`, `2000 over 3 years`). Returns (end, value).
#[inline]
pub(super) fn ratio_after(lk: &mut Look, core: &Core, value: Decimal) -> Option<(usize, Decimal)> {
    let t = lk.t;
    let (j, w, wk, _) = lk.keyed_word_after(core.end);
    if j == core.end || w.len() < 2 || w.len() > 4 {
        return None;
    }
    // the word, any case, by its key
    let k = if wk == key("over") {
        j + 4
    } else if wk == key("out") {
        let (k, of) = next_word(t, j + 3);
        if !of.eq_ignore_ascii_case("of") {
            return None;
        }
        k + 2
    } else if wk == key("in") && value == Decimal::ONE {
        j + 2
    } else {
        return None;
    };
    // a part out of a whole: `12 out of 10` is two numbers
    let part = !w.eq_ignore_ascii_case("over");
    let k2 = skip_hspace(t, k);
    if k2 == k {
        return None;
    }
    let b = any_core(t, k2)?;
    if b.kind.is_some()
        || b.money.is_some()
        || b.year_shape()
        || b.value <= Decimal::ZERO
        || (part && b.value < value)
        || b.words == Some(WordKind::Vague)
        || units::time_unit_after(t, b.end).is_some()
        || units::percent_after(t, b.end).is_some()
    {
        return None;
    }
    Some((b.end, value.checked_div(b.value)?))
}

/// A number widened into a figure whose kind [`super::classify`] decides.
pub(super) struct Draft {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) value: Decimal,
    pub(super) value_max: Option<Decimal>,
    /// Forced by the number (ordinal or measurement suffix), by a label
    /// before it, or by a range of years.
    pub(super) kind: Option<Kind>,
    pub(super) unit: Option<String>,
    pub(super) money: Option<&'static str>,
    pub(super) percent: bool,
    /// `2 out of 5`: `value` is the quotient, `unit` the noun after it.
    pub(super) ratio: bool,
    /// ວັນທີ 5: a day of the month, no year written.
    pub(super) lao_day: bool,
    /// The length of the text before the number (before its labels), its
    /// spaces at the end trimmed; and whether Lao or Thai ends it.
    pub(super) before: usize,
    pub(super) lao_before: bool,
    /// Where the spaces after the widened number end.
    pub(super) after: usize,
}

/// Widens `core` outwards, in the order each step needs the one before:
/// a currency sign before it, the sign, a ratio (which ends the widening),
/// a percent, the far end of a range, a label before it, a currency after.
#[inline]
pub(super) fn widen(lk: &mut Look, core: &Core, floor: usize) -> Draft {
    let mut d = Draft {
        start: core.start,
        end: core.end,
        value: core.value,
        value_max: None,
        kind: core.kind,
        unit: core.unit.map(str::to_string),
        money: core.money,
        percent: false,
        ratio: false,
        lao_day: false,
        before: 0,
        lao_before: false,
        after: 0,
    };
    let is_ordinal = d.kind == Some(Kind::Ordinal);
    if !is_ordinal
        && let Some((s, code)) = lk.currency_before(d.start)
        && s >= floor
    {
        d.start = s;
        d.money = Some(code);
    }
    sign_before(lk.t, core, &mut d, floor);
    if !is_ordinal && ratio(lk, core, &mut d) {
        return d;
    }
    // Percent right after the first number (`10% to 20%`).
    if !is_ordinal && let Some(e) = units::percent_at(lk.t, lk.after(d.end)) {
        d.end = e;
        d.percent = true;
    }
    if !is_ordinal {
        range(lk, core, &mut d);
    }
    labels(lk, &mut d, floor);
    if !d.percent && !d.lao_day {
        currency_after(lk, &mut d);
    }
    d.after = lk.after(d.end);
    d
}

/// A minus sign glued before digits, after a space, a line's start or `(`.
fn sign_before(t: &str, core: &Core, d: &mut Draft, floor: usize) {
    if core.digits.is_some()
        && d.money.is_none()
        && let Some(c @ ('-' | '−')) = ch_before(t, d.start)
    {
        let b = ch_before(t, d.start - c.len_utf8());
        if b.is_none_or(|b| is_hspace(b) || b == '\n' || b == '(')
            && d.start - c.len_utf8() >= floor
        {
            d.start -= c.len_utf8();
            d.value = -d.value;
        }
    }
}

/// A ratio: `one over three`, `2 out of 5`, `one in five`.
fn ratio(lk: &mut Look, core: &Core, d: &mut Draft) -> bool {
    if d.money.is_some()
        || core.kind.is_some()
        || core.words == Some(WordKind::Vague)
        || core.words == Some(WordKind::Fraction)
    {
        return false;
    }
    let Some((e, v)) = ratio_after(lk, core, d.value) else {
        return false;
    };
    d.end = e;
    d.value = v;
    d.kind = Some(Kind::Other);
    d.unit = en_unit_after(lk.t, e);
    d.ratio = true;
    true
}

/// Range: `five to 15`, `$580 to $5,810`, `10 million to 100 million`,
/// `between 10 and 20`; not a change (`rose from 5 to 7`).
fn range(lk: &mut Look, core: &Core, d: &mut Draft) {
    let t = lk.t;
    if core.words == Some(WordKind::Vague) || core.words == Some(WordKind::Fraction) {
        return;
    }
    let Some((k, conn)) = dates::connector_at(t, lk.after(d.end)) else {
        return;
    };
    let (_, pw) = lk.word_before(d.start);
    let pwl = Low::new(pw);
    let pwl = pwl.as_str();
    let between = pwl == "between"
        || t.get(..d.start)
            .is_some_and(|b| b.trim_end_matches(is_hspace).ends_with("ລະຫວ່າງ"));
    let change = {
        let (s2, _) = prev_word(t, d.start);
        let (_, ppw) = prev_word(t, s2);
        CHANGE_VERBS.contains(&pwl)
            || (pwl == "from" && CHANGE_VERBS.contains(&Low::new(ppw).as_str()))
    };
    let conn_ok = match conn {
        "and" => between,
        // no phone numbers or codes: `222-2222-2222`
        "-" => core.digits.is_some() || !t[d.end..k].contains(' '),
        _ => true,
    };
    if !conn_ok || change {
        return;
    }
    let Some(b) = any_core(t, k) else { return };
    if b.kind.is_some()
        || (conn == "-" && (matches!(ch(t, b.end), Some('-' | '/')) && is_digit(ch(t, b.end + 1))))
        || (core.year_shape() != b.year_shape() && conn == "-")
    {
        return;
    }
    let mut lo = d.value;
    if core.scale.is_none()
        && !d.percent
        && let Some(s) = b.scale
        && lo.checked_mul(s).is_some_and(|m| m <= b.value)
        && lo < b.value / s
    {
        lo *= s; // `10 to 20 million`
    }
    if b.value <= lo {
        return;
    }
    d.value = lo;
    d.value_max = Some(b.value);
    d.end = b.end;
    if d.money.is_none() {
        d.money = b.money;
    }
    if classify::years_range(core, &b) {
        d.kind = Some(Kind::Year);
    }
    if let Some(e) = units::percent_at(t, lk.after(d.end)) {
        d.end = e;
        d.percent = true;
    }
}

/// Labels and Lao markers before the number: `Article 5`, ເລກທີ 5, ທີ 3,
/// ວັນທີ 5, ຮ້ອຍລະ 20 (a percent written before).
fn labels(lk: &mut Look, d: &mut Draft, floor: usize) {
    let t = lk.t;
    let bj = lk.before(d.start);
    let before = if t.get(..d.start).is_some() {
        t.get(..bj).unwrap_or("")
    } else {
        ""
    };
    let bstart = before.len();
    d.before = bstart;
    d.lao_before = lao_thai_before(t, bstart);
    if d.kind.is_some() || d.money.is_some() || d.percent {
        return;
    }
    if let Some((ls, k, u)) = label_ending_at(t, bj)
        && ls >= floor
    {
        d.start = ls;
        d.kind = Some(k);
        d.unit = Some(u.to_string());
        // `No. 6/2023`: the number and its year are one identifier
        if k == Kind::Identifier
            && ch(t, d.end) == Some('/')
            && t.as_bytes().get(d.end + 1).is_some_and(u8::is_ascii_digit)
        {
            d.end = digits::run_end(t, d.end + 1);
        }
    } else if !d.lao_before {
    } else if let Some((w, u)) = units::LAO_ID_LABELS
        .iter()
        .find(|(w, _)| has_suffix(before, w))
        && bstart - w.len() >= floor
    {
        d.start = bstart - w.len();
        d.kind = Some(Kind::Identifier);
        d.unit = Some(u.to_string());
    } else if before.ends_with("ທີ") && bstart >= floor + "ທີ".len() {
        lao_ti(t, d, bstart - "ທີ".len(), floor);
    } else if before.ends_with("ຮ້ອຍລະ") && bstart - "ຮ້ອຍລະ".len() >= floor
    {
        d.start = bstart - "ຮ້ອຍລະ".len();
        d.percent = true;
    }
}

/// ທີ before the number, at `ti`: ວັນທີ 5 (a day), ຊັ້ນທີ 3 (a rank), or
/// an ordinal, its unit the noun before ທີ.
fn lao_ti(t: &str, d: &mut Draft, ti: usize, floor: usize) {
    let pre = &t[..ti];
    if pre.ends_with("ວັນ") {
        d.lao_day = true;
    } else if let Some((w, u)) = units::LAO_RANK_BEFORE_TI
        .iter()
        .find(|(w, _)| has_suffix(pre, w))
        && ti - w.len() >= floor
    {
        d.start = ti - w.len();
        d.kind = Some(Kind::Rank);
        d.unit = Some(u.to_string());
    } else {
        d.start = ti;
        d.kind = Some(Kind::Ordinal);
        d.unit = units::LAO_ORDINAL_UNIT
            .iter()
            .find(|(w, _)| has_suffix(pre, w))
            .map(|(_, u)| u.to_string());
    }
}

/// Currency after: a sign or code (in the span) or a name (not in it).
fn currency_after(lk: &mut Look, d: &mut Draft) {
    if d.money.is_some() || d.kind.is_some() {
        return;
    }
    let t = lk.t;
    let j = lk.after(d.end);
    if let Some((e, code)) = units::currency_sign_at(t, j) {
        d.end = e;
        d.money = Some(code);
    } else if let Some(code) = units::currency_word_at(t, j) {
        d.money = Some(code);
    }
}
