import CSQLiteSettings
import GRDBSQLite

/// SQLite settings that hold for the whole process, applied once before its first connection.
enum SQLiteProcessSettings {
    /// Whether SQLite's memory statistics are off. They take a process-wide mutex around every allocation of every
    /// connection; nothing here reads them (no soft heap limit). Off: +9-12 % rows/s for SQLite's own batch insert of
    /// the store's table (docs/store.md). Stays false when the process opened a SQLite connection before its first store.
    static let memoryStatisticsOff: Bool = fraud_sqlite_disable_memory_statistics() == SQLITE_OK
}
