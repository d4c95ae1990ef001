//! Links in the workbench, driven by key and by accessible label: unlinking,
//! the relation new links get and changing it, going from one disagreement
//! to the next, the list behind the status bar's counter, and J/K leaving a
//! figure picked by hand in the other pane alone. Each test checks what the
//! project file (or the settings file) then holds.

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use tualek::app::Project;
use tualek::app::workbench::{Action, PaneId, Workbench};
use tualek::import::ImportOptions;
use tualek::model::{Figure, Link, Relation};
use tualek::ui::WorkbenchApp;

struct Setup {
    dir: tempfile::TempDir,
    path: std::path::PathBuf,
}

impl Setup {
    /// The sample project in a temporary folder.
    fn sample() -> Setup {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sample.tualek");
        drop(Project::open_or_create_sample(&path, "tester").unwrap());
        Setup { dir, path }
    }

    /// Imports text files (name, text) into the project.
    fn import(&self, files: &[(&str, &str)]) {
        let paths: Vec<_> = files
            .iter()
            .map(|(name, text)| {
                let p = self.dir.path().join(name);
                std::fs::write(&p, text).unwrap();
                p
            })
            .collect();
        let report = Project::open(&self.path, "tester")
            .unwrap()
            .import(&paths, &ImportOptions::default(), &mut |_| true)
            .unwrap();
        assert_eq!(report.added.len(), files.len(), "{:?}", report.refused);
    }

    fn settings(&self) -> std::path::PathBuf {
        self.dir.path().join("settings.json")
    }

    /// The workbench on this project.
    fn open(&self) -> Harness<'static, WorkbenchApp> {
        let mut wb = Workbench::new(Some(self.settings()), "tester");
        wb.open_project(&self.path, false).unwrap();
        Harness::builder()
            .with_size([1400.0, 900.0])
            .with_max_steps(12)
            .with_context_setup(tualek::fonts::install)
            .build_eframe(move |_| WorkbenchApp::new(wb))
    }

    /// The links as the project file holds them now (a separate connection).
    fn links(&self) -> Vec<Link> {
        Project::open(&self.path, "reader")
            .unwrap()
            .store()
            .links()
            .unwrap()
    }

    fn link_between(&self, a: &Figure, b: &Figure) -> Option<Link> {
        self.links()
            .into_iter()
            .find(|l| (l.a, l.b) == (a.id, b.id) || (l.a, l.b) == (b.id, a.id))
    }
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

fn select(h: &mut Harness<'_, WorkbenchApp>, pane: PaneId, f: &Figure) {
    h.state_mut()
        .wb
        .perform(Action::SelectFigure { pane, figure: f.id });
    h.run();
}

fn selected(h: &Harness<'_, WorkbenchApp>) -> [Option<i64>; 2] {
    let wb = &h.state().wb;
    [
        wb.panes[PaneId::Left].selected,
        wb.panes[PaneId::Right].selected,
    ]
}

fn undo(h: &mut Harness<'_, WorkbenchApp>) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
}

/// Review → the menu entry labelled `label`.
fn review_menu(h: &mut Harness<'_, WorkbenchApp>, label: &str) {
    h.get_by_label("Review").click();
    h.run();
    h.get_by_label(label).click();
    h.run();
}

#[test]
fn unlink_by_label_removes_the_link_and_undo_brings_it_back() {
    let s = Setup::sample();
    let mut h = s.open();
    let lo_96 = figure_by_text(&h, PaneId::Left, "96");
    let en_96 = figure_by_text(&h, PaneId::Right, "96");
    let before = s.links().len();
    assert!(
        s.link_between(&lo_96, &en_96).is_some(),
        "the sample links them"
    );
    select(&mut h, PaneId::Left, &lo_96);
    h.get_by_label("Unlink").click();
    h.run();
    assert_eq!(
        s.links().len(),
        before - 1,
        "one link removed, the rest kept"
    );
    assert!(s.link_between(&lo_96, &en_96).is_none());
    assert!(
        h.query_by_label("Unlink").is_none(),
        "the inspector lists no link"
    );
    h.get_by_label_contains("Link removed");

    undo(&mut h);
    assert_eq!(s.links().len(), before);
    assert!(s.link_between(&lo_96, &en_96).is_some());
    h.get_by_label("Unlink");
}

