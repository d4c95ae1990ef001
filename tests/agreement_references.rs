//! Tualek's agreement coefficients against the reference implementations on
//! PyPI (`krippendorff`, `statsmodels`, `sklearn`), to 1e-9, on generated
//! ratings with missing labels: `tests/consumers/agreement_check.py` does
//! the comparing. Under TUALEK_REQUIRE_TOOLS=1 (as `.ci/run` sets) missing
//! references fail the test.

mod common;

use common::tools::{consumer_check, consumers_python, tool_present};
use tualek::agreement::{Level, cohen_kappa, fleiss_kappa, krippendorff_alpha};

/// Ratings of `items` by `annotators` with `labels` labels, about one in
/// `gap` left out, from a linear congruential sequence (the same every run).
/// A few items copy another annotator's label, so agreement is not pure chance.
fn ratings(
    next: &mut impl FnMut(u64) -> u64,
    items: usize,
    annotators: usize,
    labels: u64,
    gap: u64,
) -> Vec<Vec<Option<f64>>> {
    (0..items)
        .map(|_| {
            let mut unit: Vec<Option<f64>> = Vec::with_capacity(annotators);
            for _ in 0..annotators {
                let label = match unit.last() {
                    Some(&Some(v)) if next(3) == 0 => v,
                    _ => next(labels) as f64,
                };
                unit.push((next(gap) != 0).then_some(label));
            }
            unit
        })
        .collect()
}

#[test]
fn coefficients_equal_the_python_references() {
    if !tool_present(
        &consumers_python(),
        &["-c", "import krippendorff, statsmodels, sklearn"],
        "krippendorff, statsmodels and scikit-learn (PyPI)",
    ) {
        return;
    }
    let mut seed = 0x7475_616c_656bu64;
    let mut next = move |n: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % n
    };
    let mut cases = Vec::new();
    for case in 0..61u64 {
        let annotators = 2 + (case % 4) as usize;
        let items = 3 + next(60) as usize;
        let labels = 2 + next(5);
        let gap = 3 + next(8);
        let mut units = ratings(&mut next, items, annotators, labels, gap);
        if case == 60 {
            // Everyone gave every item the same label: no coefficient is defined.
            units = vec![vec![Some(1.0); 3]; 5];
        }
        if case % 10 == 0 {
            // Interval values on a wider scale, as figures' values are.
            for v in units.iter_mut().flatten().flatten() {
                *v = *v * 1250.5 - 3.0;
            }
        }
        let both: Vec<(f64, f64)> = units.iter().filter_map(|u| Some((u[0]?, u[1]?))).collect();
        // Labels by their bits: equal exactly when the values are.
        let first: Vec<u64> = both.iter().map(|p| p.0.to_bits()).collect();
        let second: Vec<u64> = both.iter().map(|p| p.1.to_bits()).collect();
        let full: Vec<Vec<f64>> = units
            .iter()
            .filter_map(|u| u.iter().copied().collect::<Option<Vec<f64>>>())
            .collect();
        let mut seen: Vec<f64> = full.iter().flatten().copied().collect();
        seen.sort_by(f64::total_cmp);
        seen.dedup();
        let table: Vec<Vec<usize>> = full
            .iter()
            .map(|u| {
                seen.iter()
                    .map(|c| u.iter().filter(|v| *v == c).count())
                    .collect()
            })
            .collect();
        cases.push(serde_json::json!({
            "units": units,
            "nominal": krippendorff_alpha(&units, Level::Nominal),
            "interval": krippendorff_alpha(&units, Level::Interval),
            "cohen": cohen_kappa(&first, &second),
            "fleiss": fleiss_kappa(&table),
        }));
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cases.json");
    std::fs::write(&file, serde_json::to_string(&cases).unwrap()).unwrap();
    let said = consumer_check("agreement_check.py", &file).unwrap_or_else(|e| panic!("{e}"));
    assert!(said.starts_with("61 cases, 240 numbers"), "{said}");
    println!("{said}");
}
