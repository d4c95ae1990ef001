//! Translation pairs in a project: a bilingual import as one action with its
//! segment alignment stored, the number check of each segment with the
//! reviewers' acceptances (undoable, kept across a reopen), and figures
//! linked inside segment pairs.

mod common;

use tualek::app::translations::Segmentation;
use tualek::app::{AppError, Command, Project, Refusal};
use tualek::import::ImportOptions;
use tualek::model::{DocId, Relation, SegmentVerdict};

/// Lines of a Lao text and of its English translation: our own sentences.
/// Line 3 translates 1,255 as 1,525; line 4 drops a figure; line 5 adds one.
const LAO_LINES: &str = "\
ປີ 2023 ມີແຮງງານກັບຄືນ 1,255 ຄົນ.
ໃນນັ້ນມີແມ່ຍິງ ໔໙໓ ຄົນ.
ງົບປະມານແມ່ນ 65,5 ລ້ານ ກີບ.
ມີຜູ້ຖືກຈັບ 1,255 ຄົນ.
ມີ 12 ແຂວງ ແລະ 40 ເມືອງ.
ບໍ່ມີຕົວເລກໃນປະໂຫຍກນີ້.
ເດັກນ້ອຍ 30 ຄົນ.
";
const ENGLISH_LINES: &str = "\
In 2023, 1,255 workers came back.
Of them, 493 were women.
The budget is 65.5 million kip.
There were 1,525 arrests.
There are 12 provinces.
This sentence has no figure.
There were 30 children in 7 villages.
";

fn pair_project() -> (common::Temp, Project, DocId, DocId) {
    let (t, mut p) = common::new_project();
    let lo = common::write(t.dir.path(), "report.lo.txt", LAO_LINES.as_bytes());
    let en = common::write(t.dir.path(), "report.en.txt", ENGLISH_LINES.as_bytes());
    let report = p.import_pair(&lo, &en, &ImportOptions::default()).unwrap();
    assert!(report.refused.is_empty(), "{:?}", report.refused);
    let [(_, s, d, n)] = report.pairs.as_slice() else {
        panic!("one pair expected: {:?}", report.pairs);
    };
    assert_eq!(*n, 7);
    (t, p, *s, *d)
}

#[test]
fn a_line_pair_becomes_two_documents_and_their_segments_in_one_action() {
    let (t, p, lo, en) = pair_project();
    let docs = p.store().documents().unwrap();
    assert_eq!(docs.len(), 2);
    let segments = p.store().segments(lo, en).unwrap();
    assert_eq!(segments.len(), 7);
    let lao = p.store().document(lo).unwrap().unwrap().text;
    for (seg, line) in segments.iter().zip(LAO_LINES.lines()) {
        let text: String = lao
            .chars()
            .skip(seg.source.start)
            .take(seg.source.len())
            .collect();
        assert_eq!(text, line, "segment {}", seg.number);
    }
    // Asked the other way round, the sides are swapped.
    let swapped = p.store().segments(en, lo).unwrap();
    assert_eq!(swapped[0].source, segments[0].target);
    assert_eq!(p.store().segment_pairs().unwrap(), vec![(lo, en)]);
    // One history entry for the whole pair, and undo takes both documents and the alignment.
    let mut p = p;
    assert_eq!(p.store().history().unwrap().len(), 1);
    p.undo().unwrap();
    assert!(p.store().documents().unwrap().is_empty());
    assert!(p.store().segment_pairs().unwrap().is_empty());
    p.redo().unwrap();
    assert_eq!(p.store().segments(lo, en).unwrap(), segments);
    // Stored: a reopened project has them.
    drop(p);
    let p = Project::open(&t.path, "tester").unwrap();
    assert_eq!(p.store().segments(lo, en).unwrap(), segments);
}

