//! The Hugging Face `README.md`: YAML front matter in the fields of the Hub's
//! dataset card spec (`datasetcard.md` in huggingface/hub-docs), with `configs`
//! pointing at the export so `datasets.load_dataset` finds it, then tables of
//! what the set holds.

use std::fmt::Write;

use super::{About, DataFile, OWN_MARK, format_title, size_category};
use crate::export::annotations::GoldFormat;

/// The whole `README.md`.
pub(super) fn readme(about: &About, data: &[DataFile]) -> String {
    let mut out = front_matter(about, data);
    out.push('\n');
    out.push_str(&body(about, data));
    out
}

/// `s` as a YAML double-quoted scalar: only characters YAML may not hold
/// printed (controls, U+FFFE/FFFF) or would fold as line breaks (NEL, LS, PS)
/// are escaped, so Lao and emoji stay readable.
pub(super) fn yaml_quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            ' '..='~' => out.push(c),
            '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{FFFE}' | '\u{FFFF}' => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c if (c as u32) < 0xA0 => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The languages as the Hub wants them: ISO 639 codes, the primary subtag of
/// each document's language (`zh-hant` is `zh`), each once.
fn hub_languages(about: &About) -> Vec<String> {
    let mut langs: Vec<String> = about
        .counts
        .languages
        .iter()
        .map(|l| l.split('-').next().unwrap_or(l).to_ascii_lowercase())
        .collect();
    langs.sort();
    langs.dedup();
    langs
}

/// A YAML list under `key`; no key at all when empty (an empty key reads as null).
fn list(out: &mut String, key: &str, items: &[&str]) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(out, "{key}:");
    for item in items {
        let _ = writeln!(out, "- {item}");
    }
}

fn front_matter(about: &About, data: &[DataFile]) -> String {
    let mut out = String::from("---\n");
    let _ = writeln!(
        out,
        "# Written by Tualek {}; `{OWN_MARK}` marks this card as Tualek's, so a later export may replace it.",
        env!("CARGO_PKG_VERSION")
    );
    let _ = writeln!(out, "{OWN_MARK}: true");
    let _ = writeln!(out, "pretty_name: {}", yaml_quoted(&about.name));
    let langs = hub_languages(about);
    let langs: Vec<&str> = langs.iter().map(String::as_str).collect();
    list(&mut out, "language", &langs);
    match &about.license {
        Some(l) => {
            let _ = writeln!(out, "license: {}", yaml_quoted(&l.to_ascii_lowercase()));
        }
        None => {
            let _ = writeln!(
                out,
                "license: unknown # not stated: replace with the documents' licence id \
                 (https://huggingface.co/docs/hub/repositories-licenses)"
            );
        }
    }
    list(&mut out, "annotations_creators", &["expert-generated"]);
    list(&mut out, "language_creators", &["found"]);
    let multi = if langs.len() > 1 {
        "multilingual"
    } else {
        "monolingual"
    };
    list(&mut out, "multilinguality", &[multi]);
    list(
        &mut out,
        "size_categories",
        &[size_category(about.counts.figures)],
    );
    list(&mut out, "source_datasets", &["original"]);
    list(&mut out, "task_categories", &["token-classification"]);
    list(&mut out, "task_ids", &["named-entity-recognition"]);
    list(&mut out, "tags", &["numbers", "fact-checking", "tualek"]);
    let loadable: Vec<&DataFile> = data.iter().filter(|d| d.loadable_by_datasets()).collect();
    if !loadable.is_empty() {
        out.push_str(
            "configs:\n- config_name: default\n  data_files:\n  - split: train\n    path:\n",
        );
        for d in loadable {
            let _ = writeln!(out, "    - {}", yaml_quoted(&d.path));
        }
    }
    out.push_str("---\n");
    out
}

/// A Markdown table cell: no line breaks, no `|` or HTML that would end it.
fn cell(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('<', "&lt;")
        .replace(['\r', '\n'], " ")
}

fn table(out: &mut String, head: &[&str], rows: impl IntoIterator<Item = Vec<String>>) {
    let _ = writeln!(out, "| {} |", head.join(" | "));
    let _ = writeln!(out, "|{}", "---|".repeat(head.len()));
    for row in rows {
        let _ = writeln!(out, "| {} |", row.join(" | "));
    }
    out.push('\n');
}

