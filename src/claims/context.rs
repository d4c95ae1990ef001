//! What surrounds a figure: its sentence, the time it speaks of, and the
//! hedge words that make it a bound or an estimate.

use serde::{Deserialize, Serialize};

/// How a hedge bends a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HedgeKind {
    /// "more than", "over", "ກວ່າ": the true value is above.
    MoreThan,
    /// "at least", "ຢ່າງໜ້ອຍ".
    AtLeast,
    /// "fewer than", "less than", "under".
    LessThan,
    /// "up to", "at most", "ບໍ່ເກີນ".
    AtMost,
    /// "about", "around", "some", "ປະມານ": near, either side.
    About,
    /// "nearly", "almost", "ເກືອບ": near, from below.
    Nearly,
}

impl HedgeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            HedgeKind::MoreThan => "more_than",
            HedgeKind::AtLeast => "at_least",
            HedgeKind::LessThan => "less_than",
            HedgeKind::AtMost => "at_most",
            HedgeKind::About => "about",
            HedgeKind::Nearly => "nearly",
        }
    }
}

/// A hedge as written beside a figure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hedge {
    pub kind: HedgeKind,
    /// The words as they stand in the text ("more than", "ກວ່າ").
    pub words: String,
}

/// English hedges, written before the figure, longest first.
const EN_BEFORE: &[(&str, HedgeKind)] = &[
    ("more than", HedgeKind::MoreThan),
    ("greater than", HedgeKind::MoreThan),
    ("upwards of", HedgeKind::MoreThan),
    ("in excess of", HedgeKind::MoreThan),
    ("over", HedgeKind::MoreThan),
    ("above", HedgeKind::MoreThan),
    ("at least", HedgeKind::AtLeast),
    ("no fewer than", HedgeKind::AtLeast),
    ("no less than", HedgeKind::AtLeast),
    ("a minimum of", HedgeKind::AtLeast),
    ("fewer than", HedgeKind::LessThan),
    ("less than", HedgeKind::LessThan),
    ("under", HedgeKind::LessThan),
    ("below", HedgeKind::LessThan),
    ("up to", HedgeKind::AtMost),
    ("at most", HedgeKind::AtMost),
    ("no more than", HedgeKind::AtMost),
    ("a maximum of", HedgeKind::AtMost),
    ("approximately", HedgeKind::About),
    ("an estimated", HedgeKind::About),
    ("estimated", HedgeKind::About),
    ("roughly", HedgeKind::About),
    ("around", HedgeKind::About),
    ("about", HedgeKind::About),
    ("some", HedgeKind::About),
    ("circa", HedgeKind::About),
    ("nearly", HedgeKind::Nearly),
    ("almost", HedgeKind::Nearly),
    ("close to", HedgeKind::Nearly),
    ("just under", HedgeKind::Nearly),
];

/// English hedges written after the figure ("1,000 or more").
const EN_AFTER: &[(&str, HedgeKind)] = &[
    ("or more", HedgeKind::AtLeast),
    ("and more", HedgeKind::AtLeast),
    ("plus", HedgeKind::AtLeast),
    ("or fewer", HedgeKind::AtMost),
    ("or less", HedgeKind::AtMost),
];

/// Lao hedges written before the figure.
const LO_BEFORE: &[(&str, HedgeKind)] = &[
    ("ຫຼາຍກວ່າ", HedgeKind::MoreThan),
    ("ຫລາຍກວ່າ", HedgeKind::MoreThan),
    ("ເກີນກວ່າ", HedgeKind::MoreThan),
    ("ຢ່າງໜ້ອຍ", HedgeKind::AtLeast),
    ("ຢ່າງຫນ້ອຍ", HedgeKind::AtLeast),
    ("ໜ້ອຍກວ່າ", HedgeKind::LessThan),
    ("ຫນ້ອຍກວ່າ", HedgeKind::LessThan),
    ("ບໍ່ເຖິງ", HedgeKind::LessThan),
    ("ບໍ່ເກີນ", HedgeKind::AtMost),
    ("ສູງສຸດ", HedgeKind::AtMost),
    ("ປະມານ", HedgeKind::About),
    ("ເກືອບ", HedgeKind::Nearly),
];

/// Lao hedges written after the figure (`1.500 ກວ່າຄົນ`).
const LO_AFTER: &[(&str, HedgeKind)] =
    &[("ກວ່າ", HedgeKind::MoreThan), ("ປາຍ", HedgeKind::MoreThan)];

