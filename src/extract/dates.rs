//! Dates and years: `January 30, 2025`, `Jan. 30`, `September 2022`,
//! `October and November 2007`, `January to December 2022`, `2019-10-12`,
//! `26 ເດືອນຕຸລາ`, `໒໗ ກໍລະກົດ ໒໐໒໔`.
//!
//! A month name alone is no figure (the guideline: `in July`); it needs a day
//! or a year written with it. A date's value is its year, or none.

use rust_decimal::Decimal;

use super::chars::{ascii_word_at, ch, is_ascii_alnum, skip_hspace, starts_ci};
use super::digits::{digit_value, is_digit};
use super::lao_words;

const MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// Month-name words the trigger automaton looks for.
pub(crate) fn month_words() -> impl Iterator<Item = &'static str> {
    MONTHS.iter().map(|m| m.0)
}

/// An English month name at `i`, capitalised (`May` the month, not `may`):
/// (month, end including an abbreviation's dot).
pub(crate) fn en_month_at(t: &str, i: usize) -> Option<(u8, usize)> {
    let w = ascii_word_at(t, i);
    if !w.as_bytes().first()?.is_ascii_uppercase() {
        return None;
    }
    let m = month_number(w)?;
    let mut e = i + w.len();
    if w.len() <= 4 && ch(t, e) == Some('.') {
        e += 1;
    }
    Some((m, e))
}

/// [`MONTHS`] for one ASCII word, any case.
fn month_number(w: &str) -> Option<u8> {
    static MONTH_MAP: super::chars::WordMap<u8, 24> = super::chars::WordMap::new([
        ("january", 1),
        ("jan", 1),
        ("february", 2),
        ("feb", 2),
        ("march", 3),
        ("mar", 3),
        ("april", 4),
        ("apr", 4),
        ("may", 5),
        ("june", 6),
        ("jun", 6),
        ("july", 7),
        ("jul", 7),
        ("august", 8),
        ("aug", 8),
        ("september", 9),
        ("sep", 9),
        ("sept", 9),
        ("october", 10),
        ("oct", 10),
        ("november", 11),
        ("nov", 11),
        ("december", 12),
        ("dec", 12),
    ]);
    MONTH_MAP.get(w)
}

/// A month in either language at `i`.
pub(crate) fn month_at(t: &str, i: usize) -> Option<(u8, usize)> {
    en_month_at(t, i).or_else(|| lao_words::month_at(t, i))
}

/// A plain integer in digits at `i`: (value, digits, end).
#[inline]
fn int_at(t: &str, i: usize) -> Option<(u32, usize, usize)> {
    let mut v: u32 = 0;
    let mut n = 0;
    let mut j = i;
    let b = t.as_bytes();
    // ASCII digits byte by byte; any other byte ends them, except a
    // multi-byte char (Lao and Thai digits), read as a char below
    while let Some(&c) = b.get(j) {
        if c.is_ascii_digit() && n < 9 {
            v = v * 10 + (c - b'0') as u32;
            n += 1;
            j += 1;
        } else {
            break;
        }
    }
    while let Some(c) = ch(t, j) {
        match digit_value(c) {
            Some(d) if n < 9 => {
                v = v * 10 + d as u32;
                n += 1;
                j += c.len_utf8();
            }
            _ => break,
        }
    }
    (n > 0).then_some((v, n, j))
}

/// After a day `d1` ending at `e`: `-d2` or `–d2`, a later day of one or two
/// digits (`3-4 ພຶດສະພາ`); the end of `d2`.
pub(crate) fn day_range_end(t: &str, e: usize, d1: Decimal) -> Option<usize> {
    let dash = ch(t, e).filter(|&c| c == '-' || c == '\u{2013}')?;
    let d1 = u32::try_from(d1).ok().filter(|d| (1..=31).contains(d))?;
    let (d2, n, i) = int_at(t, e + dash.len_utf8())?;
    let ok = n <= 2 && d2 > d1 && d2 <= 31 && !is_ascii_alnum(ch(t, i));
    ok.then_some(i)
}

/// A year in digits at `i` (4 digits, not glued to more digits or letters).
pub(crate) fn year_at(t: &str, i: usize) -> Option<(u32, usize)> {
    let (v, n, e) = int_at(t, i)?;
    if n != 4 || is_ascii_alnum(ch(t, e)) || (ch(t, e) == Some(',') && is_digit(ch(t, e + 1))) {
        return None;
    }
    Some((v, e))
}

