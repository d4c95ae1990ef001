//! The project the gold-standard format tests export: Lao and English, CRLF
//! lines, an emoji before a figure, unspaced Lao (`ມີ75ຄົນ`), figures reviewed
//! by two reviewers (one rejected), one left unreviewed, and links within a
//! document and across two.

use std::collections::HashMap;
use std::path::Path;

use super::cli::ok;

pub const LAO: &str = "ມີ75ຄົນ ໄດ້ຮັບເງິນ 65,5 ລ້ານ ກີບ.\r\n😀 ປີ 2024 ມີ 12 ແຂວງ.\r\n";
pub const ENGLISH: &str = "In 2024, 75 people 😀 got 65.5 million kip in 12 provinces.\n";

/// The project and its figures' ids by `"<language>:<text>"` (e.g. `"lo:75"`).
pub struct GoldProject {
    pub path: String,
    pub ids: HashMap<String, i64>,
}

impl GoldProject {
    pub fn id(&self, key: &str) -> String {
        self.ids[key].to_string()
    }
}

/// Every figure confirmed by noy, except: Lao `2024` rejected and English
/// `12` confirmed by kham, Lao `12` left unreviewed. Links: Lao `75` with
/// Lao `65,5 ລ້ານ` and with Lao `12` (within the document), and with English `75`.
pub fn gold_project(dir: &Path) -> GoldProject {
    let p = dir.join("p.tualek").to_str().unwrap().to_string();
    ok(&["new", &p]);
    let lo = super::write(dir, "lo.txt", LAO.as_bytes());
    let en = super::write(dir, "en.txt", ENGLISH.as_bytes());
    ok(&["import", &p, lo.to_str().unwrap(), en.to_str().unwrap()]);
    let mut ids = HashMap::new();
    for line in ok(&["figures", &p, "--format", "jsonl"]).lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let key = format!(
            "{}:{}",
            v["language"].as_str().unwrap(),
            v["text"].as_str().unwrap()
        );
        ids.insert(key, v["id"].as_i64().unwrap());
    }
    let gp = GoldProject { path: p, ids };
    let p = &gp.path;
    for (key, &id) in &gp.ids {
        let (who, verdict) = match key.as_str() {
            "lo:2024" => ("kham", "reject"),
            "en:12" => ("kham", "confirm"),
            "lo:12" => continue,
            _ => ("noy", "confirm"),
        };
        ok(&["review", p, &id.to_string(), "--reviewer", who, verdict]);
    }
    for other in ["lo:65,5 ລ້ານ", "lo:12", "en:75"] {
        ok(&["link", p, &gp.id("lo:75"), &gp.id(other)]);
    }
    gp
}
