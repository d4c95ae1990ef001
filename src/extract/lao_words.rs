//! Lao number words: units, ເອັດ, ສິບ, ຊາວ, ຮ້ອຍ, ພັນ, ໝື່ນ, ແສນ, ລ້ານ, ຕື້, ເຄິ່ງ,
//! and compounds written without spaces (ສອງຮ້ອຍຫ້າສິບ = 250).
//!
//! Lao writes no spaces between words, so a number word is taken only where
//! it stands on syllable boundaries (ສາມ in ສາມາດ 'can' is no three), and a
//! short stop-list vetoes the compounds whose syllables happen to be number
//! words (ສາມຫຼ່ຽມ 'triangle', ສະຫະພັນ 'federation', ສູນກາງ 'centre').
//! Spelling variants (ໜ/ຫນ, ໝ/ຫມ, ຫຼ/ຫລ, ຳ/ໍາ) are all listed.

use rust_decimal::Decimal;

use super::chars::{ch, ch_before, skip_invisible};

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum L {
    Unit(u8),
    /// ເອັດ: one in the units place (ສິບເອັດ 11).
    Et,
    Ten,
    /// ຊາວ 20
    Twenty,
    /// ຮ້ອຍ, ພັນ, ໝື່ນ, ແສນ (add up below a million)
    Small(u64),
    /// ລ້ານ, ຕື້ (multiply what stands before)
    Big(u64),
    /// ເຄິ່ງ half
    Half,
}

/// Number words with every spelling variant.
pub(crate) const WORDS: &[(&str, L)] = &[
    ("ສູນ", L::Unit(0)),
    ("ນຶ່ງ", L::Unit(1)),
    ("ໜຶ່ງ", L::Unit(1)),
    ("ຫນຶ່ງ", L::Unit(1)),
    ("ນື່ງ", L::Unit(1)),
    ("ໜື່ງ", L::Unit(1)),
    ("ຫນື່ງ", L::Unit(1)),
    ("ສອງ", L::Unit(2)),
    ("ສາມ", L::Unit(3)),
    ("ສີ່", L::Unit(4)),
    ("ຫ້າ", L::Unit(5)),
    ("ຫົກ", L::Unit(6)),
    ("ເຈັດ", L::Unit(7)),
    ("ແປດ", L::Unit(8)),
    ("ເກົ້າ", L::Unit(9)),
    ("ເອັດ", L::Et),
    ("ສິບ", L::Ten),
    ("ຊາວ", L::Twenty),
    ("ຮ້ອຍ", L::Small(100)),
    ("ພັນ", L::Small(1_000)),
    ("ໝື່ນ", L::Small(10_000)),
    ("ຫມື່ນ", L::Small(10_000)),
    ("ແສນ", L::Small(100_000)),
    ("ລ້ານ", L::Big(1_000_000)),
    ("ຕື້", L::Big(1_000_000_000)),
    ("ເຄິ່ງ", L::Half),
    // Thai: the same grammar (ยี่สิบเอ็ด 21, สองร้อยห้าสิบ 250)
    ("ศูนย์", L::Unit(0)),
    ("หนึ่ง", L::Unit(1)),
    ("สอง", L::Unit(2)),
    ("สาม", L::Unit(3)),
    ("สี่", L::Unit(4)),
    ("ห้า", L::Unit(5)),
    ("หก", L::Unit(6)),
    ("เจ็ด", L::Unit(7)),
    ("แปด", L::Unit(8)),
    ("เก้า", L::Unit(9)),
    ("เอ็ด", L::Et),
    ("สิบ", L::Ten),
    ("ยี่สิบ", L::Twenty),
    ("ร้อย", L::Small(100)),
    ("พัน", L::Small(1_000)),
    ("หมื่น", L::Small(10_000)),
    ("แสน", L::Small(100_000)),
    ("ล้าน", L::Big(1_000_000)),
];

/// Index of a Lao or Thai char by its last two bytes (0xE0 0xB8–0xBB xx):
/// the same key the trigger scanner uses.
#[inline]
fn key(b1: u8, b2: u8) -> usize {
    (((b1 & 3) as usize) << 6) | (b2 & 0x3F) as usize
}

