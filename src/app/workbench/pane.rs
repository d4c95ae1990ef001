//! A document shown in a pane, with its figures kept in step with the project.

use std::ops::{Index, IndexMut, Range};

use crate::model::{DocumentMeta, Figure, FigureId, Span};
use crate::text::CharIndex;

/// A document loaded for display: its text, its figures sorted by position.
pub struct LoadedDoc {
    pub meta: DocumentMeta,
    pub text: String,
    /// Sorted by start, then id.
    pub figures: Vec<Figure>,
    pub index: CharIndex,
    /// Bumped whenever `figures` change, so views can cache what they derive.
    pub version: u64,
}

impl LoadedDoc {
    pub fn new(meta: DocumentMeta, text: String, mut figures: Vec<Figure>) -> LoadedDoc {
        figures.sort_by_key(|f| (f.span.start, f.id));
        let index = CharIndex::new(&text);
        LoadedDoc {
            meta,
            text,
            figures,
            index,
            version: 0,
        }
    }

    /// Byte range of a code-point span (clamped to the text).
    pub fn bytes(&self, span: Span) -> Range<usize> {
        let len = self.text.len();
        let start = self.index.byte_of(&self.text, span.start).unwrap_or(len);
        let end = self.index.byte_of(&self.text, span.end).unwrap_or(len);
        start..end.max(start)
    }

    /// Code-point offset of a byte offset on a char boundary.
    pub fn char_at(&self, byte: usize) -> usize {
        self.index
            .char_of(&self.text, byte)
            .unwrap_or(self.index.char_len())
    }

    pub fn position(&self, id: FigureId) -> Option<usize> {
        self.figures.iter().position(|f| f.id == id)
    }

    pub fn figure(&self, id: FigureId) -> Option<&Figure> {
        self.figures.iter().find(|f| f.id == id)
    }

    /// The live figure (not rejected or stale) under a code-point offset, else any figure there.
    pub fn figure_at(&self, c: usize) -> Option<&Figure> {
        let hits = self
            .figures
            .iter()
            .filter(|f| f.span.start <= c && c < f.span.end);
        let mut fallback = None;
        for f in hits {
            if !matches!(
                f.status,
                crate::model::Status::Rejected | crate::model::Status::Stale
            ) {
                return Some(f);
            }
            fallback.get_or_insert(f);
        }
        fallback
    }

    /// Puts a figure's new state in place (`None` removes it).
    ///
    /// A review leaves the span alone, so the figure is overwritten where it
    /// stands: removing and inserting would move every figure after it, some
    /// megabytes in a long document, on the frame of each confirm.
    pub fn apply(&mut self, id: FigureId, figure: Option<&Figure>) {
        let figure = figure.filter(|f| f.document == self.meta.id);
        let old = self.position(id);
        match (old, figure) {
            (Some(i), Some(f)) if self.figures[i].span.start == f.span.start => {
                self.figures[i] = f.clone();
            }
            (old, figure) => {
                if let Some(i) = old {
                    self.figures.remove(i);
                }
                if let Some(f) = figure {
                    let at = self
                        .figures
                        .partition_point(|g| (g.span.start, g.id) < (f.span.start, f.id));
                    self.figures.insert(at, f.clone());
                }
            }
        }
        self.version += 1;
    }
}

/// Which of the two document panes: actions and views name a pane by this,
/// so no index can point past the second one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum PaneId {
    #[default]
    Left,
    Right,
}

impl PaneId {
    /// Both panes, left to right.
    pub const ALL: [PaneId; 2] = [PaneId::Left, PaneId::Right];

    /// The pane beside this one.
    pub fn other(self) -> PaneId {
        match self {
            PaneId::Left => PaneId::Right,
            PaneId::Right => PaneId::Left,
        }
    }
}

/// One thing for each pane (its state, its view), addressed by [`PaneId`].
#[derive(Debug, Default, Clone, PartialEq)]
pub struct PerPane<T> {
    left: T,
    right: T,
}

/// The two panes.
pub type Panes = PerPane<Pane>;

impl<T> PerPane<T> {
    /// Both, left to right.
    pub fn iter(&self) -> impl Iterator<Item = &T> {
        self.into_iter()
    }

    pub fn iter_mut(&mut self) -> impl Iterator<Item = &mut T> {
        self.into_iter()
    }

    /// Both with their panes' ids, left to right.
    pub fn with_ids(&self) -> impl Iterator<Item = (PaneId, &T)> {
        PaneId::ALL.into_iter().zip(self.iter())
    }

