extension Transaction {
    /// Decodes one CSV record laid out as `layout`.
    /// - Throws: `FieldError` naming the first field that is missing or malformed.
    package init(csvFields fields: [CSVFieldRange], in bytes: UnsafeRawBufferPointer, layout: TransactionCSVLayout) throws {
        guard fields.count == layout.columnCount else {
            throw FieldError(field: "row", value: "\(fields.count) fields", reason: "expected \(layout.columnCount) fields")
        }
        self = try Transaction(record: CSVRecord(fields: fields, bytes: bytes, layout: layout))
    }
}

/// The fields of one CSV record, found by the layout's column positions; text must be valid UTF-8.
private struct CSVRecord: TransactionRecord {
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

    func rowIndex() throws -> Int64? {
        try optionalInteger(.rowIndex)
    }

    func eventTime() throws -> EventTime {
        let raw = raw(.transDateTransTime)!
        guard let value = EventTime(iso: raw) else { throw failure(.transDateTransTime, raw, "not a time of the form YYYY-MM-DD HH:MM:SS") }
        return value
    }

    func unixTime() throws -> Int64? {
        try optionalInteger(.unixTime)
    }

    func cardNumber() throws -> Int64 {
        let raw = raw(.ccNum)!
        guard let value = NumberParser.int64(raw), value > 0 else {
            throw failure(.ccNum, raw, raw.isEmpty ? "empty" : "not a positive integer of at most 19 digits")
        }
        return value
    }

    func text(_ field: TransactionField, allowEmpty: Bool) throws -> String {
        let range = fields[layout.positions[field]!]
        guard allowEmpty || range.end > range.start else {
            throw FieldError(field: field.columnName, value: "", reason: "empty")
        }
        guard let text = CSVScanner.string(range, in: bytes) else {
            throw UTF8Text.failure(field: field.columnName, bytes: UnsafeRawBufferPointer(rebasing: bytes[range.start..<range.end]))
        }
        return text
    }

    func integer(_ field: TransactionField) throws -> Int64 {
        let raw = raw(field)!
        guard let value = NumberParser.int64(raw) else { throw failure(field, raw, raw.isEmpty ? "empty" : "not an integer") }
        return value
    }

    func number(_ field: TransactionField, range: ClosedRange<Double>?) throws -> Double {
        let raw = raw(field)!
        guard let value = NumberParser.double(raw) else { throw failure(field, raw, raw.isEmpty ? "empty" : "not a number") }
        if let range, !range.contains(value) { throw failure(field, raw, "outside \(range.lowerBound)...\(range.upperBound)") }
        return value
    }

    func date(_ field: TransactionField) throws -> CalendarDate {
        let raw = raw(field)!
        guard let value = CalendarDate(iso: raw) else { throw failure(field, raw, "not a date of the form YYYY-MM-DD") }
        return value
    }

    func label() throws -> Bool? {
        guard let raw = raw(.isFraud), !raw.isEmpty else { return nil }
        if raw.count == 1 && raw[0] == UInt8(ascii: "0") { return false }
        if raw.count == 1 && raw[0] == UInt8(ascii: "1") { return true }
        throw failure(.isFraud, raw, "expected 0 or 1")
    }

    /// An optional column: `nil` when the file has no such column or the field is empty.
    private func optionalInteger(_ field: TransactionField) throws -> Int64? {
        guard let raw = raw(field), !raw.isEmpty else { return nil }
        guard let value = NumberParser.int64(raw) else { throw failure(field, raw, "not an integer") }
        return value
    }
}
