//! The content words of a sentence, folded so that two sources can be
//! compared: English by letters, stopwords dropped, stemmed ([`super::nouns::stem`]);
//! Lao through the ICU4X word segmenter (Lao has no spaces between words),
//! glossed into English where the table knows the word, so that a Lao and an
//! English sentence about one fact can share words too.

use std::sync::OnceLock;

use icu_segmenter::WordSegmenter;
use icu_segmenter::options::WordBreakInvariantOptions;

use super::nouns::{canonical, gloss, stem};
use crate::text::is_lao;

/// A content word and the byte offset where it starts.
#[cfg(test)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub at: usize,
    pub stem: String,
}

const EN_STOP: &[&str] = &[
    "a",
    "about",
    "above",
    "according",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "him",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "least",
    "less",
    "many",
    "may",
    "me",
    "more",
    "most",
    "much",
    "must",
    "my",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "out",
    "over",
    "own",
    "per",
    "said",
    "same",
    "say",
    "says",
    "she",
    "should",
    "since",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "total",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "within",
    "would",
    "year",
    "years",
    "yet",
    "you",
    "your",
    "including",
    "among",
    "around",
    "nearly",
    "almost",
    "approximately",
    "least",
    "whom",
    "whose",
    "via",
    "new",
    "number",
    "figures",
    "figure",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const LO_STOP: &[&str] = &[
    "ທີ່",
    "ແລະ",
    "ຂອງ",
    "ໃນ",
    "ໄດ້",
    "ມີ",
    "ເປັນ",
    "ກັບ",
    "ໃຫ້",
    "ຈາກ",
    "ຈະ",
    "ນີ້",
    "ນັ້ນ",
    "ກໍ",
    "ແມ່ນ",
    "ວ່າ",
    "ຢູ່",
    "ໂດຍ",
    "ຕໍ່",
    "ເຊິ່ງ",
    "ຊຶ່ງ",
    "ຫຼື",
    "ຫລື",
    "ແຕ່",
    "ເພື່ອ",
    "ການ",
    "ຄວາມ",
    "ໄປ",
    "ມາ",
    "ແລ້ວ",
    "ຍັງ",
    "ອີກ",
    "ທັງ",
    "ໝົດ",
    "ລວມ",
    "ທັງໝົດ",
    "ຈຳນວນ",
    "ຈໍານວນ",
    "ເຖິງ",
    "ຕາມ",
    "ນຳ",
    "ນໍາ",
    "ເຊັ່ນ",
    "ບໍ່",
    "ຄື",
    "ດັ່ງ",
    "ກວ່າ",
    "ປະມານ",
    "ຢ່າງ",
    "ສຸດ",
    "ນັ້ນ",
    "ເຂົາ",
    "ພວກ",
    "ລາວ",
    "ອັນ",
    "ປີ",
    "ວັນທີ",
    "ເດືອນ",
    "ໃນປີ",
    "ສ່ວນ",
    "ພາຍໃນ",
];

fn segmenter() -> &'static icu_segmenter::WordSegmenterBorrowed<'static> {
    static SEGMENTER: OnceLock<icu_segmenter::WordSegmenterBorrowed<'static>> = OnceLock::new();
    SEGMENTER.get_or_init(|| WordSegmenter::new_dictionary(WordBreakInvariantOptions::default()))
}

/// The content words of `text[start..end]`, with offsets into `text`.
#[cfg(test)]
pub fn content_words(text: &str, start: usize, end: usize) -> Vec<Word> {
    let mut out = Vec::new();
    tokens(text, start, end, &mut |at, raw, lao| {
        if let Some(stem) = fold(raw, lao) {
            out.push(Word { at, stem });
        }
    });
    out
}

/// Calls `emit(offset, word, is_lao)` for each word of `text[start..end]`
/// as written: letter runs, and Lao runs cut by the word segmenter. Numbers
/// and punctuation are no words.
pub fn tokens(text: &str, start: usize, end: usize, emit: &mut dyn FnMut(usize, &str, bool)) {
    let part = &text[start..end];
    let mut run_start: Option<usize> = None;
    let mut lao_start: Option<usize> = None;
    for (i, c) in part.char_indices() {
        if is_lao(c) && !c.is_numeric() {
            if let Some(r) = run_start.take() {
                emit(start + r, &part[r..i], false);
            }
            lao_start.get_or_insert(i);
            continue;
        }
        if let Some(l) = lao_start.take() {
            lao(part, l, i, start, emit);
        }
        if c.is_alphabetic() || (c == '\'' && run_start.is_some()) {
            run_start.get_or_insert(i);
        } else if let Some(r) = run_start.take() {
            emit(start + r, &part[r..i], false);
        }
    }
    if let Some(r) = run_start.take() {
        emit(start + r, &part[r..], false);
    }
    if let Some(l) = lao_start.take() {
        lao(part, l, part.len(), start, emit);
    }
}

/// Words that say how large a number is or what it is counted in (scale,
/// currency, percent): they belong to the figure, not to the fact, and
/// would make any two sums of Lao kip look alike. Compared after folding.
const NUMBER_WORDS: &[&str] = &[
    "hundred",
    "thousand",
    "million",
    "billion",
    "trillion",
    "lak",
    "usd",
    "thb",
    "kip",
    "dollar",
    "baht",
    "percent",
    "cent",
    "per",
    "ລ້ານ",
    "ຕື້",
    "ພັນ",
    "ແສນ",
    "ໝື່ນ",
    "ຮ້ອຍ",
    "ເປີເຊັນ",
];

/// A word as written, folded for comparison: `None` for stopwords and
/// words too short to tell anything.
pub fn fold(raw: &str, lao: bool) -> Option<String> {
    if raw.chars().count() < 2 {
        return None;
    }
    if lao {
        if LO_STOP.contains(&raw) {
            return None;
        }
        let folded = gloss(raw)
            .map(|g| canonical(g).to_string())
            .unwrap_or_else(|| raw.to_string());
        return (!NUMBER_WORDS.contains(&folded.as_str())).then_some(folded);
    }
    let lower = raw.to_lowercase();
    if EN_STOP.contains(&lower.as_str()) {
        return None;
    }
    let s = canonical(&stem(&lower)).to_string();
    (s.chars().count() >= 2 && !NUMBER_WORDS.contains(&s.as_str())).then_some(s)
}

fn lao(part: &str, from: usize, to: usize, base: usize, emit: &mut dyn FnMut(usize, &str, bool)) {
    let run = &part[from..to];
    let mut last = 0;
    for b in segmenter().segment_str(run) {
        if b > last {
            emit(base + from + last, &run[last..b], true);
        }
        last = b;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(t: &str) -> Vec<String> {
        content_words(t, 0, t.len())
            .into_iter()
            .map(|w| w.stem)
            .collect()
    }

    #[test]
    fn english_words_are_folded_and_stopwords_dropped() {
        assert_eq!(
            stems("Police recorded 96 new human trafficking cases in 2024"),
            ["police", "record", "human", "traffick", "case"]
        );
    }

    #[test]
    fn scale_and_currency_words_are_no_content() {
        assert_eq!(
            stems("65.5 million Lao kip, or roughly USD 3,100"),
            ["lao", "roughly"]
        );
        assert!(stems("65,5 ລ້ານກີບ").is_empty(), "{:?}", stems("65,5 ລ້ານກີບ"));
    }

    #[test]
    fn lao_words_come_from_the_segmenter_and_are_glossed() {
        let w = stems("ຕຳຫຼວດໄດ້ບັນທຶກຄະດີການຄ້າມະນຸດ");
        assert!(w.contains(&"police".to_string()), "{w:?}");
        assert!(w.contains(&"case".to_string()), "{w:?}");
        assert!(!w.iter().any(|s| s == "ໄດ້"), "{w:?}");
        let offsets: Vec<usize> = content_words("ab ຕຳຫຼວດ", 0, "ab ຕຳຫຼວດ".len())
            .iter()
            .map(|w| w.at)
            .collect();
        assert_eq!(offsets, [0, 3]);
    }
}
