/// The JSON field names of payment messages: the fraudTest column names (the unnamed row index
/// as `index`), then the scoring fields of `payments.scored`. Encoders write them in this order.
package enum PaymentJSONField: Int, CaseIterable, Sendable {
    case index, transDateTransTime, ccNum, merchant, category, amt, first, last, gender, street, city, state, zip
    case lat, long, cityPop, job, dob, transNum, unixTime, merchLat, merchLong, isFraud
    case score, prediction, threshold, modelVersion, reasons, scoredAt, latencyMs

    /// The name as written in messages.
    package var name: String {
        switch self {
        case .index: "index"
        case .transDateTransTime: TransactionField.transDateTransTime.columnName
        case .ccNum: TransactionField.ccNum.columnName
        case .merchant: TransactionField.merchant.columnName
        case .category: TransactionField.category.columnName
        case .amt: TransactionField.amt.columnName
        case .first: TransactionField.first.columnName
        case .last: TransactionField.last.columnName
        case .gender: TransactionField.gender.columnName
        case .street: TransactionField.street.columnName
        case .city: TransactionField.city.columnName
        case .state: TransactionField.state.columnName
        case .zip: TransactionField.zip.columnName
        case .lat: TransactionField.lat.columnName
        case .long: TransactionField.long.columnName
        case .cityPop: TransactionField.cityPop.columnName
        case .job: TransactionField.job.columnName
        case .dob: TransactionField.dob.columnName
        case .transNum: TransactionField.transNum.columnName
        case .unixTime: TransactionField.unixTime.columnName
        case .merchLat: TransactionField.merchLat.columnName
        case .merchLong: TransactionField.merchLong.columnName
        case .isFraud: TransactionField.isFraud.columnName
        case .score: "score"
        case .prediction: "prediction"
        case .threshold: "threshold"
        case .modelVersion: "model_version"
        case .reasons: "reasons"
        case .scoredAt: "scored_at"
        case .latencyMs: "latency_ms"
        }
    }

    private static let names: [[UInt8]] = allCases.map { Array($0.name.utf8) }

    /// The field named by `key`, trying `hint` (the field expected next) first; `nil` for unknown names.
    package static func match(_ key: UnsafeRawBufferPointer, hint: Int) -> PaymentJSONField? {
        if hint < names.count, equal(key, names[hint]) { return PaymentJSONField(rawValue: hint) }
        for index in names.indices where equal(key, names[index]) { return PaymentJSONField(rawValue: index) }
        return nil
    }

    private static func equal(_ key: UnsafeRawBufferPointer, _ name: [UInt8]) -> Bool {
        guard key.count == name.count else { return false }
        for index in 0..<name.count where key[index] != name[index] { return false }
        return true
    }
}
