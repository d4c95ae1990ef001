//! The Claims panel (View → Claims, or C): a strip along the bottom of the
//! window listing the project's claims across sources — what each is about,
//! the values by source with their documents, the verdict in colour and in
//! words, suggested or accepted — disagreeing claims first, with a filter.
//! Beside the list, the selected claim: its mentions (split one out), which
//! two are shown side by side in the panes, accept, dismiss, merge and a note.
//! Everything it does goes through `Workbench::perform` as an [`Action`].

use egui::{Color32, RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::lao_breaks::wrapping;
use super::theme::{Tone, tone_color};
use crate::app::workbench::{Action, ClaimFilter, ClaimShow, Workbench};
use crate::claims::{ClaimId, ClaimState, Description, Mention, Reason, ReviewedClaim, Verdict};
use crate::i18n::{Arg, I18n, NumberStyle, format_decimal, format_plain};
use crate::model::{Decimal, DocumentMeta, FigureId, Kind};

/// What the panel keeps between frames: the note being typed, and the claim
/// the list last scrolled to.
#[derive(Default)]
pub struct ClaimsPanel {
    note: NoteDraft,
    scrolled_to: Option<ClaimId>,
}

/// The note field of one claim, as typed.
#[derive(Default)]
struct NoteDraft {
    claim: Option<ClaimId>,
    /// The stored note the field was filled from, to notice changes from elsewhere.
    stored: String,
    text: String,
}

impl NoteDraft {
    fn sync(&mut self, claim: ClaimId, stored: &str) {
        if self.claim != Some(claim) {
            *self = NoteDraft {
                claim: Some(claim),
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

    fn changed(&self) -> bool {
        self.text.trim() != self.stored.trim()
    }
}

/// A verdict's colour; the words go with it (colour alone is not enough).
pub fn verdict_color(verdict: Verdict, dark: bool) -> Color32 {
    let tone = match verdict {
        Verdict::Agrees => Tone::Good,
        Verdict::Rounding => Tone::Info,
        Verdict::Hedged => Tone::Caution,
        Verdict::Disagrees => Tone::Bad,
    };
    tone_color(tone, dark)
}

fn verdict_id(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Agrees => "claims-verdict-agrees",
        Verdict::Rounding => "claims-verdict-rounding",
        Verdict::Hedged => "claims-verdict-hedged",
        Verdict::Disagrees => "claims-verdict-disagrees",
    }
}

fn state_id(state: ClaimState) -> &'static str {
    match state {
        ClaimState::Suggested => "claims-state-suggested",
        ClaimState::Accepted => "claims-state-accepted",
    }
}

fn show_id(show: ClaimShow) -> &'static str {
    match show {
        ClaimShow::All => "claims-show-all",
        ClaimShow::Disagreeing => "claims-show-disagreeing",
        ClaimShow::Suggested => "claims-show-suggested",
        ClaimShow::Accepted => "claims-show-accepted",
    }
}

/// The verdict as a coloured dot and word ("● disagrees"): the colour for
/// the eye, the word for everyone (colour alone is not enough).
fn verdict_badge(ui: &mut Ui, verdict: Verdict, i18n: &I18n) -> egui::Response {
    let color = verdict_color(verdict, ui.visuals().dark_mode);
    ui.horizontal(|ui| {
        let size = ui.text_style_height(&egui::TextStyle::Body) * 0.55;
        let (rect, _) = ui.allocate_exact_size(egui::vec2(size, size), egui::Sense::hover());
        ui.painter().circle_filled(rect.center(), size / 2.0, color);
        let word = RichText::new(i18n.t(verdict_id(verdict)))
            .color(color)
            .strong();
        ui.add(egui::Label::new(word).truncate())
    })
    .inner
}

/// What a claim is about, in the interface's language where a gloss exists:
/// "cases · 2024 · (trafficking, recorded)".
pub fn description_text(d: &Description, i18n: &I18n) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(n) = &d.noun {
        parts.push(gloss(n, i18n));
    }
    if let Some(t) = &d.time {
        parts.push(t.clone());
    }
    if !d.words.is_empty() {
        parts.push(format!("({})", d.words.join(", ")));
    }
    if parts.is_empty() {
        i18n.t("claims-no-description")
    } else {
        parts.join(" · ")
    }
}

