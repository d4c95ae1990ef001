//! The real workbench, driven by key and by accessible label over a temporary
//! project; each test checks what the project file then holds.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use tualek::app::Project;
use tualek::app::workbench::{Action, PaneId, Workbench};
use tualek::model::{Figure, Span, Status};
use tualek::ui::WorkbenchApp;

struct Setup {
    _dir: tempfile::TempDir,
    path: std::path::PathBuf,
}

/// The sample project in a temporary folder, opened in the workbench.
fn workbench() -> (Setup, Harness<'static, WorkbenchApp>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.tualek");
    drop(Project::open_or_create_sample(&path, "tester").unwrap());
    let mut wb = Workbench::new(Some(dir.path().join("settings.json")), "tester");
    wb.open_project(&path, false).unwrap();
    // Saving finishes on the flush thread, which then asks for a repaint
    // ("Saved"): that can land a few frames after an action, past
    // kittest's default of 4 steps for the UI to settle.
    let harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .with_max_steps(12)
        .with_context_setup(tualek::fonts::install)
        .build_eframe(move |_| WorkbenchApp::new(wb));
    (Setup { _dir: dir, path }, harness)
}

/// A figure as the project file holds it now (read through a separate connection).
fn stored(setup: &Setup, id: i64) -> Figure {
    Project::open(&setup.path, "reader")
        .unwrap()
        .store()
        .figure(id)
        .unwrap()
        .unwrap()
}

fn selected(h: &Harness<'_, WorkbenchApp>) -> Figure {
    h.state()
        .wb
        .active_pane()
        .selected_figure()
        .cloned()
        .expect("a figure is selected")
}

#[test]
fn opens_the_lao_and_english_documents_side_by_side() {
    let (_s, h) = workbench();
    let wb = &h.state().wb;
    let langs: Vec<&str> = wb
        .panes
        .iter()
        .map(|p| p.doc.as_ref().unwrap().meta.language.as_str())
        .collect();
    assert_eq!(langs, ["lo", "en"]);
    assert!(
        wb.panes[PaneId::Left].doc.as_ref().unwrap().figures.len() >= 10,
        "the sample is full of figures"
    );
    h.get_by_label("Confirm");
    h.get_by_label("Documents");
}

#[test]
fn the_status_bar_says_saved_once_the_action_is_on_disk() {
    let (s, mut h) = workbench();
    let first = selected(&h);
    h.key_press(Key::Enter);
    h.run();
    // Committed at once, whatever the flush thread is doing.
    assert_eq!(stored(&s, first.id).status, Status::Confirmed);
    assert!(
        h.state()
            .wb
            .wait_until_saved(std::time::Duration::from_secs(10)),
        "the flush thread never made the confirm durable"
    );
    assert!(h.state().wb.is_saved());
    h.run();
    h.get_by_label("Saved");
    assert!(h.query_by_label("Saving…").is_none());
}

#[test]
fn confirm_and_reject_by_key() {
    let (s, mut h) = workbench();
    let first = selected(&h);
    assert_eq!(first.status, Status::Unreviewed);
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(stored(&s, first.id).status, Status::Confirmed);
    assert_eq!(stored(&s, first.id).reviewer.as_deref(), Some("tester"));
    // Confirming moves on to the next figure to review.
    let second = selected(&h);
    assert_ne!(second.id, first.id);
    h.key_press(Key::X);
    h.run();
    assert_eq!(stored(&s, second.id).status, Status::Rejected);
    let third = selected(&h);
    h.key_press(Key::Delete);
    h.run();
    assert_eq!(stored(&s, third.id).status, Status::Rejected);
}

#[test]
fn confirm_and_reject_by_label() {
    let (s, mut h) = workbench();
    let first = selected(&h);
    h.get_by_label("Reject").click();
    h.run();
    assert_eq!(stored(&s, first.id).status, Status::Rejected);
    let second = selected(&h);
    h.get_by_label("Confirm").click();
    h.run();
    assert_eq!(stored(&s, second.id).status, Status::Confirmed);
}

#[test]
fn navigate_with_j_k_and_arrows_and_n() {
    let (_s, mut h) = workbench();
    let ids: Vec<i64> = h.state().wb.panes[PaneId::Left]
        .doc
        .as_ref()
        .unwrap()
        .figures
        .iter()
        .map(|f| f.id)
        .collect();
    assert_eq!(selected(&h).id, ids[0]);
    for (key, want) in [
        (Key::J, 1),
        (Key::ArrowDown, 2),
        (Key::K, 1),
        (Key::ArrowUp, 0),
        (Key::ArrowUp, 0),
    ] {
        h.key_press(key);
        h.run();
        assert_eq!(selected(&h).id, ids[want], "{key:?}");
    }
    h.key_press(Key::Enter); // confirms ids[0], moves to the next unreviewed
    h.run();
    h.key_press(Key::K);
    h.run();
    h.key_press(Key::N);
    h.run();
    assert_eq!(selected(&h).id, ids[1], "N skips the reviewed figure");
    h.key_press(Key::Tab);
    h.run();
    assert_eq!(
        h.state().wb.active,
        PaneId::Right,
        "Tab switches to the English pane"
    );
}

