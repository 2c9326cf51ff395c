"""SciPy reference values for the FraudDrift parity tests.

Reads one JSON object on stdin (cases built by Tests/FraudDriftTests/SciPyParityTests.swift)
and prints one JSON object with SciPy's answers. Evidently's stattests are restated here in a
few lines each (from evidently/legacy/calculations/stattests) so Evidently itself is not needed.
"""
import json
import sys

import numpy as np
import pandas as pd
from scipy import stats
from scipy.spatial import distance


def evidently_binned(reference, current, numerical, fill_zeroes):
    """Evidently's get_binned_data (legacy stattests/utils.py)."""
    reference = pd.Series(reference)
    current = pd.Series(current)
    if numerical and reference.nunique() > 20:
        bins = np.histogram_bin_edges(pd.concat([reference, current]).values, bins="sturges")
        ref = np.histogram(reference, bins)[0] / len(reference)
        cur = np.histogram(current, bins)[0] / len(current)
    else:
        keys = list(set(reference.dropna().unique()) | set(current.dropna().unique()))
        rc = {**dict.fromkeys(keys, 0), **dict(reference.value_counts())}
        cc = {**dict.fromkeys(keys, 0), **dict(current.value_counts())}
        ref = np.array([rc[k] / len(reference) for k in keys])
        cur = np.array([cc[k] / len(current) for k in keys])
    if fill_zeroes:
        for arr in (ref, cur):
            smallest = min(arr[arr != 0])
            np.place(arr, arr == 0, smallest / 10**6 if smallest <= 0.0001 else 0.0001)
    return ref, cur


def chisquare(reference, current):
    reference = pd.Series(reference)
    current = pd.Series(current)
    keys = list(set(reference.unique()) | set(current.unique()))
    rc = {**dict.fromkeys(keys, 0), **dict(reference.value_counts())}
    cc = {**dict.fromkeys(keys, 0), **dict(current.value_counts())}
    k = current.shape[0] / reference.shape[0]
    result = stats.chisquare([cc[key] for key in keys], [rc[key] * k for key in keys])
    return [float(result.statistic), float(result.pvalue)]


def z_test(reference, current):
    reference = pd.Series(reference)
    current = pd.Series(current)
    if reference.nunique() == 1 and current.nunique() == 1 and reference.unique()[0] == current.unique()[0]:
        return [0.0, 1.0]
    first = sorted(set(reference.unique()) | set(current.unique()))[0]
    ref = reference.apply(lambda x: 0 if x == first else 1)
    cur = current.apply(lambda x: 0 if x == first else 1)
    n1, n2 = len(ref), len(cur)
    p1, p2 = float(sum(ref)) / n1, float(sum(cur)) / n2
    pooled = float(p1 * n1 + p2 * n2) / (n1 + n2)
    z = (p1 - p2) / np.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2))
    return [float(z), float(2 * (1 - stats.norm.cdf(np.abs(z))))]


def main():
    cases = json.load(sys.stdin)
    out = {}
    out["ks"] = []
    for case in cases.get("ks", []):
        r = stats.ks_2samp(case["reference"], case["current"])
        out["ks"].append([float(r.statistic), float(r.pvalue)])
    out["kstwo"] = [float(stats.kstwo.sf(x, n)) for n, x in cases.get("kstwo", [])]
    out["chi2sf"] = [float(stats.chi2.sf(x, df)) for x, df in cases.get("chi2sf", [])]
    out["normcdf"] = [float(stats.norm.cdf(x)) for x in cases.get("normcdf", [])]
    out["chisquare"] = [chisquare(c["reference"], c["current"]) for c in cases.get("chisquare", [])]
    out["z"] = [z_test(c["reference"], c["current"]) for c in cases.get("z", [])]
    out["wasserstein"] = []
    for case in cases.get("wasserstein", []):
        raw = stats.wasserstein_distance(case["reference"], case["current"])
        out["wasserstein"].append([float(raw), float(raw / max(float(np.std(case["reference"])), 0.001))])
    out["jensenshannon"] = []
    out["psi"] = []
    for case in cases.get("binned", []):
        numerical = case["numerical"]
        ref, cur = evidently_binned(case["reference"], case["current"], numerical, False)
        out["jensenshannon"].append(float(distance.jensenshannon(ref, cur)))
        ref, cur = evidently_binned(case["reference"], case["current"], numerical, True)
        out["psi"].append(float(np.sum((ref - cur) * np.log(ref / cur))))
    json.dump({key: [clean(value) for value in values] for key, values in out.items()}, sys.stdout)


def clean(value):
    """Every answer as a list of numbers; non-finite numbers become null (JSON has no infinity)."""
    values = value if isinstance(value, list) else [value]
    return [v if np.isfinite(v) else None for v in values]


if __name__ == "__main__":
    main()
