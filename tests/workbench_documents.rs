//! Documents in the workbench, driven by label and key: rename, language,
//! split, each undone with Ctrl+Z; checked against what the project file holds.
//! And the count messages that used to read "Imported 1 documents".

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use tualek::app::Project;
use tualek::app::workbench::{Action, PaneId, Workbench};
use tualek::i18n::{Arg, I18n, Locale};
use tualek::import::ImportOptions;
use tualek::model::{Document, Span};
use tualek::ui::WorkbenchApp;

/// A Lao article followed by the English report (like seed 004): guessed `en`.
const MIXED: &str = "ລາຍງານປະຈໍາປີ 2023: ເຈົ້າໜ້າທີ່ຊ່ວຍເຫຼືອແຮງງານ 1,255 ຄົນ.\n\
                     ອ່ານລາຍງານລະອຽດເປັນພາສາອັງກິດຢູ່ລຸ່ມນີ້:\n\n\
                     The Government of Laos does not fully meet the minimum standards.\n\
                     Officials assisted 1,255 workers, including 493 women, in 2023.\n\
                     The ATD investigated 39 potential trafficking cases.\n";
const ROW: &str = "mixed  ·  English";

struct Setup {
    dir: tempfile::TempDir,
    path: std::path::PathBuf,
}

/// A project holding the mixed file, opened in the workbench (one document, left pane).
fn workbench() -> (Setup, Harness<'static, WorkbenchApp>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.tualek");
    let file = dir.path().join("mixed.txt");
    std::fs::write(&file, MIXED).unwrap();
    let mut p = Project::create(&path, "tester").unwrap();
    p.import(&[file], &ImportOptions::default(), &mut |_| true)
        .unwrap();
    drop(p);
    let mut wb = Workbench::new(Some(dir.path().join("settings.json")), "tester");
    wb.open_project(&path, false).unwrap();
    let harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .with_max_steps(12)
        .with_context_setup(tualek::fonts::install)
        .build_eframe(move |_| WorkbenchApp::new(wb));
    (Setup { dir, path }, harness)
}

/// The documents as the project file holds them now (a separate connection).
fn stored(s: &Setup) -> Vec<Document> {
    let p = Project::open(&s.path, "reader").unwrap();
    let store = p.store();
    store
        .documents()
        .unwrap()
        .into_iter()
        .map(|m| store.document(m.id).unwrap().unwrap())
        .collect()
}

fn undo(h: &mut Harness<'_, WorkbenchApp>) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
}

/// Opens a document's context menu in the documents panel (by its row's label).
fn context_menu(h: &mut Harness<'_, WorkbenchApp>, row: &str) {
    h.get_by_role_and_label(Role::Button, row).click_secondary();
    h.run();
}

/// Types a title in the field (its old text is selected, so typing replaces
/// it) and presses Enter (or `last`).
fn type_title(h: &mut Harness<'_, WorkbenchApp>, title: &str, last: Key) {
    let field = h.get_by_label("Title");
    assert!(
        field.is_focused(),
        "the title field takes the cursor at once"
    );
    field.type_text(title);
    h.run();
    h.key_press(last);
    h.run();
}

#[test]
fn rename_from_the_context_menu_enter_saves_and_ctrl_z_undoes() {
    let (s, mut h) = workbench();
    context_menu(&mut h, ROW);
    h.get_by_label("Rename…").click();
    h.run();
    assert_eq!(h.get_by_label("Title").value().as_deref(), Some("mixed"));
    type_title(&mut h, "Trafficking report 2023", Key::Enter);
    assert_eq!(stored(&s)[0].meta.title, "Trafficking report 2023");
    // The panel and the pane's header show the new title at once.
    h.get_by_role_and_label(Role::Button, "Trafficking report 2023  ·  English");
    let pane = &h.state().wb.panes[PaneId::Left];
    assert_eq!(
        pane.doc.as_ref().unwrap().meta.title,
        "Trafficking report 2023"
    );
    undo(&mut h);
    assert_eq!(stored(&s)[0].meta.title, "mixed");
    h.get_by_role_and_label(Role::Button, ROW);
}

#[test]
fn esc_cancels_a_rename_and_f2_starts_one() {
    let (s, mut h) = workbench();
    h.key_press(Key::F2);
    h.run();
    type_title(&mut h, "not this", Key::Escape);
    assert_eq!(stored(&s)[0].meta.title, "mixed");
    assert!(h.query_by_label("Title").is_none(), "the field is gone");
    h.get_by_role_and_label(Role::Button, ROW);
    // F2 again, and Enter this time: a Lao title.
    h.key_press(Key::F2);
    h.run();
    type_title(&mut h, "ລາຍງານການຄ້າມະນຸດ", Key::Enter);
    assert_eq!(stored(&s)[0].meta.title, "ລາຍງານການຄ້າມະນຸດ");
}

#[test]
fn set_the_language_from_the_context_menu() {
    let (s, mut h) = workbench();
    assert_eq!(stored(&s)[0].meta.language.as_str(), "en");
    context_menu(&mut h, ROW);
    h.get_by_label("Language").hover();
    h.run();
    h.get_by_label("Lao (lo)").click();
    h.run();
    assert_eq!(stored(&s)[0].meta.language.as_str(), "lo");
    h.get_by_role_and_label(Role::Button, "mixed  ·  Lao");
    undo(&mut h);
    assert_eq!(stored(&s)[0].meta.language.as_str(), "en");
}

