//! Translations, pure: the sentences of two texts aligned, the figures of a
//! document paired with its translation's, and the number check of each
//! segment pair. Text and figures in, spans and pairs out; no I/O.

pub mod figures;
pub mod qa;
pub mod sentences;

pub use figures::{align_in_order, link_in_segments, link_segment, link_translation};
pub use qa::{SegmentCheck, check_segment, same_value};
