//! `tualek qa` on a generated TMX of many segments, as a user runs it: the
//! release binary as a child process, its wall time and peak memory.
//!
//! ```sh
//! cargo build --release
//! cargo run --release --example bench_qa_file [SEGMENTS]   # default 100 000
//! ```
//! `TUALEK_BIN` names another binary (default: target/release/tualek).

use std::io::Write;
use std::time::Instant;

/// Lao and English sentence patterns of our own; `{n}` is a figure. One in
/// ten pairs translates the number wrongly, one in twenty drops it.
const PAIRS: &[(&str, &str)] = &[
    (
        "ປີ {y} ມີແຮງງານກັບຄືນ {n} ຄົນ.",
        "In {y}, {n} workers came back.",
    ),
    ("ງົບປະມານແມ່ນ {n} ລ້ານ ກີບ.", "The budget is {n} million kip."),
    (
        "ມີເດັກນ້ອຍ {n} ຄົນ ໃນ {m} ເມືອງ.",
        "There were {n} children in {m} districts.",
    ),
    ("ອັດຕາແມ່ນ {n} ສ່ວນຮ້ອຍ.", "The rate is {n} percent."),
    (
        "ບໍ່ມີຕົວເລກໃນປະໂຫຍກນີ້ & ນັ້ນ.",
        "No figure in this sentence & that one.",
    ),
];

fn main() {
    let segments: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("big.tmx");
    write_tmx(&path, segments).expect("write the TMX");
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    let bin = std::env::var("TUALEK_BIN").unwrap_or_else(|_| "target/release/tualek".into());
    println!(
        "{segments} segments, {:.1} MB of TMX; running {bin} qa --format jsonl",
        size as f64 / 1e6
    );
    let started = Instant::now();
    let out = std::process::Command::new(&bin)
        .args(["qa", path.to_str().unwrap(), "--format", "jsonl"])
        .output()
        .expect("run tualek");
    let secs = started.elapsed().as_secs_f64();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let flagged = out.stdout.iter().filter(|&&b| b == b'\n').count();
    println!(
        "{:.2} s, {:.0} segments/s, {flagged} flagged, peak memory {:.0} MB ({})",
        secs,
        segments as f64 / secs,
        peak_child_rss_mb(),
        String::from_utf8_lossy(&out.stderr).trim()
    );
}

fn write_tmx(path: &std::path::Path, segments: usize) -> std::io::Result<()> {
    let mut w = std::io::BufWriter::new(std::fs::File::create(path)?);
    writeln!(w, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        w,
        r#"<tmx version="1.4"><header creationtool="bench" creationtoolversion="1" segtype="sentence" o-tmf="bench" adminlang="en" srclang="lo" datatype="plaintext"/><body>"#
    )?;
    for i in 0..segments {
        let (lo, en) = PAIRS[i % PAIRS.len()];
        let n = 10 + (i * 7919) % 90_000;
        let wrong = if i % 10 == 3 { n + 9 } else { n };
        let y = (2000 + i % 25).to_string();
        let m = (1 + i % 17).to_string();
        let lo = lo
            .replace("{n}", &n.to_string())
            .replace("{y}", &y)
            .replace("{m}", &m);
        let en = if i % 20 == 7 {
            en.replace("{n} ", "").replace("{y}", &y).replace("{m}", &m)
        } else {
            en.replace("{n}", &wrong.to_string())
                .replace("{y}", &y)
                .replace("{m}", &m)
        };
        let esc = |s: &str| s.replace('&', "&amp;");
        writeln!(
            w,
            r#"<tu><tuv xml:lang="lo"><seg>{}</seg></tuv><tuv xml:lang="en"><seg>{}</seg></tuv></tu>"#,
            esc(&lo),
            esc(&en)
        )?;
    }
    writeln!(w, "</body></tmx>")?;
    w.flush()
}

/// The largest resident set of any waited-for child, in MB.
fn peak_child_rss_mb() -> f64 {
    #[cfg(unix)]
    {
        let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
        // SAFETY: getrusage fills the struct it is given.
        let usage = unsafe {
            libc::getrusage(libc::RUSAGE_CHILDREN, usage.as_mut_ptr());
            usage.assume_init()
        };
        usage.ru_maxrss as f64 / 1024.0
    }
    #[cfg(not(unix))]
    {
        f64::NAN
    }
}
