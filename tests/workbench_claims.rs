//! The Claims panel, driven by key and by accessible label: it lists the
//! claims of a small hand-made project (two sources giving 96 and 46 cases,
//! and two agreeing on 1,255 workers), disagreements first, with a filter;
//! selecting a claim shows two of its documents side by side at the
//! mentions; ] and [ walk the claims; accept, dismiss and split (key and
//! button) are undone by Ctrl+Z. Each test checks what the workbench or the
//! project file then holds.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use tualek::app::Project;
use tualek::app::workbench::{Action, ClaimShow, PaneId, Workbench};
use tualek::claims::{ClaimState, ReviewedClaim, Verdict};
use tualek::import::ImportOptions;
use tualek::ui::WorkbenchApp;

const POLICE: &str = "Police recorded 96 new human trafficking cases in 2024.\n\
                      Officials assisted 1,255 workers in 2023.\n";
const LAOS: &str = "Laos recorded 46 new human trafficking cases in 2024.\n\
                    Officials assisted 1,255 workers in 2023.\n";
const XINHUA: &str = "Xinhua said police recorded 96 new human trafficking cases in 2024.\n";

struct Setup {
    dir: tempfile::TempDir,
    path: std::path::PathBuf,
}

impl Setup {
    /// A project holding the given text files (name, text), imported in order.
    fn with(files: &[(&str, &str)]) -> Setup {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("claims.tualek");
        let mut project = Project::create(&path, "tester").unwrap();
        let paths: Vec<_> = files
            .iter()
            .map(|(name, text)| {
                let p = dir.path().join(name);
                std::fs::write(&p, text).unwrap();
                p
            })
            .collect();
        let report = project
            .import(&paths, &ImportOptions::default(), &mut |_| true)
            .unwrap();
        assert_eq!(report.added.len(), files.len(), "{:?}", report.refused);
        Setup { dir, path }
    }

    /// Police (96 cases) and Laos (46 cases), both with 1,255 workers.
    fn two_sources() -> Setup {
        Setup::with(&[("police.txt", POLICE), ("laos.txt", LAOS)])
    }

