"""Expected detection indices for the streaming detector tests, from river itself.

Run once by hand (river is not needed in CI):
    python3 -m venv /tmp/rivervenv && /tmp/rivervenv/bin/pip install river
    /tmp/rivervenv/bin/python Tests/Python/drift/river_streams.py
It writes Tests/FraudDriftTests/Fixtures/river_streams.json (the two streams from river's own
tests and docs, which come from NumPy's and Python's generators and so are stored as values)
and prints river's detection indices, which DriftDetectorTests.swift records.
The error-rate streams are generated from SplitMix64 here and in the Swift test alike.
"""
import json
import os
import random

import numpy as np
import river
from river import drift

MASK = (1 << 64) - 1


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def unit(self):
        return (self.next() >> 11) * 2.0**-53


def error_stream(seed, segments):
    """Bernoulli errors: for each (count, rate), count draws of unit() < rate as 0/1."""
    rng = SplitMix64(seed)
    return [1.0 if rng.unit() < rate else 0.0 for count, rate in segments for _ in range(count)]


def detections(detector, stream):
    found = []
    for i, value in enumerate(stream):
        detector.update(value)
        if detector.drift_detected:
            found.append(i)
    return found


def main():
    np.random.seed(12345)
    river_test_stream = np.concatenate((np.random.randint(2, size=1000), np.random.randint(8, size=1000))).tolist()
    rng = random.Random(12345)
    river_doc_stream = rng.choices([0, 1], k=1000) + rng.choices(range(4, 8), k=1000)
    here = os.path.dirname(os.path.abspath(__file__))
    fixture = os.path.join(here, "..", "..", "FraudDriftTests", "Fixtures", "river_streams.json")
    with open(fixture, "w") as f:
        json.dump({"river_version": river.__version__, "test_stream": river_test_stream, "doc_stream": river_doc_stream}, f)

    errors = error_stream(42, [(3000, 0.05), (2000, 0.25), (3000, 0.05)])
    gradual = error_stream(7, [(2000, 0.02), (2000, 0.06), (2000, 0.12)])
    print("river", river.__version__)
    print("test_stream ADWIN", detections(drift.ADWIN(), river_test_stream))
    print("test_stream PageHinkley", detections(drift.PageHinkley(), river_test_stream))
    print("doc_stream ADWIN", detections(drift.ADWIN(), river_doc_stream))
    print("doc_stream PageHinkley", detections(drift.PageHinkley(), river_doc_stream))
    print("errors ADWIN", detections(drift.ADWIN(), errors))
    print("errors ADWIN(delta=0.01, clock=1)", detections(drift.ADWIN(delta=0.01, clock=1), errors))
    print("errors PageHinkley", detections(drift.PageHinkley(), errors))
    print("errors PageHinkley(threshold=10, mode=up)", detections(drift.PageHinkley(threshold=10, mode="up"), errors))
    print("gradual ADWIN", detections(drift.ADWIN(), gradual))
    print("gradual PageHinkley(threshold=20, delta=0.001)", detections(drift.PageHinkley(threshold=20, delta=0.001), gradual))
    print("errors sum", sum(errors), "gradual sum", sum(gradual))


if __name__ == "__main__":
    main()
