//! The sentence splitter and the sentence aligner of `tualek::align` on our
//! own English and Lao samples: sentence ends (and the stops that are not),
//! a translation with a dropped sentence and two sentences merged into one,
//! figures linked inside the sentence pairs, and a generated pair of 10 000
//! sentences aligned with a band (no timing asserted: see the benches).

use tualek::align::sentences::{align, split};
use tualek::align::{link_in_segments, link_translation};
use tualek::app::extract::found_figures;
use tualek::model::{Figure, Span};

fn pieces(text: &str) -> Vec<String> {
    split(text).iter().map(|s| slice(text, *s)).collect()
}

fn slice(text: &str, s: Span) -> String {
    text.chars().skip(s.start).take(s.len()).collect()
}

fn numbered(doc: i64, text: &str, first: i64) -> Vec<Figure> {
    let mut fs = found_figures(doc, text);
    for (k, f) in fs.iter_mut().enumerate() {
        f.id = first + k as i64;
    }
    fs
}

#[test]
fn english_sentences_end_at_stops_not_inside_numbers_or_abbreviations() {
    let text = "Mr. Somphone counted 1,255 pupils in No. 5 school. The U.S. grant was 3.6 million dollars!\n\
                Did it reach the villages? Most did, e.g. Ban Na.  \n\n\"It helped.\" The end";
    assert_eq!(
        pieces(text),
        [
            "Mr. Somphone counted 1,255 pupils in No. 5 school.",
            "The U.S. grant was 3.6 million dollars!",
            "Did it reach the villages?",
            "Most did, e.g. Ban Na.",
            "\"It helped.\"",
            "The end",
        ]
    );
}

#[test]
fn a_stop_before_a_lower_case_word_does_not_end_a_sentence() {
    assert_eq!(
        pieces("It cost approx. five dollars. Then it rose."),
        ["It cost approx. five dollars.", "Then it rose."]
    );
    assert_eq!(
        pieces("See fig. two here. Done."),
        ["See fig. two here.", "Done."]
    );
}

#[test]
fn lao_sentences_end_at_stops_and_line_ends() {
    let text = "ປີນີ້ຝົນຕົກຫຼາຍ. ນ້ຳຖ້ວມບໍ? ຖ້ວມແທ້!\nຊາວບ້ານຍ້າຍອອກ";
    assert_eq!(
        pieces(text),
        ["ປີນີ້ຝົນຕົກຫຼາຍ.", "ນ້ຳຖ້ວມບໍ?", "ຖ້ວມແທ້!", "ຊາວບ້ານຍ້າຍອອກ"]
    );
}

#[test]
fn long_lao_runs_break_at_phrase_spaces_and_after_the_repetition_mark() {
    // Three clauses of about 50 code points, separated by spaces only; the
    // second ends with ໆ. A space before a digit never breaks.
    let first = "ຊາວບ້ານໃນເມືອງນີ້ໄດ້ຮ່ວມກັນສ້າງໂຮງຮຽນໃໝ່ຫຼັງນຶ່ງໃນປີ 2019";
    let second = "ພວກເຂົາໄດ້ເອົາໄມ້ ແລະ ດິນຈາກປ່າໃກ້ໆ";
    let third = "ເດັກນ້ອຍຫຼາຍຄົນໄດ້ເຂົ້າຮຽນເປັນຄັ້ງທຳອິດໃນຊີວິດຂອງເຂົາເຈົ້າ";
    let text = format!("{first} {second} {third} ແລະ ພໍ່ແມ່ກໍດີໃຈ");
    let got = pieces(&text);
    assert_eq!(
        got,
        [format!("{first} {second}"), format!("{third} ແລະ ພໍ່ແມ່ກໍດີໃຈ")]
    );
    // Short Lao phrases stay together.
    assert_eq!(pieces("ລາວ ແລະ ໄທ ເປັນເພື່ອນບ້ານ"), ["ລາວ ແລະ ໄທ ເປັນເພື່ອນບ້ານ"]);
    // The first break lands right after ໆ once the sentence is long enough.
    let long = format!("{first}{second} {third}");
    assert_eq!(
        pieces(&long),
        [format!("{first}{second}"), third.to_string()]
    );
}