#[test]
fn the_relation_chosen_in_the_review_menu_is_what_l_and_shift_l_store() {
    let s = Setup::sample();
    let mut h = s.open();
    let lo_96 = figure_by_text(&h, PaneId::Left, "96");
    let en_46 = figure_by_text(&h, PaneId::Right, "46");
    // Nothing chosen: Lao and English make translations (the sample's links).
    assert!(
        s.links()
            .iter()
            .all(|l| l.relation == Relation::Translation)
    );

    review_menu(&mut h, "Link as source (a claim and what it cites)");
    assert_eq!(h.state().wb.settings.link_relation, Some(Relation::Source));
    let saved = std::fs::read_to_string(s.settings()).unwrap();
    assert!(saved.contains("\"source\""), "remembered: {saved}");

    select(&mut h, PaneId::Right, &en_46);
    select(&mut h, PaneId::Left, &lo_96);
    h.key_press(Key::L);
    h.run();
    let link = s.link_between(&lo_96, &en_46).expect("L stored a link");
    assert_eq!(link.relation, Relation::Source);
    h.get_by_label("Linked as a claim and its source.");

    // Take back the L and the sample's alignment; Shift+L as the same fact.
    undo(&mut h);
    undo(&mut h);
    assert!(s.links().is_empty());
    review_menu(&mut h, "Link as same fact (two sources)");
    h.key_press_modifiers(Modifiers::SHIFT, Key::L);
    h.run();
    let links = s.links();
    assert!(links.len() >= 15, "{links:?}");
    assert!(
        links.iter().all(|l| l.relation == Relation::Same),
        "{links:?}"
    );
    h.get_by_label_contains("as the same facts");

    // The choice outlives the window.
    let reopened = Workbench::new(Some(s.settings()), "tester");
    assert_eq!(reopened.settings.link_relation, Some(Relation::Same));
}

#[test]
fn without_a_choice_two_stories_in_one_language_are_the_same_fact() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("news.tualek");
    drop(Project::create(&path, "tester").unwrap());
    let s = Setup { dir, path };
    s.import(&[
        (
            "vientiane-times.txt",
            "Officials assisted 1,255 workers in 2023, including 493 women.\n",
        ),
        (
            "kpl.txt",
            "The ministry helped 1,255 workers in 2023, 439 of them women.\n",
        ),
    ]);
    let mut h = s.open();
    h.key_press_modifiers(Modifiers::SHIFT, Key::L);
    h.run();
    let links = s.links();
    assert_eq!(links.len(), 3, "{links:?}");
    assert!(
        links.iter().all(|l| l.relation == Relation::Same),
        "{links:?}"
    );
    h.get_by_label_contains("as the same facts");
    h.get_by_label("1 link disagrees");
}

#[test]
fn a_links_relation_changes_in_the_inspector_and_back_with_undo() {
    let s = Setup::sample();
    let mut h = s.open();
    let lo_96 = figure_by_text(&h, PaneId::Left, "96");
    let en_96 = figure_by_text(&h, PaneId::Right, "96");
    select(&mut h, PaneId::Left, &lo_96);
    h.get_by_role_and_label(Role::ComboBox, "Relation").click();
    h.run();
    h.get_by_label("same fact").click();
    h.run();
    let link = s.link_between(&lo_96, &en_96).unwrap();
    assert_eq!(link.relation, Relation::Same);
    h.get_by_label("The link now reads: same fact.");
    assert!(
        s.links()
            .iter()
            .filter(|l| l.id != link.id)
            .all(|l| l.relation == Relation::Translation),
        "only that link changed"
    );

    undo(&mut h);
    assert_eq!(
        s.link_between(&lo_96, &en_96).unwrap().relation,
        Relation::Translation
    );
}

