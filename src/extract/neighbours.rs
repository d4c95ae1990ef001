//! Readings that only the figures around a figure settle: the single pass
//! finds `three years` and `nine months` one by one, but together they are
//! one duration; `Call 1300` is a phone number, not a year; in `two
//! 20-year-old men` the two counts men. This stage runs on the pass's
//! output (sorted, never overlapping) and keeps it so: a merge only joins
//! neighbours and covers the text between them.
//!
//! Each rule is a small function, tried in the order of [`refine`]. The
//! rules that only look at one figure's words run in one loop; the duration
//! merges run after it, and only when there is a duration at all.

use rust_decimal::Decimal;

use super::Found;
use super::chars::{
    ascii_word_at, ascii_word_before, ch, ch_before, prev_word, skip_hspace, skip_hspace_back,
    skip_invisible_back,
};
use super::lao_words;
use super::units::{self, LaoTable, lao_table_at};
use crate::model::Kind;

/// Applies the neighbour rules to the pass's figures of `text`.
pub(crate) fn refine(text: &str, mut figures: Vec<Found>) -> Vec<Found> {
    let mut durations = false;
    let mut dropped = false;
    for i in 0..figures.len() {
        if is_dropped(&figures[i]) {
            continue;
        }
        durations |= figures[i].kind == Kind::Duration;
        if round_the_clock(text, &mut figures, i) || lao_both(text, &figures[i]) {
            drop(&mut figures[i]);
            dropped = true;
            continue;
        }
        dropped |= ratio_of_every(text, &mut figures, i);
        share_as_percent(text, &mut figures[i]);
        percent_written_before(text, &mut figures, i);
        dropped |= phone_number(text, &mut figures, i);
        magnitude(text, &mut figures[i]);
        unit_of_whom(text, &mut figures[i]);
        unit_past_an_age(text, &mut figures, i);
    }
    if durations {
        for i in 0..figures.len() {
            dropped |= compound_duration(text, &mut figures, i);
        }
        for i in 0..figures.len() {
            dropped |= duration_range(text, &mut figures, i);
        }
    }
    if dropped {
        figures.retain(|f| !is_dropped(f));
    }
    figures
}

/// A figure another one took in, or one that is no figure after all; an
/// empty span, which no real figure has, marks it until the final `retain`.
fn drop(f: &mut Found) {
    f.end = f.start;
}

fn is_dropped(f: &Found) -> bool {
    f.end <= f.start
}

/// The next live figure after `i`.
fn next_live(figures: &[Found], i: usize) -> Option<usize> {
    (i + 1..figures.len()).find(|&j| !is_dropped(&figures[j]))
}