#[test]
fn spans_are_code_points_and_blank_lines_are_left_out() {
    let text = "ສະບາຍດີ.\n\n   Hello there.  ";
    let spans = split(text);
    assert_eq!(spans, [Span::new(0, 8), Span::new(13, 25)]);
    assert!(split("").is_empty() && split(" \n\n ").is_empty());
}

const ENGLISH: &str = "The district opened 14 new schools in 2019. Each school has about 250 pupils. \
The roads to the northern villages were repaired after the heavy floods of the last rainy season. \
Teachers received training for 3 weeks. The budget was 4.5 billion kip. \
Another 820 million kip came from donors. Parents welcomed the plan.";

const LAO: &str = "ເມືອງໄດ້ເປີດໂຮງຮຽນໃໝ່ 14 ແຫ່ງ ໃນປີ 2019. ແຕ່ລະໂຮງຮຽນມີນັກຮຽນປະມານ 250 ຄົນ. \
ຄູໄດ້ຮັບການຝຶກອົບຮົມ 3 ອາທິດ. ງົບປະມານແມ່ນ 4,5 ຕື້ກີບ ແລະ ອີກ 820 ລ້ານກີບ ມາຈາກຜູ້ໃຫ້ທຶນ. \
ພໍ່ແມ່ຍິນດີກັບແຜນນີ້.";

#[test]
fn a_dropped_sentence_and_a_merge_are_aligned() {
    let (en, lo) = (split(ENGLISH), split(LAO));
    assert_eq!((en.len(), lo.len()), (7, 5));
    let a = numbered(1, ENGLISH, 1);
    let b = numbered(2, LAO, 101);
    let beads = align(ENGLISH, &a, LAO, &b);
    let empty_lao = |i: usize| Span::new(lo[i - 1].end, lo[i - 1].end);
    let expected = vec![
        (en[0], lo[0]),
        (en[1], lo[1]),
        (en[2], empty_lao(2)), // the roads: not in the Lao
        (en[3], lo[2]),
        (Span::new(en[4].start, en[5].end), lo[3]), // two sentences, one in Lao
        (en[6], lo[4]),
    ];
    assert_eq!(
        beads,
        expected,
        "{:#?}",
        beads
            .iter()
            .map(|&(x, y)| (slice(ENGLISH, x), slice(LAO, y)))
            .collect::<Vec<_>>()
    );
}

#[test]
fn figures_are_linked_inside_the_sentence_pairs() {
    let a = numbered(1, ENGLISH, 1);
    let b = numbered(2, LAO, 101);
    assert_eq!((a.len(), b.len()), (6, 6));
    let mut pairs = link_translation(ENGLISH, &a, LAO, &b);
    pairs.sort();
    // 14, 2019, 250, 3 weeks, 4.5 billion, 820 million: each with its own.
    let expected: Vec<(i64, i64)> = (0..6).map(|k| (1 + k, 101 + k)).collect();
    assert_eq!(pairs, expected);
}

#[test]
fn a_sentence_without_counterpart_keeps_its_figures_unlinked() {
    let en = "We built 3 wells. We planted 500 trees.";
    let lo = "ພວກເຮົາສ້າງນ້ຳສ້າງ 3 ແຫ່ງ.";
    let (a, b) = (numbered(1, en, 1), numbered(2, lo, 101));
    let s = split(en);
    // The second English sentence has no Lao: its 500 is not paired with
    // anything, though the order aligner over the whole text might have.
    let segments = [(s[0], Span::new(0, 26)), (s[1], Span::new(26, 26))];
    assert_eq!(link_in_segments(&segments, &a, &b), [(1, 101)]);
    // Figures no segment holds go to the order aligner.
    assert_eq!(link_in_segments(&[], &a, &b), [(1, 101)]);
    let only_first = [(s[0], Span::new(0, 26))];
    let mut b2 = b.clone();
    b2.extend(
        numbered(2, "                          ພວກເຮົາປູກຕົ້ນໄມ້ 500 ຕົ້ນ.", 201)
            .into_iter()
            .filter(|f| f.span.start >= 26),
    );
    let mut pairs = link_in_segments(&only_first, &a, &b2);
    pairs.sort();
    assert_eq!(pairs, [(1, 101), (2, 201)]);
}