#[test]
fn each_segment_gets_one_verdict_and_correct_translations_are_not_flagged() {
    let (_t, p, lo, en) = pair_project();
    let qa = p.qa(lo, en).unwrap();
    assert_eq!(qa.segmentation, Segmentation::Stored);
    let verdicts: Vec<SegmentVerdict> = qa.segments.iter().map(|s| s.verdict).collect();
    use SegmentVerdict::*;
    assert_eq!(
        verdicts,
        [Ok, Ok, Ok, Mismatch, Missing, Ok, Extra],
        "{:#?}",
        qa.segments
    );
    let counts = qa.counts();
    assert_eq!(
        (counts.ok, counts.mismatch, counts.missing, counts.extra),
        (4, 1, 1, 1)
    );
    assert_eq!(qa.flagged().count(), 3);
}

#[test]
fn accepting_a_flagged_segment_is_stored_undoable_and_kept() {
    let (t, mut p, lo, en) = pair_project();
    let refused = p.accept_segment(lo, en, 1, Some("fine")).unwrap_err();
    assert!(matches!(
        refused,
        AppError::Refused(Refusal::SegmentNotFlagged)
    ));

    p.accept_segment(
        lo,
        en,
        5,
        Some("the target leaves the districts out on purpose"),
    )
    .unwrap();
    let qa = p.qa(lo, en).unwrap();
    let seg = &qa.segments[4];
    assert_eq!(seg.verdict, SegmentVerdict::Missing);
    let review = seg.review.as_ref().expect("accepted");
    assert_eq!(review.reviewer, "tester");
    assert_eq!(
        review.note.as_deref(),
        Some("the target leaves the districts out on purpose")
    );
    assert!(!seg.is_flagged());
    assert_eq!(qa.counts().accepted, 1);
    assert_eq!(qa.flagged().count(), 2);

    // Accepting again changes the note; the same note again is refused.
    p.accept_segment(lo, en, 5, Some("dropped on purpose"))
        .unwrap();
    assert!(
        p.accept_segment(lo, en, 5, Some("dropped on purpose"))
            .is_err()
    );
    p.undo().unwrap();
    let note = |p: &Project| p.qa(lo, en).unwrap().segments[4].review.clone();
    assert_eq!(
        note(&p).unwrap().note.as_deref(),
        Some("the target leaves the districts out on purpose")
    );
    p.undo().unwrap();
    assert!(note(&p).is_none());
    p.redo().unwrap();
    assert!(note(&p).is_some());

    // Flag again, and its undo.
    p.execute(Command::SegmentUnaccept {
        source: lo,
        target: en,
        number: 5,
    })
    .unwrap();
    assert!(note(&p).is_none());
    p.undo().unwrap();
    drop(p);
    let p = Project::open(&t.path, "tester").unwrap();
    assert!(note(&p).is_some(), "the acceptance survives a reopen");
    let history: Vec<String> = p
        .store()
        .history()
        .unwrap()
        .iter()
        .map(|e| e.action.clone())
        .collect();
    assert!(history.iter().any(|a| a == "segment.accept"), "{history:?}");
}

#[test]
fn figures_are_linked_inside_their_segment_pairs() {
    let (_t, mut p, lo, en) = pair_project();
    let pairs = p.figure_pairs(lo, en, Relation::Translation).unwrap();
    let figure = |id| p.store().figure(id).unwrap().unwrap();
    // Segment 4's 1,255 arrests pairs with 1,525 (the same figure, another
    // value), never with segment 1's 1,255.
    let texts: Vec<(String, String)> = pairs
        .iter()
        .map(|&(a, b)| (figure(a).text, figure(b).text))
        .collect();
    assert!(
        texts.contains(&("1,255".into(), "1,525".into())),
        "{texts:?}"
    );
    assert!(texts.contains(&("໔໙໓".into(), "493".into())), "{texts:?}");
    let n = pairs.len();
    p.execute(Command::LinkAll {
        pairs,
        relation: Relation::Translation,
    })
    .unwrap();
    assert_eq!(p.store().links().unwrap().len(), n);
}

