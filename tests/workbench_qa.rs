//! The translation QA view, driven by key and by accessible label: a small
//! hand-made Lao–English pair stored with its segments (two correct, one
//! mismatch, one figure missing, one extra) opens with Q, lists its segments
//! with their verdicts in words, F8 / Shift+F8 walk the flagged ones only
//! and wrap, Shift+Enter and Enter in the note accept a segment (stored,
//! counted, undone by Ctrl+Z), Flag again takes it back, and a segment opens
//! in the two panes at its first figures. Each test checks what the
//! workbench or the project file then holds.

use std::path::Path;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use tualek::app::Project;
use tualek::app::translations::QaCounts;
use tualek::app::workbench::{PaneId, QaShow, Workbench};
use tualek::i18n::Locale;
use tualek::import::{ImportOptions, document_from_bytes};
use tualek::model::{DocId, Segment, SegmentVerdict, Span};
use tualek::ui::WorkbenchApp;

/// Our own sentences, one segment a line: (Lao source, English target).
const PAIR: &[(&str, &str)] = &[
    // 1: ok — Lao digits against Arabic ones.
    (
        "ຖະໜົນເສັ້ນໃໝ່ຍາວ ໑໒ ກິໂລແມັດ.",
        "The new road is 12 kilometres long.",
    ),
    // 2: mismatch — 1.255 (Lao grouping) is 1,255, not 1,525.
    ("ໂຮງຮຽນມີນັກຮຽນ 1.255 ຄົນ.", "The school has 1,525 pupils."),
    // 3: ok.
    (
        "ຊາວບ້ານ 75 ຄົນ ໄດ້ເຂົ້າຮ່ວມກອງປະຊຸມ.",
        "75 villagers took part in the meeting.",
    ),
    // 4: missing — the 3 days are not in the English.
    ("ພວກເຂົາປູກຕົ້ນໄມ້ 40 ຕົ້ນ ໃນເວລາ 3 ມື້.", "They planted 40 trees."),
    // 5: extra — the English adds 6 stalls.
    (
        "ຕະຫຼາດເຊົ້າເປີດທຸກມື້.",
        "The morning market opens every day with 6 stalls.",
    ),
];

struct Setup {
    dir: tempfile::TempDir,
    path: std::path::PathBuf,
    source: DocId,
    target: DocId,
}

/// Code-point spans of the lines of `text` joined by newlines.
fn line_spans(lines: &[&str]) -> Vec<Span> {
    let mut at = 0;
    lines
        .iter()
        .map(|l| {
            let n = l.chars().count();
            let span = Span {
                start: at,
                end: at + n,
            };
            at += n + 1;
            span
        })
        .collect()
}

impl Setup {
    /// A project holding the pair above, stored with its segments, and a
    /// loose English note that is no translation of anything.
    fn pair() -> Setup {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("qa.tualek");
        let mut project = Project::create(&path, "tester").unwrap();
        let lao: Vec<&str> = PAIR.iter().map(|p| p.0).collect();
        let eng: Vec<&str> = PAIR.iter().map(|p| p.1).collect();
        let doc = |name: &str, lines: &[&str]| {
            let text = lines.join("\n") + "\n";
            document_from_bytes(text.as_bytes(), Path::new(name), &ImportOptions::default())
                .unwrap()
        };
        let (source, target) = (doc("village-lo.txt", &lao), doc("village-en.txt", &eng));
        let segments: Vec<Segment> = line_spans(&lao)
            .into_iter()
            .zip(line_spans(&eng))
            .enumerate()
            .map(|(i, (s, t))| Segment {
                id: 0,
                source_doc: 0,
                target_doc: 0,
                number: i as u32 + 1,
                source: s,
                target: t,
                source_tags: vec![],
                target_tags: vec![],
            })
            .collect();
        let report = project
            .import_aligned(&dir.path().join("village.tmx"), &source, &target, &segments)
            .unwrap();
        let notes = dir.path().join("notes.txt");
        std::fs::write(&notes, "Notes: 3 meetings were held in 2025.\n").unwrap();
        project
            .import(&[notes], &ImportOptions::default(), &mut |_| true)
            .unwrap();
        let pairs = project.store().segment_pairs().unwrap();
        assert_eq!(pairs.len(), 1, "{report:?}");
        let (source, target) = pairs[0];
        Setup {
            dir,
            path,
            source,
            target,
        }
    }