#[test]
fn fix_by_typing_a_value() {
    let (s, mut h) = workbench();
    let f = selected(&h);
    h.key_press(Key::E);
    h.run();
    // E put the cursor in the value field: select what is there and type over it.
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Value")
        .type_text("12345.5");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let now = stored(&s, f.id);
    assert_eq!(now.status, Status::Corrected);
    assert_eq!(now.value.unwrap().to_string(), "12345.5");
}

#[test]
fn reanchor_and_add_from_a_text_selection() {
    let (s, mut h) = workbench();
    let f = selected(&h);
    // Select the figure's own text less its last character, as a mouse drag would.
    let span = Span::new(f.span.start, f.span.end - 1);
    h.state_mut().wb.perform(Action::SelectText {
        pane: PaneId::Left,
        span: Some(span),
    });
    h.key_press(Key::R);
    h.run();
    let moved = stored(&s, f.id);
    assert_eq!((moved.span, moved.status), (span, Status::Corrected));

    // "ວຽງຈັນ" (Vientiane) at the start of the dateline is no figure: add it by hand.
    let text = h.state().wb.panes[PaneId::Left]
        .doc
        .as_ref()
        .unwrap()
        .text
        .clone();
    let b = text.find("ວຽງຈັນ").unwrap();
    let start = text[..b].chars().count();
    let span = Span::new(start, start + "ວຽງຈັນ".chars().count());
    h.state_mut().wb.perform(Action::SelectText {
        pane: PaneId::Left,
        span: Some(span),
    });
    h.key_press(Key::A);
    h.run();
    let added = selected(&h);
    assert_eq!((added.text.as_str(), added.span), ("ວຽງຈັນ", span));
    assert_eq!(stored(&s, added.id).origin.0, "manual");
}

#[test]
fn undo_and_redo_by_key_survive_in_the_file() {
    let (s, mut h) = workbench();
    let f = selected(&h);
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(stored(&s, f.id).status, Status::Confirmed);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(stored(&s, f.id).status, Status::Unreviewed);
    let shown = h.state().wb.panes[PaneId::Left]
        .doc
        .as_ref()
        .unwrap()
        .figure(f.id)
        .unwrap()
        .status;
    assert_eq!(shown, Status::Unreviewed, "the view follows the undo");
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(stored(&s, f.id).status, Status::Confirmed);
    // And from the menu, by label.
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label("Undo").click();
    h.run();
    assert_eq!(stored(&s, f.id).status, Status::Unreviewed);
}

#[test]
fn refusals_read_in_the_interface_language() {
    let (_s, mut h) = workbench();
    // R with no text selected: refused, nothing written, said in English...
    h.key_press(Key::R);
    h.run();
    h.get_by_label("Error: Select some text with the mouse first.");
    // ...and in Lao once the interface is Lao.
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Language").hover();
    h.run();
    h.get_by_label("ລາວ").click();
    h.run();
    h.key_press(Key::R);
    h.run();
    h.get_by_label_contains("ກະລຸນາໃຊ້ເມົ້າເລືອກຂໍ້ຄວາມກ່ອນ");
}

#[test]
fn switching_to_lao_changes_the_labels() {
    let (_s, mut h) = workbench();
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Language").hover();
    h.run();
    h.get_by_label("ລາວ").click();
    h.run();
    h.get_by_label("ໄຟລ໌");
    h.get_by_label("ຢືນຢັນ");
    assert!(h.query_by_label("Confirm").is_none());
    assert_eq!(h.state().wb.settings.locale, tualek::i18n::Locale::Lo);
    // A setting, not an edit: undo leaves the language alone.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().wb.settings.locale, tualek::i18n::Locale::Lo);
    h.get_by_label("ໄຟລ໌");
}

#[test]
fn the_shortcut_overlay_opens_with_f1() {
    let (_s, mut h) = workbench();
    h.key_press(Key::F1);
    h.run();
    h.get_by_label("Keyboard shortcuts");
    h.get_by_label("Confirm the selected figure");
}

