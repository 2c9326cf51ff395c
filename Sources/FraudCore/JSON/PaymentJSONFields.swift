/// The members of a payment message as read, before checking that the required ones are present.
package struct PaymentJSONFields {
    var index: Int64?
    var eventTime: EventTime?
    var ccNum: Int64?
    var merchant: String?
    var category: String?
    var amount: Double?
    var firstName: String?
    var lastName: String?
    var gender: String?
    var street: String?
    var city: String?
    var state: String?
    var zip: Int64?
    var latitude: Double?
    var longitude: Double?
    var cityPopulation: Int64?
    var job: String?
    var dateOfBirth: CalendarDate?
    var transNum: String?
    var unixTime: Int64?
    var merchantLatitude: Double?
    var merchantLongitude: Double?
    var label: Bool?
    var score: Double?
    var prediction: Bool?
    var threshold: Double?
    var modelVersion: String?
    var reasons: [FeatureContribution]?
    var scoredAt: EventTime?
    var latencyMs: Double?

    package init() {}

    /// Reads one JSON object from `bytes` and builds a value from its members.
    package static func decode<T>(_ bytes: [UInt8], _ build: (PaymentJSONFields) throws(FieldError) -> T) throws(FieldError) -> T {
        let result = bytes.withUnsafeBytes { raw in Result { () throws(FieldError) in try decode(raw, build) } }
        return try result.get()
    }

    /// Reads one JSON object from `bytes` and builds a value from its members.
    package static func decode<T>(_ bytes: UnsafeRawBufferPointer, _ build: (PaymentJSONFields) throws(FieldError) -> T) throws(FieldError) -> T {
        var reader = JSONReader(bytes)
        var fields = PaymentJSONFields()
        try fields.read(from: &reader)
        return try build(fields)
    }

    /// Reads one JSON object (and nothing after it).
    package mutating func read(from reader: inout JSONReader) throws(FieldError) {
        try readObject(from: &reader)
        try reader.expectEnd()
    }

    /// Reads one JSON object, leaving the reader after it (an element of an array).
    package mutating func readObject(from reader: inout JSONReader) throws(FieldError) {
        var hint = 0
        try reader.readObject { (reader: inout JSONReader, key) throws(FieldError) in
            guard let field = PaymentJSONField.match(key, hint: hint) else {
                reader.field = try JSONReader.keyName(key, in: JSONReader.wholeMessage)
                try reader.skipValue()
                return
            }
            hint = field.rawValue + 1
            reader.field = field.name
            try self.readValue(field, from: &reader)
        }
    }

    private mutating func readValue(_ field: PaymentJSONField, from reader: inout JSONReader) throws(FieldError) {
        switch field {
        case .index: index = reader.readNull() ? nil : try reader.int64()
        case .transDateTransTime: eventTime = try Self.time(&reader)
        case .ccNum:
            let value = try reader.int64()
            guard value > 0 else { throw reader.failure("not a positive card number", value: String(value)) }
            ccNum = value
        case .merchant: merchant = try reader.string()
        case .category: category = try reader.string()
        case .amt:
            let value = try reader.double()
            guard value >= 0 else { throw reader.failure("negative amount", value: String(value)) }
            amount = value
        case .first: firstName = try reader.string()
        case .last: lastName = try reader.string()
        case .gender: gender = try reader.string()
        case .street: street = try reader.string()
        case .city: city = try reader.string()
        case .state: state = try reader.string()
        case .zip: zip = try reader.int64()
        case .lat: latitude = try Self.coordinate(&reader, limit: 90)
        case .long: longitude = try Self.coordinate(&reader, limit: 180)
        case .cityPop: cityPopulation = try reader.int64()
        case .job: job = try reader.string()
        case .dob:
            let raw = try reader.plainString()
            guard let date = CalendarDate(iso: raw) else {
                throw reader.failure("not a date of the form YYYY-MM-DD", value: UTF8Text.escaped(raw))
            }
            dateOfBirth = date
        case .transNum:
            let value = try reader.string()
            guard !value.isEmpty else { throw reader.failure("empty") }
            transNum = value
        case .unixTime: unixTime = reader.readNull() ? nil : try reader.int64()
        case .merchLat: merchantLatitude = try Self.coordinate(&reader, limit: 90)
        case .merchLong: merchantLongitude = try Self.coordinate(&reader, limit: 180)
        case .isFraud: label = try Self.label(&reader)
        case .score: score = try reader.double()
        case .prediction: prediction = try reader.bool()
        case .threshold: threshold = try reader.double()
        case .modelVersion: modelVersion = try reader.string()
        case .reasons: reasons = try Self.reasons(&reader)
        case .scoredAt: scoredAt = try Self.time(&reader)
        case .latencyMs: latencyMs = try reader.double()
        }
    }

    /// `YYYY-MM-DD HH:MM:SS` with optional `.mmm`.
    private static func time(_ reader: inout JSONReader) throws(FieldError) -> EventTime {
        let raw = try reader.plainString()
        var millis: Int64 = 0
        var base = raw
        if raw.count == 23, raw[19] == UInt8(ascii: "."), let fraction = DecimalDigits.value(raw, 20..<23) {
            millis = Int64(fraction)
            base = UnsafeRawBufferPointer(rebasing: raw[0..<19])
        }
        guard var time = EventTime(iso: base) else {
            throw reader.failure("not a time of the form YYYY-MM-DD HH:MM:SS[.mmm]", value: UTF8Text.escaped(raw))
        }
        time.millisecondsSinceEpoch += millis
        return time
    }

    private static func coordinate(_ reader: inout JSONReader, limit: Double) throws(FieldError) -> Double {
        let value = try reader.double()
        guard (-limit...limit).contains(value) else { throw reader.failure("outside -\(limit)...\(limit)", value: String(value)) }
        return value
    }

    private static func label(_ reader: inout JSONReader) throws(FieldError) -> Bool? {
        if reader.readNull() { return nil }
        // `true`/`false` or 0/1; looking at the first byte avoids a thrown (and formatted) error per payment.
        if reader.startsBoolean() { return try reader.bool() }
        let value = try reader.int64()
        guard value == 0 || value == 1 else { throw reader.failure("expected 0 or 1", value: String(value)) }
        return value == 1
    }

    private static func reasons(_ reader: inout JSONReader) throws(FieldError) -> [FeatureContribution] {
        var reasons: [FeatureContribution] = []
        let outer = reader.field
        try reader.readArray { (reader: inout JSONReader) throws(FieldError) in
            var feature: String?
            var value: Double?
            var contribution: Double?
            try reader.readObject { (reader: inout JSONReader, key) throws(FieldError) in
                let name = try JSONReader.keyName(key, in: outer)
                reader.field = "\(outer).\(name)"
                switch name {
                case "feature": feature = try reader.string()
                // A missing feature value (NaN, e.g. no previous payment of the card) is written as null.
                case "value": value = reader.readNull() ? .nan : try reader.double()
                case "contribution": contribution = try reader.double()
                default: try reader.skipValue()
                }
            }
            guard let feature, let value, let contribution else {
                throw FieldError(field: outer, value: "", reason: "each reason needs feature, value and contribution")
            }
            reasons.append(FeatureContribution(feature: feature, value: value, contribution: contribution))
        }
        reader.field = outer
        return reasons
    }

    private func required<T>(_ value: T?, _ field: PaymentJSONField) throws(FieldError) -> T {
        guard let value else { throw FieldError(field: field.name, value: "", reason: "missing") }
        return value
    }

    /// The payment, or the first required field that is missing.
    package func transaction() throws(FieldError) -> Transaction {
        Transaction(
            rowIndex: index, eventTime: try required(eventTime, .transDateTransTime), ccNum: try required(ccNum, .ccNum),
            merchant: try required(merchant, .merchant), category: try required(category, .category),
            amount: try required(amount, .amt), firstName: try required(firstName, .first),
            lastName: try required(lastName, .last), gender: try required(gender, .gender),
            street: try required(street, .street), city: try required(city, .city), state: try required(state, .state),
            zip: Int(try required(zip, .zip)), latitude: try required(latitude, .lat),
            longitude: try required(longitude, .long), cityPopulation: Int(try required(cityPopulation, .cityPop)),
            job: try required(job, .job), dateOfBirth: try required(dateOfBirth, .dob),
            transNum: try required(transNum, .transNum), unixTime: unixTime,
            merchantLatitude: try required(merchantLatitude, .merchLat),
            merchantLongitude: try required(merchantLongitude, .merchLong), label: label)
    }

    /// The decision, or the first required field that is missing.
    package func scoredTransaction() throws(FieldError) -> ScoredTransaction {
        ScoredTransaction(
            transaction: try transaction(), score: try required(score, .score),
            prediction: try required(prediction, .prediction), threshold: try required(threshold, .threshold),
            modelVersion: try required(modelVersion, .modelVersion), reasons: reasons ?? [],
            scoredAt: try required(scoredAt, .scoredAt), latencyMs: try required(latencyMs, .latencyMs))
    }
}
