//! Commands: what a user can do to a project, planned as invertible row changes.

use crate::model::{
    Change, Decimal, DocId, Figure, FigureId, Kind, Language, Link, LinkId, LinkStatus, Origin,
    Relation, Row, Span, Status,
};
use crate::store::{ActionTx, now};
use crate::text;

use super::{AppError, Project, Refusal, Result};

/// A reviewer's verdict on one figure.
#[derive(Debug, Clone, PartialEq)]
pub enum Decision {
    Confirm,
    Reject,
    /// Stored as `corrected`; the old values stay in the history.
    Fix(FigureFields),
}

/// Fields a user sets on a figure; `None` keeps what is there.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FigureFields {
    pub kind: Option<Kind>,
    pub value: Option<Decimal>,
    pub value_max: Option<Decimal>,
    /// `Some("")` clears the unit.
    pub unit: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    Review {
        figure: FigureId,
        decision: Decision,
        note: Option<String>,
    },
    /// A figure the extractor missed; `span` in code points.
    Add {
        document: DocId,
        span: Span,
        fields: FigureFields,
        note: Option<String>,
    },
    /// Moves a figure to another span of its document (a correction).
    Reanchor {
        figure: FigureId,
        span: Span,
    },
    Link {
        a: FigureId,
        b: FigureId,
        relation: Relation,
    },
    /// Many links in one action (figures paired by [`crate::align`]);
    /// pairs already linked are left out.
    LinkAll {
        pairs: Vec<(FigureId, FigureId)>,
        relation: Relation,
    },
    SetLinkStatus {
        link: LinkId,
        status: LinkStatus,
    },
    Unlink {
        link: LinkId,
    },
    /// Sets (or, with `None` or blank text, clears) a figure's note and
    /// nothing else: its status and values stay as they are.
    Note {
        figure: FigureId,
        note: Option<String>,
    },
    /// Says how two linked figures relate (translation, source, same fact).
    SetLinkRelation {
        link: LinkId,
        relation: Relation,
    },
    /// Removes several links in one action; an unknown id refuses them all.
    UnlinkAll {
        links: Vec<LinkId>,
    },
    /// Renames a document and/or sets its language; `None` keeps what is there.
    SetDocument {
        document: DocId,
        title: Option<String>,
        language: Option<Language>,
    },
    /// Splits a document at a line start `at` (a code point): the text from
    /// there, with its figures, becomes a new document (see [`super::documents`]).
    Split {
        document: DocId,
        at: usize,
        /// The new document's language; `None` guesses it from its text.
        language_after: Option<Language>,
    },
    /// Accepts a claim across sources: `same` links join its figures (a star
    /// from the lowest id; pairs joined already are left out), dismissals
    /// among them are lifted, and a review on the anchor (the lowest figure
    /// id) records who accepted it and when. See [`super::claims`].
    ClaimAccept {
        figures: Vec<FigureId>,
    },
    /// Dismisses a suggested claim: every pair of its figures is stored as
    /// not the same fact, so the engine never proposes it again.
    ClaimDismiss {
        figures: Vec<FigureId>,
    },
    /// Takes `figure` out of the claim it shares with `others`: the `same`
    /// links between them go (the others stay joined), each pair is
    /// dismissed, and a review hanging on `figure` moves to the lowest other.
    ClaimSplit {
        figure: FigureId,
        others: Vec<FigureId>,
    },
    /// Joins two claims (their figures) into one accepted claim, lifting the
    /// dismissals between them.
    ClaimMerge {
        a: Vec<FigureId>,
        b: Vec<FigureId>,
    },
    /// Sets (or, with `None` or blank text, clears) the note on a claim,
    /// kept by the review on its anchor.
    ClaimNote {
        figures: Vec<FigureId>,
        note: Option<String>,
    },
    /// Accepts a flagged segment of a translation pair (a legitimate change:
    /// a unit converted, a figure dropped on purpose), with a note; accepting
    /// it again changes the note. See [`super::translations`].
    SegmentAccept {
        source: DocId,
        target: DocId,
        number: u32,
        note: Option<String>,
    },
    /// Takes a segment's acceptance back: it is flagged again.
    SegmentUnaccept {
        source: DocId,
        target: DocId,
        number: u32,
    },
}

