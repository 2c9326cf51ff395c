extension Transaction {
    /// Decodes one CSV record laid out as `layout`.
    /// - Throws: `FieldError` naming the first field that is missing or malformed.
    public init(csvFields fields: [CSVFieldRange], in bytes: UnsafeRawBufferPointer, layout: TransactionCSVLayout) throws {
        guard fields.count == layout.columnCount else {
            throw FieldError(field: "row", value: "\(fields.count) fields", reason: "expected \(layout.columnCount) fields")
        }
        let row = CSVRowReader(fields: fields, bytes: bytes, layout: layout)
        self.init(
            rowIndex: try row.optionalInt64(.rowIndex),
            eventTime: try row.eventTime(.transDateTransTime),
            ccNum: try row.cardNumber(.ccNum),
            merchant: try row.text(.merchant),
            category: try row.text(.category),
            amount: try row.double(.amt),
            firstName: try row.text(.first),
            lastName: try row.text(.last),
            gender: try row.text(.gender),
            street: try row.text(.street, allowEmpty: true),
            city: try row.text(.city),
            state: try row.text(.state),
            zip: try row.int(.zip),
            latitude: try row.double(.lat, range: -90...90),
            longitude: try row.double(.long, range: -180...180),
            cityPopulation: try row.int(.cityPop),
            job: try row.text(.job, allowEmpty: true),
            dateOfBirth: try row.date(.dob),
            transNum: try row.text(.transNum),
            unixTime: try row.optionalInt64(.unixTime),
            merchantLatitude: try row.double(.merchLat, range: -90...90),
            merchantLongitude: try row.double(.merchLong, range: -180...180),
            label: try row.label(.isFraud)
        )
        guard amount >= 0 else { throw FieldError(field: TransactionField.amt.columnName, value: String(amount), reason: "negative amount") }
    }
}

/// Typed access to the fields of one CSV record; every failure names its column. Text must be valid UTF-8.
private struct CSVRowReader {
    let fields: [CSVFieldRange]
    let bytes: UnsafeRawBufferPointer
    let layout: TransactionCSVLayout

    private func raw(_ field: TransactionField) -> UnsafeRawBufferPointer? {
        guard let position = layout.positions[field] else { return nil }
        let range = fields[position]
        return UnsafeRawBufferPointer(rebasing: bytes[range.start..<range.end])
    }

    private func failure(_ field: TransactionField, _ raw: UnsafeRawBufferPointer, _ reason: String) -> FieldError {
        FieldError(field: field == .rowIndex ? "(index)" : field.columnName, value: UTF8Text.escaped(raw), reason: reason)
    }

    func text(_ field: TransactionField, allowEmpty: Bool = false) throws -> String {
        let position = layout.positions[field]!
        let range = fields[position]
        guard allowEmpty || range.end > range.start else {
            throw FieldError(field: field.columnName, value: "", reason: "empty")
        }
        guard let text = CSVScanner.string(range, in: bytes) else {
            throw UTF8Text.failure(field: field.columnName, bytes: UnsafeRawBufferPointer(rebasing: bytes[range.start..<range.end]))
        }
        return text
    }

    func int(_ field: TransactionField) throws -> Int {
        let raw = raw(field)!
        guard let value = NumberParser.int64(raw) else { throw failure(field, raw, raw.isEmpty ? "empty" : "not an integer") }
        return Int(value)
    }

    func cardNumber(_ field: TransactionField) throws -> Int64 {
        let raw = raw(field)!
        guard let value = NumberParser.int64(raw), value > 0 else {
            throw failure(field, raw, raw.isEmpty ? "empty" : "not a positive integer of at most 19 digits")
        }
        return value
    }

    func optionalInt64(_ field: TransactionField) throws -> Int64? {
        guard let raw = raw(field), !raw.isEmpty else { return nil }
        guard let value = NumberParser.int64(raw) else { throw failure(field, raw, "not an integer") }
        return value
    }

    func double(_ field: TransactionField, range: ClosedRange<Double>? = nil) throws -> Double {
        let raw = raw(field)!
        guard let value = NumberParser.double(raw) else { throw failure(field, raw, raw.isEmpty ? "empty" : "not a number") }
        if let range, !range.contains(value) { throw failure(field, raw, "outside \(range.lowerBound)...\(range.upperBound)") }
        return value
    }

    func eventTime(_ field: TransactionField) throws -> EventTime {
        let raw = raw(field)!
        guard let value = EventTime(iso: raw) else { throw failure(field, raw, "not a time of the form YYYY-MM-DD HH:MM:SS") }
        return value
    }

    func date(_ field: TransactionField) throws -> CalendarDate {
        let raw = raw(field)!
        guard let value = CalendarDate(iso: raw) else { throw failure(field, raw, "not a date of the form YYYY-MM-DD") }
        return value
    }

    func label(_ field: TransactionField) throws -> Bool? {
        guard let raw = raw(field), !raw.isEmpty else { return nil }
        if raw.count == 1 && raw[0] == UInt8(ascii: "0") { return false }
        if raw.count == 1 && raw[0] == UInt8(ascii: "1") { return true }
        throw failure(field, raw, "expected 0 or 1")
    }
}
