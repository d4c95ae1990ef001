mod common;

use common::figures::{dec, figs, one, texts};
use tualek::model::Kind;

#[test]
fn digits_grouping_and_decimals() {
    assert_eq!(one("1,255 workers").2, Some(dec("1255")));
    assert_eq!(one("1,255 workers").4.as_deref(), Some("workers"));
    assert_eq!(one("it was 65.5 here").2, Some(dec("65.5")));
    assert_eq!(one("pop 1.000.000 here").2, Some(dec("1000000")));
    assert_eq!(one("1,234,567.89").2, Some(dec("1234567.89")));
    assert_eq!(one("about 12,34,567 rupees").2, Some(dec("1234567")));
    assert_eq!(one(" -9.5 degrees").2, Some(dec("-9.5")));
}

#[test]
fn digits_glued_to_names_are_left_alone() {
    assert!(figs("the COVID-19 pandemic").is_empty());
    assert!(figs("the G20 summit and HTML5").is_empty());
    assert_eq!(texts("COVID-19 hit 5 provinces"), vec!["5"]);
}

#[test]
fn english_words() {
    assert_eq!(one("eight nationalities").2, Some(dec("8")));
    assert_eq!(one("twenty-one cases").2, Some(dec("21")));
    assert_eq!(one("a hundred people").0, "a hundred");
    assert_eq!(one("a hundred people").2, Some(dec("100")));
    assert_eq!(one("two thousand five hundred people").2, Some(dec("2500")));
    assert_eq!(one("one hundred and six").2, Some(dec("106")));
    // a share (guideline v3): a percent
    assert_eq!(one("one-third of them").2, Some(dec("33.333333333333")));
    assert_eq!(one("half of them").2, Some(dec("50")));
    assert_eq!(one("one-third").2, Some(dec("1") / dec("3")));
    assert_eq!(one("dozens of people").2, Some(dec("12")));
    assert_eq!(one("hundreds of people").2, Some(dec("100")));
    let t = one("tens of thousands of people");
    assert_eq!(
        (t.0.as_str(), t.2),
        ("tens of thousands", Some(dec("10000")))
    );
}

#[test]
fn mixed_scales() {
    let t = one("a fine of 65.5 million Lao kip");
    assert_eq!(t.0, "65.5 million");
    assert_eq!(
        (t.1, t.2, t.4.as_deref()),
        (Kind::Money, Some(dec("65500000")), Some("LAK"))
    );
    assert_eq!(one("10 billion").2, Some(dec("10000000000")));
}

#[test]
fn ordinals() {
    let t = one("For the second year, nothing");
    assert_eq!(
        (t.0.as_str(), t.1, t.2),
        ("second", Kind::Ordinal, Some(dec("2")))
    );
    assert_eq!(t.4.as_deref(), Some("year"));
    assert_eq!(one("the 21st century").1, Kind::Ordinal);
    assert_eq!(one("the 21st century").2, Some(dec("21")));
    assert!(figs("wait a second, please").is_empty());
}

#[test]
fn a_third_is_a_fraction_or_an_ordinal() {
    let t = one("a third round of talks is planned");
    assert_eq!(
        (t.0.as_str(), t.1, t.2, t.4.as_deref()),
        ("third", Kind::Ordinal, Some(dec("3")), Some("round"))
    );
    let t = one("a second round of talks is planned");
    assert_eq!((t.0.as_str(), t.1), ("second", Kind::Ordinal));
    let t = one("a third of the victims were children");
    assert_eq!((t.0.as_str(), t.1), ("a third", Kind::Percent));
    let t = one("and a fifth were men");
    assert_eq!((t.0.as_str(), t.1), ("a fifth", Kind::Other));
    assert_eq!(one("held on 12–14 May 2024 in").0, "12–14 May 2024");
    // `first half` names a period, `years of age` an age
    assert_eq!(texts("in the first half of 2023"), vec!["first", "2023"]);
    let t = one("are between 18 and 35 years of age");
    assert_eq!((t.1, t.4.as_deref()), (Kind::Other, Some("age")));
    // an ordinal before a number ranks what the number counts
    let f = figs("in the first six months of the year");
    assert_eq!(f[0].0, "first");
    assert_eq!(f[0].4, None);
    assert_eq!(f[1].4.as_deref(), Some("months"));
}

#[test]
fn one_as_pronoun_is_no_figure() {
    assert!(figs("The one you mentioned is invalid").is_empty());
    assert!(figs("Which one do you prefer?").is_empty());
    assert!(figs("no one came and one should not ask").is_empty());
    assert_eq!(one("revised one case with new charges").2, Some(dec("1")));
    assert_eq!(one("inside one SEZ").2, Some(dec("1")));
}

