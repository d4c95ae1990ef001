mod common;

use common::figures::{dec, figs, one};
use tualek::model::Kind;

#[test]
fn lao_digits_and_dates() {
    let t = one("ວັນເສົາ, ໒໗ ກໍລະກົດ ໒໐໒໔");
    assert_eq!(
        (t.0.as_str(), t.1, t.2),
        ("໒໗ ກໍລະກົດ ໒໐໒໔", Kind::Date, Some(dec("2024")))
    );
    let t = one("ວັນທີ 26 ເດືອນຕຸລາ ນີ້");
    assert_eq!((t.0.as_str(), t.1, t.2), ("26 ເດືອນຕຸລາ", Kind::Date, None));
    let t = one("ໃນປີ ໒໐໒໓ ນີ້");
    assert_eq!((t.1, t.2), (Kind::Year, Some(dec("2023"))));
}

#[test]
fn lao_decimal_comma_and_dot_thousands() {
    let t = one("ເງິນ 3,6 ລ້ານກີບ");
    assert_eq!(
        (t.0.as_str(), t.1, t.2),
        ("3,6 ລ້ານ", Kind::Money, Some(dec("3600000")))
    );
    assert_eq!(t.4.as_deref(), Some("LAK"));
    assert_eq!(one("ມີ 1.000.000 ຄົນ").2, Some(dec("1000000")));
    assert_eq!(one("ມີ 1,255 ຄົນ").2, Some(dec("1255")));
}

#[test]
fn lao_words_and_compounds() {
    let t = one("ໃນສອງຄະດີທີ່ໄດ້");
    assert_eq!(
        (t.0.as_str(), t.2, t.4.as_deref()),
        ("ສອງ", Some(dec("2")), Some("cases"))
    );
    assert_eq!(one("ມີ ສອງຮ້ອຍຫ້າສິບ ຄົນ").2, Some(dec("250")));
    assert_eq!(one("ມີ ຊາວພັນ ຄົນ").2, Some(dec("20000")));
    assert_eq!(one("ສິບເອັດ ຄົນ").2, Some(dec("11")));
    assert_eq!(one("ຊາວເອັດ ຄົນ").2, Some(dec("21")));
    assert_eq!(one("ສາມແສນຫ້າໝື່ນ ຄົນ").2, Some(dec("350000")));
    assert_eq!(one("ສອງລ້ານເຄິ່ງ ຄົນ").2, Some(dec("2500000")));
}

#[test]
fn lao_spelling_variants_fold() {
    assert_eq!(one("ຫນຶ່ງແສນ ຄົນ").2, Some(dec("100000")));
    assert_eq!(one("ໜຶ່ງແສນ ຄົນ").2, Some(dec("100000")));
    assert_eq!(one("ສອງຫມື່ນ ຄົນ").2, Some(dec("20000")));
    assert_eq!(one("ສອງໝື່ນ ຄົນ").2, Some(dec("20000")));
}

#[test]
fn lao_traps_are_no_figures() {
    assert!(figs("ພວກເຂົາຍັງສາມາດໃຊ້ດິນແດນ").is_empty(), "ສາມາດ");
    assert!(figs("ເຂດເສດຖະກິດພິເສດ ສາມຫຼ່ຽມຄຳ ຊຶ່ງ").is_empty(), "ສາມຫຼ່ຽມຄຳ");
    assert!(figs("ເຂດ ສາມຫລ່ຽມຄໍາ").is_empty(), "ສາມຫລ່ຽມຄໍາ");
    assert!(figs("ສະຫະພັນແມ່ຍິງລາວ").is_empty(), "ສະຫະພັນ");
    assert!(figs("ກົມ ATD ສູນກາງເທົ່ານັ້ນ").is_empty(), "ສູນກາງ");
    assert!(figs("ອີກດ້ານນຶ່ງ ດັ່ງທີ່ໄດ້").is_empty(), "ອີກດ້ານນຶ່ງ");
    assert!(figs("ດ່ານກວດຄົນເຂົ້າເມືອງແຫ່ງນຶ່ງ").is_empty(), "ແຫ່ງນຶ່ງ");
    assert!(figs("ຊາວບ້ານ ແລະ ຊາວນາ").is_empty(), "ຊາວບ້ານ");
    assert!(figs("ຫ້າມ ສູບຢາ").is_empty(), "ຫ້າມ");
    assert!(figs("ອານາຈັກລ້ານຊ້າງ").is_empty(), "ລ້ານຊ້າງ");
}

#[test]
fn zero_width_space_does_not_split_a_figure() {
    let t = one("ມີ ສອງ\u{200b}ຮ້ອຍ ຄົນ");
    assert_eq!((t.0.as_str(), t.2), ("ສອງ\u{200b}ຮ້ອຍ", Some(dec("200"))));
    let t = one("ເງິນ 5\u{200b}ລ້ານ\u{200b}ກີບ");
    assert_eq!(
        (t.0.as_str(), t.1, t.2),
        ("5\u{200b}ລ້ານ", Kind::Money, Some(dec("5000000")))
    );
}

