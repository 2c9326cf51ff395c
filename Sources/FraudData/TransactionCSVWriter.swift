import FraudCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes transactions to a fraudTest-format CSV file (`-` = standard output), buffered.
package final class TransactionCSVWriter {
    package let path: String
    private let descriptor: Int32
    private var encoder = TransactionCSVEncoder()
    private var buffer: [UInt8] = []
    private let flushThreshold = 1 << 20
    /// Rows written so far.
    package private(set) var rowsWritten = 0

    /// Creates (or truncates) `path` and writes the header line.
    package init(path: String) throws {
        self.path = path
        if path == "-" {
            descriptor = STDOUT_FILENO
        } else {
            descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard descriptor >= 0 else { throw DataFileError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        }
        buffer.reserveCapacity(flushThreshold + 4096)
        buffer.append(contentsOf: TransactionCSVEncoder.header)
    }

    deinit {
        try? flush()
        if descriptor != STDOUT_FILENO { close(descriptor) }
    }

    /// Appends one row.
    package func write(_ transaction: Transaction) throws {
        encoder.append(transaction, to: &buffer)
        rowsWritten += 1
        if buffer.count >= flushThreshold { try flush() }
    }

    /// Appends rows.
    package func write(contentsOf transactions: some Sequence<Transaction>) throws {
        for transaction in transactions { try write(transaction) }
    }

    /// Writes buffered rows to the file.
    package func flush() throws {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { systemWrite(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            guard written > 0 else {
                if errno == EINTR { continue }
                throw DataFileError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