#[test]
fn ranges() {
    let t = one("penalties of five to 15 years’ imprisonment");
    assert_eq!((t.0.as_str(), t.1), ("five to 15", Kind::Duration));
    assert_eq!((t.2, t.3), (Some(dec("5")), Some(dec("15"))));
    let t = one("a fine of 10 million to 100 million Lao kip");
    assert_eq!(
        (t.0.as_str(), t.1),
        ("10 million to 100 million", Kind::Money)
    );
    assert_eq!((t.2, t.3), (Some(dec("10000000")), Some(dec("100000000"))));
    let t = one("($580 to $5,810)");
    assert_eq!(
        (t.0.as_str(), t.2, t.3),
        ("$580 to $5,810", Some(dec("580")), Some(dec("5810")))
    );
    let t = one("from 2019-2021 on");
    assert_eq!(
        (t.0.as_str(), t.1, t.3),
        ("2019-2021", Kind::Year, Some(dec("2021")))
    );
    let t = one("between 10 and 20 boats");
    assert_eq!(
        (t.0.as_str(), t.2, t.3),
        ("10 and 20", Some(dec("10")), Some(dec("20")))
    );
    // a change is two figures, not a range
    assert_eq!(figs("cases increased from 10 to 20").len(), 2);
}

#[test]
fn dates_and_years() {
    // a month and year in digits, unless a label makes it a number and year
    assert_eq!(one("arrived in 06/2023 and").1, Kind::Date);
    assert_eq!(one("under Decree No. 6/2023").0, "No. 6/2023");
    // a year before a singular in -us or -is
    assert_eq!(one("the 2020 census").1, Kind::Year);
    assert_eq!(one("since the 2008 crisis").1, Kind::Year);
    let t = one("Xinhua, January 30, 2025");
    assert_eq!(
        (t.0.as_str(), t.1, t.2),
        ("January 30, 2025", Kind::Date, Some(dec("2025")))
    );
    let t = one("VIENTIANE, Jan. 30 (Xinhua)");
    assert_eq!((t.0.as_str(), t.2), ("Jan. 30", None));
    let t = one("from January to December 2022 (compared");
    assert_eq!(
        (t.0.as_str(), t.2, t.3),
        (
            "January to December 2022",
            Some(dec("2022")),
            Some(dec("2022"))
        )
    );
    assert_eq!(one("Retrieved 2019-10-12.").1, Kind::Date);
    let t = one("In 2008, Laos");
    assert_eq!((t.0.as_str(), t.1), ("2008", Kind::Year));
    // a bare month is no figure; `may` is a verb
    assert!(figs("in July they may come").is_empty());
}

#[test]
fn money_and_percent() {
    let t = one("USD 5,810 was paid");
    assert_eq!(
        (t.0.as_str(), t.1, t.4.as_deref()),
        ("USD 5,810", Kind::Money, Some("USD"))
    );
    let t = one("rose 40 percent");
    assert_eq!(
        (t.0.as_str(), t.1, t.2),
        ("40 percent", Kind::Percent, Some(dec("40")))
    );
    assert_eq!(one("rose 40%").0, "40%");
    assert_eq!(one("100 baht").4.as_deref(), Some("THB"));
    assert_eq!(one("฿100").4.as_deref(), Some("THB"));
}

#[test]
fn labels_ages_durations() {
    let t = one("Laos remained on Tier 2.");
    assert_eq!(
        (t.0.as_str(), t.1, t.2),
        ("Tier 2", Kind::Rank, Some(dec("2")))
    );
    let t = one("Table 3. Number of victims");
    assert_eq!((t.0.as_str(), t.1), ("Table 3", Kind::Identifier));
    let t = one("as Figure 12 shows");
    assert_eq!((t.0.as_str(), t.1), ("Figure 12", Kind::Identifier));
    let t = one("Article 215 of the penal code");
    assert_eq!((t.0.as_str(), t.1), ("Article 215", Kind::Identifier));
    let t = one("obligations under UNSCR 2397.");
    assert_eq!((t.0.as_str(), t.1), ("UNSCR 2397", Kind::Identifier));
    let t = one("Chapter XVIII Penal Matters");
    assert_eq!((t.0.as_str(), t.2), ("Chapter XVIII", Some(dec("18"))));
    let t = one("under the age of 18.");
    assert_eq!((t.1, t.4.as_deref()), (Kind::Other, Some("age")));
    // an age word with a hedge or range opener before the number
    for (text, want) in [
        ("victims aged between 15 and 22 were found", "15 and 22"),
        ("men aged about 30", "30"),
        ("women aged over 60", "60"),
        ("girls as young as 12", "12"),
    ] {
        let t = one(text);
        assert_eq!(
            (t.0.as_str(), t.1, t.4.as_deref()),
            (want, Kind::Other, Some("age")),
            "{text}"
        );
    }
    assert_eq!(one("men numbering about 30").1, Kind::Count);
    // a number coordinated with a duration shares its unit
    let f = figs("two others got 20 and 18 years respectively");
    assert_eq!(
        (f[1].0.as_str(), f[1].1, f[1].4.as_deref()),
        ("20", Kind::Duration, Some("years"))
    );
    assert_eq!(f[2].1, Kind::Duration);
    assert_eq!(figs("20 and 18 people")[0].1, Kind::Count);
    // temperatures
    let t = one("the temperature reached 38°C today");
    assert_eq!(
        (t.0.as_str(), t.1, t.4.as_deref()),
        ("38", Kind::Other, Some("°C"))
    );
    let t = one("sentences lasting three years or more");
    assert_eq!((t.1, t.4.as_deref()), (Kind::Duration, Some("years")));
}

