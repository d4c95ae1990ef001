//! Assembly: finds trigger words with one automaton pass, reads the number
//! there, then widens it into a figure — sign, range, currency, percent,
//! label, date — and decides its kind, value and unit.
//!
//! One left-to-right pass: each figure starts at or after the end of the one
//! before, so figures come out sorted and never overlap.

use rust_decimal::Decimal;

use super::Found;
use super::chars::*;
use super::dates;
use super::digits::{self, DigitRun, digit_value, glued_before, is_digit, read_digits};
use super::english_words::{self, WordKind, parse_words};
use super::lao_words::{self, parse_lao};
use super::triggers::{Cursor, Scanner, Trig, scanner};
use super::units::{self, LaoTable, lao_table_at};
use crate::model::Kind;

const EN_WORDS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
    "million",
    "billion",
    "trillion",
    "dozen",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    "billions",
    "tens",
    "half",
    "quarter",
    "quarters",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "nineth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
    "hundredth",
    "thousandth",
    "millionth",
    "billionth",
    "trillionth",
    "nought",
    "naught",
    "minus",
    "negative",
    "lakh",
    "crore",
];

const ROMAN_LABELS: &[&str] = &[
    "Chapter", "Part", "Title", "Article", "Section", "Book", "Volume", "Annex", "Schedule",
    "Phase", "Tier",
];

