//! `cargo run --release --example bench_extract [-- SEEDS_DIR]`: builds at
//! least 5 MB of English and 5 MB of Lao text by shuffling the paragraphs of
//! the seed documents, and prints the extractor's speed in MB/s per language.
//! Speed is measured here, never asserted in a test. `BENCH_ONLY=en` (or
//! `lo`) runs one language, for a profiler; `BENCH_RUNS=N` times N runs
//! instead of 5.

use std::time::Instant;

fn is_lao(p: &str) -> bool {
    let lao = p
        .chars()
        .filter(|c| ('\u{0E80}'..='\u{0EFF}').contains(c))
        .count();
    lao * 3 > p.chars().filter(|c| !c.is_whitespace()).count()
}

fn build(paras: &[String], target: usize, seed: u64) -> String {
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut out = String::with_capacity(target + 4096);
    while out.len() < target && !paras.is_empty() {
        out.push_str(&paras[rng.usize(..paras.len())]);
        out.push_str("\n\n");
    }
    out
}

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
    let mut en = Vec::new();
    let mut lo = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    entries.sort();
    for p in entries {
        let text = std::fs::read_to_string(&p).expect("seed text");
        for para in text.split("\n\n").map(str::trim).filter(|s| !s.is_empty()) {
            if is_lao(para) {
                lo.push(para.to_string());
            } else {
                en.push(para.to_string());
            }
        }
    }
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
