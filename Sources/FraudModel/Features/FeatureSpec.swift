/// The names and order of a model's input columns, and the extractor version that produces them (`features.json`).
package struct FeatureSpec: Hashable, Sendable, Codable {
    /// Extractor version; bumped whenever a feature's meaning changes.
    package var version: String
    /// Column names in matrix order; stable strings used by drift, reasons and the dashboard.
    package var names: [String]

    package init(version: String, names: [String]) {
        self.version = version
        self.names = names
    }

    /// For each of this spec's columns, its column in `source` (the extractor's matrix).
    /// - Throws: `ModelError.unknownFeatures` naming the features `source` does not produce.
    package func columns(in source: FeatureSpec) throws -> [Int] {
        let position = Dictionary(source.names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let missing = names.filter { position[$0] == nil }
        guard missing.isEmpty else { throw ModelError.unknownFeatures(missing, available: source.names) }
        return names.map { position[$0]! }
    }
}
