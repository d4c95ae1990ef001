//! The right-hand panel: the active pane's figures as a table, and an editor
//! for the selected one.

use egui::{Key, RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::lao_breaks::wrapping;
use crate::app::workbench::{Action, Links, Pane, PaneId};
use crate::app::{Decision, FigureFields};
use crate::i18n::{I18n, format_decimal, format_plain};
use crate::model::{Decimal, DocumentMeta, Figure, FigureId, Kind, Relation, Status};

/// The editor's fields for one figure, as typed (kept until saved or the selection moves).
#[derive(Default)]
pub struct Editor {
    figure: Option<FigureId>,
    /// The figure's state when the fields were filled, to notice changes from elsewhere.
    source: Option<Figure>,
    /// What the fields hold now.
    fields: Fields,
    /// Set by the E key: put the cursor in the value field.
    pub focus_value: bool,
}

impl Editor {
    /// Fills the fields from `figure`. When the same figure changed elsewhere
    /// (a note saved, an undo), a field the reviewer has typed in keeps what
    /// was typed; the others follow the figure.
    fn sync(&mut self, figure: Option<&Figure>) {
        if self.figure == figure.map(|f| f.id) && self.source.as_ref() == figure {
            return;
        }
        let same_figure = self.figure.is_some() && self.figure == figure.map(|f| f.id);
        let typed = std::mem::take(self);
        self.focus_value = typed.focus_value;
        let Some(f) = figure else { return };
        let fresh = Fields::of(Some(f));
        self.fields = if same_figure {
            typed.fields.over(&Fields::of(typed.source.as_ref()), fresh)
        } else {
            fresh
        };
        self.figure = Some(f.id);
        self.source = Some(f.clone());
    }

    /// The note typed for `figure` when it differs from the stored one: a
    /// decision taken now (Enter, X, a button) saves it with the decision.
    pub fn draft_note(&self, figure: FigureId) -> Option<String> {
        let source = self.source.as_ref().filter(|f| f.id == figure)?;
        let stored = source.note.as_deref().unwrap_or("");
        (self.fields.note.trim() != stored.trim()).then(|| self.fields.note.clone())
    }

    /// The fix the fields describe, or why they do not describe one.
    fn fix(&self, i18n: &I18n) -> Result<Action, String> {
        let parse = |s: &str| -> Result<Option<Decimal>, String> {
            let s = s.trim().replace([',', '_', ' '], "");
            if s.is_empty() {
                return Ok(None);
            }
            Decimal::from_str_exact(&s)
                .or_else(|_| Decimal::from_scientific(&s))
                .map(Some)
                .map_err(|_| {
                    i18n.t_args("error-not-a-number", &[("text", crate::i18n::Arg::Str(&s))])
                })
        };
        let value = parse(&self.fields.value)?;
        let value_max = parse(&self.fields.value_max)?;
        if value.is_none() {
            return Err(i18n.t("error-fix-needs-value"));
        }
        Ok(Action::Fix {
            fields: FigureFields {
                kind: self.fields.kind,
                value,
                value_max,
                unit: Some(self.fields.unit.clone()),
            },
            note: Some(self.fields.note.clone()),
        })
    }
}

/// The editor's fields as text, as a figure fills them.
#[derive(Clone, Default)]
struct Fields {
    value: String,
    value_max: String,
    kind: Option<Kind>,
    unit: String,
    note: String,
}

impl Fields {
    /// Each field typed away from `old` keeps what was typed; the others take `fresh`.
    fn over(self, old: &Fields, fresh: Fields) -> Fields {
        fn keep<T: PartialEq>(typed: T, old: &T, fresh: T) -> T {
            if &typed != old { typed } else { fresh }
        }
        Fields {
            value: keep(self.value, &old.value, fresh.value),
            value_max: keep(self.value_max, &old.value_max, fresh.value_max),
            kind: keep(self.kind, &old.kind, fresh.kind),
            unit: keep(self.unit, &old.unit, fresh.unit),
            note: keep(self.note, &old.note, fresh.note),
        }
    }

    fn of(f: Option<&Figure>) -> Fields {
        let Some(f) = f else {
            return Fields::default();
        };
        let decimal = |d: Option<Decimal>| d.map(|v| v.normalize().to_string()).unwrap_or_default();
        Fields {
            value: decimal(f.value),
            value_max: decimal(f.value_max),
            kind: Some(f.kind),
            unit: f.unit.clone().unwrap_or_default(),
            note: f.note.clone().unwrap_or_default(),
        }
    }
}

/// What the inspector reads beside the active pane.
pub struct Context<'a> {
    pub links: &'a Links,
    pub documents: &'a [DocumentMeta],
    pub i18n: &'a I18n,
}

