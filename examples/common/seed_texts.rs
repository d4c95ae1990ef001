//! The benchmark texts built from the seed documents: their paragraphs,
//! split by language and shuffled into texts of a given size, the same
//! texts for every bench that includes this file.

/// Whether a paragraph is mostly Lao script.
pub fn is_lao(p: &str) -> bool {
    let lao = p
        .chars()
        .filter(|c| ('\u{0E80}'..='\u{0EFF}').contains(c))
        .count();
    lao * 3 > p.chars().filter(|c| !c.is_whitespace()).count()
}

/// The English and the Lao paragraphs of the `.txt` files in `dir`, in file order.
pub fn paragraphs(dir: &str) -> (Vec<String>, Vec<String>) {
    let mut en = Vec::new();
    let mut lo = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(dir)
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
    (en, lo)
}

/// At least `target` bytes of `paras` drawn at random (seeded), blank lines between.
pub fn build(paras: &[String], target: usize, seed: u64) -> String {
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut out = String::with_capacity(target + 4096);
    while out.len() < target && !paras.is_empty() {
        out.push_str(&paras[rng.usize(..paras.len())]);
        out.push_str("\n\n");
    }
    out
}
