import Dispatch
import FraudCore
import Synchronization

/// Payments turned into the values the insert binds, texts back to back in one buffer, ready for `SQLiteBinder`.
///
/// Encoding (texts copied, dates and the reasons JSON written, `trans_key` hashed) is a fifth of the writer's time per
/// row; `encodeAhead` does it on another thread while the writer inserts the chunk before.
struct SQLiteRowImages: Sendable {
    /// One bound value; a text is a range of `texts`.
    enum Value: Sendable {
        case int(Int64)
        case double(Double)
        case null
        case text(start: Int, count: Int)
    }

    /// Values per payment: the columns of `StoreSchema.transactionColumns`, in order.
    static let width = StoreSchema.transactionColumns.count

    /// The payments encoded, in order.
    let payments: ArraySlice<ScoredTransaction>
    /// `width` values per payment.
    private(set) var values: [Value] = []
    private(set) var texts: [UInt8] = []
    /// The first `trans_key` of each payment's range (`TransactionKey.base`); empty when not keyed (schema before 5).
    private(set) var keys: [Int64] = []

    /// The values of payment `row` (an index of `payments`).
    func values(of row: Int) -> ArraySlice<Value> {
        let first = (row - payments.startIndex) * Self.width
        return values[first..<(first + Self.width)]
    }

    /// The first `trans_key` of payment `row`'s range; nil when not keyed.
    func key(of row: Int) -> Int64? {
        keys.isEmpty ? nil : keys[row - payments.startIndex]
    }

    init(_ payments: ArraySlice<ScoredTransaction>, keyed: Bool) {
        self.payments = payments
        values.reserveCapacity(payments.count * Self.width)
        texts.reserveCapacity(payments.count * 384)
        if keyed { keys.reserveCapacity(payments.count) }
        for row in payments {
            append(row)
            if keyed { keys.append(TransactionKey.base(row.transaction.transNum)) }
        }
    }

    private mutating func append(_ row: ScoredTransaction) {
        let t = row.transaction
        text(t.transNum)
        optionalInt(t.rowIndex)
        values.append(.int(t.eventTime.millisecondsSinceEpoch))
        values.append(.int(t.ccNum))
        text(t.merchant)
        text(t.category)
        values.append(.double(t.amount))
        text(t.firstName)
        text(t.lastName)
        text(t.gender)
        text(t.street)
        text(t.city)
        text(t.state)
        values.append(.int(Int64(t.zip)))
        values.append(.double(t.latitude))
        values.append(.double(t.longitude))
        values.append(.int(Int64(t.cityPopulation)))
        text(t.job)
        text(t.dateOfBirth.iso)
        optionalInt(t.unixTime)
        values.append(.double(t.merchantLatitude))
        values.append(.double(t.merchantLongitude))
        optionalInt(t.label.map { $0 ? 1 : 0 })
        values.append(.int(row.prediction ? 1 : 0))
        values.append(.double(row.score))
        values.append(.double(row.threshold))
        text(row.modelVersion)
        let start = texts.count
        ReasonsJSON.append(row.reasons, to: &texts)
        values.append(.text(start: start, count: texts.count - start))
        values.append(.int(row.scoredAt.millisecondsSinceEpoch))
        values.append(.double(row.latencyMs))
    }

    private mutating func text(_ value: String) {
        let start = texts.count
        texts.append(contentsOf: value.utf8)
        values.append(.text(start: start, count: texts.count - start))
    }

    private mutating func optionalInt(_ value: Int64?) {
        values.append(value.map { .int($0) } ?? .null)
    }

    /// Calls `insert` with `payments` encoded in chunks of `chunk`, in order; while `insert` runs on the calling thread,
    /// the next chunk is encoded on another one. Batches of one chunk are encoded on the calling thread.
    static func encodeAhead(_ payments: [ScoredTransaction], keyed: Bool, chunk: Int = 500,
                            _ insert: (SQLiteRowImages) throws -> Void) throws {
        var start = payments.startIndex
        var current = SQLiteRowImages(payments[start..<min(start + chunk, payments.endIndex)], keyed: keyed)
        while true {
            start += chunk
            guard start < payments.endIndex else { return try insert(current) }
            let next = Handoff()
            let slice = payments[start..<min(start + chunk, payments.endIndex)]
            DispatchQueue.global(qos: .userInitiated).async { next.put(SQLiteRowImages(slice, keyed: keyed)) }
            try insert(current)
            current = next.take()
        }
    }

    /// One encoded chunk passed from the encoding thread to the inserting one.
    private final class Handoff: Sendable {
        private let slot = Mutex<SQLiteRowImages?>(nil)
        private let ready = DispatchSemaphore(value: 0)

        func put(_ images: SQLiteRowImages) {
            slot.withLock { $0 = images }
            ready.signal()
        }

        func take() -> SQLiteRowImages {
            ready.wait()
            return slot.withLock { $0.take()! }
        }
    }
}
