//! The translation QA view (View → Translation QA, or Q): a strip along the
//! bottom of the window listing one document pair's segments — number,
//! verdict in colour and in words, source beside target with the figures
//! coloured by what the check found (matched, mismatched, missing, extra),
//! and who accepted a flagged segment, with the note — with a filter.
//! Beside the list, the selected segment in full: its findings, a note and
//! Accept, Flag again, Show in documents. The rows are virtualised, so a pair
//! of 10 000 segments draws only the rows in view; the check itself is kept
//! by the workbench ([`crate::app::workbench::QaView`]), never redone per frame.
//! Everything it does goes through `Workbench::perform` as an [`Action`].

use std::ops::Range;

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::lao_breaks::{HAIR_SPACE_SIZE, lao_break_points, wrapping};
use super::theme::{Tone, tone_color};
use crate::app::translations::{SegmentQa, Segmentation};
use crate::app::workbench::{Action, QaShow, Workbench};
use crate::i18n::{Arg, I18n};
use crate::model::{DocId, DocumentMeta, Figure, FigureId, SegmentVerdict, Span};

/// What the view keeps between frames: the note being typed, and the
/// segment the list last scrolled to.
#[derive(Default)]
pub struct QaPanel {
    note: NoteDraft,
    scrolled_to: Option<u32>,
}

/// The note field of one segment, as typed.
#[derive(Default)]
struct NoteDraft {
    /// (source, target, number) of the segment the field is about.
    segment: Option<(DocId, DocId, u32)>,
    /// The stored note the field was filled from, to notice changes from elsewhere.
    stored: String,
    text: String,
}

impl NoteDraft {
    fn sync(&mut self, segment: (DocId, DocId, u32), stored: &str) {
        if self.segment != Some(segment) {
            *self = NoteDraft {
                segment: Some(segment),
                stored: stored.to_string(),
                text: stored.to_string(),
            };
        } else if self.stored != stored {
            // Changed elsewhere (an undo): follow it unless typed in.
            if self.text == self.stored {
                self.text = stored.to_string();
            }
            self.stored = stored.to_string();
        }
    }

    fn note(&self) -> Option<String> {
        Some(self.text.trim().to_string()).filter(|n| !n.is_empty())
    }
}

/// What the check found for one figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Matched,
    Mismatched,
    Missing,
    Extra,
}

impl Role {
    fn id(self) -> &'static str {
        match self {
            Role::Matched => "qa-role-matched",
            Role::Mismatched => "qa-role-mismatched",
            Role::Missing => "qa-role-missing",
            Role::Extra => "qa-role-extra",
        }
    }

    /// The figure's background in the text: light behind dark text, dark
    /// behind light, so the figure stays readable in either theme.
    fn background(self, dark: bool) -> Color32 {
        match (self, dark) {
            (Role::Matched, false) => Color32::from_rgb(180, 235, 190),
            (Role::Matched, true) => Color32::from_rgb(30, 100, 50),
            (Role::Mismatched, false) => Color32::from_rgb(255, 185, 185),
            (Role::Mismatched, true) => Color32::from_rgb(130, 35, 35),
            (Role::Missing, false) => Color32::from_rgb(255, 215, 150),
            (Role::Missing, true) => Color32::from_rgb(125, 80, 15),
            (Role::Extra, false) => Color32::from_rgb(220, 200, 250),
            (Role::Extra, true) => Color32::from_rgb(85, 55, 130),
        }
    }
}

/// The role of each figure of a segment, by id.
fn role_of(s: &SegmentQa, id: FigureId) -> Option<Role> {
    let c = &s.check;
    if c.matched.iter().any(|&(a, b)| a == id || b == id) {
        Some(Role::Matched)
    } else if c.mismatched.iter().any(|&(a, b)| a == id || b == id) {
        Some(Role::Mismatched)
    } else if c.missing.contains(&id) {
        Some(Role::Missing)
    } else if c.extra.contains(&id) {
        Some(Role::Extra)
    } else {
        None
    }
}

/// A verdict's colour; the words go with it (colour alone is not enough).
pub fn verdict_color(verdict: SegmentVerdict, dark: bool) -> Color32 {
    let tone = match verdict {
        SegmentVerdict::Ok => Tone::Good,
        SegmentVerdict::Mismatch => Tone::Bad,
        SegmentVerdict::Missing => Tone::Caution,
        SegmentVerdict::Extra => Tone::Other,
    };
    tone_color(tone, dark)
}

