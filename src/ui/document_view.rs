//! One document pane: the text with its figures highlighted, selectable.
//!
//! Long documents stay fast because only the paragraphs in view are laid out.
//! The others have estimated heights, replaced by measured ones as they come
//! into view; a width change drops the measurements instead of re-laying out
//! everything (so resizing never stalls). A galley depends on the text and
//! the width only: figure colours, strike-throughs, underlines and the text
//! selection are painted from the galley's rows, so confirming a figure
//! re-lays out nothing.

use std::ops::Range;
use std::sync::Arc;

use egui::text::{ByteIndex, CharIndex, LayoutJob, LayoutSection, TextFormat};
use egui::{Align, FontId, Galley, Pos2, Rect, Sense, Stroke, StrokeKind, Ui, Vec2};

use super::lao_breaks::{HAIR_SPACE_SIZE, lao_break_points, wrapping};
use super::theme;
use crate::app::workbench::{Action, Links, LoadedDoc, Pane, PaneId};
use crate::i18n::I18n;
use crate::model::{DocId, Figure, FigureId, Span, Status};

/// Paragraphs longer than this are laid out in pieces, so no single galley is huge.
const MAX_PIECE_BYTES: usize = 4096;

struct Piece {
    bytes: Range<usize>,
    /// Code points of the document this piece covers.
    chars: Range<usize>,
}

/// What a piece looks like on screen this frame.
struct Shown {
    piece: usize,
    rect: Rect,
    galley: Arc<Galley>,
    /// Display positions of the inserted thin spaces (see `doc_of_display`).
    hair: Vec<usize>,
}

/// View state of one pane, kept across frames.
#[derive(Default)]
pub struct DocumentView {
    /// The document laid out, and its text's hash: a split changes the text.
    doc: Option<(DocId, String)>,
    pieces: Vec<Piece>,
    /// Lao break points per piece (code points within the piece), found lazily.
    breaks: Vec<Option<Vec<usize>>>,
    heights: Vec<f32>,
    measured: Vec<bool>,
    tops: Vec<f32>,
    tops_dirty: bool,
    width: f32,
    row_height: f32,
    /// Pixels per point the heights were measured at: a zoom changes how
    /// glyphs round to pixels, so every measured height is redone.
    pixels_per_point: f32,
    drag_anchor: Option<usize>,
    seen_scroll: u64,
    /// Where the context menu was opened (a code point), for "Split document here".
    context_at: Option<usize>,
}

impl DocumentView {
    fn prepare(&mut self, doc: &LoadedDoc, width: f32, row_height: f32, pixels_per_point: f32) {
        if self
            .doc
            .as_ref()
            .is_none_or(|(id, sha)| *id != doc.meta.id || *sha != doc.meta.sha256)
        {
            self.doc = Some((doc.meta.id, doc.meta.sha256.clone()));
            self.pieces = split_pieces(&doc.text);
            self.breaks = vec![None; self.pieces.len()];
            self.width = 0.0;
            self.seen_scroll = 0;
            self.drag_anchor = None;
        }
        if (self.width - width).abs() > 0.5
            || (self.row_height - row_height).abs() > 0.01
            || self.pixels_per_point != pixels_per_point
        {
            // Estimates only: measuring every piece again would stall a resize.
            self.width = width;
            self.row_height = row_height;
            self.pixels_per_point = pixels_per_point;
            let per_row = (width / (row_height * 0.45)).max(8.0);
            self.heights = self
                .pieces
                .iter()
                .map(|p| row_height * ((p.chars.len() as f32 / per_row).ceil().max(1.0)))
                .collect();
            self.measured = vec![false; self.pieces.len()];
            self.tops_dirty = true;
        }
        if self.tops_dirty {
            self.tops.clear();
            let mut y = 0.0;
            for h in &self.heights {
                self.tops.push(y);
                y += h;
            }
            self.tops.push(y);
            self.tops_dirty = false;
        }
    }

