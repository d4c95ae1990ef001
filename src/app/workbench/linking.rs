//! Links in the workbench: the relation new links get, going from one
//! disagreement to the next, and showing both ends of a link.

use super::{Notice, PaneId, Workbench};
use crate::app::{AppError, Refusal};
use crate::model::{Figure, FigureId, LinkId, Relation};

/// The notice after L: which relation the new link got.
pub(super) fn linked_notice(relation: Relation) -> &'static str {
    match relation {
        Relation::Translation => "notice-linked-translation",
        Relation::Source => "notice-linked-source",
        Relation::Same => "notice-linked-same",
    }
}

/// The notice after Shift+L (its argument: how many links were made).
pub(super) fn linked_all_notice(relation: Relation) -> &'static str {
    match relation {
        Relation::Translation => "notice-linked-all-translation",
        Relation::Source => "notice-linked-all-source",
        Relation::Same => "notice-linked-all-same",
    }
}

/// The notice after a link's relation was changed.
pub(super) fn relation_notice(relation: Relation) -> &'static str {
    match relation {
        Relation::Translation => "notice-relation-translation",
        Relation::Source => "notice-relation-source",
        Relation::Same => "notice-relation-same",
    }
}

impl Workbench {
    /// The relation a link between the two panes' documents gets now: the
    /// one chosen in Review → Link as, else one read from their languages.
    pub fn new_link_relation(&self) -> Result<Relation, AppError> {
        if let Some(r) = self.settings.link_relation {
            return Ok(r);
        }
        let [Some(a), Some(b)] = PaneId::ALL.map(|p| &self.panes[p].doc) else {
            return Err(Refusal::OpenBothPanes.into());
        };
        Ok(Relation::between(&a.meta.language, &b.meta.language))
    }

    /// Selects the next (or previous) figure of the active pane with a
    /// disagreeing link, wrapping around, and its partner in the other pane.
    pub(super) fn step_disagreement(&mut self, forward: bool) -> Result<(), AppError> {
        let pane = self.active;
        let doc = self.panes[pane].doc.as_ref().ok_or(Refusal::NoDocument)?;
        let n = doc.figures.len() as isize;
        let at = self.panes[pane]
            .selected
            .and_then(|id| doc.position(id))
            .map(|i| i as isize);
        let (start, step) = match (at, forward) {
            (Some(i), true) => (i + 1, 1),
            (None, true) => (0, 1),
            (Some(i), false) => (i - 1, -1),
            (None, false) => (n - 1, -1),
        };
        let found = (0..n)
            .map(|k| &doc.figures[(start + k * step).rem_euclid(n) as usize])
            .find(|f| self.links.disputed.contains(&f.id))
            .cloned();
        let Some(found) = found else {
            self.notice = Some(Notice::Info("notice-no-disagreements", None));
            return Ok(());
        };
        self.put(pane, &found);
        let partner = self.disagreeing_partner(found.id);
        if let Some(other) = partner.filter(|_| self.settings.two_panes)
            && other.document != found.document
        {
            self.put(pane.other(), &other);
        }
        Ok(())
    }

    /// The figure at the other end of `id`'s first disagreeing link.
    fn disagreeing_partner(&self, id: FigureId) -> Option<Figure> {
        self.links
            .of(id)
            .find(|p| p.disagrees())
            .and_then(|p| p.other(id))
            .cloned()
    }

    /// Shows a link's two figures side by side, keeping each document where
    /// it is shown already; in one pane, the first figure.
    pub(super) fn show_link(&mut self, id: LinkId) -> Result<(), AppError> {
        let pair = self
            .links
            .iter()
            .find(|p| p.link.id == id)
            .cloned()
            .ok_or_else(|| AppError::NotFound(format!("link {id}")))?;
        let (a, b) = (&pair.a, &pair.b);
        let shows = |pane: PaneId, f: &Figure| self.panes[pane].shows(f.document);
        let (active, other) = (self.active, self.active.other());
        if !self.settings.two_panes || a.document == b.document {
            let pane = if shows(other, a) && self.settings.two_panes {
                other
            } else {
                active
            };
            self.put(pane, a);
            return Ok(());
        }
        // Of the two ways to place them, the one that opens fewer documents.
        let kept = |pa: PaneId, pb: PaneId| shows(pa, a) as u8 + shows(pb, b) as u8;
        let (pa, pb) = if kept(other, active) > kept(active, other) {
            (other, active)
        } else {
            (active, other)
        };
        self.put(pa, a);
        self.put(pb, b);
        Ok(())
    }

    /// Selects a figure in `pane`, opening its document there first when needed.
    fn put(&mut self, pane: PaneId, f: &Figure) {
        let shown = self.panes[pane].doc.as_ref().map(|d| d.meta.id);
        if shown != Some(f.document) {
            self.load_into(pane, f.document);
        }
        self.panes[pane].select(Some(f.id));
        self.panes[pane].hand_picked = false;
    }
}
