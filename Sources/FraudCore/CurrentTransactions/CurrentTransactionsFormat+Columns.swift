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
                guard let column = CurrentTransactionsColumn(name: name) else { continue }
                guard positions[column] == nil else { throw CurrentTransactionsError.duplicateColumn(name) }
                positions[column] = position
            }
            let missing = CurrentTransactionsColumn.all.filter { !$0.isOptional && positions[$0] == nil }
            if !missing.isEmpty { throw CurrentTransactionsError.missingColumns(missing.map(\.name)) }
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
            return try Transaction(record: RowRecord(values: values, positions: positions, index: index))
        }
    }

    /// The values of one row, found by the layout's column positions; `index` is the row's entry of `index`.
    private struct RowRecord: TransactionRecord {
        let values: [APIJSONValue]
        let positions: [CurrentTransactionsColumn: Int]
        let index: APIJSONValue?

        func rowIndex() throws -> Int64? {
            guard let index, index != .null else { return nil }
            guard let value = index.exactInteger else { throw FieldError(field: "index", value: index.jsonText, reason: "not an integer") }
            return value
        }

        func eventTime() throws -> EventTime {
            EventTime(millisecondsSinceEpoch: try integer(.currentTime))
        }

        func unixTime() -> Int64? {
            nil
        }

        func cardNumber() throws -> Int64 {
            let value = value(.field(.ccNum))
            // Some clients send card numbers as strings to dodge JavaScript's 53-bit integers.
            if case .string(let digits) = value, let number = Int64(digits), number > 0 { return number }
            guard let number = value.exactInteger, number > 0 else {
                throw failure(.field(.ccNum), value, "expected a positive integer of at most 19 digits")
            }
            return number
        }

        func text(_ field: TransactionField, allowEmpty: Bool) throws -> String {
            let value = value(.field(field))
            guard case .string(let text) = value else { throw failure(.field(field), value, "expected a string, found \(value.typeName)") }
            guard allowEmpty || !text.isEmpty else { throw failure(.field(field), value, "empty") }
            return text
        }

        func integer(_ field: TransactionField) throws -> Int64 {
            try integer(.field(field))
        }

        func number(_ field: TransactionField, range: ClosedRange<Double>?) throws -> Double {
            let value = value(.field(field))
            let number: Double
            switch value {
            case .integer(let integer): number = Double(integer)
            case .number(let double): number = double
            default: throw failure(.field(field), value, "expected a number, found \(value.typeName)")
            }
            if let range, !range.contains(number) { throw failure(.field(field), value, "outside \(range.lowerBound)...\(range.upperBound)") }
            return number
        }

        func date(_ field: TransactionField) throws -> CalendarDate {
            let value = value(.field(field))
            switch value {
            case .string(let text):
                guard let date = CalendarDate(text) else { throw failure(.field(field), value, "not a date of the form YYYY-MM-DD") }
                return date
            case .integer(let milliseconds):
                // pandas writes datetime columns as epoch milliseconds by default.
                let days = milliseconds >= 0 ? milliseconds / 86_400_000 : (milliseconds - 86_399_999) / 86_400_000
                guard let days32 = Int32(exactly: days) else { throw failure(.field(field), value, "date out of range") }
                return CalendarDate(daysSinceEpoch: days32)
            default:
                throw failure(.field(field), value, "expected a date string YYYY-MM-DD, found \(value.typeName)")
            }
        }

        func label() throws -> Bool? {
            let value = value(.field(.isFraud))
            switch value {
            case .null: return nil
            case .bool(let flag): return flag
            case .integer(0): return false
            case .integer(1): return true
            case .number(0): return false
            case .number(1): return true
            default: throw failure(.field(.isFraud), value, "expected 0, 1 or null")
            }
        }

        private func value(_ column: CurrentTransactionsColumn) -> APIJSONValue {
            positions[column].map { values[$0] } ?? .null
        }

        private func integer(_ column: CurrentTransactionsColumn) throws -> Int64 {
            let value = value(column)
            guard let integer = value.exactInteger else { throw failure(column, value, "expected an integer, found \(value.typeName)") }
            return integer
        }

        private func failure(_ column: CurrentTransactionsColumn, _ value: APIJSONValue, _ reason: String) -> FieldError {
            FieldError(field: column.name, value: value.jsonText, reason: reason)
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