#[test]
fn empty_and_one_sided_texts_align() {
    assert!(align("", &[], "", &[]).is_empty());
    let beads = align("One. Two.", &[], "", &[]);
    assert_eq!(
        beads,
        [
            (Span::new(0, 4), Span::new(0, 0)),
            (Span::new(5, 9), Span::new(0, 0))
        ]
    );
    let beads = align("", &[], "ນຶ່ງ.", &[]);
    assert_eq!(beads, [(Span::new(0, 0), Span::new(0, 5))]);
}

/// A generated translation: sentence k says how many trees village k
/// planted; every 97th sentence is left out of the Lao, and every 89th pair
/// of English sentences is one Lao sentence.
fn generated(n: usize) -> (String, String) {
    let (mut en, mut lo) = (String::new(), String::new());
    let mut k = 0;
    while k < n {
        let trees = 100 + (k * 37) % 9000;
        en.push_str(&format!(
            "Village {k} planted {trees} trees near the river. "
        ));
        if k % 89 == 5 && k + 1 < n {
            let more = 100 + ((k + 1) * 37) % 9000;
            en.push_str(&format!(
                "Village {} planted {more} trees near the river. ",
                k + 1
            ));
            lo.push_str(&format!(
                "ບ້ານ {k} ປູກຕົ້ນໄມ້ {trees} ຕົ້ນ ແລະ ບ້ານ {} ປູກ {more} ຕົ້ນ ໃກ້ແມ່ນ້ຳ. ",
                k + 1
            ));
            k += 2;
            continue;
        }
        if k % 97 != 3 {
            lo.push_str(&format!("ບ້ານ {k} ປູກຕົ້ນໄມ້ {trees} ຕົ້ນ ໃກ້ແມ່ນ້ຳ. "));
        }
        k += 1;
    }
    (en, lo)
}

#[test]
fn ten_thousand_sentences_align_within_a_band() {
    let (en, lo) = generated(10_000);
    let (a, b) = (numbered(1, &en, 1), numbered(2, &lo, 1_000_000));
    let beads = align(&en, &a, &lo, &b);
    // Every sentence of both sides is covered once, in order.
    let (se, sl) = (split(&en), split(&lo));
    assert_eq!(se.len(), 10_000);
    // Walks the beads in order: each bead's span on one side holds the next
    // sentences of that side, whole; at the end every sentence is held.
    let covered = |side: &[Span], pick: fn(&(Span, Span)) -> Span| {
        let mut next = 0;
        for s in beads.iter().map(pick).filter(|s| !s.is_empty()) {
            let first = next;
            while next < side.len() && side[next].end <= s.end {
                assert!(side[next].start >= s.start, "sentence {next} cut by {s:?}");
                next += 1;
            }
            assert!(next > first, "{s:?} holds no sentence");
        }
        (next, true)
    };
    assert_eq!(covered(&se, |b| b.0), (se.len(), true));
    assert_eq!(covered(&sl, |b| b.1), (sl.len(), true));
    // The pairs found are the right ones: the village numbers agree.
    let (en_chars, lo_chars): (Vec<char>, Vec<char>) = (en.chars().collect(), lo.chars().collect());
    let text = |chars: &[char], s: Span| -> String { chars[s.start..s.end].iter().collect() };
    let village = |t: String| t.split(' ').nth(1).map(str::to_string);
    let paired: Vec<&(Span, Span)> = beads
        .iter()
        .filter(|(x, y)| !x.is_empty() && !y.is_empty())
        .collect();
    let right = paired
        .iter()
        .filter(|(x, y)| village(text(&en_chars, *x)) == village(text(&lo_chars, *y)))
        .count();
    assert!(
        right * 100 >= paired.len() * 99,
        "{right} of {} pairs right",
        paired.len()
    );
    let dropped = beads.iter().filter(|(_, y)| y.is_empty()).count();
    assert!(
        (100..=106).contains(&dropped),
        "{dropped} English sentences without Lao"
    );
}
