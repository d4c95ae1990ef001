//! Guideline v3 (`../shared/GUIDELINE.md`, "Added in v3") and the readings
//! noticed on documents the extractor had not seen: a test per rule, in
//! English and in Lao, in sentences of our own.

mod common;

use common::figures::figs;

/// Each figure of `t` as `text|kind|value|value_max|unit` (empty for none).
fn read(t: &str) -> Vec<String> {
    let show = |d: Option<tualek::model::Decimal>| d.map(|d| d.to_string()).unwrap_or_default();
    figs(t)
        .into_iter()
        .map(|(text, kind, v, max, unit)| {
            format!(
                "{text}|{}|{}|{}|{}",
                kind.as_str(),
                show(v),
                show(max),
                unit.unwrap_or_default()
            )
        })
        .collect()
}

#[test]
fn compound_durations_are_one_figure_in_the_largest_unit() {
    assert_eq!(
        read("He was jailed for three years and nine months."),
        ["three years and nine months|duration|3.75||years"]
    );
    assert_eq!(
        read("ລາວຖືກຈຳຄຸກ 4 ປີ 6 ເດືອນ."),
        ["4 ປີ 6 ເດືອນ|duration|4.5||years"]
    );
    assert_eq!(read("ລາວຖືກຈຳຄຸກ 6 ປີເຄິ່ງ."), ["6 ປີເຄິ່ງ|duration|6.5||years"]);
    assert_eq!(
        read("She served six and a half years."),
        ["six and a half|duration|6.5||years"]
    );
    // 1 year 5 months is no finite decimal of years: months
    assert_eq!(
        read("a term of one year and five months"),
        ["one year and five months|duration|17||months"]
    );
    assert_eq!(
        read("ຈຳຄຸກ 2 ປີ, 3 ເດືອນ"),
        ["2 ປີ, 3 ເດືອນ|duration|2.25||years"]
    );
}

#[test]
fn a_range_of_compound_durations_has_both_ends_in_one_unit() {
    assert_eq!(
        read("Terms ran from two years to ten years and six months."),
        ["two years to ten years and six months|duration|2|10.5|years"]
    );
    assert_eq!(
        read("Terms ran from one year and five months to three years."),
        ["one year and five months to three years|duration|17|36|months"]
    );
    assert_eq!(
        read("ຖືກຈຳຄຸກແຕ່ 2 ປີ ຫາ 5 ປີ 6 ເດືອນ."),
        ["2 ປີ ຫາ 5 ປີ 6 ເດືອນ|duration|2|5.5|years"]
    );
    assert_eq!(
        read("ຈຳຄຸກ 1 ປີ 5 ເດືອນ ເຖິງ 3 ປີ."),
        ["1 ປີ 5 ເດືອນ ເຖິງ 3 ປີ|duration|17|36|months"]
    );
    // two durations that are no range stay two
    assert_eq!(
        read("3 years, then 2 months"),
        ["3|duration|3||years", "2|duration|2||months"]
    );
}

#[test]
fn measurements_and_ages_are_other_with_their_unit() {
    assert_eq!(
        read("A magnitude 6.2 earthquake struck 240 km away."),
        ["6.2|other|6.2||magnitude", "240|other|240||km"]
    );
    assert_eq!(read("a 5.9-magnitude quake"), ["5.9|other|5.9||magnitude"]);
    assert_eq!(read("ໄລຍະທາງ 15 ກິໂລແມັດ."), ["15|other|15||km"]);
    assert_eq!(
        read("The victim, aged 22, was recruited."),
        ["22|other|22||age"]
    );
    assert_eq!(read("ຜູ້ຖືກເຄາະຮ້າຍ ອາຍຸ 18 ປີ."), ["18|other|18||age"]);
}

#[test]
fn money_with_the_currency_after_the_scale() {
    assert_eq!(read("ມູນຄ່າ 12 ຕື້ໂດລາ"), ["12 ຕື້|money|12000000000||USD"]);
    assert_eq!(read("ມູນຄ່າ 12 ຕື້ ໂດລາ"), ["12 ຕື້|money|12000000000||USD"]);
    assert_eq!(read("ໄດ້ 3 ລ້ານບາດ"), ["3 ລ້ານ|money|3000000||THB"]);
    assert_eq!(
        read("The fund lost 8 million dollars."),
        ["8 million|money|8000000||USD"]
    );
}

#[test]
fn a_share_is_a_percent() {
    assert_eq!(
        read("Half of the victims were women."),
        ["Half|percent|50||"]
    );
    assert_eq!(read("ເຄິ່ງນຶ່ງຂອງຜູ້ຖືກເຄາະຮ້າຍ ແມ່ນແມ່ຍິງ."), ["ເຄິ່ງນຶ່ງ|percent|50||"]);
    assert_eq!(read("ອີກເຄິ່ງໜຶ່ງ"), ["ເຄິ່ງໜຶ່ງ|percent|50||"]);
    assert_eq!(
        read("a third of the cases"),
        ["a third|percent|33.333333333333||"]
    );
    assert_eq!(
        read("three quarters of them"),
        ["three quarters|percent|75||"]
    );
    // a fraction that is no share stays a fraction
    assert_eq!(read("the rate fell by a half"), ["a half|other|0.5||"]);
    // half inside a duration is half of its unit
    assert_eq!(
        read("six and a half years"),
        ["six and a half|duration|6.5||years"]
    );
}