/// The hedge around a figure at bytes `[start, end)` of `text`, if any.
pub fn hedge_at(text: &str, start: usize, end: usize) -> Option<Hedge> {
    let before = text[..start].trim_end();
    let after = text[end..].trim_start();
    // A figure's own text may begin with its hedge ("more than 1,000" as one span).
    let own = &text[start..end];
    for (words, kind) in EN_BEFORE {
        if starts_with_word(own, words) {
            return Some(hedge(*kind, &own[..words.len()]));
        }
        if ends_with_word(before, words) {
            return Some(hedge(*kind, &before[before.len() - words.len()..]));
        }
    }
    for (words, kind) in EN_AFTER {
        if starts_with_word(after, words) {
            return Some(hedge(*kind, &after[..words.len()]));
        }
    }
    for (words, kind) in LO_BEFORE {
        if before.ends_with(words) || own.starts_with(words) {
            return Some(hedge(*kind, words));
        }
    }
    for (words, kind) in LO_AFTER {
        if after.starts_with(words) {
            return Some(hedge(*kind, words));
        }
    }
    None
}

fn hedge(kind: HedgeKind, words: &str) -> Hedge {
    Hedge {
        kind,
        words: words.to_string(),
    }
}

fn starts_with_word(s: &str, words: &str) -> bool {
    s.len() > words.len()
        && s.is_char_boundary(words.len())
        && s[..words.len()].eq_ignore_ascii_case(words)
        && !s[words.len()..].starts_with(|c: char| c.is_alphanumeric())
}

fn ends_with_word(s: &str, words: &str) -> bool {
    if s.len() < words.len() || !s.is_char_boundary(s.len() - words.len()) {
        return false;
    }
    let (head, tail) = s.split_at(s.len() - words.len());
    tail.eq_ignore_ascii_case(words) && !head.ends_with(|c: char| c.is_alphanumeric())
}

/// The sentence around bytes `[start, end)`: from after the previous
/// sentence end (`.`, `!`, `?`, `;`, a line break, the Lao ຯ) to the next.
/// A full stop between digits ("3.6", "1.000.000") or after a single capital
/// ("Jan.") does not end a sentence.
pub fn sentence_at(text: &str, start: usize, end: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let mut s = start;
    while s > 0 {
        let (i, c) = match text[..s].char_indices().next_back() {
            Some(x) => x,
            None => break,
        };
        if is_sentence_end(text, i, c) {
            break;
        }
        s = i;
    }
    let mut e = end;
    while e < text.len() {
        let c = match text[e..].chars().next() {
            Some(c) => c,
            None => break,
        };
        if is_sentence_end(text, e, c) {
            if c != '\n' {
                e += c.len_utf8();
            }
            break;
        }
        e += c.len_utf8();
    }
    // Trim the spaces a sentence starts with.
    while s < e && (bytes[s] == b' ' || bytes[s] == b'\t' || bytes[s] == b'\r') {
        s += 1;
    }
    (s, e)
}

fn is_sentence_end(text: &str, i: usize, c: char) -> bool {
    match c {
        '\n' | '!' | '?' | ';' | 'ຯ' | '\u{3002}' => true,
        '.' => {
            let prev = text[..i].chars().next_back();
            let next = text[i + 1..].chars().next();
            let between_digits =
                prev.is_some_and(|p| p.is_numeric()) && next.is_some_and(|n| n.is_numeric());
            let abbreviation = {
                let word: String = text[..i]
                    .chars()
                    .rev()
                    .take_while(|c| c.is_alphabetic())
                    .collect();
                matches!(word.chars().count(), 1..=3)
                    && word.chars().last().is_some_and(|c| c.is_uppercase())
                    && next.is_none_or(|n| n != '\n')
            };
            !between_digits && !abbreviation
        }
        _ => false,
    }
}

const EN_MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];
const LO_MONTHS: [&str; 12] = [
    "ມັງກອນ",
    "ກຸມພາ",
    "ມີນາ",
    "ເມສາ",
    "ພຶດສະພາ",
    "ມິຖຸນາ",
    "ກໍລະກົດ",
    "ສິງຫາ",
    "ກັນຍາ",
    "ຕຸລາ",
    "ພະຈິກ",
    "ທັນວາ",
];

