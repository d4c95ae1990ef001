//! What a number counts or measures: currency signs, codes and names, percent
//! words, time units, labels (`Tier`, `Article`) and the gloss table that
//! turns a Lao counted noun into the one- or two-word English `unit`.
//!
//! These are closed lists on purpose: an unknown word after a number is the
//! counted noun (English) or no unit at all (Lao), never a guess.

use super::chars::{WordMap, ascii_word_at, ch, skip_hspace, starts_ci};
use super::lao_words::ends_syllable;

/// Currency signs written against a number: (sign, ISO code).
pub(crate) const SIGNS: &[(&str, &str)] = &[
    ("US$", "USD"),
    ("US $", "USD"),
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("₭", "LAK"),
    ("฿", "THB"),
    ("₫", "VND"),
    ("₩", "KRW"),
    ("₹", "INR"),
];

/// ISO 4217 codes we accept written against a number.
pub(crate) const CODES: &[&str] = &[
    "USD", "LAK", "THB", "EUR", "CNY", "RMB", "VND", "JPY", "GBP", "KRW", "SGD", "AUD", "INR",
    "MYR", "KHR", "MMK", "CHF", "CAD", "HKD", "TWD", "PHP", "IDR", "SEK",
];

pub(crate) fn code_iso(code: &'static str) -> &'static str {
    if code == "RMB" { "CNY" } else { code }
}

/// Currency names written as words after a number: kept out of the span.
/// (lower-case English words, ISO code, words it takes)
pub(crate) const CURRENCY_WORDS: &[(&str, &str)] = &[
    ("lao kip", "LAK"),
    ("kip", "LAK"),
    ("us dollars", "USD"),
    ("us dollar", "USD"),
    ("u.s. dollars", "USD"),
    ("dollars", "USD"),
    ("dollar", "USD"),
    ("thai baht", "THB"),
    ("baht", "THB"),
    ("yuan", "CNY"),
    ("renminbi", "CNY"),
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("dong", "VND"),
    ("yen", "JPY"),
    ("riel", "KHR"),
];

/// Lao currency words after a number: (word, ISO code).
pub(crate) const LAO_CURRENCY: &[(&str, &str)] = &[
    ("ກີບ", "LAK"),
    ("ໂດລາສະຫະລັດ", "USD"),
    ("ໂດລາ", "USD"),
    ("ບາດ", "THB"),
    ("ຢວນ", "CNY"),
    ("ດົ່ງ", "VND"),
    ("ເອີໂຣ", "EUR"),
    ("บาท", "THB"),
];

/// A currency sign or code ending at `j` (before a number, the spaces
/// before the number skipped): (start, ISO code).
#[inline(always)]
pub(crate) fn currency_ending_at(t: &str, j: usize) -> Option<(usize, &'static str)> {
    // every sign ends in an ASCII `$` or a non-ASCII char, every code in a
    // capital: anything else (mostly a space, a letter, a digit) is none
    match j.checked_sub(1).and_then(|k| t.as_bytes().get(k)) {
        Some(b'$' | b'A'..=b'Z' | 0x80..) => currency_ending_at_slow(t, j),
        _ => None,
    }
}

/// [`currency_ending_at`] past its first test, out of line.
#[inline(never)]
fn currency_ending_at_slow(t: &str, j: usize) -> Option<(usize, &'static str)> {
    let before = t.get(..j)?;
    // every sign ends in one of these chars
    let maybe = matches!(
        before.chars().next_back(),
        Some('$' | '€' | '£' | '¥' | '₭' | '฿' | '₫' | '₩' | '₹')
    );
    for (s, code) in if maybe { SIGNS } else { &[] } {
        if super::chars::has_suffix(before, s) {
            // a sign glued to a word is no sign (`A$` is handled as a code-less $)
            return Some((j - s.len(), code));
        }
    }
    let (ws, w) = super::chars::ascii_word_before(t, j);
    if w.len() == 3
        && w.bytes().all(|b| b.is_ascii_uppercase())
        && let Some(c) = CODES.iter().find(|c| **c == w)
    {
        return Some((ws, code_iso(c)));
    }
    None
}

/// A currency sign or code at `j` (right after a number and the spaces
/// after it): (end, ISO code) — in the span.
#[inline]
pub(crate) fn currency_sign_at(t: &str, j: usize) -> Option<(usize, &'static str)> {
    // the signs start with `U` or a non-ASCII byte, the codes with a capital
    if !matches!(t.as_bytes().get(j), Some(b'A'..=b'Z' | 0x80..)) {
        return None;
    }
    let rest = t.get(j..)?;
    // the signs taken here start with `U` or a non-ASCII byte
    let first = rest.as_bytes().first().copied().unwrap_or(0);
    for (s, code) in if first < 0x80 && first != b'U' {
        &[]
    } else {
        SIGNS
    } {
        if s.len() <= 3 && super::chars::has_prefix(rest, s) && !s.starts_with('$') {
            return Some((j + s.len(), code));
        }
    }
    let w = ascii_word_at(t, j);
    if w.len() == 3
        && w.bytes().all(|b| b.is_ascii_uppercase())
        && let Some(c) = CODES.iter().find(|c| **c == w)
    {
        return Some((j + 3, code_iso(c)));
    }
    None
}

/// A currency name at `j` (after a number and the spaces after it: `Lao
/// kip`, `dollars`, ກີບ): ISO code, kept out of the span.
#[inline]
pub(crate) fn currency_word_at(t: &str, j: usize) -> Option<&'static str> {
    if super::chars::lao_thai_at(t, j) {
        let rest = t.get(j..)?;
        return LAO_CURRENCY
            .iter()
            .find(|(w, _)| super::chars::has_prefix(rest, w))
            .map(|(_, code)| *code);
    }
    if !t.as_bytes().get(j).is_some_and(|&b| {
        // the first letters of CURRENCY_WORDS
        matches!(
            b | 0x20,
            b'l' | b'k' | b'u' | b'd' | b't' | b'b' | b'y' | b'r' | b'e'
        )
    }) {
        return None;
    }
    for (w, code) in CURRENCY_WORDS {
        if starts_ci(t, j, w) && !ch(t, j + w.len()).is_some_and(|c| c.is_ascii_alphabetic()) {
            return Some(code);
        }
    }
    None
}