/// Draws the inspector; returns the actions taken in it.
pub fn show(
    ui: &mut Ui,
    id: PaneId,
    pane: &Pane,
    editor: &mut Editor,
    cx: &Context,
    error: &mut Option<String>,
) -> Vec<Action> {
    let i18n = cx.i18n;
    let mut actions = Vec::new();
    let Some(doc) = &pane.doc else {
        ui.label(wrapping(
            ui,
            RichText::new(i18n.t("inspector-no-document")).weak(),
        ));
        return actions;
    };
    ui.add(egui::Label::new(RichText::new(&doc.meta.title).heading()).truncate())
        .on_hover_text(&doc.meta.title);
    ui.add_space(4.0);

    let selected = pane.selected_figure();
    editor.sync(selected);
    editor_ui(ui, selected, editor, i18n, error, &mut actions);
    if let Some(f) = selected {
        links_ui(ui, f, cx, &mut actions);
    }
    ui.separator();

    let style = i18n.number_style();
    let selected_row = pane.selected.and_then(|id| doc.position(id));
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    let scroll_id = egui::Id::unique(("inspector-scrolled", id));
    let scroll_now = selected_row.filter(|_| {
        ui.ctx().data(|d| d.get_temp::<u64>(scroll_id)) != Some(pane.scroll_generation)
    });
    ui.ctx()
        .data_mut(|d| d.insert_temp(scroll_id, pane.scroll_generation));
    // Columns start at a share of the panel, so a narrow panel keeps all five.
    // (Shares of the width less the gaps between columns: a row must never
    // be wider than the panel, or the panel clips it.)
    let table_width = ui.available_width() - 4.0 * ui.spacing().item_spacing.x;
    let share = |f: f32| (table_width * f).max(24.0);
    // A click on a row selects its figure; selectable labels would take it.
    ui.style_mut().interaction.selectable_labels = false;
    let mut table = TableBuilder::new(ui)
        .id_salt("figures")
        .striped(true)
        .sense(egui::Sense::click())
        .column(Column::initial(share(0.24)).at_least(30.0).clip(true))
        .column(Column::initial(share(0.22)).at_least(30.0).clip(true))
        .column(Column::initial(share(0.17)).at_least(24.0).clip(true))
        .column(Column::initial(share(0.17)).at_least(24.0).clip(true))
        .column(Column::remainder().at_least(24.0).clip(true));
    if let Some(row) = scroll_now {
        table = table.scroll_to_row(row, Some(egui::Align::Center));
    }
    table
        .header(row_height, |mut h| {
            for id in [
                "column-text",
                "column-value",
                "column-unit",
                "column-kind",
                "column-status",
            ] {
                h.col(|ui| {
                    ui.strong(i18n.t(id));
                });
            }
        })
        .body(|body| {
            body.rows(row_height, doc.figures.len(), |mut row| {
                let f = &doc.figures[row.index()];
                row.set_selected(Some(row.index()) == selected_row);
                row.col(|ui| {
                    ui.label(&f.text);
                });
                row.col(|ui| {
                    ui.label(value_text(f, style));
                });
                row.col(|ui| {
                    ui.label(i18n.unit(f.unit.as_deref().unwrap_or("")));
                });
                row.col(|ui| {
                    ui.label(i18n.t(&format!("kind-{}", f.kind)));
                });
                row.col(|ui| {
                    ui.label(i18n.t(&format!("status-{}", f.status)));
                });
                if row.response().clicked() {
                    actions.push(Action::SelectFigure {
                        pane: id,
                        figure: f.id,
                    });
                }
            });
        });
    actions
}

