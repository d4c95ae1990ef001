"""Recomputes Tualek's agreement coefficients with the reference implementations.

usage: agreement_check.py CASES.json
Each case holds the ratings (units x annotators, null where an annotator gave
no label) and the numbers Tualek computed from them. Cohen's kappa is
sklearn.metrics.cohen_kappa_score over the first two annotators' common
items, Fleiss' kappa statsmodels' fleiss_kappa over the count table of the
items every annotator labelled, Krippendorff's alpha the krippendorff
package's, nominal and interval. A number Tualek leaves undefined (null) must
be undefined (NaN or an error) there too. Exits 1 with the first difference
over 1e-9; prints the number of cases and the largest difference.
"""
import json
import math
import sys
import warnings

import krippendorff
import numpy as np
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import fleiss_kappa

warnings.simplefilter("ignore")


def reference(fn):
    try:
        value = float(fn())
    except (ValueError, ZeroDivisionError):
        return None
    return None if math.isnan(value) else value


def main(path):
    cases = json.load(open(path, encoding="utf-8"))
    worst = 0.0
    compared = 0
    for n, case in enumerate(cases):
        units = case["units"]
        data = np.array([[np.nan if v is None else v for v in u] for u in units], dtype=float).T
        both = [u for u in units if u[0] is not None and u[1] is not None]
        full = [u for u in units if all(v is not None for v in u)]
        labels = sorted({v for u in full for v in u})
        table = np.array([[u.count(c) for c in labels] for u in full])
        refs = {
            "nominal": lambda: krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"),
            "interval": lambda: krippendorff.alpha(reliability_data=data, level_of_measurement="interval"),
            # As strings: sklearn refuses float labels as continuous.
            "cohen": lambda: cohen_kappa_score([str(u[0]) for u in both], [str(u[1]) for u in both]),
            "fleiss": lambda: fleiss_kappa(table),
        }
        for key, fn in refs.items():
            ours = case[key]
            theirs = reference(fn)
            if (ours is None) != (theirs is None):
                sys.exit(f"case {n} {key}: Tualek {ours}, reference {theirs}")
            if ours is not None:
                compared += 1
                worst = max(worst, abs(ours - theirs))
                if abs(ours - theirs) > 1e-9:
                    sys.exit(f"case {n} {key}: Tualek {ours!r}, reference {theirs!r}")
    print(f"{len(cases)} cases, {compared} numbers compared, largest difference {worst:.1e}")


if __name__ == "__main__":
    main(sys.argv[1])
