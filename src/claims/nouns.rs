//! The counted noun of a figure, folded so that two sources naming the same
//! thing meet: number and spelling ("cases" = "case", "labour" = "labor"),
//! Lao glossed into English (ຄະດີ = cases), and near-synonyms put in one
//! set (women = females, suspects = arrests). Nouns that name different
//! things of one sort (people and victims) are *related*: a weaker signal.

/// Lao nouns and content words → the English stem they are folded to.
/// Longest first where one is a prefix of another; looked up whole.
pub const LAO_GLOSS: &[(&str, &str)] = &[
    ("ຜູ້ຕ້ອງສົງໄສ", "suspect"),
    ("ຜູ້ຕ້ອງຫາ", "suspect"),
    ("ຜູ້ຖືກເຄາະຮ້າຍ", "victim"),
    ("ຜູ້ເຄາະຮ້າຍ", "victim"),
    ("ເຫຍື່ອ", "victim"),
    ("ຜູ້ຖືກຈັບ", "arrest"),
    ("ການຈັບກຸມ", "arrest"),
    ("ຈັບກຸມ", "arrest"),
    ("ແຮງງານ", "worker"),
    ("ຄົນງານ", "worker"),
    ("ກຳມະກອນ", "worker"),
    ("ແມ່ຍິງ", "woman"),
    ("ຜູ້ຍິງ", "woman"),
    ("ເພດຍິງ", "woman"),
    ("ຜູ້ຊາຍ", "man"),
    ("ເພດຊາຍ", "man"),
    ("ເດັກຍິງ", "girl"),
    ("ເດັກຊາຍ", "boy"),
    ("ເດັກນ້ອຍ", "child"),
    ("ເດັກ", "child"),
    ("ເຍົາວະຊົນ", "child"),
    ("ຄົນ", "person"),
    ("ທ່ານ", "person"),
    ("ບຸກຄົນ", "person"),
    ("ປະຊາຊົນ", "person"),
    ("ຄະດີ", "case"),
    ("ກໍລະນີ", "case"),
    ("ລາຍ", "case"),
    ("ຄຳຮ້ອງ", "complaint"),
    ("ການລາຍງານ", "report"),
    ("ລາຍງານ", "report"),
    ("ຄອບຄົວ", "family"),
    ("ຄົວເຮືອນ", "household"),
    ("ບ້ານ", "village"),
    ("ເມືອງ", "district"),
    ("ແຂວງ", "province"),
    ("ປະເທດ", "country"),
    ("ບໍລິສັດ", "company"),
    ("ໂຄງການ", "project"),
    ("ໂຮງຮຽນ", "school"),
    ("ນັກຮຽນ", "student"),
    ("ຄັ້ງ", "time"),
    ("ເທື່ອ", "time"),
    ("ກີບ", "lak"),
    ("ໂດລາ", "usd"),
    ("ບາດ", "thb"),
    ("ປີ", "year"),
    ("ເດືອນ", "month"),
    ("ວັນ", "day"),
    ("ອາຍຸ", "age"),
    ("ການຄ້າມະນຸດ", "traffick"),
    ("ຄ້າມະນຸດ", "traffick"),
    ("ຕຳຫຼວດ", "police"),
    ("ຕໍາຫຼວດ", "police"),
    ("ຕຳຫລວດ", "police"),
    ("ເຈົ້າໜ້າທີ່", "officer"),
    ("ສານ", "court"),
    ("ຕັດສິນ", "convict"),
    ("ລົງໂທດ", "convict"),
    ("ສືບສວນ", "investigate"),
    ("ດຳເນີນຄະດີ", "prosecute"),
    ("ຊ່ວຍເຫຼືອ", "assist"),
    ("ກັບຄືນ", "return"),
    ("ຕ່າງປະເທດ", "foreign"),
    ("ຊາວຕ່າງປະເທດ", "foreign"),
    ("ຄົນຕ່າງດ້າວ", "foreign"),
    ("ແຮງງານເຄື່ອນຍ້າຍ", "migrant"),
    ("ເຄື່ອນຍ້າຍ", "migrant"),
    ("ລ້ານ", "million"),
    ("ຕື້", "billion"),
];