fn verdict_id(verdict: SegmentVerdict) -> &'static str {
    match verdict {
        SegmentVerdict::Ok => "qa-verdict-ok",
        SegmentVerdict::Mismatch => "qa-verdict-mismatch",
        SegmentVerdict::Missing => "qa-verdict-missing",
        SegmentVerdict::Extra => "qa-verdict-extra",
    }
}

fn show_id(show: QaShow) -> &'static str {
    match show {
        QaShow::All => "qa-show-all",
        QaShow::Problems => "qa-show-problems",
        QaShow::Accepted => "qa-show-accepted",
    }
}

/// The verdict as a coloured dot and word ("● mismatch"); an accepted
/// segment's word is drawn weaker, its problem settled.
fn verdict_badge(ui: &mut Ui, s: &SegmentQa, i18n: &I18n) {
    let color = if s.aligned {
        verdict_color(s.verdict, ui.visuals().dark_mode)
    } else {
        ui.visuals().weak_text_color()
    };
    ui.horizontal(|ui| {
        let size = ui.text_style_height(&egui::TextStyle::Body) * 0.55;
        let (rect, _) = ui.allocate_exact_size(egui::vec2(size, size), egui::Sense::hover());
        if s.review.is_some() {
            ui.painter()
                .circle_stroke(rect.center(), size / 2.0, egui::Stroke::new(1.5, color));
        } else {
            ui.painter().circle_filled(rect.center(), size / 2.0, color);
        }
        let id = if s.aligned {
            verdict_id(s.verdict)
        } else {
            "qa-verdict-unaligned"
        };
        let mut word = RichText::new(i18n.t(id)).color(color);
        if s.is_flagged() {
            word = word.strong();
        }
        ui.add(egui::Label::new(word).truncate());
    });
}

/// Byte ranges in a segment's text of its figures, with their roles.
fn figure_ranges(
    text: &str,
    segment: Span,
    figures: &[Figure],
    s: &SegmentQa,
) -> Vec<(Range<usize>, Role)> {
    let byte_at = |c: usize| text.char_indices().nth(c).map_or(text.len(), |(b, _)| b);
    let mut out: Vec<(Range<usize>, Role)> = figures
        .iter()
        .filter_map(|f| {
            let role = role_of(s, f.id)?;
            let start = f.span.start.checked_sub(segment.start)?;
            let end = f.span.end.checked_sub(segment.start)?;
            Some((byte_at(start)..byte_at(end), role))
        })
        .filter(|(r, _)| r.start < r.end)
        .collect();
    out.sort_by_key(|(r, _)| r.start);
    out
}

/// A segment's text with its figures coloured by role. Lao gets a hair
/// space at each word boundary (`breaks`) so it wraps between words.
fn highlighted(
    ui: &Ui,
    text: &str,
    ranges: &[(Range<usize>, Role)],
    breaks: &[usize],
) -> LayoutJob {
    let dark = ui.visuals().dark_mode;
    let base = TextFormat {
        font_id: egui::TextStyle::Body.resolve(ui.style()),
        color: ui.visuals().text_color(),
        ..Default::default()
    };
    let mut hair = base.clone();
    hair.font_id.size = HAIR_SPACE_SIZE;
    let mut job = LayoutJob::default();
    // Every place the format changes or a hair space goes, in order.
    let mut cuts: Vec<usize> = ranges
        .iter()
        .flat_map(|(r, _)| [r.start, r.end])
        .chain(breaks.iter().copied())
        .filter(|&b| b > 0 && b < text.len() && text.is_char_boundary(b))
        .collect();
    cuts.push(text.len());
    cuts.sort_unstable();
    cuts.dedup();
    let mut from = 0;
    for cut in cuts {
        if cut > from {
            let mut format = base.clone();
            if let Some((_, role)) = ranges.iter().find(|(r, _)| r.start <= from && from < r.end) {
                format.background = role.background(dark);
            }
            job.append(&text[from..cut], 0.0, format);
        }
        if breaks.contains(&cut) && cut < text.len() {
            job.append(" ", 0.0, hair.clone());
        }
        from = cut;
    }
    job
}

/// A document's title, or its id when unknown.
fn title_of(documents: &[DocumentMeta], id: DocId) -> String {
    documents
        .iter()
        .find(|d| d.id == id)
        .map_or_else(|| format!("#{id}"), |d| d.title.clone())
}

