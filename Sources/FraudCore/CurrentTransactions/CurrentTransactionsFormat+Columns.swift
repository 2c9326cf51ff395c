extension CurrentTransactionsFormat {
    /// Where each API column sits in a payload's `columns`.
    struct ColumnLayout {
        let positions: [CurrentTransactionsColumn: Int]
        let count: Int

        /// - Throws: `CurrentTransactionsError` when a name is not a string, repeats, or a required column is missing.
        init(_ values: [APIJSONValue]) throws {
            var positions: [CurrentTransactionsColumn: Int] = [:]
            for (position, value) in values.enumerated() {
                guard case .string(let name) = value else {
                    throw CurrentTransactionsError.badMember("columns", expected: "column names as strings", found: value.typeName)
                }
                // Unknown columns (e.g. an extra `unix_time`) are ignored: the API may grow.
                guard let column = CurrentTransactionsColumn(rawValue: name) else { continue }
                guard positions[column] == nil else { throw CurrentTransactionsError.duplicateColumn(name) }
                positions[column] = position
            }
            let missing = CurrentTransactionsColumn.allCases.filter { !$0.isOptional && positions[$0] == nil }
            if !missing.isEmpty { throw CurrentTransactionsError.missingColumns(missing.map(\.rawValue)) }
            self.positions = positions
            self.count = values.count
        }

        /// One row as a transaction.
        /// - Throws: `FieldError` naming the first bad field.
        func transaction(row: APIJSONValue, index: APIJSONValue?) throws -> Transaction {
            guard case .array(let values) = row else {
                throw FieldError(field: "row", value: row.jsonText, reason: "expected an array of \(count) values, found \(row.typeName)")
            }
            guard values.count == count else {
                throw FieldError(field: "row", value: row.jsonText, reason: "expected \(count) values, found \(values.count)")
            }
            let row = RowReader(values: values, positions: positions)
            var rowIndex: Int64?
            if let index, index != .null {
                guard let value = index.exactInteger else { throw FieldError(field: "index", value: index.jsonText, reason: "not an integer") }
                rowIndex = value
            }
            let transaction = Transaction(
                rowIndex: rowIndex,
                eventTime: EventTime(millisecondsSinceEpoch: try row.integer(.currentTime)),
                ccNum: try row.cardNumber(),
                merchant: try row.text(.merchant),
                category: try row.text(.category),
                amount: try row.number(.amt, range: 0...Double.greatestFiniteMagnitude),
                firstName: try row.text(.first),
                lastName: try row.text(.last),
                gender: try row.text(.gender),
                street: try row.text(.street, allowEmpty: true),
                city: try row.text(.city),
                state: try row.text(.state),
                zip: Int(try row.integer(.zip)),
                latitude: try row.number(.lat, range: -90...90),
                longitude: try row.number(.long, range: -180...180),
                cityPopulation: Int(try row.integer(.cityPop)),
                job: try row.text(.job, allowEmpty: true),
                dateOfBirth: try row.date(.dob),
                transNum: try row.text(.transNum),
                unixTime: nil,
                merchantLatitude: try row.number(.merchLat, range: -90...90),
                merchantLongitude: try row.number(.merchLong, range: -180...180),
                label: try row.label()
            )
            return transaction
        }
    }

    /// Typed access to one row's values; every failure names its column.
    private struct RowReader {
        let values: [APIJSONValue]
        let positions: [CurrentTransactionsColumn: Int]

        func value(_ column: CurrentTransactionsColumn) -> APIJSONValue {
            positions[column].map { values[$0] } ?? .null
        }

        func failure(_ column: CurrentTransactionsColumn, _ value: APIJSONValue, _ reason: String) -> FieldError {
            FieldError(field: column.rawValue, value: value.jsonText, reason: reason)
        }

        func text(_ column: CurrentTransactionsColumn, allowEmpty: Bool = false) throws -> String {
            let value = value(column)
            guard case .string(let text) = value else { throw failure(column, value, "expected a string, found \(value.typeName)") }
            guard allowEmpty || !text.isEmpty else { throw failure(column, value, "empty") }
            return text
        }

        func integer(_ column: CurrentTransactionsColumn) throws -> Int64 {
            let value = value(column)
            guard let integer = value.exactInteger else { throw failure(column, value, "expected an integer, found \(value.typeName)") }
            return integer
        }

        func cardNumber() throws -> Int64 {
            let value = value(.ccNum)
            // Some clients send card numbers as strings to dodge JavaScript's 53-bit integers.
            if case .string(let digits) = value, let number = Int64(digits), number > 0 { return number }
            guard let number = value.exactInteger, number > 0 else {
                throw failure(.ccNum, value, "expected a positive integer of at most 19 digits")
            }
            return number
        }

        func number(_ column: CurrentTransactionsColumn, range: ClosedRange<Double>) throws -> Double {
            let value = value(column)
            let number: Double
            switch value {
            case .integer(let integer): number = Double(integer)
            case .number(let double): number = double
            default: throw failure(column, value, "expected a number, found \(value.typeName)")
            }
            guard range.contains(number) else { throw failure(column, value, "outside \(range.lowerBound)...\(range.upperBound)") }
            return number
        }

        func date(_ column: CurrentTransactionsColumn) throws -> CalendarDate {
            let value = value(column)
            switch value {
            case .string(let text):
                guard let date = CalendarDate(text) else { throw failure(column, value, "not a date of the form YYYY-MM-DD") }
                return date
            case .integer(let milliseconds):
                // pandas writes datetime columns as epoch milliseconds by default.
                let days = milliseconds >= 0 ? milliseconds / 86_400_000 : (milliseconds - 86_399_999) / 86_400_000
                guard let days32 = Int32(exactly: days) else { throw failure(column, value, "date out of range") }
                return CalendarDate(daysSinceEpoch: days32)
            default:
                throw failure(column, value, "expected a date string YYYY-MM-DD, found \(value.typeName)")
            }
        }

        func label() throws -> Bool? {
            let value = value(.isFraud)
            switch value {
            case .null: return nil
            case .bool(let flag): return flag
            case .integer(0): return false
            case .integer(1): return true
            case .number(0): return false
            case .number(1): return true
            default: throw failure(.isFraud, value, "expected 0, 1 or null")
            }
        }
    }
}

extension APIJSONValue {
    /// The value as an exact integer: an integer, or a number with no fractional part within Int64.
    var exactInteger: Int64? {
        switch self {
        case .integer(let integer): return integer
        case .number(let number): return Int64(exactly: number)
        default: return nil
        }
    }
}
