/// A record that could not be accepted, kept with the reason instead of being dropped.
package struct QuarantinedRecord: Hashable, Sendable {
    /// Where it came from, e.g. a file path, `api`, `payments.raw`.
    package var source: String
    /// Line number in a file (1 = header), or the offset/position in a stream.
    package var position: Int64
    /// The field at fault, when one is.
    package var field: String?
    /// Human-readable reason.
    package var reason: String
    /// The record as received. A record that is not valid UTF-8 is kept losslessly (`init(rawBytes:)`): every
    /// byte outside valid UTF-8 is written `\xHH` and every backslash `\\`, and `reason` ends with `rawEscapesNote`.
    package var raw: String

    /// Appended to the reason of a record whose `raw` is escaped.
    package static let rawEscapesNote = " [raw: not valid UTF-8; bytes outside UTF-8 written \\xHH, backslashes \\\\]"

    package init(source: String, position: Int64, field: String?, reason: String, raw: String) {
        self.source = source
        self.position = position
        self.field = field
        self.reason = reason
        self.raw = raw
    }

    /// A quarantine entry for a record received as `rawBytes`: `raw` is their text, escaped when they are not
    /// valid UTF-8 (see `raw`).
    package init(source: String, position: Int64, field: String?, reason: String, rawBytes: some Collection<UInt8>) {
        if let text = String(validating: rawBytes, as: UTF8.self) {
            self.init(source: source, position: position, field: field, reason: reason, raw: text)
        } else {
            self.init(source: source, position: position, field: field, reason: reason + Self.rawEscapesNote,
                      raw: UTF8Text.escaped(rawBytes, escapingBackslashes: true))
        }
    }

    /// A quarantine entry for a field error.
    package init(source: String, position: Int64, error: FieldError, raw: String) {
        self.init(source: source, position: position, field: error.field, reason: error.description, raw: raw)
    }

    /// A quarantine entry for a field error in a record received as `rawBytes`.
    package init(source: String, position: Int64, error: FieldError, rawBytes: some Collection<UInt8>) {
        self.init(source: source, position: position, field: error.field, reason: error.description, rawBytes: rawBytes)
    }

    /// The bytes of a record as received: `raw`'s UTF-8, or, when `raw` is escaped (`reason` ends with
    /// `rawEscapesNote`), the bytes it stands for.
    package var rawBytes: [UInt8] {
        guard reason.hasSuffix(Self.rawEscapesNote) else { return Array(raw.utf8) }
        var bytes: [UInt8] = []
        var text = raw.utf8[...]
        while let byte = text.popFirst() {
            guard byte == UInt8(ascii: "\\"), let next = text.first else {
                bytes.append(byte)
                continue
            }
            if next == UInt8(ascii: "x"), text.count >= 3, let value = UInt8(String(decoding: text.dropFirst().prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                text = text.dropFirst(3)
            } else {
                bytes.append(next)
                text = text.dropFirst()
            }
        }
        return bytes
    }
}