/// Who accepted a segment, when, and why: "tester · 2026-12-01: “km, not miles”".
fn accepted_text(s: &SegmentQa, i18n: &I18n) -> Option<String> {
    let r = s.review.as_ref()?;
    let who = format!("{} · {}", r.reviewer, r.reviewed_at.get(..10).unwrap_or(""));
    Some(match &r.note {
        Some(n) => i18n.t_args(
            "qa-accepted-by-note",
            &[("who", Arg::Str(&who)), ("note", Arg::Str(n))],
        ),
        None => i18n.t_args("qa-accepted-by", &[("who", Arg::Str(&who))]),
    })
}

/// Who accepted a segment and why, short for its row (the column says
/// "Accepted by"): "tester: “km, not miles”".
fn accepted_short(s: &SegmentQa) -> Option<String> {
    let r = s.review.as_ref()?;
    Some(match &r.note {
        Some(n) => format!("{}: \u{201c}{n}\u{201d}", r.reviewer),
        None => r.reviewer.clone(),
    })
}

impl QaPanel {
    /// The note typed for the selected segment, for Shift+Enter to accept with.
    pub fn note_for(&self, wb: &Workbench) -> Option<String> {
        let pair = wb.qa.pair?;
        let number = wb.qa.selected?;
        (self.note.segment == Some((pair.0, pair.1, number)))
            .then(|| self.note.note())
            .flatten()
    }

