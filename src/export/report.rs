//! The fact-check report: a project's claims across sources as a document a
//! person can send — one self-contained HTML file (inline CSS, the bundled
//! Lao font embedded as a data URL, no external asset of any kind) or
//! Markdown readable as plain text.
//!
//! Plain data in, text out: the caller brings the claims
//! ([`crate::app::Project::claims`]) and the documents; [`write`] puts the
//! text in a file atomically, as every export does.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

use super::{ExportError, write_atomically};
use crate::claims::{ClaimState, Mention, ReviewedClaim, Verdict};
use crate::model::{Decimal, DocId, DocumentMeta, Kind};

/// How a report is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    Html,
    Markdown,
}

impl ReportFormat {
    /// The file name extension (without the dot).
    pub fn extension(self) -> &'static str {
        match self {
            ReportFormat::Html => "html",
            ReportFormat::Markdown => "md",
        }
    }

    /// The format a file name asks for by its extension (`.html`, `.htm`,
    /// `.md`, `.markdown`), if any.
    pub fn from_path(path: &Path) -> Option<ReportFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "html" | "htm" => Some(ReportFormat::Html),
            "md" | "markdown" => Some(ReportFormat::Markdown),
            _ => None,
        }
    }
}

impl std::str::FromStr for ReportFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "html" | "htm" => Ok(ReportFormat::Html),
            "md" | "markdown" => Ok(ReportFormat::Markdown),
            other => Err(format!(
                "unknown report format '{other}' (expected html or md)"
            )),
        }
    }
}

/// The report in `format`.
pub fn render(
    format: ReportFormat,
    claims: &[ReviewedClaim],
    documents: &[DocumentMeta],
    project: &str,
    generated_at: &str,
) -> String {
    match format {
        ReportFormat::Html => html(claims, documents, project, generated_at),
        ReportFormat::Markdown => markdown(claims, documents, project, generated_at),
    }
}

/// Writes the report to `out` as every export is written (atomically for a
/// file, which gets the permissions of a saved document: the old file's
/// mode, or `0666 & !umask`), refusing a folder that does not exist.
pub fn write(
    out: &Path,
    format: ReportFormat,
    claims: &[ReviewedClaim],
    documents: &[DocumentMeta],
    project: &str,
    generated_at: &str,
) -> Result<(), ExportError> {
    let text = render(format, claims, documents, project, generated_at);
    write_atomically(out, |w| {
        w.write_all(text.as_bytes())
            .map_err(|e| ExportError::Io("output".into(), e))
    })
}

/// What both formats show, worked out once.
struct Report<'a> {
    /// Disagreements first; otherwise in the order given.
    claims: Vec<&'a ReviewedClaim>,
    docs: HashMap<DocId, &'a DocumentMeta>,
    documents: usize,
}