#[test]
fn ratios_are_the_share_they_state() {
    assert_eq!(
        read("One in every four workers is paid late."),
        ["One in every four|percent|25||workers"]
    );
    assert_eq!(
        read("one of every five cases"),
        ["one of every five|percent|20||cases"]
    );
    assert_eq!(
        read("one out of three"),
        ["one out of three|percent|33.333333333333||"]
    );
    assert_eq!(
        read("3 out of 10 workers"),
        ["3 out of 10|percent|30||workers"]
    );
}

#[test]
fn percent_written_before_its_number() {
    assert_eq!(read("percent of 10"), ["percent of 10|percent|10||"]);
    assert_eq!(
        read("per cent of twenty-two"),
        ["per cent of twenty-two|percent|22||"]
    );
    // a number after the percent word: `5 percent of 10` is 5 %, then 10
    assert_eq!(
        read("5 percent of 10"),
        ["5 percent|percent|5||", "10|count|10||"]
    );
    // a number that counts something is a count
    assert_eq!(
        read("a large percent of 10,000 workers"),
        ["10,000|count|10000||workers"]
    );
}

#[test]
fn vague_scales() {
    assert_eq!(
        read(
            "hundreds of workers, thousands of migrants, tens of thousands of people, dozens of cases"
        ),
        [
            "hundreds|count|100||",
            "thousands|count|1000||",
            "tens of thousands|count|10000||",
            "dozens|count|12||"
        ]
    );
    assert_eq!(read("ຫຼາຍສິບພັນຄົນ"), ["ສິບພັນ|count|10000||people"]);
    assert_eq!(read("ແຮງງານຫຼາຍຮ້ອຍຄົນ"), ["ຮ້ອຍ|count|100||people"]);
    assert_eq!(read("ຫລາຍພັນຄົນ"), ["ພັນ|count|1000||people"]);
    assert_eq!(read("ນັບພັນຄົນ"), ["ພັນ|count|1000||people"]);
    // a scale word alone, or inside another word, is no figure
    assert_eq!(read("ຮ້ອຍ ຄົນ ແລະ ສະຫະພັນ"), Vec::<String>::new());
    assert_eq!(read("ຫຼາຍ 100 ຄົນ"), ["100|count|100||people"]);
    assert_eq!(read("ນັບສິບຄົນ"), ["ສິບ|count|10||people"]);
}

#[test]
fn lao_both_and_indefinite_one_are_no_figures() {
    assert_eq!(read("ທັງສອງປະເທດ ໄດ້ຕົກລົງ."), Vec::<String>::new());
    assert_eq!(read("ທັງ\u{200b}ສອງ ຝ່າຍ"), Vec::<String>::new());
    assert_eq!(read("ມີຜູ້ນຶ່ງ ແລະ ຄົນນຶ່ງ ມາຈາກບ້ານແຫ່ງນຶ່ງ."), Vec::<String>::new());
    // two, said as a count, stays
    assert_eq!(read("ສອງປະເທດ ໄດ້ຕົກລົງ."), ["ສອງ|count|2||countries"]);
}

#[test]
fn round_the_clock_is_no_figure() {
    assert_eq!(read("The shelter is open 24/7."), Vec::<String>::new());
    assert_eq!(read("ສູນເປີດ 24/7 ບໍລິການ"), Vec::<String>::new());
    // a date stays a date
    assert_eq!(read("on 24/7/2023"), ["24/7/2023|date|2023||"]);
}

#[test]
fn phone_numbers_are_identifiers() {
    assert_eq!(read("Call 1300 for help."), ["1300|identifier|1300||phone"]);
    assert_eq!(
        read("the hotline: 1800-1234"),
        ["1800-1234|identifier|18001234||phone"]
    );
    assert_eq!(
        read("ກະລຸນາໂທຫາສາຍດ່ວນ 1300."),
        ["1300|identifier|1300||phone"]
    );
    // a number the hotline counts is no phone number
    assert_eq!(
        read("the hotline received 1300 calls"),
        ["1300|count|1300||calls"]
    );
    // a sentence that ends in `call`: the number after it is no phone number
    let after_a_call = read("They took the call. 1300 came later.");
    assert!(
        after_a_call.iter().all(|f| !f.contains("identifier")),
        "{after_a_call:?}"
    );
}

#[test]
fn the_unit_of_a_count_past_an_age_or_a_relative_pronoun() {
    assert_eq!(
        read("Police arrested two 20-year-old men."),
        ["two|count|2||men", "20|other|20||age"]
    );
    assert_eq!(
        read("119 suspects, 29 of whom were women"),
        ["119|count|119||suspects", "29|count|29||women"]
    );
    assert_eq!(
        read("one of whom was an adult man"),
        ["one|count|1||adult man"]
    );
    assert_eq!(read("12 of them were children"), ["12|count|12||children"]);
    assert_eq!(
        read("ຜູ້ຖືກເຄາະຮ້າຍ 2 ຄົນ ອາຍຸ 20 ປີ"),
        ["2|count|2||people", "20|other|20||age"]
    );
}

#[test]
fn dates_without_a_year_have_no_value() {
    assert_eq!(read("published on 5 March"), ["5 March|date|||"]);
    assert_eq!(read("ວັນທີ 26 ເດືອນຕຸລາ"), ["26 ເດືອນຕຸລາ|date|||"]);
}
