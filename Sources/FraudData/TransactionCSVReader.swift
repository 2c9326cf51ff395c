import FraudCore

/// Streams transactions out of a fraudTest-format CSV file (plain or gzip) in constant memory.
///
/// A malformed row never stops the read: it is handed to `onQuarantine` (by default kept in
/// `quarantined`) with its line number, the field at fault and the reason, and reading goes on. Text that is not
/// valid UTF-8 is such a fault (never replaced by U+FFFD); the row's raw bytes are kept (`QuarantinedRecord.rawBytes`).
/// A file that cannot be read to its end (a damaged or truncated gzip file) is an error, not a shorter file.
package final class TransactionCSVReader {
    /// The columns found in the header.
    package let layout: TransactionCSVLayout
    /// Rows that could not be read, when no `onQuarantine` handler was given.
    package private(set) var quarantined: [QuarantinedRecord] = []
    /// Data rows seen so far, good and bad.
    package private(set) var rowsRead = 0

    private let records: CSVRecordStream
    private let onQuarantine: ((QuarantinedRecord) -> Void)?

    /// Opens `path` (`-` for standard input) and reads its header.
    /// - Parameter onQuarantine: receives each malformed row; when `nil` they collect in `quarantined`.
    /// - Throws: `DataFileError` when the file cannot be opened or its header is not the fraudTest format.
    package init(path: String, chunkSize: Int = 1 << 20, onQuarantine: ((QuarantinedRecord) -> Void)? = nil) throws {
        let records = CSVRecordStream(file: try CompressedFileReader(path: path), chunkSize: chunkSize)
        do {
            guard try records.advance() else { throw CSVHeaderError.empty }
            let header = records.fields.map {
                CSVScanner.string($0, in: records.bytes) ?? UTF8Text.escaped(UnsafeRawBufferPointer(rebasing: records.bytes[$0.start..<$0.end]))
            }
            self.layout = try TransactionCSVLayout(header: header)
        } catch let error as CSVHeaderError {
            throw DataFileError.header(path: path, CSVHeaderErrorDescription(text: error.description))
        } catch CSVRecordError.unterminatedQuote {
            throw DataFileError.header(path: path, CSVHeaderErrorDescription(text: "the header line has an unclosed quote"))
        }
        self.records = records
        self.onQuarantine = onQuarantine
    }

    /// The path being read.
    package var path: String { records.file.path }

    /// The share of the file read so far, 0...1 (`nil` for standard input).
    package var fractionRead: Double? { records.file.fractionRead }

    /// The next well-formed transaction, or `nil` at the end of the file.
    package func next() throws -> Transaction? {
        while true {
            do {
                guard try records.advance() else { return nil }
            } catch CSVRecordError.unterminatedQuote(let line, let raw) {
                rowsRead += 1
                quarantine(QuarantinedRecord(
                    source: path, position: line, field: nil,
                    reason: "the file ends inside a quoted field (a quote was opened and never closed)", rawBytes: raw))
                continue
            }
            let fields = records.fields
            if fields.count == 1 && fields[0].start == fields[0].end { continue }  // blank line
            rowsRead += 1
            do {
                return try Transaction(csvFields: fields, in: records.bytes, layout: layout)
            } catch let error as FieldError {
                quarantine(QuarantinedRecord(source: path, position: records.recordLine, error: error, rawBytes: records.rawRecord))
            }
        }
    }

    /// Appends up to `maxCount` transactions to `batch`; returns `false` once the file is exhausted.
    @discardableResult
    package func readBatch(into batch: inout [Transaction], maxCount: Int) throws -> Bool {
        for _ in 0..<maxCount {
            guard let transaction = try next() else { return false }
            batch.append(transaction)
        }
        return true
    }

    /// Reads every remaining transaction into memory.
    package func readAll() throws -> [Transaction] {
        var all: [Transaction] = []
        while try readBatch(into: &all, maxCount: 65_536) {}
        return all
    }

    private func quarantine(_ record: QuarantinedRecord) {
        if let onQuarantine { onQuarantine(record) } else { quarantined.append(record) }
    }
}