impl<'a> Report<'a> {
    fn new(claims: &'a [ReviewedClaim], documents: &'a [DocumentMeta]) -> Report<'a> {
        let mut ordered: Vec<&ReviewedClaim> = claims.iter().collect();
        // Stable: the engine's order (accepted first, surest first) stays within each.
        ordered.sort_by_key(|c| c.claim.agrees());
        Report {
            claims: ordered,
            docs: documents.iter().map(|d| (d.id, d)).collect(),
            documents: documents.iter().filter(|d| !d.removed).count(),
        }
    }

    fn title(&self, doc: DocId) -> String {
        self.docs
            .get(&doc)
            .map(|d| d.title.clone())
            .filter(|t| !t.trim().is_empty())
            .unwrap_or_else(|| format!("document {doc}"))
    }

    fn language(&self, doc: DocId) -> Option<&str> {
        self.docs
            .get(&doc)
            .map(|d| d.language.as_str())
            .filter(|l| !l.is_empty())
    }

    fn count(&self, verdict: Verdict) -> usize {
        self.claims
            .iter()
            .filter(|c| c.claim.verdict == verdict)
            .count()
    }

    fn accepted(&self) -> usize {
        self.claims
            .iter()
            .filter(|c| c.claim.state == ClaimState::Accepted)
            .count()
    }

    /// "agrees within rounding: “1.2 million” (Title) is the rounder figure".
    fn verdict_words(&self, c: &ReviewedClaim) -> String {
        let claim = &c.claim;
        match claim.verdict {
            Verdict::Agrees => "agrees".into(),
            Verdict::Rounding => match claim.rounder.and_then(|f| claim.mention(f)) {
                Some(m) => format!(
                    "agrees within rounding: “{}” ({}) is the rounder figure",
                    clean(&m.text),
                    self.title(m.doc)
                ),
                None => "agrees within rounding".into(),
            },
            Verdict::Hedged => {
                "hedged: consistent once the hedge words or ranges are taken into account".into()
            }
            Verdict::Disagrees => {
                // The values the sources give, each once, in the order they come.
                let mut values: Vec<String> = Vec::new();
                for m in &claim.mentions {
                    let v = short_value(m);
                    if !values.contains(&v) {
                        values.push(v);
                    }
                }
                match values.split_last() {
                    Some((last, rest)) if !rest.is_empty() => {
                        format!("disagrees: the sources give {} and {last}", rest.join(", "))
                    }
                    _ => "disagrees".into(),
                }
            }
        }
    }

    /// The values of a claim on one line: `96 · 46 · 96`.
    fn values_line(&self, c: &ReviewedClaim) -> String {
        let values: Vec<String> = c.claim.mentions.iter().map(short_value).collect();
        values.join(" · ")
    }

    fn summary(&self) -> String {
        let n = self.claims.len();
        let mut s = format!(
            "{} across {}: {} disagree",
            plural(n, "claim", "claims"),
            plural(self.documents, "document", "documents"),
            self.count(Verdict::Disagrees)
        );
        let _ = write!(
            s,
            ", {} agree, {} agree within rounding, {} hedged. {} accepted by a reviewer, {} suggested by Tualek.",
            self.count(Verdict::Agrees),
            self.count(Verdict::Rounding),
            self.count(Verdict::Hedged),
            self.accepted(),
            n - self.accepted()
        );
        s
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn state_words(state: ClaimState) -> &'static str {
    match state {
        ClaimState::Accepted => "accepted",
        ClaimState::Suggested => "suggested",
    }
}

