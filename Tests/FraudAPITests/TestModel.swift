import Foundation
import FraudModel
import FraudTesting

/// A logistic model trained once per test process on simulated payments, as an artifact directory.
enum TestModel {
    static let artifactDirectory: String = {
        do {
            let csv = try SimulatedData.csvFile(rows: 6_000, seed: 11, cards: 150, fraudRate: 0.03)
            let input = try TrainingInput.load(paths: [csv])
            let outcome = try ModelTraining(kind: .logistic).train(input.features, fingerprint: input.fingerprint)
            let directory = TemporaryDirectory.make("api-model")
            try outcome.artifact.write(directory: directory)
            try? FileManager.default.removeItem(atPath: csv)
            return directory
        } catch {
            preconditionFailure("training the API tests' model failed: \(error)")
        }
    }()
}