/// A day number at `i` (1–31, optional `st`/`th`): (day, end).
fn day_at(t: &str, i: usize) -> Option<(u32, usize)> {
    let (v, n, mut e) = int_at(t, i)?;
    if n > 2 || !(1..=31).contains(&v) {
        return None;
    }
    let w = ascii_word_at(t, e);
    if super::english_words::is_ordinal_suffix(w) {
        e += w.len();
    } else if is_ascii_alnum(ch(t, e)) {
        return None;
    }
    Some((v, e))
}

/// After a month: `, 2025` / ` 2025` / Lao ` ປີ 2025`: (year, end).
fn year_after(t: &str, i: usize) -> Option<(u32, usize)> {
    let mut j = i;
    if ch(t, j) == Some(',') {
        j += 1;
    }
    j = skip_hspace(t, j);
    if t.get(j..)?.starts_with("ປີ") {
        j = skip_hspace(t, j + "ປີ".len());
    }
    year_at(t, j)
}

#[derive(Debug, Clone)]
pub(crate) struct DateHit {
    pub end: usize,
    pub year: Option<u32>,
    pub year_max: Option<u32>,
}

/// A date that starts with a month name at `p`: `January 30, 2025`,
/// `Jan. 30`, `September 2022`, `October and November 2007`,
/// `January to December 2022`. None when no day or year is written.
pub(crate) fn date_from_month(t: &str, p: usize) -> Option<DateHit> {
    let (_, me) = month_at(t, p)?;
    let j = skip_hspace(t, me);
    // Month Day[, Year]
    if let Some((_, de)) = day_at(t, j) {
        // `May 9, 2022` / `Jan. 30` (but not `May 2,500 people`)
        if let Some((y, ye)) = year_after(t, de) {
            return Some(DateHit {
                end: ye,
                year: Some(y),
                year_max: None,
            });
        }
        if ch(t, de) == Some(',') && is_digit(ch(t, de + 1)) {
            return None;
        }
        return Some(DateHit {
            end: de,
            year: None,
            year_max: None,
        });
    }
    // Month Year
    if let Some((y, ye)) = year_after(t, me) {
        // `September 2022 to March 2023`
        if let Some(h) = range_tail(t, ye) {
            return Some(DateHit {
                end: h.end,
                year: Some(y),
                year_max: h.year.or(Some(y)),
            });
        }
        return Some(DateHit {
            end: ye,
            year: Some(y),
            year_max: None,
        });
    }
    // Month and/to Month Year
    let (k, kw) = connector(t, me)?;
    let _ = kw;
    let (_, m2e) = month_at(t, k)?;
    let (y, ye) = year_after(t, m2e)?;
    Some(DateHit {
        end: ye,
        year: Some(y),
        year_max: Some(y),
    })
}

/// `and`, `to`, `-`, `–`, ຫາ, ເຖິງ between two dates or numbers: start of the second.
pub(crate) fn connector(t: &str, i: usize) -> Option<(usize, &'static str)> {
    connector_at(t, skip_hspace(t, i))
}

/// [`connector`] at `j`, the spaces skipped.
#[inline]
pub(crate) fn connector_at(t: &str, j: usize) -> Option<(usize, &'static str)> {
    let tb = t.as_bytes();
    // the first bytes of the connectors below
    let &first = tb
        .get(j)
        .filter(|&&b| matches!(b | 0x20, b'a' | b't' | b'u' | b'-' | b'~' | 0xE0 | 0xE2))?;
    // (the words are in `lexicon::PLAIN_STOP`)
    for (w, name) in [
        ("and", "and"),
        ("to", "to"),
        ("through", "to"),
        ("until", "to"),
        ("till", "to"),
        ("-", "-"),
        ("–", "-"),
        ("ຫາ", "to"),
        ("ເຖິງ", "to"),
        ("~", "-"),
    ] {
        // cheap rejections first: the first byte, and a multi-byte
        // connector's third byte (Lao text has a Lao char here mostly)
        let wb = w.as_bytes();
        if wb[0] | 0x20 != first | 0x20 || (wb[0] >= 0x80 && tb.get(j + 2) != wb.get(2)) {
            continue;
        }
        if starts_ci(t, j, w) {
            let e = j + w.len();
            if w.as_bytes()[0].is_ascii_alphabetic() && is_ascii_alnum(ch(t, e)) {
                continue;
            }
            if w.as_bytes()[0].is_ascii_alphabetic() && e == j + w.len() && ch(t, e) != Some(' ') {
                continue;
            }
            return Some((skip_hspace(t, e), name));
        }
    }
    None
}

