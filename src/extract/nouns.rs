//! The English counted noun after a number (`12 foreign workers`), the unit
//! of a count or an ordinal.

use super::chars::*;
use super::english_words;
use super::lexicon::*;
use super::look::Look;

/// The English counted noun after `i` (one or two words).
#[inline]
pub(super) fn en_unit_after(t: &str, i: usize) -> Option<String> {
    en_unit_words(t, i).map(|u| u.to_string(false))
}

/// [`en_unit_after`] made singular (`people` stays, `workers` → `worker`);
/// none when a number word follows (`the first six months`: the ordinal
/// ranks the months the number counts).
#[inline]
pub(super) fn en_unit_after_singular(t: &str, i: usize) -> Option<String> {
    let (_, w) = next_word(t, i);
    if english_words::lookup(Low::new(w).as_str()).is_some() {
        return None;
    }
    en_unit_words(t, i).map(|u| u.to_string(true))
}

/// The words of an English unit, borrowed from the text: an adjective kept
/// with the noun (`foreign workers`), the noun, or both.
pub(super) struct UnitWords<'a> {
    pub(super) adj: Option<&'a str>,
    pub(super) noun: Option<&'a str>,
}

impl UnitWords<'_> {
    /// The unit, one allocation; `singular` drops a final `s` when more than
    /// two bytes stay (`adj noun` as one string).
    pub(super) fn to_string(&self, singular: bool) -> String {
        let mut u = String::with_capacity(
            self.adj.map_or(0, |a| a.len() + 1) + self.noun.map_or(0, str::len),
        );
        match (self.adj, self.noun) {
            (Some(a), Some(w)) => {
                u.push_str(a);
                u.push(' ');
                u.push_str(w);
            }
            (Some(a), None) => u.push_str(a),
            (None, Some(w)) => u.push_str(w),
            (None, None) => {}
        }
        if singular && u.len() > 3 && u.ends_with('s') {
            u.pop();
        }
        u
    }
}

/// The words behind [`en_unit_after`], without building the string. Its
/// callers (ratios and ordinals) do not ask for a plural head.
#[inline]
pub(super) fn en_unit_words(t: &str, i: usize) -> Option<UnitWords<'_>> {
    en_unit_words_keyed(t, skip_hspace(t, i), None, false)
}

/// [`en_unit_words`] after the spaces after `i`, the first word's key
/// taken from the look.
#[inline]
pub(super) fn en_unit_words_look<'t>(
    lk: &mut Look<'t>,
    i: usize,
    plural: bool,
) -> Option<UnitWords<'t>> {
    let (j, _, k, lower) = lk.keyed_word_after(i);
    en_unit_words_keyed(lk.t, j, Some((k, lower)), plural)
}

/// [`en_unit_words`] at `j` (the spaces skipped), given the first word's
/// `word_key` and whether it has no capital, when known.
///
/// A number above one counts a plural noun, so when the word after it is
/// not one, that word is a modifier and the head comes later: `96 human
/// trafficking cases` counts cases, `40 factory workers` workers.
#[inline]
pub(super) fn en_unit_words_keyed(
    t: &str,
    mut j: usize,
    first: Option<(u128, bool)>,
    plural: bool,
) -> Option<UnitWords<'_>> {
    // a unit starts with a lower-case letter, or with a proper adjective
    // before a plural noun (`3 Chinese nationals`, `1,200 Lao workers`)
    match t.as_bytes().get(j) {
        Some(c) if c.is_ascii_lowercase() => {}
        Some(c) if c.is_ascii_uppercase() && plural => return proper_adjective_unit(t, j),
        _ => return None,
    }
    let mut adj: Option<&str> = None;
    let mut first = first;
    for _ in 0..3 {
        let w = ascii_word_at(t, j);
        if w.is_empty() || !w.as_bytes()[0].is_ascii_lowercase() || w.len() < 2 {
            return None;
        }
        let e = j + w.len();
        // what the word is, looked up once (as written: a capital inside
        // makes it none of these)
        let lower_key = match first.take() {
            Some((k, lower)) => lower.then_some(k),
            None => word_key_lower(w),
        };
        let class = lower_key.and_then(|k| UNIT_CLASS.get_key(k)).unwrap_or(0);
        if class & KEEP != 0 && adj.is_none() {
            adj = Some(w);
        } else if class & STOP != 0 {
            if class & SKIP != 0 {
                j = skip_hspace(t, e);
                continue;
            }
            return adj.map(|a| UnitWords {
                adj: Some(a),
                noun: None,
            });
        } else {
            let noun = if plural && !plural_noun(w) {
                plural_head_after(t, e).unwrap_or(w)
            } else {
                w
            };
            return Some(UnitWords {
                adj,
                noun: Some(noun),
            });
        }
        j = skip_hspace(t, e);
    }
    adj.map(|a| UnitWords {
        adj: Some(a),
        noun: None,
    })
}

/// A capitalised word at `j` (no stop word, the rest lower case) and the
/// plural noun one space after it, as adjective and noun.
#[inline]
pub(super) fn proper_adjective_unit(t: &str, j: usize) -> Option<UnitWords<'_>> {
    let w = ascii_word_at(t, j);
    if w.len() < 3 || !w.as_bytes()[1..].iter().all(u8::is_ascii_lowercase) {
        return None;
    }
    if UNIT_CLASS
        .get_key(word_key(w))
        .is_some_and(|c| c & STOP != 0)
    {
        return None;
    }
    let e = j + w.len();
    if t.as_bytes().get(e) != Some(&b' ') {
        return None;
    }
    let noun = ascii_word_at(t, e + 1);
    (noun.len() >= 3 && noun.as_bytes()[0].is_ascii_lowercase() && plural_noun(noun)).then_some(
        UnitWords {
            adj: Some(w),
            noun: Some(noun),
        },
    )
}

/// Whether `w` reads as a plural noun: a [`count_noun`] or an irregular
/// plural of a person.
#[inline]
pub(super) fn plural_noun(w: &str) -> bool {
    count_noun(w) || PERSON_PLURALS.contains(&w)
}

/// The plural noun among the next two lower-case words after `e`, each
/// after one space, when no [`STOP`] word comes first: the head of a noun
/// phrase whose first word was a modifier.
#[inline]
pub(super) fn plural_head_after(t: &str, mut e: usize) -> Option<&str> {
    let b = t.as_bytes();
    for _ in 0..2 {
        if b.get(e) != Some(&b' ') {
            return None;
        }
        let w = ascii_word_at(t, e + 1);
        if w.len() < 2 || !w.as_bytes()[0].is_ascii_lowercase() {
            return None;
        }
        let class = word_key_lower(w)
            .and_then(|k| UNIT_CLASS.get_key(k))
            .unwrap_or(0);
        if class & STOP != 0 && class & SKIP == 0 {
            return None;
        }
        if plural_noun(w) {
            return Some(w);
        }
        e += 1 + w.len();
    }
    None
}

/// Whether `w`, the word after a number, is a count noun (so `2000 people`
/// is no year).
#[inline]
pub(super) fn count_noun(w: &str) -> bool {
    if w.len() < 4 || !w.as_bytes()[0].is_ascii_lowercase() {
        return false;
    }
    // `-us` and `-is` are singulars (`census`, `status`, `crisis`, `basis`)
    w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && !NOT_PLURALS.contains(&w)
}
