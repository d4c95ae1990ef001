//! Big-project benchmark: the commands a user runs on a project of tens of
//! megabytes of text, each as a whole `tualek` process, as the user sees them.
//!
//! `cargo run --release --example bench_big_project [-- MB [FILES [BINARY]]]`
//! builds a generated corpus of MB megabytes of English and Lao text full of
//! figures (default 60) in FILES files (default one per 100 kB; `1` is the
//! hardest case for the import's memory), imports it into a new project with
//! BINARY (default `target/release/tualek`), then times `import`, `docs`, `review` of one
//! figure, `figures --format jsonl`, the `figures` table, `export` as JSON
//! Lines, CSV and spaCy, printing each one's wall time and peak resident
//! memory (from `/usr/bin/time -v` when present, else `getrusage`).
//!
//! Build the binary first (`cargo build --release --bin tualek`): the
//! benchmark runs it, it does not build it.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

/// Sentences with figures in them; numbers are varied per document and per
/// sentence so that every document's text is its own.
const ENGLISH: [&str; 4] = [
    "In {y} the district reported {a} new classrooms, up from {b} a year earlier, ",
    "and {c}% of pupils finished primary school. ",
    "The fund paid {d},500,000 kip to {a} families between {y} and {z}; ",
    "rainfall reached {b}.5 mm in July, against {c} mm in a dry year.\n",
];
const LAO: [&str; 4] = [
    "ໃນປີ {y} ເມືອງໄດ້ສ້າງຫ້ອງຮຽນໃໝ່ {a} ຫ້ອງ, ເພີ່ມຂຶ້ນຈາກ {b} ຫ້ອງ ໃນປີກ່ອນ, ",
    "ແລະ ນັກຮຽນ {c}% ຮຽນຈົບຊັ້ນປະຖົມ. ",
    "ກອງທຶນໄດ້ຈ່າຍເງິນ {d}.500.000 ກີບ ໃຫ້ {a} ຄອບຄົວ ແຕ່ປີ {y} ຫາ {z}; ",
    "ປະລິມານນໍ້າຝົນ {b},5 ມມ ໃນເດືອນກໍລະກົດ.\n",
];

/// Bytes of text per document by default: many documents, as a real project holds.
const DOC_BYTES: usize = 100_000;

fn main() {
    let mut args = std::env::args().skip(1);
    let megabytes: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(60);
    let files: usize = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(megabytes * 1_000_000 / DOC_BYTES)
        .max(1);
    let binary = PathBuf::from(
        args.next()
            .unwrap_or_else(|| "target/release/tualek".into()),
    );
    assert!(
        binary.is_file(),
        "{} not found: build it with `cargo build --release --bin tualek`",
        binary.display()
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    let total = megabytes * 1_000_000;
    let bytes = generate(&corpus, total, total.div_ceil(files));
    println!(
        "corpus: {:.1} MB of text in {files} files; binary: {}",
        bytes as f64 / 1e6,
        binary.display()
    );
    let project = dir.path().join("big.tualek");
    let bench = Bench {
        binary,
        dir: dir.path().to_path_buf(),
    };
    bench.quiet(&["new", path(&project)]);
    let mut rows = Vec::new();
    rows.push(bench.time("import", &["import", path(&project), path(&corpus)], None));
    println!(
        "project file: {:.1} MB",
        std::fs::metadata(&project).map_or(0.0, |m| m.len() as f64 / 1e6)
    );
    rows.push(bench.time("docs", &["docs", path(&project)], None));
    rows.push(bench.time(
        "review (one figure)",
        &["review", path(&project), "1000", "confirm"],
        None,
    ));
    let out = |name: &str| dir.path().join(name);
    rows.push(bench.time(
        "figures --format jsonl",
        &["figures", path(&project), "--format", "jsonl"],
        Some(&out("figures.jsonl")),
    ));
    rows.push(bench.time(
        "figures (table)",
        &["figures", path(&project)],
        Some(&out("figures.txt")),
    ));
    let jsonl = out("export.jsonl");
    rows.push(bench.time(
        "export --format jsonl",
        &[
            "export",
            path(&project),
            "--format",
            "jsonl",
            "--out",
            path(&jsonl),
        ],
        None,
    ));
    let csv = out("export.csv");
    rows.push(bench.time(
        "export --format csv",
        &[
            "export",
            path(&project),
            "--format",
            "csv",
            "--out",
            path(&csv),
        ],
        None,
    ));
    let spacy = out("spacy").join("gold.jsonl");
    std::fs::create_dir_all(spacy.parent().unwrap()).unwrap();
    rows.push(bench.time(
        "export --format spacy (all statuses)",
        &[
            "export",
            path(&project),
            "--format",
            "spacy",
            "--status",
            "unreviewed,confirmed",
            "--out",
            path(&spacy),
        ],
        None,
    ));
    let lines = std::fs::read_to_string(out("figures.jsonl"))
        .map(|s| s.lines().count())
        .unwrap_or(0);
    println!("figures listed: {lines}\n");
    println!("| command | seconds | peak MB |");
    println!("|---|---:|---:|");
    for (name, secs, mb) in rows {
        println!("| {name} | {secs:.2} | {mb:.0} |");
    }
}

fn path(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 temp path")
}

/// Writes documents of about `per_doc` bytes each, alternately English and
/// Lao (a single document mixes both), a tenth of them HTML, until `total`
/// bytes; returns the bytes written.
fn generate(corpus: &Path, total: usize, per_doc: usize) -> usize {
    let mut written = 0;
    let mut seed: u64 = 0x5eed_2024;
    let mut next = |m: u64| {
        // A linear congruential generator: varied, reproducible numbers.
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) % m
    };
    let mut i = 0;
    while written < total {
        let mut text = format!("Report {i}\n\n");
        let mut lao = i % 2 == 1;
        while text.len() < per_doc {
            // A paragraph at a time, so that one big document holds both languages.
            lao ^= per_doc > 1_000_000 && next(2) == 0;
            let sentences = if lao { LAO } else { ENGLISH };
            for s in sentences {
                let y = 1990 + next(35);
                text.push_str(
                    &s.replace("{y}", &y.to_string())
                        .replace("{z}", &(y + 1 + next(5)).to_string())
                        .replace("{a}", &(10 + next(9_000)).to_string())
                        .replace("{b}", &(1 + next(900)).to_string())
                        .replace("{c}", &(1 + next(99)).to_string())
                        .replace("{d}", &(1 + next(999)).to_string()),
                );
            }
        }
        let sub = corpus.join(format!("{:03}", i / 100));
        std::fs::create_dir_all(&sub).expect("corpus folder");
        let (name, body) = if i % 10 == 9 {
            let paragraphs = text.replace('\n', "</p>\n<p>");
            (
                format!("{i}.html"),
                format!("<html><body><p>{paragraphs}</p></body></html>"),
            )
        } else {
            (format!("{i}.txt"), text)
        };
        written += body.len();
        std::fs::write(sub.join(name), body).expect("corpus file");
        i += 1;
    }
    written
}

