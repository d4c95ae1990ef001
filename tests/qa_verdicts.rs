//! The number check of one segment pair (`tualek::align::check_segment`) on
//! hand-made English ↔ Lao sentence pairs (our own writing), figures found
//! by the real extractor: correct translations that must not be flagged
//! (Lao digits, the Lao decimal comma and thousands dot, number words, scale
//! words apart or together, a year for a date), and wrong ones that must be
//! (another value, another scale word, a dropped or an added figure).

use tualek::align::{SegmentCheck, check_segment, link_segment, same_value};
use tualek::app::extract::found_figures;
use tualek::model::{Figure, SegmentVerdict, Status};

/// The extractor's figures of a source and a target sentence, with ids
/// (source from 1, target from 101).
fn figures(source: &str, target: &str) -> (Vec<Figure>, Vec<Figure>) {
    let numbered = |doc, text, first| {
        let mut fs = found_figures(doc, text);
        for (k, f) in fs.iter_mut().enumerate() {
            f.id = first + k as i64;
        }
        fs
    };
    (numbered(1, source, 1), numbered(2, target, 101))
}

fn check(source: &str, target: &str) -> SegmentCheck {
    let (s, t) = figures(source, target);
    check_segment(&s, &t)
}

/// Asserts the pair is checked `ok`, every figure matched.
fn assert_ok(source: &str, target: &str, figures_each_side: usize) {
    let c = check(source, target);
    assert_eq!(
        c.verdict(),
        SegmentVerdict::Ok,
        "{source} ↔ {target}: {c:?}"
    );
    assert_eq!(
        c.matched.len(),
        figures_each_side,
        "{source} ↔ {target}: {c:?}"
    );
}

#[test]
fn lao_digits_equal_arabic_digits() {
    assert_ok("The school has 12 teachers.", "ໂຮງຮຽນມີຄູ ໑໒ ຄົນ.", 1);
    assert_ok("The census year was 2015.", "ປີສຳຫຼວດແມ່ນປີ ໒໐໑໕.", 1);
}

#[test]
fn the_lao_decimal_comma_and_thousands_dot_read_by_value() {
    assert_ok(
        "The district has 3.6 million people.",
        "ເມືອງນີ້ມີປະຊາກອນ 3,6 ລ້ານຄົນ.",
        1,
    );
    assert_ok("We counted 1,255 pupils.", "ພວກເຮົານັບນັກຮຽນໄດ້ 1.255 ຄົນ.", 1);
}

#[test]
fn number_words_equal_digits() {
    assert_ok("We counted twelve wells.", "ພວກເຮົານັບໄດ້ນ້ຳສ້າງສິບສອງແຫ່ງ.", 1);
    assert_ok("We counted twelve wells.", "ພວກເຮົານັບໄດ້ນ້ຳສ້າງ 12 ແຫ່ງ.", 1);
    assert_ok("We counted 12 wells.", "ພວກເຮົານັບໄດ້ນ້ຳສ້າງສິບສອງແຫ່ງ.", 1);
}

#[test]
fn half_in_a_duration_equals_its_decimal() {
    assert_ok("The project took 6.5 years.", "ໂຄງການໃຊ້ເວລາ 6 ປີເຄິ່ງ.", 1);
}

/// A share: English "Half of" and a free-standing ເຄິ່ງນຶ່ງ are both percent
/// 50 (guideline v3), so the translation checks out.
#[test]
fn half_as_a_share_equals_in_both_languages() {
    assert_ok(
        "Half of the budget went to roads.",
        "ເຄິ່ງນຶ່ງຂອງງົບປະມານໄປໃສ່ທາງ.",
        1,
    );
}

/// The extractor (extract/0.3.0) reads a year followed by a noun that can
/// count things (`ໃນປີ 2001 ເມືອງ…`, "in 2001 the district…") as a count of
/// 2001 districts. The number is carried over as written, so the check
/// takes a year on one side and a quantity of the same value on the other
/// for the same figure, and the correct translation is not flagged.
#[test]
fn a_lao_year_the_extractor_reads_as_a_count_is_no_problem() {
    let source = "In 2001 the district gave 47 families a loan.";
    let c = check(source, "ໃນປີ 2001 ເມືອງໄດ້ໃຫ້ເງິນກູ້ແກ່ 47 ຄອບຄົວ.");
    assert_eq!(c.verdict(), SegmentVerdict::Ok, "{c:?}");
    let wrong = check(source, "ໃນປີ 2002 ເມືອງໄດ້ໃຫ້ເງິນກູ້ແກ່ 47 ຄອບຄົວ.");
    assert_ne!(wrong.verdict(), SegmentVerdict::Ok, "{wrong:?}");
}

