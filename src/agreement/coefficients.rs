//! Cohen's κ, Fleiss' κ and Krippendorff's α.

use std::collections::BTreeMap;

/// Cohen's κ of two annotators' labels for the same items, item by item:
/// (p_o − p_e) / (1 − p_e), chance agreement p_e from each annotator's own
/// label shares. `None` for no items, unequal lengths, or p_e = 1.
pub fn cohen_kappa<L: Ord>(a: &[L], b: &[L]) -> Option<f64> {
    if a.is_empty() || a.len() != b.len() {
        return None;
    }
    let n = a.len() as f64;
    let mut shares: BTreeMap<&L, (f64, f64)> = BTreeMap::new();
    let mut same = 0.0;
    for (x, y) in a.iter().zip(b) {
        shares.entry(x).or_default().0 += 1.0;
        shares.entry(y).or_default().1 += 1.0;
        if x == y {
            same += 1.0;
        }
    }
    let observed = same / n;
    let expected: f64 = shares.values().map(|(p, q)| (p / n) * (q / n)).sum();
    ratio(observed - expected, 1.0 - expected)
}

/// Fleiss' κ of a table of counts: a row per item, a column per label, each
/// cell how many annotators gave the item that label.
///
/// As statsmodels computes it: each item's agreement is taken over the
/// largest number of annotators of any item, so the table should hold items
/// every annotator labelled (the caller chooses them).
pub fn fleiss_kappa(table: &[Vec<usize>]) -> Option<f64> {
    let labels = table.first()?.len();
    if labels == 0 || table.iter().any(|row| row.len() != labels) {
        return None;
    }
    let raters = table.iter().map(|row| row.iter().sum::<usize>()).max()? as f64;
    let total: usize = table.iter().flatten().sum();
    if raters < 2.0 || total == 0 {
        return None;
    }
    let mut column = vec![0.0; labels];
    let mut agreement = 0.0;
    for row in table {
        let squares: f64 = row.iter().map(|&c| (c * c) as f64).sum();
        agreement += (squares - raters) / (raters * (raters - 1.0));
        for (sum, &c) in column.iter_mut().zip(row) {
            *sum += c as f64;
        }
    }
    let observed = agreement / table.len() as f64;
    let expected: f64 = column
        .iter()
        .map(|c| (c / total as f64) * (c / total as f64))
        .sum();
    ratio(observed - expected, 1.0 - expected)
}

/// What a label's difference from another means to Krippendorff's α.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Labels are equal or not (decisions, kinds).
    Nominal,
    /// Labels are numbers; a difference weighs its square (values).
    Interval,
}

/// Krippendorff's α of `units`: for each item, the label each annotator
/// gave it, `None` where one gave none. Items with fewer than two labels
/// cannot be compared and are left out, as the reference does.
///
/// α = 1 − D_o / D_e, from the coincidence of labels within items:
/// D_o = Σ o_ck δ_ck / n, D_e = Σ n_c n_k δ_ck / (n (n − 1)).
pub fn krippendorff_alpha(units: &[Vec<Option<f64>>], level: Level) -> Option<f64> {
    let delta = |c: f64, k: f64| match level {
        Level::Nominal => f64::from(u8::from(c != k)),
        Level::Interval => (c - k) * (c - k),
    };
    // The distinct labels, in order, and o_ck as a dense matrix over them.
    let mut values: Vec<f64> = units.iter().flatten().flatten().copied().collect();
    values.sort_by(f64::total_cmp);
    values.dedup();
    let index = |v: f64| {
        values
            .binary_search_by(|x| x.total_cmp(&v))
            .expect("every label is among the values")
    };
    let m = values.len();
    let mut coincidence = vec![0.0; m * m];
    for unit in units {
        let labels: Vec<usize> = unit.iter().flatten().map(|&v| index(v)).collect();
        let pairable = labels.len();
        if pairable < 2 {
            continue;
        }
        let weight = 1.0 / (pairable - 1) as f64;
        for (i, &c) in labels.iter().enumerate() {
            for (j, &k) in labels.iter().enumerate() {
                if i != j {
                    coincidence[c * m + k] += weight;
                }
            }
        }
    }
    let margins: Vec<f64> = (0..m)
        .map(|c| coincidence[c * m..(c + 1) * m].iter().sum())
        .collect();
    let n: f64 = margins.iter().sum();
    if n <= 1.0 {
        return None;
    }
    let (mut observed, mut expected) = (0.0, 0.0);
    for c in 0..m {
        for k in 0..m {
            let d = delta(values[c], values[k]);
            observed += coincidence[c * m + k] * d;
            expected += margins[c] * margins[k] * d;
        }
    }
    ratio(observed / n, expected / (n * (n - 1.0))).map(|r| 1.0 - r)
}

