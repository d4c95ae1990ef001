//! What starts a figure: the trigger scan ([`super::triggers`]) finds the
//! places, and each kind of trigger reads its number there and hands it on
//! to be widened and classified, or builds the figure itself (dates, Roman
//! numerals, ordinal words).
//!
//! One left-to-right pass: each figure starts at or after the end of the one
//! before, so figures come out sorted and never overlap.

use rust_decimal::Decimal;

use super::Found;
use super::chars::*;
use super::classify::*;
use super::dates;
use super::digits::{self, glued_before, is_digit};
use super::emit::{Step, emit, found_at, keep};
use super::english_words::{self, WordKind, parse_words};
use super::lao_words::{self, parse_lao};
use super::lexicon::*;
use super::look::Look;
use super::nouns::*;
use super::number::*;
use super::triggers::{Cursor, Scanner, Trig, scanner};
use super::units::{self, LaoTable, lao_table_at};
use super::widen::*;
use crate::model::Kind;

pub(super) fn triggers() -> &'static Scanner {
    scanner(|| {
        let mut en: Vec<(&'static str, Trig)> = Vec::new();
        for w in en_number_starts() {
            en.push((w, Trig::EnWord));
        }
        for w in dates::month_words() {
            en.push((w, Trig::Month));
        }
        for w in ROMAN_LABELS {
            en.push((w, Trig::RomanLabel));
        }
        let mut lao: Vec<(&'static str, Trig)> = Vec::new();
        for (w, _) in lao_words::WORDS {
            lao.push((w, Trig::LaoWord));
        }
        for (w, _) in lao_words::MONTHS {
            lao.push((w, Trig::Month));
        }
        lao.push(("ເດືອນ", Trig::Month));
        (en, lao)
    })
}

/// A figure with no upper value, as most triggers find one.
fn single(
    start: usize,
    end: usize,
    kind: Kind,
    value: Option<Decimal>,
    unit: Option<String>,
) -> Found {
    Found {
        start,
        end,
        kind,
        value,
        value_max: None,
        unit,
    }
}

/// Runs the whole pass.
pub(super) fn run(text: &str, mut out: Vec<Found>) -> Vec<Found> {
    let tr = triggers();
    out.clear();
    out.reserve(super::capacity_for(text));
    let mut pos = 0;
    let mut floor = 0;
    let mut cur = Cursor::default();
    while pos < text.len() {
        let Some((p, pe, trig)) = tr.next(text, pos, &mut cur) else {
            break;
        };
        let step = at_trigger(text, p, pe, trig, floor, &mut out);
        if step.found {
            floor = step.skip;
            pos = step.skip;
        } else {
            let next = p + ch(text, p).map_or(1, char::len_utf8);
            pos = step.skip.max(next);
        }
        // positions must stay on char boundaries
        while pos < text.len() && !text.is_char_boundary(pos) {
            pos += 1;
        }
    }
    out
}

/// Looks at the trigger `[p, pe)`.
pub(super) fn at_trigger(
    t: &str,
    p: usize,
    pe: usize,
    trig: Trig,
    floor: usize,
    out: &mut Vec<Found>,
) -> Step {
    let next = p + ch(t, p).map_or(1, char::len_utf8);
    let none = |skip: usize| Step { found: false, skip };
    let word_alone = || !is_ascii_alnum(ch_before(t, p)) && !is_ascii_alnum(ch(t, pe));
    match trig {
        Trig::Digit => {
            if is_digit(ch_before(t, p)) {
                return none(digits::run_end(t, p));
            }
            digit_trigger(t, p, floor, out)
        }
        Trig::Sign => {
            // a currency sign: the digits after it do the work
            let j = skip_hspace(t, pe);
            if is_digit(ch(t, j)) {
                let s = digit_trigger(t, j, floor, out);
                if s.found {
                    return s;
                }
                return none(s.skip.max(next));
            }
            none(pe)
        }
        Trig::EnWord if word_alone() => en_trigger(t, p, floor, out).unwrap_or(none(pe)),
        Trig::Month if word_alone() => month_trigger(t, p, pe, floor, out).unwrap_or(none(pe)),
        Trig::RomanLabel if word_alone() => roman_trigger(t, p, pe, floor, out).unwrap_or(none(pe)),
        Trig::EnWord | Trig::Month | Trig::RomanLabel => none(pe),
        Trig::Vulgar => vulgar_trigger(t, p, pe, floor, out).unwrap_or(none(pe)),
        Trig::LaoWord => lao_trigger(t, p, floor, out).unwrap_or(none(next)),
    }
}

/// A date at a month name (`May 2024`, ເດືອນ ມັງກອນ), ເດືອນ before it in the span.
fn month_trigger(t: &str, p: usize, pe: usize, floor: usize, out: &mut Vec<Found>) -> Option<Step> {
    let mut s = p;
    let mut m = p;
    if t.get(p..pe) == Some("ເດືອນ") {
        m = skip_hspace(t, pe);
    } else if let Some(b) = t.get(..p) {
        let b2 = b.trim_end_matches(is_hspace);
        if b2.ends_with("ເດືອນ") {
            s = b2.len() - "ເດືອນ".len();
        }
    }
    if s < floor {
        s = p;
    }
    let h = dates::date_from_month(t, m)?;
    Some(keep(
        t,
        out,
        floor,
        Found {
            start: s,
            end: h.end,
            kind: Kind::Date,
            value: h.year.map(Decimal::from),
            value_max: h.year_max.map(Decimal::from),
            unit: None,
        },
    ))
}

/// A Roman numeral after a capitalised label (`Chapter IV`, `Phase II`).
fn roman_trigger(t: &str, p: usize, pe: usize, floor: usize, out: &mut Vec<Found>) -> Option<Step> {
    let label = t.get(p..pe).unwrap_or("");
    if !label
        .as_bytes()
        .first()
        .is_some_and(|b| b.is_ascii_uppercase())
    {
        return None;
    }
    let j = skip_hspace(t, pe);
    if j == pe {
        return None;
    }
    let w = ascii_word_at(t, j);
    if let Some(v) = digits::roman_value(w)
        && !is_ascii_alnum(ch(t, j + w.len()))
        && !w.is_empty()
        && !(w == "I" && ch(t, j + 1) == Some(' ') && !label.eq_ignore_ascii_case("part"))
    {
        let low = Low::new(label);
        let lw = low.as_str();
        let (kind, unit) = units::rank_label(lw)
            .map(|u| (Kind::Rank, u))
            .or_else(|| units::id_label(lw).map(|u| (Kind::Identifier, u)))
            .unwrap_or((Kind::Identifier, "chapter"));
        let e = j + w.len();
        return Some(keep(
            t,
            out,
            floor,
            single(p, e, kind, Some(Decimal::from(v)), Some(unit.to_string())),
        ));
    }
    None
}

/// A vulgar fraction on its own (`½ of them`; after digits, `2½`, the
/// digits took it).
fn vulgar_trigger(
    t: &str,
    p: usize,
    pe: usize,
    floor: usize,
    out: &mut Vec<Found>,
) -> Option<Step> {
    let v = ch(t, p).and_then(digits::vulgar_value)?;
    if is_digit(ch_before(t, p)) {
        return None;
    }
    let core = Core {
        start: p,
        end: pe,
        value: v,
        scale: None,
        digits: None,
        words: Some(WordKind::Fraction),
        kind: Some(Kind::Other),
        unit: None,
        money: None,
    };
    finish(&mut Look::new(t), &core, floor, out).map(found_at)
}

pub(super) fn digit_trigger(t: &str, p: usize, floor: usize, out: &mut Vec<Found>) -> Step {
    if let Some(s) = plain_number(t, p, floor, out) {
        return s;
    }
    digit_trigger_general(t, p, floor, out)
}

/// The commonest figure, decided without the general path: a plain number
/// of ASCII digits between two lower-case words, one space on each side
/// (`the 12 cases were`, `in 2018 the`). Where neither word is one that
/// a check of the general path looks for ([`PLAIN_STOP`]) and the word
/// before starts with a small letter (no label, no `Page`), no rule of
/// [`super::classify`] before its last two can hold, so the number is a
/// year by the same test ([`reads_as_year`]) or a count with the unit after
/// it. `None` leaves the number to the general path.
#[inline]
pub(super) fn plain_number(t: &str, p: usize, floor: usize, out: &mut Vec<Found>) -> Option<Step> {
    let b = t.as_bytes();
    if p < 2 || b[p - 1] != b' ' || !b[p - 2].is_ascii_lowercase() {
        return None;
    }
    let mut e = p;
    let mut m: u64 = 0;
    while e < b.len() && e - p < 18 && b[e].is_ascii_digit() {
        m = m * 10 + (b[e] - b'0') as u64;
        e += 1;
    }
    // the whole run read (a digit would stand at `e` otherwise), then one
    // space and a lower-case word
    if b.get(e) != Some(&b' ') || !b.get(e + 1).is_some_and(u8::is_ascii_lowercase) {
        return None;
    }
    let w = ascii_word_at(t, e + 1);
    let k = word_key(w);
    if PLAIN_STOP.get_key(k).is_some() {
        return None;
    }
    // before: no label (capitalised), no `Page`, no age (`aged 18`, `the
    // age of 18`, `aged about 30`)
    let (ps, pw) = ascii_word_before(t, p - 1);
    if !pw.as_bytes().first().is_some_and(u8::is_ascii_lowercase) {
        return None;
    }
    if word_key(pw) == key("page") || en_age_before(t, ps, pw) {
        return None;
    }
    let value = Decimal::from(m);
    let found = if e - p == 4 && reads_as_year(m, false, w) {
        emit(out, t, floor, single(p, e, Kind::Year, Some(value), None))
    } else {
        let unit = en_unit_words_keyed(t, e + 1, Some((k, word_key_lower(w).is_some())), m != 1)
            .map(|u| u.to_string(false));
        emit(out, t, floor, single(p, e, Kind::Count, Some(value), unit))
    };
    Some(match found {
        Some(e) => found_at(e),
        None => Step {
            found: false,
            skip: p + 1,
        },
    })
}

/// [`digit_trigger`] for every number: dates, digits with their suffixes
/// and scales, fractions, page furniture, then [`finish`].
pub(super) fn digit_trigger_general(t: &str, p: usize, floor: usize, out: &mut Vec<Found>) -> Step {
    let mut lk = Look::new(t);
    let lk = &mut lk;
    let next = p + ch(t, p).map_or(1, char::len_utf8);
    let none = |skip: usize| Step { found: false, skip };
    if let Some(s) = digit_date(t, p, floor, out) {
        return s;
    }
    // used where it was built (a move of the core costs a copy)
    let mut res = digits_core(lk, p);
    let core = match &mut res {
        Ok(Some(c)) => c,
        Ok(None) => return none(next),
        Err(skip) => return none((*skip).max(next)),
    };
    slash_fraction(lk, p, core);
    if let Some(skip) = furniture_skip(lk, core) {
        return none(skip.max(next));
    }
    if let Some(s) = day_date(lk, core, floor, out) {
        return s;
    }
    match finish(lk, core, floor, out) {
        Some(e) => found_at(e),
        None => none(next),
    }
}

/// Dates and year ranges in digits, which come first: `2019-10-12`,
/// `2019-2021`.
fn digit_date(t: &str, p: usize, floor: usize, out: &mut Vec<Found>) -> Option<Step> {
    if !glued_before(t, p) && dates::may_be_digit_date(t, p) {
        if let Some((e, y)) = dates::numeric_date(t, p)
            // `No. 6/2023`, ເລກທີ 6/2023: a number and year, no month
            && !(t[p..e].matches('/').count() == 1 && labelled(t, p))
        {
            return Some(keep(
                t,
                out,
                floor,
                single(p, e, Kind::Date, Some(Decimal::from(y)), None),
            ));
        }
        if let Some((e, y1, y2)) = dates::year_range(t, p) {
            return Some(keep(
                t,
                out,
                floor,
                Found {
                    start: p,
                    end: e,
                    kind: Kind::Year,
                    value: Some(Decimal::from(y1)),
                    value_max: Some(Decimal::from(y2)),
                    unit: None,
                },
            ));
        }
    }
    None
}

/// `3/4` (a fraction, kind other) and `2 1/4` (a mixed number) at `p`,
/// into `core`.
fn slash_fraction(lk: &mut Look, p: usize, core: &mut Core) {
    let t = lk.t;
    // `3/4` (a fraction, kind other) and `2 1/4` (a mixed number)
    let small_int = core.kind.is_none()
        && core.scale.is_none()
        && core.end > core.start
        && core
            .digits
            .as_ref()
            .is_some_and(|d| !d.grouped && !d.fraction && !d.composite && !d.native);
    // (a fraction needs a `/` right after the digits, a mixed number a
    // digit after the spaces: tested first, without the calls)
    let tb = t.as_bytes();
    if small_int
        && tb.get(core.end) == Some(&b'/')
        && let Some((e, v)) = digits::slash_fraction(t, p)
    {
        core.end = e;
        core.value = v;
        core.kind = Some(Kind::Other);
        if let Some(r) = &mut core.digits {
            r.composite = true;
        }
    } else if small_int
        && core.digits.as_ref().is_some_and(|d| d.int_digits <= 3)
        && let j = lk.after(core.end)
        && (core.end + 1..=core.end + 3).contains(&j)
        && tb.get(j).is_some_and(u8::is_ascii_digit)
        && let Some((e, v)) = digits::slash_fraction(t, j)
    {
        core.end = e;
        core.value += v;
        if let Some(r) = &mut core.digits {
            r.composite = true;
        }
    }
}

/// Where to go on when the number is page furniture (a page range goes
/// with its first page, `pp. 12-15`), or `None`.
fn furniture_skip(lk: &mut Look, core: &Core) -> Option<usize> {
    let t = lk.t;
    let plain = core
        .digits
        .as_ref()
        .is_some_and(|d| !d.grouped && !d.fraction && !d.composite);
    if core.kind.is_none()
        && core.scale.is_none()
        && core.money.is_none()
        && plain
        && is_furniture(lk, core.start, core.end)
    {
        let mut skip = core.end;
        if let Some(d) = ch(t, skip).filter(|&c| c == '-' || c == '\u{2013}')
            && is_digit(ch(t, skip + d.len_utf8()))
        {
            skip = digits::run_end(t, skip + d.len_utf8());
        }
        return Some(skip);
    }
    None
}

/// A day or days before a month: `26 ເດືອນຕຸລາ`, `4 July 2024`, `12–14 May
/// 2024`.
fn day_date(lk: &mut Look, core: &Core, floor: usize, out: &mut Vec<Found>) -> Option<Step> {
    let t = lk.t;
    // Days before a month: `3-4 ພຶດສະພາ 2023`, `12–14 May 2024`.
    if let Some(run) = &core.digits
        && !run.grouped
        && !run.fraction
        && run.int_digits <= 2
        && core.scale.is_none()
        && let Some(e) = dates::day_range_end(t, core.end, run.value)
        && let Some(h) = dates::date_after_day_at(t, lk.after(e))
    {
        return Some(keep(
            t,
            out,
            floor,
            single(
                core.start,
                h.end,
                Kind::Date,
                h.year.map(Decimal::from),
                None,
            ),
        ));
    }
    // A day before a month: `26 ເດືອນຕຸລາ`, `4 July 2024`, `4th of July`.
    if let Some(run) = &core.digits
        && !run.grouped
        && !run.fraction
        && !run.composite
        && run.int_digits <= 2
        && core.scale.is_none()
        && (1..=31).contains(&u64::try_from(run.value).unwrap_or(0))
        && let Some(h) = dates::date_after_day_at(t, lk.after(core.end))
    {
        // `ວັນທີ 26 …`: the day, not ວັນທີ, starts the date
        let start = core.start;
        return Some(keep(
            t,
            out,
            floor,
            single(start, h.end, Kind::Date, h.year.map(Decimal::from), None),
        ));
    }
    None
}

/// Page furniture and list numbering around a bare number at `[s, e)`.
pub(super) fn is_furniture(lk: &mut Look, s: usize, e: usize) -> bool {
    let t = lk.t;
    // Whether only spaces stand between the number and the line's start
    // (or end): looked at from the number outwards, never the whole line.
    let blank = |mut k: usize, back: bool| loop {
        let c = if back { ch_before(t, k) } else { ch(t, k) };
        match c {
            None | Some('\n') => break true,
            Some(c) if is_hspace(c) || c == '\r' => {
                if back {
                    k -= c.len_utf8()
                } else {
                    k += c.len_utf8()
                }
            }
            _ => break false,
        }
    };
    let line_start = blank(s, true);
    // A line holding only the number (page numbers, counters).
    if line_start && blank(e, false) {
        return true;
    }
    // List numbering: `1. `, `2) ` at the start of a line.
    if line_start
        && matches!(ch(t, e), Some('.' | ')'))
        && ch(t, e + 1).is_none_or(|c| is_hspace(c) || c == '\n')
    {
        return true;
    }
    // Footnote markers [1], ^2, and one to three digits glued to the
    // punctuation after a word (`trafficked annually.2`, `victims,12 `).
    if ch_before(t, s) == Some('[') && ch(t, e) == Some(']') {
        return true;
    }
    if e - s <= 3
        && let Some(p) = ch_before(t, s)
        && matches!(p, '.' | ',' | ';' | ':' | ')' | '"' | '\u{201D}')
        && ch_before(t, s - p.len_utf8()).is_some_and(char::is_alphabetic)
        && ch(t, e).is_none_or(|c| c.is_whitespace() || matches!(c, '.' | ',' | ';' | ')'))
        && !(p == '.' && {
            let w = Low::new(ascii_word_before(t, s - 1).1);
            DOTTED_LABELS.contains(&w.as_str()) || PAGE_ABBREVIATIONS.contains(&w.as_str())
        })
    {
        return true;
    }
    // Counters: `0 Comment(s)`, `Page 3`.
    let (_, _, nk, _) = lk.keyed_word_after(e);
    if nk == key("comment") || nk == key("comments") {
        return true;
    }
    let (_, pw) = lk.word_before(s);
    if pw == "Page" || pw == "page" {
        return true;
    }
    // `p. 14`, `pp. 12-15`
    let b = t.as_bytes();
    let j = if s > 0 && b[s - 1] == b' ' { s - 1 } else { s };
    j > 1 && b[j - 1] == b'.' && PAGE_ABBREVIATIONS.contains(&ascii_word_before(t, j - 1).1)
}

/// `one` as a pronoun, not a numeral.
pub(super) fn one_is_pronoun(t: &str, s: usize, e: usize) -> bool {
    let (_, pw) = prev_word(t, s);
    let pwl = Low::new(pw);
    let pw = pwl.as_str();
    if ONE_PRONOUN_BEFORE.contains(&pw) {
        return true;
    }
    if ch(t, e) == Some('\'') || ch(t, e) == Some('’') {
        return true; // one's
    }
    let (_, nw) = next_word(t, e);
    let nwl = Low::new(nw);
    let nw = nwl.as_str();
    if ONE_PRONOUN_AFTER.contains(&nw) {
        return true;
    }
    // `one of the most …`
    if nw == "of" {
        let (k, w2) = next_word(t, e);
        let (k2, w3) = next_word(t, k + w2.len());
        let (_, w4) = next_word(t, k2 + w3.len());
        if w3.eq_ignore_ascii_case("the") && ONE_OF_THE.contains(&w4) {
            return true;
        }
    }
    false
}

/// `a third round`: the ordinal (span `third`, value 3, unit the noun) that
/// the fraction parse `a third` = 1/3 at `start..end` stands for, if the
/// word after it is one of [`ORDINAL_HEADS`].
pub(super) fn a_ordinal(t: &str, start: usize, end: usize) -> Option<Found> {
    let (os, ow) = ascii_word_before(t, end);
    if !matches!(t.get(start..os)?, "a " | "A ") {
        return None;
    }
    let n = match english_words::lookup(Low::new(ow).as_str()) {
        Some(english_words::W::Ord { n, plural: false }) => n,
        _ => return None,
    };
    let (_, head) = next_word(t, end);
    if t.as_bytes().get(end) != Some(&b' ') || !ORDINAL_HEADS.contains(&head) {
        return None;
    }
    Some(single(
        os,
        end,
        Kind::Ordinal,
        Some(Decimal::from(n)),
        Some(head.to_string()),
    ))
}

/// A figure at an English number word: `Some` when one was built (and
/// pushed to `out` if it passed the checks of [`keep`]).
pub(super) fn en_trigger(t: &str, p: usize, floor: usize, out: &mut Vec<Found>) -> Option<Step> {
    let low = Low::new(ascii_word_at(t, p));
    let word = low.as_str();
    // `minus five`, `negative one`
    if word == "minus" || word == "negative" {
        let j = skip_hspace(t, p + word.len());
        if j == p + word.len() {
            return None;
        }
        let mut core = any_core(t, j)?;
        core.start = p;
        core.value = -core.value;
        return finish(&mut Look::new(t), &core, floor, out).map(found_at);
    }
    // `a hundred`, `a dozen`, `a third`
    let (pws, pw) = prev_word(t, p);
    let mut parsed = None;
    if (pw.eq_ignore_ascii_case("a") || pw.eq_ignore_ascii_case("an")) && pws >= floor {
        parsed = parse_words(t, pws);
    }
    // `half a dozen` / `one and a half` start at the first word
    let w = match parsed {
        Some(w) => w,
        None => parse_words(t, p)?,
    };
    if w.lone_one && one_is_pronoun(t, w.start, w.end) {
        return None;
    }
    // A hyphen gluing the phrase to a non-number word (`one-sided`).
    if ch(t, w.end) == Some('-') && ch(t, w.end + 1).is_some_and(|c| c.is_ascii_alphabetic()) {
        let nw = Low::new(ascii_word_at(t, w.end + 1));
        let time = units::time_unit_after(t, w.end).is_some();
        if !time && english_words::lookup(nw.as_str()).is_none() {
            return None;
        }
    }
    if ch_before(t, w.start) == Some('-') && is_ascii_alnum(ch_before(t, w.start - 1)) {
        return None;
    }
    if w.kind == WordKind::Ordinal {
        let (_, pw) = prev_word(t, w.start);
        let pwl = Low::new(pw);
        let pw = pwl.as_str();
        let (_, nw) = next_word(t, w.end);
        let nwl = Low::new(nw);
        let nw = nwl.as_str();
        // `a second`, `per second`, `at first`, `first of all`
        if word == "second"
            && matches!(pw, "a" | "per" | "one" | "every" | "each" | "split" | "the")
            && matches!(nw, "" | "or" | "and" | "later" | "ago")
        {
            return None;
        }
        if word == "second"
            && matches!(pw, "a" | "per" | "every" | "split")
            && !(pw == "a" && ORDINAL_HEADS.contains(&nw))
        {
            return None;
        }
        if word == "first"
            && (pw == "at" || nw == "of" && next_word(t, next_word(t, w.end).0 + 2).1 == "all")
        {
            return None;
        }
        return Some(keep(
            t,
            out,
            floor,
            single(
                w.start,
                w.end,
                Kind::Ordinal,
                Some(w.value),
                en_unit_after_singular(t, w.end),
            ),
        ));
    }
    if w.kind == WordKind::Fraction
        && let Some(f) = a_ordinal(t, w.start, w.end)
    {
        return Some(keep(t, out, floor, f));
    }
    // `the first half of 2023` names a period: the ordinal is the figure
    if w.kind == WordKind::Fraction
        && t[w.start..w.end].eq_ignore_ascii_case("half")
        && matches!(
            Low::new(prev_word(t, w.start).1).as_str(),
            "first" | "second" | "last" | "latter" | "former"
        )
    {
        return None;
    }
    let mut core = word_core(t, &w);
    if w.kind == WordKind::Fraction {
        core.kind = Some(Kind::Other);
    }
    finish(&mut Look::new(t), &core, floor, out).map(found_at)
}

/// ເຄິ່ງນຶ່ງ, 'one half', is a share (guideline v3): percent 50. A lone
/// ເຄິ່ງ is no figure; after a number it is the half of a unit (`6 ປີເຄິ່ງ`),
/// which the duration rule reads.
fn lao_half_share(t: &str, p: usize) -> Option<Found> {
    let (lao_words::L::Half, half_end) = lao_words::word_at(t, p)? else {
        return None;
    };
    if !lao_words::starts_syllable(t, p) {
        return None;
    }
    let (w, e) = lao_words::word_at(t, skip_invisible(t, half_end))?;
    let one_ends = lao_words::ends_syllable(t, e, ch_before(t, e)?);
    (w == lao_words::L::Unit(1) && one_ends)
        .then(|| single(p, e, Kind::Percent, Some(Decimal::from(50)), None))
}

/// ຫຼາຍຮ້ອຍ 'hundreds', ຫຼາຍພັນ 'thousands', ນັບພັນ: a scale word alone after
/// a word for "many" counts at its scale (guideline v3); the span is the
/// scale word, as in ຫຼາຍສິບພັນ, where ສິບພັນ is read as a number anyway.
fn lao_vague_scale(t: &str, l: &mut lao_words::LaoNum) -> bool {
    let Some((lao_words::L::Small(n) | lao_words::L::Big(n), _)) = lao_words::word_at(t, l.start)
    else {
        return false;
    };
    let before = t.get(..skip_invisible_back(t, l.start)).unwrap_or("");
    if !LAO_VAGUE_BEFORE.iter().any(|w| before.ends_with(w)) {
        return false;
    }
    l.value = Decimal::from(n);
    l.scale_only = false;
    true
}

/// A figure at a Lao number word, as [`en_trigger`].
pub(super) fn lao_trigger(t: &str, p: usize, floor: usize, out: &mut Vec<Found>) -> Option<Step> {
    // ຮ້ອຍລະ 20, Thai ร้อยละ 20: percent before the number
    if let Some(pw) = ["ຮ້ອຍລະ", "ร้อยละ"]
        .into_iter()
        .find(|w| t.get(p..).is_some_and(|r| r.starts_with(w)))
    {
        let j = skip_hspace(t, p + pw.len());
        let core = any_core(t, j)?;
        return Some(keep(
            t,
            out,
            floor,
            single(p, core.end, Kind::Percent, Some(core.value), None),
        ));
    }
    if let Some(f) = lao_half_share(t, p) {
        return Some(keep(t, out, floor, f));
    }
    let mut l = parse_lao(t, p)?;
    if l.scale_only && !lao_vague_scale(t, &mut l) {
        return None;
    }
    // a scale after a space: ສອງພັນ ລ້ານ (two thousand million)
    let j = skip_hspace(t, l.end);
    if j > l.end
        && let Some((m, e)) = lao_words::scale_after(t, j)
        && m >= Decimal::from(1_000_000)
    {
        l.value *= m;
        l.end = e;
        l.lone_one = false;
        l.lone_twenty = false;
    }
    let after = skip_hspace(t, l.end);
    let noun = lao_table_at(t, after, LaoTable::Gloss)
        .or_else(|| lao_table_at(t, after, LaoTable::Time))
        .or_else(|| lao_table_at(t, after, LaoTable::Currency));
    let after_ti = t
        .get(..p)
        .is_some_and(|b| b.trim_end_matches(is_hspace).ends_with("ທີ"));
    if l.lone_one {
        // ນຶ່ງ after a word is the article 'a' (ແຫ່ງນຶ່ງ, ອີກດ້ານນຶ່ງ)
        let prev_lao = ch_before(t, p).is_some_and(is_lao);
        if !after_ti && (prev_lao || noun.is_none()) {
            return None;
        }
    }
    if l.lone_twenty {
        // ຊາວ alone is 'folk' (ຊາວບ້ານ villagers) unless a counted noun follows
        match noun {
            Some((_, u)) if u != "villages" => {}
            _ => return None,
        }
    }
    finish(&mut Look::new(t), &lao_core(&l), floor, out).map(found_at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::units;

    /// Every trigger word is found wherever it stands in a 64-byte block
    /// (the vector filters keep it), in any case, up to the text's end.
    #[test]
    fn scanner_finds_every_trigger() {
        let tr = triggers();
        let mut words: Vec<String> = Vec::new();
        for w in en_number_starts()
            .chain(ROMAN_LABELS.iter().copied())
            .chain(dates::month_words())
        {
            words.push(w.to_string());
            words.push(w.to_ascii_uppercase());
            let mut c = w.to_string();
            c[..1].make_ascii_uppercase();
            words.push(c);
        }
        for (w, _) in lao_words::WORDS {
            words.push(w.to_string());
        }
        for (w, _) in lao_words::MONTHS {
            words.push(w.to_string());
        }
        for w in &words {
            for off in 0..140 {
                for tail in ["", " ", " x"] {
                    let text = format!("{}{w}{tail}", " ".repeat(off));
                    let hit = tr.next(&text, 0, &mut Cursor::default());
                    assert_eq!(hit.map(|h| h.0), Some(off), "{w:?} at {off}");
                }
            }
        }
    }

    /// A cursor kept across calls gives what a fresh scan from each
    /// position gives.
    #[test]
    fn cursor_reuse_matches_fresh_scans() {
        let text = "On 5 May 2020, twenty-one of the 1,234 cases (12%) were in Tier 2; \
                    ສາມສິບ ຄົນ ໃນ ເດືອນ ມັງກອນ ໒໐໒໔ ແລະ $45 or ₭1.000.000 — one hundred and \
                    three thousand people over 3 years. "
            .repeat(5);
        let tr = triggers();
        let mut cur = Cursor::default();
        let mut pos = 0;
        while pos < text.len() {
            let a = tr.next(&text, pos, &mut cur);
            let b = tr.next(&text, pos, &mut Cursor::default());
            assert_eq!(a, b, "at {pos}");
            let Some((p, _, _)) = a else { break };
            pos = p + 1;
            while !text.is_char_boundary(pos) {
                pos += 1;
            }
        }
    }

    /// Every word the general path looks for after a number is in
    /// PLAIN_STOP (the tables it reads them from, and the lists written
    /// in its checks).
    #[test]
    fn plain_stop_covers_the_checks() {
        let mut words: Vec<String> = Vec::new();
        for (w, _) in units::TIME_UNITS.iter().chain(units::MEASURES) {
            words.extend(w.split(' ').next().map(str::to_string));
        }
        for (w, _) in units::CURRENCY_WORDS {
            words.extend(w.split([' ', '.']).next().map(str::to_string));
        }
        for (w, _) in EN_SCALE_WORDS {
            words.push(w.to_string());
        }
        for w in [
            "percentage",
            "percents",
            "percent",
            "per",
            "pct",
            "and",
            "to",
            "through",
            "until",
            "till",
            "over",
            "out",
            "in",
            "comment",
            "comments",
            "of",
            "square",
        ] {
            words.push(w.to_string());
        }
        // (a key with a digit or symbol, `km2`, is no ASCII word after a
        // number: the check sees `km`)
        for w in words
            .iter()
            .filter(|w| w.bytes().all(|b| b.is_ascii_alphabetic()))
        {
            assert!(PLAIN_STOP.get(w).is_some(), "{w}");
        }
        for w in ["cases", "people", "the", "were", "persons", "victims"] {
            assert!(PLAIN_STOP.get(w).is_none(), "{w}");
        }
    }

    /// Where plain_number decides, the general path decides the same.
    #[test]
    fn plain_number_agrees_with_the_general_path() {
        let mut vocab: Vec<String> = Vec::new();
        for (w, _) in units::TIME_UNITS
            .iter()
            .chain(units::MEASURES)
            .chain(units::CURRENCY_WORDS)
        {
            vocab.push(w.to_string());
        }
        for w in en_number_starts()
            .chain(UNIT_WORDS.iter().map(|(w, _)| *w))
            .chain(ROMAN_LABELS.iter().copied())
        {
            vocab.push(w.to_string());
        }
        for w in [
            "cases", "people", "aged", "age", "of", "page", "Page", "per", "cent", "percent",
            "and", "to", "over", "out", "in", "comments", "square", "metres", "kip", "lao", "us",
            "u.s.", "dollars", "May", "July", "Article", "the", "x", "ss", "bus", "plus",
            "workers", "USD", "foreign", "male",
        ] {
            vocab.push(w.to_string());
        }
        let mut seed = 9u32;
        let mut rnd = |n: usize| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (seed >> 8) as usize % n
        };
        let mut decided = 0;
        for _ in 0..30000 {
            let pick = |r: &mut dyn FnMut(usize) -> usize| {
                let w = &vocab[r(vocab.len())];
                match r(4) {
                    0 => w.to_ascii_uppercase(),
                    1 => {
                        let mut c = w.clone();
                        c[..1].make_ascii_uppercase();
                        c
                    }
                    _ => w.to_ascii_lowercase(),
                }
            };
            let (a, b, c, d) = (
                pick(&mut rnd),
                pick(&mut rnd),
                pick(&mut rnd),
                pick(&mut rnd),
            );
            let n = match rnd(3) {
                0 => (1000 + rnd(1200)).to_string(),
                1 => rnd(40).to_string(),
                _ => (rnd(1 << 30) as u64 * rnd(1 << 30) as u64).to_string(),
            };
            let text = format!("{a} {b} {n} {c} {d} x");
            let p = a.len() + b.len() + 2;
            let mut fast = Vec::new();
            let Some(s1) = plain_number(&text, p, 0, &mut fast) else {
                continue;
            };
            decided += 1;
            let mut general = Vec::new();
            let s2 = digit_trigger_general(&text, p, 0, &mut general);
            assert_eq!((s1.found, s1.skip), (s2.found, s2.skip), "{text}");
            assert_eq!(fast, general, "{text}");
        }
        assert!(decided > 1000, "{decided}");
    }
}
