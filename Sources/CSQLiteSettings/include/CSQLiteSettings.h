#ifndef C_SQLITE_SETTINGS_H
#define C_SQLITE_SETTINGS_H

/// Turns off SQLite's process-wide memory statistics (`SQLITE_CONFIG_MEMSTATUS`), which take a global mutex around
/// every allocation. `sqlite3_config` is variadic, so Swift cannot call it directly. Works only before SQLite is
/// initialised (before the process opens its first connection); returns the `sqlite3_config` result code
/// (`SQLITE_MISUSE` when it came too late).
int fraud_sqlite_disable_memory_statistics(void);

#endif