    fn open_in(&self, locale: Locale) -> Harness<'static, WorkbenchApp> {
        let settings = self.dir.path().join("settings.json");
        let mut wb = Workbench::new(Some(settings), "tester");
        wb.settings.locale = locale;
        wb.open_project(&self.path, false).unwrap();
        Harness::builder()
            .with_size([1400.0, 900.0])
            .with_max_steps(12)
            .with_context_setup(tualek::fonts::install)
            .build_eframe(move |_| WorkbenchApp::new(wb))
    }

    fn open(&self) -> Harness<'static, WorkbenchApp> {
        self.open_in(Locale::En)
    }

    /// The pair's check as the project file has it now (a separate connection).
    fn stored_counts(&self) -> QaCounts {
        Project::open(&self.path, "reader")
            .unwrap()
            .qa(self.source, self.target)
            .unwrap()
            .counts()
    }
}

fn press(h: &mut Harness<'_, WorkbenchApp>, key: Key) {
    h.key_press(key);
    h.run();
}

fn press_shift(h: &mut Harness<'_, WorkbenchApp>, key: Key) {
    h.key_press_modifiers(Modifiers::SHIFT, key);
    h.run();
}

fn undo(h: &mut Harness<'_, WorkbenchApp>) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
}

fn selected_segment(h: &Harness<'_, WorkbenchApp>) -> Option<u32> {
    h.state().wb.qa.selected
}

fn verdicts(h: &Harness<'_, WorkbenchApp>) -> Vec<SegmentVerdict> {
    h.state()
        .wb
        .qa
        .segments()
        .iter()
        .map(|s| s.verdict)
        .collect()
}

fn open_view(h: &mut Harness<'_, WorkbenchApp>) {
    assert!(h.query_by_label("Translation QA").is_none());
    press(h, Key::Q);
    h.get_by_label("Translation QA");
}

/// The text of the status bar's QA counts.
fn bar_counts(c: QaCounts) -> String {
    format!(
        "QA: {} ok · {} mismatch · {} missing · {} extra · {} accepted",
        c.ok, c.mismatch, c.missing, c.extra, c.accepted
    )
}

#[test]
fn q_opens_the_view_on_the_stored_pair_with_a_row_and_a_verdict_in_words_per_segment() {
    let s = Setup::pair();
    let mut h = s.open();
    open_view(&mut h);
    let wb = &h.state().wb;
    assert_eq!(wb.qa.pair, Some((s.source, s.target)));
    use SegmentVerdict::*;
    assert_eq!(verdicts(&h), vec![Ok, Mismatch, Ok, Missing, Extra]);
    h.get_by_label("5 of 5 segments");
    // Each row: its verdict in words and both sides' texts.
    assert_eq!(h.get_all_by_label("ok").count(), 2);
    for word in ["mismatch", "missing", "extra"] {
        assert_eq!(h.get_all_by_label(word).count(), 1, "{word}");
    }
    for (lao, eng) in PAIR {
        h.get_by_label(lao);
        h.get_by_label(eng);
    }
    // The rows are in segment order, the mismatch on the second.
    let y = |label: &str| h.get_by_label(label).rect().center().y;
    assert!(y(PAIR[0].1) < y(PAIR[1].1) && y(PAIR[1].1) < y(PAIR[4].1));
    assert!((y("mismatch") - y(PAIR[1].1)).abs() < 4.0);
    // The counts in the status bar while the view is open.
    let counts = QaCounts {
        ok: 2,
        mismatch: 1,
        missing: 1,
        extra: 1,
        accepted: 0,
        unaligned: 0,
    };
    assert_eq!(h.state().wb.qa.counts(), counts);
    h.get_by_label(&bar_counts(counts));

    // The filter keeps the problems only.
    h.get_by_label("Problems").click();
    h.run();
    assert_eq!(h.state().wb.qa.show, QaShow::Problems);
    h.get_by_label("3 of 5 segments");
    assert!(h.query_by_label(PAIR[0].1).is_none());
    h.get_by_label(PAIR[1].1);
    h.get_by_label("Accepted").click();
    h.run();
    h.get_by_label("0 of 5 segments");
    h.get_by_label("No segment matches the filter.");

    // Q again closes it, and the counts leave the status bar.
    press(&mut h, Key::Q);
    assert!(!h.state().wb.qa.open);
    assert!(h.query_by_label("Translation QA").is_none());
    assert!(h.query_by_label_contains("QA: ").is_none());
}

