//! The architecture's one-way flow, checked in the source: each layer names
//! only those below it. A layer that reached up (the command line into the
//! GUI, a panel into SQL, the extractor into the store) fails here with the
//! file and line.

use std::path::Path;

/// Lines of `src/DIR/**.rs` (or `src/DIR.rs`) that name any of `forbidden`.
fn offending(dir: &str, forbidden: &[&str]) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    let mut dirs = vec![root.join(dir)];
    let single = root.join(format!("{dir}.rs"));
    if single.is_file() {
        files.push(single);
    }
    while let Some(d) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries {
            let p = e.unwrap().path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                files.push(p);
            }
        }
    }
    assert!(!files.is_empty(), "no sources under src/{dir}");
    let mut found = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if forbidden.iter().any(|w| code.contains(w)) {
                found.push(format!("{}:{}: {}", f.display(), n + 1, line.trim()));
            }
        }
    }
    found
}

#[test]
fn the_command_line_never_names_the_gui() {
    assert_eq!(
        offending("cli", &["crate::ui", "egui", "eframe"]),
        Vec::<String>::new()
    );
}

#[test]
fn panels_never_touch_sql() {
    assert_eq!(
        offending("ui", &["rusqlite", "Store::open", "Store::create"]),
        Vec::<String>::new()
    );
}

#[test]
fn the_extractor_and_the_model_do_no_io_and_know_no_layer_above() {
    let above = [
        "crate::store",
        "crate::app",
        "crate::ui",
        "crate::cli",
        "rusqlite",
        "std::fs",
        "egui",
    ];
    assert_eq!(offending("extract", &above), Vec::<String>::new());
    assert_eq!(offending("model", &above), Vec::<String>::new());
    assert_eq!(offending("agreement", &above), Vec::<String>::new());
}