    fn piece_of_char(&self, c: usize) -> usize {
        self.pieces
            .partition_point(|p| p.chars.end <= c)
            .min(self.pieces.len().saturating_sub(1))
    }

    /// Draws the pane; returns the actions the user took in it. `partner` is
    /// the figure here linked to the other pane's selection; `claim` the
    /// figures of the claim selected in the Claims panel (outlined too).
    #[allow(clippy::too_many_arguments)]
    pub fn show(
        &mut self,
        ui: &mut Ui,
        id: PaneId,
        pane: &Pane,
        links: &Links,
        partner: Option<FigureId>,
        claim: &[FigureId],
        i18n: &I18n,
    ) -> Vec<Action> {
        let mut actions = Vec::new();
        let Some(doc) = &pane.doc else {
            ui.centered_and_justified(|ui| {
                ui.label(wrapping(
                    ui,
                    egui::RichText::new(i18n.t("pane-empty")).weak(),
                ))
            });
            return actions;
        };
        let font = FontId::proportional(ui.style().text_styles[&egui::TextStyle::Body].size * 1.15);
        let row_height = ui.fonts_mut(|f| f.row_height(&font));
        let width = (ui.available_width() - 16.0).max(80.0);
        self.prepare(doc, width, row_height, ui.ctx().pixels_per_point());

        let scroll_request = (pane.scroll_generation != self.seen_scroll)
            .then_some(pane.scroll_target)
            .flatten();
        self.seen_scroll = pane.scroll_generation;

        let mut area = egui::ScrollArea::vertical()
            .id_salt(("document", id))
            .auto_shrink([false, false]);
        if let Some(target) = scroll_request {
            // Jump near the target first; the exact row is scrolled to once laid out.
            let piece = self.piece_of_char(target);
            let y = self.tops[piece];
            area = area.vertical_scroll_offset((y - ui.available_height() * 0.4).max(0.0));
        }
        let colors = theme::FigureColors::for_visuals(ui.visuals());
        // The same for every piece this frame.
        let style = PieceStyle {
            base: TextFormat {
                font_id: font.clone(),
                color: ui.visuals().text_color(),
                ..Default::default()
            },
            width: self.width - 8.0,
        };
        area.show_viewport(ui, |ui, viewport| {
            let total = *self.tops.last().unwrap_or(&0.0);
            let origin = ui.max_rect().min;
            let (content, response) = ui.allocate_exact_size(
                Vec2::new(width, total.max(viewport.height())),
                Sense::click_and_drag(),
            );
            let first = self
                .tops
                .partition_point(|&t| t <= viewport.min.y)
                .saturating_sub(1);
            let mut shown = Vec::new();
            let mut heights_changed = false;
            let mut i = first;
            while i < self.pieces.len() && self.tops[i] < viewport.max.y + row_height {
                let (galley, hair) = self.layout_piece(ui, doc, i, &style);
                let h = galley.rect.height().max(row_height);
                if !self.measured[i] || (self.heights[i] - h).abs() > 0.5 {
                    self.heights[i] = h;
                    self.measured[i] = true;
                    heights_changed = true;
                }
                let top = origin + Vec2::new(4.0, self.tops[i]);
                let rect = Rect::from_min_size(top, Vec2::new(width, h));
                shown.push(Shown {
                    piece: i,
                    rect,
                    galley,
                    hair,
                });
                i += 1;
            }
            if heights_changed {
                self.tops_dirty = true;
                ui.ctx().request_repaint();
            }
            let painter = ui.painter_at(content.expand(2.0));
            // Each shown figure's rectangles, rejected and stale ones first so
            // a live figure over them paints its colour last.
            let mut marks: Vec<(&Figure, Vec<Rect>)> = Vec::new();
            for s in &shown {
                let figures = figures_in(doc, self.pieces[s.piece].chars.clone());
                // Rejected and stale figures first, under the live ones that overlap them.
                for live in [false, true] {
                    for f in figures.iter().filter(|f| f.status.is_live() == live) {
                        marks.push((f, self.char_rects(s, f.span)));
                    }
                }
            }
            for (f, rects) in &marks {
                for r in rects {
                    painter.rect_filled(*r, 0.0, colors.background(f.status));
                }
            }
            if let Some(sel) = pane.text_selection {
                for s in &shown {
                    for r in self.char_rects(s, sel) {
                        painter.rect_filled(r, 0.0, colors.text_selection);
                    }
                }
            }
            for s in &shown {
                painter.galley(s.rect.min, s.galley.clone(), ui.visuals().text_color());
            }
            for (f, rects) in &marks {
                let strike =
                    (f.status == Status::Rejected).then(|| Stroke::new(1.0, colors.rejected_line));
                let under = if links.disputed.contains(&f.id) {
                    Some(Stroke::new(2.0, colors.disputed))
                } else if links.linked.contains(&f.id) {
                    Some(Stroke::new(1.5, colors.link))
                } else {
                    None
                };
                for r in rects {
                    if let Some(st) = strike {
                        painter.hline(r.x_range(), r.center().y, st);
                    }
                    if let Some(st) = under {
                        painter.hline(r.x_range(), r.bottom() - st.width / 2.0, st);
                    }
                }
            }
            // The selected claim's mentions, under the selection's outline.
            let claim_color = claim_outline(ui.visuals());
            for (f, rects) in &marks {
                if !claim.contains(&f.id) || pane.selected == Some(f.id) {
                    continue;
                }
                for r in rects {
                    painter.rect_stroke(
                        r.expand2(Vec2::new(1.5, 2.5)),
                        3.0,
                        Stroke::new(2.0, claim_color),
                        StrokeKind::Middle,
                    );
                }
            }
            let outlined = [
                (pane.selected_figure(), colors.outline),
                (
                    partner
                        .filter(|&id| pane.selected != Some(id))
                        .and_then(|id| doc.figure(id)),
                    colors.link,
                ),
            ];
            for (f, color) in outlined {
                let Some(f) = f else { continue };
                for s in &shown {
                    for r in self.char_rects(s, f.span) {
                        // Snug at the sides, so the spaces around the
                        // figure stay outside its outline.
                        painter.rect_stroke(
                            r.expand2(Vec2::new(0.5, 1.5)),
                            2.0,
                            Stroke::new(1.5, color),
                            StrokeKind::Middle,
                        );
                    }
                }
            }
            if let Some(target) = scroll_request
                && let Some(r) = shown.iter().find_map(|s| {
                    self.char_rects(s, Span::new(target, target + 1))
                        .first()
                        .copied()
                })
            {
                ui.scroll_to_rect(r, Some(Align::Center));
            }
            self.interact(&response, &shown, doc, id, &mut actions, i18n);
        });
        actions
    }