#[test]
fn f8_walks_only_the_flagged_segments_and_wraps_around_shift_f8_goes_back() {
    let s = Setup::pair();
    let mut h = s.open();
    // F8 opens the view when it is closed, on the first problem.
    press(&mut h, Key::F8);
    assert!(h.state().wb.qa.open);
    let mut walked = vec![selected_segment(&h).unwrap()];
    for _ in 0..3 {
        press(&mut h, Key::F8);
        walked.push(selected_segment(&h).unwrap());
    }
    assert_eq!(walked, vec![2, 4, 5, 2], "flagged only, wrapping");
    press_shift(&mut h, Key::F8);
    assert_eq!(selected_segment(&h), Some(5), "back, wrapping");
    press_shift(&mut h, Key::F8);
    assert_eq!(selected_segment(&h), Some(4));
    // The selected row is marked in the list and shown in full beside it.
    h.get_by_label("Segment 4");
    h.get_by_label_contains("missing in the target");
}

#[test]
fn accepting_with_a_note_stores_it_marks_the_row_and_changes_the_counts_ctrl_z_restores_the_flag() {
    let s = Setup::pair();
    let mut h = s.open();
    press(&mut h, Key::F8); // segment 2, the mismatch
    assert_eq!(selected_segment(&h), Some(2));
    let note = "the school counts pupils of both shifts";
    h.get_by_label("Segment note").focus();
    h.get_by_label("Segment note").type_text(note);
    h.run();
    h.key_press(Key::Enter);
    h.run();

    // Stored, with who and the note.
    let stored = Project::open(&s.path, "reader")
        .unwrap()
        .qa(s.source, s.target)
        .unwrap();
    let review = stored.segments[1].review.clone().expect("accepted");
    assert_eq!(review.note.as_deref(), Some(note));
    assert_eq!(review.reviewer, "tester");
    let after = QaCounts {
        ok: 2,
        mismatch: 0,
        missing: 1,
        extra: 1,
        accepted: 1,
        unaligned: 0,
    };
    assert_eq!(s.stored_counts(), after);
    assert_eq!(h.state().wb.qa.counts(), after);
    h.get_by_label(&bar_counts(after));
    h.get_by_label_contains("Segment 2 accepted");
    // The row says who accepted it and why; the detail, when too.
    let row = h.get_by_label(&format!("tester: “{note}”")).rect();
    // The segment's target text in the list (the leftmost; the detail has it too).
    let target = h
        .get_all_by_label(PAIR[1].1)
        .map(|n| n.rect())
        .min_by(|a, b| a.min.x.total_cmp(&b.min.x))
        .unwrap();
    assert!((row.center().y - target.center().y).abs() < 4.0);
    h.get_by_label_contains("accepted by tester · ");
    // Enter in the field accepted the segment and confirmed no figure.
    let figures = Project::open(&s.path, "reader")
        .unwrap()
        .store()
        .figures(&tualek::store::FigureFilter::default())
        .unwrap();
    assert!(
        figures
            .iter()
            .all(|f| f.status == tualek::model::Status::Unreviewed)
    );
    // F8 now skips the accepted segment.
    press(&mut h, Key::F8);
    assert_eq!(selected_segment(&h), Some(4));

    undo(&mut h);
    let before = QaCounts {
        ok: 2,
        mismatch: 1,
        missing: 1,
        extra: 1,
        accepted: 0,
        unaligned: 0,
    };
    assert_eq!(s.stored_counts(), before);
    assert_eq!(h.state().wb.qa.counts(), before);
    assert!(h.state().wb.qa.segment(2).unwrap().is_flagged());
    h.get_by_label_contains("Undone: accept segment 2");
    h.get_by_label(&bar_counts(before));
}