fn ratio(top: f64, bottom: f64) -> Option<f64> {
    (bottom != 0.0).then(|| top / bottom)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(got: Option<f64>, want: f64, tolerance: f64) {
        let got = got.expect("defined");
        assert!((got - want).abs() < tolerance, "{got} is not {want}");
    }

    /// p_o = 4/5; shares 2/5 and 3/5 against 3/5 and 2/5, p_e = 12/25:
    /// κ = (0.8 − 0.48) / 0.52 = 8/13.
    #[test]
    fn cohen_by_hand() {
        let a = ["no", "yes", "yes", "no", "yes"];
        let b = ["no", "yes", "no", "no", "yes"];
        close(cohen_kappa(&a, &b), 8.0 / 13.0, 1e-12);
        close(cohen_kappa(&a, &a), 1.0, 1e-12);
        assert_eq!(cohen_kappa(&["x", "x"], &["x", "x"]), None, "p_e = 1");
        assert_eq!(cohen_kappa::<&str>(&[], &[]), None);
    }

    /// Two items, three annotators, two labels: rows (3, 0) and (1, 2).
    /// Item agreement (9 − 3)/6 = 1 and (1 + 4 − 3)/6 = 1/3, mean 2/3;
    /// label shares 4/6 and 2/6, chance 16/36 + 4/36 = 5/9;
    /// κ = (2/3 − 5/9) / (4/9) = 1/4.
    #[test]
    fn fleiss_by_hand() {
        close(fleiss_kappa(&[vec![3, 0], vec![1, 2]]), 0.25, 1e-12);
        assert_eq!(fleiss_kappa(&[vec![2, 0], vec![2, 0]]), None, "chance = 1");
        assert_eq!(fleiss_kappa(&[]), None);
    }

    /// Fleiss' own worked example as Wikipedia gives it (10 items, 14
    /// annotators, 5 labels): κ ≈ 0.210.
    #[test]
    fn fleiss_worked_example() {
        let table = [
            [0, 0, 0, 0, 14],
            [0, 2, 6, 4, 2],
            [0, 0, 3, 5, 6],
            [0, 3, 9, 2, 0],
            [2, 2, 8, 1, 1],
            [7, 7, 0, 0, 0],
            [3, 2, 6, 3, 0],
            [2, 5, 3, 2, 2],
            [6, 5, 2, 1, 0],
            [0, 2, 2, 3, 7],
        ]
        .map(|r| r.to_vec());
        close(fleiss_kappa(&table), 0.20993, 1e-5);
    }

    /// Krippendorff's own example (4 annotators, 12 items, some labels
    /// missing): α = 0.743 nominal, 0.849 interval, as he publishes it.
    #[test]
    fn krippendorff_published_example() {
        // 0 marks a missing label (the example's labels are 1 to 5).
        let rows = [
            [1, 2, 3, 3, 2, 1, 4, 1, 2, 0, 0, 0],
            [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, 0, 3],
            [0, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, 0],
            [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, 0],
        ]
        .map(|r| r.map(|v: u8| (v > 0).then_some(f64::from(v))));
        let units: Vec<Vec<Option<f64>>> = (0..12)
            .map(|u| rows.iter().map(|r| r[u]).collect())
            .collect();
        close(krippendorff_alpha(&units, Level::Nominal), 0.743, 5e-4);
        close(krippendorff_alpha(&units, Level::Interval), 0.849, 5e-4);
        let agree = vec![vec![Some(1.0), Some(1.0)], vec![Some(2.0), Some(2.0), None]];
        close(krippendorff_alpha(&agree, Level::Nominal), 1.0, 1e-12);
        let lone = vec![vec![Some(1.0), None]];
        assert_eq!(
            krippendorff_alpha(&lone, Level::Nominal),
            None,
            "nothing pairable"
        );
    }
}