    fn layout_piece(
        &mut self,
        ui: &Ui,
        doc: &LoadedDoc,
        i: usize,
        style: &PieceStyle,
    ) -> (Arc<Galley>, Vec<usize>) {
        let piece = &self.pieces[i];
        // The line break ends the row; laid out, it would add an empty one.
        let text = doc.text[piece.bytes.clone()].trim_end_matches(['\n', '\r']);
        let breaks = self.breaks[i].get_or_insert_with(|| break_chars(text));
        let (job, hair) = build_job(text, breaks, style);
        (ui.fonts_mut(|f| f.layout_job(job)), hair)
    }

    /// Screen rectangles covering `span` within one shown piece, a rectangle per row.
    fn char_rects(&self, s: &Shown, span: Span) -> Vec<Rect> {
        let piece = &self.pieces[s.piece];
        let start = span.start.max(piece.chars.start);
        let end = span.end.min(piece.chars.end);
        if start >= end {
            return Vec::new();
        }
        let d0 = display_of_doc(&s.hair, start - piece.chars.start);
        let d1 = display_of_doc(&s.hair, end - piece.chars.start);
        // Row by row, from the galley's rows: a cursor at a wrap point could
        // stand at the end of the upper row as well as the start of the lower.
        let mut rects = Vec::new();
        let mut row_start = 0;
        for placed in &s.galley.rows {
            let len = placed.row.char_count_excluding_newline().0;
            let (a, b) = (d0.max(row_start), d1.min(row_start + len));
            if a < b {
                let x0 = placed.row.x_offset(CharIndex(a - row_start));
                let x1 = placed.row.x_offset(CharIndex(b - row_start));
                let r = Rect::from_min_max(
                    Pos2::new(placed.pos.x + x0, placed.min_y()),
                    Pos2::new(placed.pos.x + x1, placed.max_y()),
                );
                rects.push(r.translate(s.rect.min.to_vec2()));
            }
            row_start += placed.char_count_including_newline().0;
            if row_start >= d1 {
                break;
            }
        }
        rects
    }

