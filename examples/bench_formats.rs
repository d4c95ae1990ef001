//! Bilingual formats at scale: a generated TMX of N segments (default 100 000)
//! read (`parse_tmx`), joined into two documents (`into_pair`) and written
//! back (`write_tmx`); segments per second for each, and the peak memory.
//!
//! cargo run --release --example bench_formats [-- SEGMENTS]

use std::path::Path;
use std::time::Instant;

use tualek::export::tmx::{TmxUnit, write_tmx};
use tualek::import::ImportOptions;
use tualek::import::bilingual::parse_tmx;
use tualek::model::Language;

fn main() {
    let segments: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    let file = generated_tmx(segments);
    println!(
        "{segments} segments, {:.1} MB of TMX",
        file.len() as f64 / 1e6
    );

    let started = Instant::now();
    let read = parse_tmx(file.as_bytes()).expect("the generated file reads");
    report("parse_tmx", segments, started);

    let units: Vec<TmxUnit> = read
        .units
        .iter()
        .map(|u| TmxUnit {
            source: u.source.clone(),
            target: u.target.clone(),
            props: vec![("x-tualek-verdict".into(), "ok".into())],
            note: None,
        })
        .collect();
    let started = Instant::now();
    let pair = read
        .into_pair(Path::new("bench.tmx"), &ImportOptions::default())
        .expect("the pair builds");
    report("into_pair", segments, started);
    assert_eq!(pair.segments.len(), segments);

    let started = Instant::now();
    let mut out = Vec::with_capacity(file.len() * 2);
    write_tmx(&mut out, &Language::new("lo"), &Language::new("en"), &units).expect("written");
    report("write_tmx", segments, started);

    println!("peak memory {}", peak_memory());
}

/// Lao sources and English targets with figures and a bpt/ept pair, as a CAT tool writes them.
fn generated_tmx(segments: usize) -> String {
    let mut file = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header creationtool=\"bench\" \
         creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"x\" adminlang=\"en\" srclang=\"lo\" \
         datatype=\"plaintext\"/><body>\n",
    );
    for i in 0..segments {
        file.push_str(&format!(
            "<tu><tuv xml:lang=\"lo\"><seg>ໃນປີ {year} ເມືອງນີ້ມີ <bpt i=\"1\">&lt;b&gt;</bpt>{n}<ept i=\"1\">&lt;/b&gt;</ept> ຄົວເຮືອນ &amp; {p},5 ເປີເຊັນ.</seg></tuv>\
             <tuv xml:lang=\"en\"><seg>In {year} the district had <bpt i=\"1\">&lt;b&gt;</bpt>{n}<ept i=\"1\">&lt;/b&gt;</ept> households &amp; {p}.5 percent.</seg></tuv></tu>\n",
            year = 1990 + i % 35,
            n = i * 7 % 10_000,
            p = i % 100,
        ));
    }
    file.push_str("</body></tmx>\n");
    file
}

fn report(step: &str, segments: usize, started: Instant) {
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "{step:>10}: {:>8.1} ms, {:>10.0} segments/s",
        seconds * 1e3,
        segments as f64 / seconds
    );
}

/// The process's high-water mark of resident memory (Linux), else "unknown".
fn peak_memory() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(|l| l["VmHWM:".len()..].trim().to_string())
        })
        .unwrap_or_else(|| "unknown".into())
}