/// A CJK font on this machine, if any (CI installs Debian's fonts-droid-fallback).
fn cjk_font_installed() -> bool {
    let out = std::process::Command::new("fc-list")
        .arg(":lang=zh")
        .output();
    out.map(|o| !o.stdout.is_empty()).unwrap_or(false)
}

#[test]
fn chinese_text_renders_through_the_system_fonts() {
    if !cjk_font_installed() {
        eprintln!("no CJK font on this machine (apt-get install fonts-droid-fallback): skipped");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("zh.tualek");
    let file = dir.path().join("report-zh.txt");
    std::fs::write(&file, "2023年共发现人口贩卖案件96起，解救受害者1255人。\n").unwrap();
    let mut p = Project::create(&path, "tester").unwrap();
    p.import(&[file], &Default::default(), &mut |_| true)
        .unwrap();
    drop(p);
    let mut wb = Workbench::new(None, "tester");
    wb.open_project(&path, false).unwrap();
    // The harness fails on any glyph it cannot draw: Chinese must come from the system.
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .with_context_setup(|ctx| {
            tualek::fonts::install(ctx);
            tualek::fonts::add_system_fallback(ctx);
        })
        .build_eframe(move |_| WorkbenchApp::new(wb));
    harness.run();
    assert_eq!(
        harness.state().wb.panes[PaneId::Left]
            .doc
            .as_ref()
            .unwrap()
            .meta
            .language
            .as_str(),
        "zh"
    );
}

/// The figure of `pane` whose text is `text`.
fn figure_by_text(h: &Harness<'_, WorkbenchApp>, pane: PaneId, text: &str) -> Figure {
    h.state().wb.panes[pane]
        .doc
        .as_ref()
        .unwrap()
        .figures
        .iter()
        .find(|f| f.text == text)
        .cloned()
        .unwrap_or_else(|| panic!("no figure {text:?} in pane {pane:?}"))
}

/// Selects `a` in the Lao pane and `b` in the English one, then presses L.
fn link_by_key(h: &mut Harness<'_, WorkbenchApp>, a: &Figure, b: &Figure) {
    for (pane, f) in [(PaneId::Right, b), (PaneId::Left, a)] {
        h.state_mut()
            .wb
            .perform(Action::SelectFigure { pane, figure: f.id });
    }
    h.key_press(Key::L);
    h.run();
}

#[test]
fn the_sample_opens_with_its_translation_linked_and_the_slip_shown() {
    let (s, mut h) = workbench();
    // The Lao sample says 439 women where the English says 493, on purpose.
    let lo_439 = figure_by_text(&h, PaneId::Left, "439");
    let en_493 = figure_by_text(&h, PaneId::Right, "493");
    let links = Project::open(&s.path, "reader")
        .unwrap()
        .store()
        .links()
        .unwrap();
    assert!(
        links.len() >= 15,
        "the sample's figures are linked: {links:?}"
    );
    let wb = &h.state().wb;
    assert_eq!(wb.links.disagreements(), 1);
    assert!(wb.links.disputed.contains(&lo_439.id) && wb.links.disputed.contains(&en_493.id));
    h.get_by_label("1 link disagrees");

    // The linking is one action: undone with Ctrl+Z, redone with Shift+L.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().wb.links.len(), 0);
    assert!(h.query_by_label("1 link disagrees").is_none());
    h.key_press_modifiers(Modifiers::SHIFT, Key::L);
    h.run();
    assert_eq!(h.state().wb.links.len(), links.len());
    assert_eq!(h.state().wb.links.disagreements(), 1);
    // Again: nothing left to link, and the message says so.
    h.key_press_modifiers(Modifiers::SHIFT, Key::L);
    h.run();
    h.get_by_label_contains("linked already");
}

#[test]
fn linked_figures_show_whether_they_agree() {
    let (s, mut h) = workbench();
    // The Lao and English sample both report 96 cases, and 46 the year before.
    let lo_96 = figure_by_text(&h, PaneId::Left, "96");
    let en_96 = figure_by_text(&h, PaneId::Right, "96");
    let en_46 = figure_by_text(&h, PaneId::Right, "46");
    h.state_mut().wb.perform(Action::SelectFigure {
        pane: PaneId::Left,
        figure: lo_96.id,
    });
    h.run();
    h.get_by_label("Linked figures");
    h.get_by_label("same value");
    // Linking them again is refused.
    link_by_key(&mut h, &lo_96, &en_96);
    h.get_by_label_contains("linked already");

    // Link the Lao 96 to the English 46 as well: a second disagreement, shown at once.
    let before = h.state().wb.links.len();
    link_by_key(&mut h, &lo_96, &en_46);
    let links = Project::open(&s.path, "reader")
        .unwrap()
        .store()
        .links()
        .unwrap();
    assert_eq!(
        links.len(),
        before + 1,
        "L stores the link in the project file"
    );
    assert!(links.iter().any(|l| (l.a, l.b) == (lo_96.id, en_46.id)));
    let wb = &h.state().wb;
    assert_eq!(wb.links.disagreements(), 2);
    assert!(wb.links.disputed.contains(&lo_96.id) && wb.links.disputed.contains(&en_46.id));
    assert!(!wb.links.disputed.contains(&en_96.id));
    h.get_by_label("2 links disagree");
    h.get_by_label_contains("disagrees: 96 here, 46 there");

    // Rejecting the wrong figure settles it.
    h.state_mut().wb.perform(Action::SelectFigure {
        pane: PaneId::Right,
        figure: en_46.id,
    });
    h.key_press(Key::X);
    h.run();
    assert_eq!(stored(&s, en_46.id).status, Status::Rejected);
    assert_eq!(h.state().wb.links.disagreements(), 1);
    h.get_by_label("1 link disagrees");
}

#[test]
fn moving_to_a_linked_figure_selects_its_partner_in_the_other_pane() {
    let (_s, mut h) = workbench();
    let lo_2023 = figure_by_text(&h, PaneId::Left, "2023");
    let lo_96 = figure_by_text(&h, PaneId::Left, "96");
    let en_96 = figure_by_text(&h, PaneId::Right, "96");
    let en_46 = figure_by_text(&h, PaneId::Right, "46");
    // From the Lao 2023, J moves to the 96 (a figure picked by hand in the
    // English pane would stay: tests/workbench_links.rs).
    h.state_mut().wb.perform(Action::SelectFigure {
        pane: PaneId::Left,
        figure: lo_2023.id,
    });
    h.key_press(Key::J);
    h.run();
    let wb = &h.state().wb;
    assert_eq!(wb.panes[PaneId::Left].selected, Some(lo_96.id));
    assert_eq!(
        wb.panes[PaneId::Right].selected,
        Some(en_96.id),
        "the partner follows"
    );

    // The inspector's link opens the partner.
    h.state_mut().wb.perform(Action::SelectFigure {
        pane: PaneId::Right,
        figure: en_46.id,
    });
    h.state_mut().wb.perform(Action::FocusPane(PaneId::Left));
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::Link, "\u{201c}96\u{201d}")
        .click();
    h.run();
    assert_eq!(h.state().wb.panes[PaneId::Right].selected, Some(en_96.id));
    assert_eq!(
        h.state().wb.active,
        PaneId::Left,
        "the active pane stays active"
    );
}

