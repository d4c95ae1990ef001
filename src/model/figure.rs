use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{DocId, FigureId};

/// A half-open range of Unicode code points `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

macro_rules! string_enum {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "lowercase")]
        pub enum $name { $($(#[$vm])* $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                let wanted = s.trim().to_ascii_lowercase();
                $name::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str() == wanted)
                    .ok_or_else(|| {
                        let names: Vec<&str> = $name::ALL.iter().map(|v| v.as_str()).collect();
                        format!("unknown {} '{}' (expected one of: {})",
                            stringify!($name).to_ascii_lowercase(), s, names.join(", "))
                    })
            }
        }
    };
}
pub(crate) use string_enum;

string_enum! {
    /// What a figure states, as in the annotation guideline.
    Kind {
        Count = "count",
        Money = "money",
        Percent = "percent",
        Date = "date",
        Year = "year",
        Duration = "duration",
        Ordinal = "ordinal",
        Rank = "rank",
        Identifier = "identifier",
        Other = "other",
    }
}

string_enum! {
    /// Where a figure stands in review.
    Status {
        Unreviewed = "unreviewed",
        Confirmed = "confirmed",
        Corrected = "corrected",
        Rejected = "rejected",
        /// Found by an older extractor but not by the current one; never reviewed.
        Stale = "stale",
    }
}

impl Status {
    /// Whether a figure with this status still stands: not rejected by a
    /// reviewer and not stale (no longer found by the extractor). Only live
    /// figures are aligned, linked, claimed, checked and drawn on top.
    pub fn is_live(self) -> bool {
        !matches!(self, Status::Rejected | Status::Stale)
    }

    pub fn is_reviewed(self) -> bool {
        matches!(
            self,
            Status::Confirmed | Status::Corrected | Status::Rejected
        )
    }
}

/// Who proposed a figure: a person, or an extractor of a given version.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Origin(pub String);

impl Origin {
    pub const MANUAL: &'static str = "manual";
    pub fn manual() -> Self {
        Origin(Self::MANUAL.to_string())
    }
    pub fn is_manual(&self) -> bool {
        self.0 == Self::MANUAL
    }
    /// Whether an extractor proposed it (`extract/<version>`), rather than a
    /// person here or an annotation imported from elsewhere (`imported:<format>`).
    pub fn is_extractor(&self) -> bool {
        self.0.starts_with("extract/")
    }
}

/// One figure in one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figure {
    pub id: FigureId,
    pub document: DocId,
    pub span: Span,
    /// The document's code points `[span.start, span.end)`.
    pub text: String,
    pub kind: Kind,
    /// Exact decimal: "65.5 million" is 65 500 000, with no float round-off.
    pub value: Option<Decimal>,
    /// A range's upper end.
    pub value_max: Option<Decimal>,
    pub unit: Option<String>,
    pub origin: Origin,
    pub status: Status,
    pub reviewer: Option<String>,
    /// RFC 3339, UTC.
    pub reviewed_at: Option<String>,
    pub note: Option<String>,
}

/// A new figure as the store takes it in bulk, its strings borrowed: an
/// import writes millions of these and allocates nothing for each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FigureRow<'a> {
    pub span: Span,
    pub text: &'a str,
    pub kind: Kind,
    pub value: Option<Decimal>,
    pub value_max: Option<Decimal>,
    pub unit: Option<&'a str>,
    pub origin: &'a str,
    pub status: Status,
}

impl Figure {
    pub fn as_row(&self) -> FigureRow<'_> {
        FigureRow {
            span: self.span,
            text: &self.text,
            kind: self.kind,
            value: self.value,
            value_max: self.value_max,
            unit: self.unit.as_deref(),
            origin: &self.origin.0,
            status: self.status,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Status;

    #[test]
    fn live_figures_are_those_neither_rejected_nor_stale() {
        let live: Vec<Status> = Status::ALL
            .iter()
            .copied()
            .filter(|s| s.is_live())
            .collect();
        assert_eq!(
            live,
            [Status::Unreviewed, Status::Confirmed, Status::Corrected]
        );
    }
}
