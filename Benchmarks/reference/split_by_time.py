"""Splits a fraudTest-format file 70/30 by event time into two CSV files (for the model figures).

usage: split_by_time.py INPUT.csv.gz OUT_TRAIN.csv OUT_TEST.csv [TRAIN_FRACTION]
"""
import sys

import pandas as pd

source, train_path, test_path = sys.argv[1:4]
fraction = float(sys.argv[4]) if len(sys.argv) > 4 else 0.7
frame = pd.read_csv(source, index_col=0, dtype=str, keep_default_na=False)
frame = frame.sort_values("trans_date_trans_time", kind="stable")
cut = int(len(frame) * fraction)
frame.iloc[:cut].to_csv(train_path)
frame.iloc[cut:].to_csv(test_path)
print(f"{cut} training rows up to {frame.iloc[cut - 1].trans_date_trans_time}, {len(frame) - cut} test rows", file=sys.stderr)