    /// Draws the view's contents; returns the actions taken in it.
    pub fn show(&mut self, ui: &mut Ui, wb: &Workbench, i18n: &I18n) -> Vec<Action> {
        let mut actions = Vec::new();
        self.header(ui, wb, i18n, &mut actions);
        ui.separator();
        let view = &wb.qa;
        if view.segments().is_empty() {
            ui.label(wrapping(ui, RichText::new(i18n.t("qa-none")).weak()));
            return actions;
        }
        let width = ui.available_width();
        if let Some(s) = view.selected_segment() {
            egui::Panel::right("qa-detail")
                .resizable(true)
                .default_size((width * 0.38).clamp(220.0, 520.0))
                .size_range(200.0..=(width * 0.6).max(200.0))
                .show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .id_salt("qa-detail-scroll")
                        .auto_shrink([false, false])
                        .show(ui, |ui| self.detail(ui, wb, s, i18n, &mut actions));
                });
        }
        egui::CentralPanel::no_frame().show(ui, |ui| {
            if view.visible().is_empty() {
                ui.label(wrapping(ui, RichText::new(i18n.t("qa-none-match")).weak()));
                return;
            }
            self.table(ui, wb, i18n, &mut actions);
        });
        actions
    }

    fn header(&mut self, ui: &mut Ui, wb: &Workbench, i18n: &I18n, actions: &mut Vec<Action>) {
        let view = &wb.qa;
        ui.horizontal_wrapped(|ui| {
            ui.strong(i18n.t("qa-title"));
            if let Some((a, b)) = view.pair {
                let pair = i18n.t_args(
                    "qa-pair",
                    &[
                        ("source", Arg::Str(&title_of(&wb.documents, a))),
                        ("target", Arg::Str(&title_of(&wb.documents, b))),
                    ],
                );
                // Another pair with stored segments, listed only when asked.
                ui.menu_button(pair, |ui| pair_menu(ui, wb, i18n, actions))
                    .response
                    .on_hover_text(i18n.t("qa-hint-pair"));
            }
            ui.weak(i18n.t_args(
                "qa-count",
                &[
                    ("shown", Arg::Int(view.visible().len() as i64)),
                    ("count", Arg::Int(view.segments().len() as i64)),
                ],
            ));
            ui.separator();
            for show in QaShow::ALL {
                if ui
                    .selectable_label(view.show == show, i18n.t(show_id(show)))
                    .clicked()
                    && view.show != show
                {
                    actions.push(Action::SetQaShow(show));
                }
            }
            ui.separator();
            if ui
                .small_button(i18n.t("qa-close"))
                .on_hover_text(i18n.t("qa-hint-close"))
                .clicked()
            {
                actions.push(Action::ToggleQa);
            }
        });
        if view
            .check()
            .is_some_and(|c| c.segmentation == Segmentation::Sentences)
        {
            let note = RichText::new(i18n.t("qa-sentences")).italics().weak();
            ui.label(wrapping(ui, note));
        }
    }

    fn table(&mut self, ui: &mut Ui, wb: &Workbench, i18n: &I18n, actions: &mut Vec<Action>) {
        let view = &wb.qa;
        let segments = view.segments();
        let visible = view.visible();
        let selected = view.selected;
        let selected_row = view.selected_row();
        let scroll_now = (selected != self.scrolled_to)
            .then_some(selected_row)
            .flatten();
        self.scrolled_to = selected;
        // Taller than a Latin line, the text centred: Lao stacks a vowel and
        // a tone mark above the consonant (ນີ້, ມື້), higher than the line's
        // top, and a cell clips what leaves it.
        let row_height = (ui.text_style_height(&egui::TextStyle::Body) * 1.5).round() + 4.0;
        let table_width = ui.available_width() - 4.0 * ui.spacing().item_spacing.x;
        let share = |f: f32| (table_width * f).max(40.0);
        // The list scrolls within the view; it never makes the view taller.
        let room = (ui.available_height() - row_height - 3.0 * ui.spacing().item_spacing.y)
            .max(row_height);
        ui.style_mut().interaction.selectable_labels = false;
        let mut table = TableBuilder::new(ui)
            .id_salt("qa")
            .striped(true)
            .sense(egui::Sense::click())
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .auto_shrink([false, true])
            .max_scroll_height(room)
            .column(Column::initial(share(0.05)).at_least(36.0).clip(true))
            .column(Column::initial(share(0.12)).at_least(70.0).clip(true))
            .column(Column::initial(share(0.31)).at_least(80.0).clip(true))
            .column(Column::initial(share(0.31)).at_least(80.0).clip(true))
            .column(Column::remainder().at_least(60.0).clip(true));
        if let Some(row) = scroll_now {
            table = table.scroll_to_row(row, Some(egui::Align::Center));
        }
        table
            .header(row_height, |mut h| {
                for id in [
                    "qa-column-number",
                    "qa-column-verdict",
                    "qa-column-source",
                    "qa-column-target",
                    "qa-column-review",
                ] {
                    h.col(|ui| {
                        ui.add(egui::Label::new(RichText::new(i18n.t(id)).strong()).truncate());
                    });
                }
            })
            .body(|body| {
                // Only the rows in view are laid out (and their texts coloured).
                body.rows(row_height, visible.len(), |mut row| {
                    let s = &segments[visible[row.index()]];
                    row.set_selected(Some(row.index()) == selected_row);
                    row.col(|ui| {
                        ui.label(i18n.int(s.number as i64));
                    });
                    row.col(|ui| verdict_badge(ui, s, i18n));
                    for (text, span, figures) in [
                        (&s.source_text, s.source, &s.source_figures),
                        (&s.target_text, s.target, &s.target_figures),
                    ] {
                        row.col(|ui| {
                            let ranges = figure_ranges(text, span, figures, s);
                            let job = highlighted(ui, text, &ranges, &[]);
                            ui.add(egui::Label::new(job).truncate())
                                .on_hover_text(text.as_str());
                        });
                    }
                    row.col(|ui| {
                        if let Some(t) = accepted_short(s) {
                            let full = accepted_text(s, i18n).unwrap_or_default();
                            ui.add(egui::Label::new(RichText::new(&t).weak()).truncate())
                                .on_hover_text(full);
                        }
                    });
                    if row.response().clicked() {
                        actions.push(Action::SelectSegment(s.number));
                    }
                });
            });
    }

    fn detail(
        &mut self,
        ui: &mut Ui,
        wb: &Workbench,
        s: &SegmentQa,
        i18n: &I18n,
        actions: &mut Vec<Action>,
    ) {
        let Some((source, target)) = wb.qa.pair else {
            return;
        };
        ui.horizontal_wrapped(|ui| {
            ui.strong(i18n.t_args(
                "qa-segment",
                &[("number", Arg::Str(&i18n.int(s.number as i64)))],
            ));
            verdict_badge(ui, s, i18n);
        });
        // The decisions first, so a short view shows them without scrolling.
        let can_accept = wb.qa.can_accept();
        let stored = s
            .review
            .as_ref()
            .and_then(|r| r.note.clone())
            .unwrap_or_default();
        self.note.sync((source, target, s.number), &stored);
        let flagged = s.verdict != SegmentVerdict::Ok && s.aligned;
        let note_changed = s.review.is_some() && self.note.text.trim() != stored.trim();
        let mut accept = false;
        ui.horizontal_wrapped(|ui| {
            let accept_enabled = can_accept && flagged && (s.review.is_none() || note_changed);
            let accept_label = if s.review.is_some() {
                "qa-save-note"
            } else {
                "qa-accept"
            };
            accept |= ui
                .add_enabled(accept_enabled, egui::Button::new(i18n.t(accept_label)))
                .on_hover_text(i18n.t("qa-hint-accept"))
                .on_disabled_hover_text(i18n.t(if can_accept {
                    "qa-hint-accept"
                } else {
                    "qa-hint-sentences"
                }))
                .clicked();
            if ui
                .add_enabled(
                    s.review.is_some(),
                    egui::Button::new(i18n.t("qa-flag-again")),
                )
                .on_hover_text(i18n.t("qa-hint-flag-again"))
                .clicked()
            {
                actions.push(Action::UnacceptSegment {
                    number: Some(s.number),
                });
            }
            if ui
                .button(i18n.t("qa-show-in-panes"))
                .on_hover_text(i18n.t("qa-hint-show"))
                .clicked()
            {
                actions.push(Action::SelectSegment(s.number));
            }
        });
        // The note: Enter saves it with the acceptance.
        if can_accept && flagged {
            ui.horizontal(|ui| {
                let label = ui.label(i18n.t("qa-note"));
                let width = (ui.available_width() - 8.0).max(80.0);
                let r = ui
                    .add(
                        egui::TextEdit::singleline(&mut self.note.text)
                            .desired_width(width)
                            .hint_text(i18n.t("qa-note-hint")),
                    )
                    .labelled_by(label.id);
                let entered = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                accept |= entered && (s.review.is_none() || note_changed);
            });
        }
        if accept {
            actions.push(Action::AcceptSegment {
                number: Some(s.number),
                note: self.note.note(),
            });
        }
        if let Some(t) = accepted_text(s, i18n) {
            ui.add(egui::Label::new(RichText::new(t).weak()).wrap());
        }
        ui.add_space(4.0);
        for (title, text, span, figures) in [
            (
                title_of(&wb.documents, source),
                &s.source_text,
                s.source,
                &s.source_figures,
            ),
            (
                title_of(&wb.documents, target),
                &s.target_text,
                s.target,
                &s.target_figures,
            ),
        ] {
            ui.add(egui::Label::new(RichText::new(title).weak()).truncate());
            let ranges = figure_ranges(text, span, figures, s);
            let job = highlighted(ui, text, &ranges, &lao_break_points(text));
            ui.add(egui::Label::new(job).wrap());
            ui.add_space(2.0);
        }
        ui.add_space(4.0);
        findings(ui, s, i18n);
    }
}