impl Command {
    /// The stable name the history records.
    pub fn action_name(&self) -> &'static str {
        match self {
            Command::Review {
                decision: Decision::Confirm,
                ..
            } => "review.confirm",
            Command::Review {
                decision: Decision::Reject,
                ..
            } => "review.reject",
            Command::Review {
                decision: Decision::Fix(_),
                ..
            } => "review.fix",
            Command::Add { .. } => "figure.add",
            Command::Reanchor { .. } => "figure.reanchor",
            Command::Link { .. } => "link.add",
            Command::LinkAll { .. } => "link.align",
            Command::SetLinkStatus { .. } => "link.status",
            Command::Unlink { .. } => "link.remove",
            Command::Note { .. } => "figure.note",
            Command::SetLinkRelation { .. } => "link.relation",
            Command::UnlinkAll { .. } => "link.remove",
            Command::SetDocument { .. } => "document.set",
            Command::Split { .. } => "document.split",
            Command::ClaimAccept { .. } => "claim.accept",
            Command::ClaimDismiss { .. } => "claim.dismiss",
            Command::ClaimSplit { .. } => "claim.split",
            Command::ClaimMerge { .. } => "claim.merge",
            Command::ClaimNote { .. } => "claim.note",
            Command::SegmentAccept { .. } => "segment.accept",
            Command::SegmentUnaccept { .. } => "segment.unaccept",
        }
    }
}

/// What an executed command did.
#[derive(Debug, Clone, PartialEq)]
pub struct Executed {
    /// The history entry, or `None` when the command changed nothing.
    pub history: Option<i64>,
    /// The rows it wrote, with their (possibly new) ids.
    pub changes: Vec<Change>,
}

impl Executed {
    /// The id of the first row the command created or changed.
    pub fn first_id(&self) -> Option<i64> {
        self.changes.first().and_then(|c| c.row()).map(Row::id)
    }

    /// The document the command created (the second part of a split).
    pub fn created_document(&self) -> Option<DocId> {
        self.changes
            .iter()
            .find_map(|c| match (&c.before, &c.after) {
                (None, Some(Row::Document(d))) => Some(d.id),
                _ => None,
            })
    }
}

impl Project {
    /// Applies one command: one transaction, one history entry, or nothing at all.
    pub fn execute(&mut self, command: Command) -> Result<Executed> {
        let who = self.reviewer.clone();
        let mut tx = self.store.begin(command.action_name(), &who)?;
        let (changes, summary) = plan(&mut tx, &command, &who)?;
        let mut applied = Vec::with_capacity(changes.len());
        for change in changes {
            applied.push(tx.apply(change)?);
        }
        let history = tx.commit(&summary)?;
        Ok(Executed {
            history,
            changes: applied,
        })
    }
}

pub(super) fn figure(tx: &ActionTx, id: FigureId) -> Result<Figure> {
    tx.figure(id)?
        .ok_or_else(|| AppError::NotFound(format!("figure {id}")))
}

fn quoted(f: &Figure) -> String {
    format!("figure {} \u{201c}{}\u{201d}", f.id, f.text)
}