/// Percent after a number: `%`, `percent`, `per cent`, `percentage points`,
/// ເປີເຊັນ, ສ່ວນຮ້ອຍ ("parts of a hundred"). Returns the end of the span.
pub(crate) fn percent_after(t: &str, i: usize) -> Option<usize> {
    percent_at(t, skip_hspace(t, i))
}

/// [`percent_after`] at `j`, the spaces skipped.
#[inline]
pub(crate) fn percent_at(t: &str, j: usize) -> Option<usize> {
    // `%`, `％` (0xEF …), `p`/`P`, or Lao (0xE0 …)
    if !matches!(t.as_bytes().get(j), Some(b'%' | b'p' | b'P' | 0xE0 | 0xEF)) {
        return None;
    }
    if t.get(j..)?.starts_with('%') || t.get(j..)?.starts_with('％') {
        return Some(j + t.get(j..)?.chars().next()?.len_utf8());
    }
    let first = t.as_bytes().get(j).copied().unwrap_or(0);
    if first | 0x20 == b'p' {
        // every word below starts with `per` or `pct`
        if !(starts_ci(t, j, "per") || starts_ci(t, j, "pct")) {
            return None;
        }
        // (their first words are in `lexicon::PLAIN_STOP`)
        for w in [
            "percentage points",
            "percentage point",
            "percents",
            "percentage",
            "percent",
            "per cent",
            "pct",
        ] {
            if starts_ci(t, j, w) && !ch(t, j + w.len()).is_some_and(|c| c.is_ascii_alphabetic()) {
                return Some(j + w.len());
            }
        }
        return None;
    }
    if first != 0xE0 {
        return None;
    }
    for w in ["ເປີເຊັນ", "ເປີ\u{200B}ເຊັນ", "ສ່ວນຮ້ອຍ"]
    {
        if super::chars::has_prefix(t.get(j..)?, w) {
            return Some(j + w.len());
        }
    }
    None
}