#[test]
fn shift_enter_accepts_the_selected_segment_and_flag_again_takes_it_back() {
    let s = Setup::pair();
    let mut h = s.open();
    press(&mut h, Key::F8);
    press(&mut h, Key::F8);
    assert_eq!(selected_segment(&h), Some(4));
    press_shift(&mut h, Key::Enter);
    let stored = Project::open(&s.path, "reader")
        .unwrap()
        .qa(s.source, s.target)
        .unwrap();
    let review = stored.segments[3].review.clone().expect("accepted");
    assert_eq!(review.note, None);
    assert_eq!(s.stored_counts().accepted, 1);
    assert!(!h.state().wb.qa.segment(4).unwrap().is_flagged());

    h.get_by_label("Flag again").click();
    h.run();
    assert_eq!(s.stored_counts().accepted, 0);
    assert_eq!(s.stored_counts().missing, 1);
    assert!(h.state().wb.qa.segment(4).unwrap().is_flagged());
    h.get_by_label_contains("Segment 4 is flagged again");
    // Ctrl+Z undoes the flag again: accepted once more.
    undo(&mut h);
    assert_eq!(s.stored_counts().accepted, 1);
    assert_eq!(h.state().wb.qa.counts().accepted, 1);

    // An ok segment has nothing to accept: refused, in words.
    h.state_mut()
        .wb
        .perform(tualek::app::workbench::Action::SelectSegment(1));
    h.run();
    press_shift(&mut h, Key::Enter);
    h.get_by_label_contains("This segment has no problem to accept.");
    assert_eq!(s.stored_counts().accepted, 1);
}