#[test]
fn split_at_the_selected_line_then_undo() {
    let (s, mut h) = workbench();
    let before = stored(&s);
    let figures_before = h.state().wb.panes[PaneId::Left]
        .doc
        .as_ref()
        .unwrap()
        .figures
        .len();
    // Text selected in the middle of the line "Officials assisted …":
    // the cut snaps to the start of that line.
    let text: Vec<char> = MIXED.chars().collect();
    let line = MIXED[..MIXED.find("Officials").unwrap()].chars().count();
    assert_eq!(text[line - 1], '\n');
    h.state_mut().wb.perform(Action::SelectText {
        pane: PaneId::Left,
        span: Some(Span::new(line + 10, line + 18)),
    });
    h.run();
    context_menu(&mut h, ROW);
    h.get_by_label("Split at the selected line").click();
    h.run();

    let docs = stored(&s);
    assert_eq!(docs.len(), 2, "{docs:?}");
    let head: String = text[..line].iter().collect();
    let tail: String = text[line..].iter().collect();
    assert_eq!(docs[0].text, head);
    assert_eq!(docs[1].text, tail);
    assert_eq!(docs[1].meta.title, "mixed (2)");
    assert_eq!(docs[1].meta.language.as_str(), "en");
    // The panes show both parts, with every figure on one side or the other.
    let wb = &h.state().wb;
    let shown: Vec<(i64, usize, usize)> = wb
        .panes
        .iter()
        .map(|p| {
            let d = p.doc.as_ref().unwrap();
            (d.meta.id, d.text.chars().count(), d.figures.len())
        })
        .collect();
    assert_eq!(shown[0].0, 1);
    assert_eq!(shown[0].1, line);
    assert_eq!(shown[1].0, 2);
    assert_eq!(shown[1].1, tail.chars().count());
    assert_eq!(shown[0].2 + shown[1].2, figures_before);
    assert!(shown[1].2 >= 2, "the English figures moved: {shown:?}");
    for f in &wb.panes[PaneId::Right].doc.as_ref().unwrap().figures {
        let read: String = tail.chars().skip(f.span.start).take(f.span.len()).collect();
        assert_eq!(read, f.text);
    }
    h.get_by_label("Split in two: the rest is now “mixed (2)”.");
    h.get_by_role_and_label(Role::Button, "mixed (2)  ·  English");

    undo(&mut h);
    assert_eq!(stored(&s), before);
    let wb = &h.state().wb;
    let pane = wb.panes[PaneId::Left].doc.as_ref().unwrap();
    assert_eq!(pane.text, MIXED, "the left pane shows the whole text again");
    assert_eq!(pane.figures.len(), figures_before);
    assert!(
        wb.panes[PaneId::Right].doc.is_none(),
        "the second part is gone"
    );
    assert!(h.query_by_label("mixed (2)  ·  English").is_none());
}

#[test]
fn split_on_the_first_line_or_with_nothing_selected_is_refused() {
    let (s, mut h) = workbench();
    let before = stored(&s);
    // Nothing selected: the menu item is there, but disabled.
    context_menu(&mut h, ROW);
    let item = h.get_by_label("Split at the selected line");
    assert!(item.accesskit_node().is_disabled());
    item.click();
    h.run();
    assert_eq!(stored(&s), before);
    h.key_press(Key::Escape);
    h.run();
    // A line start from the document view's own menu, on the first line.
    h.state_mut().wb.perform(Action::SplitDocument {
        pane: PaneId::Left,
        at: Some(5),
    });
    h.run();
    h.get_by_label("Error: The first line cannot begin the second part: choose a later line.");
    assert_eq!(stored(&s), before);
    // The same from the view on a later line, mid-word: cut at its start.
    let line = MIXED[..MIXED.find("The ATD").unwrap()].chars().count();
    h.state_mut().wb.perform(Action::SplitDocument {
        pane: PaneId::Left,
        at: Some(line + 6),
    });
    h.run();
    let docs = stored(&s);
    assert_eq!(docs.len(), 2);
    assert!(docs[1].text.starts_with("The ATD"), "{:?}", docs[1].text);
}

#[test]
fn the_import_notice_counts_in_english_and_lao() {
    let en = I18n::new(Locale::En, false);
    let count = |i: &I18n, id: &str, n: i64| i.t_args(id, &[("count", Arg::Int(n))]);
    assert_eq!(count(&en, "notice-imported", 1), "Imported 1 document.");
    assert_eq!(count(&en, "notice-imported", 2), "Imported 2 documents.");
    assert_eq!(
        count(&en, "notice-imported", 1200),
        "Imported 1,200 documents."
    );
    assert!(count(&en, "notice-queued", 1).contains("(1 action queued)"));
    assert!(count(&en, "notice-queued", 3).contains("(3 actions queued)"));
    assert!(count(&en, "notice-linked-all-translation", 1).starts_with("Linked 1 pair of figures"));
    assert!(
        count(&en, "notice-linked-all-translation", 5).starts_with("Linked 5 pairs of figures")
    );
    let lo = I18n::new(Locale::Lo, false);
    assert_eq!(count(&lo, "notice-imported", 1), "ນຳເຂົ້າເອກະສານ 1 ສະບັບແລ້ວ.");
    assert_eq!(count(&lo, "notice-imported", 2), "ນຳເຂົ້າເອກະສານ 2 ສະບັບແລ້ວ.");

    // And as the workbench shows it after importing one file.
    let (s, mut h) = workbench();
    let file = s.dir.path().join("one more.txt");
    std::fs::write(&file, "The ATD identified 96 victims in 2023.\n").unwrap();
    h.state_mut().wb.start_import(vec![file], || {});
    let start = std::time::Instant::now();
    while h.state().wb.job.is_some() {
        assert!(start.elapsed().as_secs() < 30, "the import never finished");
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.run();
    }
    h.run();
    h.get_by_label("Imported 1 document.");
    assert_eq!(stored(&s).len(), 2);
}