/// Words (as bytes) and their readings, by the key of their first byte.
type ByFirst = [Vec<(&'static [u8], L)>; 256];

/// [`WORDS`] by the key of their first char, longest first (ties in table
/// order), so the first match is the longest.
fn words_by_first() -> &'static ByFirst {
    static T: std::sync::OnceLock<ByFirst> = std::sync::OnceLock::new();
    T.get_or_init(|| {
        let mut t: ByFirst = std::array::from_fn(|_| Vec::new());
        for (w, l) in WORDS {
            let b = w.as_bytes();
            t[key(b[1], b[2])].push((b, *l));
        }
        for v in &mut t {
            v.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
        t
    })
}

/// Longest number word at byte `i`.
#[inline]
pub(crate) fn word_at(t: &str, i: usize) -> Option<(L, usize)> {
    let rest = t.as_bytes().get(i..)?;
    // every number word starts with a Lao or Thai char
    if rest.len() < 3 || rest[0] != 0xE0 || !(0xB8..=0xBB).contains(&rest[1]) {
        return None;
    }
    for (w, l) in &words_by_first()[key(rest[1], rest[2])] {
        // the last byte first: the `memcmp` call only when it agrees
        if rest.len() >= w.len() && rest[w.len() - 1] == w[w.len() - 1] && rest.starts_with(w) {
            return Some((*l, i + w.len()));
        }
    }
    None
}

/// Lao (and Thai) vowel signs and marks that attach to the consonant before them.
#[inline]
pub(crate) fn is_dependent(c: char) -> bool {
    matches!(
        c,
        '\u{0EB0}'..='\u{0EBC}'
            | '\u{0EC8}'..='\u{0ECE}'
            | '\u{0E30}'..='\u{0E3A}'
            | '\u{0E45}'..='\u{0E4E}'
    )
}

#[inline]
fn is_consonant(c: char) -> bool {
    matches!(c, '\u{0E81}'..='\u{0EAE}' | '\u{0EDC}'..='\u{0EDF}' | '\u{0E01}'..='\u{0E2E}')
}

#[inline]
fn is_preposed(c: char) -> bool {
    matches!(c, '\u{0EC0}'..='\u{0EC4}' | '\u{0E40}'..='\u{0E44}')
}

/// Whether a word may start at `i`: not after a preposed vowel (ເ ແ ໂ ໃ ໄ),
/// not after a leading ຫ that belongs to the word's first consonant, and not
/// before a mark.
pub(crate) fn starts_syllable(t: &str, i: usize) -> bool {
    let first = ch(t, i);
    match ch_before(t, i) {
        Some(c) if is_preposed(c) => false,
        Some('ຫ') => !matches!(first, Some('ນ' | 'ມ' | 'ລ' | 'ວ' | 'ງ' | 'ຍ' | 'ຣ')),
        _ => !first.is_some_and(is_dependent),
    }
}

/// Whether a word ending at `e` (whose last char is `last`) ends a syllable.
pub(crate) fn ends_syllable(t: &str, e: usize, last: char) -> bool {
    let e = skip_zwsp_peek(t, e);
    let Some(n) = ch(t, e) else { return true };
    if is_dependent(n) {
        return false;
    }
    if is_consonant(n) && !is_consonant(last) {
        // An open syllable (ຫ້າ) followed by a consonant that can close it
        // (ຫ້າມ 'forbid'): the consonant is a coda unless a vowel follows it.
        let after = ch(t, e + n.len_utf8());
        let coda = matches!(n, 'ກ' | 'ງ' | 'ຍ' | 'ດ' | 'ນ' | 'ບ' | 'ມ' | 'ວ');
        let onset = after.is_some_and(|a| is_dependent(a) || a == 'ຽ');
        if coda && !onset && !after.is_some_and(is_consonant) {
            return false;
        }
    }
    true
}

fn skip_zwsp_peek(t: &str, e: usize) -> usize {
    let _ = t;
    e
}

/// Compounds whose first syllables are number words but which mean something
/// else; checked on the text right after a number word.
const STOP_AFTER: &[(&str, &[&str])] = &[
    ("ສາມ", &["ຫຼ່ຽມ", "ຫລ່ຽມ", "ເນນ", "ັກຄີ", "ມະຄີ"]),
    ("ສູນ", &[""]), // ສູນ alone is mostly 'centre' (ສູນກາງ); zero is written ໐/0
    ("ລ້ານ", &["ຊ້າງ"]),
    (
        "ພັນ",
        &["ທະ", "ລະຍາ", "ເອກ", "ໂທ", "ຕີ", "ພືດ", "ໄມ້", "ສັດ", "ທຸ"],
    ),
    ("ຮ້ອຍ", &["ເອກ", "ໂທ", "ຕີ", "ຕອງ"]),
    ("ແສນ", &["ຈະ", "ສະບາຍ", "ດີ", "ຮູ້"]),
    ("ຫົກ", &["ລົ້ມ", "ເຮ"]),
    ("ສີ່", &["ແຍກ"]),
    ("ສິບ", &["ຕໍ່", "ທອດ"]),
    ("ເຈັດ", &["ຍອດ"]),
];

/// Syllables before a number word that make it part of another word.
const STOP_BEFORE: &[(&str, &[&str])] = &[
    ("ພັນ", &["ສະຫະ", "ແນວ", "ສາຍ", "ເຜົ່າ", "ສຳ", "ສໍາ", "ສໍາ"]),
    ("ລ້ານ", &["ຫົວ"]),
    ("ສາມ", &["ຄວາມ"]),
];

fn stopped(t: &str, s: usize, e: usize) -> bool {
    let w = t.get(s..e).unwrap_or("");
    let after = t.get(e..).unwrap_or("");
    let before = t.get(..s).unwrap_or("");
    for (k, tails) in STOP_AFTER {
        if *k == w && tails.iter().any(|x| super::chars::has_prefix(after, x)) {
            return true;
        }
    }
    for (k, heads) in STOP_BEFORE {
        if *k == w && heads.iter().any(|x| super::chars::has_suffix(before, x)) {
            return true;
        }
    }
    false
}

#[derive(Debug, Clone)]
pub(crate) struct LaoNum {
    pub start: usize,
    pub end: usize,
    pub value: Decimal,
    /// Number of number words.
    pub words: usize,
    /// Only one word, and it is ນຶ່ງ ('one' / the article 'a').
    pub lone_one: bool,
    /// Only one word, and it is ຊາວ ('20' / 'folk').
    pub lone_twenty: bool,
    /// The phrase is a scale word only (ລ້ານ after digits).
    pub scale_only: bool,
}

/// Parses a Lao number-word compound starting at `p`.
pub(crate) fn parse_lao(t: &str, p: usize) -> Option<LaoNum> {
    if !starts_syllable(t, p) {
        return None;
    }
    let mut i = p;
    let mut st = Sum {
        big_total: Decimal::ZERO,
        group: 0,
        pending: None,
        last: None,
        last_small: u64::MAX,
    };
    let mut words = 0usize;
    let mut best: Option<LaoNum> = None;
    let mut first_word = "";
    loop {
        let s = if words == 0 { i } else { skip_invisible(t, i) };
        let Some((w, e)) = word_at(t, s) else { break };
        let lastc = ch_before(t, e).unwrap_or(' ');
        if !ends_syllable(t, e, lastc) || stopped(t, s, e) {
            break;
        }
        if words > 0 && !starts_syllable(t, s) {
            break;
        }
        if !st.take(w) {
            break;
        }
        if words == 0 {
            first_word = t.get(s..e).unwrap_or("");
        }
        words += 1;
        st.last = Some(w);
        i = e;
        let value = st.big_total + Decimal::from(st.group + st.pending.unwrap_or(0));
        best = Some(LaoNum {
            start: p,
            end: e,
            value,
            words,
            lone_one: false,
            lone_twenty: false,
            scale_only: false,
        });
        if words > 12 {
            break;
        }
    }
    let mut b = best?;
    if b.words == 1 {
        b.lone_one = matches!(word_at(t, p), Some((L::Unit(1), _)));
        // ຊາວ is also 'folk'; Thai ยี่สิบ is only 20
        b.lone_twenty = first_word == "ຊາວ";
        b.scale_only = matches!(word_at(t, p), Some((L::Small(_) | L::Big(_) | L::Half, _)));
        if first_word == "ສູນ" {
            return None;
        }
    }
    Some(b)
}

/// [`parse_lao`]'s sum between words.
struct Sum {
    /// Parts closed by ລ້ານ/ຕື້.
    big_total: Decimal,
    /// The sum below a million.
    group: u64,
    /// A unit waiting for its scale.
    pending: Option<u64>,
    last: Option<L>,
    last_small: u64,
}

impl Sum {
    /// Adds the word `w`; `false` when it cannot follow the words before.
    fn take(&mut self, w: L) -> bool {
        match w {
            L::Unit(u) => {
                if self.pending.is_some() || matches!(self.last, Some(L::Et)) {
                    false
                } else {
                    self.pending = Some(u as u64);
                    true
                }
            }
            L::Et => {
                // only after ສິບ, ຊາວ or a scale
                if matches!(
                    self.last,
                    Some(L::Ten | L::Twenty | L::Small(_) | L::Big(_))
                ) {
                    self.group += 1;
                    true
                } else {
                    false
                }
            }
            L::Ten => {
                if matches!(self.last, Some(L::Ten | L::Twenty | L::Et)) {
                    false
                } else {
                    self.group += self.pending.take().unwrap_or(1) * 10;
                    true
                }
            }
            L::Twenty => {
                if self.last.is_some() && !matches!(self.last, Some(L::Small(_) | L::Big(_))) {
                    false
                } else {
                    self.group += 20;
                    true
                }
            }
            L::Small(s) => {
                if s >= self.last_small && self.pending.is_none() {
                    false
                } else if self.pending.is_none()
                    && self.last.is_some()
                    && !matches!(self.last, Some(L::Big(_)))
                {
                    // ຊາວພັນ (20 000): the group so far multiplies
                    if matches!(self.last, Some(L::Twenty | L::Ten | L::Et)) && s >= 1000 {
                        self.group *= s;
                        self.last_small = s;
                        true
                    } else {
                        false
                    }
                } else {
                    self.group += self.pending.take().unwrap_or(1) * s;
                    self.last_small = s;
                    true
                }
            }
            L::Big(b) => {
                let g = self.group + self.pending.take().unwrap_or(0);
                let g = if g == 0 && self.last.is_none() { 1 } else { g };
                if g == 0 {
                    false
                } else {
                    self.big_total = (self.big_total + Decimal::from(g)) * Decimal::from(b);
                    self.group = 0;
                    self.last_small = u64::MAX;
                    true
                }
            }
            L::Half => {
                // ລ້ານເຄິ່ງ = 1.5 million: half of the last scale
                match self.last {
                    Some(L::Big(b)) => {
                        self.big_total += Decimal::from(b) / Decimal::from(2);
                        true
                    }
                    Some(L::Small(s)) if self.pending.is_none() => {
                        self.group += s / 2;
                        true
                    }
                    _ => false,
                }
            }
        }
    }
}

/// A Lao scale word after digits (`5 ລ້ານ`, `3,6 ລ້ານ`, `2 ແສນ`), with a
/// second scale glued to it (ພັນລ້ານ). `1 ລ້ານ 5 ແສນ` is assembled by the caller.
pub(crate) fn scale_after(t: &str, i: usize) -> Option<(Decimal, usize)> {
    let (w, e) = word_at(t, i)?;
    let lastc = ch_before(t, e).unwrap_or(' ');
    if !ends_syllable(t, e, lastc) || stopped(t, i, e) {
        return None;
    }
    let mut mult = match w {
        L::Small(s) | L::Big(s) => Decimal::from(s),
        _ => return None,
    };
    let mut end = e;
    // ພັນລ້ານ (billion), ແສນລ້ານ
    if let Some((L::Big(b), e2)) = word_at(t, e)
        && ends_syllable(t, e2, ch_before(t, e2).unwrap_or(' '))
        && !stopped(t, e, e2)
    {
        mult *= Decimal::from(b);
        end = e2;
    }
    // ລ້ານເຄິ່ງ
    let _ = mult;
    Some((mult, end))
}

/// Lao month names (and their number), each optionally after ເດືອນ.
pub(crate) const MONTHS: &[(&str, u8)] = &[
    ("ມັງກອນ", 1),
    ("ກຸມພາ", 2),
    ("ມີນາ", 3),
    ("ເມສາ", 4),
    ("ພຶດສະພາ", 5),
    ("ມິຖຸນາ", 6),
    ("ກໍລະກົດ", 7),
    ("ກໍ່ລະກົດ", 7),
    ("ສິງຫາ", 8),
    ("ກັນຍາ", 9),
    ("ຕຸລາ", 10),
    ("ພະຈິກ", 11),
    ("ທັນວາ", 12),
];

/// A Lao month name at `i` (after an optional ເດືອນ): (month, end).
pub(crate) fn month_at(t: &str, i: usize) -> Option<(u8, usize)> {
    // ເດືອນ and every month name start with a Lao char
    if !super::chars::lao_thai_at(t, i) {
        return None;
    }
    let mut j = i;
    if t.get(j..)?.starts_with("ເດືອນ") {
        j = super::chars::skip_hspace(t, j + "ເດືອນ".len());
    }
    let rest = t.get(j..)?;
    // most text here starts with no month's first char
    static FIRST: std::sync::OnceLock<[bool; 256]> = std::sync::OnceLock::new();
    let first = FIRST.get_or_init(|| {
        let mut f = [false; 256];
        for (m, _) in MONTHS {
            let b = m.as_bytes();
            f[key(b[1], b[2])] = true;
        }
        f
    });
    let r = rest.as_bytes();
    if r.len() < 3 || r[0] != 0xE0 || !first[key(r[1], r[2])] {
        return None;
    }
    for (m, n) in MONTHS {
        if super::chars::has_prefix(rest, m) {
            let e = j + m.len();
            if ends_syllable(t, e, ch_before(t, e).unwrap_or(' ')) {
                return Some((*n, e));
            }
        }
    }
    None
}
