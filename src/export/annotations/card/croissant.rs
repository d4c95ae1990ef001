//! The Croissant 1.0 JSON-LD (`croissant.json`, MLCommons): the dataset, a
//! `cr:FileObject` per written file with its SHA-256, and — for the JSON Lines
//! formats whose shape is known here — a record set whose fields `mlcroissant`
//! reads out of each line (`extract.column`, then `transform.jsonPath` into
//! nested objects), so the records load, not just the metadata.

use serde_json::{Value, json};

use super::{About, DataFile};
use crate::export::annotations::{GoldFormat, OffsetUnit};

/// The `@context` of Croissant 1.0 (as the spec and `mlcroissant` give it).
fn context() -> Value {
    json!({
        "@language": "en",
        "@vocab": "https://schema.org/",
        "citeAs": "cr:citeAs",
        "column": "cr:column",
        "conformsTo": "dct:conformsTo",
        "cr": "http://mlcommons.org/croissant/",
        "rai": "http://mlcommons.org/croissant/RAI/",
        "data": {"@id": "cr:data", "@type": "@json"},
        "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
        "dct": "http://purl.org/dc/terms/",
        "equivalentProperty": "cr:equivalentProperty",
        "examples": {"@id": "cr:examples", "@type": "@json"},
        "extract": "cr:extract",
        "field": "cr:field",
        "fileProperty": "cr:fileProperty",
        "fileObject": "cr:fileObject",
        "fileSet": "cr:fileSet",
        "format": "cr:format",
        "includes": "cr:includes",
        "isLiveDataset": "cr:isLiveDataset",
        "jsonPath": "cr:jsonPath",
        "key": "cr:key",
        "md5": "cr:md5",
        "parentField": "cr:parentField",
        "path": "cr:path",
        "recordSet": "cr:recordSet",
        "references": "cr:references",
        "regex": "cr:regex",
        "repeated": "cr:repeated",
        "replace": "cr:replace",
        "samplingRate": "cr:samplingRate",
        "sc": "https://schema.org/",
        "separator": "cr:separator",
        "source": "cr:source",
        "subField": "cr:subField",
        "transform": "cr:transform"
    })
}

/// The `@id` of a file's `cr:FileObject`.
fn file_id(d: &DataFile) -> String {
    format!("file:{}", d.path)
}

/// A field read from `column` of each line of `file`, then (if given) from
/// `path` inside it; `id` is the record set's name, `/`, the field's name.
fn field(id: &str, data_type: &str, file: &str, column: &str, path: Option<&str>) -> Value {
    let name = id.rsplit('/').next().unwrap_or(id);
    let mut source = json!({"fileObject": {"@id": file}, "extract": {"column": column}});
    if let Some(p) = path {
        source["transform"] = json!({"jsonPath": p});
    }
    json!({"@type": "cr:Field", "@id": id, "name": name, "dataType": data_type, "source": source})
}

/// A repeated field whose sub-fields each read `key` (a JSON path) out of every
/// element of the array in `column`.
fn repeated(
    id: &str,
    file: &str,
    column: &str,
    description: &str,
    keys: &[(&str, &str, &str)],
) -> Value {
    let subs: Vec<Value> = keys
        .iter()
        .map(|(name, ty, key)| field(&format!("{id}/{name}"), ty, file, column, Some(key)))
        .collect();
    let name = id.rsplit('/').next().unwrap_or(id);
    json!({"@type": "cr:Field", "@id": id, "name": name, "description": description,
           "repeated": true, "subField": subs})
}

/// The sentence a record set's reader needs most: what offsets count.
fn unit_sentence(unit: OffsetUnit) -> String {
    format!("Offsets count {}, end exclusive.", unit.name())
}

