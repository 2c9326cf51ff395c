import FraudCore

/// Quarantine records of the poller. Their `position` is the call's receive time in epoch milliseconds
/// × 1,000 + the row's position in `data` (0 for a whole body), so every row of every call is kept
/// apart (the store keeps one record per source and position).
enum PollerQuarantine {
    /// Most bytes of a body kept as its raw text.
    static let maxRawBytes = 65_536

    /// A body that could not be read at all; its bytes are kept even when they are not UTF-8 (`QuarantinedRecord.raw`).
    static func body(_ body: [UInt8], error: any Error, source: String, receivedAt: EventTime) -> QuarantinedRecord {
        let reason = (error as? CurrentTransactionsError)?.description ?? "current-transactions payload: \(error)"
        var kept = body.count
        if kept > maxRawBytes {
            kept = maxRawBytes
            while kept > 0, body[kept] & 0xC0 == 0x80 { kept -= 1 }  // not inside a UTF-8 sequence
        }
        var record = QuarantinedRecord(source: source, position: position(receivedAt, row: 0), field: nil, reason: reason,
                                       rawBytes: body[..<kept])
        if kept < body.count { record.raw += "…" }
        return record
    }

    /// A row that `CurrentTransactionsFormat` could not read (its position is the row's place in `data`).
    static func row(_ record: QuarantinedRecord, receivedAt: EventTime) -> QuarantinedRecord {
        var record = record
        record.position = position(receivedAt, row: record.position)
        return record
    }

    private static func position(_ receivedAt: EventTime, row: Int64) -> Int64 {
        receivedAt.millisecondsSinceEpoch * 1_000 + row
    }
}