/// A counted noun in the interface's language. The engine folds nouns to
/// the singular (`case`, `person`) where the gloss tables know the plural
/// the extractor reads (`cases`, `people`), so both are tried.
fn gloss(noun: &str, i18n: &I18n) -> String {
    let direct = i18n.unit(noun);
    if direct != noun {
        return direct.into_owned();
    }
    let plural = match noun {
        "person" => "people".to_string(),
        "woman" => "women".to_string(),
        "man" => "men".to_string(),
        "child" => "children".to_string(),
        n if n.ends_with('y') && !n.ends_with("ay") && !n.ends_with("ey") => {
            format!("{}ies", &n[..n.len() - 1])
        }
        n => format!("{n}s"),
    };
    let glossed = i18n.unit(&plural);
    if glossed != plural.as_str() {
        glossed.into_owned()
    } else {
        noun.to_string()
    }
}

/// A mention's value as the locale writes it, with its hedge ("more than 1,000").
pub fn mention_value(m: &Mention, style: NumberStyle) -> String {
    let plain = matches!(
        m.kind,
        Kind::Year | Kind::Date | Kind::Identifier | Kind::Rank | Kind::Ordinal
    );
    let fmt = |d: &Decimal| {
        if plain {
            format_plain(d, style)
        } else {
            format_decimal(d, style)
        }
    };
    let value = match (m.value, m.value_max) {
        (Some(v), Some(x)) => format!("{} – {}", fmt(&v), fmt(&x)),
        (Some(v), None) => fmt(&v),
        _ => m.text.clone(),
    };
    match &m.hedge {
        Some(h) => format!("{} {value}", h.words),
        None => value,
    }
}

fn title_of(documents: &[DocumentMeta], m: &Mention) -> String {
    documents
        .iter()
        .find(|d| d.id == m.doc)
        .map_or_else(|| format!("#{}", m.doc), |d| d.title.clone())
}

/// The values by source on one line: "96 (Police report) · 46 (Lao news)".
fn values_text(c: &ReviewedClaim, documents: &[DocumentMeta], i18n: &I18n) -> String {
    let style = i18n.number_style();
    c.claim
        .mentions
        .iter()
        .map(|m| format!("{} ({})", mention_value(m, style), title_of(documents, m)))
        .collect::<Vec<_>>()
        .join("  ·  ")
}

/// One reason in the interface's language.
fn reason_text(r: &Reason, i18n: &I18n) -> String {
    match r {
        Reason::SameNoun { noun } => i18n.t_args(
            "claims-reason-same-noun",
            &[("noun", Arg::Str(&gloss(noun, i18n)))],
        ),
        Reason::RelatedNouns { a, b } => i18n.t_args(
            "claims-reason-related-nouns",
            &[
                ("a", Arg::Str(&gloss(a, i18n))),
                ("b", Arg::Str(&gloss(b, i18n))),
            ],
        ),
        Reason::SameTime { time } => {
            i18n.t_args("claims-reason-same-time", &[("time", Arg::Str(time))])
        }
        Reason::SharedWords { words } => i18n.t_args(
            "claims-reason-shared-words",
            &[("words", Arg::Str(&words.join(", ")))],
        ),
        Reason::SameValue => i18n.t("claims-reason-same-value"),
        Reason::Accepted => i18n.t("claims-reason-accepted"),
    }
}

