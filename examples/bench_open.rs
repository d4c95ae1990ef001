//! Opening a big project: how long `Store::open` and `Store::open_read` take,
//! beside the page-by-page `PRAGMA quick_check` every open used to run and
//! the full `Store::check` that `tualek check` runs.
//!
//! `cargo run --release --example bench_open -- PROJECT [RUNS]` on an
//! existing project (make one with `tualek new` and `tualek import`); prints
//! the file's size and the median and the slowest of RUNS (default 7) runs.

use std::path::Path;
use std::time::{Duration, Instant};

use tualek::store::Store;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(project) = args.next() else {
        eprintln!("usage: bench_open PROJECT [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(7);
    let path = Path::new(&project);
    let size = std::fs::metadata(path).expect("the project").len();
    println!("{}: {:.0} MB", path.display(), size as f64 / 1e6);

    time("Store::open (to write)", runs, || {
        drop(Store::open(path).expect("opens"));
    });
    time("Store::open_read", runs, || {
        drop(Store::open_read(path).expect("opens"));
    });
    time("PRAGMA quick_check (each open before)", runs.min(3), || {
        let conn =
            rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
                .unwrap();
        let ok: String = conn
            .query_row("PRAGMA quick_check(1)", [], |r| r.get(0))
            .unwrap();
        assert_eq!(ok, "ok");
    });
    time("Store::check (tualek check)", 1, || {
        assert!(Store::check(path).unwrap().is_empty());
    });
}

fn time(what: &str, runs: usize, mut f: impl FnMut()) {
    let mut took: Vec<Duration> = (0..runs.max(1))
        .map(|_| {
            let started = Instant::now();
            f();
            started.elapsed()
        })
        .collect();
    took.sort();
    println!(
        "{what}: median {:.1} ms, slowest {:.1} ms ({} runs)",
        took[took.len() / 2].as_secs_f64() * 1e3,
        took[took.len() - 1].as_secs_f64() * 1e3,
        took.len()
    );
}