/// A decimal with its integer part grouped by thousands (`65,500,000`).
fn grouped(d: Decimal) -> String {
    let s = d.normalize().to_string();
    let (sign, digits) = match s.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", s.as_str()),
    };
    let (int, frac) = match digits.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (digits, None),
    };
    let mut out = String::from(sign);
    let len = int.chars().count();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (len - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// A figure's value or range as a number: counts and money grouped by
/// thousands (`65,500,000`), years, dates and labels as they are (`2024`).
fn number_text(m: &Mention) -> Option<String> {
    let show = |d: Decimal| match m.kind {
        Kind::Year | Kind::Date | Kind::Identifier | Kind::Ordinal | Kind::Rank => {
            d.normalize().to_string()
        }
        _ => grouped(d),
    };
    Some(match (m.value, m.value_max) {
        (Some(v), Some(max)) if max != v => format!("{}–{}", show(v), show(max)),
        (Some(v), _) => show(v),
        (None, Some(max)) => format!("up to {}", show(max)),
        (None, None) => return None,
    })
}

/// A figure's value in a few characters: the number, or the text as written
/// (a date, a figure without a value).
fn short_value(m: &Mention) -> String {
    match m.kind {
        Kind::Date => clean(&m.text),
        _ => number_text(m).unwrap_or_else(|| clean(&m.text)),
    }
}

/// The value as a reader takes it: `96 cases`, `15–22 years`, `2024`, a
/// date as written (`30 January 2024`: its value is only its year), `—`
/// without one.
fn value_text(m: &Mention) -> String {
    if m.kind == Kind::Date {
        return match m.time.as_deref() {
            Some(t) if !t.is_empty() => format!("{} ({t})", clean(&m.text)),
            _ => clean(&m.text),
        };
    }
    let Some(value) = number_text(m) else {
        return "—".into();
    };
    match m.unit.as_deref().map(str::trim).filter(|u| !u.is_empty()) {
        Some(unit) => format!("{value} {unit}"),
        None => value,
    }
}

fn hedge_text(m: &Mention) -> String {
    m.hedge
        .as_ref()
        .map(|h| clean(&h.words))
        .filter(|w| !w.is_empty())
        .unwrap_or_else(|| "—".into())
}

/// Runs of whitespace (line breaks included) as one space, ends kept.
fn squeeze(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for ch in s.chars() {
        if ch.is_whitespace() {
            space = true;
        } else {
            if space {
                out.push(' ');
            }
            space = false;
            out.push(ch);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

/// [`squeeze`]d and trimmed.
fn clean(s: &str) -> String {
    squeeze(s).trim().to_string()
}

/// At most this many code points of a sentence on each side of its figure.
const CONTEXT: usize = 400;

/// The sentence around a mention: the text before the figure, the figure
/// (empty when it cannot be found in the sentence), and the text after, each
/// with its whitespace squeezed and long sides cut with "…".
fn quote(m: &Mention) -> (String, String, String) {
    let chars: Vec<char> = m.sentence_text.chars().collect();
    let at_span = m
        .span
        .start
        .checked_sub(m.sentence.start)
        .zip(m.span.end.checked_sub(m.sentence.start))
        .filter(|(s, e)| s <= e && *e <= chars.len())
        .filter(|(s, e)| chars[*s..*e].iter().collect::<String>() == m.text);
    let found = at_span.or_else(|| {
        if m.text.is_empty() {
            return None;
        }
        let b = m.sentence_text.find(&m.text)?;
        let s = m.sentence_text[..b].chars().count();
        Some((s, s + m.text.chars().count()))
    });
    let Some((s, e)) = found else {
        return (
            cut_back(&clean(&m.sentence_text)),
            String::new(),
            String::new(),
        );
    };
    let before: String = chars[..s].iter().collect();
    let figure: String = chars[s..e].iter().collect();
    let after: String = chars[e..].iter().collect();
    let before = squeeze(&before);
    let after = squeeze(&after);
    (
        cut_front(before.trim_start()),
        clean(&figure),
        cut_back(after.trim_end()),
    )
}

/// Keeps the last [`CONTEXT`] code points (the ones next to the figure).
fn cut_front(s: &str) -> String {
    let n = s.chars().count();
    if n <= CONTEXT {
        return s.to_string();
    }
    let kept: String = s.chars().skip(n - CONTEXT).collect();
    format!("…{kept}")
}

/// Keeps the first [`CONTEXT`] code points.
fn cut_back(s: &str) -> String {
    if s.chars().count() <= CONTEXT {
        return s.to_string();
    }
    let kept: String = s.chars().take(CONTEXT).collect();
    format!("{kept}…")
}

// ---------------------------------------------------------------- HTML

/// Text safe inside an element or a quoted attribute.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Controls other than tab and line breaks are not allowed in HTML text.
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// The language a quoted sentence is in: its document's, except a sentence
/// mostly in Lao script (a Lao passage in a mixed file) is Lao.
fn sentence_language<'l>(sentence: &str, document: Option<&'l str>) -> Option<&'l str> {
    let (mut lao, mut other) = (0usize, 0usize);
    for ch in sentence.chars().filter(|c| c.is_alphabetic()) {
        if ('\u{0E80}'..='\u{0EFF}').contains(&ch) {
            lao += 1;
        } else {
            other += 1;
        }
    }
    if lao > other { Some("lo") } else { document }
}

/// A `lang` attribute for text in this language (none when unknown).
fn lang_attr(lang: Option<&str>) -> String {
    match lang {
        Some(l) if l != "und" => format!(" lang=\"{}\"", esc(l)),
        _ => String::new(),
    }
}

fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        out.push(ABC[(n >> 18) as usize & 63] as char);
        out.push(ABC[(n >> 12) as usize & 63] as char);
        out.push(if chunk.len() > 1 {
            ABC[(n >> 6) as usize & 63] as char
        } else {
            '='
        });
        out.push(if chunk.len() > 2 {
            ABC[n as usize & 63] as char
        } else {
            '='
        });
    }
    out
}

/// The families text is set in: the embedded Lao face first (it covers only
/// Lao, so Latin text falls through to the system's sans-serif faces), then
/// Lao faces a reader's system may have.
const FAMILIES: &str = "\"Tualek Lao\", system-ui, -apple-system, \"Segoe UI\", Roboto, \
\"Noto Sans\", \"Helvetica Neue\", Arial, \"Noto Sans Lao\", \"Noto Sans Lao UI\", \
\"Phetsarath OT\", \"Saysettha OT\", \"Lao Sangam MN\", \"Leelawadee UI\", \"DokChampa\", sans-serif";

const CSS: &str = r#"
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: FAMILIES; line-height: 1.55; color: #1d232b; background: #f5f6f8;
  margin: 0; padding: 2rem 1rem 4rem; }