#[test]
fn a_segment_opens_in_the_two_panes_source_left_target_right_at_its_first_figures() {
    let s = Setup::pair();
    let mut h = s.open();
    // Away from the pair first: the loose note in the left pane.
    let notes = h
        .state()
        .wb
        .documents
        .iter()
        .find(|d| d.title == "notes")
        .unwrap()
        .id;
    h.state_mut()
        .wb
        .perform(tualek::app::workbench::Action::OpenDocument {
            pane: PaneId::Left,
            doc: notes,
        });
    h.state_mut()
        .wb
        .perform(tualek::app::workbench::Action::OpenDocument {
            pane: PaneId::Right,
            doc: notes,
        });
    h.run();
    open_view(&mut h);
    // The view opened on the stored pair though the panes show another document.
    assert_eq!(h.state().wb.qa.pair, Some((s.source, s.target)));
    // A click on a row opens its segment.
    h.get_by_label(PAIR[1].1).click();
    h.run();
    assert_eq!(selected_segment(&h), Some(2));
    let wb = &h.state().wb;
    let shown: Vec<Option<DocId>> = wb
        .panes
        .iter()
        .map(|p| p.doc.as_ref().map(|d| d.meta.id))
        .collect();
    assert_eq!(shown, vec![Some(s.source), Some(s.target)]);
    let segment = wb.qa.segment(2).unwrap();
    let texts: Vec<String> = wb
        .panes
        .iter()
        .map(|p| {
            p.selected_figure()
                .map(|f| f.text.clone())
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(texts, vec!["1.255".to_string(), "1,525".to_string()]);
    assert_eq!(
        wb.panes[PaneId::Left].selected,
        segment.source_figures.first().map(|f| f.id)
    );
    // Scrolled there: the pane's scroll target is the figure's start.
    let f = wb.panes[PaneId::Right].selected_figure().unwrap();
    assert_eq!(wb.panes[PaneId::Right].scroll_target, Some(f.span.start));
    assert!(f.span.start >= segment.target.start && f.span.end <= segment.target.end);

    // Show in documents brings them back after the reviewer moved on.
    press(&mut h, Key::J);
    assert_ne!(
        h.state().wb.panes[PaneId::Left].selected,
        segment_first(&h, 2)
    );
    h.get_by_label("Show in documents").click();
    h.run();
    assert_eq!(
        h.state().wb.panes[PaneId::Left].selected,
        segment_first(&h, 2)
    );
}

fn segment_first(h: &Harness<'_, WorkbenchApp>, number: u32) -> Option<i64> {
    h.state()
        .wb
        .qa
        .segment(number)
        .and_then(|s| s.source_figures.first().map(|f| f.id))
}

#[test]
fn two_documents_without_stored_segments_get_the_sentence_check_marked_as_such_without_accept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plain.tualek");
    let mut project = Project::create(&path, "tester").unwrap();
    let files: Vec<_> = [
        ("a.txt", "The dam holds 120 tonnes. It was built in 1998.\n"),
        ("b.txt", "The dam holds 210 tonnes. It was built in 1998.\n"),
    ]
    .iter()
    .map(|(n, t)| {
        let p = dir.path().join(n);
        std::fs::write(&p, t).unwrap();
        p
    })
    .collect();
    project
        .import(&files, &ImportOptions::default(), &mut |_| true)
        .unwrap();
    drop(project);
    let mut wb = Workbench::new(Some(dir.path().join("settings.json")), "tester");
    wb.open_project(&path, false).unwrap();
    let mut h = Harness::builder()
        .with_size([1400.0, 900.0])
        .with_max_steps(12)
        .with_context_setup(tualek::fonts::install)
        .build_eframe(move |_| WorkbenchApp::new(wb));
    press(&mut h, Key::Q);
    assert!(h.state().wb.qa.open);
    assert!(!h.state().wb.qa.can_accept());
    h.get_by_label_contains("No stored segments");
    assert!(
        h.state()
            .wb
            .qa
            .segments()
            .iter()
            .any(|s| s.verdict == SegmentVerdict::Mismatch),
        "120 against 210"
    );
    press(&mut h, Key::F8);
    assert!(selected_segment(&h).is_some());
    assert!(h.get_by_label("Accept").accesskit_node().is_disabled());
    press_shift(&mut h, Key::Enter);
    h.get_by_label_contains("These documents have no stored segments");
}

#[test]
fn the_view_speaks_lao_with_the_lao_locale() {
    let s = Setup::pair();
    let mut h = s.open_in(Locale::Lo);
    press(&mut h, Key::Q);
    h.get_by_label("ກວດຕົວເລກຂອງການແປ");
    h.get_by_label("ທີ່ມີບັນຫາ");
    h.get_by_label("ຕົ້ນສະບັບ");
    h.get_by_label("ສະບັບແປ");
    h.get_by_label("ບໍ່ກົງກັນ");
    h.get_by_label("ຂາດ");
    h.get_by_label("ເກີນ");
    assert_eq!(h.get_all_by_label("ຖືກຕ້ອງ").count(), 2);
    h.get_by_label_contains("ກວດການແປ: ຖືກຕ້ອງ");
    press(&mut h, Key::F8);
    h.get_by_label("ໝາຍເຫດຂອງປະໂຫຍກ");
    h.get_by_label("ຮັບເອົາ");
    h.get_by_label("ສະແດງໃນເອກະສານ");
}

/// The view's check equals a fresh `Project::qa` of the pair.
fn assert_in_step(s: &Setup, h: &Harness<'_, WorkbenchApp>, when: &str) {
    let fresh = Project::open(&s.path, "reader")
        .unwrap()
        .qa(s.source, s.target)
        .unwrap();
    let view = h.state().wb.qa.check().expect("open");
    assert_eq!(view.segments, fresh.segments, "{when}");
    assert_eq!(h.state().wb.qa.counts(), fresh.counts(), "{when}");
}

#[test]
fn figure_edits_in_the_pair_update_the_rows_they_touch_in_step_with_a_fresh_check() {
    use tualek::app::FigureFields;
    use tualek::app::workbench::Action;
    let s = Setup::pair();
    let mut h = s.open();
    press(&mut h, Key::F8); // segment 2: 1.255 against 1,525
    let wrong = h.state().wb.panes[PaneId::Right].selected.unwrap();
    // The translator's figure fixed to the source's value: the segment is ok.
    h.state_mut().wb.perform(Action::SelectFigure {
        pane: PaneId::Right,
        figure: wrong,
    });
    h.state_mut().wb.perform(Action::Fix {
        fields: FigureFields {
            value: Some(1255.into()),
            ..Default::default()
        },
        note: None,
    });
    h.run();
    assert_eq!(
        h.state().wb.qa.segment(2).unwrap().verdict,
        SegmentVerdict::Ok
    );
    assert_in_step(&s, &h, "after a fix");
    // The 3 days of segment 4 rejected as no figure: nothing is missing.
    let three = h.state().wb.qa.segment(4).unwrap().source_figures[1].clone();
    assert_eq!(three.text, "3");
    h.state_mut().wb.perform(Action::SelectFigure {
        pane: PaneId::Left,
        figure: three.id,
    });
    h.state_mut().wb.perform(Action::Reject);
    h.run();
    assert_eq!(
        h.state().wb.qa.segment(4).unwrap().verdict,
        SegmentVerdict::Ok
    );
    assert_in_step(&s, &h, "after a reject");
    h.get_by_label("QA: 4 ok · 0 mismatch · 0 missing · 1 extra · 0 accepted");
    // A confirm changes no verdict, but the rows hold the confirmed figure.
    h.state_mut().wb.perform(Action::Confirm);
    assert_in_step(&s, &h, "after a confirm");
    for _ in 0..3 {
        undo(&mut h);
    }
    assert_in_step(&s, &h, "after the undos");
    assert_eq!(h.state().wb.qa.counts().problems(), 3);
}

#[test]
fn view_menu_lists_the_stored_pairs_and_q_without_a_pair_says_why() {
    let s = Setup::pair();
    let mut h = s.open();
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Translation QA of…").click();
    h.run();
    h.get_by_label("village-lo › village-en").click();
    h.run();
    assert!(h.state().wb.qa.open);
    assert_eq!(h.state().wb.qa.pair, Some((s.source, s.target)));
    h.get_by_label("5 of 5 segments");

    // A project with one document has no pair to check: Q says so.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("one.tualek");
    let mut project = Project::create(&path, "tester").unwrap();
    let file = dir.path().join("one.txt");
    std::fs::write(&file, "Only 4 wells were dug.\n").unwrap();
    project
        .import(&[file], &ImportOptions::default(), &mut |_| true)
        .unwrap();
    drop(project);
    let mut wb = Workbench::new(Some(dir.path().join("settings.json")), "tester");
    wb.open_project(&path, false).unwrap();
    let mut h = Harness::builder()
        .with_size([1000.0, 700.0])
        .with_max_steps(12)
        .with_context_setup(tualek::fonts::install)
        .build_eframe(move |_| WorkbenchApp::new(wb));
    press(&mut h, Key::Q);
    assert!(!h.state().wb.qa.open);
    h.get_by_label_contains("Open two documents, or import a translation pair");
}

#[test]
fn shift_enter_takes_the_note_typed_in_the_view_along() {
    let s = Setup::pair();
    let mut h = s.open();
    press(&mut h, Key::F8);
    press(&mut h, Key::F8);
    press(&mut h, Key::F8);
    assert_eq!(selected_segment(&h), Some(5));
    let note = "the English counts the stalls";
    h.get_by_label("Segment note").focus();
    h.get_by_label("Segment note").type_text(note);
    h.run();
    // Leaving the field (no Enter) accepts nothing yet.
    h.get_by_label("Segment 5").click();
    h.run();
    assert_eq!(s.stored_counts().accepted, 0);
    press_shift(&mut h, Key::Enter);
    let stored = Project::open(&s.path, "reader")
        .unwrap()
        .qa(s.source, s.target)
        .unwrap();
    assert_eq!(
        stored.segments[4]
            .review
            .as_ref()
            .and_then(|r| r.note.as_deref()),
        Some(note)
    );
}
