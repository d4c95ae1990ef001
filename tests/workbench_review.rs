//! The review loop as a new user meets it (issue 10: notes, zoom and small
//! windows, the figures table, the shortcut overlay, the Lao interface, undo),
//! driven by key and by accessible label; each test checks what the project
//! file, the settings file or the screen then holds.

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use tualek::app::workbench::{Action, PaneId, Workbench};
use tualek::app::{Project, Settings};
use tualek::i18n::Locale;
use tualek::model::{Figure, Status};
use tualek::ui::WorkbenchApp;

struct Setup {
    dir: tempfile::TempDir,
    path: std::path::PathBuf,
}

impl Setup {
    fn settings(&self) -> Settings {
        Settings::load(&self.dir.path().join("settings.json"))
    }

    /// A figure as the project file holds it now (read through a separate connection).
    fn stored(&self, id: i64) -> Figure {
        Project::open(&self.path, "reader")
            .unwrap()
            .store()
            .figure(id)
            .unwrap()
            .unwrap()
    }
}

/// The sample project in a temporary folder, opened in a window of `size`
/// with `settings` (zoom, language) as if remembered from the last run.
fn workbench_with(
    size: [f32; 2],
    settings: impl FnOnce(&mut Settings),
) -> (Setup, Harness<'static, WorkbenchApp>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.tualek");
    drop(Project::open_or_create_sample(&path, "tester").unwrap());
    let settings_path = dir.path().join("settings.json");
    let mut s = Settings::default();
    settings(&mut s);
    s.save(&settings_path).unwrap();
    let mut wb = Workbench::new(Some(settings_path), "tester");
    wb.open_project(&path, false).unwrap();
    let harness = Harness::builder()
        .with_size(size)
        .with_max_steps(12)
        .with_context_setup(tualek::fonts::install)
        .build_eframe(move |_| WorkbenchApp::new(wb));
    (Setup { dir, path }, harness)
}

fn workbench() -> (Setup, Harness<'static, WorkbenchApp>) {
    workbench_with([1400.0, 900.0], |_| {})
}

fn selected(h: &Harness<'_, WorkbenchApp>) -> Figure {
    h.state()
        .wb
        .active_pane()
        .selected_figure()
        .cloned()
        .expect("a figure is selected")
}

/// The titles over the document panes ("title  ·  Lao"), left to right.
fn pane_titles(h: &Harness<'_, WorkbenchApp>) -> Vec<String> {
    use egui_kittest::kittest::NodeT;
    let mut titles: Vec<(f32, String)> = h
        .query_all_by_label_contains("  ·  ")
        .filter(|n| n.accesskit_node().role() == Role::Label)
        .filter_map(|n| Some((n.rect().min.x, n.accesskit_node().value()?.to_string())))
        .collect();
    titles.sort_by(|a, b| a.0.total_cmp(&b.0));
    titles.into_iter().map(|(_, t)| t).collect()
}

fn type_note(h: &mut Harness<'_, WorkbenchApp>, label: &str, note: &str) {
    h.get_by_role_and_label(Role::TextInput, label).click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, label)
        .type_text(note);
    h.run();
}

#[test]
fn a_note_typed_before_confirm_is_saved_with_the_decision() {
    let (s, mut h) = workbench();
    let f = selected(&h);
    type_note(&mut h, "Note", "checked against the ILO table");
    h.get_by_label("Confirm").click();
    h.run();
    let now = s.stored(f.id);
    assert_eq!(now.status, Status::Confirmed);
    assert_eq!(now.note.as_deref(), Some("checked against the ILO table"));
}

#[test]
fn a_note_goes_with_a_rejection_by_key_too() {
    let (s, mut h) = workbench();
    let f = selected(&h);
    type_note(&mut h, "Note", "a page number");
    // Leave the field without Enter (a click on the Documents heading), then X.
    h.get_by_label("Documents").click();
    h.run();
    h.key_press(Key::X);
    h.run();
    let now = s.stored(f.id);
    assert_eq!(now.status, Status::Rejected);
    assert_eq!(now.note.as_deref(), Some("a page number"));
}