fn plan(tx: &mut ActionTx, command: &Command, who: &str) -> Result<(Vec<Change>, String)> {
    let update = |before: Figure, after: Figure| Change {
        before: Some(Row::Figure(before)),
        after: Some(Row::Figure(after)),
    };
    let reviewed = |f: &mut Figure, status: Status| {
        f.status = status;
        f.reviewer = Some(who.to_string());
        f.reviewed_at = Some(now());
    };
    Ok(match command {
        Command::Review {
            figure: id,
            decision,
            note,
        } => {
            let before = figure(tx, *id)?;
            let mut after = before.clone();
            let verb = match decision {
                Decision::Confirm => {
                    reviewed(&mut after, Status::Confirmed);
                    "confirm"
                }
                Decision::Reject => {
                    reviewed(&mut after, Status::Rejected);
                    "reject"
                }
                Decision::Fix(fields) => {
                    fields.apply_to(&mut after)?;
                    reviewed(&mut after, Status::Corrected);
                    "fix"
                }
            };
            if let Some(note) = note {
                after.note = non_empty(note);
            }
            let summary = format!("{verb} {}", quoted(&before));
            (vec![update(before, after)], summary)
        }
        Command::Add {
            document,
            span,
            fields,
            note,
        } => {
            let doc = tx
                .document(*document)?
                .ok_or_else(|| AppError::NotFound(format!("document {document}")))?;
            let text = span_text(&doc.text, *span)?;
            check_free(tx, *document, *span, None)?;
            let mut f = Figure {
                id: 0,
                document: *document,
                span: *span,
                text,
                kind: Kind::Other,
                value: None,
                value_max: None,
                unit: None,
                origin: Origin::manual(),
                status: Status::Confirmed,
                reviewer: None,
                reviewed_at: None,
                note: note.as_deref().and_then(non_empty),
            };
            fields.apply_to(&mut f)?;
            reviewed(&mut f, Status::Confirmed);
            let summary = format!(
                "add figure \u{201c}{}\u{201d} to document {document}",
                f.text
            );
            (
                vec![Change {
                    before: None,
                    after: Some(Row::Figure(f)),
                }],
                summary,
            )
        }
        Command::Reanchor { figure: id, span } => {
            let before = figure(tx, *id)?;
            let doc = tx
                .document(before.document)?
                .ok_or_else(|| AppError::NotFound(format!("document {}", before.document)))?;
            let mut after = before.clone();
            after.text = span_text(&doc.text, *span)?;
            check_free(tx, before.document, *span, Some(*id))?;
            after.span = *span;
            reviewed(&mut after, Status::Corrected);
            let summary = format!(
                "re-anchor {} to {}..{} \u{201c}{}\u{201d}",
                quoted(&before),
                span.start,
                span.end,
                after.text
            );
            (vec![update(before, after)], summary)
        }
        Command::Link { a, b, relation } => {
            if a == b {
                return Err(Refusal::LinkToItself.into());
            }
            let (fa, fb) = (figure(tx, *a)?, figure(tx, *b)?);
            if tx.linked(*a, *b)? {
                return Err(Refusal::AlreadyLinked.into());
            }
            // Whether the values agree is derived when shown; the status is the reviewer's.
            let status = LinkStatus::Unreviewed;
            let link = Link {
                id: 0,
                a: *a,
                b: *b,
                relation: *relation,
                status,
            };
            let summary = format!("link {} and {} ({relation})", quoted(&fa), quoted(&fb));
            (
                vec![Change {
                    before: None,
                    after: Some(Row::Link(link)),
                }],
                summary,
            )
        }
        Command::LinkAll { pairs, relation } => {
            let mut changes = Vec::new();
            for (a, b) in pairs {
                if a == b || tx.linked(*a, *b)? {
                    continue;
                }
                figure(tx, *a)?;
                figure(tx, *b)?;
                changes.push(Change {
                    before: None,
                    after: Some(Row::Link(Link {
                        id: 0,
                        a: *a,
                        b: *b,
                        relation: *relation,
                        status: LinkStatus::Unreviewed,
                    })),
                });
            }
            if changes.is_empty() {
                return Err(Refusal::NothingNewToLink.into());
            }
            let summary = format!("link {} pairs of figures ({relation})", changes.len());
            (changes, summary)
        }
        Command::SetLinkStatus { link, status } => {
            let before = tx
                .link(*link)?
                .ok_or_else(|| AppError::NotFound(format!("link {link}")))?;
            let after = Link {
                status: *status,
                ..before.clone()
            };
            let summary = format!("mark link {link} as {status}");
            (
                vec![Change {
                    before: Some(Row::Link(before)),
                    after: Some(Row::Link(after)),
                }],
                summary,
            )
        }
        Command::Note { figure: id, note } => {
            let before = figure(tx, *id)?;
            let mut after = before.clone();
            after.note = note.as_deref().and_then(non_empty);
            if after.note == before.note {
                return Err(Refusal::NoteUnchanged.into());
            }
            let summary = match &after.note {
                Some(n) => format!("note on {}: \u{201c}{n}\u{201d}", quoted(&before)),
                None => format!("clear the note on {}", quoted(&before)),
            };
            (vec![update(before, after)], summary)
        }
        Command::Unlink { link } => {
            let before = tx
                .link(*link)?
                .ok_or_else(|| AppError::NotFound(format!("link {link}")))?;
            let summary = format!("remove link {link}");
            (
                vec![Change {
                    before: Some(Row::Link(before)),
                    after: None,
                }],
                summary,
            )
        }
        Command::SetLinkRelation { link, relation } => {
            let before = tx
                .link(*link)?
                .ok_or_else(|| AppError::NotFound(format!("link {link}")))?;
            if before.relation == *relation {
                return Err(AppError::Invalid(format!(
                    "link {link} is a {relation} link already"
                )));
            }
            let after = Link {
                relation: *relation,
                ..before.clone()
            };
            let summary = format!("mark link {link} as {relation} (was {})", before.relation);
            (
                vec![Change {
                    before: Some(Row::Link(before)),
                    after: Some(Row::Link(after)),
                }],
                summary,
            )
        }
        Command::UnlinkAll { links } => {
            let mut removed: Vec<LinkId> = Vec::new();
            let mut changes = Vec::new();
            for link in links {
                if removed.contains(link) {
                    continue;
                }
                let before = tx
                    .link(*link)?
                    .ok_or_else(|| AppError::NotFound(format!("link {link}")))?;
                removed.push(*link);
                changes.push(Change {
                    before: Some(Row::Link(before)),
                    after: None,
                });
            }
            let summary = match removed[..] {
                [] => return Err(AppError::Invalid("no links given".into())),
                [one] => format!("remove link {one}"),
                _ => format!("remove {} links", removed.len()),
            };
            (changes, summary)
        }
        Command::SetDocument {
            document,
            title,
            language,
        } => super::documents::plan_set(tx, *document, title.as_deref(), language.as_ref())?,
        Command::Split {
            document,
            at,
            language_after,
        } => super::documents::plan_split(tx, *document, *at, language_after.clone())?,
        Command::SegmentAccept {
            source,
            target,
            number,
            note,
        } => super::translations::plan_accept(tx, (*source, *target, *number), note, who)?,
        Command::SegmentUnaccept {
            source,
            target,
            number,
        } => super::translations::plan_unaccept(tx, (*source, *target, *number))?,
        Command::ClaimAccept { figures } => super::claims::plan_accept(tx, figures, who)?,
        Command::ClaimDismiss { figures } => super::claims::plan_dismiss(tx, figures)?,
        Command::ClaimSplit { figure, others } => super::claims::plan_split(tx, *figure, others)?,
        Command::ClaimMerge { a, b } => super::claims::plan_merge(tx, a, b, who)?,
        Command::ClaimNote { figures, note } => {
            super::claims::plan_note(tx, figures, note.as_deref(), who)?
        }
    })
}

