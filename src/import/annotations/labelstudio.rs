//! Label Studio JSON: an array of tasks as Label Studio exports them (JSON)
//! or as its converter flattens them (JSON-MIN).
//!
//! A full task's regions come from its annotations (every one not cancelled),
//! else from its predictions: an unreviewed proposal is still annotation when
//! nobody reviewed anything. A region is its `labels` result; a `textarea`
//! result of the same id from the control "value" gives the reading as
//! Tualek writes it (`65500000 LAK`, `2019..2020`), and a region whose
//! "status" choice is `rejected` annotates nothing. JSON-MIN keeps only the
//! regions (its per-region text and choices lose their region).
//!
//! Offsets are code points, how current Label Studio counts; a task Tualek
//! wrote in UTF-16 units says so in its `meta.offsets`.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::{AnnotationError, IncomingDoc, IncomingSpan, IncomingText};
use crate::export::annotations::OffsetUnit;
use crate::model::Decimal;

const NAME: &str = "Label Studio JSON";

fn wrong(reason: impl Into<String>) -> AnnotationError {
    AnnotationError::WrongFormat {
        format: NAME,
        reason: reason.into(),
    }
}

/// Reads the tasks in `bytes`; `unit` overrides the offset unit.
pub(super) fn read(
    bytes: &[u8],
    unit: Option<OffsetUnit>,
) -> Result<Vec<IncomingDoc>, AnnotationError> {
    let text = super::utf8(bytes, NAME)?;
    let json: Value = serde_json::from_str(&text).map_err(|e| {
        let hint = if text.trim_start().starts_with('{') && text.trim().lines().count() > 1 {
            " (one JSON value per line looks like JSON Lines: spaCy, Prodigy or doccano?)"
        } else {
            ""
        };
        wrong(format!("not one JSON value: {e}{hint}"))
    })?;
    let tasks = match json {
        Value::Array(tasks) => tasks,
        Value::Object(task) if task.get("data").is_some() => vec![Value::Object(task)],
        _ => return Err(wrong("neither an array of tasks nor one task")),
    };
    if tasks.is_empty() {
        return Err(wrong("the array holds no tasks"));
    }
    tasks
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let at = format!("task {}", i + 1);
            let t = t
                .as_object()
                .ok_or_else(|| wrong(format!("{at} is not an object")))?;
            match t.get("data") {
                Some(Value::Object(data)) => full_task(t, data, unit, at),
                _ => minimal_task(t, unit, at),
            }
        })
        .collect()
}

fn string(map: &Map<String, Value>, key: &str) -> Option<String> {
    map.get(key).and_then(Value::as_str).map(str::to_string)
}

/// The text a task's `data` holds: `text`, else its only string.
fn data_text(data: &Map<String, Value>) -> Option<String> {
    string(data, "text").or_else(|| {
        let mut strings = data.values().filter_map(Value::as_str);
        match (strings.next(), strings.next()) {
            (Some(s), None) => Some(s.to_string()),
            _ => None,
        }
    })
}

fn full_task(
    t: &Map<String, Value>,
    data: &Map<String, Value>,
    unit: Option<OffsetUnit>,
    at: String,
) -> Result<IncomingDoc, AnnotationError> {
    let text = data_text(data).ok_or_else(|| wrong(format!("{at}: its data has no text")))?;
    let lists = |key: &str| -> Vec<&Vec<Value>> {
        t.get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter(|a| !a["was_cancelled"].as_bool().unwrap_or(false))
            .filter_map(|a| a["result"].as_array())
            .collect()
    };
    let (kind, results) = match lists("annotations") {
        a if !a.is_empty() => ("annotation", a),
        _ => ("prediction", lists("predictions")),
    };
    let mut spans = Vec::new();
    for (n, result) in results.iter().enumerate() {
        spans.extend(regions(result, &format!("{at}, {kind} {}", n + 1)));
    }
    let ours = t
        .get("meta")
        .and_then(|m| m["offsets"].as_str())
        .filter(|u| *u == OffsetUnit::Utf16.name())
        .map(|_| OffsetUnit::Utf16);
    Ok(IncomingDoc {
        text: IncomingText::Text(text),
        title: string(data, "title"),
        language: string(data, "language"),
        unit: unit.or(ours).unwrap_or(OffsetUnit::CodePoints),
        spans,
        at,
    })
}

