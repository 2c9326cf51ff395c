import FraudCore
import FraudModel
import FraudTesting
import Foundation

/// Features of the synthetic payments, extracted once per test process.
enum ModelFixtures {
    static let transactions = SyntheticTransactions.generate(seed: 42)

    static let features: LabelledFeatures = {
        var extractor = FeatureExtractor()
        return LabelledFeatures(transactions: transactions, extractor: &extractor)
    }()

    static let fingerprint = DataFingerprint(rows: features.count, frauds: features.labels.filter { $0 }.count,
                                             firstEventTime: nil, lastEventTime: nil, sha256: "synthetic", files: [])

    /// A fresh temporary directory.
    static func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fraud-model-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// The request the Python reference script reads (NaN as JSON null).
    struct PythonRequest: Encodable {
        var mode: String
        var model: String
        var rows: Int
        var columns: Int
        var values: [Float?]
        var labels: [Int]? = nil
        var feature_names: [String]? = nil

        init(mode: String, model: String, matrix: FeatureMatrix) {
            self.mode = mode
            self.model = model
            rows = matrix.rows
            columns = matrix.columns
            values = matrix.values.map { $0.isNaN ? nil : $0 }
        }
    }

    struct PythonScores: Decodable {
        var scores: [Double]
        var margins: [Double]?
    }
}