/// `to March 2023` after a month-year.
fn range_tail(t: &str, i: usize) -> Option<DateHit> {
    let (k, w) = connector(t, i)?;
    if w == "and" {
        return None;
    }
    let (_, me) = month_at(t, k)?;
    let (y, ye) = year_after(t, me)?;
    Some(DateHit {
        end: ye,
        year: Some(y),
        year_max: None,
    })
}

/// After a day number and the spaces after it, at `j`: `January 2025`,
/// `of July`, `ເດືອນຕຸລາ`.
#[inline]
pub(crate) fn date_after_day_at(t: &str, mut j: usize) -> Option<DateHit> {
    // `of`, an English month (capitalised) or a Lao one
    if !matches!(t.as_bytes().get(j), Some(b'o' | b'O' | b'A'..=b'Z' | 0xE0)) {
        return None;
    }
    if starts_ci(t, j, "of ") {
        j = skip_hspace(t, j + 3);
    }
    let (_, me) = month_at(t, j)?;
    if let Some((y, ye)) = year_after(t, me) {
        return Some(DateHit {
            end: ye,
            year: Some(y),
            year_max: None,
        });
    }
    Some(DateHit {
        end: me,
        year: None,
        year_max: None,
    })
}

/// Whether [`numeric_date`] or [`year_range`] could match at `p`: both
/// need a separator right after the leading digits.
#[inline]
pub(crate) fn may_be_digit_date(t: &str, p: usize) -> bool {
    int_at(t, p).is_some_and(|(_, _, e)| matches!(ch(t, e), Some('-' | '/' | '.' | '–')))
}

/// Numeric dates at `p`: `2019-10-12`, `12/05/2024`, `5/17/2018`, `27.07.2024`,
/// a month and year `6/2023`, in any digit script. (end, year)
pub(crate) fn numeric_date(t: &str, p: usize) -> Option<(usize, u32)> {
    let (a, an, ae) = int_at(t, p)?;
    let sep = ch(t, ae)?;
    if !matches!(sep, '-' | '/' | '.') {
        return None;
    }
    let (b, bn, be) = int_at(t, ae + 1)?;
    if ch(t, be) != Some(sep) {
        // month/year: `6/2023`, `06/2023`
        let after = ch(t, be);
        let month_year = sep == '/'
            && an <= 2
            && (1..=12).contains(&a)
            && bn == 4
            && (1900..=2100).contains(&b)
            && !is_ascii_alnum(after)
            && !(matches!(after, Some('-' | '/' | '.')) && is_digit(ch(t, be + 1)));
        return month_year.then_some((be, b));
    }
    let (c, cn, ce) = int_at(t, be + 1)?;
    if is_ascii_alnum(ch(t, ce))
        || (matches!(ch(t, ce), Some('-' | '/' | '.')) && is_digit(ch(t, ce + 1)))
    {
        return None;
    }
    if an == 4 && bn <= 2 && cn <= 2 {
        // ISO: y-m-d
        ((1..=12).contains(&b) && (1..=31).contains(&c)).then_some((ce, a))
    } else if an <= 2 && bn <= 2 && (cn == 4 || (cn == 2 && sep == '/')) {
        let ok = ((1..=12).contains(&b) && (1..=31).contains(&a))
            || ((1..=12).contains(&a) && (1..=31).contains(&b));
        let y = if cn == 2 { 2000 + c } else { c };
        ok.then_some((ce, y))
    } else {
        None
    }
}

/// A year range in digits: `2019-2021`, `2019–21`, `2018/19`. (end, y1, y2)
pub(crate) fn year_range(t: &str, p: usize) -> Option<(usize, u32, u32)> {
    let (y1, e1) = year_at(t, p)?;
    if !(1000..=2999).contains(&y1) {
        return None;
    }
    let sep = ch(t, e1)?;
    if !matches!(sep, '-' | '–' | '/') {
        return None;
    }
    let k = e1 + sep.len_utf8();
    let (v, n, e2) = int_at(t, k)?;
    if is_ascii_alnum(ch(t, e2)) || matches!(ch(t, e2), Some('-' | '/')) {
        return None;
    }
    let y2 = match n {
        4 => v,
        2 => y1 / 100 * 100 + v,
        _ => return None,
    };
    (y2 > y1 && y2 - y1 < 200).then_some((e2, y1, y2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_number_matches_table() {
        for (w, m) in MONTHS {
            assert_eq!(month_number(w), Some(*m));
            assert_eq!(month_number(&w.to_ascii_uppercase()), Some(*m));
        }
        assert_eq!(month_number("mays"), None);
        assert_eq!(month_number(""), None);
    }
}
