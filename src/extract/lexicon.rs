//! Every word table of the figure finder, once, as data; a lookup that needs
//! speed is a [`WordMap`] built from its table at compile time. The readers
//! of numbers keep their own tables ([`super::english_words`],
//! [`super::lao_words`], [`super::units`], [`super::dates`]); these are the
//! words the stages after them look at.

use super::chars::WordMap;
use super::english_words::NUMBER_WORDS;

/// Words that start a negative number (`minus five`).
pub(super) const SIGN_WORDS: &[&str] = &["minus", "negative"];

/// The English words that may start a number (the trigger scan's): the
/// number words marked so in [`NUMBER_WORDS`], and [`SIGN_WORDS`].
pub(super) fn en_number_starts() -> impl Iterator<Item = &'static str> {
    NUMBER_WORDS
        .iter()
        .filter(|(_, (_, starts))| *starts)
        .map(|(w, _)| *w)
        .chain(SIGN_WORDS.iter().copied())
}

/// Labels a Roman numeral may follow (`Chapter IV`, `Phase II`).
pub(super) const ROMAN_LABELS: &[&str] = &[
    "Chapter", "Part", "Title", "Article", "Section", "Book", "Volume", "Annex", "Schedule",
    "Phase", "Tier",
];

/// Scale words after a number (`65.5 million`), any case.
pub(super) const EN_SCALE_WORDS: [(&str, u64); 17] = [
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
];

/// [`EN_SCALE_WORDS`] by word.
pub(super) static EN_SCALES: WordMap<u64, 17> = WordMap::new(EN_SCALE_WORDS);

/// Scales glued to digits, as written (`10k`, `1.2bn`). `m` is a scale
/// only after a currency (`$5m`); otherwise it is metres.
pub(super) const GLUED_SCALES: &[(&str, u64)] = &[
    ("k", 1_000),
    ("K", 1_000),
    ("M", 1_000_000),
    ("MM", 1_000_000),
    ("mn", 1_000_000),
    ("mln", 1_000_000),
    ("mil", 1_000_000),
    ("bn", 1_000_000_000),
    ("b", 1_000_000_000),
    ("B", 1_000_000_000),
    ("bln", 1_000_000_000),
    ("tn", 1_000_000_000_000),
    ("tln", 1_000_000_000_000),
];

/// Letter scales after one space, as written (`2.33 k`, `1,674,200.5 M`).
pub(super) const SPACED_SCALES: &[(&str, u64)] = &[
    ("k", 1_000),
    ("K", 1_000),
    ("M", 1_000_000),
    ("G", 1_000_000_000),
    ("B", 1_000_000_000),
];

/// Words before a number that make `from A to B` a change, not a range.
pub(super) const CHANGE_VERBS: &[&str] = &[
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

/// A word after a number kept with the counted noun (`foreign workers`).
pub(super) const KEEP: u8 = 1;
/// A word after a number that is no counted noun (`of`, `were`, …).
pub(super) const STOP: u8 = 2;
/// A [`STOP`] word looked past (`different`, `new`, `other`, …).
pub(super) const SKIP: u8 = 4;

/// The words after a number that are no counted noun, or kept with one, and
/// their class bits ([`KEEP`], [`STOP`], [`SKIP`]).
pub(super) const UNIT_WORDS: [(&str, u8); 85] = [
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
];

/// [`UNIT_WORDS`] by word.
pub(super) static UNIT_CLASS: WordMap<u8, 85> = WordMap::new(UNIT_WORDS);

/// Nouns an ordinal ranks that `a third` / `a fourth` may stand before: there
/// the phrase is an ordinal (`a third round of talks`), not a fraction
/// (`a third of the victims`, `a third were women`).
pub(super) const ORDINAL_HEADS: &[&str] = &[
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

/// Hedges and range openers that may stand between an age word and its
/// number (`aged about 30`, `ອາຍຸແຕ່ 15`).
pub(super) const EN_AGE_HEDGES: &[&str] = &[
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
/// Words for "many" that make a lone scale word after them a vague count:
/// ຫຼາຍຮ້ອຍ 'hundreds', ນັບພັນ 'thousands'.
pub(super) const LAO_VAGUE_BEFORE: &[&str] = &["ຫຼາຍ", "ຫລາຍ", "ນັບ"];
pub(super) const LAO_AGE_HEDGES: &[&str] = &[
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

/// Words after a plain number that some check of the general path looks
/// for: scale words, ratio, percent and
/// range words, currency names (their first word), time units,
/// measurements, `comment(s)` (page furniture) and `of` (a day's month).
/// See [`super::dispatch::plain_number`]; a test checks this list against the tables.
pub(super) static PLAIN_STOP: WordMap<(), 92> = WordMap::new([
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

/// Abbreviated labels written with a dot before a number (`No. 5`, `Art. 3`).
pub(super) const DOTTED_LABELS: &[&str] = &["no", "nos", "art", "para", "vol", "fig"];

/// Page abbreviations (`p. 14`, `pp. 12-15`).
pub(super) const PAGE_ABBREVIATIONS: &[&str] = &["p", "pp"];

/// Irregular plurals of a person: counted nouns without a final `s`.
pub(super) const PERSON_PLURALS: &[&str] = &["people", "men", "women", "children", "persons"];

/// Words ending in `s` that are no plural noun.
pub(super) const NOT_PLURALS: &[&str] = &[
    "this", "thus", "plus", "whereas", "unless", "always", "perhaps", "across", "has", "was",
    "its", "his", "less", "towards",
];

/// Words before `one` that make it a pronoun (`the one`, `each one`).
pub(super) const ONE_PRONOUN_BEFORE: &[&str] = &[
    "the",
    "this",
    "that",
    "which",
    "no",
    "any",
    "every",
    "each",
    "some",
    "another",
    "a",
    "such",
    "other",
    "what",
    "little",
    "last",
    "next",
    "only",
    "everyone",
    "someone",
    "anyone",
    "no-one",
    "whichever",
];

/// Words after `one` that make it a pronoun (`one should`, `one day`).
pub(super) const ONE_PRONOUN_AFTER: &[&str] = &[
    "another", "should", "must", "can", "could", "would", "might", "may", "cannot", "needs",
    "else", "way", "day", "side", "hand", "thing",
];

/// Superlatives in `one of the most …`, where `one` is a pronoun.
pub(super) const ONE_OF_THE: &[&str] = &[
    "most", "best", "few", "first", "largest", "main", "biggest", "greatest",
];

/// Lao hedges written after a number (`1.500 ກວ່າຄົນ`, more than 1,500).
pub(super) const LAO_HEDGES_AFTER: &[&str] = &["ກວ່າ", "ປາຍ"];