/// Time units: (lower-case English word, unit name). Read through [`time_word`].
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) const TIME_UNITS: &[(&str, &str)] = &[
    ("years", "years"),
    ("year", "years"),
    ("yrs", "years"),
    ("months", "months"),
    ("month", "months"),
    ("weeks", "weeks"),
    ("week", "weeks"),
    ("days", "days"),
    ("day", "days"),
    ("hours", "hours"),
    ("hour", "hours"),
    ("minutes", "minutes"),
    ("minute", "minutes"),
    ("seconds", "seconds"),
    ("decades", "decades"),
    ("decade", "decades"),
    ("centuries", "centuries"),
    ("century", "centuries"),
];

/// [`TIME_UNITS`] for one ASCII word, any case.
#[cfg(test)]
fn time_word(w: &str) -> Option<&'static str> {
    TIME_WORD_MAP.get(w)
}

/// The time words, for [`time_word`] and [`time_unit_at_key`].
static TIME_WORD_MAP: WordMap<&str, 18> = WordMap::new([
    ("years", "years"),
    ("year", "years"),
    ("yrs", "years"),
    ("months", "months"),
    ("month", "months"),
    ("weeks", "weeks"),
    ("week", "weeks"),
    ("days", "days"),
    ("day", "days"),
    ("hours", "hours"),
    ("hour", "hours"),
    ("minutes", "minutes"),
    ("minute", "minutes"),
    ("seconds", "seconds"),
    ("decades", "decades"),
    ("decade", "decades"),
    ("centuries", "centuries"),
    ("century", "centuries"),
]);

/// A time unit word after a number (also `-year`, `years’`): (end of the
/// word, unit, age: followed by `old`).
pub(crate) fn time_unit_after(t: &str, i: usize) -> Option<(usize, &'static str, bool)> {
    time_unit_at(t, skip_hspace(t, i))
}

/// [`time_unit_after`] at `j`, the spaces skipped.
#[inline]
pub(crate) fn time_unit_at(t: &str, j: usize) -> Option<(usize, &'static str, bool)> {
    time_unit_at_key(t, j, None)
}

/// [`time_unit_at`], given the [`word_key`](super::chars::word_key) of
/// the ASCII word at `j` when it is known.
#[inline]
pub(crate) fn time_unit_at_key(
    t: &str,
    mut j: usize,
    key: Option<u128>,
) -> Option<(usize, &'static str, bool)> {
    let mut key = key;
    if t.as_bytes().get(j) == Some(&b'-') {
        j += 1;
        key = None;
    }
    let w = ascii_word_at(t, j);
    if w.len() < 3 {
        return None;
    }
    let k = key.unwrap_or_else(|| super::chars::word_key(w));
    let unit = TIME_WORD_MAP.get_key(k)?;
    let e = j + w.len();
    // `18 years old`, `18-year-old`
    let mut k = e;
    while let Some(c) = ch(t, k) {
        if c == '-' || c == ' ' || c == '\'' || c == '’' {
            k += c.len_utf8();
        } else {
            break;
        }
    }
    let word_at = |k: usize, w: &str| {
        starts_ci(t, k, w) && !ch(t, k + w.len()).is_some_and(|c| c.is_ascii_alphabetic())
    };
    // `18 years of age`
    let age = word_at(k, "old")
        || (word_at(k, "of") && word_at(super::chars::skip_hspace(t, k + 2), "age"));
    Some((e, unit, age))
}

