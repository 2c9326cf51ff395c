/* The floor of SQLite itself for the store write benchmark: the same 30-column table and indexes as the store,
   200k rows, a prepared statement bound through the C API, one transaction per batch; prints rows per wall second and
   per CPU second. KEY 0 = schema v3/v4 (unique index on the text trans_num), KEY 1 = schema v5 (unique integer
   trans_key, a 59-bit FNV-1a hash times 16, as the store writes it; no index on trans_num).
   Environment switches: ROWS (default 200000); NOMEMSTAT=1 turns SQLite's memory statistics off, as the store does;
   CARDHOUR=1 replaces the (cc_num, event_time) card index by the store's hour-led one (schema v6); NOCARD=1 drops it.
   Build and run: cc -O2 -o /tmp/sqlite_insert_floor Benchmarks/reference/sqlite_insert_floor.c -lsqlite3
   && NOMEMSTAT=1 CARDHOUR=1 /tmp/sqlite_insert_floor BATCH PAGE_SIZE WITH_SECONDARY_INDEXES(0|1) [KEY(0|1)]
   e.g. 5000 32768 1 1 for the store's v6 table */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <stdint.h>
static double cpu(void){struct timespec t;clock_gettime(CLOCK_PROCESS_CPUTIME_ID,&t);return t.tv_sec+t.tv_nsec/1e9;}
static double wall(void){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec+t.tv_nsec/1e9;}
static long long key(const char*s){uint64_t h=1469598103934665603ULL;while(*s){h^=(unsigned char)*s++;h*=1099511628211ULL;}return (long long)((h>>5)<<4);}
int main(int argc,char**argv){
  int N=getenv("ROWS")?atoi(getenv("ROWS")):200000,batch=atoi(argv[1]); int page=atoi(argv[2]); int idx=atoi(argv[3]); int keyed=argc>4&&atoi(argv[4]);
  unlink("/tmp/sqlite_insert_floor.db");unlink("/tmp/sqlite_insert_floor.db-wal");unlink("/tmp/sqlite_insert_floor.db-shm");
  if(getenv("NOMEMSTAT")) sqlite3_config(SQLITE_CONFIG_MEMSTATUS,0);
  sqlite3*db;sqlite3_open_v2("/tmp/sqlite_insert_floor.db",&db,SQLITE_OPEN_READWRITE|SQLITE_OPEN_CREATE|SQLITE_OPEN_NOMUTEX,0);
  char buf[512];snprintf(buf,512,"PRAGMA page_size=%d",page);sqlite3_exec(db,buf,0,0,0);
  sqlite3_exec(db,"PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;PRAGMA cache_size=-65536;PRAGMA wal_autocheckpoint=10000",0,0,0);
  char ddl[2048];snprintf(ddl,2048,"CREATE TABLE transactions (%s, row_index INTEGER, event_time INTEGER NOT NULL, cc_num INTEGER NOT NULL, merchant TEXT NOT NULL, category TEXT NOT NULL, amt REAL NOT NULL, first TEXT NOT NULL, last TEXT NOT NULL, gender TEXT NOT NULL, street TEXT NOT NULL, city TEXT NOT NULL, state TEXT NOT NULL, zip INTEGER NOT NULL, lat REAL NOT NULL, long REAL NOT NULL, city_pop INTEGER NOT NULL, job TEXT NOT NULL, dob TEXT NOT NULL, unix_time INTEGER, merch_lat REAL NOT NULL, merch_long REAL NOT NULL, source_label INTEGER, prediction INTEGER NOT NULL, score REAL NOT NULL, threshold REAL NOT NULL, model_version TEXT NOT NULL, reasons TEXT NOT NULL, scored_at INTEGER NOT NULL, latency_ms REAL NOT NULL, true_value INTEGER, labeled_at INTEGER, labeled_by TEXT)",keyed?"trans_num TEXT NOT NULL, trans_key INTEGER NOT NULL UNIQUE":"trans_num TEXT PRIMARY KEY NOT NULL");
  sqlite3_exec(db,ddl,0,0,0);
  if(idx) sqlite3_exec(db,"CREATE INDEX transactions_event_time ON transactions (event_time, trans_num);CREATE INDEX transactions_labelled ON transactions (labeled_at, trans_num) WHERE true_value IS NOT NULL",0,0,0);
  if(idx&&!getenv("NOCARD")) sqlite3_exec(db,getenv("CARDHOUR")?"CREATE INDEX transactions_card_hour ON transactions (event_time / 3600000, cc_num, event_time)":"CREATE INDEX transactions_card ON transactions (cc_num, event_time)",0,0,0);
  sqlite3_stmt*st;sqlite3_prepare_v2(db,keyed?"INSERT INTO transactions (trans_num,row_index,event_time,cc_num,merchant,category,amt,first,last,gender,street,city,state,zip,lat,long,city_pop,job,dob,unix_time,merch_lat,merch_long,source_label,prediction,score,threshold,model_version,reasons,scored_at,latency_ms,trans_key) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (trans_key) DO NOTHING":"INSERT INTO transactions (trans_num,row_index,event_time,cc_num,merchant,category,amt,first,last,gender,street,city,state,zip,lat,long,city_pop,job,dob,unix_time,merch_lat,merch_long,source_label,prediction,score,threshold,model_version,reasons,scored_at,latency_ms) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (trans_num) DO NOTHING",-1,&st,0);
  const char*reasons="[{\"feature\":\"amount_log\",\"value\":2.86,\"contribution\":0.4},{\"feature\":\"card_count_24h\",\"value\":3.0,\"contribution\":0.1}]";
  srand(1); double c0=cpu(),w0=wall();
  for(int o=0;o<N;o+=batch){
    sqlite3_exec(db,"BEGIN",0,0,0);
    for(int i=o;i<o+batch&&i<N;i++){
      char tn[33];for(int k=0;k<32;k++)tn[k]="0123456789abcdef"[rand()&15];tn[32]=0;
      sqlite3_reset(st);
      sqlite3_bind_text(st,1,tn,32,SQLITE_TRANSIENT);sqlite3_bind_int64(st,2,i);sqlite3_bind_int64(st,3,1600000000000LL+i*1000LL);
      sqlite3_bind_int64(st,4,4000000000000LL+(rand()%1000)*1000003LL);
      sqlite3_bind_text(st,5,"fraud_Kirlin and Sons",-1,SQLITE_TRANSIENT);sqlite3_bind_text(st,6,"personal_care",-1,SQLITE_TRANSIENT);
      sqlite3_bind_double(st,7,2.86);sqlite3_bind_text(st,8,"Jeff",-1,SQLITE_TRANSIENT);sqlite3_bind_text(st,9,"Elliott",-1,SQLITE_TRANSIENT);
      sqlite3_bind_text(st,10,"M",-1,SQLITE_TRANSIENT);sqlite3_bind_text(st,11,"351 Darlene Green",-1,SQLITE_TRANSIENT);sqlite3_bind_text(st,12,"Columbia",-1,SQLITE_TRANSIENT);
      sqlite3_bind_text(st,13,"SC",-1,SQLITE_TRANSIENT);sqlite3_bind_int64(st,14,29209);sqlite3_bind_double(st,15,33.9659);sqlite3_bind_double(st,16,-80.9355);
      sqlite3_bind_int64(st,17,333497);sqlite3_bind_text(st,18,"Mechanical engineer",-1,SQLITE_TRANSIENT);sqlite3_bind_text(st,19,"1968-03-19",-1,SQLITE_TRANSIENT);
      sqlite3_bind_int64(st,20,1371816865);sqlite3_bind_double(st,21,33.986391);sqlite3_bind_double(st,22,-81.200714);sqlite3_bind_int64(st,23,0);
      sqlite3_bind_int64(st,24,0);sqlite3_bind_double(st,25,0.123);sqlite3_bind_double(st,26,0.9);sqlite3_bind_text(st,27,"1",-1,SQLITE_TRANSIENT);
      sqlite3_bind_text(st,28,reasons,-1,SQLITE_TRANSIENT);sqlite3_bind_int64(st,29,1704067200000LL);sqlite3_bind_double(st,30,1.25);
      if(keyed) sqlite3_bind_int64(st,31,key(tn));
      if(sqlite3_step(st)!=SQLITE_DONE){printf("err %s\n",sqlite3_errmsg(db));return 1;}
    }
    sqlite3_exec(db,"COMMIT",0,0,0);
  }
  double c=cpu()-c0,w=wall()-w0;
  printf("batch %d page %d idx %d key %d: %.0f rows/s wall, %.0f rows/cpu-s\n",batch,page,idx,keyed,N/w,N/c);
  return 0;}