main { max-width: 60rem; margin: 0 auto; }
[lang="lo"] { font-family: "Tualek Lao", "Noto Sans Lao", "Noto Sans Lao UI", "Phetsarath OT",
  "Saysettha OT", "Lao Sangam MN", "Leelawadee UI", "DokChampa", FAMILIES; line-height: 1.8; }
h1 { font-size: 1.9rem; margin: 0 0 .4rem; }
h2 { font-size: 1.2rem; margin: 0 0 .6rem; }
h3 { font-size: .95rem; margin: 1rem 0 .3rem; color: #4a5563; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .6rem 0 1.4rem; }
.meta dt { color: #5b6675; } .meta dd { margin: 0; }
.summary { background: #fff; border: 1px solid #d9dde3; border-radius: 8px; padding: 1rem 1.2rem; margin-bottom: 1.6rem; }
.index { margin: .9rem 0 0; padding-left: 0; list-style: none; columns: 2 22rem; column-gap: 2rem; font-size: .9rem; }
.index li { break-inside: avoid; padding: .1rem 0; }
.index a { color: inherit; text-decoration: none; }
.index a:hover { text-decoration: underline; }
.index .values { color: #5b6675; }
.dot { display: inline-block; width: .6rem; height: .6rem; border-radius: 50%; margin-right: .45rem; background: #8a94a3; }
.dot.agrees { background: #2e8540; } .dot.rounding { background: #1f77b4; }
.dot.hedged { background: #a86400; } .dot.disagrees { background: #c62828; }
.summary .counts { display: flex; flex-wrap: wrap; gap: .5rem; margin: .6rem 0 0; padding: 0; list-style: none; }
.claim { background: #fff; border: 1px solid #d9dde3; border-left: 6px solid #8a94a3;
  border-radius: 8px; padding: 1rem 1.2rem; margin: 0 0 1.2rem; break-inside: avoid; }
.claim.agrees { border-left-color: #2e8540; }
.claim.rounding { border-left-color: #1f77b4; }
.claim.hedged { border-left-color: #c77c02; }
.claim.disagrees { border-left-color: #c62828; }
.cid { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; color: #5b6675; font-weight: normal; margin-right: .4rem; }
.badge { display: inline-block; border-radius: 999px; padding: .05rem .65rem; font-weight: 600; font-size: .85rem; color: #fff; background: #8a94a3; }
.badge.agrees { background: #2e8540; } .badge.rounding { background: #1f77b4; }
.badge.hedged { background: #a86400; } .badge.disagrees { background: #c62828; }
.verdict { margin: 0 0 .7rem; }
.verdict .words { margin-left: .4rem; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #e6e9ee; vertical-align: top; }
th { color: #5b6675; font-weight: 600; font-size: .85rem; }
td.value { font-weight: 600; white-space: nowrap; }
.lang { color: #7a8594; font-size: .8rem; margin-left: .3rem; }
blockquote { margin: .5rem 0; padding: .4rem .9rem; border-left: 3px solid #d9dde3; background: #fafbfc; }
blockquote p { margin: 0; }
blockquote footer { color: #5b6675; font-size: .85rem; margin-top: .2rem; }
mark { background: #ffe680; color: inherit; padding: 0 .12em; border-radius: 3px; font-weight: 600; }
.claim.disagrees mark { background: #ffd0cc; }
.notes { margin: .2rem 0; padding-left: 1.2rem; }
.notes .who, .none { color: #5b6675; font-size: .85rem; }
.facts { color: #5b6675; font-size: .85rem; margin: .8rem 0 0; }
.facts span + span::before { content: " · "; }
@media print { body { background: #fff; padding: 0; } .claim, .summary { border-color: #bbb; } }
"#;

fn style() -> String {
    let mut css = String::new();
    for (weight, bytes) in [
        ("400", crate::fonts::NOTO_SANS_LAO),
        ("700", crate::fonts::NOTO_SANS_LAO_BOLD),
    ] {
        let _ = writeln!(
            css,
            "@font-face {{ font-family: \"Tualek Lao\"; font-style: normal; font-weight: {weight}; \
             src: url(data:font/ttf;base64,{}) format(\"truetype\"); \
             unicode-range: U+0E80-0EFF, U+200B-200D, U+25CC; }}",
            base64(bytes)
        );
    }
    css.push_str(&CSS.replace("FAMILIES", FAMILIES));
    css
}

/// The report as one self-contained HTML file.
pub fn html(
    claims: &[ReviewedClaim],
    documents: &[DocumentMeta],
    project: &str,
    generated_at: &str,
) -> String {
    let r = Report::new(claims, documents);
    let mut h = String::with_capacity(64 * 1024 + claims.len() * 2048);
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"Tualek\">\n\
         <title>Fact-check report — {}</title>\n<style>\n{}</style>\n</head>\n<body>\n<main>\n",
        esc(project),
        style()
    );
    let _ = write!(
        h,
        "<header>\n<h1>Fact-check report</h1>\n<dl class=\"meta\">\n\
         <dt>Project</dt><dd class=\"project\">{}</dd>\n\
         <dt>Generated</dt><dd><time datetime=\"{}\">{}</time></dd>\n\
         <dt>Documents</dt><dd>{}</dd>\n</dl>\n</header>\n",
        esc(project),
        esc(generated_at),
        esc(generated_at),
        r.documents
    );
    let _ = write!(
        h,
        "<section class=\"summary\">\n<h2>Summary</h2>\n<p>{}</p>\n<ul class=\"counts\">\n",
        esc(&r.summary())
    );
    for (verdict, words) in [
        (Verdict::Disagrees, "disagree"),
        (Verdict::Agrees, "agree"),
        (Verdict::Rounding, "agree within rounding"),
        (Verdict::Hedged, "hedged"),
    ] {
        let _ = writeln!(
            h,
            "<li><span class=\"badge {}\" data-verdict=\"{}\">{} {}</span></li>",
            verdict.as_str(),
            verdict.as_str(),
            r.count(verdict),
            words
        );
    }
    h.push_str("</ul>\n");
    if !r.claims.is_empty() {
        // An index: each claim a line, linked to its place below.
        h.push_str("<ol class=\"index\">\n");
        for c in &r.claims {
            let id = c.claim.id.to_string();
            let verdict = c.claim.verdict.as_str();
            let _ = writeln!(
                h,
                "<li><a href=\"#{id}\"><span class=\"dot {verdict}\" title=\"{}\"></span>\
                 <span class=\"cid\">{id}</span>{}</a> <span class=\"values\">{}</span></li>",
                badge_words(c.claim.verdict),
                esc(&c.claim.description.to_string()),
                esc(&r.values_line(c)),
            );
        }
        h.push_str("</ol>\n");
    }
    h.push_str("</section>\n");

    h.push_str("<section class=\"claims\">\n");
    if r.claims.is_empty() {
        h.push_str("<p class=\"none\">No claims: no two documents state the same fact.</p>\n");
    }
    for c in &r.claims {
        claim_html(&mut h, &r, c);
    }
    h.push_str("</section>\n</main>\n</body>\n</html>\n");
    h
}

fn claim_html(h: &mut String, r: &Report, c: &ReviewedClaim) {
    let claim = &c.claim;
    let verdict = claim.verdict.as_str();
    let id = claim.id.to_string();
    let _ = write!(
        h,
        "<article class=\"claim {verdict}\" id=\"{id}\" data-claim=\"{id}\" data-verdict=\"{verdict}\" data-state=\"{}\">\n\
         <h2><span class=\"cid\">{id}</span>{}</h2>\n\
         <p class=\"verdict\"><span class=\"badge {verdict}\">{}</span><span class=\"words\">{}</span></p>\n",
        state_words(claim.state),
        esc(&claim.description.to_string()),
        badge_words(claim.verdict),
        esc(&explanation(&r.verdict_words(c)))
    );

    h.push_str(
        "<h3>Values by source</h3>\n<table class=\"values\">\n<thead><tr><th>Source</th><th>Value</th>\
         <th>As written</th><th>Hedge</th><th>Time</th></tr></thead>\n<tbody>\n",
    );
    for m in &claim.mentions {
        let lang = r.language(m.doc);
        let rounder = if claim.rounder == Some(m.figure) {
            " <span class=\"lang\">(rounder)</span>"
        } else {
            ""
        };
        let _ = writeln!(
            h,
            "<tr data-figure=\"{}\" data-doc=\"{}\"><td><span class=\"title\"{}>{}</span><span class=\"lang\">{}</span></td>\
             <td class=\"value\">{}{rounder}</td><td{}>{}</td><td{}>{}</td><td>{}</td></tr>",
            m.figure,
            m.doc,
            lang_attr(lang),
            esc(&r.title(m.doc)),
            esc(lang.unwrap_or("")),
            esc(&value_text(m)),
            lang_attr(lang),
            esc(&clean(&m.text)),
            lang_attr(lang),
            esc(&hedge_text(m)),
            esc(m.time.as_deref().unwrap_or("—")),
        );
    }
    h.push_str("</tbody>\n</table>\n<h3>In the sources</h3>\n");
    for m in &claim.mentions {
        let lang = sentence_language(&m.sentence_text, r.language(m.doc));
        let (before, figure, after) = quote(m);
        let marked = if figure.is_empty() {
            String::new()
        } else {
            format!("<mark>{}</mark>", esc(&figure))
        };
        let _ = writeln!(
            h,
            "<blockquote data-figure=\"{}\"{}><p>{}{marked}{}</p><footer>— <cite>{}</cite></footer></blockquote>",
            m.figure,
            lang_attr(lang),
            esc(&before),
            esc(&after),
            esc(&r.title(m.doc)),
        );
    }

    h.push_str("<h3>Reviewers’ notes</h3>\n");
    if c.reviews.is_empty() {
        h.push_str("<p class=\"none\">Not reviewed yet.</p>\n");
    } else {
        h.push_str("<ul class=\"notes\">\n");
        for review in &c.reviews {
            let note = review
                .note
                .as_deref()
                .map(str::trim)
                .filter(|n| !n.is_empty());
            let _ = writeln!(
                h,
                "<li>{}<span class=\"who\">{} — <time datetime=\"{}\">{}</time></span></li>",
                note.map(|n| format!("<span class=\"note\">{}</span> ", esc(n)))
                    .unwrap_or_default(),
                esc(&review.reviewer),
                esc(&review.reviewed_at),
                esc(&review.reviewed_at),
            );
        }
        h.push_str("</ul>\n");
    }

    let reason = claim.reason_text();
    let _ = write!(
        h,
        "<p class=\"facts\"><span class=\"state\">State: {}</span><span class=\"reason\">Why grouped: {}</span>\
         <span>Score {:.2}</span></p>\n</article>\n",
        state_words(claim.state),
        esc(if reason.is_empty() { "—" } else { &reason }),
        claim.score
    );
}

/// The verdict as its badge says it.
fn badge_words(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Agrees => "agrees",
        Verdict::Rounding => "agrees within rounding",
        Verdict::Hedged => "hedged",
        Verdict::Disagrees => "disagrees",
    }
}

/// The verdict's explanation after the badge: what follows "agrees within
/// rounding: ", or nothing when the badge says it all.
fn explanation(words: &str) -> String {
    match words.split_once(": ") {
        Some((_, rest)) => format!(" — {rest}"),
        None => String::new(),
    }
}

// ---------------------------------------------------------------- Markdown

/// Text that stays plain in Markdown: the characters that would start
/// emphasis, code, links, HTML or a table cell are escaped.
fn md(s: &str) -> String {
    let chars: Vec<char> = squeeze(s).chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &ch) in chars.iter().enumerate() {
        let word = |j: Option<usize>| {
            j.and_then(|j| chars.get(j))
                .is_some_and(|c| c.is_alphanumeric())
        };
        let escape = match ch {
            '\\' | '*' | '`' | '[' | ']' | '<' | '|' => true,
            // Inside a word (`000_7722`) an underscore emphasises nothing.
            '_' => !(word(i.checked_sub(1)) && word(Some(i + 1))),
            // Only a line's first character starts a heading or a quote.
            '#' | '>' => i == 0,
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// The report as Markdown, readable as plain text.
pub fn markdown(
    claims: &[ReviewedClaim],
    documents: &[DocumentMeta],
    project: &str,
    generated_at: &str,
) -> String {
    let r = Report::new(claims, documents);
    let mut m = String::new();
    let _ = write!(
        m,
        "# Fact-check report\n\n- **Project:** {}\n- **Generated:** {}\n- **Documents:** {}\n\n## Summary\n\n{}\n\n",
        md(project),
        md(generated_at),
        r.documents,
        md(&r.summary())
    );
    if r.claims.is_empty() {
        m.push_str("No claims: no two documents state the same fact.\n");
    }
    for c in &r.claims {
        let _ = writeln!(
            m,
            "- {} ({}): {} — {}",
            c.claim.id,
            badge_words(c.claim.verdict),
            md(&c.claim.description.to_string()),
            md(&r.values_line(c))
        );
    }
    if !r.claims.is_empty() {
        m.push('\n');
    }
    for c in &r.claims {
        let claim = &c.claim;
        let _ = write!(
            m,
            "## {} · {}\n\n**Verdict: {}**\n\n| Source | Value | As written | Hedge | Time |\n|---|---|---|---|---|\n",
            claim.id,
            md(&claim.description.to_string()),
            md(&r.verdict_words(c)),
        );
        for x in &claim.mentions {
            let rounder = if claim.rounder == Some(x.figure) {
                " (rounder)"
            } else {
                ""
            };
            let _ = writeln!(
                m,
                "| {} ({}) | {}{rounder} | {} | {} | {} |",
                md(&r.title(x.doc)),
                md(r.language(x.doc).unwrap_or("?")),
                md(&value_text(x)),
                md(&x.text),
                md(&hedge_text(x)),
                md(x.time.as_deref().unwrap_or("—")),
            );
        }
        m.push('\n');
        for x in &claim.mentions {
            let (before, figure, after) = quote(x);
            let marked = if figure.is_empty() {
                String::new()
            } else {
                format!("**{}**", md(&figure))
            };
            let _ = write!(
                m,
                "> {}{marked}{}\n>\n> — *{}*\n\n",
                md(&before),
                md(&after),
                md(&r.title(x.doc))
            );
        }
        m.push_str("**Reviewers’ notes:**");
        if c.reviews.is_empty() {
            m.push_str(" not reviewed yet.\n\n");
        } else {
            m.push_str("\n\n");
            for review in &c.reviews {
                let note = review
                    .note
                    .as_deref()
                    .map(str::trim)
                    .filter(|n| !n.is_empty());
                let _ = writeln!(
                    m,
                    "- {}{}, {}",
                    note.map(|n| format!("{} — ", md(n))).unwrap_or_default(),
                    md(&review.reviewer),
                    md(&review.reviewed_at)
                );
            }
            m.push('\n');
        }
        let reason = claim.reason_text();
        let _ = write!(
            m,
            "State: {} · Why grouped: {} · Score {:.2}\n\n",
            state_words(claim.state),
            md(if reason.is_empty() { "—" } else { &reason }),
            claim.score
        );
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_rfc_examples() {
        let cases = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, coded) in cases {
            assert_eq!(base64(plain.as_bytes()), coded, "{plain:?}");
        }
    }

    #[test]
    fn a_lao_sentence_is_lao_whatever_its_document_says() {
        assert_eq!(
            sentence_language("ສານໄດ້ຕັດສິນ 22 ຄົນ LGBTQI+.", Some("en")),
            Some("lo")
        );
        assert_eq!(
            sentence_language("Police recorded 96 cases.", Some("en")),
            Some("en")
        );
        assert_eq!(
            sentence_language("Police recorded 96 cases.", Some("lo")),
            Some("lo")
        );
        assert_eq!(sentence_language("96", None), None);
    }

    #[test]
    fn values_are_grouped_by_thousands() {
        let d = |s: &str| Decimal::from_str_exact(s).unwrap();
        assert_eq!(grouped(d("65500000")), "65,500,000");
        assert_eq!(grouped(d("1255")), "1,255");
        assert_eq!(grouped(d("96")), "96");
        assert_eq!(grouped(d("3.60")), "3.6");
        assert_eq!(grouped(d("-1234.5")), "-1,234.5");
    }

    #[test]
    fn escaping_leaves_no_markup() {
        assert_eq!(
            esc("<b>\"a\" & 'b'</b>"),
            "&lt;b&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/b&gt;"
        );
        assert_eq!(md("a*b*|c <x>"), "a\\*b\\*\\|c \\<x>");
        assert_eq!(md("000_77 _x_ # 1"), "000_77 \\_x\\_ # 1");
        assert_eq!(md("# 1"), "\\# 1");
    }

    #[test]
    fn formats_are_read_from_names_and_extensions() {
        assert_eq!(
            ReportFormat::from_path(Path::new("a/report.HTML")),
            Some(ReportFormat::Html)
        );
        assert_eq!(
            ReportFormat::from_path(Path::new("report.md")),
            Some(ReportFormat::Markdown)
        );
        assert_eq!(ReportFormat::from_path(Path::new("report.txt")), None);
        assert_eq!("md".parse::<ReportFormat>(), Ok(ReportFormat::Markdown));
        assert!("pdf".parse::<ReportFormat>().is_err());
    }
}
