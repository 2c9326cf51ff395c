"""Reference for the CSV read benchmark: seconds pandas.read_csv takes on the same file."""
import sys
import time

import pandas as pd

path = sys.argv[1]
start = time.perf_counter()
frame = pd.read_csv(path, index_col=0)
seconds = time.perf_counter() - start
print(f"{len(frame)} rows", file=sys.stderr)
print(seconds)