/// The check's findings, one a line: each role's colour and word, with the
/// figures as written ("mismatch 1.255 ≠ 1,525"; the fonts have no arrows).
fn findings(ui: &mut Ui, s: &SegmentQa, i18n: &I18n) {
    let text_of = |fs: &[Figure], id: FigureId| {
        fs.iter()
            .find(|f| f.id == id)
            .map_or_else(|| format!("#{id}"), |f| f.text.clone())
    };
    let (src, tgt) = (&s.source_figures, &s.target_figures);
    let c = &s.check;
    let mut lines: Vec<(Role, String)> = Vec::new();
    for &(a, b) in &c.mismatched {
        lines.push((
            Role::Mismatched,
            format!("{} ≠ {}", text_of(src, a), text_of(tgt, b)),
        ));
    }
    for &a in &c.missing {
        lines.push((Role::Missing, text_of(src, a)));
    }
    for &b in &c.extra {
        lines.push((Role::Extra, text_of(tgt, b)));
    }
    for &(a, b) in &c.matched {
        lines.push((
            Role::Matched,
            format!("{} = {}", text_of(src, a), text_of(tgt, b)),
        ));
    }
    if lines.is_empty() {
        ui.weak(i18n.t("qa-no-figures"));
    }
    let dark = ui.visuals().dark_mode;
    for (role, figures) in lines {
        ui.horizontal_wrapped(|ui| {
            let word = RichText::new(format!(" {} ", i18n.t(role.id())))
                .background_color(role.background(dark))
                .color(ui.visuals().strong_text_color());
            ui.label(word);
            ui.label(figures);
        });
    }
}

/// The pairs with stored segments, to check another one.
pub fn pair_menu(ui: &mut Ui, wb: &Workbench, i18n: &I18n, actions: &mut Vec<Action>) {
    let pairs = wb
        .project
        .as_ref()
        .and_then(|p| p.store().segment_pairs().ok())
        .unwrap_or_default();
    if pairs.is_empty() {
        ui.weak(i18n.t("qa-no-pairs"));
    }
    for (source, target) in pairs {
        let label = i18n.t_args(
            "qa-pair",
            &[
                ("source", Arg::Str(&title_of(&wb.documents, source))),
                ("target", Arg::Str(&title_of(&wb.documents, target))),
            ],
        );
        if ui
            .radio(wb.qa.open && wb.qa.pair == Some((source, target)), label)
            .clicked()
        {
            actions.push(Action::OpenQa { source, target });
            ui.close();
        }
    }
}