/// Lao time units after a number: (word, unit).
pub(crate) const LAO_TIME: &[(&str, &str)] = &[
    ("ປີ", "years"),
    ("ເດືອນ", "months"),
    ("ອາທິດ", "weeks"),
    ("ວັນ", "days"),
    ("ມື້", "days"),
    ("ຊົ່ວໂມງ", "hours"),
    ("ນາທີ", "minutes"),
    ("ທົດສະວັດ", "decades"),
    ("ສັດຕະວັດ", "centuries"),
];

/// The Lao gloss table: a counted noun or classifier after a number, and the
/// English unit it gives.
pub(crate) const LAO_GLOSS: &[(&str, &str)] = &[
    ("ຄົນ", "people"),
    ("ທ່ານ", "people"),
    ("ຜູ້", "people"),
    ("ຄະດີ", "cases"),
    ("ກໍລະນີ", "cases"),
    ("ລາຍ", "cases"),
    ("ບໍລິສັດ", "companies"),
    ("ກຸ່ມ", "groups"),
    ("ປະເທດ", "countries"),
    ("ແຂວງ", "provinces"),
    ("ເມືອງ", "districts"),
    ("ບ້ານ", "villages"),
    ("ຄອບຄົວ", "families"),
    ("ຄົວເຮືອນ", "households"),
    ("ຫຼັງຄາເຮືອນ", "households"),
    ("ຫລັງຄາເຮືອນ", "households"),
    ("ຫຼັງ", "buildings"),
    ("ຫລັງ", "buildings"),
    ("ໂຄງການ", "projects"),
    ("ຄັ້ງ", "times"),
    ("ເທື່ອ", "times"),
    ("ແຫ່ງ", "places"),
    ("ໂຕ", "animals"),
    ("ຕົວ", "items"),
    ("ໜ່ວຍ", "units"),
    ("ຫນ່ວຍ", "units"),
    ("ຄູ່", "pairs"),
    ("ໂຮງຮຽນ", "schools"),
    ("ນັກຮຽນ", "students"),
    ("ໂຮງໝໍ", "hospitals"),
    ("ໂຮງຫມໍ", "hospitals"),
    ("ຜູ້ເຄາະຮ້າຍ", "victims"),
    ("ເດັກນ້ອຍ", "children"),
    ("ເດັກ", "children"),
    ("ແມ່ຍິງ", "women"),
    ("ຜູ້ຍິງ", "women"),
    ("ຜູ້ຊາຍ", "men"),
    ("ເຫຍື່ອ", "victims"),
    ("ຜູ້ຕ້ອງຫາ", "suspects"),
    ("ສະບັບ", "copies"),
    ("ເທົ່າ", "times"),
    ("ເຮັກຕາ", "hectares"),
    ("ເຮັກຕາ", "hectares"),
    ("ກິໂລແມັດ", "km"),
    ("ກິໂລກຣາມ", "kg"),
    ("ກິໂລ", "kg"),
    ("ແມັດ", "metres"),
    ("ໂຕນ", "tonnes"),
    ("ລິດ", "litres"),
    ("ເມກາວັດ", "MW"),
    ("ລົດ", "vehicles"),
    ("ຄັນ", "vehicles"),
    ("ເຄື່ອງ", "machines"),
    ("ຕຳແໜ່ງ", "positions"),
    ("ຕໍາແໜ່ງ", "positions"),
    ("ບົດ", "articles"),
    ("ເລື່ອງ", "items"),
    ("ຂໍ້", "points"),
    ("ສາຍ", "lines"),
    ("ຕາແມັດ", "m2"),
];

/// Labels a Lao text writes before an ordinal (ກຸ່ມທີ 2 = Tier 2) or a
/// number (ມາດຕາ 215 = Article 215): the unit they give, and the Lao word.
const LAO_LABEL_WORDS: &[(&str, &str)] = &[
    ("tier", "ກຸ່ມ"),
    ("rank", "ອັນດັບ"),
    ("level", "ລະດັບ"),
    ("grade", "ຊັ້ນ"),
    ("phase", "ໄລຍະ"),
    ("article", "ມາດຕາ"),
    ("decree", "ດຳລັດ"),
    ("law", "ກົດໝາຍ"),
    ("year", "ປີ"),
];

