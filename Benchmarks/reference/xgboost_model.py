"""References for the model benchmark: Python XGBoost on the very matrix and model the Swift side used.

usage:
  xgboost_model.py train MATRIX.f32 LABELS.f32 ROWS COLUMNS ROUNDS THREADS PARAMS.json  -> prints training seconds
  xgboost_model.py predict MODEL.json MATRIX.f32 ROWS COLUMNS THREADS                  -> prints rows/s and rows per CPU-second (best of 3 each)
MATRIX.f32 is row-major little-endian float32 with NaN for missing; LABELS.f32 one float32 per row.
"""
import json
import sys
import time

import numpy as np
import xgboost as xgb

mode = sys.argv[1]
if mode == "train":
    matrix_path, labels_path, rows, columns, rounds, threads, params_path = sys.argv[2:9]
    matrix = np.fromfile(matrix_path, dtype="<f4").reshape(int(rows), int(columns))
    labels = np.fromfile(labels_path, dtype="<f4")
    params = json.load(open(params_path))
    params["nthread"] = int(threads)
    # Same scope as the Swift figure: DMatrix construction plus boosting.
    start = time.perf_counter()
    data = xgb.DMatrix(matrix, label=labels, missing=np.nan, nthread=int(threads))
    xgb.train(params, data, num_boost_round=int(rounds))
    print(time.perf_counter() - start)
else:
    model_path, matrix_path, rows, columns, threads = sys.argv[2:7]
    matrix = np.fromfile(matrix_path, dtype="<f4").reshape(int(rows), int(columns))
    booster = xgb.Booster()
    booster.load_model(model_path)
    booster.set_param({"nthread": int(threads)})
    # DMatrix built outside the timing: only `predict` is measured (the stricter comparison). A fresh
    # DMatrix per run, since XGBoost caches the predictions of a DMatrix it has seen.
    best = best_cpu = float("inf")
    for _ in range(3):
        data = xgb.DMatrix(matrix, missing=np.nan, nthread=int(threads))
        start, start_cpu = time.perf_counter(), time.process_time()
        booster.predict(data)
        best = min(best, time.perf_counter() - start)
        best_cpu = min(best_cpu, time.process_time() - start_cpu)
    print(int(rows) / best, int(rows) / best_cpu)