fn digits_only(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn word_is(word: &str, any: &[&str]) -> bool {
    any.iter().any(|w| word.eq_ignore_ascii_case(w))
}

/// The ASCII word after horizontal space from `i`: (start, end, word).
fn word_after(t: &str, i: usize) -> (usize, usize, &str) {
    let s = skip_hspace(t, i);
    let w = ascii_word_at(t, s);
    (s, s + w.len(), w)
}

/// `24/7` is a way of saying "always", no count: the pass reads it as two.
fn round_the_clock(t: &str, figures: &mut [Found], i: usize) -> bool {
    let a = &figures[i];
    if t.as_bytes().get(a.end) != Some(&b'/') || t.get(a.start..a.end) != Some("24") {
        return false;
    }
    let Some(j) = next_live(figures, i) else {
        return false;
    };
    let b = &figures[j];
    let whole = b.start == a.end + 1
        && t.get(b.start..b.end) == Some("7")
        && !matches!(ch(t, b.end), Some(c) if c.is_ascii_digit() || c == '/')
        && !matches!(ch_before(t, a.start), Some(c) if c.is_ascii_digit() || c == '/');
    if whole {
        drop(&mut figures[j]);
    }
    whole
}

/// `ທັງສອງ` is 'both' (guideline v3): a pronoun, not a count of two.
fn lao_both(t: &str, f: &Found) -> bool {
    const BOTH: &str = "ທັງ";
    let Some(word) = t.get(f.start..f.end) else {
        return false;
    };
    if f.kind != Kind::Count || word != "ສອງ" {
        return false;
    }
    let s = skip_invisible_back(t, f.start);
    t.get(..s).is_some_and(|before| before.ends_with(BOTH))
}

/// `one in every four`, `one of every five`: a ratio, read as the share
/// it states (guideline: "a percentage or ratio" is kind percent). The pass
/// already joins `one in four`; the `every` forms reach here as two counts.
fn ratio_of_every(t: &str, figures: &mut [Found], i: usize) -> bool {
    let a = &figures[i];
    if a.kind != Kind::Count || a.unit.is_some() || t.as_bytes().get(a.end) != Some(&b' ') {
        return false;
    }
    let (_, e1, w1) = word_after(t, a.end);
    let mut e = e1;
    if word_is(w1, &["out"]) {
        let (_, e2, w2) = word_after(t, e);
        if !word_is(w2, &["of"]) {
            return false;
        }
        e = e2;
    } else if !word_is(w1, &["in", "of"]) {
        return false;
    }
    let (_, e3, w3) = word_after(t, e);
    if !word_is(w3, &["every"]) {
        return false;
    }
    let Some(j) = next_live(figures, i) else {
        return false;
    };
    let b = &figures[j];
    let (Some(x), Some(y)) = (a.value, b.value) else {
        return false;
    };
    if b.kind != Kind::Count || b.start != skip_hspace(t, e3) || y <= Decimal::ZERO || x > y {
        return false;
    }
    let share = (x * Decimal::ONE_HUNDRED / y).round_dp(12).normalize();
    let (end, unit) = (b.end, b.unit.clone());
    drop(&mut figures[j]);
    let a = &mut figures[i];
    a.end = end;
    a.kind = Kind::Percent;
    a.value = Some(share);
    a.unit = unit;
    true
}

/// A fraction that takes `of` is a share (guideline v3: `half of the
/// victims` is percent 50); so is a ratio the pass joined (`one in two`,
/// `one out of three`). A fraction alone stays what it was (`other`).
fn share_as_percent(t: &str, f: &mut Found) {
    if f.kind != Kind::Other {
        return;
    }
    let (Some(v), Some(text)) = (f.value, t.get(f.start..f.end)) else {
        return;
    };
    if v <= Decimal::ZERO || v > Decimal::ONE || text.contains(['.', ',']) {
        return;
    }
    let lower = text.to_ascii_lowercase();
    let ratio = lower.contains(" in ") || lower.contains(" out of ");
    let (_, e, next) = word_after(t, f.end);
    // `a third of the victims` is a share; `a hundredth of a second` a
    // quantity of one unit
    let of_a_group = word_is(next, &["of"]) && !word_is(word_after(t, e).2, &["a", "an"]);
    if ratio || (f.unit.is_none() && of_a_group) {
        f.kind = Kind::Percent;
        f.value = Some((v * Decimal::ONE_HUNDRED).round_dp(12).normalize());
    }
}

/// `percent of 10`, `per cent of twenty-two`: with no number before the
/// percent word, the number after `of` is the percentage. Only when that
/// number counts nothing: in `percent of 10,000 workers` it is a count.
fn percent_written_before(t: &str, figures: &mut [Found], i: usize) {
    let f = &figures[i];
    if f.kind != Kind::Count || f.unit.is_some() {
        return;
    }
    // most figures follow no `of `: two bytes decide
    let of_before = f.start >= 3 && t.as_bytes()[f.start - 3..f.start].eq_ignore_ascii_case(b"of ");
    if !of_before {
        return;
    }
    let s_of = f.start - 3;
    let Some(s) = percent_word_before(t, s_of) else {
        return;
    };
    let before = skip_hspace_back(t, s);
    let number_before = matches!(ch_before(t, before), Some(c) if c.is_ascii_digit())
        || figures[..i]
            .iter()
            .rev()
            .find(|g| !is_dropped(g))
            .is_some_and(|g| g.end >= before);
    if !number_before {
        let f = &mut figures[i];
        f.start = s;
        f.kind = Kind::Percent;
    }
}

/// The start of `percent`, `percents` or `per cent` ending (before space) at `i`.
fn percent_word_before(t: &str, i: usize) -> Option<usize> {
    let (s, w) = prev_word(t, i);
    if word_is(w, &["percent", "percents"]) {
        return Some(s);
    }
    let (s_per, per) = prev_word(t, s);
    (word_is(w, &["cent", "cents"]) && word_is(per, &["per"])).then_some(s_per)
}

/// `Call 1300`, `hotline: 1800-1234`, `ໂທ 1300`: a phone number is an
/// identifier, not a year or a count. Only the word right before counts:
/// in `the hotline received 1300 calls` the number is a count.
fn phone_number(t: &str, figures: &mut [Found], i: usize) -> bool {
    const EN: &[&str] = &[
        "call",
        "dial",
        "hotline",
        "helpline",
        "phone",
        "telephone",
        "tel",
    ];
    const LAO: &[&str] = &["ໂທ", "ໂທຫາ", "ສາຍດ່ວນ", "ເບີໂທ"];
    let f = &figures[i];
    let plain = matches!(f.kind, Kind::Year | Kind::Count) && f.unit.is_none();
    if !plain || !t.get(f.start..f.end).is_some_and(digits_only) {
        return false;
    }
    let mut q = skip_hspace_back(t, f.start);
    // the cue words end in one of these, and most words before a number do not
    if !matches!(
        q.checked_sub(1).map(|p| t.as_bytes()[p] | 0x20),
        Some(b'l' | b'e' | b'r' | b'o' | b':' | b'.' | 0xa0..)
    ) {
        return false;
    }
    let dot = ch_before(t, q) == Some('.');
    if matches!(ch_before(t, q), Some(':' | '.')) {
        q = skip_hspace_back(t, q - 1);
    }
    let (s, w) = ascii_word_before(t, q);
    if dot && !word_is(w, &["tel", "no"]) {
        return false;
    }
    let mut cue = word_is(w, EN);
    if !cue && word_is(w, &["number", "no"]) {
        cue = word_is(prev_word(t, s).1, EN);
    }
    if !cue {
        cue = t
            .get(..q)
            .is_some_and(|b| LAO.iter().any(|w| b.ends_with(w)));
    }
    if !cue {
        return false;
    }
    let mut merged = false;
    while let Some(j) = next_live(figures, i) {
        let (end, g) = (figures[i].end, &figures[j]);
        let joined = g.start == end + 1
            && matches!(t.as_bytes().get(end), Some(b'-' | b' '))
            && t.get(g.start..g.end).is_some_and(digits_only);
        if !joined {
            break;
        }
        figures[i].end = g.end;
        drop(&mut figures[j]);
        merged = true;
    }
    let f = &mut figures[i];
    let digits: String = t
        .get(f.start..f.end)
        .unwrap_or("")
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    f.kind = Kind::Identifier;
    f.value = digits.parse().ok();
    f.value_max = None;
    f.unit = Some("phone".into());
    merged
}

/// `a magnitude 6.2 earthquake`, `a 6.2-magnitude quake`: a measurement
/// (guideline v3), kind `other` with unit `magnitude`.
fn magnitude(t: &str, f: &mut Found) {
    if !matches!(f.kind, Kind::Count | Kind::Other) {
        return;
    }
    let e_before = t
        .as_bytes()
        .get(skip_hspace_back(t, f.start).wrapping_sub(1))
        .map(|b| b | 0x20)
        == Some(b'e');
    let named = f.unit.as_deref() == Some("magnitude")
        || (e_before && word_is(prev_word(t, f.start).1, &["magnitude"]))
        || (t.as_bytes().get(f.end) == Some(&b'-')
            && word_is(ascii_word_at(t, f.end + 1), &["magnitude"]));
    if named {
        f.kind = Kind::Other;
        f.unit = Some("magnitude".into());
    }
}

/// Words that end a noun phrase taken as a unit.
const NOT_A_NOUN: &[&str] = &[
    "and", "or", "but", "from", "in", "on", "at", "to", "with", "by", "of", "for", "as", "who",
    "that", "which", "while", "under", "over", "aged", "were", "was", "is", "are", "had", "have",
    "been", "not", "also", "still", "all",
];

/// The noun a unit is taken from at `i`: one word (`women`), or two after
/// an article, where the first is likely an adjective (`an adult man`).
fn noun_after(t: &str, i: usize, after_article: bool) -> Option<String> {
    let (s, e, w) = word_after(t, i);
    if w.is_empty() || word_is(w, NOT_A_NOUN) {
        return None;
    }
    let (s2, e2, w2) = word_after(t, e);
    let two = after_article && !w2.is_empty() && s2 == e + 1 && !word_is(w2, NOT_A_NOUN);
    t.get(s..if two { e2 } else { e }).map(str::to_owned)
}

/// `29 of whom were women`: the count's unit comes after the relative
/// pronoun; so does `one of whom was an adult man`'s.
fn unit_of_whom(t: &str, f: &mut Found) {
    if f.kind != Kind::Count || f.unit.is_some() || t.as_bytes().get(f.end) != Some(&b' ') {
        return;
    }
    let (_, e, of) = word_after(t, f.end);
    if !word_is(of, &["of"]) {
        return;
    }
    let (_, mut e, who) = word_after(t, e);
    if !word_is(who, &["whom", "which", "them", "these", "those"]) {
        return;
    }
    for _ in 0..2 {
        let (_, e2, w) = word_after(t, e);
        if !word_is(
            w,
            &[
                "was", "were", "is", "are", "been", "have", "has", "had", "being",
            ],
        ) {
            break;
        }
        e = e2;
    }
    let (_, e2, article) = word_after(t, e);
    let after_article = word_is(article, &["a", "an", "the"]);
    if after_article {
        e = e2;
    }
    if let Some(unit) = noun_after(t, e, after_article) {
        f.unit = Some(unit);
    }
}

/// `two 20-year-old men`: the age stands between the count and what it
/// counts, so the count's unit is the noun after the age's `-year-old`.
fn unit_past_an_age(t: &str, figures: &mut [Found], i: usize) {
    let f = &figures[i];
    if f.kind != Kind::Count || f.unit.is_some() {
        return;
    }
    let Some(j) = next_live(figures, i) else {
        return;
    };
    let age = &figures[j];
    if age.kind != Kind::Other
        || age.unit.as_deref() != Some("age")
        || skip_hspace(t, f.end) != age.start
    {
        return;
    }
    let rest = t.get(age.end..).unwrap_or("");
    let Some(after) = ["-year-old", " year old", "-years-old", " years old"]
        .iter()
        .find(|w| {
            rest.get(..w.len())
                .is_some_and(|r| r.eq_ignore_ascii_case(w))
        })
        .map(|w| age.end + w.len())
    else {
        return;
    };
    if matches!(ch(t, after), Some(c) if c.is_ascii_alphabetic() || c == '-') {
        return;
    }
    if let Some(unit) = noun_after(t, after, false) {
        figures[i].unit = Some(unit);
    }
}

/// Time units a duration can be written in, largest first, with how many
/// of the next smaller unit each holds; durations are compared in months.
fn months_in(unit: &str) -> Option<Decimal> {
    match unit {
        "years" => Some(Decimal::from(12)),
        "months" => Some(Decimal::ONE),
        _ => None,
    }
}

/// The unit word of `unit` written at `i` (after space), in the time-word
/// tables the pass reads durations by: its end.
fn unit_word_at(t: &str, i: usize, unit: &str) -> Option<usize> {
    let s = skip_hspace(t, i);
    let (end, u) = match units::time_unit_at(t, s) {
        Some((end, u, _)) => (end, u),
        None => lao_table_at(t, s, LaoTable::Time)?,
    };
    let glued =
        matches!(ch(t, end), Some(c) if c.is_ascii_alphabetic() || lao_words::is_dependent(c));
    (u == unit && !glued).then_some(end)
}

/// Whether a duration's span already ends with its unit word (a compound
/// the stage joined: `one year and five months`).
fn ends_with_unit_word(span: &str, unit: &str) -> bool {
    let (s, _) = ascii_word_before(span, span.len());
    units::time_unit_at(span, s).is_some_and(|(e, u, _)| e == span.len() && u == unit)
        || units::LAO_TIME
            .iter()
            .any(|&(w, u)| u == unit && span.ends_with(w))
}

/// A duration valued in months, as the largest unit in which it is exact:
/// years when the months make a finite decimal of years, else months.
fn in_largest_unit(months: &[Decimal]) -> (&'static str, Vec<Decimal>) {
    let twelve = Decimal::from(12);
    let years: Vec<Decimal> = months.iter().map(|m| *m / twelve).collect();
    if years.iter().all(|y| *y == y.round_dp(6)) {
        ("years", years.into_iter().map(|y| y.normalize()).collect())
    } else {
        ("months", months.iter().map(|m| m.normalize()).collect())
    }
}

/// `4 ປີ 6 ເດືອນ`, `three years and nine months`: one duration with its
/// unit words inside the span (guideline v3), valued in the largest unit.
fn compound_duration(t: &str, figures: &mut [Found], i: usize) -> bool {
    let a = &figures[i];
    if is_dropped(a)
        || a.kind != Kind::Duration
        || a.value_max.is_some()
        || a.unit.as_deref() != Some("years")
    {
        return false;
    }
    let Some(mut e) = unit_word_at(t, a.end, "years") else {
        return false;
    };
    let (_, e_and, and) = word_after(t, e);
    if word_is(and, &["and"]) {
        e = e_and;
    } else if ch(t, skip_hspace(t, e)) == Some(',') {
        e = skip_hspace(t, e) + 1;
    }
    let Some(j) = next_live(figures, i) else {
        return false;
    };
    let b = &figures[j];
    let fits =
        b.kind == Kind::Duration && b.value_max.is_none() && b.unit.as_deref() == Some("months");
    if !fits || b.start != skip_hspace(t, e) {
        return false;
    }
    let (Some(y), Some(m), Some(end)) = (a.value, b.value, unit_word_at(t, b.end, "months")) else {
        return false;
    };
    // `4 years 6 months` counts the months left over; `200 years 2024
    // months` is two durations side by side
    if m <= Decimal::ZERO || m >= Decimal::from(12) || !y.fract().is_zero() {
        return false;
    }
    let (unit, v) = in_largest_unit(&[y * Decimal::from(12) + m]);
    drop(&mut figures[j]);
    let a = &mut figures[i];
    a.end = end;
    a.value = Some(v[0]);
    a.unit = Some(unit.into());
    true
}

/// `two years to ten years and six months`: a range of durations whose ends
/// each carry their unit is one figure, both ends in one unit: the largest
/// in which both are exact (guideline v3).
fn duration_range(t: &str, figures: &mut [Found], i: usize) -> bool {
    let a = &figures[i];
    if is_dropped(a) || a.kind != Kind::Duration || a.value_max.is_some() {
        return false;
    }
    let Some(unit_a) = a.unit.clone() else {
        return false;
    };
    let a_end = if t
        .get(a.start..a.end)
        .is_some_and(|s| ends_with_unit_word(s, &unit_a))
    {
        a.end
    } else {
        match unit_word_at(t, a.end, &unit_a) {
            Some(e) => e,
            None => return false,
        }
    };
    let s = skip_hspace(t, a_end);
    let after = match ch(t, s) {
        Some('-' | '–') => s + ch(t, s).map_or(1, char::len_utf8),
        _ => {
            let (_, e, w) = word_after(t, a_end);
            if word_is(w, &["to"]) {
                e
            } else if let Some(l) = ["ເຖິງ", "ຫາ"]
                .iter()
                .find(|w| t.get(s..).is_some_and(|r| r.starts_with(*w)))
            {
                s + l.len()
            } else {
                return false;
            }
        }
    };
    let Some(j) = next_live(figures, i) else {
        return false;
    };
    let b = &figures[j];
    if b.kind != Kind::Duration || b.value_max.is_some() || b.start != skip_hspace(t, after) {
        return false;
    }
    let Some(unit_b) = b.unit.clone() else {
        return false;
    };
    let (Some(x), Some(y)) = (a.value, b.value) else {
        return false;
    };
    let end = unit_word_at(t, b.end, &unit_b).unwrap_or(b.end);
    let (low, high, unit) = match (months_in(&unit_a), months_in(&unit_b)) {
        (Some(ma), Some(mb)) => {
            let (unit, v) = in_largest_unit(&[x * ma, y * mb]);
            (v[0], v[1], unit.to_owned())
        }
        _ if unit_a == unit_b => (x, y, unit_a),
        _ => return false,
    };
    if low > high {
        return false;
    }
    drop(&mut figures[j]);
    let a = &mut figures[i];
    a.end = end;
    a.value = Some(low);
    a.value_max = Some(high);
    a.unit = Some(unit);
    true
}