#[test]
fn a_note_alone_keeps_the_status_and_is_undoable() {
    let (s, mut h) = workbench();
    let f = selected(&h);
    assert_eq!(f.status, Status::Unreviewed);
    type_note(&mut h, "Note", "ask the author");
    h.key_press(Key::Enter);
    h.run();
    let now = s.stored(f.id);
    assert_eq!(now.note.as_deref(), Some("ask the author"));
    assert_eq!(now.status, Status::Unreviewed, "a note is no decision");
    h.get_by_label_contains("Note saved");

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let undone = s.stored(f.id);
    assert_eq!(undone.note, None);
    assert_eq!(undone.status, Status::Unreviewed);
    h.get_by_label_contains("Undone: note on");
}

#[test]
fn ctrl_0_resets_the_saved_zoom() {
    let (s, mut h) = workbench_with([1400.0, 900.0], |s| s.zoom = 1.8);
    assert_eq!(h.ctx.zoom_factor(), 1.8);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    h.run();
    assert_eq!(h.state().wb.settings.zoom, 1.0);
    assert_eq!(s.settings().zoom, 1.0, "a restart brings back 100 %");
    assert_eq!(h.ctx.zoom_factor(), 1.0);
    for _ in 0..3 {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
        h.run();
    }
    assert_eq!(s.settings().zoom, 1.3);
}

/// Whether `inner` lies inside `outer`, give or take a pixel.
fn inside(inner: egui::Rect, outer: egui::Rect) -> bool {
    outer.expand(1.0).contains_rect(inner)
}

fn assert_usable(h: &Harness<'_, WorkbenchApp>, size: egui::Vec2) {
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, size);
    for label in ["Confirm", "Reject", "Documents", "File", "Review"] {
        let r = h.get_by_label(label).rect();
        assert!(
            inside(r, screen),
            "{label} at {r:?} is off the {screen:?} window"
        );
    }
    // The two buttons sit side by side, neither over the other.
    let (c, r) = (
        h.get_by_label("Confirm").rect(),
        h.get_by_label("Reject").rect(),
    );
    assert!(!c.intersects(r.shrink(1.0)), "{c:?} overlaps {r:?}");
}

#[test]
fn a_small_window_shows_one_pane_and_keeps_every_control_on_screen() {
    let (_s, mut h) = workbench_with([800.0, 600.0], |_| {});
    h.run();
    assert_usable(&h, egui::vec2(800.0, 600.0));
    // Two columns would be too narrow to read: the active (Lao) one alone.
    assert_eq!(pane_titles(&h), ["ການເຄື່ອນຍ້າຍແຮງງານ ແລະ ການຄ້າມະນຸດ  ·  Lao"]);
    // Tab shows the other document in its place.
    h.key_press(Key::Tab);
    h.run();
    assert_eq!(
        pane_titles(&h),
        ["Labour migration and trafficking in Laos  ·  English"]
    );
}

#[test]
fn at_zoom_2_the_layout_stays_usable() {
    // The harness measures its screen in points: a 1400 × 900 pixel window
    // at zoom 2 is 700 × 450 points.
    let (_s, mut h) = workbench_with([700.0, 450.0], |s| s.zoom = 2.0);
    h.run();
    assert_eq!(h.ctx.zoom_factor(), 2.0);
    assert_usable(&h, egui::vec2(700.0, 450.0));
    let documents = h.get_by_label("Documents").rect();
    // A heading on one line: not wrapped one character a line.
    assert!(documents.height() < 60.0, "{documents:?}");
    // 700 points across: one document, wide enough to read, not two squeezed.
    assert_eq!(pane_titles(&h), ["ການເຄື່ອນຍ້າຍແຮງງານ ແລະ ການຄ້າມະນຸດ  ·  Lao"]);
    use egui_kittest::kittest::NodeT;
    let pane = h
        .query_all_by_label_contains("  ·  ")
        .find(|n| n.accesskit_node().role() == Role::Label)
        .unwrap()
        .rect();
    assert!(pane.width() >= 280.0, "{pane:?}");
    assert!(!pane.intersects(h.get_by_label("Confirm").rect()));
}

