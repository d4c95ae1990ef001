use proptest::prelude::*;
use tualek::extract::extract;
use tualek::text::is_grapheme_boundary;

fn check(t: &str) {
    let figs = extract(t);
    let mut last = 0;
    for f in &figs {
        assert!(f.start >= last, "sorted, disjoint");
        assert!(f.start < f.end && f.end <= t.len());
        assert!(t.is_char_boundary(f.start) && t.is_char_boundary(f.end));
        assert!(is_grapheme_boundary(t, f.start) && is_grapheme_boundary(t, f.end));
        assert!(t.get(f.start..f.end).is_some());
        last = f.end;
    }
}

/// Pieces that make dense, number-heavy text in both languages.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("1,255".to_string()),
        Just("3,6".to_string()),
        Just("ລ້ານ".to_string()),
        Just("ສອງຮ້ອຍ".to_string()),
        Just("ທີ".to_string()),
        Just("ເດືອນຕຸລາ".to_string()),
        Just("\u{200b}".to_string()),
        Just("\u{0e48}".to_string()),
        Just("-".to_string()),
        Just(" to ".to_string()),
        Just("$".to_string()),
        Just("%".to_string()),
        Just("one".to_string()),
        Just("twenty-one".to_string()),
        Just("January".to_string()),
        Just("/".to_string()),
        Just("^".to_string()),
        Just("e".to_string()),
        Just("x10^".to_string()),
        Just("½".to_string()),
        Just(" and a half".to_string()),
        Just(" hundred".to_string()),
        Just(" million".to_string()),
        Just(" fifths".to_string()),
        Just(" out of ".to_string()),
        Just(" over ".to_string()),
        Just(" k".to_string()),
        Just("ยี่สิบเอ็ด".to_string()),
        Just("ร้อยละ".to_string()),
        Just("ล้าน".to_string()),
        Just("\u{0e40}".to_string()),
        Just("ແສນ".to_string()),
        Just("໒໐໒໔".to_string()),
        Just("๒๕".to_string()),
        Just(".".to_string()),
        Just(",".to_string()),
        Just(" ".to_string()),
        Just("\n".to_string()),
        Just("\u{301}".to_string()),
        "[0-9]{1,5}",
        "\\PC{0,3}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]
    #[test]
    fn arbitrary_unicode_never_panics(t in "\\PC*") {
        check(&t);
    }

    #[test]
    fn number_soup_never_panics(parts in proptest::collection::vec(piece(), 0..30)) {
        let t: String = parts.concat();
        check(&t);
        // text equals the slice: byte offsets are slices of the input
        for f in extract(&t) {
            prop_assert_eq!(&t[f.start..f.end], t.get(f.start..f.end).unwrap());
        }
    }
}

/// Inputs the fuzzer found (cargo fuzz run extract): a long digit group
/// overflowed the mantissa while reading digits.
#[test]
fn fuzz_regressions() {
    check(&format!("3/{} 1e10", "7".repeat(40)));
    check(&format!("1.1^23{}", "4".repeat(40)));
    check(&format!("0.{}", "9".repeat(40)));
    check(&"9".repeat(41));
}