fn editor_ui(
    ui: &mut Ui,
    selected: Option<&Figure>,
    editor: &mut Editor,
    i18n: &I18n,
    error: &mut Option<String>,
    actions: &mut Vec<Action>,
) {
    let Some(f) = selected else {
        ui.label(wrapping(
            ui,
            RichText::new(i18n.t("inspector-no-selection")).weak(),
        ));
        return;
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(format!("\u{201c}{}\u{201d}", f.text))
                .strong()
                .size(18.0),
        );
        ui.label(i18n.t(&format!("status-{}", f.status)));
        if let Some(who) = &f.reviewer {
            ui.weak(i18n.t_args("reviewed-by", &[("who", crate::i18n::Arg::Str(who))]));
        }
    });
    let mut enter_in_field = false;
    let mut save_note = false;
    // Fields shrink with the panel (a small window, a big zoom) instead of
    // pushing it wider than the window; the labels' column takes ~90 points.
    let field_width = (ui.available_width() - 100.0).clamp(60.0, 240.0);
    egui::Grid::new("figure-editor")
        .num_columns(2)
        .spacing([8.0, 4.0])
        .show(ui, |ui| {
            let label = ui.label(i18n.t("field-value"));
            let output = egui::TextEdit::singleline(&mut editor.fields.value)
                .desired_width(field_width)
                .show(ui);
            let r = output.response.response.clone().labelled_by(label.id);
            if editor.focus_value {
                // E: the value is selected, so typing replaces it.
                r.request_focus();
                let mut state = output.state;
                state
                    .cursor
                    .set_char_range(Some(egui::text::CCursorRange::select_all_str(
                        &editor.fields.value,
                    )));
                state.store(ui.ctx(), r.id);
                editor.focus_value = false;
            }
            enter_in_field |= r.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            ui.end_row();

            let label = ui.label(i18n.t("field-value-max"));
            let r = ui
                .add(
                    egui::TextEdit::singleline(&mut editor.fields.value_max)
                        .desired_width(field_width),
                )
                .labelled_by(label.id);
            enter_in_field |= r.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            ui.end_row();

            let label = ui.label(i18n.t("field-kind"));
            let current = editor
                .fields
                .kind
                .map(|k| i18n.t(&format!("kind-{k}")))
                .unwrap_or_default();
            egui::ComboBox::from_id_salt("kind")
                .selected_text(current)
                .show_ui(ui, |ui| {
                    for k in Kind::ALL {
                        ui.selectable_value(
                            &mut editor.fields.kind,
                            Some(*k),
                            i18n.t(&format!("kind-{k}")),
                        );
                    }
                })
                .response
                .labelled_by(label.id);
            ui.end_row();

            let label = ui.label(i18n.t("field-unit"));
            let r = ui
                .add(egui::TextEdit::singleline(&mut editor.fields.unit).desired_width(field_width))
                .labelled_by(label.id);
            enter_in_field |= r.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            ui.end_row();

            let label = ui.label(i18n.t("field-note"));
            let r = ui
                .add(
                    egui::TextEdit::singleline(&mut editor.fields.note)
                        .desired_width(field_width)
                        .hint_text(i18n.t("field-note-hint")),
                )
                .labelled_by(label.id);
            // A note is saved on Enter and when the field is left, without a
            // decision: the reviewer's words are never dropped.
            save_note |= r.lost_focus();
            ui.end_row();
        });
    // Wrapped, not clipped: Lao labels are longer than English ones.
    ui.horizontal_wrapped(|ui| {
        if ui
            .button(i18n.t("action-confirm"))
            .on_hover_text(i18n.t("hint-confirm"))
            .clicked()
        {
            actions.push(review(editor, f.id, Decision::Confirm));
            save_note = false;
        }
        if ui
            .button(i18n.t("action-reject"))
            .on_hover_text(i18n.t("hint-reject"))
            .clicked()
        {
            actions.push(review(editor, f.id, Decision::Reject));
            save_note = false;
        }
        if ui
            .button(i18n.t("action-save-fix"))
            .on_hover_text(i18n.t("hint-fix"))
            .clicked()
            || enter_in_field
        {
            match editor.fix(i18n) {
                Ok(fix) => actions.push(fix),
                Err(e) => *error = Some(e),
            }
            save_note = false;
        }
        if ui
            .add_enabled(
                editor.draft_note(f.id).is_some(),
                egui::Button::new(i18n.t("action-save-note")),
            )
            .on_hover_text(i18n.t("hint-save-note"))
            .clicked()
        {
            save_note = true;
        }
    });
    if save_note && let Some(note) = editor.draft_note(f.id) {
        actions.push(Action::SetNote { figure: f.id, note });
    }
}

/// A decision, with the note typed for the figure when there is one.
pub fn review(editor: &Editor, figure: FigureId, decision: Decision) -> Action {
    match editor.draft_note(figure) {
        Some(note) => Action::Review {
            decision,
            note: Some(note),
        },
        None => match decision {
            Decision::Confirm => Action::Confirm,
            Decision::Reject => Action::Reject,
            Decision::Fix(fields) => Action::Fix { fields, note: None },
        },
    }
}

