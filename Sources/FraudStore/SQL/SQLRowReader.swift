import FraudCore

/// Reads a result row's columns by name, whatever the driver.
package protocol SQLRowReader {
    func int64(_ column: String) throws -> Int64?
    func double(_ column: String) throws -> Double?
    func text(_ column: String) throws -> String?
    func bool(_ column: String) throws -> Bool?
}

extension SQLRowReader {
    func required<T>(_ column: String, _ read: (String) throws -> T?) throws -> T {
        guard let value = try read(column) else { throw StoreError(.corruptValue(column: column, value: "NULL")) }
        return value
    }

    func int64(required column: String) throws -> Int64 { try required(column, int64) }
    func double(required column: String) throws -> Double { try required(column, double) }
    func text(required column: String) throws -> String { try required(column, text) }
    func bool(required column: String) throws -> Bool { try required(column, bool) }
    func time(_ column: String) throws -> EventTime? { try int64(column).map(EventTime.init(millisecondsSinceEpoch:)) }
    func time(required column: String) throws -> EventTime { EventTime(millisecondsSinceEpoch: try int64(required: column)) }
}

extension StoredTransaction {
    /// Reads a row selected with `StoreSchema.transactionSelectList`.
    init(row: some SQLRowReader) throws {
        let dobText = try row.text(required: "dob")
        guard let dob = CalendarDate(dobText) else { throw StoreError(.corruptValue(column: "dob", value: dobText)) }
        let transaction = Transaction(
            rowIndex: try row.int64("row_index"), eventTime: try row.time(required: "event_time"),
            ccNum: try row.int64(required: "cc_num"), merchant: try row.text(required: "merchant"),
            category: try row.text(required: "category"), amount: try row.double(required: "amt"),
            firstName: try row.text(required: "first"), lastName: try row.text(required: "last"),
            gender: try row.text(required: "gender"), street: try row.text(required: "street"),
            city: try row.text(required: "city"), state: try row.text(required: "state"),
            zip: Int(try row.int64(required: "zip")), latitude: try row.double(required: "lat"),
            longitude: try row.double(required: "long"), cityPopulation: Int(try row.int64(required: "city_pop")),
            job: try row.text(required: "job"), dateOfBirth: dob, transNum: try row.text(required: "trans_num"),
            unixTime: try row.int64("unix_time"), merchantLatitude: try row.double(required: "merch_lat"),
            merchantLongitude: try row.double(required: "merch_long"), label: try row.bool("source_label"))
        let scored = ScoredTransaction(
            transaction: transaction, score: try row.double(required: "score"), prediction: try row.bool(required: "prediction"),
            threshold: try row.double(required: "threshold"), modelVersion: try row.text(required: "model_version"),
            reasons: try ReasonsJSON.decode(try row.text(required: "reasons")), scoredAt: try row.time(required: "scored_at"),
            latencyMs: try row.double(required: "latency_ms"))
        self.init(scored: scored, trueValue: try row.bool("true_value"), labeledAt: try row.time("labeled_at"),
                  labeledBy: try row.text("labeled_by"))
    }
}

extension AlertRecord {
    static let selectList = "trans_num, cc_num, event_time, amt, score, threshold, model_version, reasons, raised_at, deliveries"

    init(row: some SQLRowReader) throws {
        self.init(
            transNum: try row.text(required: "trans_num"), ccNum: try row.int64(required: "cc_num"),
            eventTime: try row.time(required: "event_time"), amount: try row.double(required: "amt"),
            score: try row.double(required: "score"), threshold: try row.double(required: "threshold"),
            modelVersion: try row.text(required: "model_version"), reasons: try ReasonsJSON.decode(try row.text(required: "reasons")),
            raisedAt: try row.time(required: "raised_at"),
            deliveries: try DeliveriesJSON.decode(try row.text(required: "deliveries"), key: try row.text(required: "trans_num")))
    }
}

extension QuarantinedRecord {
    static let selectList = "source, position, field, reason, raw"

    init(row: some SQLRowReader) throws {
        self.init(source: try row.text(required: "source"), position: try row.int64(required: "position"),
                  field: try row.text("field"), reason: try row.text(required: "reason"), raw: try row.text(required: "raw"))
    }
}

extension DriftReportRecord {
    static let selectList = "id, created_at, window_start, window_end, dataset_drift, drifted_share, report"

    init(row: some SQLRowReader) throws {
        self.init(id: try row.int64(required: "id"), createdAt: try row.time(required: "created_at"),
                  windowStart: try row.time("window_start"), windowEnd: try row.time("window_end"),
                  datasetDrift: try row.bool(required: "dataset_drift"), driftedShare: try row.double(required: "drifted_share"),
                  json: try row.text(required: "report"))
    }
}