/// The Lao word for a stored (English) unit, for showing a Lao figure's
/// unit to a Lao reader: `people` → ຄົນ, `years` → ປີ, `LAK` → ກີບ. The
/// first word of the gloss tables that gives the unit wins; singular and
/// plural keys are tried both ways. The stored unit stays the English key.
pub fn lao_word_for(unit: &str) -> Option<&'static str> {
    let lower = unit.trim().to_lowercase();
    let forms = [
        lower.clone(),
        format!("{lower}s"),
        lower.strip_suffix('s').unwrap_or(&lower).to_string(),
    ];
    for form in &forms {
        let hit = LAO_GLOSS
            .iter()
            .chain(LAO_TIME)
            .find(|(_, u)| u.eq_ignore_ascii_case(form))
            .or_else(|| LAO_CURRENCY.iter().find(|(_, code)| *code == unit.trim()))
            .map(|(w, _)| *w)
            .or_else(|| {
                LAO_LABEL_WORDS
                    .iter()
                    .find(|(u, _)| u == form)
                    .map(|(_, w)| *w)
            });
        if hit.is_some() {
            return hit;
        }
    }
    None
}

/// Measurement units (other kind): lower-case word or symbol → unit. Read
/// through [`measure_word`] and [`measure_two_words`].
#[cfg_attr(not(test), allow(dead_code))] // the tables behind the lookups below
pub(crate) const MEASURES: &[(&str, &str)] = &[
    ("km2", "km2"),
    ("km²", "km2"),
    ("km", "km"),
    ("kilometres", "km"),
    ("kilometers", "km"),
    ("kilometre", "km"),
    ("kilometer", "km"),
    ("kg", "kg"),
    ("kilograms", "kg"),
    ("kilogram", "kg"),
    ("tonnes", "tonnes"),
    ("tons", "tonnes"),
    ("hectares", "hectares"),
    ("ha", "hectares"),
    ("metres", "metres"),
    ("meters", "metres"),
    ("cm", "cm"),
    ("mm", "mm"),
    ("m", "metres"),
    ("ml", "ml"),
    ("litres", "litres"),
    ("liters", "litres"),
    ("mw", "MW"),
    ("megawatts", "MW"),
    ("kw", "kW"),
    ("kwh", "kWh"),
    ("gwh", "GWh"),
    ("square kilometres", "km2"),
    ("square kilometers", "km2"),
    ("square metres", "m2"),
    ("square meters", "m2"),
];

/// The Lao word tables looked up after a number.
#[derive(Clone, Copy)]
pub(crate) enum LaoTable {
    Gloss,
    Time,
    Currency,
}

impl LaoTable {
    fn entries(self) -> &'static [(&'static str, &'static str)] {
        match self {
            LaoTable::Gloss => LAO_GLOSS,
            LaoTable::Time => LAO_TIME,
            LaoTable::Currency => LAO_CURRENCY,
        }
    }

    /// The table's entries (their positions, in table order) by the last
    /// two bytes of their first char.
    fn index(self) -> &'static [Vec<u8>] {
        static I: [std::sync::OnceLock<Vec<Vec<u8>>>; 3] =
            [const { std::sync::OnceLock::new() }; 3];
        I[self as usize].get_or_init(|| {
            let mut v = vec![Vec::new(); 256];
            for (k, (w, _)) in self.entries().iter().enumerate() {
                let b = w.as_bytes();
                v[lao_key(b[1], b[2])].push(k as u8);
            }
            v
        })
    }
}

#[inline]
fn lao_key(b1: u8, b2: u8) -> usize {
    (((b1 & 3) as usize) << 6) | (b2 & 0x3F) as usize
}