    /// The document code point under a screen position, snapped to a cluster boundary.
    fn char_at(&self, shown: &[Shown], doc: &LoadedDoc, pos: Pos2) -> Option<usize> {
        let s = shown
            .iter()
            .find(|s| pos.y < s.rect.max.y)
            .or(shown.last())?;
        let piece = &self.pieces[s.piece];
        let cursor = s.galley.cursor_from_pos(pos - s.rect.min);
        let local = doc_of_display(&s.hair, cursor.index.0).min(piece.chars.len());
        let c = piece.chars.start + local;
        // Snap to a grapheme boundary: a Lao letter never loses its marks.
        let b = doc.bytes(Span::new(c, c)).start;
        let snapped =
            crate::text::floor_grapheme(&doc.text[piece.bytes.clone()], b - piece.bytes.start);
        Some(doc.char_at(piece.bytes.start + snapped))
    }

    #[allow(clippy::too_many_arguments)]
    fn interact(
        &mut self,
        response: &egui::Response,
        shown: &[Shown],
        doc: &LoadedDoc,
        id: PaneId,
        actions: &mut Vec<Action>,
        i18n: &I18n,
    ) {
        let pointer = response.interact_pointer_pos().or(response.hover_pos());
        if response.drag_started() {
            self.drag_anchor = pointer.and_then(|p| self.char_at(shown, doc, p));
        }
        if response.dragged()
            && let (Some(anchor), Some(p)) = (self.drag_anchor, pointer)
            && let Some(c) = self.char_at(shown, doc, p)
        {
            let (a, b) = if c < anchor { (c, anchor) } else { (anchor, c) };
            let end = ceil_char(doc, b);
            actions.push(Action::SelectText {
                pane: id,
                span: Some(Span::new(a, end)),
            });
        }
        if response.drag_stopped() {
            self.drag_anchor = None;
        }
        if response.secondary_clicked() {
            self.context_at = pointer.and_then(|p| self.char_at(shown, doc, p));
        }
        response.context_menu(|ui| {
            let split = ui
                .button(i18n.t("document-split-here"))
                .on_hover_text(i18n.t("hint-split"));
            if split.clicked() {
                actions.push(Action::SplitDocument {
                    pane: id,
                    at: self.context_at,
                });
                ui.close();
            }
        });
        if response.clicked() {
            let hit = pointer
                .and_then(|p| self.char_at(shown, doc, p))
                .and_then(|c| doc.figure_at(c));
            match hit {
                Some(f) => actions.push(Action::SelectFigure {
                    pane: id,
                    figure: f.id,
                }),
                None => actions.push(Action::SelectText {
                    pane: id,
                    span: None,
                }),
            }
            actions.push(Action::FocusPane(id));
        }
        if let Some(hover) = response.hover_pos()
            && let Some(f) = self
                .char_at(shown, doc, hover)
                .and_then(|c| doc.figure_at(c))
        {
            let f = f.clone();
            response
                .clone()
                .on_hover_ui_at_pointer(|ui| super::inspector::figure_summary(ui, &f, i18n));
        }
    }
}

