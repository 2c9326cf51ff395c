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
    /// The record as received.
    package var raw: String

    package init(source: String, position: Int64, field: String?, reason: String, raw: String) {
        self.source = source
        self.position = position
        self.field = field
        self.reason = reason
        self.raw = raw
    }

    /// A quarantine entry for a field error.
    package init(source: String, position: Int64, error: FieldError, raw: String) {
        self.init(source: source, position: position, field: error.field, reason: error.description, raw: raw)
    }
}