/// A Lao word (from a table) at `i`, on a syllable end: (end, value). The
/// longest such word wins; of equal ones, the first in the table.
pub(crate) fn lao_table_at(t: &str, i: usize, table: LaoTable) -> Option<(usize, &'static str)> {
    let rest = t.get(i..)?;
    let mut best: Option<(usize, &str)> = None;
    let r = rest.as_bytes();
    if r.len() < 3 || r[0] != 0xE0 {
        return None;
    }
    let entries = table.entries();
    for &k in &table.index()[lao_key(r[1], r[2])] {
        let (w, u) = entries[k as usize];
        let wb = w.as_bytes();
        if wb[2] == r[2]
            && wb[1] == r[1]
            && super::chars::has_prefix(rest, w)
            && best.is_none_or(|b| w.len() > b.0 - i)
        {
            let e = i + w.len();
            if ends_syllable(t, e, super::chars::ch_before(t, e).unwrap_or(' ')) {
                best = Some((e, u));
            }
        }
    }
    best
}

/// Labels that make the number after them a rank: lower-case word → unit.
#[cfg_attr(not(test), allow(dead_code))] // the tables behind the lookups below
pub(crate) const RANK_LABELS: &[(&str, &str)] = &[
    ("tier", "tier"),
    ("tiers", "tier"),
    ("rank", "rank"),
    ("grade", "grade"),
    ("level", "level"),
    ("category", "category"),
    ("stage", "stage"),
    ("phase", "phase"),
];

/// Labels that make the number after them an identifier.
#[cfg_attr(not(test), allow(dead_code))] // the tables behind the lookups below
pub(crate) const ID_LABELS: &[(&str, &str)] = &[
    ("article", "article"),
    ("articles", "article"),
    ("art", "article"),
    ("section", "section"),
    ("sections", "section"),
    ("chapter", "chapter"),
    ("clause", "clause"),
    ("paragraph", "paragraph"),
    ("para", "paragraph"),
    ("part", "part"),
    ("annex", "annex"),
    ("resolution", "resolution"),
    ("unscr", "UNSC resolution"),
    ("decree", "decree"),
    ("law", "law"),
    ("no", "number"),
    ("nos", "number"),
    ("item", "item"),
    ("rule", "rule"),
    ("order", "order"),
    ("amendment", "amendment"),
    ("route", "route"),
    ("road", "road"),
    ("highway", "highway"),
    ("room", "room"),
    ("flight", "flight"),
    ("version", "version"),
    ("volume", "volume"),
    ("vol", "volume"),
    ("table", "table"),
    ("figure", "figure"),
    ("fig", "figure"),
    ("box", "box"),
    ("chart", "chart"),
    ("appendix", "appendix"),
    ("paragraphs", "paragraph"),
];

/// Whether `u` is a unit [`MEASURES`] gives (or the Lao gloss table gives for
/// a measure): a figure counted in it is a measurement, of kind other.
pub(crate) fn is_measure_unit(u: &str) -> bool {
    matches!(
        u,
        "km2"
            | "km"
            | "kg"
            | "tonnes"
            | "hectares"
            | "metres"
            | "cm"
            | "mm"
            | "ml"
            | "litres"
            | "MW"
            | "kW"
            | "kWh"
            | "GWh"
            | "m2"
    )
}

/// [`MEASURES`] for one ASCII word (`w`, any case): the single-word keys.
pub(crate) fn measure_word(w: &str) -> Option<&'static str> {
    measure_key(super::chars::word_key(w))
}

/// [`measure_word`] by the word's [`word_key`](super::chars::word_key).
#[inline]
pub(crate) fn measure_key(k: u128) -> Option<&'static str> {
    static MEASURE_WORD_MAP: WordMap<&str, 25> = WordMap::new([
        ("km", "km"),
        ("kilometres", "km"),
        ("kilometers", "km"),
        ("kilometre", "km"),
        ("kilometer", "km"),
        ("kg", "kg"),
        ("kilograms", "kg"),
        ("kilogram", "kg"),
        ("tonnes", "tonnes"),
        ("tons", "tonnes"),
        ("hectares", "hectares"),
        ("ha", "hectares"),
        ("metres", "metres"),
        ("meters", "metres"),
        ("m", "metres"),
        ("cm", "cm"),
        ("mm", "mm"),
        ("ml", "ml"),
        ("litres", "litres"),
        ("liters", "litres"),
        ("mw", "MW"),
        ("megawatts", "MW"),
        ("kw", "kW"),
        ("kwh", "kWh"),
        ("gwh", "GWh"),
    ]);
    MEASURE_WORD_MAP.get_key(k)
}

