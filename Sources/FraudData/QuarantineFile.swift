import FraudCore

/// Writes quarantined records to a CSV file: source, position, field, reason, raw.
package enum QuarantineFile {
    package static func write(_ records: [QuarantinedRecord], to path: String) throws {
        var output = Array("source,position,field,reason,raw\n".utf8)
        for record in records {
            let fields = [record.source, String(record.position), record.field ?? "", record.reason, record.raw]
            output.append(contentsOf: fields.map(csvQuoted).joined(separator: ",").utf8)
            output.append(UInt8(ascii: "\n"))
        }
        guard let file = fopen(path, "w") else { throw DataFileError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        defer { fclose(file) }
        guard fwrite(output, 1, output.count, file) == output.count else {
            throw DataFileError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
    }

    private static func csvQuoted(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