    fn open_at(&self, size: [f32; 2]) -> Harness<'static, WorkbenchApp> {
        let mut wb = Workbench::new(Some(self.dir.path().join("settings.json")), "tester");
        wb.open_project(&self.path, false).unwrap();
        Harness::builder()
            .with_size(size)
            .with_max_steps(12)
            .with_context_setup(tualek::fonts::install)
            .build_eframe(move |_| WorkbenchApp::new(wb))
    }

    fn open(&self) -> Harness<'static, WorkbenchApp> {
        self.open_at([1400.0, 900.0])
    }

    /// The claims as the project file has them now (a separate connection).
    fn claims(&self) -> Vec<ReviewedClaim> {
        Project::open(&self.path, "reader")
            .unwrap()
            .claims()
            .unwrap()
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

/// The claim whose counted noun is `noun` (compared folded: "cases" is
/// "case"), as the workbench has it.
fn claim_of(h: &Harness<'_, WorkbenchApp>, noun: &str) -> ReviewedClaim {
    let wanted = tualek::claims::nouns::fold(noun);
    h.state()
        .wb
        .claims
        .all()
        .iter()
        .find(|c| {
            c.claim
                .description
                .noun
                .as_deref()
                .and_then(tualek::claims::nouns::fold)
                == wanted
        })
        .cloned()
        .unwrap_or_else(|| panic!("no claim about {noun}: {:?}", h.state().wb.claims.all()))
}

/// The documents the two panes show, by title.
fn pane_titles(h: &Harness<'_, WorkbenchApp>) -> [Option<String>; 2] {
    let wb = &h.state().wb;
    PaneId::ALL.map(|i| wb.panes[i].doc.as_ref().map(|d| d.meta.title.clone()))
}

fn selected(h: &Harness<'_, WorkbenchApp>) -> [Option<i64>; 2] {
    let wb = &h.state().wb;
    [
        wb.panes[PaneId::Left].selected,
        wb.panes[PaneId::Right].selected,
    ]
}

fn open_panel(h: &mut Harness<'_, WorkbenchApp>) {
    assert!(h.query_by_label("Claims across sources").is_none());
    press(h, Key::C);
    h.get_by_label("Claims across sources");
}

/// "shown of all", as the panel's header counts them.
fn count_label(h: &Harness<'_, WorkbenchApp>) -> String {
    let wb = &h.state().wb;
    let shown = wb.claims.visible(&wb.documents).len();
    format!("{shown} of {}", wb.claims.all().len())
}

/// The ids of the claims the panel lists, in order.
fn visible(h: &Harness<'_, WorkbenchApp>) -> Vec<tualek::claims::ClaimId> {
    let wb = &h.state().wb;
    wb.claims
        .visible(&wb.documents)
        .iter()
        .map(|c| c.claim.id)
        .collect()
}

#[test]
fn the_panel_lists_disagreements_first_with_values_by_source_and_the_verdict_in_words() {
    let s = Setup::two_sources();
    let mut h = s.open();
    open_panel(&mut h);
    let all = h.state().wb.claims.all().len();
    assert!(all >= 2, "cases and workers at least");
    h.get_by_label(&format!("{all} of {all}"));
    // One disagreeing claim (96 against 46 cases), listed above every agreeing one.
    let disagrees: Vec<_> = h.get_all_by_label("disagrees").map(|n| n.rect()).collect();
    assert_eq!(disagrees.len(), 1);
    let agrees: Vec<_> = h.get_all_by_label("agrees").map(|n| n.rect()).collect();
    assert!(!agrees.is_empty());
    assert!(
        agrees.iter().all(|a| disagrees[0].min.y < a.min.y),
        "the disagreeing claim is listed first: {disagrees:?} {agrees:?}"
    );
    assert_eq!(visible(&h)[0], claim_of(&h, "case").claim.id);
    // The values by source, with their documents' titles, on the claim's row.
    h.get_by_label_contains("96 (police)");
    h.get_by_label_contains("46 (laos)");
    h.get_by_label_contains("1,255 (police)");
    assert_eq!(h.get_all_by_label("suggested").count(), all);
    // The row's description names the counted noun and the year.
    assert!(
        h.get_all_by_label_contains("cases · 2024")
            .any(|n| (n.rect().center().y - disagrees[0].center().y).abs() < 4.0)
    );

    // C again closes it.
    press(&mut h, Key::C);
    assert!(h.query_by_label("Claims across sources").is_none());
    assert!(!h.state().wb.claims.open);
}

#[test]
fn the_filter_keeps_disagreeing_claims_or_those_matching_the_words() {
    let s = Setup::two_sources();
    let mut h = s.open();
    open_panel(&mut h);
    let all = h.state().wb.claims.all().len();
    h.get_by_label("Disagreeing").click();
    h.run();
    assert_eq!(h.state().wb.claims.filter.show, ClaimShow::Disagreeing);
    h.get_by_label(&format!("1 of {all}"));
    h.get_by_label("disagrees");
    assert!(h.query_by_label("agrees").is_none());
    assert_eq!(visible(&h), vec![claim_of(&h, "case").claim.id]);

    h.get_by_label("Accepted").click();
    h.run();
    h.get_by_label(&format!("0 of {all}"));
    h.get_by_label("No claim matches the filter.");

    h.get_by_label("All").click();
    h.run();
    h.get_by_label(&format!("{all} of {all}"));
    // Words the claims hold: the workers' claim, never the cases'.
    h.get_by_label("Filter claims").focus();
    h.get_by_label("Filter claims").type_text("workers");
    h.run();
    let shown = visible(&h);
    assert!(shown.contains(&claim_of(&h, "worker").claim.id));
    assert!(!shown.contains(&claim_of(&h, "case").claim.id));
    assert!(shown.len() < all);
    h.get_by_label(&count_label(&h));
    assert!(h.query_by_label("disagrees").is_none());
    // ... and words no claim holds.
    h.get_by_label("Filter claims").type_text("zzz");
    h.run();
    h.get_by_label(&format!("0 of {all}"));
}

#[test]
fn the_text_filter_matches_document_titles() {
    let s = Setup::with(&[
        ("police.txt", POLICE),
        ("laos.txt", LAOS),
        ("xinhua.txt", XINHUA),
    ]);
    let mut h = s.open();
    open_panel(&mut h);
    h.get_by_label("Filter claims").focus();
    h.get_by_label("Filter claims").type_text("xinhua");
    h.run();
    // Only claims with a mention in Xinhua's story: the cases, not the workers.
    h.get_by_label(&count_label(&h));
    h.get_by_label_contains("96 (xinhua)");
    let shown = visible(&h);
    assert!(shown.contains(&claim_of(&h, "case").claim.id));
    assert!(!shown.contains(&claim_of(&h, "worker").claim.id));
    let xinhua = h
        .state()
        .wb
        .documents
        .iter()
        .find(|d| d.title == "xinhua")
        .unwrap()
        .id;
    for c in h.state().wb.claims.all() {
        let has = c.claim.mentions.iter().any(|m| m.doc == xinhua);
        assert_eq!(shown.contains(&c.claim.id), has, "{c:?}");
    }
}

#[test]
fn selecting_a_row_opens_its_two_documents_side_by_side_at_the_mentions() {
    let s = Setup::two_sources();
    let mut h = s.open();
    open_panel(&mut h);
    let cases = claim_of(&h, "case");
    assert_eq!(cases.claim.verdict, Verdict::Disagrees);
    h.get_by_label_contains("96 (police)").click();
    h.run();
    assert_eq!(h.state().wb.claims.selected, Some(cases.claim.id));
    let mut titles = pane_titles(&h);
    titles.sort();
    assert_eq!(
        titles,
        [Some("laos".to_string()), Some("police".to_string())]
    );
    let mut shown = selected(&h).map(Option::unwrap);
    shown.sort();
    let mut want = cases.claim.figures();
    want.sort();
    assert_eq!(shown.to_vec(), want, "each pane selects its mention");
    // The claim's mentions are outlined in the panes while the panel is open.
    let mut marks = h.state().wb.claim_marks();
    marks.sort();
    assert_eq!(marks, want);
    // The detail beside the list: the verdict, the mentions, the buttons.
    h.get_by_label("Accept");
    h.get_by_label("Dismiss");
    assert_eq!(h.get_all_by_label("Split out").count(), 2);
    h.get_by_label_contains("same counted noun case");

    // The workers claim moves both panes to its own mentions.
    let workers = claim_of(&h, "worker");
    h.get_by_label_contains("1,255 (police)").click();
    h.run();
    assert_eq!(h.state().wb.claims.selected, Some(workers.claim.id));
    let mut shown = selected(&h).map(Option::unwrap);
    shown.sort();
    let mut want = workers.claim.figures();
    want.sort();
    assert_eq!(shown.to_vec(), want);
}

/// Presses ] until the claim `id` is selected (at most once round the list).
fn walk_to(h: &mut Harness<'_, WorkbenchApp>, id: tualek::claims::ClaimId) {
    for _ in 0..=h.state().wb.claims.all().len() {
        if h.state().wb.claims.selected == Some(id) {
            return;
        }
        press(h, Key::CloseBracket);
    }
    panic!("] never reached {id}");
}

#[test]
fn brackets_walk_the_claims_in_the_lists_order_and_wrap_around() {
    let s = Setup::two_sources();
    let mut h = s.open();
    let cases = claim_of(&h, "case").claim.id;
    let order = visible(&h);
    assert!(order.len() >= 2);
    // ] opens the panel at the first claim: the disagreeing one.
    press(&mut h, Key::CloseBracket);
    h.get_by_label("Claims across sources");
    assert_eq!(h.state().wb.claims.selected, Some(cases));
    assert_eq!(order[0], cases);
    for want in order.iter().skip(1) {
        press(&mut h, Key::CloseBracket);
        assert_eq!(h.state().wb.claims.selected, Some(*want));
    }
    press(&mut h, Key::CloseBracket);
    assert_eq!(h.state().wb.claims.selected, Some(cases), "wraps around");
    press(&mut h, Key::OpenBracket);
    assert_eq!(h.state().wb.claims.selected, order.last().copied());
    // The panes follow: the workers' mentions side by side.
    let workers = claim_of(&h, "worker").claim.id;
    walk_to(&mut h, workers);
    let mut shown = selected(&h).map(Option::unwrap);
    shown.sort();
    let mut want = claim_of(&h, "worker").claim.figures();
    want.sort();
    assert_eq!(shown.to_vec(), want);
}

#[test]
fn with_three_sources_the_reviewer_chooses_which_two_are_side_by_side() {
    let s = Setup::with(&[
        ("police.txt", POLICE),
        ("laos.txt", LAOS),
        ("xinhua.txt", XINHUA),
    ]);
    let mut h = s.open();
    press(&mut h, Key::CloseBracket);
    let cases = claim_of(&h, "case");
    assert_eq!(cases.claim.mentions.len(), 3);
    assert_eq!(h.state().wb.claims.selected, Some(cases.claim.id));
    // A disagreeing claim opens on two mentions that disagree.
    let values: Vec<String> = selected(&h)
        .iter()
        .map(|id| {
            let m = cases.claim.mention(id.unwrap()).unwrap();
            m.value.unwrap().to_string()
        })
        .collect();
    assert_ne!(values[0], values[1], "{values:?}");
    h.get_by_label("Side by side:");
    // Put Xinhua's 96 on the right.
    let xinhua = cases
        .claim
        .mentions
        .iter()
        .find(|m| {
            h.state()
                .wb
                .documents
                .iter()
                .any(|d| d.id == m.doc && d.title == "xinhua")
        })
        .unwrap()
        .figure;
    let right = h.state().wb.claims.shown.unwrap()[1];
    assert_ne!(right, xinhua);
    h.get_by_label("Right").click();
    h.run();
    h.get_by_label("96 · xinhua").click();
    h.run();
    assert_eq!(h.state().wb.claims.shown.unwrap()[1], xinhua);
    assert_eq!(pane_titles(&h)[1].as_deref(), Some("xinhua"));
    assert_eq!(selected(&h)[1], Some(xinhua));
}

#[test]
fn the_panel_fits_a_small_window() {
    let s = Setup::two_sources();
    let mut h = s.open_at([800.0, 600.0]);
    press(&mut h, Key::CloseBracket);
    // Above the status bar, without scrolling: the title, the filter and
    // the decisions on the selected claim.
    let bar = h.get_by_label("Saved").rect().min.y;
    let screen = egui::Rect::from_min_max(egui::Pos2::ZERO, egui::pos2(800.0, bar));
    for label in [
        "Claims across sources",
        "Accept",
        "Dismiss",
        "Disagreeing",
        "Filter claims",
    ] {
        let r = h.get_by_label(label).rect();
        assert!(screen.contains_rect(r), "{label} at {r:?}");
    }
    // The documents keep most of the height.
    let panel_top = h.get_by_label("Claims across sources").rect().min.y;
    assert!(panel_top > 300.0, "the panel starts at {panel_top}");
    // Both documents still readable beside each other or one at a time.
    assert!(pane_titles(&h).iter().all(Option::is_some));
}

#[test]
fn the_shortcut_overlay_lists_the_claim_keys() {
    let s = Setup::two_sources();
    let mut h = s.open();
    press(&mut h, Key::F1);
    for label in [
        "Open or close the Claims panel",
        "Next claim (its two sources side by side)",
        "Previous claim",
        "Accept the selected claim",
        "Dismiss the selected claim",
        "Split the selected figure out of its claim",
    ] {
        h.get_by_label(label);
    }
    h.get_by_label("]");
    h.get_by_label("[");
    h.get_by_label("Shift+A");
    h.get_by_label("Shift+X");
    h.get_by_label("Shift+S");
}

#[test]
fn claims_follow_a_review_elsewhere_and_its_undo() {
    let s = Setup::two_sources();
    let mut h = s.open();
    press(&mut h, Key::CloseBracket);
    let cases = claim_of(&h, "case");
    // Rejecting the Laos figure leaves the cases claim one source short.
    let laos_46 = cases
        .claim
        .mentions
        .iter()
        .find(|m| m.text == "46")
        .unwrap()
        .figure;
    let pane = h
        .state()
        .wb
        .panes
        .find(|p| p.doc.as_ref().is_some_and(|d| d.figure(laos_46).is_some()));
    let pane = pane.expect("the Laos story is shown");
    h.state_mut().wb.perform(Action::SelectFigure {
        pane,
        figure: laos_46,
    });
    h.run();
    press(&mut h, Key::X);
    assert!(
        h.state()
            .wb
            .claims
            .all()
            .iter()
            .all(|c| c.claim.mention(laos_46).is_none()),
        "a rejected figure makes no claim"
    );
    assert_eq!(s.claims().len(), h.state().wb.claims.all().len());
    undo(&mut h);
    assert_eq!(claim_of(&h, "case").claim.figures(), cases.claim.figures());
    assert_eq!(claim_of(&h, "case").claim.state, ClaimState::Suggested);
}

/// The claim about `noun` as the project file has it, if there is one.
fn stored_claim(s: &Setup, noun: &str) -> Option<ReviewedClaim> {
    s.claims().into_iter().find(|c| {
        c.claim
            .description
            .noun
            .as_deref()
            .and_then(tualek::claims::nouns::fold)
            == tualek::claims::nouns::fold(noun)
    })
}

/// The links of relation `same` the project file holds.
fn same_links(s: &Setup) -> usize {
    Project::open(&s.path, "reader")
        .unwrap()
        .store()
        .links()
        .unwrap()
        .iter()
        .filter(|l| l.relation == tualek::model::Relation::Same)
        .count()
}

#[test]
fn shift_a_and_the_accept_button_accept_the_claim_and_ctrl_z_undoes_it() {
    let s = Setup::two_sources();
    let mut h = s.open();
    press(&mut h, Key::CloseBracket);
    let cases = claim_of(&h, "case").claim.id;
    assert_eq!(same_links(&s), 0);

    press_shift(&mut h, Key::A);
    let stored = stored_claim(&s, "case").expect("still a claim");
    assert_eq!(stored.claim.state, ClaimState::Accepted);
    assert_eq!(same_links(&s), 1, "its two figures linked as the same fact");
    assert_eq!(claim_of(&h, "case").claim.state, ClaimState::Accepted);
    h.get_by_label_contains("Claim accepted");
    assert_eq!(h.get_all_by_label("accepted").count(), 2, "row and detail");
    assert_eq!(h.state().wb.claims.selected, Some(cases));

    undo(&mut h);
    assert_eq!(same_links(&s), 0);
    assert_eq!(
        stored_claim(&s, "case").unwrap().claim.state,
        ClaimState::Suggested
    );
    assert_eq!(claim_of(&h, "case").claim.state, ClaimState::Suggested);
    h.get_by_label_contains("Undone: accept a claim");

    h.get_by_label("Accept").click();
    h.run();
    assert_eq!(
        stored_claim(&s, "case").unwrap().claim.state,
        ClaimState::Accepted
    );
    // An accepted claim is not dismissed: the reviewer splits it instead.
    press_shift(&mut h, Key::X);
    assert_eq!(
        stored_claim(&s, "case").unwrap().claim.state,
        ClaimState::Accepted
    );
    undo(&mut h);
    assert_eq!(same_links(&s), 0);
}

#[test]
fn shift_x_and_the_dismiss_button_dismiss_the_claim_and_ctrl_z_brings_it_back() {
    let s = Setup::two_sources();
    let mut h = s.open();
    press(&mut h, Key::CloseBracket);
    let workers = claim_of(&h, "worker").claim.id;

    press_shift(&mut h, Key::X);
    assert!(stored_claim(&s, "case").is_none(), "not proposed again");
    assert!(
        h.state()
            .wb
            .claims
            .all()
            .iter()
            .all(|c| c.claim.description.noun.as_deref() != Some("cases"))
    );
    h.get_by_label_contains("Claim dismissed");
    assert_eq!(
        h.state().wb.claims.selected,
        Some(workers),
        "the next claim takes its place"
    );
    // Still dismissed after reopening the project.
    drop(h);
    let mut h = s.open();
    assert!(stored_claim(&s, "case").is_none());
    undo(&mut h);
    assert!(stored_claim(&s, "case").is_some());
    assert_eq!(claim_of(&h, "case").claim.verdict, Verdict::Disagrees);

    press(&mut h, Key::CloseBracket);
    h.get_by_label("Dismiss").click();
    h.run();
    assert!(stored_claim(&s, "case").is_none());
    undo(&mut h);
    assert!(stored_claim(&s, "case").is_some());
}

#[test]
fn shift_s_and_the_split_button_take_a_figure_out_of_the_claim_and_ctrl_z_puts_it_back() {
    let s = Setup::with(&[
        ("police.txt", POLICE),
        ("laos.txt", LAOS),
        ("xinhua.txt", XINHUA),
    ]);
    let mut h = s.open();
    press(&mut h, Key::CloseBracket);
    let cases = claim_of(&h, "case");
    assert_eq!(cases.claim.mentions.len(), 3);
    let laos_46 = cases
        .claim
        .mentions
        .iter()
        .find(|m| m.text == "46")
        .unwrap()
        .figure;
    // Shift+S splits the figure selected in the active pane.
    let pane = h.state().wb.panes.find(|p| p.selected == Some(laos_46));
    let pane = pane.expect("a disagreeing claim opens on the 46");
    h.state_mut().wb.perform(Action::FocusPane(pane));
    press_shift(&mut h, Key::S);
    let after = stored_claim(&s, "case").expect("96 and 96 still one claim");
    assert!(after.claim.mention(laos_46).is_none(), "{after:?}");
    assert_eq!(after.claim.mentions.len(), 2);
    assert_eq!(after.claim.verdict, Verdict::Agrees);
    assert!(claim_of(&h, "case").claim.mention(laos_46).is_none());
    h.get_by_label_contains("split out of the claim");

    undo(&mut h);
    let back = stored_claim(&s, "case").unwrap();
    assert_eq!(back.claim.mentions.len(), 3);
    assert_eq!(claim_of(&h, "case").claim.mentions.len(), 3);

    // The button on the 46's line (mentions by document: police, laos, xinhua).
    walk_to(&mut h, cases.claim.id);
    h.get_all_by_label("Split out").nth(1).unwrap().click();
    h.run();
    assert!(
        stored_claim(&s, "case")
            .unwrap()
            .claim
            .mention(laos_46)
            .is_none()
    );
    undo(&mut h);
    assert!(
        stored_claim(&s, "case")
            .unwrap()
            .claim
            .mention(laos_46)
            .is_some()
    );
}

#[test]
fn a_note_on_the_claim_is_saved_on_enter_and_undone_by_ctrl_z() {
    let s = Setup::two_sources();
    let mut h = s.open();
    press(&mut h, Key::CloseBracket);
    let note = "Xinhua counts cases opened, Lao Security News counts complaints";
    h.get_by_label("Claim note").focus();
    h.get_by_label("Claim note").type_text(note);
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let stored = stored_claim(&s, "case").unwrap();
    assert_eq!(stored.notes().collect::<Vec<_>>(), vec![note]);
    assert_eq!(stored.reviews[0].reviewer, "tester");
    h.get_by_label_contains("Note saved on the claim");
    // Enter in the field saved the note and confirmed no figure.
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

    undo(&mut h);
    assert_eq!(stored_claim(&s, "case").unwrap().notes().count(), 0);
    assert_eq!(h.get_by_label("Claim note").value().as_deref(), Some(""));
}

#[test]
fn merge_with_joins_another_claim_and_ctrl_z_parts_them_again() {
    // Cases in two stories, complaints in two others: a reviewer who knows
    // the complaints are the cases joins the two claims.
    let s = Setup::with(&[
        ("police.txt", POLICE),
        ("laos.txt", LAOS),
        (
            "ministry.txt",
            "The ministry recorded 120 new human trafficking complaints in 2024.\n",
        ),
        (
            "hotline.txt",
            "The hotline recorded 118 new human trafficking complaints in 2024.\n",
        ),
    ]);
    let mut h = s.open();
    let cases = claim_of(&h, "case");
    let complaints = claim_of(&h, "complaint");
    assert_ne!(cases.claim.id, complaints.claim.id);
    let before = s.claims().len();
    walk_to(&mut h, cases.claim.id);
    h.get_by_label("Merge with…").click();
    h.run();
    h.get_by_label_contains(") · 120 (ministry)").click();
    h.run();
    let merged = s
        .claims()
        .into_iter()
        .find(|c| c.claim.mention(cases.claim.figures()[0]).is_some())
        .expect("the cases still make a claim");
    assert_eq!(merged.claim.state, ClaimState::Accepted);
    for f in complaints
        .claim
        .figures()
        .iter()
        .chain(&cases.claim.figures())
    {
        assert!(merged.claim.mention(*f).is_some(), "{f} in {merged:?}");
    }
    assert_eq!(s.claims().len(), before - 1, "two claims became one");
    h.get_by_label_contains("Claims merged");
    assert_eq!(h.state().wb.claims.selected, Some(merged.claim.id));

    undo(&mut h);
    assert_eq!(s.claims().len(), before);
    assert_eq!(
        claim_of(&h, "complaint").claim.figures(),
        complaints.claim.figures()
    );
}

#[test]
fn in_lao_the_panel_names_verdicts_and_counted_nouns_in_lao() {
    let s = Setup::with(&[
        ("police.txt", POLICE),
        ("laos.txt", LAOS),
        ("a.txt", "Officials helped 85 people in 2024.\n"),
        (
            "b.txt",
            "Officials helped 85 people in 2024, the report said.\n",
        ),
    ]);
    std::fs::write(s.dir.path().join("settings.json"), r#"{"locale":"lo"}"#).unwrap();
    let mut h = s.open();
    press(&mut h, Key::C);
    h.get_by_label("ຂໍ້ອ້າງຈາກຫຼາຍແຫຼ່ງຂໍ້ມູນ");
    h.get_by_label("ບໍ່ກົງກັນ");
    assert!(h.get_all_by_label("ກົງກັນ").count() >= 1);
    // The engine's singular nouns read in Lao: case ຄະດີ, person ຄົນ.
    h.get_by_label_contains("ຄະດີ · 2024");
    assert_eq!(claim_of(&h, "person").claim.verdict, Verdict::Agrees);
    h.get_by_label_contains("ຄົນ · 2024");
    press(&mut h, Key::CloseBracket);
    h.get_by_label("ຮັບເອົາ");
    h.get_by_label("ປະຖິ້ມ");
    assert_eq!(h.get_all_by_label("ແຍກອອກ").count(), 2);
}

#[test]
fn view_claims_and_the_review_menu_drive_the_panel() {
    let s = Setup::two_sources();
    let mut h = s.open();
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Claims").click();
    h.run();
    assert!(h.state().wb.claims.open);
    h.get_by_label("Claims across sources");
    // Review → Next claim, then Review → Accept claim.
    h.get_by_label("Review").click();
    h.run();
    h.get_by_label_contains("Next claim").click();
    h.run();
    let cases = claim_of(&h, "case").claim.id;
    assert_eq!(h.state().wb.claims.selected, Some(cases));
    h.get_by_label("Review").click();
    h.run();
    h.get_by_label_contains("Accept claim").click();
    h.run();
    assert_eq!(
        stored_claim(&s, "case").unwrap().claim.state,
        ClaimState::Accepted
    );
    // Closed, the panel outlines nothing.
    press(&mut h, Key::C);
    assert!(h.state().wb.claim_marks().is_empty());
}

#[test]
fn the_panel_takes_a_share_of_a_window_made_smaller() {
    let s = Setup::two_sources();
    let mut h = s.open_at([1400.0, 900.0]);
    press(&mut h, Key::CloseBracket);
    let big = h.get_by_label("Claims across sources").rect().min.y;
    assert!(big > 450.0, "{big}");
    h.set_size(egui::vec2(800.0, 600.0));
    for _ in 0..4 {
        h.run();
    }
    let small = h.get_by_label("Claims across sources").rect().min.y;
    assert!(
        small > 300.0,
        "the documents keep most of the height: {small}"
    );
    let bar = h.get_by_label("Saved").rect().min.y;
    for label in ["Accept", "Dismiss"] {
        let r = h.get_by_label(label).rect();
        assert!(r.max.y <= bar, "{label} at {r:?}, the status bar at {bar}");
    }
}
