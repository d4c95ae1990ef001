//! Label Studio tasks: a JSON array with a task per document, its reviewed
//! figures as annotations (one per reviewer) and its unreviewed ones as a
//! prediction, plus the labeling config that declares every label: Label
//! Studio refuses a region whose label its config does not name.
//!
//! Each figure is one region (`id` `f<figure id>`) given by up to three
//! results sharing that id, as Label Studio writes per-region controls: its
//! kind (`Labels` "label"), its reading (`TextArea` "value", e.g.
//! `65500000 kip`) and its review (`Choices` "status"). A rejected figure
//! stays a region with the choice `rejected`, so the verdict is not lost.
//! Links within one document are relation results; a link whose two figures
//! are in different annotations (two reviewers, or one reviewed and one not)
//! cannot be one, as Label Studio joins regions of one result list only.
//!
//! Reviewers: Label Studio's import takes `completed_by` only as the id or
//! `{"email"}` of an existing member and refuses the file otherwise, so the
//! reviewer's name goes in the task's `meta` (which the import keeps) and in
//! each annotation's `tualek_reviewer`, not in `completed_by`.

use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use super::{AnnotatedDoc, GoldSet, OffsetUnit, Offsets};
use crate::export::ExportError;
use crate::model::{Figure, FigureId, Kind, Relation, Status};

/// The labeling config's control names, which every result refers to.
const LABEL: &str = "label";
const VALUE: &str = "value";
const STATUS: &str = "status";
const TEXT: &str = "text";

/// The review choices a region may carry.
const STATUSES: &[Status] = &[
    Status::Unreviewed,
    Status::Confirmed,
    Status::Corrected,
    Status::Rejected,
];

/// Where the labeling config of an export to `out` goes: `<stem>.config.xml` beside it.
pub fn config_path(out: &Path) -> PathBuf {
    let stem = out
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "labelstudio".into());
    out.with_file_name(format!("{stem}.config.xml"))
}

/// The labeling config: every kind a label, every relation, the per-region
/// value and status. Paste it into the project's Labeling Interface (Code).
pub fn labeling_config() -> String {
    let mut x = String::from("<View>\n");
    x.push_str(&format!("  <Labels name=\"{LABEL}\" toName=\"{TEXT}\">\n"));
    for k in Kind::ALL {
        x.push_str(&format!("    <Label value=\"{}\"/>\n", k.as_str()));
    }
    x.push_str("  </Labels>\n");
    x.push_str(&format!("  <Text name=\"{TEXT}\" value=\"$text\"/>\n"));
    x.push_str("  <Relations>\n");
    for r in Relation::ALL {
        x.push_str(&format!("    <Relation value=\"{}\"/>\n", r.as_str()));
    }
    x.push_str("  </Relations>\n");
    x.push_str(&format!(
        "  <TextArea name=\"{VALUE}\" toName=\"{TEXT}\" perRegion=\"true\" \
         editable=\"true\" maxSubmissions=\"1\"/>\n"
    ));
    x.push_str(&format!(
        "  <Choices name=\"{STATUS}\" toName=\"{TEXT}\" perRegion=\"true\" choice=\"single\">\n"
    ));
    for s in STATUSES {
        x.push_str(&format!("    <Choice value=\"{}\"/>\n", s.as_str()));
    }
    x.push_str("  </Choices>\n</View>\n");
    x
}

/// A figure's reading as one line: `value`, `value..value_max`, then ` unit`.
pub fn reading(f: &Figure) -> Option<String> {
    let mut s = f.value?.normalize().to_string();
    if let Some(max) = f.value_max {
        s.push_str(&format!("..{}", max.normalize()));
    }
    if let Some(u) = f.unit.as_deref().filter(|u| !u.is_empty()) {
        s.push(' ');
        s.push_str(u);
    }
    Some(s)
}

fn region_id(f: &Figure) -> String {
    format!("f{}", f.id)
}

/// The results of one figure: its label, its reading, its review.
fn region(f: &Figure, at: &Offsets) -> Vec<Value> {
    let (start, end) = (at.of(f.span.start), at.of(f.span.end));
    let result = |from: &str, kind: &str, extra: (&str, Value)| {
        let mut value = json!({"start": start, "end": end, "text": f.text});
        value[extra.0] = extra.1;
        json!({
            "id": region_id(f), "from_name": from, "to_name": TEXT,
            "type": kind, "value": value,
        })
    };
    let mut out = vec![result(
        LABEL,
        "labels",
        ("labels", json!([f.kind.as_str()])),
    )];
    if let Some(r) = reading(f) {
        out.push(result(VALUE, "textarea", ("text", json!([r]))));
    }
    out.push(result(
        STATUS,
        "choices",
        ("choices", json!([f.status.as_str()])),
    ));
    out
}