fn triggers() -> &'static Scanner {
    scanner(|| {
        let mut en: Vec<(&'static str, Trig)> = Vec::new();
        for w in EN_WORDS {
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

/// The core number of a figure, before it is widened.
#[derive(Debug, Clone)]
struct Core {
    start: usize,
    end: usize,
    value: Decimal,
    /// Scale word multiplied in (`million`): for `10 to 20 million`.
    scale: Option<Decimal>,
    digits: Option<DigitRun>,
    words: Option<WordKind>,
    /// Forced kind and unit (ordinal suffix, measurement suffix, label).
    kind: Option<Kind>,
    unit: Option<&'static str>,
    /// Currency sign written before (inside `start`).
    money: Option<&'static str>,
}

impl Core {
    fn year_shape(&self) -> bool {
        self.scale.is_none()
            && self.kind.is_none()
            && self.digits.as_ref().is_some_and(|d| d.is_year_shape())
    }
}

fn d(n: u64) -> Decimal {
    Decimal::from(n)
}

/// The text around a number, looked at once and shared by the checks that
/// widen it: where the spaces after a position end and the ASCII word
/// there, where the spaces before a position begin, and the currency sign
/// or code before it. Each is kept for the last position asked about, so
/// the many checks on the same neighbours skip the same spaces only once.
struct Look<'t> {
    t: &'t str,
    /// `skip_hspace(t, a_from) == a_j`; `a_we`: end of the ASCII word at
    /// `a_j`, once asked for (`usize::MAX` before).
    a_from: usize,
    a_j: usize,
    a_we: usize,
    /// `word_key` of that word and whether it has no capital, once asked
    /// for (`a_key_ok`).
    a_key: u128,
    a_lower: bool,
    a_key_ok: bool,
    /// `skip_hspace_back(t, b_from) == b_j`.
    b_from: usize,
    b_j: usize,
    /// `currency_before(t, c_from) == c`.
    c_from: usize,
    c: Option<(usize, &'static str)>,
}

impl<'t> Look<'t> {
    fn new(t: &'t str) -> Self {
        Look {
            t,
            a_from: usize::MAX,
            a_j: 0,
            a_we: usize::MAX,
            a_key: 0,
            a_lower: false,
            a_key_ok: false,
            b_from: usize::MAX,
            b_j: 0,
            c_from: usize::MAX,
            c: None,
        }
    }

    /// `skip_hspace(t, i)`.
    #[inline(always)]
    fn after(&mut self, i: usize) -> usize {
        if self.a_from != i {
            self.a_from = i;
            let b = self.t.as_bytes();
            // mostly no space or one, then an ASCII byte
            self.a_j = match (b.get(i), b.get(i + 1)) {
                (Some(&x), _) if x < 0x80 && x != b' ' && x != b'\t' => i,
                (Some(b' '), Some(&y)) if y < 0x80 && y != b' ' && y != b'\t' => i + 1,
                _ => skip_hspace(self.t, i),
            };
            self.a_we = usize::MAX;
            self.a_key_ok = false;
        }
        self.a_j
    }

    /// [`Look::word_after`] and the word's key: (start, word, `word_key`,
    /// whether the word has no capital letter).
    #[inline(always)]
    fn keyed_word_after(&mut self, i: usize) -> (usize, &'t str, u128, bool) {
        let (j, w) = self.word_after(i);
        if !self.a_key_ok {
            self.a_key = word_key(w);
            self.a_lower = word_key_lower(w).is_some();
            self.a_key_ok = true;
        }
        (j, w, self.a_key, self.a_lower)
    }

    /// `next_word(t, i)`: the start and the ASCII word after the spaces.
    #[inline(always)]
    fn word_after(&mut self, i: usize) -> (usize, &'t str) {
        let j = self.after(i);
        if self.a_we == usize::MAX {
            self.a_we = ascii_word_end(self.t, j);
        }
        (j, self.t.get(j..self.a_we).unwrap_or(""))
    }

    /// `skip_hspace_back(t, i)`.
    #[inline(always)]
    fn before(&mut self, i: usize) -> usize {
        if self.b_from != i {
            self.b_from = i;
            let b = self.t.as_bytes();
            // mostly one space or none after an ASCII byte, `i` on a char
            // boundary (the byte at `i` no continuation byte)
            let at_boundary = b.get(i).is_none_or(|&c| (c as i8) >= -0x40);
            self.b_j = match (
                i.checked_sub(1).and_then(|k| b.get(k)),
                i.checked_sub(2).and_then(|k| b.get(k)),
            ) {
                (Some(&x), _) if at_boundary && x < 0x80 && x != b' ' && x != b'\t' => i,
                (Some(b' '), Some(&y)) if at_boundary && y < 0x80 && y != b' ' && y != b'\t' => {
                    i - 1
                }
                _ => skip_hspace_back(self.t, i),
            };
        }
        self.b_j
    }

    /// `prev_word(t, i)`.
    #[inline(always)]
    fn word_before(&mut self, i: usize) -> (usize, &'t str) {
        ascii_word_before(self.t, self.before(i))
    }

    /// `units::currency_before(t, i)`.
    #[inline(always)]
    fn currency_before(&mut self, i: usize) -> Option<(usize, &'static str)> {
        if self.c_from != i {
            let j = self.before(i);
            let c = units::currency_ending_at(self.t, j);
            self.c_from = i;
            self.c = c;
            return c;
        }
        self.c
    }
}

/// English scale word after digits (`65.5 million`).
fn en_scale_after(lk: &mut Look, i: usize) -> Option<(Decimal, usize)> {
    let t = lk.t;
    let (j, w, k, _) = lk.keyed_word_after(i);
    if w.is_empty() {
        return None;
    }
    static SCALES: WordMap<u64, 17> = WordMap::new([
        ("hundred", 100),
        ("thousand", 1_000),
        ("million", 1_000_000),
        ("mln", 1_000_000),
        ("billion", 1_000_000_000),
        ("bln", 1_000_000_000),
        ("bn", 1_000_000_000),
        ("trillion", 1_000_000_000_000),
        ("tln", 1_000_000_000_000),
        ("lakh", 100_000),
        ("crore", 10_000_000),
        ("dozen", 12),
        ("dozens", 12),
        ("doz", 12),
        ("dozs", 12),
        ("dz", 12),
        ("dzs", 12),
    ]);
    let s = d(SCALES.get_key(k)?);
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
fn glued_suffix(w: &str, money: bool) -> Option<(Option<Decimal>, Option<&'static str>)> {
    let scale = match w {
        "k" | "K" => Some(d(1_000)),
        "M" | "MM" | "mn" | "mln" | "mil" => Some(d(1_000_000)),
        "m" if money => Some(d(1_000_000)),
        "bn" | "b" | "B" | "bln" => Some(d(1_000_000_000)),
        "tn" | "tln" => Some(d(1_000_000_000_000)),
        _ => None,
    };
    if scale.is_some() {
        return Some((scale, None));
    }
    units::measure_word(w).map(|u| (None, Some(u)))
}

/// A label word before `i` (English): (start, kind, unit).
fn label_before(t: &str, i: usize) -> Option<(usize, Kind, &'static str)> {
    label_ending_at(t, skip_hspace_back(t, i))
}

/// Whether an English or Lao label stands before the number at `p`.
fn labelled(t: &str, p: usize) -> bool {
    label_before(t, p).is_some()
        || units::LAO_ID_LABELS
            .iter()
            .any(|(w, _)| has_suffix(&t[..skip_hspace_back(t, p)], w))
}

/// [`label_before`] with the spaces skipped: `j` is `skip_hspace_back(t, i)`.
fn label_ending_at(t: &str, mut j: usize) -> Option<(usize, Kind, &'static str)> {
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
    if dotted && !matches!(lw, "no" | "nos" | "art" | "para" | "vol" | "fig") {
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

/// Reads digits at `p` with their glued suffix and following scale word.
/// `Err(skip)` when the digits belong to a name (`COVID-19`, `G20`).
fn digits_core(lk: &mut Look, p: usize) -> Result<Option<Core>, usize> {
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
    // Glued letters.
    let w = ascii_word_at(t, run.end);
    if !w.is_empty() {
        let we = run.end + w.len();
        if is_digit(ch(t, we)) {
            return Err(digits::run_end(t, p));
        }
        if english_words::is_ordinal_suffix(w) && !run.fraction {
            core.end = we;
            core.kind = Some(Kind::Ordinal);
            return Ok(Some(core));
        }
        if w == "s" && run.is_year_shape() && run.value % d(10) == Decimal::ZERO {
            core.end = we;
            core.kind = Some(Kind::Year); // the 1990s
            return Ok(Some(core));
        }
        if let Some((scale, unit)) = glued_suffix(w, money.is_some()) {
            core.end = we;
            if let Some(s) = scale {
                core.value = core.value.checked_mul(s).ok_or(we)?;
                core.scale = Some(s);
            }
            if let Some(u) = unit {
                core.kind = Some(Kind::Other);
                core.unit = Some(u);
            }
            return Ok(Some(core));
        }
        if w.len() == 1 && w.as_bytes()[0].is_ascii_lowercase() && label_before(t, start).is_some()
        {
            core.end = we; // Section 12a
            return Ok(Some(core));
        }
        return Err(we);
    }
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
        // `1 ລ້ານ 5 ແສນ` (1 500 000): digits and a smaller Lao scale after
        // a Lao scale add up.
        if en_sc.is_none() {
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
        && let Some(s) = match w {
            "k" | "K" => Some(d(1_000)),
            "M" => Some(d(1_000_000)),
            "G" | "B" => Some(d(1_000_000_000)),
            _ => None,
        }
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
    Ok(Some(core))
}

/// Any number at `p` (digits, English or Lao words), for the far end of a
/// range or after ຮ້ອຍລະ. A currency sign before it is skipped.
fn any_core(t: &str, p: usize) -> Option<Core> {
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

fn word_core(t: &str, w: &english_words::WordNum) -> Core {
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

fn lao_core(l: &lao_words::LaoNum) -> Core {
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

/// Result of looking at one trigger.
pub(crate) struct Step {
    /// A figure was found and pushed to the output list; `skip` is its end.
    pub found: bool,
    /// Where to look for the next trigger (when nothing was found, at least
    /// one char on).
    pub skip: usize,
}

/// Pushes `f` to `out` when it passes the checks every figure must pass
/// (sorted and disjoint: at or after `floor`; not empty; on grapheme
/// boundaries); either way the scan goes on at its end. [`done`] applies
/// the same checks; figures built elsewhere come through here.
fn keep(t: &str, out: &mut Vec<Found>, floor: usize, f: Found) -> Step {
    let end = f.end;
    let ok = f.start >= floor && f.end > f.start && boundary(t, f.start) && boundary(t, f.end);
    if ok {
        out.push(f);
    }
    Step {
        found: ok,
        skip: end,
    }
}

/// Words before a number that make `from A to B` a change, not a range.
const CHANGE_VERBS: &[&str] = &[
    "increased",
    "increase",
    "increases",
    "rose",
    "rise",
    "risen",
    "grew",
    "grown",
    "fell",
    "fallen",
    "dropped",
    "declined",
    "decreased",
    "jumped",
    "climbed",
    "reduced",
    "cut",
    "raised",
    "went",
    "up",
    "down",
    "changed",
    "moved",
    "surged",
    "soared",
    "slipped",
];

#[cfg_attr(not(test), allow(dead_code))] // the list behind UNIT_CLASS
const STOP_UNIT: &[&str] = &[
    "of",
    "and",
    "or",
    "the",
    "to",
    "in",
    "on",
    "at",
    "for",
    "with",
    "were",
    "was",
    "are",
    "is",
    "per",
    "from",
    "by",
    "more",
    "than",
    "a",
    "an",
    "who",
    "which",
    "that",
    "as",
    "into",
    "had",
    "have",
    "has",
    "be",
    "been",
    "will",
    "would",
    "could",
    "this",
    "these",
    "those",
    "other",
    "new",
    "against",
    "under",
    "over",
    "between",
    "since",
    "during",
    "after",
    "before",
    "through",
    "out",
    "up",
    "it",
    "its",
    "their",
    "his",
    "her",
    "had",
    "not",
    "also",
    "about",
    "while",
    "when",
    "where",
    "received",
    "attended",
    "returned",
    "did",
    "do",
    "each",
    "such",
    "all",
    "some",
    "different",
    "additional",
    "suspected",
    "identified",
    "including",
    "only",
    "later",
    "percent",
    "times",
];

#[cfg_attr(not(test), allow(dead_code))] // the list behind UNIT_CLASS
const KEEP_ADJ: &[&str] = &["foreign", "male", "female", "potential", "adult", "local"];

/// `KEEP_ADJ.contains(&w)` as one `match`.
#[cfg(test)]
fn is_keep_adj(w: &str) -> bool {
    matches!(
        w,
        "foreign" | "male" | "female" | "potential" | "adult" | "local"
    )
}

/// A word after a number kept with the counted noun (`foreign workers`).
const KEEP: u8 = 1;
/// A word after a number that is no counted noun ([`STOP_UNIT`]).
const STOP: u8 = 2;
/// A [`STOP`] word looked past (`different`, `new`, `other`, …).
const SKIP: u8 = 4;

/// [`KEEP_ADJ`] and [`STOP_UNIT`] in one map: each word's class bits.
static UNIT_CLASS: WordMap<u8, 85> = WordMap::new([
    ("of", STOP),
    ("and", STOP),
    ("or", STOP),
    ("the", STOP),
    ("to", STOP),
    ("in", STOP),
    ("on", STOP),
    ("at", STOP),
    ("for", STOP),
    ("with", STOP),
    ("were", STOP),
    ("was", STOP),
    ("are", STOP),
    ("is", STOP),
    ("per", STOP),
    ("from", STOP),
    ("by", STOP),
    ("more", STOP),
    ("than", STOP),
    ("a", STOP),
    ("an", STOP),
    ("who", STOP),
    ("which", STOP),
    ("that", STOP),
    ("as", STOP),
    ("into", STOP),
    ("had", STOP),
    ("have", STOP),
    ("has", STOP),
    ("be", STOP),
    ("been", STOP),
    ("will", STOP),
    ("would", STOP),
    ("could", STOP),
    ("this", STOP),
    ("these", STOP),
    ("those", STOP),
    ("other", STOP | SKIP),
    ("new", STOP | SKIP),
    ("against", STOP),
    ("under", STOP),
    ("over", STOP),
    ("between", STOP),
    ("since", STOP),
    ("during", STOP),
    ("after", STOP),
    ("before", STOP),
    ("through", STOP),
    ("out", STOP),
    ("up", STOP),
    ("it", STOP),
    ("its", STOP),
    ("their", STOP),
    ("his", STOP),
    ("her", STOP),
    ("not", STOP),
    ("also", STOP),
    ("about", STOP),
    ("while", STOP),
    ("when", STOP),
    ("where", STOP),
    ("received", STOP),
    ("attended", STOP),
    ("returned", STOP),
    ("did", STOP),
    ("do", STOP),
    ("each", STOP),
    ("such", STOP),
    ("all", STOP),
    ("some", STOP),
    ("different", STOP | SKIP),
    ("additional", STOP | SKIP),
    ("suspected", STOP | SKIP),
    ("identified", STOP | SKIP),
    ("including", STOP),
    ("only", STOP),
    ("later", STOP),
    ("percent", STOP),
    ("times", STOP),
    ("foreign", KEEP),
    ("male", KEEP),
    ("female", KEEP),
    ("potential", KEEP),
    ("adult", KEEP),
    ("local", KEEP),
]);

/// `STOP_UNIT.contains(&w)`.
#[cfg(test)]
fn is_stop_unit(w: &str) -> bool {
    word_key_lower(w)
        .and_then(|k| UNIT_CLASS.get_key(k))
        .is_some_and(|c| c & STOP != 0)
}

/// The English counted noun after `i` (one or two words).
fn en_unit_after(t: &str, i: usize) -> Option<String> {
    en_unit_words(t, i).map(|u| u.to_string(false))
}

/// [`en_unit_after`] made singular (`people` stays, `workers` → `worker`);
/// none when a number word follows (`the first six months`: the ordinal
/// ranks the months the number counts).
fn en_unit_after_singular(t: &str, i: usize) -> Option<String> {
    let (_, w) = next_word(t, i);
    if english_words::lookup(Low::new(w).as_str()).is_some() {
        return None;
    }
    en_unit_words(t, i).map(|u| u.to_string(true))
}

/// Nouns an ordinal ranks that `a third` / `a fourth` may stand before: there
/// the phrase is an ordinal (`a third round of talks`), not a fraction
/// (`a third of the victims`, `a third were women`).
const ORDINAL_HEADS: &[&str] = &[
    "round",
    "time",
    "phase",
    "stage",
    "party",
    "country",
    "year",
    "day",
    "week",
    "month",
    "term",
    "wave",
    "quarter",
    "session",
    "meeting",
    "edition",
    "consecutive",
    "straight",
    "trial",
    "batch",
    "group",
    "person",
    "generation",
    "place",
    "attempt",
    "offence",
    "offense",
    "conviction",
    "case",
    "report",
    "plan",
    "visit",
    "floor",
    "grade",
    "child",
    "tier",
    "option",
    "version",
    "season",
    "victim",
    "suspect",
    "operation",
];

/// `a third round`: the ordinal (span `third`, value 3, unit the noun) that
/// the fraction parse `a third` = 1/3 at `start..end` stands for, if the
/// word after it is one of [`ORDINAL_HEADS`].
fn a_ordinal(t: &str, start: usize, end: usize) -> Option<Found> {
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
    Some(Found {
        start: os,
        end,
        kind: Kind::Ordinal,
        value: Some(Decimal::from(n)),
        value_max: None,
        unit: Some(head.to_string()),
    })
}

/// The words of an English unit, borrowed from the text: an adjective kept
/// with the noun (`foreign workers`), the noun, or both.
struct UnitWords<'a> {
    adj: Option<&'a str>,
    noun: Option<&'a str>,
}

impl UnitWords<'_> {
    /// The unit, one allocation; `singular` drops a final `s` when more than
    /// two bytes stay (`adj noun` as one string).
    fn to_string(&self, singular: bool) -> String {
        let mut u = String::with_capacity(
            self.adj.map_or(0, |a| a.len() + 1) + self.noun.map_or(0, str::len),
        );
        match (self.adj, self.noun) {
            (Some(a), Some(w)) => {
                u.push_str(a);
                u.push(' ');
                u.push_str(w);
            }
            (Some(a), None) => u.push_str(a),
            (None, Some(w)) => u.push_str(w),
            (None, None) => {}
        }
        if singular && u.len() > 3 && u.ends_with('s') {
            u.pop();
        }
        u
    }
}

/// The words behind [`en_unit_after`], without building the string. Its
/// callers (ratios and ordinals) do not ask for a plural head.
fn en_unit_words(t: &str, i: usize) -> Option<UnitWords<'_>> {
    en_unit_words_keyed(t, skip_hspace(t, i), None, false)
}

/// [`en_unit_words`] after the spaces after `i`, the first word's key
/// taken from the look.
fn en_unit_words_look<'t>(lk: &mut Look<'t>, i: usize, plural: bool) -> Option<UnitWords<'t>> {
    let (j, _, k, lower) = lk.keyed_word_after(i);
    en_unit_words_keyed(lk.t, j, Some((k, lower)), plural)
}

/// [`en_unit_words`] at `j` (the spaces skipped), given the first word's
/// `word_key` and whether it has no capital, when known.
///
/// A number above one counts a plural noun, so when the word after it is
/// not one, that word is a modifier and the head comes later: `96 human
/// trafficking cases` counts cases, `40 factory workers` workers.
#[inline]
fn en_unit_words_keyed(
    t: &str,
    mut j: usize,
    first: Option<(u128, bool)>,
    plural: bool,
) -> Option<UnitWords<'_>> {
    // a unit starts with a lower-case letter, or with a proper adjective
    // before a plural noun (`3 Chinese nationals`, `1,200 Lao workers`)
    match t.as_bytes().get(j) {
        Some(c) if c.is_ascii_lowercase() => {}
        Some(c) if c.is_ascii_uppercase() && plural => return proper_adjective_unit(t, j),
        _ => return None,
    }
    let mut adj: Option<&str> = None;
    let mut first = first;
    for _ in 0..3 {
        let w = ascii_word_at(t, j);
        if w.is_empty() || !w.as_bytes()[0].is_ascii_lowercase() || w.len() < 2 {
            return None;
        }
        let e = j + w.len();
        // what the word is, looked up once (as written: a capital inside
        // makes it none of these)
        let lower_key = match first.take() {
            Some((k, lower)) => lower.then_some(k),
            None => word_key_lower(w),
        };
        let class = lower_key.and_then(|k| UNIT_CLASS.get_key(k)).unwrap_or(0);
        if class & KEEP != 0 && adj.is_none() {
            adj = Some(w);
        } else if class & STOP != 0 {
            if class & SKIP != 0 {
                j = skip_hspace(t, e);
                continue;
            }
            return adj.map(|a| UnitWords {
                adj: Some(a),
                noun: None,
            });
        } else {
            let noun = if plural && !plural_noun(w) {
                plural_head_after(t, e).unwrap_or(w)
            } else {
                w
            };
            return Some(UnitWords {
                adj,
                noun: Some(noun),
            });
        }
        j = skip_hspace(t, e);
    }
    adj.map(|a| UnitWords {
        adj: Some(a),
        noun: None,
    })
}

/// Hedges and range openers that may stand between an age word and its
/// number (`aged about 30`, `ອາຍຸແຕ່ 15`).
const EN_AGE_HEDGES: &[&str] = &[
    "between",
    "from",
    "about",
    "around",
    "approximately",
    "roughly",
    "nearly",
    "over",
    "under",
    "below",
    "above",
];
const LAO_AGE_HEDGES: &[&str] = &[
    "ແຕ່",
    "ຕັ້ງແຕ່",
    "ລະຫວ່າງ",
    "ປະມານ",
    "ກວ່າ",
    "ຫຼາຍກວ່າ",
    "ຫລາຍກວ່າ",
    "ຕ່ຳກວ່າ",
    "ຕ່ໍາກວ່າ",
    "ໜ້ອຍກວ່າ",
    "ຫນ້ອຍກວ່າ",
    "ບໍ່ເກີນ",
    "ເກີນ",
    "ບໍ່ເຖິງ",
];

/// Whether the English words before a number (`pw`, the word before it,
/// starting at `pws`) make it an age.
fn en_age_before(t: &str, pws: usize, pw: &str) -> bool {
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
fn lao_age_before(before: &str) -> bool {
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

/// A capitalised word at `j` (no stop word, the rest lower case) and the
/// plural noun one space after it, as adjective and noun.
fn proper_adjective_unit(t: &str, j: usize) -> Option<UnitWords<'_>> {
    let w = ascii_word_at(t, j);
    if w.len() < 3 || !w.as_bytes()[1..].iter().all(u8::is_ascii_lowercase) {
        return None;
    }
    if UNIT_CLASS
        .get_key(word_key(w))
        .is_some_and(|c| c & STOP != 0)
    {
        return None;
    }
    let e = j + w.len();
    if t.as_bytes().get(e) != Some(&b' ') {
        return None;
    }
    let noun = ascii_word_at(t, e + 1);
    (noun.len() >= 3 && noun.as_bytes()[0].is_ascii_lowercase() && plural_noun(noun)).then_some(
        UnitWords {
            adj: Some(w),
            noun: Some(noun),
        },
    )
}

/// Whether `w` reads as a plural noun: a [`count_noun`] or an irregular
/// plural of a person.
fn plural_noun(w: &str) -> bool {
    count_noun(w) || matches!(w, "people" | "men" | "women" | "children" | "persons")
}

/// The plural noun among the next two lower-case words after `e`, each
/// after one space, when no [`STOP`] word comes first: the head of a noun
/// phrase whose first word was a modifier.
fn plural_head_after(t: &str, mut e: usize) -> Option<&str> {
    let b = t.as_bytes();
    for _ in 0..2 {
        if b.get(e) != Some(&b' ') {
            return None;
        }
        let w = ascii_word_at(t, e + 1);
        if w.len() < 2 || !w.as_bytes()[0].is_ascii_lowercase() {
            return None;
        }
        let class = word_key_lower(w)
            .and_then(|k| UNIT_CLASS.get_key(k))
            .unwrap_or(0);
        if class & STOP != 0 && class & SKIP == 0 {
            return None;
        }
        if plural_noun(w) {
            return Some(w);
        }
        e += 1 + w.len();
    }
    None
}

/// Whether `w`, the word after a number, is a count noun (so `2000 people`
/// is no year).
fn count_noun(w: &str) -> bool {
    if w.len() < 4 || !w.as_bytes()[0].is_ascii_lowercase() {
        return false;
    }
    // `-us` and `-is` are singulars (`census`, `status`, `crisis`, `basis`)
    w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && !matches!(
            w,
            "this"
                | "thus"
                | "plus"
                | "whereas"
                | "unless"
                | "always"
                | "perhaps"
                | "across"
                | "has"
                | "was"
                | "its"
                | "his"
                | "less"
                | "towards"
        )
}

/// Page furniture and list numbering around a bare number at `[s, e)`.
fn is_furniture(lk: &mut Look, s: usize, e: usize) -> bool {
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
        && !(p == '.'
            && matches!(
                Low::new(ascii_word_before(t, s - 1).1).as_str(),
                "no" | "nos" | "art" | "para" | "vol" | "fig" | "p" | "pp"
            ))
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
    j > 1 && b[j - 1] == b'.' && matches!(ascii_word_before(t, j - 1).1, "p" | "pp")
}

/// Looks at the trigger `[p, pe)`.
pub(crate) fn at_trigger(
    t: &str,
    p: usize,
    pe: usize,
    trig: Trig,
    floor: usize,
    out: &mut Vec<Found>,
) -> Step {
    let next = p + ch(t, p).map_or(1, char::len_utf8);
    let none = |skip: usize| Step { found: false, skip };
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
        Trig::EnWord => {
            if is_ascii_alnum(ch_before(t, p)) || is_ascii_alnum(ch(t, pe)) {
                return none(pe);
            }
            match en_trigger(t, p, floor, out) {
                Some(s) => s,
                None => none(pe),
            }
        }
        Trig::Month => {
            if is_ascii_alnum(ch_before(t, p)) || is_ascii_alnum(ch(t, pe)) {
                return none(pe);
            }
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
            match dates::date_from_month(t, m) {
                Some(h) => keep(
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
                ),
                None => none(pe),
            }
        }
        Trig::RomanLabel => {
            if is_ascii_alnum(ch_before(t, p)) || is_ascii_alnum(ch(t, pe)) {
                return none(pe);
            }
            let label = t.get(p..pe).unwrap_or("");
            if !label
                .as_bytes()
                .first()
                .is_some_and(|b| b.is_ascii_uppercase())
            {
                return none(pe);
            }
            let j = skip_hspace(t, pe);
            if j == pe {
                return none(pe);
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
                return keep(
                    t,
                    out,
                    floor,
                    Found {
                        start: p,
                        end: e,
                        kind,
                        value: Some(Decimal::from(v)),
                        value_max: None,
                        unit: Some(unit.to_string()),
                    },
                );
            }
            none(pe)
        }
        Trig::Vulgar => {
            // after digits (`2½`) the digits took it
            let Some(v) = ch(t, p).and_then(digits::vulgar_value) else {
                return none(pe);
            };
            if is_digit(ch_before(t, p)) {
                return none(pe);
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
            match finish(&mut Look::new(t), &core, floor, out) {
                Some(e) => Step {
                    skip: e,
                    found: true,
                },
                None => none(pe),
            }
        }
        Trig::LaoWord => match lao_trigger(t, p, floor, out) {
            Some(s) => s,
            None => none(next),
        },
    }
}

fn digit_trigger(t: &str, p: usize, floor: usize, out: &mut Vec<Found>) -> Step {
    if let Some(s) = plain_number(t, p, floor, out) {
        return s;
    }
    digit_trigger_general(t, p, floor, out)
}

/// Words after a plain number that some check of the general path looks
/// for: scale words, ratio, percent and
/// range words, currency names (their first word), time units,
/// measurements, `comment(s)` (page furniture) and `of` (a day's month).
/// See [`plain_number`]; a test checks this list against the tables.
static PLAIN_STOP: WordMap<(), 92> = WordMap::new([
    // en_scale_after
    ("hundred", ()),
    ("thousand", ()),
    ("million", ()),
    ("mln", ()),
    ("billion", ()),
    ("bln", ()),
    ("bn", ()),
    ("trillion", ()),
    ("tln", ()),
    ("lakh", ()),
    ("crore", ()),
    ("dozen", ()),
    ("dozens", ()),
    ("doz", ()),
    ("dozs", ()),
    ("dz", ()),
    ("dzs", ()),
    // ratio_after
    ("over", ()),
    ("out", ()),
    ("in", ()),
    // units::percent_at
    ("percentage", ()),
    ("percents", ()),
    ("percent", ()),
    ("per", ()),
    ("pct", ()),
    // dates::connector_at
    ("and", ()),
    ("to", ()),
    ("through", ()),
    ("until", ()),
    ("till", ()),
    // units::currency_word_at, first words
    ("lao", ()),
    ("kip", ()),
    ("us", ()),
    ("u", ()),
    ("dollars", ()),
    ("dollar", ()),
    ("thai", ()),
    ("baht", ()),
    ("yuan", ()),
    ("renminbi", ()),
    ("euros", ()),
    ("euro", ()),
    ("dong", ()),
    ("yen", ()),
    ("riel", ()),
    // units::time_unit_at
    ("years", ()),
    ("year", ()),
    ("yrs", ()),
    ("months", ()),
    ("month", ()),
    ("weeks", ()),
    ("week", ()),
    ("days", ()),
    ("day", ()),
    ("hours", ()),
    ("hour", ()),
    ("minutes", ()),
    ("minute", ()),
    ("seconds", ()),
    ("decades", ()),
    ("decade", ()),
    ("centuries", ()),
    ("century", ()),
    // units::measure_key, and `square`
    ("km", ()),
    ("kilometres", ()),
    ("kilometers", ()),
    ("kilometre", ()),
    ("kilometer", ()),
    ("kg", ()),
    ("kilograms", ()),
    ("kilogram", ()),
    ("tonnes", ()),
    ("tons", ()),
    ("hectares", ()),
    ("ha", ()),
    ("metres", ()),
    ("meters", ()),
    ("m", ()),
    ("cm", ()),
    ("mm", ()),
    ("ml", ()),
    ("litres", ()),
    ("liters", ()),
    ("mw", ()),
    ("megawatts", ()),
    ("kw", ()),
    ("kwh", ()),
    ("gwh", ()),
    ("square", ()),
    // is_furniture; the month after a day (`5 of July`)
    ("comment", ()),
    ("comments", ()),
    ("of", ()),
]);

/// The commonest figure, decided without the general path: a plain number
/// of ASCII digits between two lower-case words, one space on each side
/// (`the 12 cases were`, `in 2018 the`). Where neither word is one that
/// a check of the general path looks for ([`PLAIN_STOP`]) and the word
/// before starts with a small letter (no label, no `Page`), the general
/// path makes it a year (a four-digit number in 1000–2100 not before a
/// count noun) or a count with the unit after it, and so does this. `None`
/// leaves the number to the general path.
#[inline]
fn plain_number(t: &str, p: usize, floor: usize, out: &mut Vec<Found>) -> Option<Step> {
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
    let found = if e - p == 4 && (1000..=2100).contains(&m) && !count_noun(w) {
        done(out, t, p, e, Kind::Year, Some(value), None, None, floor)
    } else {
        let unit = en_unit_words_keyed(t, e + 1, Some((k, word_key_lower(w).is_some())), m != 1)
            .map(|u| u.to_string(false));
        done(out, t, p, e, Kind::Count, Some(value), None, unit, floor)
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
fn digit_trigger_general(t: &str, p: usize, floor: usize, out: &mut Vec<Found>) -> Step {
    let mut lk = Look::new(t);
    let lk = &mut lk;
    let next = p + ch(t, p).map_or(1, char::len_utf8);
    let none = |skip: usize| Step { found: false, skip };
    // Dates and year ranges in digits come first: `2019-10-12`, `2019-2021`.
    if !glued_before(t, p) && dates::may_be_digit_date(t, p) {
        if let Some((e, y)) = dates::numeric_date(t, p)
            // `No. 6/2023`, ເລກທີ 6/2023: a number and year, no month
            && !(t[p..e].matches('/').count() == 1 && labelled(t, p))
        {
            return keep(
                t,
                out,
                floor,
                Found {
                    start: p,
                    end: e,
                    kind: Kind::Date,
                    value: Some(Decimal::from(y)),
                    value_max: None,
                    unit: None,
                },
            );
        }
        if let Some((e, y1, y2)) = dates::year_range(t, p) {
            return keep(
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
            );
        }
    }
    // used where it was built (a move of the core costs a copy)
    let mut res = digits_core(lk, p);
    let core = match &mut res {
        Ok(Some(c)) => c,
        Ok(None) => return none(next),
        Err(skip) => return none((*skip).max(next)),
    };
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
        // a page range goes with its first page (`pp. 12-15`)
        let mut skip = core.end;
        if let Some(d) = ch(t, skip).filter(|&c| c == '-' || c == '\u{2013}')
            && is_digit(ch(t, skip + d.len_utf8()))
        {
            skip = digits::run_end(t, skip + d.len_utf8());
        }
        return none(skip.max(next));
    }
    // Days before a month: `3-4 ພຶດສະພາ 2023`, `12–14 May 2024`.
    if let Some(run) = &core.digits
        && !run.grouped
        && !run.fraction
        && run.int_digits <= 2
        && core.scale.is_none()
        && let Some(e) = dates::day_range_end(t, core.end, run.value)
        && let Some(h) = dates::date_after_day_at(t, lk.after(e))
    {
        return keep(
            t,
            out,
            floor,
            Found {
                start: core.start,
                end: h.end,
                kind: Kind::Date,
                value: h.year.map(Decimal::from),
                value_max: None,
                unit: None,
            },
        );
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
        let mut start = core.start;
        // `ວັນທີ 26 …`: the day, not ວັນທີ, starts the date
        let _ = &mut start;
        return keep(
            t,
            out,
            floor,
            Found {
                start,
                end: h.end,
                kind: Kind::Date,
                value: h.year.map(Decimal::from),
                value_max: None,
                unit: None,
            },
        );
    }
    match finish(lk, core, floor, out) {
        Some(e) => Step {
            skip: e,
            found: true,
        },
        None => none(next),
    }
}

/// `i`, or past a Lao hedge written after the number (`1.500 ກວ່າຄົນ`,
/// more than 1,500 people) and the spaces after it.
fn after_lao_hedge(t: &str, i: usize) -> usize {
    ["ກວ່າ", "ປາຍ"]
        .iter()
        .find(|h| t.get(i..).is_some_and(|r| r.starts_with(*h)))
        .map_or(i, |h| skip_hspace(t, i + h.len()))
}

/// `one` as a pronoun, not a numeral.
fn one_is_pronoun(t: &str, s: usize, e: usize) -> bool {
    let (_, pw) = prev_word(t, s);
    let pwl = Low::new(pw);
    let pw = pwl.as_str();
    if matches!(
        pw,
        "the"
            | "this"
            | "that"
            | "which"
            | "no"
            | "any"
            | "every"
            | "each"
            | "some"
            | "another"
            | "a"
            | "such"
            | "other"
            | "what"
            | "little"
            | "last"
            | "next"
            | "only"
            | "everyone"
            | "someone"
            | "anyone"
            | "no-one"
            | "whichever"
    ) {
        return true;
    }
    if ch(t, e) == Some('\'') || ch(t, e) == Some('’') {
        return true; // one's
    }
    let (_, nw) = next_word(t, e);
    let nwl = Low::new(nw);
    let nw = nwl.as_str();
    if matches!(
        nw,
        "another"
            | "should"
            | "must"
            | "can"
            | "could"
            | "would"
            | "might"
            | "may"
            | "cannot"
            | "needs"
            | "else"
            | "way"
            | "day"
            | "side"
            | "hand"
            | "thing"
    ) {
        return true;
    }
    // `one of the most …`
    if nw == "of" {
        let (k, w2) = next_word(t, e);
        let (k2, w3) = next_word(t, k + w2.len());
        let (_, w4) = next_word(t, k2 + w3.len());
        if w3.eq_ignore_ascii_case("the")
            && matches!(
                w4,
                "most" | "best" | "few" | "first" | "largest" | "main" | "biggest" | "greatest"
            )
        {
            return true;
        }
    }
    false
}

/// A figure at an English number word: `Some` when one was built (and
/// pushed to `out` if it passed the checks of [`keep`]).
fn en_trigger(t: &str, p: usize, floor: usize, out: &mut Vec<Found>) -> Option<Step> {
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
            Found {
                start: w.start,
                end: w.end,
                kind: Kind::Ordinal,
                value: Some(w.value),
                value_max: None,
                unit: en_unit_after_singular(t, w.end),
            },
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

/// A figure at a Lao number word, as [`en_trigger`].
fn lao_trigger(t: &str, p: usize, floor: usize, out: &mut Vec<Found>) -> Option<Step> {
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
            Found {
                start: p,
                end: core.end,
                kind: Kind::Percent,
                value: Some(core.value),
                value_max: None,
                unit: None,
            },
        ));
    }
    let mut l = parse_lao(t, p)?;
    if l.scale_only {
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

/// `over N`, `out of N`, or (after one) `in N` after a number: a ratio,
/// valued as the quotient. Not when the second number is a year or a time
/// follows (`25 in 2021`, `2000 over 3 years`). Returns (end, value).
fn ratio_after(lk: &mut Look, core: &Core, value: Decimal) -> Option<(usize, Decimal)> {
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

/// Widens a core number into a figure and decides its kind, value and unit.
/// Widens a core number into a figure and decides its kind, value and unit;
/// pushes it to `out` (through [`done`]) and returns its end.
fn finish(lk: &mut Look, core: &Core, floor: usize, out: &mut Vec<Found>) -> Option<usize> {
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
    done(out, t, start, end, kind, value, value_max, unit, floor)
}

#[allow(clippy::too_many_arguments)]
#[inline(always)] // its arguments stay in registers (through memory they
// are read back wider than written, a store-forwarding stall)
fn done(
    out: &mut Vec<Found>,
    t: &str,
    start: usize,
    end: usize,
    kind: Kind,
    value: Option<Decimal>,
    value_max: Option<Decimal>,
    unit: Option<String>,
    floor: usize,
) -> Option<usize> {
    if start < floor || end <= start || end > t.len() {
        return None;
    }
    if !boundary(t, start) || !boundary(t, end) {
        return None;
    }
    out.push(Found {
        start,
        end,
        kind,
        value: value.map(norm),
        value_max: value_max.map(norm),
        unit,
    });
    Some(end)
}

/// `v.normalize()`, without the call for a non-zero integer (which it
/// returns as it is; a zero it makes positive).
#[inline(always)]
fn norm(v: Decimal) -> Decimal {
    if v.scale() == 0 && !v.is_zero() {
        v
    } else {
        v.normalize()
    }
}

/// The step after a figure [`done`] kept, ending at `e`.
fn found_at(e: usize) -> Step {
    Step {
        found: true,
        skip: e,
    }
}

/// A grapheme-cluster boundary: between two ASCII bytes (not CR LF) always,
/// otherwise as `crate::text` decides.
#[inline]
fn boundary(t: &str, i: usize) -> bool {
    let b = t.as_bytes();
    if i == 0 || i == b.len() {
        return i <= b.len();
    }
    match (b.get(i - 1), b.get(i)) {
        (Some(&x), Some(&y)) if x < 0x80 && y < 0x80 => !(x == b'\r' && y == b'\n'),
        _ => crate::text::is_grapheme_boundary(t, i),
    }
}

/// Runs the whole pass.
pub(crate) fn run(text: &str) -> Vec<Found> {
    let tr = triggers();
    // about one figure per 200 bytes of dense prose: reserve that at once,
    // so that growing never copies what was found
    let mut out: Vec<Found> = Vec::with_capacity(text.len() / 160 + 4);
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every trigger word is found wherever it stands in a 64-byte block
    /// (the vector filters keep it), in any case, up to the text's end.
    #[test]
    fn scanner_finds_every_trigger() {
        let tr = triggers();
        let mut words: Vec<String> = Vec::new();
        for w in EN_WORDS
            .iter()
            .chain(ROMAN_LABELS)
            .copied()
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
            "hundred",
            "thousand",
            "million",
            "mln",
            "billion",
            "bln",
            "bn",
            "trillion",
            "tln",
            "lakh",
            "crore",
            "dozen",
            "dozens",
            "doz",
            "dozs",
            "dz",
            "dzs",
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
        for w in EN_WORDS
            .iter()
            .chain(STOP_UNIT)
            .chain(KEEP_ADJ)
            .chain(ROMAN_LABELS)
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

    /// The `match` forms agree with the word lists.
    #[test]
    fn word_sets_match_lists() {
        for w in STOP_UNIT {
            assert!(is_stop_unit(w), "{w}");
        }
        for w in KEEP_ADJ {
            assert!(is_keep_adj(w), "{w}");
            assert_eq!(UNIT_CLASS.get_exact(w), Some(KEEP), "{w}");
        }
        for w in STOP_UNIT {
            let skip = matches!(
                *w,
                "different" | "additional" | "suspected" | "identified" | "new" | "other"
            );
            let want = if skip { STOP | SKIP } else { STOP };
            assert_eq!(UNIT_CLASS.get_exact(w), Some(want), "{w}");
        }
        for w in ["people", "workers", "", "Of", "ofs"] {
            assert!(!is_stop_unit(w) && !is_keep_adj(w), "{w}");
        }
    }
}