/// A date as written in English, Lao or digits (`January 30, 2025`,
/// `30 ມັງກອນ 2025`, `30/01/2025`, `2025-01-30`), any part of which may be
/// missing. Numeric dates are read day first, as in Laos and most of the
/// world, unless the first number cannot be a day of the month.
pub fn read_date(text: &str) -> Option<super::verdict::DateParts> {
    let lower = text.to_lowercase();
    let mut month = None;
    for (i, m) in EN_MONTHS.iter().enumerate() {
        if let Some(at) = lower.find(m) {
            let before_ok = !lower[..at].ends_with(|c: char| c.is_alphabetic());
            if before_ok {
                month = Some(i as u32 + 1);
                break;
            }
        }
    }
    if month.is_none() {
        month = LO_MONTHS
            .iter()
            .position(|m| text.contains(m))
            .map(|i| i as u32 + 1);
    }
    let numbers: Vec<u32> = {
        let mut out = Vec::new();
        let mut cur = String::new();
        for c in text.chars().chain(std::iter::once(' ')) {
            let d = match c {
                '0'..='9' => Some(c as u32 - '0' as u32),
                '\u{0ed0}'..='\u{0ed9}' => Some(c as u32 - 0x0ed0),
                '\u{0e50}'..='\u{0e59}' => Some(c as u32 - 0x0e50),
                _ => None,
            };
            match d {
                Some(d) => cur.push(char::from_digit(d, 10).unwrap_or('0')),
                None if !cur.is_empty() => {
                    out.push(cur.parse().unwrap_or(0));
                    cur.clear();
                }
                None => {}
            }
        }
        out
    };
    let is_year = |n: u32| (1000..=2999).contains(&n);
    let year = numbers.iter().copied().find(|n| is_year(*n));
    let rest: Vec<u32> = numbers.iter().copied().filter(|n| !is_year(*n)).collect();
    let (day, month) = match (month, rest.as_slice()) {
        (Some(m), [d, ..]) if (1..=31).contains(d) => (Some(*d), Some(m)),
        (Some(m), _) => (None, Some(m)),
        (None, [a, b, ..]) => {
            let iso = numbers.first().is_some_and(|n| is_year(*n));
            if iso || *a > 12 {
                if iso {
                    (Some(*b), Some(*a))
                } else {
                    (Some(*a), Some(*b))
                }
            } else {
                (Some(*a), Some(*b))
            }
        }
        (None, [_]) | (None, []) => (None, None),
    };
    let month = month.filter(|m| (1..=12).contains(m));
    let day = day.filter(|d| (1..=31).contains(d));
    if year.is_none() && month.is_none() {
        return None;
    }
    Some(super::verdict::DateParts { year, month, day })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, figure: &str) -> Option<HedgeKind> {
        let s = text.find(figure).unwrap();
        hedge_at(text, s, s + figure.len()).map(|h| h.kind)
    }

    #[test]
    fn hedges_on_either_side_in_both_languages() {
        assert_eq!(
            at("more than 1,000 workers", "1,000"),
            Some(HedgeKind::MoreThan)
        );
        assert_eq!(
            at("Fewer than 1,000 workers", "1,000"),
            Some(HedgeKind::LessThan)
        );
        assert_eq!(at("nearly 40% of them", "40%"), Some(HedgeKind::Nearly));
        assert_eq!(
            at("1,000 or more workers", "1,000"),
            Some(HedgeKind::AtLeast)
        );
        assert_eq!(at("ມີ 1.500 ກວ່າຄົນ", "1.500"), Some(HedgeKind::MoreThan));
        assert_eq!(at("ປະມານ 75 ຄົນ", "75"), Some(HedgeKind::About));
        assert_eq!(
            at("the cover 1,000 workers", "1,000"),
            None,
            "over inside a word"
        );
        assert_eq!(at("1,255 workers", "1,255"), None);
    }

    #[test]
    fn sentences_stop_at_full_stops_but_not_inside_numbers() {
        let t = "First one. In 2024, 3.6 million people moved. Then more.";
        let s = t.find("3.6").unwrap();
        let (a, b) = sentence_at(t, s, s + 3);
        assert_eq!(&t[a..b], "In 2024, 3.6 million people moved.");
        let t = "VIENTIANE, Jan. 30 (Xinhua) -- Laos recorded 46 cases.\nNext";
        let s = t.find("46").unwrap();
        let (a, b) = sentence_at(t, s, s + 2);
        assert_eq!(&t[a..b], t.lines().next().unwrap());
    }
}
