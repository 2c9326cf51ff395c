import Foundation
import FraudCore
import FraudDrift
import FraudModel

/// The training reference the monitor compares live windows with: a uniform sample of the training payments'
/// drift columns (`MonitoredColumns`) and the model's scores on them, saved as `drift-reference.json` beside the
/// model in its artifact directory (so the registry copies it with the model). Columns are row-aligned (one value per
/// sampled payment; a non-finite feature value is saved as the string `"nan"`), so the monitor can reweight the
/// sample by hour of day (`HourMatchedReference`); references written before that are not.
package struct DriftReference: Sendable, Codable {
    /// The file name inside an artifact directory.
    package static let fileName = "drift-reference.json"

    /// One column of the sample.
    package struct Column: Sendable, Codable, Hashable {
        /// The column's name, as in the drift reports.
        package var name: String
        /// Values of a numeric column (nil for a categorical one), NaN where the feature had no finite value.
        package var numbers: [Double]?
        /// Whether the numeric column holds integers (Evidently treats few distinct integers as categories).
        package var integer: Bool?
        /// Labels of a categorical column (nil for a numeric one).
        package var categories: [String]?
    }

    /// The extractor version the feature columns come from.
    package var featureVersion: String
    /// Payments in the sample.
    package var sampledRows: Int
    /// Payments the sample was drawn from (after the warm-up).
    package var offeredRows: Int
    /// Where the sample came from, e.g. `training` or `training data (computed on load)`.
    package var source: String
    /// The sampled columns.
    package var columns: [Column]

    enum CodingKeys: String, CodingKey {
        case featureVersion = "feature_version", sampledRows = "sampled_rows", offeredRows = "offered_rows", source, columns
    }

    /// A reference holding `table`'s columns.
    package init(table: DriftFeatureTable, sampledRows: Int, offeredRows: Int, source: String) {
        featureVersion = FeatureNames.version
        self.sampledRows = sampledRows
        self.offeredRows = offeredRows
        self.source = source
        columns = table.columns.map { name, values in
            switch values {
            case .numbers(let numbers, let isInteger): Column(name: name, numbers: numbers, integer: isInteger, categories: nil)
            case .categories(let labels): Column(name: name, numbers: nil, integer: nil, categories: labels)
            }
        }
    }

    /// The sample as a drift table, columns in their saved order.
    package var table: DriftFeatureTable {
        DriftFeatureTable(columns.map { column in
            (column.name, column.categories.map { .categories($0) } ?? .numbers(column.numbers ?? [], isInteger: column.integer ?? false))
        })
    }

    /// Writes `drift-reference.json` into `directory`.
    package func write(directory: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        try encoder.encode(self).write(to: URL(fileURLWithPath: directory).appendingPathComponent(Self.fileName))
    }

    /// Reads `drift-reference.json` from `directory`; nil when the artifact has none (older artifacts, imports).
    /// - Throws: `ModelError.malformed` naming the file when it exists but cannot be read.
    package static func load(directory: String) throws -> DriftReference? {
        let url = URL(fileURLWithPath: directory).appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            let decoder = JSONDecoder()
            decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
            return try decoder.decode(DriftReference.self, from: Data(contentsOf: url))
        } catch {
            throw ModelError.malformed(file: url.path, reason: "not a drift reference: \(error)")
        }
    }
}
