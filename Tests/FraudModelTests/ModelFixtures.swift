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

    /// Trains Python XGBoost on the fixture rows' `columns` (extractor names, in the model's own order), saves its
    /// `model.json` at `modelPath` and returns its scores of the training rows.
    static func trainInPython(columns names: [String], modelPath: String) throws -> PythonScores {
        let columns = names.map { FeatureNames.all.firstIndex(of: $0)! }
        let subset = FeatureMatrix(rows: features.count, columns: names.count,
                                   values: (0..<features.count).flatMap { row in columns.map { features.matrix[row, $0] } })
        var request = PythonRequest(mode: "train", model: modelPath, matrix: subset)
        request.labels = features.labels.map { $0 ? 1 : 0 }
        request.feature_names = names
        return try PythonReference.run("model/xgboost_reference.py", input: request, as: PythonScores.self)
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
