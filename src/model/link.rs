use serde::{Deserialize, Serialize};

use super::figure::string_enum;
use super::{FigureId, LinkId};

string_enum! {
    /// How two linked figures relate.
    Relation {
        /// One figure's sentence translates the other's.
        Translation = "translation",
        /// A claim and the source it cites.
        Source = "source",
        /// Two sources stating the same quantity.
        Same = "same",
    }
}

string_enum! {
    LinkStatus {
        Unreviewed = "unreviewed",
        /// The two figures agree.
        Agrees = "agrees",
        /// The two figures state different values for the same thing.
        Disagrees = "disagrees",
    }
}

/// A link between two figures, usually in two documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    pub id: LinkId,
    pub a: FigureId,
    pub b: FigureId,
    pub relation: Relation,
    pub status: LinkStatus,
}
