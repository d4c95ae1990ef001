//! Numbers written in digits of any script: Arabic, Lao (໐–໙), Thai (๐–๙).
//!
//! The grouping and decimal marks are decided from the digits themselves, as
//! the guideline asks: Lao (CLDR) writes `1.000.000` and `3,6`, English news
//! writes `1,255` and `65.5`, and both appear in the same Lao article.

use rust_decimal::Decimal;

use super::chars::{ch, ch_before};

/// Value of a digit of any supported script.
#[inline]
pub(crate) fn digit_value(c: char) -> Option<u8> {
    match c {
        '0'..='9' => Some(c as u8 - b'0'),
        '\u{0ED0}'..='\u{0ED9}' => Some((c as u32 - 0x0ED0) as u8),
        '\u{0E50}'..='\u{0E59}' => Some((c as u32 - 0x0E50) as u8),
        _ => None,
    }
}

#[inline]
pub(crate) fn is_digit(c: Option<char>) -> bool {
    c.and_then(digit_value).is_some()
}

/// A run of digits read as one number.
#[derive(Debug, Clone)]
pub(crate) struct DigitRun {
    pub end: usize,
    pub value: Decimal,
    /// Digits before the decimal mark.
    pub int_digits: u16,
    /// Thousands separators were used (`1,255`): such a number is no year.
    pub grouped: bool,
    /// A decimal part was written.
    pub fraction: bool,
    /// The digits are Lao or Thai.
    pub native: bool,
    /// Not a plain numeral: an exponent (`1e10`, `1.1^23`) or a fraction
    /// (`3/4`, `2½`) was read into the value.
    pub composite: bool,
}

impl DigitRun {
    /// A plain integer of 4 digits, the shape of a year.
    pub fn is_year_shape(&self) -> bool {
        !self.grouped && !self.fraction && !self.composite && self.int_digits == 4
    }
}

/// At most this many digit groups (and separators) in one number.
const GROUPS: usize = 14;

/// A fixed-capacity list (the digit groups of one number): no allocation.
struct Small<T: Copy + Default> {
    a: [T; GROUPS],
    n: usize,
}

impl<T: Copy + Default> Default for Small<T> {
    fn default() -> Self {
        Small {
            a: [T::default(); GROUPS],
            n: 0,
        }
    }
}

impl<T: Copy + Default> Small<T> {
    fn push(&mut self, x: T) {
        if self.n < GROUPS {
            self.a[self.n] = x;
            self.n += 1;
        }
    }
}

impl<T: Copy + Default> std::ops::Deref for Small<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        &self.a[..self.n]
    }
}

type Groups = Small<(usize, usize, usize)>;
type Seps = Small<char>;