#[test]
fn a_side_the_project_holds_in_another_pair_refuses_the_pair_and_nothing_is_written() {
    let (t, mut p, ..) = pair_project();
    // The same Lao lines with another translation: the Lao document exists,
    // aligned with the first English one, so the second pair cannot hang on it.
    let lo = common::write(t.dir.path(), "again.lo.txt", LAO_LINES.as_bytes());
    let other = ENGLISH_LINES.replace("1,525", "1,255");
    let en = common::write(t.dir.path(), "again.en.txt", other.as_bytes());
    let report = p.import_pair(&lo, &en, &ImportOptions::default()).unwrap();
    assert_eq!(report.refused.len(), 1, "{report:?}");
    let why = report.refused[0].1.to_string();
    assert!(
        why.contains("source text is already in the project"),
        "{why}"
    );
    assert_eq!(p.store().documents().unwrap().len(), 2);
    assert_eq!(p.store().segment_pairs().unwrap().len(), 1);
    assert_eq!(p.store().history().unwrap().len(), 1);

    // The same pair twice: present already, nothing new.
    let (t2, mut q, ..) = pair_project();
    let lo2 = common::write(t2.dir.path(), "report.lo.txt", LAO_LINES.as_bytes());
    let en2 = common::write(t2.dir.path(), "report.en.txt", ENGLISH_LINES.as_bytes());
    let again = q
        .import_pair(&lo2, &en2, &ImportOptions::default())
        .unwrap();
    assert!(again.pairs.is_empty() && again.refused.is_empty());
    assert_eq!(again.duplicates.len(), 2);
    assert_eq!(q.store().history().unwrap().len(), 1);
}

#[test]
fn mismatched_line_counts_are_refused_with_the_counts() {
    let (t, mut p) = common::new_project();
    let lo = common::write(t.dir.path(), "a.txt", "ໜຶ່ງ 1\nສອງ 2\n".as_bytes());
    let en = common::write(t.dir.path(), "b.txt", b"one 1\n");
    let report = p.import_pair(&lo, &en, &ImportOptions::default()).unwrap();
    let why = report.refused[0].1.to_string();
    assert!(why.contains('2') && why.contains('1'), "{why}");
    assert!(p.store().documents().unwrap().is_empty());
    assert!(p.store().history().unwrap().is_empty());
}

#[test]
fn a_pair_whose_two_sides_are_one_text_is_refused() {
    let (t, mut p) = common::new_project();
    let a = common::write(t.dir.path(), "a.txt", b"12 cases\n");
    let b = common::write(t.dir.path(), "b.txt", b"12 cases\n");
    let report = p.import_pair(&a, &b, &ImportOptions::default()).unwrap();
    let why = report.refused[0].1.to_string();
    assert!(why.contains("nothing in it is translated"), "{why}");
    assert!(p.store().documents().unwrap().is_empty());
}

#[test]
fn a_document_of_an_aligned_pair_cannot_be_split() {
    let (_t, mut p, lo, _en) = pair_project();
    let refused = p
        .execute(Command::Split {
            document: lo,
            at: 35,
            language_after: None,
        })
        .unwrap_err();
    assert!(
        matches!(refused, AppError::Refused(Refusal::SplitSegmented)),
        "{refused}"
    );
}

#[test]
fn two_plain_documents_are_checked_by_their_sentences() {
    let (_t, mut p, lo, en) = common::project_with_docs();
    let qa = p.qa(lo, en).unwrap();
    assert_eq!(qa.segmentation, Segmentation::Sentences);
    assert!(qa.segments.iter().all(|s| s.verdict == SegmentVerdict::Ok));
    let refused = p.accept_segment(lo, en, 1, None).unwrap_err();
    assert!(matches!(
        refused,
        AppError::Refused(Refusal::SegmentsNotStored | Refusal::SegmentNotFlagged)
    ));
    assert!(
        !p.figure_pairs(lo, en, Relation::Translation)
            .unwrap()
            .is_empty()
    );
}