/// The outline of the mentions of the claim selected in the Claims panel:
/// violet, apart from the selection's orange and the links' blue.
fn claim_outline(v: &egui::Visuals) -> egui::Color32 {
    if v.dark_mode {
        egui::Color32::from_rgb(200, 130, 255)
    } else {
        egui::Color32::from_rgb(140, 40, 190)
    }
}

/// The end of the cluster that starts at or contains code point `c`.
fn ceil_char(doc: &LoadedDoc, c: usize) -> usize {
    let b = doc.bytes(Span::new(c, c)).start;
    if b >= doc.text.len() {
        return doc.index.char_len();
    }
    let next = b + doc.text[b..].chars().next().map_or(0, char::len_utf8);
    doc.char_at(crate::text::ceil_grapheme(&doc.text, next))
}

/// Splits the text at line breaks, and long lines into pieces at white space.
fn split_pieces(text: &str) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut char_at = 0;
    let mut push = |bytes: Range<usize>, pieces: &mut Vec<Piece>| {
        let n = text[bytes.clone()].chars().count();
        pieces.push(Piece {
            bytes,
            chars: char_at..char_at + n,
        });
        char_at += n;
    };
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let end = start + line.len();
        let mut from = start;
        while end - from > MAX_PIECE_BYTES {
            let mut cut = from + MAX_PIECE_BYTES;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            if let Some(space) = text[from..cut].rfind(' ') {
                cut = from + space + 1;
            } else {
                cut = from + crate::text::floor_grapheme(&text[from..end], cut - from).max(1);
                while !text.is_char_boundary(cut) {
                    cut += 1;
                }
            }
            push(from..cut, &mut pieces);
            from = cut;
        }
        // The line break itself belongs to its line, shown as the end of the row.
        push(from..end, &mut pieces);
        start = end;
    }
    if pieces.is_empty() {
        pieces.push(Piece {
            bytes: 0..0,
            chars: 0..0,
        });
    }
    pieces
}

/// How a piece's text is laid out.
struct PieceStyle {
    base: TextFormat,
    width: f32,
}

/// Lao break points of a text as code-point offsets within it.
fn break_chars(text: &str) -> Vec<usize> {
    let mut chars = Vec::new();
    let (mut c, mut b) = (0, 0);
    for p in lao_break_points(text) {
        c += text[b..p].chars().count();
        b = p;
        chars.push(c);
    }
    chars
}

/// The layout job for one piece of text: a hair space at each Lao break
/// point, nothing else (see the module docs). Returns the job and the display
/// positions of the hair spaces (to map display offsets back to the document).
fn build_job(text: &str, breaks: &[usize], style: &PieceStyle) -> (LayoutJob, Vec<usize>) {
    let hair_format = TextFormat {
        font_id: FontId::proportional(HAIR_SPACE_SIZE),
        ..Default::default()
    };
    let mut job = LayoutJob {
        wrap: egui::text::TextWrapping::wrap_at_width(style.width),
        ..Default::default()
    };
    let push = |job: &mut LayoutJob, s: &str, format: TextFormat| {
        let start = job.text.len();
        job.text.push_str(s);
        job.sections.push(LayoutSection {
            leading_space: 0.0,
            byte_range: ByteIndex(start)..ByteIndex(job.text.len()),
            format,
        });
    };
    let mut hair = Vec::with_capacity(breaks.len());
    // `breaks` ascend; walk the text once, cutting at each
    let mut chars = text.char_indices();
    let mut byte_at = 0;
    let mut char_at = 0;
    for &b in breaks {
        if b <= char_at {
            continue;
        }
        let mut cut = text.len();
        while chars.next().is_some() {
            char_at += 1;
            if char_at == b {
                cut = chars.clone().next().map_or(text.len(), |(k, _)| k);
                break;
            }
        }
        if cut >= text.len() {
            break;
        }
        push(&mut job, &text[byte_at..cut], style.base.clone());
        hair.push(b + hair.len());
        push(&mut job, " ", hair_format.clone());
        byte_at = cut;
    }
    if byte_at < text.len() || job.text.is_empty() {
        let rest = &text[byte_at..];
        push(
            &mut job,
            if rest.is_empty() { " " } else { rest },
            style.base.clone(),
        );
    }
    (job, hair)
}

