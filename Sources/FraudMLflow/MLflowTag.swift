/// A key and a value: how MLflow carries params and tags.
public struct MLflowTag: Codable, Hashable, Sendable {
    /// The name, e.g. `fraud.run_id`.
    public var key: String
    /// The value, as text.
    public var value: String

    /// A key and its value.
    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }

    /// MLflow leaves out an empty value (protobuf's default).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        key = try container.decode(String.self, forKey: .key)
        value = try container.decodeIfPresent(String.self, forKey: .value) ?? ""
    }
}

extension Array where Element == MLflowTag {
    /// The value of `key`, if present.
    public subscript(key: String) -> String? { first { $0.key == key }?.value }
}