/// The record set of an export in `format` read from `file`; `None` for a
/// format whose lines this module does not know (its files are still listed).
fn record_set(format: GoldFormat, unit: OffsetUnit, file: &DataFile) -> Option<Value> {
    let f = file_id(file);
    let spacy_like = matches!(format, GoldFormat::Spacy | GoldFormat::Prodigy);
    let fields = if spacy_like {
        let mut fields = vec![
            field("records/text", "sc:Text", &f, "text", None),
            field("records/doc_id", "sc:Integer", &f, "meta", Some("doc_id")),
            field("records/title", "sc:Text", &f, "meta", Some("title")),
            field("records/language", "sc:Text", &f, "meta", Some("language")),
        ];
        if format == GoldFormat::Prodigy {
            fields.push(field("records/answer", "sc:Text", &f, "answer", None));
        }
        fields.push(repeated(
            "records/spans",
            &f,
            "spans",
            &format!("The figures of the text. {}", unit_sentence(unit)),
            &[
                ("start", "sc:Integer", "start"),
                ("end", "sc:Integer", "end"),
                ("label", "sc:Text", "label"),
                ("text", "sc:Text", "text"),
                ("value", "sc:Float", "value"),
                ("status", "sc:Text", "status"),
                ("figure_id", "sc:Integer", "figure_id"),
            ],
        ));
        fields
    } else if format == GoldFormat::Doccano {
        vec![
            field("records/text", "sc:Text", &f, "text", None),
            field("records/doc_id", "sc:Integer", &f, "doc_id", None),
            repeated(
                "records/spans",
                &f,
                "label",
                &format!("The figures of the text. {}", unit_sentence(unit)),
                &[
                    ("start", "sc:Integer", "[0]"),
                    ("end", "sc:Integer", "[1]"),
                    ("label", "sc:Text", "[2]"),
                ],
            ),
        ]
    } else {
        return None;
    };
    let per = if format == GoldFormat::Prodigy {
        "figure (a Prodigy task)"
    } else {
        "document"
    };
    Some(json!({
        "@type": "cr:RecordSet",
        "@id": "records",
        "name": "records",
        "description": format!("One record per {per}, a line of {}. {}", file.path, unit_sentence(unit)),
        "field": fields
    }))
}

/// A BibTeX entry to cite the set by (Croissant recommends `citeAs`).
fn cite_as(about: &About) -> String {
    let year = about.date.split('-').next().unwrap_or("");
    let mut cite = format!(
        "@misc{{tualek_gold_{},\n  title = {{{}}},\n  year = {{{year}}},\n  note = {{Gold-standard figures exported by Tualek {}, dataset version {}}}",
        about.date.replace('-', ""),
        about.name.replace(['{', '}'], ""),
        env!("CARGO_PKG_VERSION"),
        about.version
    );
    if let Some(url) = &about.url {
        cite.push_str(&format!(",\n  url = {{{url}}}"));
    }
    cite.push_str("\n}");
    cite
}

/// The whole `croissant.json`.
pub(super) fn croissant(about: &About, data: &[DataFile]) -> Value {
    let distribution: Vec<Value> = data
        .iter()
        .map(|d| {
            json!({
                "@type": "cr:FileObject",
                "@id": file_id(d),
                "name": d.path,
                "contentUrl": d.path,
                "contentSize": format!("{} B", d.bytes),
                "encodingFormat": d.encoding_format(),
                "sha256": d.sha256
            })
        })
        .collect();
    let records: Vec<Value> = data
        .iter()
        .find(|d| d.encoding_format() == "application/jsonlines")
        .and_then(|d| record_set(about.format, about.unit, d))
        .into_iter()
        .collect();
    let license = match &about.license {
        Some(l) => format!("https://spdx.org/licenses/{l}.html"),
        None => "unknown".into(),
    };
    let mut out = json!({
        "@context": context(),
        "@type": "sc:Dataset",
        "conformsTo": "http://mlcommons.org/croissant/1.0",
        "name": about.name,
        "description": about.description(),
        "license": license,
        "citeAs": cite_as(about),
        "datePublished": about.date,
        "version": about.version,
        "inLanguage": about.counts.languages,
        "keywords": ["numbers", "named entity recognition", "gold standard"],
        "distribution": distribution
    });
    if !records.is_empty() {
        out["recordSet"] = json!(records);
    }
    if let Some(url) = &about.url {
        out["url"] = json!(url);
    }
    out
}