/// Words that name one thing (after folding): any two of a set are the same noun.
const SYNONYMS: &[&[&str]] = &[
    &["person", "individual", "people"],
    &["woman", "female"],
    &["man", "male"],
    &["child", "minor", "kid"],
    &["suspect", "arrest", "arrestee", "detainee"],
    &["case", "incident"],
    &["complaint", "report"],
    &["worker", "labourer", "laborer", "employee"],
    &["household", "family"],
    &["lak", "kip"],
    &["usd", "dollar"],
    &["thb", "baht"],
    &["occasion", "time", "session"],
    &["migrant", "emigrant", "immigrant"],
];

/// Sorts of thing: nouns of one sort are related, not the same.
const SORTS: &[(&str, &[&str])] = &[
    (
        "people",
        &[
            "person",
            "victim",
            "worker",
            "woman",
            "man",
            "girl",
            "boy",
            "child",
            "suspect",
            "arrest",
            "migrant",
            "student",
            "resident",
            "citizen",
            "national",
            "survivor",
            "trafficker",
            "offender",
            "official",
            "officer",
            "foreigner",
            "refugee",
            "patient",
            "teacher",
            "farmer",
            "member",
            "participant",
        ],
    ),
    (
        "events",
        &[
            "case",
            "complaint",
            "report",
            "investigation",
            "prosecution",
            "conviction",
            "incident",
            "crime",
        ],
    ),
    (
        "places",
        &[
            "village", "district", "province", "country", "city", "school", "hospital", "site",
        ],
    ),
];

/// British and American spellings met in reports, folded to one.
const SPELLINGS: &[(&str, &str)] = &[
    ("labour", "labor"),
    ("labourer", "laborer"),
    ("counselling", "counseling"),
    ("centre", "center"),
    ("programme", "program"),
    ("organisation", "organization"),
    ("victimisation", "victimization"),
];

const IRREGULAR: &[(&str, &str)] = &[
    ("people", "person"),
    ("persons", "person"),
    ("women", "woman"),
    ("men", "man"),
    ("children", "child"),
    ("females", "female"),
    ("males", "male"),
    ("feet", "foot"),
    ("teeth", "tooth"),
    ("mice", "mouse"),
    ("geese", "goose"),
    ("data", "datum"),
    ("criteria", "criterion"),
];

/// One English word folded for number, spelling and the common verb endings
/// ("arrested" and "arrests" both become "arrest"), so a noun and the verb
/// it comes from meet. Lowercase in, stem out.
pub fn stem(word: &str) -> String {
    let w = word.to_lowercase();
    if let Some((_, s)) = IRREGULAR.iter().find(|(p, _)| *p == w) {
        return s.to_string();
    }
    let mut s = w.clone();
    if let Some((_, us)) = SPELLINGS.iter().find(|(uk, _)| *uk == s) {
        s = us.to_string();
    }
    let n = s.chars().count();
    let strip = |s: &str, k: usize| s[..s.len() - k].to_string();
    if n > 4 && s.ends_with("ies") {
        s = strip(&s, 3) + "y";
    } else if n > 4
        && (s.ends_with("sses") || s.ends_with("ches") || s.ends_with("shes") || s.ends_with("xes"))
    {
        s = strip(&s, 2);
    } else if n > 3
        && s.ends_with('s')
        && !s.ends_with("ss")
        && !s.ends_with("us")
        && !s.ends_with("is")
    {
        s = strip(&s, 1);
    }
    let n = s.chars().count();
    if n > 5 && s.ends_with("ing") {
        s = strip(&s, 3);
    } else if n > 4 && s.ends_with("ied") {
        s = strip(&s, 3) + "y";
    } else if n > 4 && s.ends_with("ed") && !s.ends_with("eed") {
        s = strip(&s, 2);
    }
    // Undo a doubled final consonant ("trafficked" → "traffick" is kept;
    // "committed" → "committ" → "commit").
    let b = s.as_bytes();
    if b.len() > 4
        && b[b.len() - 1] == b[b.len() - 2]
        && !matches!(b[b.len() - 1], b'l' | b's' | b'z' | b'e' | b'o')
        && w.len() > s.len()
    {
        s.pop();
    }
    if let Some((_, us)) = SPELLINGS.iter().find(|(uk, _)| *uk == s) {
        s = us.to_string();
    }
    s
}