    /// The first pane (from the left) whose item matches.
    pub fn find(&self, mut pred: impl FnMut(&T) -> bool) -> Option<PaneId> {
        self.with_ids().find(|(_, p)| pred(p)).map(|(id, _)| id)
    }
}

impl PerPane<Pane> {
    /// The pane showing `doc`, if one does (the left one when both do).
    pub fn showing(&self, doc: crate::model::DocId) -> Option<PaneId> {
        self.find(|p| p.shows(doc))
    }

    /// The first pane with no document in it.
    pub fn empty(&self) -> Option<PaneId> {
        self.find(|p| p.doc.is_none())
    }
}

impl<'a, T> IntoIterator for &'a PerPane<T> {
    type Item = &'a T;
    type IntoIter = std::array::IntoIter<&'a T, 2>;

    fn into_iter(self) -> Self::IntoIter {
        [&self.left, &self.right].into_iter()
    }
}

impl<'a, T> IntoIterator for &'a mut PerPane<T> {
    type Item = &'a mut T;
    type IntoIter = std::array::IntoIter<&'a mut T, 2>;

    fn into_iter(self) -> Self::IntoIter {
        [&mut self.left, &mut self.right].into_iter()
    }
}

impl<T> Index<PaneId> for PerPane<T> {
    type Output = T;

    fn index(&self, id: PaneId) -> &T {
        match id {
            PaneId::Left => &self.left,
            PaneId::Right => &self.right,
        }
    }
}

impl<T> IndexMut<PaneId> for PerPane<T> {
    fn index_mut(&mut self, id: PaneId) -> &mut T {
        match id {
            PaneId::Left => &mut self.left,
            PaneId::Right => &mut self.right,
        }
    }
}

/// One of the two document panes.
#[derive(Default)]
pub struct Pane {
    pub doc: Option<LoadedDoc>,
    pub selected: Option<FigureId>,
    /// The selection was picked by hand (a click, a table row): moving
    /// through the figures of the other pane leaves it alone until the
    /// reviewer comes back to this pane (see `Workbench::perform`).
    pub hand_picked: bool,
    /// Text selected with the mouse, in code points, on cluster boundaries.
    pub text_selection: Option<Span>,
    /// Where the view should scroll (a code-point offset), and a counter that
    /// changes with every request so the view can tell a new one from an old one.
    pub scroll_target: Option<usize>,
    pub scroll_generation: u64,
}

impl Pane {
    /// Whether this pane shows `doc`.
    pub fn shows(&self, doc: crate::model::DocId) -> bool {
        self.doc.as_ref().is_some_and(|d| d.meta.id == doc)
    }

    pub fn selected_figure(&self) -> Option<&Figure> {
        let doc = self.doc.as_ref()?;
        doc.figure(self.selected?)
    }

    pub fn select(&mut self, id: Option<FigureId>) {
        self.selected = id;
        if let Some(f) = self.selected_figure() {
            self.scroll_target = Some(f.span.start);
            self.scroll_generation += 1;
        }
    }

    /// Selects a stretch of text (a search hit, say) and brings it into view.
    pub fn show_text(&mut self, span: Span) {
        self.text_selection = Some(span);
        self.scroll_target = Some(span.start);
        self.scroll_generation += 1;
    }

    /// Moves the selection `step` figures on (negative: back), stopping at the ends.
    pub fn step(&mut self, step: isize) {
        let Some(doc) = &self.doc else { return };
        if doc.figures.is_empty() {
            return;
        }
        let at = match self.selected.and_then(|id| doc.position(id)) {
            Some(i) => (i as isize + step).clamp(0, doc.figures.len() as isize - 1) as usize,
            None if step >= 0 => 0,
            None => doc.figures.len() - 1,
        };
        let id = doc.figures[at].id;
        self.select(Some(id));
    }

    /// Selects the next unreviewed figure after the selection, wrapping around.
    pub fn next_unreviewed(&mut self) -> bool {
        let Some(doc) = &self.doc else { return false };
        let n = doc.figures.len();
        let from = self
            .selected
            .and_then(|id| doc.position(id))
            .map_or(0, |i| i + 1);
        let found = (0..n)
            .map(|k| (from + k) % n.max(1))
            .find(|&i| doc.figures[i].status == crate::model::Status::Unreviewed);
        match found {
            Some(i) => {
                let id = doc.figures[i].id;
                self.select(Some(id));
                true
            }
            None => false,
        }
    }
}
