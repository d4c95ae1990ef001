//! Gold-standard export benchmark: a project of about a million figures
//! (2 000 generated English and Lao documents), exported in every format.
//!
//! `cargo run --release --example bench_export_gold [-- FIGURES]` builds the
//! project once in a temporary folder, then runs itself once per format (so
//! each peak resident memory is that format's own) and prints, per format,
//! the seconds to read the set, the seconds to write it, the output's size
//! and the process's peak memory. `-- FIGURES FORMAT` runs one format only.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use tualek::app::Project;
use tualek::export::Selection;
use tualek::export::annotations::{GoldFormat, GoldOptions, GoldSet, write_gold};
use tualek::import::ImportOptions;

const ENGLISH: &str = "In 2023 the authorities reported 96 trafficking cases, up from 46 a year \
    earlier; 1,255 workers came back, including 493 women, and each received 500,000 kip. ";
const LAO: &str = "ໃນປີ 2023 ເຈົ້າໜ້າທີ່ໄດ້ລາຍງານຄະດີຄ້າມະນຸດ 96 ຄະດີ, ແຮງງານ 1,255 ຄົນ ໄດ້ກັບຄືນມາ, \
    ໃນນັ້ນມີແມ່ຍິງ 493 ຄົນ ແລະ ແຕ່ລະຄົນໄດ້ຮັບເງິນ 500.000 ກີບ. ";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, project, format, out] = args.as_slice()
        && flag == "--one"
    {
        return one(Path::new(project), format, Path::new(out));
    }
    let figures: usize = args
        .first()
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let only: Option<&str> = args.get(1).map(String::as_str);
    let dir = tempfile::tempdir().expect("temp dir");
    let project = dir.path().join("bench.tualek");
    let started = Instant::now();
    let found = build(&project, &dir.path().join("corpus"), figures);
    println!(
        "project: {found} figures in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    println!("format       read s  write s   MB out  peak MB");
    for format in GoldFormat::ALL
        .iter()
        .filter(|f| only.is_none_or(|o| o == f.name()))
    {
        let out = dir.path().join(format!("out-{}", format.name()));
        let status = Command::new(std::env::current_exe().unwrap())
            .args(["--one", project.to_str().unwrap(), format.name()])
            .arg(&out)
            .status()
            .expect("running one format");
        assert!(status.success(), "{} failed", format.name());
    }
}

/// Writes documents until the extractor finds about `figures` figures, imports them.
fn build(project: &Path, corpus: &Path, figures: usize) -> usize {
    const DOCS: usize = 2_000;
    // Each unit holds 6 figures (English) or 5 (Lao, whose 500.000 is one).
    let units = figures.div_ceil(DOCS * 5) + 1;
    std::fs::create_dir_all(corpus).unwrap();
    for i in 0..DOCS {
        let unit = if i % 2 == 0 { ENGLISH } else { LAO };
        // Each text its own (a project keeps one copy of a text).
        let text = format!("Document {i}.\n{}", unit.repeat(units));
        std::fs::write(corpus.join(format!("{i}.txt")), text).unwrap();
    }
    let mut p = Project::create(project, "bench").unwrap();
    let report = p
        .import(
            &[corpus.to_path_buf()],
            &ImportOptions::default(),
            &mut |_| true,
        )
        .expect("import");
    report.figures
}

fn one(project: &Path, format: &str, out: &Path) {
    let format = *GoldFormat::ALL
        .iter()
        .find(|g| g.name() == format)
        .expect("a format name");
    let p = Project::open(project, "bench").unwrap();
    let started = Instant::now();
    // Every live figure, reviewed or not: the size a finished project exports.
    let set = GoldSet::load(p.store(), &Selection::default()).unwrap();
    let read = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let report = write_gold(p.store(), &set, format, out, &GoldOptions::default()).unwrap();
    let write = started.elapsed().as_secs_f64();
    let bytes: u64 = report.files.iter().map(|f| size(f)).sum();
    println!(
        "{:<11} {read:>7.2} {write:>8.2} {:>8.1} {:>8.0}   ({} figures, {} documents)",
        format.name(),
        bytes as f64 / 1e6,
        peak_mb(),
        report.figures,
        report.documents
    );
}

/// A file's size, or a folder's files' sizes summed.
fn size(path: &Path) -> u64 {
    match std::fs::read_dir(path) {
        Ok(entries) => entries.flatten().map(|e| size(&e.path())).sum(),
        Err(_) => std::fs::metadata(path).map(|m| m.len()).unwrap_or(0),
    }
}

/// The process's peak resident memory (VmHWM), in MB.
fn peak_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}