#[test]
fn furniture_is_excluded() {
    assert!(figs("Laos ratified it.[1]\n").is_empty());
    assert!(figs("0 Comment(s)Print").is_empty());
    assert!(figs("text\n1642\nmore").is_empty());
    assert!(figs("  1. ^ United Nations").is_empty());
    // footnote markers glued to punctuation, page references
    assert_eq!(texts("were trafficked annually.2 In 2020"), vec!["2020"]);
    assert_eq!(texts("the agency (ILO)12 said 40 people"), vec!["40"]);
    assert!(figs("Ministry of Security (2024), p. 14.").len() == 1);
    assert!(figs("see pp. 12-15.").is_empty());
    assert_eq!(texts("under No.2 and Art.5"), vec!["No.2", "Art.5"]);
    assert_eq!(texts("a rise of 0.2 points"), vec!["0.2"]);
}

#[test]
fn word_fractions() {
    assert_eq!(one("twenty and three fifths").2, Some(dec("20.6")));
    assert_eq!(one("one and a fourth").2, Some(dec("1.25")));
    assert_eq!(one("it is three and one fourth").2, Some(dec("3.25")));
    assert_eq!(one("one hundred and three quarters").2, Some(dec("100.75")));
    assert_eq!(
        one("two hundred and fifty-four hundredths").2,
        Some(dec("200.54"))
    );
    assert_eq!(one("one twenty-fifth").2, Some(dec("0.04")));
    assert_eq!(one("twenty twenty fifths").2, Some(dec("0.8")));
    assert_eq!(one("a trillionth").2, Some(dec("0.000000000001")));
    assert_eq!(one("a hundred trillionths").2, Some(dec("0.0000000001")));
    let (t, k, v, ..) = one("two thirds of a million");
    assert_eq!((t.as_str(), k), ("two thirds of a million", Kind::Count));
    assert_eq!(v.map(|v| v.round_dp(2)), Some(dec("666666.67")));
    // the whole number before a plural ordinal is the numerator
    assert_eq!(
        one("one million two thousand two hundred three fifths").2,
        Some(dec("200440.6"))
    );
}

#[test]
fn and_a_half_with_scales() {
    assert_eq!(one("five and a half million fish").2, Some(dec("5500000")));
    assert_eq!(one("one million and a half").2, Some(dec("1500000")));
    assert_eq!(one("3 million and a half").2, Some(dec("3500000")));
    assert_eq!(
        one("five billion and three quarters").2,
        Some(dec("5750000000"))
    );
    assert_eq!(
        one("one billion and a half million").2,
        Some(dec("1000500000"))
    );
    assert_eq!(one("three hundred and two dozens").2, Some(dec("324")));
    assert_eq!(
        one("the total is three lakh crore").2,
        Some(dec("3000000000000"))
    );
}

#[test]
fn scale_ordinals() {
    let (t, k, v, ..) = one("the two hundredth visitor");
    assert_eq!(
        (t.as_str(), k, v),
        ("two hundredth", Kind::Ordinal, Some(dec("200")))
    );
    assert_eq!(one("one hundredth of a second").2, Some(dec("0.01")));
    assert_eq!(one("one hundred twenty-fifth anniversary").1, Kind::Ordinal);
    assert_eq!(
        one("one hundred twenty-fifth anniversary").2,
        Some(dec("125"))
    );
}

#[test]
fn digit_phrases_with_scale_words() {
    assert_eq!(one("3 hundred and 21 yuan").2, Some(dec("321")));
    assert_eq!(one("4 thousand 3 hundred and 21").2, Some(dec("4321")));
    assert_eq!(texts("3 hundred and 2 hundred"), ["3 hundred", "2 hundred"]);
    assert_eq!(
        texts("4 thousand 3 hundred and 0"),
        ["4 thousand 3 hundred", "0"]
    );
    assert_eq!(one("2 thousand and two hundred").2, Some(dec("2200")));
}