struct Bench {
    binary: PathBuf,
    dir: PathBuf,
}

impl Bench {
    /// Runs a command that must succeed, untimed.
    fn quiet(&self, args: &[&str]) {
        let status = Command::new(&self.binary)
            .args(args)
            .stdout(Stdio::null())
            .status()
            .expect("run tualek");
        assert!(status.success(), "tualek {args:?} failed");
    }

    /// Runs `tualek args` (stdout to `stdout`, else discarded) as its own
    /// process; returns (name, seconds, peak resident MB of that process).
    fn time(&self, name: &str, args: &[&str], stdout: Option<&Path>) -> (String, f64, f64) {
        let out = match stdout {
            Some(p) => Stdio::from(std::fs::File::create(p).expect("output file")),
            None => Stdio::null(),
        };
        let gnu_time = Path::new("/usr/bin/time");
        let report = self.dir.join("time.txt");
        let mut cmd = if gnu_time.is_file() {
            let mut c = Command::new(gnu_time);
            c.arg("-v").arg("-o").arg(&report).arg(&self.binary);
            c
        } else {
            Command::new(&self.binary)
        };
        let started = Instant::now();
        let status = cmd.args(args).stdout(out).status().expect("run tualek");
        let secs = started.elapsed().as_secs_f64();
        assert!(status.success(), "tualek {args:?} failed");
        let kb = if gnu_time.is_file() {
            max_rss_from_time(&report)
        } else {
            children_max_rss_kb()
        };
        println!("{name}: {secs:.2} s, {:.0} MB", kb as f64 / 1024.0);
        (name.to_string(), secs, kb as f64 / 1024.0)
    }
}

/// "Maximum resident set size (kbytes): N" from GNU time's report.
fn max_rss_from_time(report: &Path) -> u64 {
    std::fs::read_to_string(report)
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.trim().strip_prefix("Maximum resident set size (kbytes):"))
                .and_then(|n| n.trim().parse().ok())
        })
        .unwrap_or(0)
}

/// The largest peak of any child waited for so far (a fallback for machines
/// without GNU time: it shows a command's own peak only when it is the largest yet).
fn children_max_rss_kb() -> u64 {
    // SAFETY: getrusage only writes the struct it is given.
    unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage);
        usage.ru_maxrss as u64
    }
}