#[test]
fn ti_makes_ordinals_and_ranks() {
    let t = one("ຕິດຕາມເປັນປີທີ 5 ແລ້ວ");
    assert_eq!(
        (t.0.as_str(), t.1, t.2, t.4.as_deref()),
        ("ທີ 5", Kind::Ordinal, Some(dec("5")), Some("year"))
    );
    let t = one("ເຂົ້າໃນກຸ່ມທີ 2 ຫຼື");
    assert_eq!(
        (t.0.as_str(), t.1, t.4.as_deref()),
        ("ກຸ່ມທີ 2", Kind::Rank, Some("tier"))
    );
    assert_eq!(one("ຄັ້ງທີສອງ").1, Kind::Ordinal);
    // ທີ່ (with a tone mark) is 'that'
    assert_eq!(one("ຄົນທີ່ 5 ຄົນ").1, Kind::Count);
}

#[test]
fn lao_kinds() {
    let t = one("ໃນໄລຍະ 5 ປີຜ່ານມາ");
    assert_eq!(
        (t.0.as_str(), t.1, t.4.as_deref()),
        ("5", Kind::Duration, Some("years"))
    );
    let t = one("6 ປີເຄິ່ງ ແລ້ວ");
    assert_eq!((t.1, t.2), (Kind::Duration, Some(dec("6.5"))));
    let t = one("ເພີ່ມຂຶ້ນ 20 ເປີເຊັນ");
    assert_eq!((t.0.as_str(), t.1), ("20 ເປີເຊັນ", Kind::Percent));
    // ສ່ວນຮ້ອຍ, "parts of a hundred", is the other Lao word for percent.
    let t = one("ອັດຕາແມ່ນ 15 ສ່ວນຮ້ອຍ ຂອງແຮງງານ");
    assert_eq!(
        (t.0.as_str(), t.1, t.2),
        ("15 ສ່ວນຮ້ອຍ", Kind::Percent, Some(dec("15")))
    );
    let t = one("ຮ້ອຍລະ 15 ຂອງ");
    assert_eq!(
        (t.0.as_str(), t.1, t.2),
        ("ຮ້ອຍລະ 15", Kind::Percent, Some(dec("15")))
    );
    let t = one("ລາຄາ 100 ໂດລາ");
    assert_eq!((t.1, t.4.as_deref()), (Kind::Money, Some("USD")));
    let t = one("ມາດຕາ 215 ຂອງ");
    assert_eq!((t.0.as_str(), t.1), ("ມາດຕາ 215", Kind::Identifier));
    let t = one("ຈຳນວນ 306 ບໍລິສັດ");
    assert_eq!(t.4.as_deref(), Some("companies"));
    // a hedge after the number stays out of the span, the noun is still found
    let t = one("ມີແຮງງານ 1.500 ກວ່າຄົນ ເດີນທາງ");
    assert_eq!((t.0.as_str(), t.4.as_deref()), ("1.500", Some("people")));
    // days before a month are one date
    let t = one("ໃນວັນທີ 3-4 ພຶດສະພາ 2023 ໂດຍ");
    assert_eq!(
        (t.0.as_str(), t.1, t.2),
        ("3-4 ພຶດສະພາ 2023", Kind::Date, Some(dec("2023")))
    );
    // a scale after a space
    let t = one("ງົບປະມານ ສອງພັນ ລ້ານກີບ");
    assert_eq!(
        (t.0.as_str(), t.1, t.2, t.4.as_deref()),
        (
            "ສອງພັນ ລ້ານ",
            Kind::Money,
            Some(dec("2000000000")),
            Some("LAK")
        )
    );
    // measures are of kind other; a month and year in digits is a date
    let t = one("ໄລຍະທາງ 15 ກິໂລແມັດ");
    assert_eq!((t.1, t.4.as_deref()), (Kind::Other, Some("km")));
    let t = one("ໃນເດືອນ 6/2023 ມີ");
    assert_eq!(
        (t.0.as_str(), t.1, t.2),
        ("6/2023", Kind::Date, Some(dec("2023")))
    );
    // ages: ອາຍຸ before the number, also with a range opener or hedge between
    for text in [
        "ອາຍຸ 18 ປີ",
        "ມີອາຍຸແຕ່ 15 ຫາ 22 ປີ",
        "ອາຍຸຕ່ຳກວ່າ 18 ປີ",
        "ອາຍຸ\u{200B}ປະມານ 30 ປີ",
    ] {
        let t = one(text);
        assert_eq!((t.1, t.4.as_deref()), (Kind::Other, Some("age")), "{text}");
    }
    assert_eq!(one("ແຕ່ 15 ຫາ 22 ປີ").1, Kind::Duration);
}
