/// Writes transactions as fraudTest-format CSV lines into a byte buffer.
///
/// Output always has the standard layout: the unnamed index column first, `is_fraud` last.
/// A missing row index is written as the running row number; a missing label as an empty field.
package struct TransactionCSVEncoder: Sendable {
    private var nextRowIndex: Int64

    package init(firstRowIndex: Int64 = 0) {
        self.nextRowIndex = firstRowIndex
    }

    /// The header line, with its line break.
    package static var header: [UInt8] { Array((TransactionField.headerLine + "\n").utf8) }

    /// Appends one line for `transaction` to `output`.
    package mutating func append(_ transaction: Transaction, to output: inout [UInt8]) {
        let rowIndex = transaction.rowIndex ?? nextRowIndex
        nextRowIndex = rowIndex + 1
        output.appendNumber(rowIndex)
        output.appendField(transaction.eventTime.iso)
        output.appendField(String(transaction.ccNum))
        output.appendField(transaction.merchant)
        output.appendField(transaction.category)
        output.appendField(transaction.amount.description)
        output.appendField(transaction.firstName)
        output.appendField(transaction.lastName)
        output.appendField(transaction.gender)
        output.appendField(transaction.street)
        output.appendField(transaction.city)
        output.appendField(transaction.state)
        output.appendField(String(transaction.zip))
        output.appendField(transaction.latitude.description)
        output.appendField(transaction.longitude.description)
        output.appendField(String(transaction.cityPopulation))
        output.appendField(transaction.job)
        output.appendField(transaction.dateOfBirth.iso)
        output.appendField(transaction.transNum)
        output.appendField(transaction.unixTime.map { String($0) } ?? "")
        output.appendField(transaction.merchantLatitude.description)
        output.appendField(transaction.merchantLongitude.description)
        output.appendField(transaction.label.map { $0 ? "1" : "0" } ?? "")
        output.append(UInt8(ascii: "\n"))
    }
}

extension [UInt8] {
    fileprivate mutating func appendNumber(_ value: Int64) {
        append(contentsOf: String(value).utf8)
    }

    /// Appends `,` and the field, quoted when it holds a comma, quote or line break (RFC 4180).
    fileprivate mutating func appendField(_ text: String) {
        append(UInt8(ascii: ","))
        let needsQuotes = text.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
        guard needsQuotes else {
            append(contentsOf: text.utf8)
            return
        }
        append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\"") { append(byte) }
            append(byte)
        }
        append(UInt8(ascii: "\""))
    }
}