/// What one line of the export holds, for a reader of the card.
fn format_detail(format: GoldFormat) -> &'static str {
    match format {
        GoldFormat::Spacy => {
            "One JSON object per line and document: `text`, `tokens` (cut at every figure \
             edge, so `Doc.char_span(start, end, alignment_mode=\"strict\")` finds each span), \
             `spans` (`start`, `end`, `label` = the figure's kind, `text`, `value`, `value_max`, \
             `unit`, `status`, `figure_id`) and `meta` (`doc_id`, `title`, `language`)."
        }
        GoldFormat::Prodigy => {
            "One JSON object per line, document and answer (Prodigy's answers are per task): \
             the document as `text` with `tokens`, the figures with that answer as `spans`, \
             `answer` (`accept` for confirmed and corrected figures, `reject` for rejected \
             ones, `ignore` for unreviewed ones) and `meta` (`doc_id`, `title`, `language`)."
        }
        GoldFormat::Doccano => {
            "One JSON object per line and document, ASCII-escaped (doccano's encoding \
             detection misreads UTF-8 Lao): `text`, `label` (`[start, end, kind]` triples) and \
             `doc_id`."
        }
        GoldFormat::Brat => {
            "A folder of brat standoff files: each document's text byte-exact as `.txt` and              its figures in `.ann` (`T` lines with the kind as entity type, a `Status`              attribute, value, unit and figure id in `AnnotatorNotes`, links inside a document              as relations), `annotation.conf`, and `links.tsv` for links across documents."
        }
        GoldFormat::Webanno => {
            "One W3C Web Annotation JSON-LD `AnnotationCollection`: each figure a \
             `classifying` annotation whose target is its document (`source`) with a \
             `TextQuoteSelector` and a `TextPositionSelector`, its kind, value, unit and status \
             on the body under Tualek's own context; each link a `linking` annotation."
        }
        GoldFormat::LabelStudio => {
            "A JSON array of Label Studio tasks, one per document (`data`: `text`, `doc_id`, \
             `title`, `language`): reviewed figures as `annotations` (one per reviewer, named in \
             `meta.tualek_reviewers`), unreviewed ones as `predictions`; each figure a region \
             with its kind as label, its value in a `value` box and its review in `status`; \
             links inside a document as relations. The labeling config is the `.config.xml` \
             beside it."
        }
        GoldFormat::Tmx => {
            "TMX 1.4b: one `<tu>` per sentence or segment pair holding figures linked as \
             translations, each side's document id as `<prop type=\"x-doc\">`, each link's \
             verdict as `<prop type=\"x-link\">`."
        }
    }
}

fn body(about: &About, data: &[DataFile]) -> String {
    let c = &about.counts;
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n\n{}\n", cell(&about.name), about.description());
    let _ = writeln!(
        out,
        "## Format\n\n{}: {}\n\nOffsets count **{}**, end exclusive.\n",
        format_title(about.format),
        format_detail(about.format),
        about.unit.name()
    );
    let files = data.iter().map(|d| {
        vec![
            format!("`{}`", cell(&d.path)),
            d.bytes.to_string(),
            format!("`{}`", d.sha256),
        ]
    });
    out.push_str("## Files\n\n");
    table(&mut out, &["file", "bytes", "SHA-256"], files);
    out.push_str("## Figures per kind\n\n");
    let kinds = c
        .kinds
        .iter()
        .map(|(k, n)| vec![k.to_string(), n.to_string()]);
    table(&mut out, &["kind", "figures"], kinds);
    out.push_str("## Figures per status\n\n");
    let statuses = c
        .statuses
        .iter()
        .map(|(s, n)| vec![s.to_string(), n.to_string()]);
    table(&mut out, &["status", "figures"], statuses);
    let _ = writeln!(
        out,
        "{} figure(s) in all; {} link(s) among them (the same figure in a translation or \
         its source).\n",
        c.figures, c.links
    );
    out.push_str("## Reviewers\n\n");
    let reviewers = c.reviewers.iter().map(|(r, n)| {
        let who = r.as_deref().map_or("(nobody named)".into(), cell);
        vec![who, n.to_string()]
    });
    table(&mut out, &["reviewer", "figures"], reviewers);
    out.push_str("## Documents\n\n");
    let docs = c
        .documents
        .iter()
        .map(|(id, title, lang, n)| vec![id.to_string(), cell(title), cell(lang), n.to_string()]);
    table(&mut out, &["id", "title", "language", "figures"], docs);
    provenance(&mut out, about);
    loading(&mut out, data);
    out
}

fn provenance(out: &mut String, about: &About) {
    let _ = writeln!(
        out,
        "## Provenance\n\n\
         - Annotation guideline: v{} (Tualek's \"What counts as a figure\")\n\
         - Exported by Tualek {} on {}\n\
         - Dataset version: {}\n",
        crate::extract::GUIDELINE_VERSION,
        env!("CARGO_PKG_VERSION"),
        about.date,
        about.version
    );
    out.push_str("## Licence\n\n");
    match &about.license {
        Some(l) => {
            let _ = writeln!(out, "{}.\n", cell(l));
        }
        None => out.push_str(
            "Not stated: Tualek does not know the licence of these documents. Before \
             publishing, replace `license: unknown` in the front matter with the licence's \
             Hub id and `license` in `croissant.json` with its URL (e.g. \
             `https://spdx.org/licenses/CC-BY-4.0.html`).\n\n",
        ),
    }
    if about.url.is_none() {
        out.push_str(
            "Where the set is published is not stated either: add it as `url` in \
             `croissant.json`.\n\n",
        );
    }
}

fn loading(out: &mut String, data: &[DataFile]) {
    out.push_str("## Loading\n\n");
    if let Some(d) = data.iter().find(|d| d.loadable_by_datasets()) {
        let _ = writeln!(
            out,
            "```python\nfrom datasets import load_dataset\n\
             gold = load_dataset(\"json\", data_files={})\n```\n",
            serde_json::Value::from(d.path.as_str())
        );
    }
    out.push_str(
        "```python\nimport mlcroissant\n\
         dataset = mlcroissant.Dataset(jsonld=\"croissant.json\")\n```\n",
    );
}