/// The selected figure's links: the figure at the other end, where it is,
/// and whether the two state the same value.
fn links_ui(ui: &mut Ui, f: &Figure, cx: &Context, actions: &mut Vec<Action>) {
    let i18n = cx.i18n;
    let style = i18n.number_style();
    let mut pairs = cx.links.of(f.id).peekable();
    if pairs.peek().is_none() {
        return;
    }
    ui.add_space(4.0);
    ui.strong(i18n.t("inspector-links"));
    for pair in pairs {
        let Some(other) = pair.other(f.id) else {
            continue;
        };
        ui.horizontal_wrapped(|ui| {
            let title = cx
                .documents
                .iter()
                .find(|d| d.id == other.document)
                .map_or("", |d| d.title.as_str());
            if ui
                .link(format!("\u{201c}{}\u{201d}", other.text))
                .on_hover_text(i18n.t("hint-show-linked"))
                .clicked()
            {
                actions.push(Action::ShowFigure(other.id));
            }
            ui.weak(title);
            if pair.disagrees() {
                let this = value_text(f, style);
                let that = value_text(other, style);
                ui.colored_label(
                    egui::Color32::from_rgb(210, 40, 40),
                    i18n.t_args(
                        "link-disagrees",
                        &[
                            ("this", crate::i18n::Arg::Str(&this)),
                            ("other", crate::i18n::Arg::Str(&that)),
                        ],
                    ),
                );
            } else {
                ui.label(i18n.t("link-agrees"));
            }
        });
        ui.horizontal(|ui| {
            let label = ui.weak(i18n.t("field-relation"));
            let mut relation = pair.link.relation;
            egui::ComboBox::from_id_salt(("link-relation", pair.link.id))
                .selected_text(i18n.t(&format!("relation-{relation}")))
                .show_ui(ui, |ui| {
                    for r in Relation::ALL {
                        ui.selectable_value(&mut relation, *r, i18n.t(&format!("relation-{r}")));
                    }
                })
                .response
                .labelled_by(label.id);
            if relation != pair.link.relation {
                actions.push(Action::SetLinkRelation {
                    link: pair.link.id,
                    relation,
                });
            }
            if ui
                .button(i18n.t("action-unlink"))
                .on_hover_text(i18n.t("hint-unlink"))
                .clicked()
            {
                actions.push(Action::Unlink(pair.link.id));
            }
        });
    }
}

/// The value as the locale writes it, a range as "low – high".
pub fn value_text(f: &Figure, style: crate::i18n::NumberStyle) -> String {
    // Years, dates and labels are written without grouping: 2024, not 2,024.
    let plain = matches!(
        f.kind,
        Kind::Year | Kind::Date | Kind::Identifier | Kind::Rank | Kind::Ordinal
    );
    let fmt = |d: &Decimal| {
        if plain {
            format_plain(d, style)
        } else {
            format_decimal(d, style)
        }
    };
    match (f.value, f.value_max) {
        (Some(v), Some(m)) => format!("{} – {}", fmt(&v), fmt(&m)),
        (Some(v), None) => fmt(&v),
        _ => String::new(),
    }
}

/// The tooltip over a figure in the text.
pub fn figure_summary(ui: &mut Ui, f: &Figure, i18n: &I18n) {
    ui.strong(&f.text);
    egui::Grid::new("figure-tooltip")
        .num_columns(2)
        .show(ui, |ui| {
            ui.label(i18n.t("field-value"));
            if f.kind == Kind::Date && f.value.is_none() {
                // "Jan. 30": a date the text gives no year for.
                ui.weak(i18n.t("no-year"));
            } else {
                ui.label(value_text(f, i18n.number_style()));
            }
            ui.end_row();
            ui.label(i18n.t("field-kind"));
            ui.label(i18n.t(&format!("kind-{}", f.kind)));
            ui.end_row();
            ui.label(i18n.t("field-unit"));
            ui.label(f.unit.as_deref().map_or("—".into(), |u| i18n.unit(u)));
            ui.end_row();
            ui.label(i18n.t("column-status"));
            ui.label(i18n.t(&format!("status-{}", f.status)));
            ui.end_row();
        });
    if f.status == Status::Stale {
        ui.label(wrapping(ui, RichText::new(i18n.t("hint-stale")).weak()));
    }
}