impl ClaimsPanel {
    /// Draws the panel's contents; returns the actions taken in it.
    pub fn show(&mut self, ui: &mut Ui, wb: &Workbench, i18n: &I18n) -> Vec<Action> {
        let mut actions = Vec::new();
        let view = &wb.claims;
        let visible = view.visible(&wb.documents);
        header(ui, wb, visible.len(), i18n, &mut actions);
        ui.separator();
        if view.all().is_empty() {
            ui.label(wrapping(ui, RichText::new(i18n.t("claims-none")).weak()));
            return actions;
        }
        let width = ui.available_width();
        if let Some(claim) = view.selected_claim() {
            egui::Panel::right("claims-detail")
                .resizable(true)
                .default_size((width * 0.42).clamp(220.0, 560.0))
                .size_range(200.0..=(width * 0.65).max(200.0))
                .show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .id_salt("claims-detail-scroll")
                        .auto_shrink([false, false])
                        .show(ui, |ui| self.detail(ui, wb, claim, i18n, &mut actions));
                });
        }
        egui::CentralPanel::no_frame().show(ui, |ui| {
            if visible.is_empty() {
                ui.label(wrapping(
                    ui,
                    RichText::new(i18n.t("claims-none-match")).weak(),
                ));
                return;
            }
            self.table(ui, wb, &visible, i18n, &mut actions);
        });
        actions
    }

    fn table(
        &mut self,
        ui: &mut Ui,
        wb: &Workbench,
        visible: &[&ReviewedClaim],
        i18n: &I18n,
        actions: &mut Vec<Action>,
    ) {
        let selected = wb.claims.selected;
        let selected_row = selected.and_then(|id| visible.iter().position(|c| c.claim.id == id));
        let scroll_now = (selected != self.scrolled_to)
            .then_some(selected_row)
            .flatten();
        self.scrolled_to = selected;
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
        let table_width = ui.available_width() - 3.0 * ui.spacing().item_spacing.x;
        let share = |f: f32| (table_width * f).max(40.0);
        // The list scrolls within the panel; it never makes the panel taller.
        let room = (ui.available_height() - row_height - 3.0 * ui.spacing().item_spacing.y)
            .max(row_height);
        ui.style_mut().interaction.selectable_labels = false;
        let mut table = TableBuilder::new(ui)
            .id_salt("claims")
            .striped(true)
            .sense(egui::Sense::click())
            .auto_shrink([false, true])
            .max_scroll_height(room)
            .column(Column::initial(share(0.2)).at_least(60.0).clip(true))
            .column(Column::initial(share(0.3)).at_least(60.0).clip(true))
            .column(Column::initial(share(0.38)).at_least(60.0).clip(true))
            .column(Column::remainder().at_least(40.0).clip(true));
        if let Some(row) = scroll_now {
            table = table.scroll_to_row(row, Some(egui::Align::Center));
        }
        table
            .header(row_height, |mut h| {
                for id in [
                    "claims-column-verdict",
                    "claims-column-claim",
                    "claims-column-values",
                    "claims-column-state",
                ] {
                    h.col(|ui| {
                        ui.strong(i18n.t(id));
                    });
                }
            })
            .body(|body| {
                body.rows(row_height, visible.len(), |mut row| {
                    let c = visible[row.index()];
                    row.set_selected(Some(row.index()) == selected_row);
                    row.col(|ui| {
                        verdict_badge(ui, c.claim.verdict, i18n);
                    });
                    row.col(|ui| {
                        let d = description_text(&c.claim.description, i18n);
                        ui.add(egui::Label::new(&d).truncate()).on_hover_text(&d);
                    });
                    row.col(|ui| {
                        let v = values_text(c, &wb.documents, i18n);
                        ui.add(egui::Label::new(&v).truncate()).on_hover_text(&v);
                    });
                    row.col(|ui| {
                        let state = i18n.t(state_id(c.claim.state));
                        ui.add(egui::Label::new(RichText::new(state).weak()).truncate());
                    });
                    if row.response().clicked() {
                        actions.push(Action::SelectClaim(c.claim.id));
                    }
                });
            });
    }

    fn detail(
        &mut self,
        ui: &mut Ui,
        wb: &Workbench,
        c: &ReviewedClaim,
        i18n: &I18n,
        actions: &mut Vec<Action>,
    ) {
        let claim = &c.claim;
        let style = i18n.number_style();
        let d = description_text(&claim.description, i18n);
        ui.add(egui::Label::new(RichText::new(&d).strong()).wrap());
        ui.horizontal_wrapped(|ui| {
            verdict_badge(ui, claim.verdict, i18n);
            ui.label(i18n.t(state_id(claim.state)));
            ui.weak(claim.id.to_string());
        });
        // The decisions first, so a short panel shows them without scrolling.
        ui.horizontal_wrapped(|ui| {
            if ui
                .add_enabled(
                    claim.state == ClaimState::Suggested,
                    egui::Button::new(i18n.t("claims-accept")),
                )
                .on_hover_text(i18n.t("claims-hint-accept"))
                .clicked()
            {
                actions.push(Action::AcceptClaim);
            }
            if ui
                .add_enabled(
                    claim.state == ClaimState::Suggested,
                    egui::Button::new(i18n.t("claims-dismiss")),
                )
                .on_hover_text(i18n.t("claims-hint-dismiss"))
                .clicked()
            {
                actions.push(Action::DismissClaim);
            }
            // Merge with another claim of the same counted noun, else any.
            let others: Vec<&ReviewedClaim> = wb
                .claims
                .all()
                .iter()
                .filter(|o| o.claim.id != claim.id)
                .collect();
            if !others.is_empty() {
                ui.menu_button(i18n.t("claims-merge"), |ui| {
                    egui::ScrollArea::vertical()
                        .max_height(240.0)
                        .show(ui, |ui| {
                            for o in others {
                                let label = format!(
                                    "{} · {}",
                                    description_text(&o.claim.description, i18n),
                                    values_text(o, &wb.documents, i18n)
                                );
                                if ui.button(label).clicked() {
                                    actions.push(Action::MergeClaim(o.claim.id));
                                    ui.close();
                                }
                            }
                        });
                })
                .response
                .on_hover_text(i18n.t("claims-hint-merge"));
            }
        });

        if let Some(r) = claim.rounder.and_then(|f| claim.mention(f)) {
            let v = mention_value(r, style);
            ui.weak(i18n.t_args("claims-rounder", &[("value", Arg::Str(&v))]));
        }
        if !claim.reasons.is_empty() {
            let reasons: Vec<String> = claim.reasons.iter().map(|r| reason_text(r, i18n)).collect();
            ui.add(egui::Label::new(RichText::new(reasons.join("; ")).weak()).wrap());
        }
        ui.add_space(4.0);

        // The mentions, one a line, each with its sentence and a Split button.
        let shown = wb.claims.shown.unwrap_or_default();
        let selected_figures: Vec<FigureId> = wb.panes.iter().filter_map(|p| p.selected).collect();
        // One line per mention: Split out, the value (a click shows it), its
        // document (hover: the sentence), so the title gets the room left.
        for m in &claim.mentions {
            ui.horizontal(|ui| {
                if ui
                    .small_button(i18n.t("claims-split"))
                    .on_hover_text(i18n.t("claims-hint-split"))
                    .clicked()
                {
                    actions.push(Action::SplitClaim(Some(m.figure)));
                }
                let mut text = RichText::new(mention_value(m, style)).strong();
                if shown.contains(&m.figure) || selected_figures.contains(&m.figure) {
                    text = text.underline();
                }
                let title = title_of(&wb.documents, m);
                let sentence = m.sentence_text.trim();
                if ui
                    .link(text)
                    .on_hover_text(format!("{title}\n\n{sentence}"))
                    .clicked()
                {
                    actions.push(Action::ShowFigure(m.figure));
                }
                ui.add(egui::Label::new(RichText::new(&title).weak()).truncate())
                    .on_hover_text(sentence);
            });
        }

        // More than two sources: which two are side by side.
        if claim.mentions.len() > 2 {
            ui.add_space(4.0);
            let [mut a, mut b] = shown;
            ui.label(i18n.t("claims-side-by-side"));
            for (side, pick) in [("claims-left", &mut a), ("claims-right", &mut b)] {
                ui.horizontal(|ui| {
                    let label = ui.label(i18n.t(side));
                    let current = claim
                        .mention(*pick)
                        .map(|m| mention_label(m, &wb.documents, style))
                        .unwrap_or_default();
                    egui::ComboBox::from_id_salt(side)
                        .selected_text(current)
                        .width((ui.available_width() - 8.0).clamp(80.0, 320.0))
                        .truncate()
                        .show_ui(ui, |ui| {
                            for m in &claim.mentions {
                                ui.selectable_value(
                                    pick,
                                    m.figure,
                                    mention_label(m, &wb.documents, style),
                                );
                            }
                        })
                        .response
                        .labelled_by(label.id);
                });
            }
            if [a, b] != shown && a != b {
                actions.push(Action::ShowClaimMentions { a, b });
            }
        }

        // The note, saved like the inspector's: Enter, leaving the field, or the button.
        ui.add_space(6.0);
        let stored = c.notes().last().unwrap_or("").to_string();
        self.note.sync(claim.id, &stored);
        let mut save = false;
        ui.horizontal(|ui| {
            let label = ui.label(i18n.t("claims-note"));
            let width = (ui.available_width() - 8.0).max(80.0);
            let r = ui
                .add(
                    egui::TextEdit::singleline(&mut self.note.text)
                        .desired_width(width)
                        .hint_text(i18n.t("claims-note-hint")),
                )
                .labelled_by(label.id);
            save |= r.lost_focus();
        });
        if ui
            .add_enabled(
                self.note.changed(),
                egui::Button::new(i18n.t("claims-save-note")),
            )
            .on_hover_text(i18n.t("claims-hint-note"))
            .clicked()
        {
            save = true;
        }
        if save && self.note.changed() {
            actions.push(Action::NoteClaim {
                claim: claim.id,
                note: self.note.text.trim().to_string(),
            });
            self.note.stored = self.note.text.trim().to_string();
            self.note.text = self.note.stored.clone();
        }
        for r in &c.reviews {
            let who = format!("{} · {}", r.reviewer, r.reviewed_at.get(..10).unwrap_or(""));
            match &r.note {
                Some(n) => {
                    ui.add(egui::Label::new(RichText::new(format!("“{n}” — {who}")).weak()).wrap())
                }
                None => ui.weak(who),
            };
        }
    }
}

