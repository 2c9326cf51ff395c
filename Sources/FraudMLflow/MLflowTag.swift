/// A key and a value: how MLflow carries params and tags.
package struct MLflowTag: Codable, Hashable, Sendable {
    /// The name, e.g. `fraud.run_id`.
    package var key: String
    /// The value, as text.
    package var value: String

    /// A key and its value.
    package init(key: String, value: String) {
        self.key = key
        self.value = value
    }

    /// MLflow leaves out an empty value (protobuf's default).
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        key = try container.decode(String.self, forKey: .key)
        value = try container.decodeIfPresent(String.self, forKey: .value) ?? ""
    }
}

extension Array where Element == MLflowTag {
    /// The value of `key`, if present.
    package subscript(key: String) -> String? { first { $0.key == key }?.value }
}
