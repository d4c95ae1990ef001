use serde::{Deserialize, Serialize};

use super::figure::string_enum;
use super::{Figure, FigureId, Language, LinkId};

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

impl Relation {
    /// The relation a link gets when the reviewer chose none: figures of
    /// documents in two languages are a translation pair; in one language,
    /// two sources stating the same fact (two news stories are no translation).
    pub fn between(a: &Language, b: &Language) -> Relation {
        if a == b {
            Relation::Same
        } else {
            Relation::Translation
        }
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

impl LinkStatus {
    /// The verdict on two linked figures as every view shows it: they
    /// disagree when both still stand (neither rejected nor stale) and
    /// state different values; otherwise they agree.
    pub fn of_values(a: &Figure, b: &Figure) -> LinkStatus {
        let stands = |f: &Figure| f.status.is_live();
        let differ = a.value != b.value || a.value_max != b.value_max;
        if stands(a) && stands(b) && differ {
            LinkStatus::Disagrees
        } else {
            LinkStatus::Agrees
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_relation_follows_the_languages() {
        let (lo, en) = (Language::new("lo"), Language::new("en"));
        assert_eq!(Relation::between(&lo, &en), Relation::Translation);
        assert_eq!(Relation::between(&en, &en), Relation::Same);
        assert_eq!(Relation::between(&lo, &Language::new("LO")), Relation::Same);
    }
}
