//! `cargo run --release --example bench_align [SENTENCES]`: the sentence
//! aligner on a generated translation pair (default 10 000 sentences a
//! side; every 97th sentence left out of the Lao, every 89th pair merged):
//! time to extract, to split and to align, and the beads found.

use std::time::Instant;

use tualek::align::sentences::{align, split};
use tualek::app::extract::found_figures;

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    let (en, lo) = generated(n);
    let t = Instant::now();
    let a = found_figures(1, &en);
    let b = found_figures(2, &lo);
    let extract = t.elapsed();
    let t = Instant::now();
    let (se, sl) = (split(&en), split(&lo));
    let splitting = t.elapsed();
    let t = Instant::now();
    let beads = align(&en, &a, &lo, &b);
    let aligning = t.elapsed();
    println!(
        "{} English / {} Lao sentences, {} + {} figures: extract {:.2?}, split {:.2?}, align {:.2?} ({:.0} sentences/s), {} beads",
        se.len(),
        sl.len(),
        a.len(),
        b.len(),
        extract,
        splitting,
        aligning,
        (se.len() + sl.len()) as f64 / aligning.as_secs_f64(),
        beads.len()
    );
}

fn generated(n: usize) -> (String, String) {
    let (mut en, mut lo) = (String::new(), String::new());
    let mut k = 0;
    while k < n {
        let trees = 100 + (k * 37) % 9000;
        en.push_str(&format!(
            "Village {k} planted {trees} trees near the river. "
        ));
        if k % 89 == 5 && k + 1 < n {
            let more = 100 + ((k + 1) * 37) % 9000;
            en.push_str(&format!(
                "Village {} planted {more} trees near the river. ",
                k + 1
            ));
            lo.push_str(&format!(
                "ບ້ານ {k} ປູກຕົ້ນໄມ້ {trees} ຕົ້ນ ແລະ ບ້ານ {} ປູກ {more} ຕົ້ນ ໃກ້ແມ່ນ້ຳ. ",
                k + 1
            ));
            k += 2;
            continue;
        }
        if k % 97 != 3 {
            lo.push_str(&format!("ບ້ານ {k} ປູກຕົ້ນໄມ້ {trees} ຕົ້ນ ໃກ້ແມ່ນ້ຳ. "));
        }
        k += 1;
    }
    (en, lo)
}
