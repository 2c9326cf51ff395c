/// One record header: a name and opaque bytes (Kafka record headers), e.g. `schema-version: 1`.
package struct BusHeader: Hashable, Sendable {
    /// Header name.
    package var name: String
    /// Header value bytes.
    package var value: [UInt8]

    /// A header with raw bytes.
    package init(name: String, value: [UInt8]) {
        self.name = name
        self.value = value
    }

    /// A header holding UTF-8 text.
    package init(name: String, text: String) {
        self.init(name: name, value: Array(text.utf8))
    }

    /// The value read as UTF-8 text.
    package var text: String { String(decoding: value, as: UTF8.self) }
}

extension [BusHeader] {
    /// The value of the first header named `name`, as text.
    package func text(_ name: String) -> String? {
        first { $0.name == name }?.text
    }
}