/// The spans of one result list: a span per label of each `labels` result.
fn regions(result: &[Value], at: &str) -> Vec<IncomingSpan> {
    let mut readings: HashMap<&str, &str> = HashMap::new();
    let mut rejected: Vec<&str> = Vec::new();
    for r in result {
        let id = r["id"].as_str().unwrap_or_default();
        match (r["type"].as_str(), r["from_name"].as_str()) {
            (Some("textarea"), Some("value")) => {
                if let Some(line) = r["value"]["text"][0].as_str() {
                    readings.insert(id, line);
                }
            }
            (Some("choices"), Some("status")) if r["value"]["choices"][0] == "rejected" => {
                rejected.push(id);
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for (n, r) in result.iter().enumerate() {
        let id = r["id"].as_str().unwrap_or_default();
        if r["type"] != "labels" || rejected.contains(&id) {
            continue;
        }
        let reading = readings.get(id).map(|l| parse_reading(l));
        let place = match id {
            "" => format!("{at}, result {}", n + 1),
            id => format!("{at}, region {id}"),
        };
        out.extend(spans_of(&r["value"], reading, place));
    }
    out
}

/// A span per label of one region's `value` (`start`, `end`, `text`, `labels`).
fn spans_of(
    value: &Value,
    reading: Option<(Option<Decimal>, Option<Decimal>, Option<String>)>,
    at: String,
) -> Vec<IncomingSpan> {
    let (Some(start), Some(end)) = (value["start"].as_u64(), value["end"].as_u64()) else {
        return Vec::new();
    };
    let (v, max, unit) = reading.unwrap_or_default();
    value["labels"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(|label| IncomingSpan {
            start: start as usize,
            end: end as usize,
            label: label.to_string(),
            text: value["text"].as_str().map(str::to_string),
            value: v,
            value_max: max,
            unit: unit.clone(),
            at: at.clone(),
        })
        .collect()
}

/// A reading as Tualek's export writes it: `value[..max][ unit]`; nothing of
/// a line that does not start with a number.
pub fn parse_reading(line: &str) -> (Option<Decimal>, Option<Decimal>, Option<String>) {
    let (number, unit) = match line.trim().split_once(' ') {
        Some((n, u)) => (n, Some(u.trim().to_string()).filter(|u| !u.is_empty())),
        None => (line.trim(), None),
    };
    let (low, high) = match number.split_once("..") {
        Some((a, b)) => (a, Some(b)),
        None => (number, None),
    };
    let decimal = |s: &str| Decimal::from_str_exact(s).ok();
    match decimal(low) {
        Some(v) => (Some(v), high.and_then(decimal), unit),
        None => (None, None, None),
    }
}

/// A JSON-MIN record: `text` and, under each control's name, its regions.
fn minimal_task(
    t: &Map<String, Value>,
    unit: Option<OffsetUnit>,
    at: String,
) -> Result<IncomingDoc, AnnotationError> {
    // The converter writes `annotation_id` into every JSON-MIN record.
    let text = string(t, "text")
        .filter(|_| t.contains_key("annotation_id"))
        .ok_or_else(|| {
            wrong(format!(
                "{at} has neither `data` (a Label Studio task) nor `text` and \
                 `annotation_id` (a JSON-MIN record)"
            ))
        })?;
    let mut spans = Vec::new();
    for (name, regions) in t {
        let Some(regions) = regions.as_array() else {
            continue;
        };
        for (n, v) in regions.iter().enumerate() {
            if v.get("labels").is_some() {
                spans.extend(spans_of(v, None, format!("{at}, {name} {}", n + 1)));
            }
        }
    }
    Ok(IncomingDoc {
        text: IncomingText::Text(text),
        title: string(t, "title"),
        language: string(t, "language"),
        unit: unit.unwrap_or(OffsetUnit::CodePoints),
        spans,
        at,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readings_give_back_value_range_and_unit() {
        let d = |s: &str| Decimal::from_str_exact(s).ok();
        assert_eq!(
            parse_reading("65500000 LAK"),
            (d("65500000"), None, Some("LAK".into()))
        );
        assert_eq!(parse_reading("2019..2020"), (d("2019"), d("2020"), None));
        assert_eq!(parse_reading("about ten"), (None, None, None));
    }
}