#[test]
fn zoom_1_8_in_a_full_hd_window_is_usable() {
    let (_s, mut h) = workbench_with([1920.0 / 1.8, 1080.0 / 1.8], |s| s.zoom = 1.8);
    h.run();
    assert_usable(&h, egui::vec2(1920.0 / 1.8, 1080.0 / 1.8));
    // Whether one pane or two, each is wide enough to read and none overlaps another.
    use egui_kittest::kittest::NodeT;
    let panes: Vec<egui::Rect> = h
        .query_all_by_label_contains("  ·  ")
        .filter(|n| n.accesskit_node().role() == Role::Label)
        .map(|n| n.rect())
        .collect();
    assert!(!panes.is_empty());
    for (i, a) in panes.iter().enumerate() {
        assert!(a.width() >= 250.0, "{a:?}");
        for b in &panes[i + 1..] {
            assert!(!a.intersects(*b), "{a:?} overlaps {b:?}");
        }
    }
}

#[test]
fn wide_windows_show_both_documents() {
    let (_s, h) = workbench_with([1920.0, 1080.0], |_| {});
    assert_eq!(
        pane_titles(&h),
        [
            "ການເຄື່ອນຍ້າຍແຮງງານ ແລະ ການຄ້າມະນຸດ  ·  Lao",
            "Labour migration and trafficking in Laos  ·  English"
        ]
    );
    assert_usable(&h, egui::vec2(1920.0, 1080.0));
}

#[test]
fn clicking_a_row_of_the_figures_table_selects_that_figure() {
    let (_s, mut h) = workbench();
    let doc = h.state().wb.panes[PaneId::Left].doc.as_ref().unwrap();
    let current = selected(&h).id;
    // A figure further down whose text no other figure shares.
    let target = doc
        .figures
        .iter()
        .rev()
        .find(|f| f.id != current && doc.figures.iter().filter(|g| g.text == f.text).count() == 1)
        .cloned()
        .unwrap();
    let scrolls = h.state().wb.panes[PaneId::Left].scroll_generation;
    h.get_by_label(&target.text).click();
    h.run();
    assert_eq!(selected(&h).id, target.id);
    assert!(
        h.state().wb.panes[PaneId::Left].scroll_generation > scrolls,
        "the pane scrolls to the figure"
    );
}

#[test]
fn esc_closes_the_shortcut_overlay_and_keys_read_as_printed() {
    let (_s, mut h) = workbench();
    h.key_press(Key::F1);
    h.run();
    h.get_by_label("Keyboard shortcuts");
    h.get_by_label("F1 / ?");
    h.get_by_label("J / ↓");
    h.get_by_label("Ctrl+0");
    assert!(h.query_by_label_contains("Questionmark").is_none());
    h.key_press(Key::Escape);
    h.run();
    assert!(h.query_by_label("Keyboard shortcuts").is_none());
}

#[test]
fn the_lao_interface_words_undo_units_and_languages_in_lao() {
    let (_s, mut h) = workbench_with([1400.0, 900.0], |s| s.locale = Locale::Lo);
    let f = selected(&h);
    h.key_press(Key::Enter);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let notice = format!("ຍ້ອນຄືນແລ້ວ: ການຢືນຢັນ \u{201c}{}\u{201d}", f.text);
    h.get_by_label(&notice);
    assert!(h.query_by_label_contains("confirm").is_none());
    // Pane titles name the languages in Lao.
    assert_eq!(
        pane_titles(&h),
        [
            "ການເຄື່ອນຍ້າຍແຮງງານ ແລະ ການຄ້າມະນຸດ  ·  ລາວ",
            "Labour migration and trafficking in Laos  ·  ອັງກິດ"
        ]
    );
    // Units read in Lao in the figures table (stored as the English key).
    let doc = h.state().wb.panes[PaneId::Left].doc.as_ref().unwrap();
    assert!(
        doc.figures
            .iter()
            .any(|f| f.unit.as_deref() == Some("people")),
        "the Lao sample counts people"
    );
    assert!(!h.get_all_by_label("ຄົນ").collect::<Vec<_>>().is_empty());
    assert!(h.query_by_label("people").is_none());
}

#[test]
fn a_long_notice_hides_the_key_hints_instead_of_overprinting_them() {
    let (_s, mut h) = workbench_with([900.0, 700.0], |_| {});
    h.run();
    let hints = "Enter confirm · X reject · E fix · J/K move · N next to do · F1 all keys";
    h.get_by_label(hints);
    h.key_press(Key::R); // nothing selected to re-anchor to: a refusal
    h.run();
    let notice = h.get_by_label_contains("Select some text with the mouse first");
    let notice = notice.rect();
    if let Some(hint) = h.query_by_label(hints) {
        assert!(
            !hint.rect().intersects(notice),
            "the hints overprint the notice"
        );
    }
}

