import FraudCore

/// Live scoring: a loaded model, its threshold and version, scoring batches of payments through a
/// `FeatureExtractor` the caller owns (one per partition, its state snapshot with the offsets).
package struct FraudScorer: Sendable {
    package let model: any ScoringModel
    package let threshold: Double
    package let modelVersion: String
    /// Column names, for reasons.
    package let featureNames: [String]

    /// A scorer for the model in `directory` (`model.json`, `features.json`, `metadata.json`).
    package init(artifactDirectory directory: String, modelVersion: String? = nil) throws {
        let artifact = try ModelArtifact.load(directory: directory)
        try self.init(artifact: artifact, modelVersion: modelVersion ?? directory)
    }

    package init(artifact: ModelArtifact, modelVersion: String) throws {
        self.init(model: try artifact.scoringModel(), threshold: artifact.metadata.threshold, modelVersion: modelVersion)
    }

    package init(model: any ScoringModel, threshold: Double, modelVersion: String) {
        self.model = model
        self.threshold = threshold
        self.modelVersion = modelVersion
        self.featureNames = FeatureNames.all
    }

    /// One payment's outcome.
    package struct Decision: Hashable, Sendable {
        /// Fraud probability, 0...1.
        package var score: Double
        /// `score >= threshold`.
        package var prediction: Bool
        /// Strongest contributions first (by absolute value); empty unless asked for.
        package var reasons: [FeatureContribution]
    }

    /// Which payments get reasons.
    package enum Reasons: Hashable, Sendable {
        case none
        /// Only payments predicted as fraud (alerts).
        case flagged(top: Int)
        case all(top: Int)
    }

    /// Extracts features of `batch` in order (updating `extractor`'s state) and scores them at once.
    package func score(_ batch: [Transaction], extractor: inout FeatureExtractor, reasons: Reasons = .flagged(top: 3)) -> [Decision] {
        score(extractor.extract(batch), reasons: reasons)
    }

    /// Scores an already extracted matrix.
    package func score(_ matrix: FeatureMatrix, reasons: Reasons = .flagged(top: 3)) -> [Decision] {
        let scores = model.scores(matrix)
        return scores.indices.map { row in
            let prediction = scores[row] >= threshold
            var decision = Decision(score: scores[row], prediction: prediction, reasons: [])
            switch reasons {
            case .none: break
            case .flagged(let top): if prediction { decision.reasons = self.reasons(matrix, row: row, top: top) }
            case .all(let top): decision.reasons = self.reasons(matrix, row: row, top: top)
            }
            return decision
        }
    }

    /// The `top` largest contributions (by absolute value) to a row's margin.
    package func reasons(_ matrix: FeatureMatrix, row: Int, top: Int) -> [FeatureContribution] {
        let contributions = model.contributions(matrix, row: row)
        return (0..<matrix.columns)
            .filter { contributions[$0] != 0 }
            .sorted { abs(contributions[$0]) > abs(contributions[$1]) }
            .prefix(top)
            .map { FeatureContribution(feature: featureNames[$0], value: Double(matrix[row, $0]), contribution: Double(contributions[$0])) }
    }
}