#[test]
fn pane_ids_name_the_other_pane_and_address_the_panes() {
    assert_eq!(PaneId::Left.other(), PaneId::Right);
    assert_eq!(PaneId::Right.other(), PaneId::Left);
    assert_eq!(PaneId::ALL, [PaneId::Left, PaneId::Right]);

    let (_s, mut h) = workbench();
    let wb = &mut h.state_mut().wb;
    let [lo, en] = PaneId::ALL.map(|p| wb.panes[p].doc.as_ref().unwrap().meta.id);
    assert_ne!(lo, en);
    assert_eq!(wb.panes.showing(lo), Some(PaneId::Left));
    assert_eq!(wb.panes.showing(en), Some(PaneId::Right));
    assert_eq!(wb.panes.empty(), None);
    assert_eq!(wb.active, PaneId::Left);
    wb.perform(Action::SwitchPane);
    assert_eq!(wb.active, PaneId::Right);
    wb.perform(Action::SwitchPane);
    assert_eq!(wb.active, PaneId::Left);
    wb.perform(Action::FocusPane(PaneId::Right));
    assert_eq!(wb.active, PaneId::Right);
    // One pane: the left one is the one shown, and Tab stays there.
    wb.perform(Action::ToggleTwoPanes);
    assert_eq!(wb.active, PaneId::Left);
    wb.perform(Action::SwitchPane);
    assert_eq!(wb.active, PaneId::Left);
}

#[test]
fn a_search_hit_opens_in_the_active_pane_selected() {
    let (_s, mut h) = workbench();
    let wb = &mut h.state_mut().wb;
    let en = wb.panes[PaneId::Right].doc.as_ref().unwrap().meta.id;
    let span = Span::new(3, 9);
    wb.perform(Action::ShowText { doc: en, span });
    let left = &wb.panes[PaneId::Left];
    assert!(left.shows(en), "opened where the reviewer is");
    assert_eq!(left.text_selection, Some(span));
    assert_eq!(left.scroll_target, Some(3));
    assert_eq!(wb.active, PaneId::Left);
}