#[test]
fn d_and_shift_d_go_through_the_disagreements_showing_each_partner() {
    let s = Setup::sample();
    s.import(&[("other.txt", "A third report with 7 figures of its own.\n")]);
    let mut h = s.open();
    let lo_96 = figure_by_text(&h, PaneId::Left, "96");
    let en_46 = figure_by_text(&h, PaneId::Right, "46");
    let lo_439 = figure_by_text(&h, PaneId::Left, "439");
    let en_493 = figure_by_text(&h, PaneId::Right, "493");
    // A second disagreement beside the sample's slip: the Lao 96 linked to the English 46.
    select(&mut h, PaneId::Right, &en_46);
    select(&mut h, PaneId::Left, &lo_96);
    h.key_press(Key::L);
    h.run();
    assert_eq!(h.state().wb.links.disagreements(), 2);
    assert!(
        lo_96.span.start < lo_439.span.start,
        "the 96 comes first in the Lao"
    );

    // The English pane shows another document now; D brings the partner back there.
    let first = h.state().wb.panes[PaneId::Left]
        .doc
        .as_ref()
        .unwrap()
        .figures[0]
        .clone();
    select(&mut h, PaneId::Left, &first);
    let third = h
        .state()
        .wb
        .documents
        .iter()
        .find(|d| d.title.contains("other"))
        .unwrap()
        .id;
    h.state_mut().wb.perform(Action::OpenDocument {
        pane: PaneId::Right,
        doc: third,
    });
    h.state_mut().wb.perform(Action::FocusPane(PaneId::Left));
    h.run();

    h.key_press(Key::D);
    h.run();
    let wb = &h.state().wb;
    assert_eq!(
        wb.panes[PaneId::Right].doc.as_ref().unwrap().meta.id,
        en_46.document
    );
    assert_eq!(selected(&h), [Some(lo_96.id), Some(en_46.id)]);
    assert_eq!(
        h.state().wb.active,
        PaneId::Left,
        "the Lao pane stays active"
    );
    h.key_press(Key::D);
    h.run();
    assert_eq!(selected(&h), [Some(lo_439.id), Some(en_493.id)]);
    // Round again to the first, and Shift+D goes back.
    h.key_press(Key::D);
    h.run();
    assert_eq!(selected(&h)[0], Some(lo_96.id));
    h.key_press_modifiers(Modifiers::SHIFT, Key::D);
    h.run();
    assert_eq!(selected(&h), [Some(lo_439.id), Some(en_493.id)]);

    // A document with no disagreement says so, and nothing moves.
    h.state_mut().wb.perform(Action::OpenDocument {
        pane: PaneId::Left,
        doc: third,
    });
    h.run();
    let before = selected(&h);
    h.key_press(Key::D);
    h.run();
    assert_eq!(selected(&h), before);
    h.get_by_label("No linked figure in this document disagrees.");
}

#[test]
fn the_disagreement_counter_opens_the_list_and_a_row_shows_the_pair() {
    let s = Setup::sample();
    let mut h = s.open();
    let lo_439 = figure_by_text(&h, PaneId::Left, "439");
    let en_493 = figure_by_text(&h, PaneId::Right, "493");
    let lo_96 = figure_by_text(&h, PaneId::Left, "96");
    let en_96 = figure_by_text(&h, PaneId::Right, "96");
    select(&mut h, PaneId::Right, &en_96);
    select(&mut h, PaneId::Left, &lo_96);
    assert!(h.query_by_label("Disagreeing links").is_none());
    let titles: Vec<(String, usize)> = h
        .state()
        .wb
        .panes
        .iter()
        .map(|p| p.doc.as_ref().unwrap().meta.title.clone())
        .map(|t| {
            let outside = h.query_all_by_label(&t).count();
            (t, outside)
        })
        .collect();

    h.get_by_label("1 link disagrees").click();
    h.run();
    h.get_by_label("Disagreeing links");
    // Both figures and both documents, each once.
    h.get_by_role_and_label(Role::Link, "\u{201c}439\u{201d}");
    h.get_by_role_and_label(Role::Link, "\u{201c}493\u{201d}");
    // Each document's title once more than outside the list.
    for (t, outside) in &titles {
        assert_eq!(h.query_all_by_label(t).count(), outside + 1, "{t} listed");
    }
    h.get_by_label("Show").click();
    h.run();
    assert_eq!(selected(&h), [Some(lo_439.id), Some(en_493.id)]);

    // The counter closes the list again, and so does Esc.
    h.get_by_label("1 link disagrees").click();
    h.run();
    assert!(h.query_by_label("Disagreeing links").is_none());
    h.get_by_label("1 link disagrees").click();
    h.run();
    h.get_by_label("Disagreeing links");
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(h.query_by_label("Disagreeing links").is_none());
}

