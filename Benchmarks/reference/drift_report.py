"""Reference for the drift benchmark: Evidently's default large-sample stattests restated with
SciPy/NumPy (normalised Wasserstein for numerical columns, Jensen-Shannon on value shares for
categorical ones), timed over the same columns the Swift benchmark tests.
Prints "<milliseconds> <drifted columns>" on its last line."""
import sys
import time

import numpy as np
import pandas as pd
from scipy import stats
from scipy.spatial import distance


def main(path):
    frame = pd.read_csv(path, dtype={"value": str})
    columns = {}
    for (sample, name, kind), group in frame.groupby(["sample", "column", "kind"], sort=False):
        values = group["value"].astype(float).to_numpy() if kind == "n" else group["value"].to_numpy()
        columns.setdefault(name, {})[sample] = (kind, values)
    start = time.perf_counter()
    drifted = 0
    for name, samples in columns.items():
        kind, reference = samples["reference"]
        _, current = samples["current"]
        if kind == "n" and len(np.unique(np.concatenate([reference, current]))) > 5:
            score = stats.wasserstein_distance(reference, current) / max(float(np.std(reference)), 0.001)
        else:
            ref, cur = pd.Series(reference), pd.Series(current)
            keys = list(set(ref.unique()) | set(cur.unique()))
            rc, cc = ref.value_counts(), cur.value_counts()
            score = distance.jensenshannon(
                np.array([rc.get(k, 0) / len(ref) for k in keys]), np.array([cc.get(k, 0) / len(cur) for k in keys]))
        drifted += score >= 0.1
    print(f"{(time.perf_counter() - start) * 1000:.3f} {drifted}")


if __name__ == "__main__":
    main(sys.argv[1])
