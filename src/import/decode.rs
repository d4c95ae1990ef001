//! Bytes to text: UTF-8 (with or without BOM) and UTF-16 with a BOM, nothing guessed.

/// Why a file's bytes are not a text Tualek will store.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("the file is empty")]
    Empty,
    #[error("binary data (a NUL byte at byte {0})")]
    Binary(usize),
    #[error("not valid UTF-8 (at byte {0}); save it as UTF-8 or UTF-16 with a BOM")]
    InvalidUtf8(usize),
    #[error("not valid UTF-16 ({0})")]
    InvalidUtf16(String),
}

/// Decodes a whole file. A BOM decides UTF-8 or UTF-16 (and is dropped);
/// without one the bytes must be UTF-8. The result has no NUL and is not blank.
pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    let text = if let Some(rest) = bytes.strip_prefix(UTF8_BOM) {
        utf8(rest)?
    } else if let Some(rest) = bytes.strip_prefix(UTF16_LE_BOM) {
        utf16(rest, u16::from_le_bytes)?
    } else if let Some(rest) = bytes.strip_prefix(UTF16_BE_BOM) {
        utf16(rest, u16::from_be_bytes)?
    } else {
        return decode_owned(bytes.to_vec());
    };
    if let Some(at) = text.find('\0') {
        return Err(DecodeError::Binary(at));
    }
    not_blank(text)
}

/// [`decode`] of bytes the caller no longer needs: a UTF-8 file without a
/// BOM becomes its text without a copy. The same text and the same refusals.
pub fn decode_owned(bytes: Vec<u8>) -> Result<String, DecodeError> {
    if has_bom(&bytes) {
        return decode(&bytes);
    }
    check_utf8_text(&bytes)?;
    // SAFETY: `check_utf8_text` has just checked that `bytes` are UTF-8.
    Ok(unsafe { String::from_utf8_unchecked(bytes) })
}

/// Whether `bytes` start with a UTF-8 or UTF-16 byte-order mark.
pub(super) fn has_bom(bytes: &[u8]) -> bool {
    [UTF8_BOM, UTF16_LE_BOM, UTF16_BE_BOM]
        .iter()
        .any(|bom| bytes.starts_with(bom))
}

/// Checks that `bytes` (without a byte-order mark) are a text [`decode`]
/// keeps: no NUL, valid UTF-8, not blank.
pub(super) fn check_utf8_text(bytes: &[u8]) -> Result<(), DecodeError> {
    if let Some(at) = memchr_nul(bytes) {
        return Err(DecodeError::Binary(at));
    }
    // No NUL in the bytes, so none in the text: only blankness is left to check.
    let text = match simdutf8::basic::from_utf8(bytes) {
        Ok(text) => text,
        // Not UTF-8: std's check says where it stops.
        Err(_) => {
            let e = std::str::from_utf8(bytes).err();
            return Err(DecodeError::InvalidUtf8(e.map_or(0, |e| e.valid_up_to())));
        }
    };
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok(())
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";
const UTF16_LE_BOM: &[u8] = b"\xFF\xFE";
const UTF16_BE_BOM: &[u8] = b"\xFE\xFF";

fn not_blank(text: String) -> Result<String, DecodeError> {
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok(text)
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    // The least byte of each block, which the compiler computes many bytes at
    // a time; the position is only looked for in a block that holds a NUL.
    let mut at = 0;
    for block in bytes.chunks(4096) {
        if block.iter().fold(u8::MAX, |m, &b| m.min(b)) == 0 {
            return block.iter().position(|&b| b == 0).map(|i| at + i);
        }
        at += block.len();
    }
    None
}

fn utf8(bytes: &[u8]) -> Result<String, DecodeError> {
    std::str::from_utf8(bytes)
        .map(str::to_owned)
        .map_err(|e| DecodeError::InvalidUtf8(e.valid_up_to()))
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, DecodeError> {
    if !bytes.len().is_multiple_of(2) {
        return Err(DecodeError::InvalidUtf16("an odd number of bytes".into()));
    }
    let units: Vec<u16> = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]])).collect();
    String::from_utf16(&units)
        .map_err(|_| DecodeError::InvalidUtf16("an unpaired surrogate".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(s: &str) -> Vec<u8> {
        let mut v = vec![0xFF, 0xFE];
        v.extend(s.encode_utf16().flat_map(|u| u.to_le_bytes()));
        v
    }

    #[test]
    fn encodings() {
        let lao = "ເງິນ 1,250 ລ້ານກີບ\r\n";
        assert_eq!(decode(lao.as_bytes()).unwrap(), lao);
        assert_eq!(
            decode(&[b"\xEF\xBB\xBF", lao.as_bytes()].concat()).unwrap(),
            lao
        );
        assert_eq!(decode(&utf16le(lao)).unwrap(), lao);
        let mut be = vec![0xFE, 0xFF];
        be.extend(lao.encode_utf16().flat_map(|u| u.to_be_bytes()));
        assert_eq!(decode(&be).unwrap(), lao);
    }

    #[test]
    fn decode_owned_gives_what_decode_gives() {
        let lao = "ເງິນ 1,250 ລ້ານກີບ\r\n";
        let cases: Vec<Vec<u8>> = vec![
            lao.as_bytes().to_vec(),
            [b"\xEF\xBB\xBF", lao.as_bytes()].concat(),
            utf16le(lao),
            b"".to_vec(),
            b" \n\t".to_vec(),
            b"\xEF\xBB\xBF".to_vec(),
            b"ab\0cd".to_vec(),
            b"caf\xE9 au\0 lait".to_vec(),
            b"caf\xE9 au lait".to_vec(),
            b"\xFF\xFEa".to_vec(),
            b"\xFF\xFE\x00\x00a\x00\x00\x00".to_vec(),
            b"\xEF\xBB\xBFa\0b".to_vec(),
        ];
        for bytes in cases {
            assert_eq!(decode_owned(bytes.clone()), decode(&bytes), "{bytes:?}");
        }
    }

    #[test]
    fn refusals() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b" \n\t"), Err(DecodeError::Empty));
        assert_eq!(decode(b"\xEF\xBB\xBF"), Err(DecodeError::Empty));
        assert_eq!(decode(b"ab\0cd"), Err(DecodeError::Binary(2)));
        assert_eq!(decode(b"caf\xE9 au lait"), Err(DecodeError::InvalidUtf8(3)));
        assert!(matches!(
            decode(b"\xFF\xFEa"),
            Err(DecodeError::InvalidUtf16(_))
        ));
        assert!(matches!(
            decode(b"\xFF\xFE\x00\xD8"),
            Err(DecodeError::InvalidUtf16(_))
        ));
        // UTF-32 LE looks like UTF-16 LE full of NULs: refused as binary.
        assert!(matches!(
            decode(b"\xFF\xFE\x00\x00a\x00\x00\x00"),
            Err(DecodeError::Binary(_))
        ));
    }
}
