"""Reference for the SQLite write benchmark: seconds (wall, then CPU) Python's sqlite3 executemany takes to insert the same rows,
batch by batch (one transaction per batch), into a freshly migrated store database (same table and indexes). The
integer key `trans_key` is Python's own 59-bit string hash times 16 (a hash other than the store's, same SQLite work)."""
import csv
import sqlite3
import sys
import time

database, csv_path, batch_size = sys.argv[1], sys.argv[2], int(sys.argv[3])
COLUMNS = ["trans_num", "row_index", "event_time", "cc_num", "merchant", "category", "amt", "first", "last", "gender",
           "street", "city", "state", "zip", "lat", "long", "city_pop", "job", "dob", "unix_time", "merch_lat",
           "merch_long", "source_label", "prediction", "score", "threshold", "model_version", "reasons", "scored_at",
           "latency_ms"]
INTEGER = {"row_index", "event_time", "cc_num", "zip", "city_pop", "unix_time", "source_label", "prediction", "scored_at"}
REAL = {"amt", "lat", "long", "merch_lat", "merch_long", "score", "threshold", "latency_ms"}


def convert(name, value):
    if name in INTEGER:
        return int(value) if value != "" else None
    if name in REAL:
        return float(value)
    return value


with open(csv_path, newline="") as handle:
    rows = [tuple(convert(name, value) for name, value in zip(COLUMNS, record)) + ((hash(record[0]) & (2**59 - 1)) << 4,)
            for record in csv.reader(handle)]

connection = sqlite3.connect(database, isolation_level=None)
connection.execute("PRAGMA journal_mode = WAL")
connection.execute("PRAGMA synchronous = NORMAL")
sql = (f"INSERT INTO transactions ({', '.join(COLUMNS)}, trans_key) VALUES ({', '.join('?' * (len(COLUMNS) + 1))}) "
       "ON CONFLICT (trans_key) DO NOTHING")
start, cpu_start = time.perf_counter(), time.process_time()
for offset in range(0, len(rows), batch_size):
    connection.execute("BEGIN")
    connection.executemany(sql, rows[offset:offset + batch_size])
    connection.execute("COMMIT")
seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
print(f"{len(rows)} rows", file=sys.stderr)
print(seconds, cpu_seconds)
