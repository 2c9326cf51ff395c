/// The payment topics and their message format: JSON, one payment per message, keyed by
/// `cc_num` (decimal), header `schema-version`.
package enum PaymentMessages {
    /// Topic of incoming payments (`Transaction`).
    package static let rawTopic = "payments.raw"
    /// Topic of scored payments (`ScoredTransaction`).
    package static let scoredTopic = "payments.scored"
    /// The scorers' consumer group on `payments.raw` (default), whose feature state the API reads.
    package static let scorerGroup = "scorer"
    /// The writers' consumer group on `payments.scored` (default).
    package static let writerGroup = "writer"
    /// Header carrying the message schema version.
    package static let schemaVersionHeader = "schema-version"
    /// The schema version this code writes and reads.
    package static let schemaVersion = "1"

    private static let headers = [BusHeader(name: schemaVersionHeader, text: schemaVersion)]

    /// The partitioning key of a card: its number in decimal.
    package static func key(ccNum: Int64) -> [UInt8] { Array(String(ccNum).utf8) }

    /// A `payments.raw` message for `transaction`.
    package static func message(for transaction: Transaction, topic: String = rawTopic) -> BusMessage {
        BusMessage(topic: topic, key: key(ccNum: transaction.ccNum), value: transaction.jsonBytes, headers: headers)
    }

    /// A `payments.scored` message for `scored`.
    package static func message(for scored: ScoredTransaction, topic: String = scoredTopic) -> BusMessage {
        BusMessage(topic: topic, key: key(ccNum: scored.transaction.ccNum), value: scored.jsonBytes, headers: headers)
    }

    /// Decodes a `payments.raw` record.
    /// - Throws: `FieldError` naming the field (or `schema-version`) at fault; quarantine the record.
    package static func transaction(from record: BusRecord) throws(FieldError) -> Transaction {
        try checkSchema(record)
        return try Transaction(jsonBytes: record.value)
    }

    /// Decodes a `payments.scored` record.
    /// - Throws: `FieldError` naming the field (or `schema-version`) at fault; quarantine the record.
    package static func scoredTransaction(from record: BusRecord) throws(FieldError) -> ScoredTransaction {
        try checkSchema(record)
        return try ScoredTransaction(jsonBytes: record.value)
    }

    /// A quarantine entry for a record that failed to decode (its bytes kept even when they are not UTF-8).
    package static func quarantined(_ record: BusRecord, error: FieldError) -> QuarantinedRecord {
        QuarantinedRecord(source: "\(record.topic)[\(record.partition)]", position: record.offset, error: error, rawBytes: record.value)
    }

    /// A missing header is accepted as version 1 (producers outside this project); another version is refused.
    private static func checkSchema(_ record: BusRecord) throws(FieldError) {
        guard let version = record.headers.text(schemaVersionHeader), version != schemaVersion else { return }
        throw FieldError(field: schemaVersionHeader, value: version, reason: "unsupported schema version (this build reads \(schemaVersion))")
    }
}