/// Where a text wraps at `width` points as the document view lays it out:
/// the code point each row after the first starts at. With `lao_breaks` off
/// it shows what plain egui wrapping would do (for comparison in tests).
pub fn wrap_points(ctx: &egui::Context, text: &str, width: f32, lao_breaks: bool) -> Vec<usize> {
    let font =
        FontId::proportional(ctx.global_style().text_styles[&egui::TextStyle::Body].size * 1.15);
    let style = PieceStyle {
        base: TextFormat {
            font_id: font,
            ..Default::default()
        },
        width,
    };
    let breaks = if lao_breaks {
        break_chars(text)
    } else {
        Vec::new()
    };
    let (job, hair) = build_job(text, &breaks, &style);
    let galley = ctx.fonts_mut(|f| f.layout_job(job));
    let mut points = Vec::new();
    let mut display = 0;
    for row in &galley.rows[..galley.rows.len().saturating_sub(1)] {
        display += row.char_count_including_newline().0;
        points.push(doc_of_display(&hair, display));
    }
    points
}

/// The figures touching a range of code points, in order.
fn figures_in(doc: &LoadedDoc, chars: Range<usize>) -> Vec<&Figure> {
    let hi = doc.figures.partition_point(|f| f.span.start < chars.end);
    let mut lo = doc.figures[..hi].partition_point(|f| f.span.start < chars.start);
    // A figure starting before the range may still reach into it.
    while lo > 0 && doc.figures[lo - 1].span.end > chars.start {
        lo -= 1;
    }
    doc.figures[lo..hi]
        .iter()
        .filter(|f| f.span.end > chars.start)
        .collect()
}

/// Display index of a document code point within a piece (`hair` holds the
/// display positions of inserted spaces, ascending).
fn display_of_doc(hair: &[usize], c: usize) -> usize {
    let mut d = c;
    for &h in hair {
        if h <= d {
            d += 1;
        } else {
            break;
        }
    }
    d
}

/// Document code point of a display index within a piece.
fn doc_of_display(hair: &[usize], d: usize) -> usize {
    d - hair.iter().take_while(|&&h| h < d).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_cover_the_text_exactly() {
        let text = format!("one\r\ntwo\n\n{}\nend", "ລາວ ".repeat(3000));
        let pieces = split_pieces(&text);
        let mut b = 0;
        let mut c = 0;
        for p in &pieces {
            assert_eq!(p.bytes.start, b);
            assert_eq!(p.chars.start, c);
            assert!(p.bytes.len() <= MAX_PIECE_BYTES);
            b = p.bytes.end;
            c = p.chars.end;
        }
        assert_eq!((b, c), (text.len(), text.chars().count()));
    }

    #[test]
    fn display_offsets_map_back() {
        // Thin spaces inserted before document code points 2 and 5.
        let hair = [2, 6];
        let doc: Vec<usize> = (0..8).collect();
        let display: Vec<usize> = doc.iter().map(|&c| display_of_doc(&hair, c)).collect();
        assert_eq!(display, [0, 1, 3, 4, 5, 7, 8, 9]);
        for (&c, &d) in doc.iter().zip(&display) {
            assert_eq!(doc_of_display(&hair, d), c);
        }
        assert_eq!(
            doc_of_display(&hair, 2),
            2,
            "a thin space maps to the code point after it"
        );
    }
}