/// Group separators that may stand between digit groups.
fn is_sep(c: char) -> bool {
    matches!(c, ',' | '.' | ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// Reads digits of one script run at byte `p` (which must start a digit, or a
/// `.` followed by a digit). `lao_ctx` tells whether the number stands in Lao
/// text, where a lone `.` before three digits groups thousands.
#[inline(always)]
pub(crate) fn read_digits(t: &str, p: usize, lao_ctx: impl Fn() -> bool) -> Option<DigitRun> {
    // Fast path: plain ASCII digits followed by nothing that could continue
    // the number (a separator, a Lao/Thai digit, more than 18 digits): one
    // group, read as it is, with no group bookkeeping.
    let b = t.as_bytes();
    if b.get(p).is_some_and(u8::is_ascii_digit) {
        let mut i = p;
        let mut m: u64 = 0;
        while i < b.len() && i - p < 18 && b[i].is_ascii_digit() {
            m = m * 10 + (b[i] - b'0') as u64;
            i += 1;
        }
        // a group separator continues the number only before a digit (an
        // ASCII one, or a Lao/Thai one: lead byte 0xE0)
        let sep_digit = matches!(b.get(i), Some(b',' | b'.' | b' '))
            && matches!(b.get(i + 1), Some(b'0'..=b'9' | 0xE0));
        if !sep_digit && !matches!(b.get(i), Some(b'0'..=b'9' | 0xC2 | 0xE0 | 0xE2)) {
            return Some(DigitRun {
                end: i,
                value: Decimal::from(m),
                int_digits: (i - p) as u16,
                grouped: false,
                fraction: false,
                native: false,
                composite: false,
            });
        }
    }
    read_digits_groups(t, p, lao_ctx)
}

/// [`read_digits`] past its fast path, out of line (so the fast path is
/// inlined and its result stays in registers).
#[inline(never)]
fn read_digits_groups(t: &str, p: usize, lao_ctx: impl Fn() -> bool) -> Option<DigitRun> {
    // Groups: (byte start, byte end, number of digits), separators between;
    // fixed arrays, so reading a number allocates nothing.
    let mut groups = Groups::default();
    let mut seps = Seps::default();
    let leading_dot = ch(t, p) == Some('.');
    // `22,24,26,31`: a number after `digits,` is the next item of a list.
    let in_list = ch_before(t, p) == Some(',') && is_digit(ch_before(t, p - 1));
    let mut i = p;
    if leading_dot {
        groups.push((p, p, 0));
        seps.push('.');
        i += 1;
    }
    let native = scan_groups(t, i, &mut groups, &mut seps)?;
    if groups.is_empty() || groups.iter().all(|g| g.2 == 0) {
        return None;
    }
    if leading_dot && groups.len() < 2 {
        return None;
    }
    let (used, dec) = grouping(&groups, &seps, leading_dot, in_list, lao_ctx);
    let (value, int_digits) = groups_value(t, &groups[..used], dec)?;
    Some(DigitRun {
        end: groups[used - 1].1,
        value,
        int_digits,
        grouped: dec.map_or(used > 1, |d| d > 1),
        fraction: dec.is_some(),
        native,
        composite: false,
    })
}

/// Reads digit groups from `i` into `groups`, the separators between them
/// into `seps`; whether any digit is native (not ASCII), or `None` for a
/// group too long to be a number.
fn scan_groups(t: &str, mut i: usize, groups: &mut Groups, seps: &mut Seps) -> Option<bool> {
    let mut native = false;
    loop {
        let gs = i;
        let mut g = 0usize;
        while let Some(c) = ch(t, i) {
            if digit_value(c).is_none() {
                break;
            }
            if !c.is_ascii_digit() {
                native = true;
            }
            g += 1;
            i += c.len_utf8();
            if g > 40 {
                return None;
            }
        }
        if g == 0 {
            break;
        }
        groups.push((gs, i, g));
        // A separator continues the number only when a digit follows it.
        match ch(t, i) {
            Some(c) if is_sep(c) && is_digit(ch(t, i + c.len_utf8())) && groups.len() < 12 => {
                // A plain space groups only as `1 234 567`: exactly three digits after.
                if c == ' ' || c == '\u{a0}' {
                    let s = i + 1 + usize::from(c == '\u{a0}');
                    let n = t
                        .get(s..)
                        .map(|r| r.bytes().take_while(|b| b.is_ascii_digit()).count())
                        .unwrap_or(0);
                    if n != 3 || groups.last().is_some_and(|g| g.2 > 3) {
                        break;
                    }
                }
                seps.push(c);
                i += c.len_utf8();
            }
            _ => break,
        }
    }
    Some(native)
}

/// How many of the groups the number takes, and which is its decimal part:
/// thousands (`1,234,567`, `1.000.000`, `1 234`), Indian (`12,34,567`), a
/// decimal comma or point, a list (`22,24,26`) or an address (`192.168.1.2`).
fn grouping(
    groups: &Groups,
    seps: &Seps,
    leading_dot: bool,
    in_list: bool,
    lao_ctx: impl Fn() -> bool,
) -> (usize, Option<usize>) {
    let mut lens = [0usize; GROUPS];
    for (l, g) in lens.iter_mut().zip(groups.iter()) {
        *l = g.2;
    }
    let thousands = |from: usize, to: usize| -> bool {
        // groups[from..to] are thousands groups after a 1-3 digit head
        (1..=3).contains(&lens[from]) && lens[from + 1..to].iter().all(|&l| l == 3)
    };
    let indian = |to: usize| -> bool {
        to >= 3
            && (1..=2).contains(&lens[0])
            && lens[1..to - 1].iter().all(|&l| l == 2)
            && lens[to - 1] == 3
    };
    let is_space = |c: char| matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}');
    let n = groups.len();
    if seps.is_empty() {
        (1, None)
    } else if leading_dot {
        (2, Some(1))
    } else {
        let first = seps[0];
        let same = seps
            .iter()
            .all(|&s| s == first || (is_space(s) && is_space(first)));
        if same {
            match first {
                ',' => {
                    if thousands(0, n) || indian(n) {
                        (n, None)
                    } else if n == 2 && !in_list {
                        (2, Some(1)) // 3,6 (Lao decimal comma)
                    } else {
                        (1, None) // a list: 22,24,26
                    }
                }
                '.' => {
                    if n == 2 {
                        if lens[1] == 3 && lens[0] <= 3 && lao_ctx() {
                            (2, None) // 1.000 in Lao text
                        } else {
                            (2, Some(1))
                        }
                    } else if thousands(0, n) {
                        (n, None) // 1.000.000
                    } else {
                        (1, None) // 192.168.1.2
                    }
                }
                _ => {
                    if thousands(0, n) {
                        (n, None)
                    } else {
                        (1, None)
                    }
                }
            }
        } else {
            // Mixed: all but the last separator group thousands, the last is decimal.
            let last = *seps.last().unwrap_or(&'.');
            let head_ok = seps[..seps.len() - 1]
                .iter()
                .all(|&s| s != last && (s == first || (is_space(s) && is_space(first))));
            if head_ok && !is_space(last) && (thousands(0, n - 1) || indian(n - 1)) {
                (n, Some(n - 1))
            } else {
                (1, None)
            }
        }
    }
}

/// The value of `groups` (the decimal group `dec`) and its number of
/// integer digits: an integer mantissa and a scale, never through f64.
fn groups_value(
    t: &str,
    groups: &[(usize, usize, usize)],
    dec: Option<usize>,
) -> Option<(Decimal, u16)> {
    // The value as an integer mantissa and a scale (digits after the mark).
    let mut m: u128 = 0;
    let mut sig = 0; // significant digits: leading zeros are harmless, length is not
    let mut int_digits = 0;
    let mut scale = 0u32;
    for (k, g) in groups.iter().enumerate() {
        if Some(k) == dec {
            scale = g.2 as u32;
        } else {
            int_digits += g.2 as u16;
        }
        for c in t.get(g.0..g.1)?.chars() {
            let d = digit_value(c)?;
            if m > 0 || d > 0 {
                sig += 1;
                if sig > 28 {
                    return None;
                }
            }
            m = m * 10 + d as u128;
        }
    }
    if scale > 28 {
        return None;
    }
    Decimal::try_from_i128_with_scale(m as i128, scale)
        .ok()
        .map(|v| (v, int_digits))
}

/// End of the whole digit-and-separator run at `p`, to skip a rejected token.
pub(crate) fn run_end(t: &str, p: usize) -> usize {
    let mut i = p;
    while let Some(c) = ch(t, i) {
        if digit_value(c).is_some() || c.is_ascii_alphanumeric() || c == '_' {
            i += c.len_utf8();
        } else if matches!(c, ',' | '.' | '-' | '/' | ':')
            && (is_digit(ch(t, i + 1)) || ch(t, i + 1).is_some_and(|c| c.is_ascii_alphanumeric()))
        {
            i += 1;
        } else {
            break;
        }
    }
    i.max(p + ch(t, p).map_or(1, char::len_utf8))
}

/// Start of the alphanumeric "word" that ends at `p` (for `COVID-19`, `G20`).
pub(crate) fn glued_before(t: &str, p: usize) -> bool {
    match ch_before(t, p) {
        Some(c) if c.is_ascii_alphabetic() => true,
        Some('-') | Some('_') | Some('/') => {
            // COVID-19, SCP-173: a letter word glued by a hyphen.
            let q = p - 1;
            let mut j = q;
            let b = t.as_bytes();
            while j > 0 && b[j - 1].is_ascii_alphanumeric() {
                j -= 1;
            }
            let word = &t[j..q];
            // `5k-20k`: a number with a suffix is no name
            !word.as_bytes().first().is_some_and(u8::is_ascii_digit)
                && word.bytes().any(|c| c.is_ascii_alphabetic())
                && !matches!(
                    super::chars::Low::new(word).as_str(),
                    "mid" | "pre" | "post" | "early" | "late" | "since" | "from" | "to"
                )
        }
        _ => false,
    }
}

/// Value of an upper-case Roman numeral (`XVIII` = 18), for chapter labels.
pub(crate) fn roman_value(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 12 {
        return None;
    }
    let v = |c: u8| match c {
        b'I' => Some(1),
        b'V' => Some(5),
        b'X' => Some(10),
        b'L' => Some(50),
        b'C' => Some(100),
        b'D' => Some(500),
        b'M' => Some(1000),
        _ => None,
    };
    let b = s.as_bytes();
    let mut total = 0i64;
    for k in 0..b.len() {
        let a = v(b[k])? as i64;
        let next = if k + 1 < b.len() {
            v(b[k + 1])? as i64
        } else {
            0
        };
        total += if a < next { -a } else { a };
    }
    (total > 0).then_some(total as u32)
}

/// An exponent written after the digits ending at `e`: `1e10`, `12.32e+14`,
/// `1.3x10^6`, `6.23×10^-4` (times a power of ten) or `1.1^23`, `2.5^-1`
/// (a power). Returns (end, value). Exponents have at most two digits.
pub(crate) fn exponent_after(t: &str, e: usize, base: Decimal) -> Option<(usize, Decimal)> {
    let b = t.as_bytes();
    let rest = t.get(e..)?;
    let (ten, mut i) = match b.get(e)? {
        b'e' | b'E' => (true, e + 1),
        b'^' => (false, e + 1),
        b'x' | b'X' if rest[1..].starts_with("10^") => (true, e + 4),
        _ if rest.starts_with("×10^") => (true, e + "×10^".len()),
        _ => return None,
    };
    let mut neg = false;
    while let Some(&c @ (b'+' | b'-')) = b.get(i) {
        neg ^= c == b'-';
        i += 1;
        if i - e > 6 {
            return None;
        }
    }
    let s = i;
    while b.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
    }
    let glued = b.get(i).is_some_and(|c| {
        c.is_ascii_alphanumeric()
            || c == &b'_'
            || (matches!(c, b'.' | b',' | b'^') && b.get(i + 1).is_some_and(u8::is_ascii_digit))
    });
    if i == s || i - s > 2 || glued {
        return None;
    }
    let n: u32 = t.get(s..i)?.parse().ok()?;
    let ten_d = Decimal::TEN;
    let mut v = if ten { base } else { Decimal::ONE };
    for _ in 0..n {
        v = match (ten, neg) {
            (true, true) => v.checked_div(ten_d)?,
            (true, false) => v.checked_mul(ten_d)?,
            (false, _) => v.checked_mul(base)?,
        };
    }
    if !ten && neg {
        v = Decimal::ONE.checked_div(v)?;
    }
    Some((i, v))
}