/// The results of `figures`, with the relations among them that `links` gives;
/// counts the relations written into `written`.
fn results(
    figures: &[&Figure],
    at: &Offsets,
    links: &[(FigureId, FigureId, Relation)],
    written: &mut usize,
) -> Vec<Value> {
    let mut out: Vec<Value> = figures.iter().flat_map(|f| region(f, at)).collect();
    let here: HashMap<FigureId, &Figure> = figures.iter().map(|f| (f.id, *f)).collect();
    for (a, b, relation) in links {
        if let (Some(a), Some(b)) = (here.get(a), here.get(b)) {
            *written += 1;
            out.push(json!({
                "from_id": region_id(a), "to_id": region_id(b), "type": "relation",
                "direction": "right", "labels": [relation.as_str()],
            }));
        }
    }
    out
}

/// One task: the document, an annotation per reviewer, a prediction of the rest.
fn task(
    d: &AnnotatedDoc,
    unit: OffsetUnit,
    links: &[(FigureId, FigureId, Relation)],
    written: &mut usize,
) -> Value {
    let at = Offsets::new(&d.text, unit);
    let mut by_reviewer: BTreeMap<String, Vec<&Figure>> = BTreeMap::new();
    let mut unreviewed: Vec<&Figure> = Vec::new();
    for f in &d.figures {
        if f.status == Status::Unreviewed {
            unreviewed.push(f);
        } else {
            let who = f.reviewer.clone().unwrap_or_default();
            by_reviewer.entry(who).or_default().push(f);
        }
    }
    let annotations: Vec<Value> = by_reviewer
        .iter()
        .map(|(who, figures)| {
            json!({
                "result": results(figures, &at, links, written),
                "ground_truth": false,
                "tualek_reviewer": who,
            })
        })
        .collect();
    let mut predictions = Vec::new();
    if !unreviewed.is_empty() {
        predictions.push(json!({
            "model_version": format!("tualek {}", env!("CARGO_PKG_VERSION")),
            "result": results(&unreviewed, &at, links, written),
        }));
    }
    let reviewers: Vec<&String> = by_reviewer.keys().collect();
    json!({
        // The converters need an id; Label Studio's import gives its own.
        "id": d.id,
        "data": {"text": d.text, "doc_id": d.id, "title": d.title, "language": d.language},
        "meta": {"tualek_reviewers": reviewers, "offsets": unit.name()},
        "annotations": annotations,
        "predictions": predictions,
    })
}

/// Writes the tasks of `set` as one JSON array; the number of links written
/// (those within one document whose figures share a result list).
pub fn write_labelstudio(
    w: &mut dyn Write,
    set: &GoldSet,
    unit: OffsetUnit,
) -> Result<usize, ExportError> {
    let links: Vec<(FigureId, FigureId, Relation)> =
        set.links.iter().map(|l| (l.a, l.b, l.relation)).collect();
    let mut written = 0;
    let io = |e| ExportError::Io("output".into(), e);
    // One task a line, written as it is made: the array never stands whole in memory.
    w.write_all(b"[").map_err(io)?;
    for (i, d) in set.docs.iter().enumerate() {
        w.write_all(if i == 0 { b"\n" } else { b",\n" })
            .map_err(io)?;
        serde_json::to_writer(&mut *w, &task(d, unit, &links, &mut written))?;
    }
    w.write_all(b"\n]\n").map_err(io)?;
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_config_declares_every_kind_and_relation() {
        let x = labeling_config();
        for k in Kind::ALL {
            assert!(x.contains(&format!("<Label value=\"{}\"/>", k.as_str())));
        }
        for r in Relation::ALL {
            assert!(x.contains(&format!("<Relation value=\"{}\"/>", r.as_str())));
        }
    }

    #[test]
    fn the_config_goes_beside_the_export() {
        assert_eq!(
            config_path(Path::new("/x/gold.json")),
            Path::new("/x/gold.config.xml")
        );
    }
}