/// `square kilometres`: the two-word keys of [`MEASURES`].
pub(crate) fn measure_two_words(w: &str, x: &str) -> Option<&'static str> {
    if !w.eq_ignore_ascii_case("square") {
        return None;
    }
    Some(match super::chars::Low::new(x).as_str() {
        "kilometres" | "kilometers" => "km2",
        "metres" | "meters" => "m2",
        _ => return None,
    })
}

/// [`RANK_LABELS`] for a lower-case word.
pub(crate) fn rank_label(lw: &str) -> Option<&'static str> {
    static RANK_LABEL_MAP: WordMap<&str, 8> = WordMap::new([
        ("tier", "tier"),
        ("tiers", "tier"),
        ("rank", "rank"),
        ("grade", "grade"),
        ("level", "level"),
        ("category", "category"),
        ("stage", "stage"),
        ("phase", "phase"),
    ]);
    RANK_LABEL_MAP.get(lw)
}

/// [`ID_LABELS`] for a lower-case word.
pub(crate) fn id_label(lw: &str) -> Option<&'static str> {
    static ID_LABEL_MAP: WordMap<&str, 36> = WordMap::new([
        ("article", "article"),
        ("articles", "article"),
        ("art", "article"),
        ("section", "section"),
        ("sections", "section"),
        ("chapter", "chapter"),
        ("clause", "clause"),
        ("paragraph", "paragraph"),
        ("para", "paragraph"),
        ("part", "part"),
        ("annex", "annex"),
        ("resolution", "resolution"),
        ("unscr", "UNSC resolution"),
        ("decree", "decree"),
        ("law", "law"),
        ("no", "number"),
        ("nos", "number"),
        ("item", "item"),
        ("rule", "rule"),
        ("order", "order"),
        ("amendment", "amendment"),
        ("route", "route"),
        ("road", "road"),
        ("highway", "highway"),
        ("room", "room"),
        ("flight", "flight"),
        ("version", "version"),
        ("volume", "volume"),
        ("vol", "volume"),
        ("table", "table"),
        ("figure", "figure"),
        ("fig", "figure"),
        ("box", "box"),
        ("chart", "chart"),
        ("appendix", "appendix"),
        ("paragraphs", "paragraph"),
    ]);
    ID_LABEL_MAP.get(lw)
}

/// Lao labels before a number (with or without ທີ).
pub(crate) const LAO_ID_LABELS: &[(&str, &str)] = &[
    ("ມາດຕາ", "article"),
    ("ດຳລັດ", "decree"),
    ("ດໍາລັດ", "decree"),
    ("ເລກທີ", "number"),
    ("ສະບັບເລກທີ", "number"),
    ("ໝວດທີ", "chapter"),
    ("ຫມວດທີ", "chapter"),
    ("ພາກທີ", "part"),
    ("ຂໍ້", "clause"),
    ("ຫ້ອງ", "room"),
    ("ເສັ້ນທາງເລກ", "road"),
];

/// Lao words before ທີ that make a rank rather than a plain ordinal.
pub(crate) const LAO_RANK_BEFORE_TI: &[(&str, &str)] = &[
    ("ກຸ່ມ", "tier"),
    ("ອັນດັບ", "rank"),
    ("ຊັ້ນ", "level"),
    ("ລະດັບ", "level"),
];