#[test]
fn digit_fractions_and_exponents() {
    let (t, k, v, ..) = one("add 3/4 cup");
    assert_eq!((t.as_str(), k, v), ("3/4", Kind::Other, Some(dec("0.75"))));
    assert_eq!(one(" -4/5").2, Some(dec("-0.8")));
    assert_eq!(one("2  1/4 miles").2, Some(dec("2.25")));
    assert_eq!(one("about 2½ years").2, Some(dec("2.5")));
    assert_eq!(one("it is ⅔").2.map(|v| v.round_dp(4)), Some(dec("0.6667")));
    // dates, paths and years are no fractions
    assert_eq!(one("on 5/17/2018").1, Kind::Date);
    // a labelled number and its year are one identifier
    assert_eq!(texts("Decree 15/2019"), ["Decree 15/2019"]);
    // `24/7` says "always" (guideline v3: no figure)
    assert!(texts("24/7").is_empty());
    assert_eq!(one("1e10").2, Some(dec("10000000000")));
    assert_eq!(one("12.32e+14").2, Some(dec("1232000000000000")));
    assert_eq!(one(" -12e-1").2, Some(dec("-1.2")));
    assert_eq!(one("1.3x10^6").2, Some(dec("1300000")));
    assert_eq!(one("6.23x10^-4").2, Some(dec("0.000623")));
    assert_eq!(one("2.5^-1").2, Some(dec("0.4")));
    assert_eq!(one("1.1^2").2, Some(dec("1.21")));
    assert!(texts("hash 3e4f1").is_empty());
}

#[test]
fn spaced_letter_scales_and_lists() {
    assert_eq!(one("cost 2.33 k").2, Some(dec("2330")));
    assert_eq!(one("1,674,200.5 M").2, Some(dec("1674200500000")));
    // a plain number keeps its letter out: `5 K` is more often a unit
    assert_eq!(one("a 5 K run").0, "5");
    assert_eq!(
        texts("Exercises nrs. 22,24,26,31."),
        ["22", "24", "26", "31"]
    );
    assert_eq!(one("The result is 12,34,567.89").2, Some(dec("1234567.89")));
    assert_eq!(one("range 5k-20k").3, Some(dec("20000")));
    assert_eq!(one("five dozs").2, Some(dec("60")));
    assert_eq!(one(" 3 dzs").2, Some(dec("36")));
}

#[test]
fn ratios() {
    // a ratio states a share: a percent (guideline v3)
    let (t, k, v, ..) = one("one out of three children");
    assert_eq!(t, "one out of three");
    assert_eq!(k, Kind::Percent);
    assert_eq!(v.map(|v| v.round_dp(4)), Some(dec("33.3333")));
    assert_eq!(one("1 in twenty-one").0, "1 in twenty-one");
    assert_eq!(one("one over 20").2, Some(dec("0.05")));
    assert_eq!(one("negative one over 20").2, Some(dec("-0.05")));
    // no ratio: a year, a time, a part larger than the whole
    assert_eq!(texts("25 in 2021"), ["25", "2021"]);
    assert_eq!(texts("2000 over 3 years"), ["2000", "3"]);
    assert_eq!(texts("12 out of 10"), ["12", "10"]);
}

#[test]
fn the_counted_noun_is_the_head_of_its_phrase() {
    // a number above one counts a plural: a singular word first is a modifier
    assert_eq!(
        one("96 human trafficking cases").4.as_deref(),
        Some("cases")
    );
    assert_eq!(one("40 factory workers were").4.as_deref(), Some("workers"));
    assert_eq!(
        one("6 foreign nationals").4.as_deref(),
        Some("foreign nationals")
    );
    // the first plural is the head; what follows a stop word is not looked at
    assert_eq!(one("8 tonnes of rice bags").4.as_deref(), Some("tonnes"));
    assert_eq!(
        one("12 boats for fishing villages").4.as_deref(),
        Some("boats")
    );
    // a proper adjective before a plural noun is kept with it
    assert_eq!(
        one("arrested three Chinese nationals").4.as_deref(),
        Some("Chinese nationals")
    );
    assert_eq!(
        one("about 1,200 Lao workers").4.as_deref(),
        Some("Lao workers")
    );
    assert_eq!(one("about 1,200 Lao kip").1, Kind::Money);
    assert_eq!(one("12 The workers").4, None);
    assert_eq!(one("12 Chinese").4, None);
    // one counts a singular: the verb after it is no head
    assert_eq!(one("1 victim remains missing").4.as_deref(), Some("victim"));
}
