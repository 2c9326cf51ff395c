import FraudCore
import GRDB
import GRDBSQLite

/// Binds one encoded payment straight onto the prepared insert through the C API and steps it (the write hot path:
/// building GRDB `StatementArguments` per row costs about as much as SQLite's insert itself). Texts are bound in place
/// in the images' buffer (`SQLITE_STATIC`), which lives until the step is done; `clear()` drops those pointers.
struct SQLiteBinder {
    let statement: SQLiteStatement
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// Inserts payment `row` (an index of `images.payments`) with its `trans_key` (bound last; none when nil);
    /// `db.changesCount` then says whether a row was inserted.
    func insert(_ images: SQLiteRowImages, _ row: Int, key: Int64?, _ db: Database) throws {
        sqlite3_reset(statement)
        let code = images.texts.withUnsafeBytes { texts -> Int32 in
            for (column, value) in images.values(of: row).enumerated() {
                let index = Int32(column + 1)
                switch value {
                case .int(let value): sqlite3_bind_int64(statement, index, value)
                case .double(let value): sqlite3_bind_double(statement, index, value)
                case .null: sqlite3_bind_null(statement, index)
                case .text(let start, let count):
                    if count > 0, let base = texts.baseAddress {
                        sqlite3_bind_text(statement, index, base.advanced(by: start).assumingMemoryBound(to: CChar.self), Int32(count), nil)
                    } else {
                        sqlite3_bind_text(statement, index, "", 0, Self.transient)  // empty text, not NULL
                    }
                }
            }
            if let key { sqlite3_bind_int64(statement, Int32(SQLiteRowImages.width + 1), key) }
            return sqlite3_step(statement)
        }
        guard code == SQLITE_DONE else {
            let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
            sqlite3_reset(statement)
            throw StoreError(.failed(operation: "insert payment", reason: "SQLite error \(code): \(message)"))
        }
    }

    /// Resets the statement and drops its bindings, which point into images about to be freed.
    func clear() {
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
    }
}
