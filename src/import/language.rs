//! A document's language guessed from the script most of its letters are in.

use crate::model::Language;

/// `lo`, `th`, `zh` or `en` by the majority script of the letters; `und` with no letters.
pub fn guess(text: &str) -> Language {
    let (mut lao, mut thai, mut han, mut latin) = (0usize, 0usize, 0usize, 0usize);
    for c in text.chars() {
        match c as u32 {
            0x0E80..=0x0EFF => lao += 1,
            0x0E00..=0x0E7F => thai += 1,
            0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F => han += 1,
            _ if c.is_alphabetic() && (c.is_ascii() || ('\u{C0}'..='\u{24F}').contains(&c)) => {
                latin += 1
            }
            _ => {}
        }
    }
    // A Han character carries about as much as a short word: weigh it up so a
    // Chinese text quoting some English is still Chinese.
    let scores = [(lao, "lo"), (thai, "th"), (han * 3, "zh"), (latin, "en")];
    let best = scores.iter().max_by_key(|(n, _)| *n).expect("four scores");
    Language::new(if best.0 == 0 { "und" } else { best.1 })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts() {
        assert_eq!(guess("ລາວຖືກຈັດຢູ່ໃນກຸ່ມ 2023 Tier 2").as_str(), "lo");
        assert_eq!(guess("ประเทศไทย ๒๕๖๗").as_str(), "th");
        assert_eq!(guess("人口贩卖 report").as_str(), "zh");
        assert_eq!(guess("1,255 workers, including 493 women").as_str(), "en");
        assert_eq!(guess("1 2 3 ...").as_str(), "und");
    }
}
