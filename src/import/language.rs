//! A document's language guessed from the script most of its letters are in.

use crate::model::Language;

/// `lo`, `th`, `zh` or `en` by the majority script of the letters; `und` with no letters.
pub fn guess(text: &str) -> Language {
    let Counts {
        lao,
        thai,
        han,
        latin,
    } = count(text.as_bytes());
    // A Han character carries about as much as a short word: weigh it up so a
    // Chinese text quoting some English is still Chinese.
    let scores = [(lao, "lo"), (thai, "th"), (han * 3, "zh"), (latin, "en")];
    let best = scores.iter().max_by_key(|(n, _)| *n).expect("four scores");
    Language::new(if best.0 == 0 { "und" } else { best.1 })
}

/// Letters of each script: Lao (U+0E80–U+0EFF), Thai (U+0E00–U+0E7F), Han
/// (the CJK blocks U+3400–U+4DBF, U+4E00–U+9FFF, U+F900–U+FAFF,
/// U+20000–U+2FA1F) and Latin (ASCII letters, and the letters of
/// U+00C0–U+024F).
#[derive(Debug, Default, PartialEq, Eq)]
struct Counts {
    lao: usize,
    thai: usize,
    han: usize,
    latin: usize,
}

/// Counts the letters of UTF-8 `bytes` by their encoded bytes, every code
/// point of the text, without decoding them: each script's range is a few
/// lead and second bytes, and an ASCII stretch is counted 16 bytes at a time.
fn count(bytes: &[u8]) -> Counts {
    let mut n = Counts::default();
    let at = |i: usize| bytes.get(i).copied().unwrap_or(0);
    let ascii_letter = |b: u8| usize::from((b | 0x20).wrapping_sub(b'a') < 26);
    let mut i = 0;
    while i < bytes.len() {
        if at(i) < 0x80
            && let Some(block) = bytes.get(i..i + 16)
            && block.iter().fold(0, |m, &b| m | b) < 0x80
        {
            n.latin += block.iter().map(|&b| ascii_letter(b)).sum::<usize>();
            i += 16;
            continue;
        }
        let (b, next) = (at(i), at(i + 1));
        i += match b {
            0x00..=0x7F => {
                n.latin += ascii_letter(b);
                1
            }
            // U+00C0–U+00FF but × and ÷; U+0100–U+023F; U+0240–U+024F.
            0xC3 => {
                n.latin += usize::from(next != 0x97 && next != 0xB7);
                2
            }
            0xC4..=0xC8 => {
                n.latin += 1;
                2
            }
            0xC9 => {
                n.latin += usize::from(next <= 0x8F);
                2
            }
            0x80..=0xC2 | 0xCA..=0xDF => 2,
            // U+0E00–U+0E7F Thai, U+0E80–U+0EFF Lao.
            0xE0 => {
                match next {
                    0xB8 | 0xB9 => n.thai += 1,
                    0xBA | 0xBB => n.lao += 1,
                    _ => {}
                }
                3
            }
            // U+3400–U+3FFF.
            0xE3 => {
                n.han += usize::from(next >= 0x90);
                3
            }
            // U+4000–U+4DBF and U+4E00–U+4FFF (not U+4DC0–U+4DFF).
            0xE4 => {
                n.han += usize::from(next != 0xB7);
                3
            }
            // U+5000–U+9FFF.
            0xE5..=0xE9 => {
                n.han += 1;
                3
            }
            // U+F900–U+FAFF.
            0xEF => {
                n.han += usize::from((0xA4..=0xAB).contains(&next));
                3
            }
            0xE1 | 0xE2 | 0xEA..=0xEE => 3,
            // U+20000–U+2FA1F (F0 A0 80 80 to F0 AF A8 9F).
            0xF0 => {
                n.han += usize::from(
                    (0xA0..0xAF).contains(&next)
                        || (next == 0xAF && (at(i + 2), at(i + 3)) <= (0xA8, 0x9F)),
                );
                4
            }
            _ => 4,
        };
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The char-by-char count `count` replaced: its answers are the reference.
    fn count_by_chars(text: &str) -> Counts {
        let mut n = Counts::default();
        for c in text.chars() {
            match c as u32 {
                0x0E80..=0x0EFF => n.lao += 1,
                0x0E00..=0x0E7F => n.thai += 1,
                0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F => {
                    n.han += 1
                }
                _ if c.is_alphabetic() && (c.is_ascii() || ('\u{C0}'..='\u{24F}').contains(&c)) => {
                    n.latin += 1
                }
                _ => {}
            }
        }
        n
    }

    #[test]
    fn byte_counts_are_the_char_counts_for_every_code_point() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let s = c.to_string();
            assert_eq!(
                count(s.as_bytes()),
                count_by_chars(&s),
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn byte_counts_are_the_char_counts_in_mixed_texts() {
        let pieces = [
            "ລາວຖືກຈັດ",
            "ประเทศไทย",
            "人口贩卖",
            "1,255 workers",
            "Ça été ǅ",
            "👍🏽",
            "\r\n",
            "𠀀𯨟𯨠",
            "䷀䷿",
            "×÷",
            " ",
            "abcdefghijklmnopqrstuvwxyz",
        ];
        let mut rng = 0x2545_F491_4F6C_DD1Du64;
        for _ in 0..2000 {
            let mut text = String::new();
            for _ in 0..(rng % 40) {
                rng ^= rng << 13;
                rng ^= rng >> 7;
                rng ^= rng << 17;
                text.push_str(pieces[(rng % pieces.len() as u64) as usize]);
            }
            assert_eq!(count(text.as_bytes()), count_by_chars(&text), "{text:?}");
        }
    }

    #[test]
    fn a_long_text_is_guessed_from_all_of_it() {
        // English for the first half megabyte, then more Lao than that:
        // a guess from the start alone would say English.
        let text =
            "1,255 workers, including 493 women. ".repeat(15_000) + &"ລາວຖືກຈັດຢູ່ໃນກຸ່ມ ".repeat(40_000);
        assert_eq!(guess(&text).as_str(), "lo");
        let text = "ລາວຖືກຈັດຢູ່ໃນກຸ່ມ ".repeat(10_000) + &"Tier two. ".repeat(30_000);
        assert_eq!(guess(&text).as_str(), "en");
    }

    #[test]
    fn scripts() {
        assert_eq!(guess("ລາວຖືກຈັດຢູ່ໃນກຸ່ມ 2023 Tier 2").as_str(), "lo");
        assert_eq!(guess("ประเทศไทย ๒๕๖๗").as_str(), "th");
        assert_eq!(guess("人口贩卖 report").as_str(), "zh");
        assert_eq!(guess("1,255 workers, including 493 women").as_str(), "en");
        assert_eq!(guess("1 2 3 ...").as_str(), "und");
    }
}