#[test]
fn a_version_4_project_opens_migrated_and_takes_a_bilingual_import() {
    use tualek::store::schema;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.tualek");
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        schema::migrate_to(&mut conn, 4).unwrap();
        conn.execute(
            "INSERT INTO documents (title, language, source_path, imported_at, sha256, \
             char_len, text) VALUES ('old', 'en', '/old.txt', '2026-01-01T00:00:00Z', 'aa', 8, '12 cases')",
            [],
        )
        .unwrap();
        let segments: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_schema WHERE name = 'segments'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(segments, 0, "version 4 has no segment tables");
    }
    let mut p = Project::open(&path, "tester").unwrap();
    assert_eq!(p.store().schema_version().unwrap(), schema::LATEST);
    assert_eq!(p.store().documents().unwrap().len(), 1);
    assert!(p.store().segment_pairs().unwrap().is_empty());
    let lo = common::write(dir.path(), "report.lo.txt", LAO_LINES.as_bytes());
    let en = common::write(dir.path(), "report.en.txt", ENGLISH_LINES.as_bytes());
    let report = p.import_pair(&lo, &en, &ImportOptions::default()).unwrap();
    assert_eq!(report.pairs.len(), 1);
    assert_eq!(
        p.qa(report.pairs[0].1, report.pairs[0].2)
            .unwrap()
            .segments
            .len(),
        7
    );
}

#[test]
fn a_tmx_import_names_its_documents_by_language_with_primary_tags() {
    let (_t, mut p) = common::new_project();
    let tmx = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/bilingual/budget.tmx");
    let report = p
        .import(&[tmx], &ImportOptions::default(), &mut |_| true)
        .unwrap();
    assert_eq!(report.pairs.len(), 1, "{report:?}");
    let docs = p.store().documents().unwrap();
    let named: Vec<(&str, &str)> = docs
        .iter()
        .map(|d| (d.title.as_str(), d.language.as_str()))
        .collect();
    // The file says lo-LA and en-US; a document's language is the primary tag.
    assert_eq!(named, [("budget (lo)", "lo"), ("budget (en)", "en")]);
}

#[test]
fn a_sentence_left_without_a_counterpart_is_unaligned_and_never_flagged() {
    use tualek::app::translations::check_pair;
    use tualek::model::Span;
    let doc = |id, text: &str| tualek::model::Document {
        meta: tualek::model::DocumentMeta {
            id,
            title: format!("d{id}"),
            language: tualek::model::Language::new("en"),
            source_path: String::new(),
            imported_at: String::new(),
            sha256: String::new(),
            char_len: text.chars().count() as i64,
            removed: false,
        },
        text: text.to_string(),
    };
    let (a, b) = (doc(1, "12 cases. 7 more."), doc(2, "12 cases."));
    let mut fa = tualek::app::extract::found_figures(1, &a.text);
    let mut fb = tualek::app::extract::found_figures(2, &b.text);
    for (i, f) in fa.iter_mut().chain(fb.iter_mut()).enumerate() {
        f.id = i as i64 + 1;
    }
    let spans = [
        (Span::new(0, 9), Span::new(0, 9)),
        (Span::new(10, 17), Span::new(9, 9)),
    ];
    let sentences = check_pair(&a, &b, &fa, &fb, &spans, Segmentation::Sentences);
    assert_eq!(sentences[1].verdict, SegmentVerdict::Missing);
    assert!(!sentences[1].aligned && !sentences[1].is_flagged());
    assert!(sentences[0].aligned);
    // Stored segments are the file's pairing: an empty target is a finding.
    let stored = check_pair(&a, &b, &fa, &fb, &spans, Segmentation::Stored);
    assert!(stored[1].aligned && stored[1].is_flagged());
}