#[test]
fn j_and_k_leave_a_figure_picked_by_hand_in_the_other_pane() {
    let s = Setup::sample();
    let mut h = s.open();
    let lo_2023 = figure_by_text(&h, PaneId::Left, "2023");
    let lo_96 = figure_by_text(&h, PaneId::Left, "96");
    let en_96 = figure_by_text(&h, PaneId::Right, "96");
    let en_46 = figure_by_text(&h, PaneId::Right, "46");
    let lo_ids: Vec<i64> = h.state().wb.panes[PaneId::Left]
        .doc
        .as_ref()
        .unwrap()
        .figures
        .iter()
        .map(|f| f.id)
        .collect();
    let at = lo_ids.iter().position(|&id| id == lo_96.id).unwrap();
    assert_eq!(
        lo_ids[at - 1],
        lo_2023.id,
        "the 2023 comes just before the 96"
    );

    // The 46 picked by hand in the English pane, then back to the Lao 2023.
    select(&mut h, PaneId::Right, &en_46);
    select(&mut h, PaneId::Left, &lo_2023);
    h.key_press(Key::J);
    h.run();
    assert_eq!(
        selected(&h),
        [Some(lo_96.id), Some(en_46.id)],
        "the pick stays"
    );
    h.key_press(Key::K);
    h.run();
    h.key_press(Key::J);
    h.run();
    assert_eq!(selected(&h), [Some(lo_96.id), Some(en_46.id)]);

    // Once the reviewer has been to the English pane (Tab) and back, J/K follow again.
    h.key_press(Key::Tab);
    h.run();
    assert_eq!(h.state().wb.active, PaneId::Right);
    h.key_press(Key::Tab);
    h.run();
    h.key_press(Key::K);
    h.run();
    h.key_press(Key::J);
    h.run();
    assert_eq!(
        selected(&h),
        [Some(lo_96.id), Some(en_96.id)],
        "following resumed"
    );
}

#[test]
fn the_shortcut_overlay_lists_d_and_shift_d() {
    let s = Setup::sample();
    let mut h = s.open();
    let next = "Next figure whose link disagrees (its partner shown beside it)";
    assert!(h.query_by_label(next).is_none());
    h.key_press(Key::F1);
    h.run();
    // (The keys themselves are tested by pressing them, above.)
    h.get_by_label(next);
    h.get_by_label("Previous figure whose link disagrees");
}

#[test]
fn capital_d_and_l_typed_in_a_field_are_letters_not_shortcuts() {
    let s = Setup::sample();
    let mut h = s.open();
    let lo_96 = figure_by_text(&h, PaneId::Left, "96");
    select(&mut h, PaneId::Left, &lo_96);
    let links = s.links().len();
    h.get_by_role_and_label(Role::TextInput, "Note").click();
    h.run();
    h.key_press_modifiers(Modifiers::SHIFT, Key::D);
    h.key_press_modifiers(Modifiers::SHIFT, Key::L);
    h.run();
    assert_eq!(selected(&h)[0], Some(lo_96.id), "Shift+D did not move");
    assert_eq!(s.links().len(), links);
    assert!(h.state().wb.notice.is_none(), "{:?}", h.state().wb.notice);
}
