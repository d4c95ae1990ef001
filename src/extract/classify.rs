//! Deciding a figure's kind, value and unit.

use rust_decimal::Decimal;

use super::Found;
use super::chars::*;
use super::dates;
use super::digits::{self, is_digit};
use super::emit::emit;
use super::english_words::WordKind;
use super::lexicon::*;
use super::look::Look;
use super::nouns::*;
use super::number::{Core, any_core};
use super::units::{self, LaoTable, lao_table_at};
use super::widen::*;
use crate::model::Kind;

/// Whether the English words before a number (`pw`, the word before it,
/// starting at `pws`) make it an age.
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
pub(super) fn after_lao_hedge(t: &str, i: usize) -> usize {
    LAO_HEDGES_AFTER
        .iter()
        .find(|h| t.get(i..).is_some_and(|r| r.starts_with(*h)))
        .map_or(i, |h| skip_hspace(t, i + h.len()))
}

/// Widens a core number into a figure and decides its kind, value and unit;
/// pushes it to `out` (through [`emit`]) and returns its end.
pub(super) fn finish(
    lk: &mut Look,
    core: &Core,
    floor: usize,
    out: &mut Vec<Found>,
) -> Option<usize> {
    let t = lk.t;
    // every way out gives (start, end, kind, value, value_max, unit); one
    // call of `done` (inlined) after them keeps this function small
    let (start, end, kind, value, value_max, unit) = 'decide: {
        let mut start = core.start;
        let mut end = core.end;
        let mut value = core.value;
        let mut value_max: Option<Decimal> = None;
        let mut kind: Option<Kind> = core.kind;
        let mut unit: Option<String> = core.unit.map(str::to_string);
        let mut money = core.money;
        let is_ordinal = kind == Some(Kind::Ordinal);

        // Currency sign or code before.
        if !is_ordinal
            && let Some((s, code)) = lk.currency_before(start)
            && s >= floor
        {
            start = s;
            money = Some(code);
        }
        // Sign.
        if core.digits.is_some()
            && money.is_none()
            && let Some(c @ ('-' | '−')) = ch_before(t, start)
        {
            let b = ch_before(t, start - c.len_utf8());
            if b.is_none_or(|b| is_hspace(b) || b == '\n' || b == '(')
                && start - c.len_utf8() >= floor
            {
                start -= c.len_utf8();
                value = -value;
            }
        }

        // A ratio: `one over three`, `2 out of 5`, `one in five`.
        if !is_ordinal
            && money.is_none()
            && core.kind.is_none()
            && core.words != Some(WordKind::Vague)
            && core.words != Some(WordKind::Fraction)
            && let Some((e, v)) = ratio_after(lk, core, value)
        {
            let unit = en_unit_after(t, e);
            break 'decide (start, e, Kind::Other, Some(v), None, unit);
        }

        // Percent right after the first number (`10% to 20%`).
        let mut percent = false;
        if !is_ordinal && let Some(e) = units::percent_at(t, lk.after(end)) {
            end = e;
            percent = true;
        }

        // Range: `five to 15`, `$580 to $5,810`, `10 million to 100 million`, `between 10 and 20`.
        if !is_ordinal
            && core.words != Some(WordKind::Vague)
            && core.words != Some(WordKind::Fraction)
            && let Some((k, conn)) = dates::connector_at(t, lk.after(end))
        {
            let (_, pw) = lk.word_before(start);
            let pwl = Low::new(pw);
            let pwl = pwl.as_str();
            let between = pwl == "between"
                || t.get(..start)
                    .is_some_and(|b| b.trim_end_matches(is_hspace).ends_with("ລະຫວ່າງ"));
            let change = {
                let (s2, _) = prev_word(t, start);
                let (_, ppw) = prev_word(t, s2);
                CHANGE_VERBS.contains(&pwl)
                    || (pwl == "from" && CHANGE_VERBS.contains(&Low::new(ppw).as_str()))
            };
            let conn_ok = match conn {
                "and" => between,
                "-" => {
                    // no phone numbers or codes: `222-2222-2222`
                    core.digits.is_some() || !t[end..k].contains(' ')
                }
                _ => true,
            };
            if conn_ok
                && !change
                && let Some(b) = any_core(t, k)
                && b.kind.is_none()
                && !(conn == "-"
                    && (matches!(ch(t, b.end), Some('-' | '/')) && is_digit(ch(t, b.end + 1))))
                && !(core.year_shape() != b.year_shape() && conn == "-")
            {
                let mut lo = value;
                if core.scale.is_none()
                    && !percent
                    && let Some(s) = b.scale
                    && lo.checked_mul(s).is_some_and(|m| m <= b.value)
                    && lo < b.value / s
                {
                    lo *= s; // `10 to 20 million`
                }
                if b.value > lo {
                    value = lo;
                    value_max = Some(b.value);
                    end = b.end;
                    if money.is_none() {
                        money = b.money;
                    }
                    if core.year_shape() && b.year_shape() {
                        kind = Some(Kind::Year);
                    }
                    if let Some(e) = units::percent_at(t, lk.after(end)) {
                        end = e;
                        percent = true;
                    }
                }
            }
        }

        // Labels and Lao markers before the number.
        // `t[..start]` with the spaces at its end trimmed
        let bj = lk.before(start);
        let before = if t.get(..start).is_some() {
            t.get(..bj).unwrap_or("")
        } else {
            ""
        };
        let bstart = before.len();
        let lao_before = lao_thai_before(t, bstart);
        if kind.is_none() && money.is_none() && !percent {
            if let Some((ls, k, u)) = label_ending_at(t, bj)
                && ls >= floor
            {
                start = ls;
                kind = Some(k);
                unit = Some(u.to_string());
                // `No. 6/2023`: the number and its year are one identifier
                if k == Kind::Identifier
                    && ch(t, end) == Some('/')
                    && t.as_bytes().get(end + 1).is_some_and(u8::is_ascii_digit)
                {
                    end = digits::run_end(t, end + 1);
                }
            } else if !lao_before {
            } else if let Some((w, u)) = units::LAO_ID_LABELS
                .iter()
                .find(|(w, _)| has_suffix(before, w))
                && bstart - w.len() >= floor
            {
                start = bstart - w.len();
                kind = Some(Kind::Identifier);
                unit = Some(u.to_string());
            } else if before.ends_with("ທີ") && bstart >= floor + "ທີ".len() {
                let ti = bstart - "ທີ".len();
                let pre = &t[..ti];
                if pre.ends_with("ວັນ") {
                    // ວັນທີ 5: a day of the month, no year written
                    break 'decide (start, end, Kind::Date, None, None, None);
                } else if let Some((w, u)) = units::LAO_RANK_BEFORE_TI
                    .iter()
                    .find(|(w, _)| has_suffix(pre, w))
                    && ti - w.len() >= floor
                {
                    start = ti - w.len();
                    kind = Some(Kind::Rank);
                    unit = Some(u.to_string());
                } else {
                    start = ti;
                    kind = Some(Kind::Ordinal);
                    unit = units::LAO_ORDINAL_UNIT
                        .iter()
                        .find(|(w, _)| has_suffix(pre, w))
                        .map(|(_, u)| u.to_string());
                }
            } else if before.ends_with("ຮ້ອຍລະ") && bstart - "ຮ້ອຍລະ".len() >= floor
            {
                start = bstart - "ຮ້ອຍລະ".len();
                percent = true;
            }
        }

        if percent {
            break 'decide (start, end, Kind::Percent, Some(value), value_max, None);
        }
        // Currency after: a sign or code (in the span) or a name (not in it).
        if money.is_none() && kind.is_none() {
            let j = lk.after(end);
            if let Some((e, code)) = units::currency_sign_at(t, j) {
                end = e;
                money = Some(code);
            } else if let Some(code) = units::currency_word_at(t, j) {
                money = Some(code);
            }
        }
        if let Some(code) = money
            && (kind.is_none() || kind == Some(Kind::Other) && core.unit.is_none())
        {
            break 'decide (
                start,
                end,
                Kind::Money,
                Some(value),
                value_max,
                Some(code.to_string()),
            );
        }
        if let Some(k) = kind {
            if k == Kind::Ordinal && unit.is_none() {
                unit = en_unit_words_look(lk, end, false).map(|u| u.to_string(true));
            }
            break 'decide (start, end, k, Some(value), value_max, unit);
        }

        // Age: `the age of 18`, `aged 18`, `aged between 15 and 22`,
        // `as young as 12`, ອາຍຸ 18 ປີ, ອາຍຸແຕ່ 15 ຫາ 22 ປີ.
        let (pws, pw) = lk.word_before(start);
        if en_age_before(t, pws, pw) || (lao_before && lao_age_before(before)) {
            break 'decide (
                start,
                end,
                Kind::Other,
                Some(value),
                value_max,
                Some("age".into()),
            );
        }
        // Durations.
        let (j, _, k, _) = lk.keyed_word_after(end);
        if let Some((_, u, age)) = units::time_unit_at_key(t, j, Some(k)) {
            let (k, u) = if age {
                (Kind::Other, "age")
            } else {
                (Kind::Duration, u)
            };
            break 'decide (start, end, k, Some(value), value_max, Some(u.into()));
        }
        let after = lk.after(end);
        let lao_after = lao_thai_at(t, after);
        if lao_after && let Some((e, u)) = lao_table_at(t, after, LaoTable::Time) {
            // ເດືອນ + month name is a date (handled before); `6 ປີເຄິ່ງ` is 6.5 years
            let mut v = value;
            if t.get(e..).is_some_and(|r| r.starts_with("ເຄິ່ງ")) {
                v += Decimal::new(5, 1);
                end = e + "ເຄິ່ງ".len();
            }
            // (ອາຍຸ before the number was decided above, as an age)
            if !(u == "years" && core.year_shape()) {
                break 'decide (
                    start,
                    end,
                    Kind::Duration,
                    Some(v),
                    value_max,
                    Some(u.into()),
                );
            }
        }
        // Temperatures: `38°C`, `38 °F`, `38℃`.
        let j = if t.as_bytes().get(end) == Some(&b' ') {
            end + 1
        } else {
            end
        };
        if matches!(t.as_bytes().get(j), Some(0xC2 | 0xE2)) {
            let r = t.get(j..).unwrap_or("");
            let temp = if r.starts_with("°C") || r.starts_with('℃') {
                Some("°C")
            } else if r.starts_with("°F") || r.starts_with('℉') {
                Some("°F")
            } else {
                None
            };
            if let Some(u) = temp {
                break 'decide (
                    start,
                    end,
                    Kind::Other,
                    Some(value),
                    value_max,
                    Some(u.into()),
                );
            }
        }
        // A number coordinated with a duration shares its unit: `20 and 18
        // years`, `3 or 4 days`.
        if value_max.is_none()
            && t.as_bytes().get(end) == Some(&b' ')
            && matches!(t.as_bytes().get(end + 1), Some(b'a' | b'o'))
            && !core.year_shape()
            && let (j, w) = lk.word_after(end)
            && (w == "and" || w == "or")
            && let d = skip_hspace(t, j + w.len())
            && d > j + w.len()
            && t.as_bytes().get(d).is_some_and(u8::is_ascii_digit)
            && let Some((_, u, false)) = units::time_unit_after(t, digits::run_end(t, d))
        {
            break 'decide (
                start,
                end,
                Kind::Duration,
                Some(value),
                None,
                Some(u.into()),
            );
        }
        // Measurements.
        {
            let (j, w, k, _) = lk.keyed_word_after(end);
            if !w.is_empty()
                && let Some(u) = (if w.len() > 1 {
                    units::measure_key(k)
                } else {
                    None
                })
                .or_else(|| {
                    // only `square` begins a two-word unit
                    let sq = w.len() == 6 && w.eq_ignore_ascii_case("square");
                    sq.then(|| units::measure_two_words(w, next_word(t, j + w.len()).1))
                        .flatten()
                })
            {
                break 'decide (
                    start,
                    end,
                    Kind::Other,
                    Some(value),
                    value_max,
                    Some(u.to_string()),
                );
            }
        }
        // Lao counted nouns and measures (15 ກິໂລແມັດ is a measurement).
        if lao_after
            && let Some((_, u)) = lao_table_at(t, after_lao_hedge(t, after), LaoTable::Gloss)
        {
            break 'decide (
                start,
                end,
                if units::is_measure_unit(u) {
                    Kind::Other
                } else {
                    Kind::Count
                },
                Some(value),
                value_max,
                Some(u.into()),
            );
        }
        // Years: a plain 4-digit number in the years' range.
        if core.year_shape() && value_max.is_none() {
            let v = u64::try_from(value).unwrap_or(0);
            let native = core.digits.as_ref().is_some_and(|d| d.native);
            let be =
                before.ends_with("ພ.ສ.") || before.ends_with("ພ.ສ") || before.ends_with("พ.ศ.");
            if ((1000..=2100).contains(&v) || (be || native) && (2400..=2700).contains(&v))
                && !count_noun(lk.word_after(end).1)
            {
                break 'decide (start, end, Kind::Year, Some(value), None, None);
            }
        }
        let plural = value != Decimal::ONE || value_max.is_some();
        let unit = en_unit_words_look(lk, end, plural).map(|u| u.to_string(false));
        (start, end, Kind::Count, Some(value), value_max, unit)
    };
    emit(
        out,
        t,
        floor,
        Found {
            start,
            end,
            kind,
            value,
            value_max,
            unit,
        },
    )
}
