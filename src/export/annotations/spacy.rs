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
///
/// One pass over the text, counting code points and bytes together: a
/// table of every character's byte offset would cost 16 bytes a character.
pub fn tokens<'a>(text: &'a str, cuts: &BTreeSet<usize>) -> Vec<Token<'a>> {
    // Positions are (code point, byte).
    let mut out: Vec<Token<'a>> = Vec::new();
    let push = |out: &mut Vec<Token<'a>>, (s, sb): (usize, usize), (e, eb): (usize, usize)| {
        if e > s {
            let id = out.len();
            out.push(Token {
                text: &text[sb..eb],
                start: s,
                end: e,
                id,
                ws: false,
            });
        }
    };
    let mut chars = text.char_indices().peekable();
    let mut i = 0;
    let mut start = (0, 0);
    while let Some((b, c)) = chars.next() {
        let here = (i, b);
        i += 1;
        let next_byte = |chars: &mut std::iter::Peekable<std::str::CharIndices>| {
            chars.peek().map_or(text.len(), |&(nb, _)| nb)
        };
        if c.is_whitespace() {
            push(&mut out, start, here);
            // One plain space after a word is its `ws`; anything else is a token.
            let after_word = out
                .last()
                .is_some_and(|t| t.end == here.0 && !t.text.trim().is_empty());
            let single = c == ' ' && !chars.peek().is_some_and(|&(_, n)| n.is_whitespace());
            if after_word && single {
                if let Some(t) = out.last_mut() {
                    t.ws = true;
                }
            } else {
                while chars
                    .peek()
                    .is_some_and(|&(_, n)| n.is_whitespace() && !cuts.contains(&i))
                {
                    chars.next();
                    i += 1;
                }
                push(&mut out, here, (i, next_byte(&mut chars)));
            }
            start = (i, next_byte(&mut chars));
            continue;
        }
        if here.0 > start.0 && cuts.contains(&here.0) {
            push(&mut out, start, here);
            start = here;
        }
    }
    push(&mut out, start, (i, text.len()));
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