/// Lao words before ທີ that name what an ordinal counts.
pub(crate) const LAO_ORDINAL_UNIT: &[(&str, &str)] = &[
    ("ປີ", "year"),
    ("ຄັ້ງ", "time"),
    ("ເທື່ອ", "time"),
    ("ສະໄໝ", "term"),
    ("ສະໄຫມ", "term"),
    ("ຄົນ", "person"),
    ("ເດືອນ", "month"),
    ("ອາທິດ", "week"),
    ("ກອງປະຊຸມ", "meeting"),
];

#[cfg(test)]
mod tests {
    use super::*;

    /// `currency_before` looks at the signs only after these last chars.
    #[test]
    fn sign_last_chars() {
        for (s, _) in SIGNS {
            let c = s.chars().next_back().unwrap();
            assert!("$€£¥₭฿₫₩₹".contains(c), "{s}");
        }
    }

    /// Every unit the measure table gives is a measure unit; of the Lao
    /// glosses, exactly the measures are.
    #[test]
    fn measure_units_match_tables() {
        for (_, u) in MEASURES {
            assert!(is_measure_unit(u), "{u}");
        }
        let lao: Vec<&str> = LAO_GLOSS
            .iter()
            .map(|(_, u)| *u)
            .filter(|u| is_measure_unit(u))
            .collect();
        for u in [
            "km", "kg", "metres", "tonnes", "litres", "MW", "hectares", "m2",
        ] {
            assert!(lao.contains(&u), "{u}");
        }
        assert!(!is_measure_unit("people") && !is_measure_unit("times"));
    }

    /// The match-based lookups agree with the tables they stand for.
    #[test]
    fn lookups_match_tables() {
        let cases = |w: &str| {
            [w.to_string(), w.to_ascii_uppercase(), {
                let mut c = w.to_string();
                c[..1].make_ascii_uppercase();
                c
            }]
        };
        for (k, u) in MEASURES {
            if k.bytes().all(|b| b.is_ascii_lowercase()) {
                for c in cases(k) {
                    assert_eq!(measure_word(&c), Some(*u), "{c}");
                }
            } else if let Some((a, b)) = k.split_once(' ') {
                assert_eq!(measure_two_words(a, b), Some(*u), "{k}");
                assert_eq!(measure_two_words(&a.to_ascii_uppercase(), b), Some(*u));
            }
        }
        for (k, u) in TIME_UNITS {
            for c in cases(k) {
                assert_eq!(time_word(&c), Some(*u), "{c}");
            }
        }
        for (k, u) in RANK_LABELS {
            assert_eq!(rank_label(k), Some(*u));
        }
        for (k, u) in ID_LABELS {
            assert_eq!(id_label(k), Some(*u));
        }
        for w in ["kmh", "square", "squares", "kilo", "yearly", "", "x"] {
            assert_eq!(measure_word(w), None, "{w}");
            assert_eq!(time_word(w), None, "{w}");
        }
        for (w, _) in CURRENCY_WORDS {
            let b = w.as_bytes()[0];
            assert!(
                b"lkudtbyre".contains(&b),
                "{w}: add its first letter to the filter"
            );
        }
    }

    #[test]
    fn lao_words_for_stored_units() {
        assert_eq!(lao_word_for("people"), Some("ຄົນ"));
        assert_eq!(lao_word_for("years"), Some("ປີ"));
        assert_eq!(lao_word_for("year"), Some("ປີ"));
        assert_eq!(lao_word_for("case"), Some("ຄະດີ"));
        assert_eq!(lao_word_for("tier"), Some("ກຸ່ມ"));
        assert_eq!(lao_word_for("LAK"), Some("ກີບ"));
        assert_eq!(lao_word_for("workers"), None);
        // Every Lao gloss maps back to a Lao word giving the same unit.
        for (_, unit) in LAO_GLOSS.iter().chain(LAO_TIME) {
            let w = lao_word_for(unit).unwrap();
            assert!(
                LAO_GLOSS
                    .iter()
                    .chain(LAO_TIME)
                    .any(|(x, u)| *x == w && u == unit),
                "{unit} -> {w}"
            );
        }
    }
}
