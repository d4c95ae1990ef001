//! spaCy and Prodigy JSON Lines: the text, tokens cut at every figure edge,
//! and the figures as spans — what `Doc.char_span(..., alignment_mode="strict")`
//! needs to find every span, unspaced Lao included (`ມີ75ຄົນ` is three tokens).

use std::collections::BTreeSet;
use std::io::Write;

use serde::Serialize;

use super::AnnotatedDoc;
use crate::export::ExportError;
use crate::model::{Decimal, Figure, Status};

/// One token: code points `[start, end)`, and whether one space follows it
/// (spaCy's `spaces`). Any other white space is a token of its own, so the
/// tokens and their spaces give back the text exactly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Token<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub id: usize,
    pub ws: bool,
}

/// The tokens of `text`, cut at white space and at every code-point offset in `cuts`.
pub fn tokens<'a>(text: &'a str, cuts: &BTreeSet<usize>) -> Vec<Token<'a>> {
    // (code point, byte) of every character, and of the end.
    let at: Vec<(usize, char)> = text.char_indices().collect();
    let byte = |c: usize| at.get(c).map_or(text.len(), |&(b, _)| b);
    let n = at.len();
    let mut out: Vec<Token<'a>> = Vec::new();
    let push = |out: &mut Vec<Token<'a>>, s: usize, e: usize| {
        if e > s {
            let id = out.len();
            out.push(Token {
                text: &text[byte(s)..byte(e)],
                start: s,
                end: e,
                id,
                ws: false,
            });
        }
    };
    let white = |c: usize| at.get(c).is_some_and(|&(_, ch)| ch.is_whitespace());
    let (mut start, mut i) = (0, 0);
    while i < n {
        let c = at[i].1;
        if c.is_whitespace() {
            push(&mut out, start, i);
            // One plain space after a word is its `ws`; anything else is a token.
            let after_word = out
                .last()
                .is_some_and(|t| t.end == i && !t.text.trim().is_empty());
            let single = c == ' ' && !white(i + 1);
            if after_word && single {
                if let Some(t) = out.last_mut() {
                    t.ws = true;
                }
                i += 1;
            } else {
                let mut j = i + 1;
                while j < n && white(j) && !cuts.contains(&j) {
                    j += 1;
                }
                push(&mut out, i, j);
                i = j;
            }
            start = i;
            continue;
        }
        if i > start && cuts.contains(&i) {
            push(&mut out, start, i);
            start = i;
        }
        i += 1;
    }
    push(&mut out, start, n);
    out
}

#[derive(Serialize)]
struct Span<'a> {
    start: usize,
    end: usize,
    token_start: usize,
    /// Inclusive, as Prodigy writes it.
    token_end: usize,
    label: &'static str,
    text: &'a str,
    #[serde(with = "rust_decimal::serde::arbitrary_precision_option")]
    value: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::arbitrary_precision_option")]
    value_max: Option<Decimal>,
    unit: Option<&'a str>,
    status: &'static str,
    figure_id: i64,
}

#[derive(Serialize)]
struct Meta<'a> {
    doc_id: i64,
    title: &'a str,
    language: &'a str,
}

#[derive(Serialize)]
struct Line<'a> {
    text: &'a str,
    tokens: &'a [Token<'a>],
    spans: Vec<Span<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    answer: Option<&'static str>,
    meta: Meta<'a>,
}

/// Prodigy's answer for a reviewed figure.
fn answer(status: Status) -> &'static str {
    match status {
        Status::Confirmed | Status::Corrected => "accept",
        Status::Rejected => "reject",
        Status::Unreviewed | Status::Stale => "ignore",
    }
}

fn span<'a>(f: &'a Figure, tokens: &[Token]) -> Span<'a> {
    let first = tokens.partition_point(|t| t.end <= f.span.start);
    let last = tokens
        .partition_point(|t| t.start < f.span.end)
        .saturating_sub(1);
    Span {
        start: f.span.start,
        end: f.span.end,
        token_start: first,
        token_end: last.max(first),
        label: f.kind.as_str(),
        text: &f.text,
        value: f.value.map(|v| v.normalize()),
        value_max: f.value_max.map(|v| v.normalize()),
        unit: f.unit.as_deref(),
        status: f.status.as_str(),
        figure_id: f.id,
    }
}

fn cuts(figures: &[Figure]) -> BTreeSet<usize> {
    figures
        .iter()
        .flat_map(|f| [f.span.start, f.span.end])
        .collect()
}

/// spaCy JSON Lines: one line per document, every figure a span.
pub fn write_spacy(w: &mut dyn Write, docs: &[AnnotatedDoc]) -> Result<(), ExportError> {
    for d in docs {
        let tokens = tokens(&d.text, &cuts(&d.figures));
        let spans = d.figures.iter().map(|f| span(f, &tokens)).collect();
        write_line(w, d, &tokens, spans, None)?;
    }
    Ok(())
}

/// One line of document `d`: its text and tokens, `spans`, and Prodigy's `answer`.
fn write_line(
    w: &mut dyn Write,
    d: &AnnotatedDoc,
    tokens: &[Token],
    spans: Vec<Span>,
    answer: Option<&'static str>,
) -> Result<(), ExportError> {
    let line = Line {
        text: &d.text,
        tokens,
        spans,
        answer,
        meta: Meta {
            doc_id: d.id,
            title: &d.title,
            language: &d.language,
        },
    };
    serde_json::to_writer(&mut *w, &line)?;
    w.write_all(b"\n")
        .map_err(|e| ExportError::Io("output".into(), e))
}

/// Prodigy JSON Lines: per document, a task for each answer its figures
/// have (`accept` for the confirmed and corrected, `reject`, `ignore`), the
/// document as the text and those figures as its spans. A task per figure
/// would copy the whole document once per figure.
pub fn write_prodigy(w: &mut dyn Write, docs: &[AnnotatedDoc]) -> Result<(), ExportError> {
    for d in docs {
        let tokens = tokens(&d.text, &cuts(&d.figures));
        for wanted in ["accept", "reject", "ignore"] {
            let spans: Vec<Span> = d
                .figures
                .iter()
                .filter(|f| answer(f.status) == wanted)
                .map(|f| span(f, &tokens))
                .collect();
            if !spans.is_empty() {
                write_line(w, d, &tokens, spans, Some(wanted))?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rebuilt(tokens: &[Token]) -> String {
        tokens
            .iter()
            .map(|t| format!("{}{}", t.text, if t.ws { " " } else { "" }))
            .collect()
    }

    #[test]
    fn tokens_give_back_the_text_and_cut_at_figure_edges() {
        let text = "ມີ75ຄົນ  in 2019–2020.\r\nNext";
        // "75" at 2..4, "2019" at 12..16, "2020" at 17..21.
        let cuts: BTreeSet<usize> = [2, 4, 12, 16, 17, 21].into();
        let t = tokens(text, &cuts);
        assert_eq!(rebuilt(&t), text);
        let words: Vec<&str> = t.iter().map(|t| t.text).collect();
        assert_eq!(
            words,
            [
                "ມີ",
                "75",
                "ຄົນ",
                "  ",
                "in",
                "2019",
                "–",
                "2020",
                ".",
                "\r\n",
                "Next"
            ]
        );
        for &c in &cuts {
            assert!(t.iter().any(|t| t.start == c || t.end == c), "cut at {c}");
        }
    }
}
