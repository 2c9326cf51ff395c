import FraudCore
import PostgresNIO

/// Scored payments as the rows of `COPY transactions (...) FROM STDIN` in text format, one buffer per chunk of a
/// batch (tab between columns, newline after each row, `\N` for NULL, backslash escapes in text).
enum PostgresBatchCopy {
    /// Rows per buffer sent: ~400 KB, small enough that the server works on one while the next is encoded.
    static let chunkRows = 1_000

    static func rows(_ batch: ArraySlice<ScoredTransaction>) -> ByteBuffer {
        var buffer = ByteBufferAllocator().buffer(capacity: batch.count * 400)
        for row in batch {
            let t = row.transaction
            text(t.transNum, &buffer); tab(&buffer)
            optional(t.rowIndex, &buffer); tab(&buffer)
            integer(t.eventTime.millisecondsSinceEpoch, &buffer); tab(&buffer)
            integer(t.ccNum, &buffer); tab(&buffer)
            text(t.merchant, &buffer); tab(&buffer)
            text(t.category, &buffer); tab(&buffer)
            double(t.amount, &buffer); tab(&buffer)
            text(t.firstName, &buffer); tab(&buffer)
            text(t.lastName, &buffer); tab(&buffer)
            text(t.gender, &buffer); tab(&buffer)
            text(t.street, &buffer); tab(&buffer)
            text(t.city, &buffer); tab(&buffer)
            text(t.state, &buffer); tab(&buffer)
            integer(Int64(t.zip), &buffer); tab(&buffer)
            double(t.latitude, &buffer); tab(&buffer)
            double(t.longitude, &buffer); tab(&buffer)
            integer(Int64(t.cityPopulation), &buffer); tab(&buffer)
            text(t.job, &buffer); tab(&buffer)
            text(t.dateOfBirth.iso, &buffer); tab(&buffer)
            optional(t.unixTime, &buffer); tab(&buffer)
            double(t.merchantLatitude, &buffer); tab(&buffer)
            double(t.merchantLongitude, &buffer); tab(&buffer)
            if let label = t.label { buffer.writeStaticString(label ? "t" : "f") } else { buffer.writeStaticString("\\N") }
            tab(&buffer)
            buffer.writeStaticString(row.prediction ? "t" : "f"); tab(&buffer)
            double(row.score, &buffer); tab(&buffer)
            double(row.threshold, &buffer); tab(&buffer)
            text(row.modelVersion, &buffer); tab(&buffer)
            text(ReasonsJSON.encode(row.reasons), &buffer); tab(&buffer)
            integer(row.scoredAt.millisecondsSinceEpoch, &buffer); tab(&buffer)
            double(row.latencyMs, &buffer)
            buffer.writeInteger(UInt8(ascii: "\n"))
        }
        return buffer
    }

    private static func tab(_ buffer: inout ByteBuffer) { buffer.writeInteger(UInt8(ascii: "\t")) }

    private static func integer(_ value: Int64, _ buffer: inout ByteBuffer) { buffer.writeString(String(value)) }

    private static func optional(_ value: Int64?, _ buffer: inout ByteBuffer) {
        if let value { integer(value, &buffer) } else { buffer.writeStaticString("\\N") }
    }

    /// Shortest round-trip decimal; PostgreSQL's spelling of the non-finite values.
    private static func double(_ value: Double, _ buffer: inout ByteBuffer) {
        if value.isFinite {
            buffer.writeString(value.description)
        } else {
            buffer.writeStaticString(value.isNaN ? "NaN" : value > 0 ? "Infinity" : "-Infinity")
        }
    }

    /// COPY text format: backslash, tab, newline and carriage return escaped with a backslash.
    private static func text(_ value: String, _ buffer: inout ByteBuffer) {
        var value = value
        value.withUTF8 { bytes in
            var start = 0
            for (index, byte) in bytes.enumerated() {
                let escaped: UInt8
                switch byte {
                case UInt8(ascii: "\\"): escaped = UInt8(ascii: "\\")
                case UInt8(ascii: "\t"): escaped = UInt8(ascii: "t")
                case UInt8(ascii: "\n"): escaped = UInt8(ascii: "n")
                case UInt8(ascii: "\r"): escaped = UInt8(ascii: "r")
                default: continue
                }
                buffer.writeBytes(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[start..<index]))
                buffer.writeInteger(UInt8(ascii: "\\"))
                buffer.writeInteger(escaped)
                start = index + 1
            }
            buffer.writeBytes(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[start...]))
        }
    }
}
