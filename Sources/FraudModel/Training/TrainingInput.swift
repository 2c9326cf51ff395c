import FraudCore
import Foundation

/// Training or evaluation files read, replayed through a fresh extractor in time order, and fingerprinted.
package struct TrainingInput: Sendable {
    package var features: LabelledFeatures
    package var fingerprint: DataFingerprint
    /// The extractor's state after the replay.
    package var extractor: FeatureExtractor

    /// - Parameters:
    ///   - warmup: files replayed first to warm the per-card state, not part of the rows.
    ///   - progress: one line of news at a time.
    package static func load(paths: [String], warmup: [String] = [], progress: (String) -> Void = { _ in }) throws -> TrainingInput {
        var extractor = FeatureExtractor()
        if !warmup.isEmpty {
            let warm = try LabelledFeatures.readTransactions(paths: warmup)
            progress("warm-up: \(warm.count) payments from \(warmup.joined(separator: ", "))")
            _ = LabelledFeatures(transactions: warm, extractor: &extractor)
        }
        let transactions = try LabelledFeatures.readTransactions(paths: paths)
        progress("read \(transactions.count) payments from \(paths.joined(separator: ", "))")
        let estimate = ProgressEstimate()
        let features = LabelledFeatures(transactions: transactions, extractor: &extractor) { done, total in
            progress("features: \(done) / \(total) (\(estimate.text(done: done, total: total)))")
        }
        guard features.count > 0 else { throw ModelError.invalidInput("no labelled payments in \(paths.joined(separator: ", "))") }
        let fingerprint = DataFingerprint(
            rows: features.count, frauds: features.labels.filter { $0 }.count,
            firstEventTime: features.times.first?.iso, lastEventTime: features.times.last?.iso,
            sha256: try DataFingerprint.sha256(of: paths), files: paths)
        return TrainingInput(features: features, fingerprint: fingerprint, extractor: extractor)
    }
}