#[test]
fn e_selects_the_value_so_typing_replaces_it() {
    let (s, mut h) = workbench();
    let f = selected(&h);
    h.key_press(Key::E);
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Value")
        .type_text("42");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let now = s.stored(f.id);
    assert_eq!(now.status, Status::Corrected);
    assert_eq!(now.value.unwrap().to_string(), "42");
}

#[test]
fn undo_selects_the_figure_it_restores() {
    let (s, mut h) = workbench();
    let f = selected(&h);
    h.key_press(Key::Enter); // confirms f, moves on
    h.run();
    assert_ne!(selected(&h).id, f.id);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(selected(&h).id, f.id);
    assert_eq!(s.stored(f.id).status, Status::Unreviewed);
    h.get_by_label_contains("Undone: confirm");
    // Its translation beside it, as after any move through the figures.
    let wb = &h.state().wb;
    let partner = wb
        .links
        .of(f.id)
        .filter_map(|p| p.other(f.id))
        .map(|g| g.id)
        .next()
        .expect("the sample's figures are linked");
    assert_eq!(wb.panes[PaneId::Right].selected, Some(partner));
}

/// The sample project opened headless, with settings kept in the temporary folder.
fn headless() -> (Setup, Workbench) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.tualek");
    drop(Project::open_or_create_sample(&path, "tester").unwrap());
    let mut wb = Workbench::new(Some(dir.path().join("settings.json")), "tester");
    wb.open_project(&path, false).unwrap();
    (Setup { dir, path }, wb)
}

#[test]
fn zoom_steps_round_to_a_tenth_and_stay_within_bounds() {
    let (s, mut wb) = headless();
    wb.perform(Action::Zoom(0.07));
    assert_eq!(wb.settings.zoom, 1.1, "rounded to a tenth");
    assert_eq!(s.settings().zoom, 1.1, "and remembered");
    for _ in 0..20 {
        wb.perform(Action::Zoom(0.5));
    }
    assert_eq!(wb.settings.zoom, *Settings::ZOOM.end());
    for _ in 0..20 {
        wb.perform(Action::Zoom(-0.3));
    }
    assert_eq!(wb.settings.zoom, *Settings::ZOOM.start());
    for step in [f32::NAN, f32::INFINITY, f32::NEG_INFINITY] {
        wb.perform(Action::Zoom(step));
        assert_eq!(wb.settings.zoom, 0.5, "a step of {step} changes nothing");
    }
    wb.perform(Action::Zoom(0.0));
    assert_eq!(wb.settings.zoom, 1.0);
    assert_eq!(s.settings().zoom, 1.0);
    // A zoom that is no number (set by hand) steps back to 100 %.
    wb.settings.zoom = f32::NAN;
    wb.perform(Action::Zoom(0.1));
    assert_eq!(wb.settings.zoom, 1.0);
}

#[test]
fn view_settings_are_remembered_and_never_undone() {
    let (s, mut wb) = headless();
    let f = wb.active_pane().selected.expect("a figure is selected");
    wb.perform(Action::Confirm);
    let store = || Project::open(&s.path, "reader").unwrap();
    let last = store().store().undoable().unwrap().unwrap();
    assert_eq!(last.action, "review.confirm");
    let saved = wb.saved_actions;

    wb.perform(Action::SetDark(true));
    wb.perform(Action::SetLocale(Locale::Lo));
    wb.perform(Action::SetLaoDigits(true));
    wb.perform(Action::Zoom(0.2));
    wb.perform(Action::ToggleTwoPanes);
    let settings = s.settings();
    assert!(settings.dark && settings.lao_digits && !settings.two_panes);
    assert_eq!((settings.locale, settings.zoom), (Locale::Lo, 1.2));
    assert_eq!(wb.saved_actions, saved, "no project edit");
    let still = store().store().undoable().unwrap().unwrap();
    assert_eq!(still.id, last.id, "the history holds no setting");

    // Undo takes back the confirm; the settings stay as they are.
    wb.perform(Action::Undo);
    assert_eq!(s.stored(f).status, Status::Unreviewed);
    assert_eq!(wb.settings, settings);
    assert_eq!(s.settings(), settings);
}
