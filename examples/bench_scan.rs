//! `cargo build --release && cargo run --release --example bench_scan [-- SEEDS_DIR]`:
//! builds 5 MB of English and 5 MB of Lao text from the paragraphs of the
//! seed documents (as `bench_extract` does, the same texts), writes each to a
//! file and runs the release `tualek scan --format jsonl FILE` on it as a
//! whole process, its stdout to a file, and prints the best of 5 runs in MB/s
//! per language, next to the extractor's own MB/s in this process. Speed is
//! measured here, never asserted in a test. `TUALEK_BIN=PATH` times another
//! binary (an older build, say); `BENCH_RUNS=N` times N runs instead of 5.
//! Each language's output is checked once against `tualek::extract::records`.
//! `BENCH_SCAN_KEEP=DIR` leaves the two texts (and outputs) in `DIR`, for a
//! profiler to run `tualek scan` on.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

#[path = "common/seed_texts.rs"]
mod seed_texts;
use seed_texts::build;

fn runs() -> usize {
    std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(5)
}

/// Seconds of the fastest of [`runs`] runs of `tualek scan --format jsonl file > out`.
fn time_scan(bin: &Path, file: &Path, out: &Path) -> f64 {
    let mut best = f64::MAX;
    for _ in 0..runs().max(1) {
        let sink = std::fs::File::create(out).expect("output file");
        let t0 = Instant::now();
        let status = Command::new(bin)
            .args(["scan", "--format", "jsonl"])
            .arg(file)
            .stdin(Stdio::null())
            .stdout(sink)
            .status()
            .unwrap_or_else(|e| panic!("{}: {e}", bin.display()));
        let dt = t0.elapsed().as_secs_f64();
        assert!(status.success(), "tualek scan failed: {status}");
        best = best.min(dt);
    }
    best
}

/// Seconds of the fastest run of the extractor alone on `text`, and its figure count.
fn time_extract(text: &str) -> (f64, usize) {
    let n = tualek::extract::extract(text).len();
    let mut best = f64::MAX;
    for _ in 0..runs().max(1) {
        let t0 = Instant::now();
        let f = tualek::extract::extract(text);
        best = best.min(t0.elapsed().as_secs_f64());
        assert_eq!(f.len(), n);
    }
    (best, n)
}

/// The lines `tualek scan --format jsonl` must write for one file.
fn expected(name: &str, text: &str) -> Vec<u8> {
    let mut out = Vec::new();
    for r in tualek::extract::records(name, text) {
        serde_json::to_writer(&mut out, &r).expect("record");
        out.push(b'\n');
    }
    out
}

fn bench(bin: &Path, dir: &Path, lang: &str, name: &str, text: &str) {
    let file = dir.join(format!("bench_{lang}.txt"));
    let out = dir.join(format!("bench_{lang}.jsonl"));
    std::fs::write(&file, text).expect("bench text");
    let scan = time_scan(bin, &file, &out);
    let written = std::fs::read(&out).expect("scan output");
    let same = written == expected(&format!("bench_{lang}.txt"), text);
    let (extract, figures) = time_extract(text);
    let mb = text.len() as f64 / 1e6;
    println!(
        "{name}: {mb:.1} MB, {figures} figures; tualek scan --format jsonl: {:.1} ms, {:.0} MB/s \
         (output {:.1} MB{}); extractor alone: {:.1} ms, {:.0} MB/s",
        scan * 1e3,
        mb / scan,
        written.len() as f64 / 1e6,
        if same {
            ", as the library writes it"
        } else {
            ", DIFFERS from the library's records"
        },
        extract * 1e3,
        mb / extract,
    );
    assert!(
        same,
        "tualek scan output differs from tualek::extract::records"
    );
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/seeds".into());
    let (en, lo) = seed_texts::paragraphs(&dir);
    let bin = std::env::var_os("TUALEK_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/tualek"));
    if !bin.is_file() {
        eprintln!(
            "no {}: build it first (cargo build --release), or name one with TUALEK_BIN",
            bin.display()
        );
        std::process::exit(2);
    }
    println!("timing {} (best of {})", bin.display(), runs().max(1));
    let work = tempfile::tempdir().expect("temporary folder");
    let kept = std::env::var_os("BENCH_SCAN_KEEP").map(PathBuf::from);
    if let Some(k) = &kept {
        std::fs::create_dir_all(k).expect("BENCH_SCAN_KEEP folder");
    }
    let work = kept.as_deref().unwrap_or(work.path());
    bench(&bin, work, "en", "English", &build(&en, 5_000_000, 1));
    bench(&bin, work, "lo", "Lao", &build(&lo, 5_000_000, 2));
}
