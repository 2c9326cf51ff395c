"""Reads a "current transactions" API body the way the original Python project did and prints
selected values, one row per line, tab-separated, for PandasAPIFormatTests.

Usage: python3 read_api_payload.py BODY.json"""
import io
import json
import sys

import pandas as pd

with open(sys.argv[1], encoding="utf-8") as f:
    body = f.read()
inner = json.loads(body)  # first decoding: the body is a JSON string
# Exactly the original project's call; pandas converts `current_time` to datetimes itself.
frame = pd.read_json(io.StringIO(inner), orient="split")
# And without date conversion, to see the raw integers; precise_float because pandas' default
# float parser is not correctly rounded (it reads 3.72 as 3.7199999999999998).
raw = pd.read_json(io.StringIO(inner), orient="split", convert_dates=False, dtype=False, precise_float=True)
assert ((frame["amt"] - raw["amt"]).abs() <= 1e-9 * raw["amt"].abs()).all()

assert list(frame.columns) == json.loads(inner)["columns"], frame.columns
assert str(raw["cc_num"].dtype) == "int64", raw["cc_num"].dtype
for position in range(len(raw)):
    row = raw.iloc[position]
    label = row["is_fraud"]
    fields = [
        str(raw.index[position]),
        str(int(row["cc_num"])),
        row["merchant"],
        row["category"],
        repr(float(row["amt"])),
        str(row["dob"]),
        row["trans_num"],
        repr(float(row["merch_lat"])),
        "null" if pd.isna(label) else str(int(label)),
        str(int(row["current_time"])),
        frame["current_time"].iloc[position].strftime("%Y-%m-%d %H:%M:%S"),
    ]
    print("\t".join(fields))
