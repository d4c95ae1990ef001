//! Import benchmark: a generated corpus of 10 000 documents, 100 MB in all.
//!
//! `cargo run --release --example bench_import [-- DOCS MB]` prints documents
//! per second, MB per second and the peak resident memory of the process.
//! `BENCH_IMPORT_CORPUS=DIR` keeps the generated corpus in `DIR/DOCS-MB` for
//! later runs (written only when that folder does not hold it yet).

use std::path::Path;
use std::time::Instant;

use tualek::app::Project;
use tualek::import::ImportOptions;

const ENGLISH: &str = "In 2023 the authorities reported 96 trafficking cases, up from 46 a year \
    earlier; 1,255 workers came back, including 493 women, and each received 500,000 kip. ";
const LAO: &str = "ໃນປີ 2023 ເຈົ້າໜ້າທີ່ໄດ້ລາຍງານຄະດີຄ້າມະນຸດ 96 ຄະດີ, ແຮງງານ 1,255 ຄົນ ໄດ້ກັບຄືນມາ, \
    ໃນນັ້ນມີແມ່ຍິງ 493 ຄົນ ແລະ ແຕ່ລະຄົນໄດ້ຮັບເງິນ 500.000 ກີບ. ";

fn main() {
    let mut args = std::env::args().skip(1);
    let docs: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let megabytes: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(100);
    let per_doc = megabytes * 1_000_000 / docs;

    let dir = tempfile::tempdir().expect("temp dir");
    // Set to keep the project file for a closer look once the run is over.
    let keep = std::env::var_os("BENCH_IMPORT_KEEP");
    // Set to a folder to generate the corpus there once and reuse it on the
    // next runs (creating 10 000 files is slow on some file systems, and a
    // profiler then sees the import alone).
    // Each size of corpus has a folder of its own, so a run with other
    // DOCS or MB never reads (or adds to) another run's files.
    let kept = std::env::var_os("BENCH_IMPORT_CORPUS")
        .map(|d| Path::new(&d).join(format!("{docs}-{megabytes}")));
    let reusing = kept
        .as_ref()
        .is_some_and(|c| c.join(format!("{:03}", (docs - 1) / 100)).is_dir());
    let corpus = kept.unwrap_or_else(|| dir.path().join("corpus"));
    let started = Instant::now();
    let mut bytes = 0usize;
    for i in 0..docs {
        let unit = if i % 2 == 0 { ENGLISH } else { LAO };
        let mut text = format!("Document {i}\n\n");
        while text.len() < per_doc {
            text.push_str(unit);
            if text.len() % 7 == 0 {
                text.push('\n');
            }
        }
        let sub = corpus.join(format!("{:03}", i / 100));
        let (name, body) = if i % 10 == 9 {
            (
                format!("{i}.html"),
                format!("<html><body><p>{text}</p><script>x()</script></body></html>"),
            )
        } else {
            (format!("{i}.txt"), text)
        };
        bytes += body.len();
        if !reusing {
            std::fs::create_dir_all(&sub).unwrap();
            std::fs::write(sub.join(name), body).unwrap();
        }
    }
    println!(
        "generated {docs} documents, {:.1} MB, in {:.1} s",
        bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );

    let project = dir.path().join("bench.tualek");
    let mut p = Project::create(&project, "bench").unwrap();
    let started = Instant::now();
    let cpu_before = cpu_seconds();
    let report = p
        .import(&[corpus], &ImportOptions::default(), &mut |_| true)
        .expect("import");
    let secs = started.elapsed().as_secs_f64();
    let cpu = cpu_seconds() - cpu_before;
    assert_eq!(
        report.added.len(),
        docs,
        "refused: {:?}",
        report.refused.first()
    );
    println!(
        "imported {} documents in {secs:.2} s: {:.0} documents/s, {:.1} MB/s",
        report.added.len(),
        docs as f64 / secs,
        bytes as f64 / 1e6 / secs
    );
    // On a shared machine the wall clock also counts other processes' turns;
    // the CPU this process spent (user + system) does not.
    println!(
        "CPU time of the import: {cpu:.2} s ({:.1} MB per CPU second)",
        bytes as f64 / 1e6 / cpu
    );
    println!("figures found and stored: {}", report.figures);
    println!(
        "project file: {:.1} MB ({:.2}x the text)",
        file_mb(&project),
        file_mb(&project) * 1e6 / bytes as f64
    );
    println!("peak resident memory: {} MB", peak_rss_kb() / 1024);
    drop(p);
    print_space(&project);
    if let Some(keep) = keep {
        std::fs::copy(&project, &keep).expect("copy the project file");
    }
}

/// Where the bytes of the project file go, table by table (SQLite's dbstat),
/// largest first: the numbers to look at before changing the schema.
fn print_space(project: &Path) {
    let Ok(conn) =
        rusqlite::Connection::open_with_flags(project, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
    else {
        return;
    };
    let rows = conn
        .prepare("SELECT name, sum(pgsize), sum(ncell) FROM dbstat GROUP BY name ORDER BY 2 DESC");
    let Ok(mut rows) = rows else {
        println!("(this SQLite has no dbstat)");
        return;
    };
    let found = rows.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, i64>(2)?,
        ))
    });
    for (name, bytes, cells) in found.into_iter().flatten().flatten() {
        println!(
            "  {name:<32} {:>8.1} MB  {cells:>9} cells",
            bytes as f64 / 1e6
        );
    }
}

fn file_mb(path: &Path) -> f64 {
    std::fs::metadata(path)
        .map(|m| m.len() as f64 / 1e6)
        .unwrap_or(0.0)
}

/// User plus system CPU time of this process so far, in seconds.
#[cfg(unix)]
fn cpu_seconds() -> f64 {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: getrusage only writes the struct it is given.
    let usage = unsafe {
        if libc::getrusage(libc::RUSAGE_SELF, usage.as_mut_ptr()) != 0 {
            return 0.0;
        }
        usage.assume_init()
    };
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    secs(usage.ru_utime) + secs(usage.ru_stime)
}

#[cfg(not(unix))]
fn cpu_seconds() -> f64 {
    f64::NAN
}

/// VmHWM from /proc: the most memory the process ever held resident.
fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}