#[test]
fn scale_words_written_apart_or_together() {
    assert_ok("The fund holds 65.5 million kip.", "ກອງທຶນມີ 65,5 ລ້ານກີບ.", 1);
    assert_ok("They paid 12 billion kip.", "ເຂົາເຈົ້າຈ່າຍ 12 ຕື້ກີບ.", 1);
    assert_ok("They paid 12 billion kip.", "ເຂົາເຈົ້າຈ່າຍ 12ຕື້ກີບ.", 1);
}

#[test]
fn a_year_answers_a_date_of_that_year() {
    assert_ok(
        "The survey began on 3 March 2021.",
        "ການສຳຫຼວດເລີ່ມໃນປີ 2021.",
        1,
    );
    assert_ok(
        "The survey began in 2021.",
        "ການສຳຫຼວດເລີ່ມໃນວັນທີ 3 ມີນາ 2021.",
        1,
    );
    let c = check("The survey began on 3 March 2021.", "ການສຳຫຼວດເລີ່ມໃນປີ 2020.");
    assert_eq!(c.verdict(), SegmentVerdict::Mismatch, "{c:?}");
}

#[test]
fn a_percent_sign_answers_a_lao_percent_word() {
    assert_ok("Prices rose 40% this year.", "ລາຄາເພີ່ມຂຶ້ນຮ້ອຍລະ 40 ໃນປີນີ້.", 1);
    // `40 ສ່ວນຮ້ອຍ` is read as a bare count of 40 (the extractor does not
    // take ສ່ວນຮ້ອຍ after the number as percent); a count and a percent may
    // read alike, so the value still decides.
    assert_ok("Prices rose 40% this year.", "ລາຄາເພີ່ມຂຶ້ນ 40 ສ່ວນຮ້ອຍ ໃນປີນີ້.", 1);
    let c = check("Prices rose 40% this year.", "ລາຄາເພີ່ມຂຶ້ນ 45 ສ່ວນຮ້ອຍ ໃນປີນີ້.");
    assert_eq!(c.verdict(), SegmentVerdict::Mismatch, "{c:?}");
}

#[test]
fn ranges_compare_both_ends() {
    assert_ok(
        "a sentence of 10 to 15 years in prison.",
        "ໂທດຈຳຄຸກ 10-15 ປີ.",
        1,
    );
    let c = check(
        "a sentence of 10 to 15 years in prison.",
        "ໂທດຈຳຄຸກ 10-16 ປີ.",
    );
    assert_eq!(c.verdict(), SegmentVerdict::Mismatch, "{c:?}");
    assert_eq!(c.mismatched.len(), 1);
}

#[test]
fn ordinals_count_too() {
    assert_ok(
        "It was the second year of the plan.",
        "ມັນແມ່ນປີທີ 2 ຂອງແຜນ.",
        1,
    );
    let c = check("It was the second year of the plan.", "ມັນແມ່ນປີທີ 3 ຂອງແຜນ.");
    assert_eq!(c.verdict(), SegmentVerdict::Mismatch, "{c:?}");
}

#[test]
fn swapped_digits_are_one_mismatch_not_missing_plus_extra() {
    let c = check("We counted 1,255 pupils.", "ພວກເຮົານັບນັກຮຽນໄດ້ 1,525 ຄົນ.");
    assert_eq!(c.verdict(), SegmentVerdict::Mismatch);
    assert_eq!(c.mismatched, [(1, 101)]);
    assert!(c.missing.is_empty() && c.extra.is_empty(), "{c:?}");
}

#[test]
fn million_translated_as_billion_is_a_mismatch() {
    let c = check("They paid 12 million kip.", "ເຂົາເຈົ້າຈ່າຍ 12 ຕື້ກີບ.");
    assert_eq!(c.verdict(), SegmentVerdict::Mismatch, "{c:?}");
    let c = check("They paid 12 billion kip.", "ເຂົາເຈົ້າຈ່າຍ 12 ລ້ານກີບ.");
    assert_eq!(c.verdict(), SegmentVerdict::Mismatch, "{c:?}");
}

