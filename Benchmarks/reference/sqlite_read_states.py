"""Reference for the feature-state restore bench: reads every card state of the bench scope with Python's sqlite3.

Usage: sqlite_read_states.py STATE.sqlite  -> prints the seconds taken (the same rows the Swift restore reads).
"""
import sqlite3
import sys
import time

connection = sqlite3.connect(sys.argv[1])
start = time.perf_counter()
rows = 0
size = 0
for partition in range(4):
    for cc_num, state in connection.execute(
            "SELECT cc_num, state FROM feature_cards WHERE consumer_group = 'bench' AND partition = ?", (partition,)):
        rows += 1
        size += len(state)
elapsed = time.perf_counter() - start
assert rows == 1_000_000, rows
print(elapsed)