/// A fraction in ASCII digits at `p`: `3/4`, `1/100` — numerator and
/// denominator of at most three digits, the numerator the smaller, and no
/// date or path around it. Returns (end, value).
pub(crate) fn slash_fraction(t: &str, p: usize) -> Option<(usize, Decimal)> {
    let b = t.as_bytes();
    if p > 0 && (b[p - 1].is_ascii_alphanumeric() || matches!(b[p - 1], b'/' | b'.' | b',')) {
        return None;
    }
    let int = |mut i: usize| {
        let s = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        (s < i && i - s <= 3).then_some(i)
    };
    let ae = int(p)?;
    if b.get(ae) != Some(&b'/') {
        return None;
    }
    let de = int(ae + 1)?;
    let after = b.get(de).copied();
    if after.is_some_and(|c| c.is_ascii_alphanumeric())
        || (matches!(after, Some(b'/' | b'-' | b'.' | b',' | b':'))
            && b.get(de + 1).is_some_and(u8::is_ascii_digit))
    {
        return None;
    }
    let a: u32 = t.get(p..ae)?.parse().ok()?;
    let d: u32 = t.get(ae + 1..de)?.parse().ok()?;
    if d == 0 || a >= d {
        return None;
    }
    Some((de, Decimal::from(a) / Decimal::from(d)))
}

/// Value of a vulgar-fraction character (`½`, `¾`, `⅔`).
pub(crate) fn vulgar_value(c: char) -> Option<Decimal> {
    let (a, d) = match c {
        '½' => (1, 2),
        '¼' => (1, 4),
        '¾' => (3, 4),
        '⅐' => (1, 7),
        '⅑' => (1, 9),
        '⅒' => (1, 10),
        '⅓' => (1, 3),
        '⅔' => (2, 3),
        '⅕' => (1, 5),
        '⅖' => (2, 5),
        '⅗' => (3, 5),
        '⅘' => (4, 5),
        '⅙' => (1, 6),
        '⅚' => (5, 6),
        '⅛' => (1, 8),
        '⅜' => (3, 8),
        '⅝' => (5, 8),
        '⅞' => (7, 8),
        _ => return None,
    };
    Some(Decimal::from(a) / Decimal::from(d))
}