impl FigureFields {
    fn apply_to(&self, f: &mut Figure) -> Result<()> {
        if let Some(kind) = self.kind {
            f.kind = kind;
        }
        if let Some(value) = self.value {
            f.value = Some(value);
        }
        if let Some(max) = self.value_max {
            f.value_max = Some(max);
        }
        if let Some(unit) = &self.unit {
            f.unit = non_empty(unit);
        }
        if let (Some(lo), Some(hi)) = (f.value, f.value_max)
            && hi < lo
        {
            return Err(AppError::Invalid(format!(
                "range end {hi} is below its start {lo}"
            )));
        }
        Ok(())
    }
}

pub(super) fn non_empty(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// The text of a code-point span, refusing spans outside the text or inside a cluster.
pub fn span_text(doc_text: &str, span: Span) -> Result<String> {
    span_text_at(doc_text, &text::CharIndex::new(doc_text), span)
}

/// As [`span_text`], with the text's code-point index built once for many spans.
pub fn span_text_at(doc_text: &str, index: &text::CharIndex, span: Span) -> Result<String> {
    if span.is_empty() {
        return Err(AppError::Invalid(format!(
            "empty span {}..{}: the end must be after the start",
            span.start, span.end
        )));
    }
    let (Some(start), Some(end)) = (
        index.byte_of(doc_text, span.start),
        index.byte_of(doc_text, span.end),
    ) else {
        return Err(AppError::Invalid(format!(
            "span {}..{} is outside the document ({} characters)",
            span.start,
            span.end,
            index.char_len()
        )));
    };
    for (at, b) in [(span.start, start), (span.end, end)] {
        if !text::is_grapheme_boundary(doc_text, b) {
            return Err(AppError::Invalid(format!(
                "offset {at} splits a character cluster (a letter from its vowel or tone mark); \
                 use {} or {}",
                at - doc_text[text::floor_grapheme(doc_text, b)..b]
                    .chars()
                    .count(),
                at + doc_text[b..text::ceil_grapheme(doc_text, b)]
                    .chars()
                    .count(),
            )));
        }
    }
    Ok(doc_text[start..end].to_string())
}

/// Refuses a span that overlaps a live figure (one not rejected or stale) other than `except`.
fn check_free(tx: &ActionTx, doc: DocId, span: Span, except: Option<FigureId>) -> Result<()> {
    let clash = tx
        .figures_of(doc)?
        .into_iter()
        .find(|f| Some(f.id) != except && f.status.is_live() && f.span.overlaps(&span));
    match clash {
        Some(f) => Err(AppError::Invalid(format!(
            "span {}..{} overlaps {} at {}..{}; re-anchor or reject that one first",
            span.start,
            span.end,
            quoted(&f),
            f.span.start,
            f.span.end
        ))),
        None => Ok(()),
    }
}