/// A mention in a list: "46 · Lao news".
fn mention_label(m: &Mention, documents: &[DocumentMeta], style: NumberStyle) -> String {
    format!("{} · {}", mention_value(m, style), title_of(documents, m))
}

fn header(ui: &mut Ui, wb: &Workbench, shown: usize, i18n: &I18n, actions: &mut Vec<Action>) {
    let view = &wb.claims;
    let mut filter: ClaimFilter = view.filter.clone();
    ui.horizontal_wrapped(|ui| {
        ui.strong(i18n.t("claims-title"));
        ui.weak(i18n.t_args(
            "claims-count",
            &[
                ("shown", Arg::Int(shown as i64)),
                ("count", Arg::Int(view.all().len() as i64)),
            ],
        ));
        ui.separator();
        for show in ClaimShow::ALL {
            if ui
                .selectable_label(filter.show == show, i18n.t(show_id(show)))
                .clicked()
            {
                filter.show = show;
            }
        }
        ui.separator();
        let label = ui.label(i18n.t("claims-filter"));
        // Room for the Close button after it, so the row wraps less.
        let width = (ui.available_width() - 90.0).clamp(60.0, 180.0);
        ui.add(
            egui::TextEdit::singleline(&mut filter.text)
                .desired_width(width)
                .hint_text(i18n.t("claims-filter-hint")),
        )
        .labelled_by(label.id);
        if ui
            .small_button(i18n.t("claims-close"))
            .on_hover_text(i18n.t("claims-hint-close"))
            .clicked()
        {
            actions.push(Action::ToggleClaims);
        }
    });
    if filter != view.filter {
        actions.push(Action::SetClaimFilter(filter));
    }
}
