//! Links between figures as the workbench shows them. Each link is kept with
//! copies of both its figures, so which figures disagree is known without a
//! query per frame; the copies follow every change the workbench absorbs.

use std::collections::HashSet;

use crate::model::{Figure, FigureId, Link, LinkId, LinkStatus};
use crate::store::{Result, Store};

/// A link and its two figures as they stand now.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkedPair {
    pub link: Link,
    pub a: Figure,
    pub b: Figure,
}

impl LinkedPair {
    /// The figure at the other end from `id`.
    pub fn other(&self, id: FigureId) -> Option<&Figure> {
        if self.a.id == id {
            Some(&self.b)
        } else if self.b.id == id {
            Some(&self.a)
        } else {
            None
        }
    }

    /// Both figures still stand (neither rejected nor stale) and state different values.
    pub fn disagrees(&self) -> bool {
        LinkStatus::of_values(&self.a, &self.b) == LinkStatus::Disagrees
    }
}

/// Every link of the open project.
#[derive(Debug, Default)]
pub struct Links {
    pairs: Vec<LinkedPair>,
    /// Figures with at least one link.
    pub linked: HashSet<FigureId>,
    /// Figures with at least one link whose two ends disagree.
    pub disputed: HashSet<FigureId>,
}

impl Links {
    /// The project's links whose two documents are both present.
    pub fn load(store: &Store) -> Result<Links> {
        let mut links = Links::default();
        for link in store.links()? {
            if let (Some(a), Some(b)) = (store.figure(link.a)?, store.figure(link.b)?) {
                links.pairs.push(LinkedPair { link, a, b });
            }
        }
        links.pairs.sort_by_key(|p| p.link.id);
        links.reindex();
        Ok(links)
    }

    pub fn len(&self) -> usize {
        self.pairs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// Links that disagree.
    pub fn disagreements(&self) -> usize {
        self.pairs.iter().filter(|p| p.disagrees()).count()
    }

    /// Every link, oldest first.
    pub fn iter(&self) -> impl Iterator<Item = &LinkedPair> {
        self.pairs.iter()
    }

    /// The links of one figure.
    pub fn of(&self, figure: FigureId) -> impl Iterator<Item = &LinkedPair> {
        self.pairs
            .iter()
            .filter(move |p| p.link.a == figure || p.link.b == figure)
    }

    /// A figure changed (`after` is `None` when it is gone).
    pub fn figure_changed(&mut self, id: FigureId, after: Option<&Figure>) {
        if !self.linked.contains(&id) {
            return;
        }
        match after {
            Some(f) => {
                for p in &mut self.pairs {
                    for end in [&mut p.a, &mut p.b] {
                        if end.id == id {
                            *end = f.clone();
                        }
                    }
                }
            }
            None => self.pairs.retain(|p| p.a.id != id && p.b.id != id),
        }
        self.reindex();
    }

    /// A link was added, changed or removed; `figure` finds its ends.
    pub fn link_changed(
        &mut self,
        id: LinkId,
        after: Option<&Link>,
        figure: impl Fn(FigureId) -> Option<Figure>,
    ) {
        self.pairs.retain(|p| p.link.id != id);
        if let Some(link) = after
            && let (Some(a), Some(b)) = (figure(link.a), figure(link.b))
        {
            self.pairs.push(LinkedPair {
                link: link.clone(),
                a,
                b,
            });
        }
        self.reindex();
    }

    fn reindex(&mut self) {
        self.linked.clear();
        self.disputed.clear();
        for p in &self.pairs {
            self.linked.extend([p.a.id, p.b.id]);
            if p.disagrees() {
                self.disputed.extend([p.a.id, p.b.id]);
            }
        }
    }
}