#[test]
fn a_wrong_number_written_in_words_is_a_mismatch() {
    let c = check("We counted twelve wells.", "ພວກເຮົານັບໄດ້ນ້ຳສ້າງ 13 ແຫ່ງ.");
    assert_eq!(c.verdict(), SegmentVerdict::Mismatch, "{c:?}");
    let c = check("We counted 13 wells.", "ພວກເຮົານັບໄດ້ນ້ຳສ້າງສິບສອງແຫ່ງ.");
    assert_eq!(c.verdict(), SegmentVerdict::Mismatch, "{c:?}");
}

#[test]
fn a_dropped_figure_is_missing() {
    let c = check("The clinic treated 75 people in 2022.", "ຄລີນິກໄດ້ປິ່ນປົວ 75 ຄົນ.");
    assert_eq!(c.verdict(), SegmentVerdict::Missing, "{c:?}");
    assert_eq!((c.matched, c.missing), (vec![(1, 101)], vec![2]));
}

#[test]
fn an_added_figure_is_extra() {
    let c = check(
        "The clinic treated 75 people.",
        "ຄລີນິກໄດ້ປິ່ນປົວ 75 ຄົນ ໃນປີ 2022.",
    );
    assert_eq!(c.verdict(), SegmentVerdict::Extra, "{c:?}");
    assert_eq!((c.matched, c.extra), (vec![(1, 101)], vec![102]));
}

#[test]
fn the_gravest_finding_is_the_verdict() {
    // 1,255 became 1,525 and the year was dropped: a mismatch, and the
    // missing year is still listed.
    let c = check(
        "We counted 1,255 pupils in 2022.",
        "ພວກເຮົານັບນັກຮຽນໄດ້ 1,525 ຄົນ.",
    );
    assert_eq!(c.verdict(), SegmentVerdict::Mismatch, "{c:?}");
    assert_eq!(c.missing, [2]);
}

#[test]
fn moved_figures_pair_by_value_not_by_position() {
    // The Lao states the girls before the boys.
    let src = "The school has 40 boys and 35 girls.";
    let tgt = "ໂຮງຮຽນມີນັກຮຽນຍິງ 35 ຄົນ ແລະ ນັກຮຽນຊາຍ 40 ຄົນ.";
    assert_ok(src, tgt, 2);
    let (s, t) = figures(src, tgt);
    let mut pairs = link_segment(&s, &t);
    pairs.sort();
    assert_eq!(pairs, [(1, 102), (2, 101)]);
}

#[test]
fn rejected_and_stale_figures_take_no_part() {
    let (mut s, t) = figures("The clinic treated 75 people in 2022.", "ຄລີນິກໄດ້ປິ່ນປົວ 75 ຄົນ.");
    s[1].status = Status::Rejected;
    assert_eq!(check_segment(&s, &t).verdict(), SegmentVerdict::Ok);
    s[1].status = Status::Stale;
    assert_eq!(check_segment(&s, &t).verdict(), SegmentVerdict::Ok);
    s[0].status = Status::Rejected;
    assert_eq!(check_segment(&s, &t).verdict(), SegmentVerdict::Extra);
}

#[test]
fn same_value_needs_kinds_that_may_read_alike() {
    let (s, t) = figures(
        "In 2021 we hired 2021 workers.",
        "ໃນປີ 2021 ພວກເຮົາຈ້າງຄົນງານ 2021 ຄົນ.",
    );
    assert_eq!((s.len(), t.len()), (2, 2));
    assert!(same_value(&s[0], &t[0]) && same_value(&s[1], &t[1]));
    // The same number read as a year on one side and a count on the other
    // is one value; the pairing still prefers the figure of the same kind.
    assert!(same_value(&s[0], &t[1]));
    assert_ok(
        "In 2021 we hired 2021 workers.",
        "ໃນປີ 2021 ພວກເຮົາຈ້າງຄົນງານ 2021 ຄົນ.",
        2,
    );
}

#[test]
fn an_empty_segment_pair_is_ok() {
    assert_eq!(
        check("No figures here.", "ບໍ່ມີຕົວເລກ.").verdict(),
        SegmentVerdict::Ok
    );
}
