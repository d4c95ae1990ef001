//! `cargo run --release --example bench_extract [-- SEEDS_DIR]`: builds at
//! least 5 MB of English and 5 MB of Lao text by shuffling the paragraphs of
//! the seed documents, and prints the extractor's speed in MB/s per language.
//! Speed is measured here, never asserted in a test. `BENCH_ONLY=en` (or
//! `lo`) runs one language, for a profiler; `BENCH_RUNS=N` times N runs
//! instead of 5.

use std::time::Instant;

#[path = "common/seed_texts.rs"]
mod seed_texts;
use seed_texts::build;

fn bench(name: &str, text: &str) {
    // warm up, then take the best of 5 runs
    let n = tualek::extract::extract(text).len();
    let mut best = f64::MAX;
    // BENCH_RUNS=N times it N times instead of 5 (1 for a slow profiler)
    let runs = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(5);
    for _ in 0..runs {
        let t0 = Instant::now();
        let f = tualek::extract::extract(text);
        let dt = t0.elapsed().as_secs_f64();
        assert_eq!(f.len(), n);
        best = best.min(dt);
    }
    let mb = text.len() as f64 / 1e6;
    println!(
        "{name}: {mb:.1} MB, {n} figures, {:.1} ms, {:.0} MB/s",
        best * 1e3,
        mb / best
    );
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/seeds".into());
    let (en, lo) = seed_texts::paragraphs(&dir);
    // BENCH_ONLY=en or =lo runs one language (for a profiler)
    let only = std::env::var("BENCH_ONLY").unwrap_or_default();
    // BENCH_DUMP=DIR writes the two texts to DIR/bench_en.txt and
    // DIR/bench_lo.txt (for output baselines) and exits
    if let Ok(d) = std::env::var("BENCH_DUMP") {
        std::fs::write(format!("{d}/bench_en.txt"), build(&en, 5_000_000, 1)).expect("dump");
        std::fs::write(format!("{d}/bench_lo.txt"), build(&lo, 5_000_000, 2)).expect("dump");
        return;
    }
    if only != "lo" {
        bench("English", &build(&en, 5_000_000, 1));
    }
    if only != "en" {
        bench("Lao", &build(&lo, 5_000_000, 2));
    }
}
