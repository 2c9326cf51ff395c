"""Where SQLite batch-insert time goes: the same 30-column rows (bench-out/store-rows.csv, written by
`fraud-bench store`) into tables with and without the random-key primary key and secondary indexes."""
import sqlite3, time, os, csv
rows=[tuple(r) for r in csv.reader(open('bench-out/store-rows.csv'))]
cols=30
def run(name, ddl, pragmas=()):
    p='/tmp/sqexp.db'
    for s in ['','-wal','-shm']:
        try: os.remove(p+s)
        except FileNotFoundError: pass
    c=sqlite3.connect(p,isolation_level=None); c.execute("PRAGMA journal_mode=WAL"); c.execute("PRAGMA synchronous=NORMAL")
    for q in pragmas: c.execute(q)
    for q in ddl: c.execute(q)
    sql="INSERT INTO t VALUES (%s)"%",".join("?"*cols)
    t=time.perf_counter()
    for i in range(0,len(rows),5000):
        c.execute("BEGIN"); c.executemany(sql,rows[i:i+5000]); c.execute("COMMIT")
    print(name, int(len(rows)/(time.perf_counter()-t)))
colsdef=",".join("c%d"%i for i in range(cols))
base="CREATE TABLE t (c0 TEXT PRIMARY KEY NOT NULL,%s)"%",".join("c%d"%i for i in range(1,cols))
run("pk+2idx", [base,"CREATE INDEX i1 ON t(c2,c0)","CREATE INDEX i2 ON t(c3,c2)"])
run("pk only", [base])
run("rowid only", ["CREATE TABLE t (%s)"%colsdef])
run("pk+2idx cache64M ckpt10k", [base,"CREATE INDEX i1 ON t(c2,c0)","CREATE INDEX i2 ON t(c3,c2)"], ["PRAGMA cache_size=-65536","PRAGMA wal_autocheckpoint=10000"])
run("without rowid +2idx", [base+" WITHOUT ROWID","CREATE INDEX i1 ON t(c2,c0)","CREATE INDEX i2 ON t(c3,c2)"], ["PRAGMA cache_size=-65536"])
