"""Python XGBoost (PyPI) on the same model and rows as the Swift tests.

stdin: {"mode": "predict" | "train", "model": path, "rows": n, "columns": m, "values": [...] (NaN as null),
        "labels": [...] (train only), "feature_names": [...] (train only)}
predict: loads `model`, prints {"scores": [...], "margins": [...]}.
train: trains a small model on the rows, saves it to `model`, prints {"scores": [...]}.
"""
import json
import sys

import numpy as np
import xgboost as xgb

request = json.load(sys.stdin)
values = np.array([np.nan if v is None else v for v in request["values"]], dtype=np.float32)
matrix = values.reshape(request["rows"], request["columns"])

if request["mode"] == "predict":
    booster = xgb.Booster()
    booster.load_model(request["model"])
    data = xgb.DMatrix(matrix, missing=np.nan)
    print(json.dumps({
        "scores": booster.predict(data).astype(float).tolist(),
        "margins": booster.predict(data, output_margin=True).astype(float).tolist(),
    }))
else:
    data = xgb.DMatrix(matrix, label=np.array(request["labels"], dtype=np.float32), missing=np.nan,
                       feature_names=request["feature_names"])
    booster = xgb.train({"objective": "binary:logistic", "tree_method": "hist", "max_depth": 4, "eta": 0.3,
                         "nthread": 1, "seed": 0}, data, num_boost_round=20)
    booster.save_model(request["model"])
    print(json.dumps({"scores": booster.predict(data).astype(float).tolist()}))