/// The Lao word's English stem, if the gloss table has it.
pub fn gloss(word: &str) -> Option<&'static str> {
    LAO_GLOSS
        .iter()
        .find(|(lo, _)| *lo == word)
        .map(|(_, en)| *en)
}

/// A counted noun as given in a figure's `unit` ("cases", "ຄະດີ", "Lao kip",
/// "USD"), folded to one key: Lao glossed, English stemmed, the last word of
/// a phrase taken as its head ("new trafficking cases" → "case"), synonyms
/// brought to the first of their set.
pub fn fold(unit: &str) -> Option<String> {
    let unit = unit.trim();
    if unit.is_empty() {
        return None;
    }
    let stemmed = if unit.chars().any(crate::text::is_lao) {
        gloss(unit)
            .map(str::to_string)
            .or_else(|| {
                // A compound: its longest glossed part, preferring the start (the head in Lao).
                LAO_GLOSS
                    .iter()
                    .find(|(lo, _)| unit.starts_with(lo))
                    .map(|(_, en)| en.to_string())
            })
            .unwrap_or_else(|| unit.to_string())
    } else {
        let head = unit
            .rsplit(|c: char| !c.is_alphanumeric())
            .find(|w| !w.is_empty())?;
        stem(head)
    };
    Some(canonical(&stemmed).to_string())
}

/// The first member of the synonym set `stem` belongs to, or `stem` itself.
pub fn canonical(stem: &str) -> &str {
    SYNONYMS
        .iter()
        .find(|set| set.contains(&stem))
        .map(|set| set[0])
        .unwrap_or(stem)
}

/// How two folded nouns relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Match {
    Same,
    /// Of one sort (people and victims): a weaker signal.
    Related,
    Different,
}

/// The sort of thing a folded noun names ("people" for victims), if known.
pub fn sort(noun: &str) -> Option<&'static str> {
    SORTS
        .iter()
        .find(|(_, ns)| ns.contains(&noun))
        .map(|(s, _)| *s)
}

/// [`sort`] as a small number (1 and up; 0 for none), for comparing fast.
pub fn sort_id(noun: &str) -> u8 {
    SORTS
        .iter()
        .position(|(_, ns)| ns.contains(&noun))
        .map_or(0, |i| i as u8 + 1)
}

pub fn compare(a: &str, b: &str) -> Match {
    if a == b {
        return Match::Same;
    }
    match (sort(a), sort(b)) {
        (Some(x), Some(y)) if x == y => Match::Related,
        _ => Match::Different,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lao_nouns_gloss_to_english() {
        assert_eq!(fold("ຄະດີ"), fold("cases"));
        assert_eq!(fold("ຄົນ"), fold("people"));
        assert_eq!(fold("ຜູ້ຕ້ອງສົງໄສ"), fold("suspects"));
        assert_eq!(fold("ແມ່ຍິງ"), fold("women"));
        assert_eq!(fold("ກີບ"), fold("Lao kip"));
        assert_eq!(fold("ກີບ"), fold("LAK"));
    }

    #[test]
    fn number_spelling_and_synonyms_fold() {
        assert_eq!(fold("case").as_deref(), Some("case"));
        assert_eq!(fold("new trafficking cases"), fold("case"));
        assert_eq!(fold("women"), fold("females"));
        assert_eq!(fold("individuals"), fold("people"));
        assert_eq!(fold("arrests"), fold("suspects"));
        assert_eq!(fold("labour"), fold("labor"));
        assert_eq!(fold("  "), None);
        assert_ne!(fold("cases"), fold("victims"));
    }

    #[test]
    fn stems_meet_across_noun_and_verb() {
        assert_eq!(stem("arrested"), stem("arrests"));
        assert_eq!(stem("recorded"), "record");
        assert_eq!(stem("counselling"), stem("counseling"));
        assert_eq!(stem("committed"), "commit");
        assert_eq!(stem("countries"), "country");
        assert_eq!(stem("status"), "status");
    }

    #[test]
    fn nouns_of_one_sort_are_related_only() {
        let (p, v) = (fold("people").unwrap(), fold("victims").unwrap());
        assert_eq!(compare(&p, &v), Match::Related);
        assert_eq!(compare(&p, &p), Match::Same);
        let c = fold("cases").unwrap();
        assert_eq!(compare(&c, &v), Match::Different);
    }
}
