//! `cargo run --release --example scan -- FILE…`: prints the figures of each
//! file as gold-form JSON Lines (offsets in code points) for the scorer.

use std::io::Write;

fn main() {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for path in std::env::args().skip(1) {
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{path}: {e}");
                std::process::exit(1);
            }
        };
        let name = std::path::Path::new(&path)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or(path.clone());
        for r in tualek::extract::records(&name, &text) {
            let line = serde_json::to_string(&r).expect("records serialize");
            writeln!(out, "{line}").expect("stdout");
        }
    }
}
