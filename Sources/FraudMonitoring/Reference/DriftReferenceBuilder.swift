import FraudCore
import FraudDrift
import FraudModel

/// Draws a `DriftReference` from training payments: replays them in event-time order through a fresh
/// `FeatureExtractor` (as training did), skips the first `warmupSeconds` of event time so per-card windows are as
/// full as they are in live scoring, keeps a seeded uniform reservoir of the rest, and scores the kept rows.
package struct DriftReferenceBuilder: Sendable {
    /// Most payments kept (default 5,000: above 1,000 rows the monitor uses Evidently's distance tests).
    package let capacity: Int
    /// Event time skipped at the start of the data before sampling (default 7 days, the longest card window);
    /// ignored when the data spans less than twice as long.
    package let warmupSeconds: Int64
    /// Seed of the reservoir sample.
    package let seed: UInt64

    /// - Throws: `ConfigurationError` naming the parameter out of range.
    package init(capacity: Int = 5_000, warmupSeconds: Int64 = 7 * 86_400, seed: UInt64 = 0x5EED) throws {
        guard capacity >= 1 else { throw ConfigurationError(parameter: "capacity", value: "\(capacity)", expected: "≥ 1") }
        guard warmupSeconds >= 0 else { throw ConfigurationError(parameter: "warmupSeconds", value: "\(warmupSeconds)", expected: "≥ 0") }
        self.capacity = capacity
        self.warmupSeconds = warmupSeconds
        self.seed = seed
    }

    /// The reference for `model` on `transactions` (any order; sorted by event time here).
    package func build(transactions: [Transaction], model: any ScoringModel, source: String) -> DriftReference {
        let ordered = transactions.enumerated()
            .sorted { ($0.element.eventTime, $0.offset) < ($1.element.eventTime, $1.offset) }.map(\.element)
        guard let first = ordered.first?.eventTime, let last = ordered.last?.eventTime else {
            return DriftReference(table: DriftFeatureTable(), sampledRows: 0, offeredRows: 0, source: source)
        }
        let span = last.secondsSinceEpoch - first.secondsSinceEpoch
        let cutoff = span >= 2 * warmupSeconds ? first.adding(seconds: warmupSeconds) : first
        var extractor = FeatureExtractor()
        var reservoir = ReservoirSample<(Transaction, [Float])>(capacity: capacity, seed: seed)
        var row = [Float](repeating: 0, count: FeatureNames.all.count)
        for transaction in ordered {
            row.withUnsafeMutableBufferPointer { extractor.extract(transaction, into: $0) }
            if transaction.eventTime >= cutoff { reservoir.add((transaction, row)) }
        }
        let kept = reservoir.items
        let matrix = FeatureMatrix(rows: kept.count, columns: FeatureNames.all.count, values: kept.flatMap { $0.1 })
        let scores = model.scores(matrix)
        var columns = MonitoredColumns()
        for (index, item) in kept.enumerated() { columns.append(item.0, featureRow: item.1, score: scores[index]) }
        return DriftReference(table: columns.table, sampledRows: kept.count, offeredRows: reservoir.seen, source: source)
    }

    /// The reference for the artifact in `directory`: its `drift-reference.json`, else one computed from the training
    /// files its metadata names (and the reason it had to be computed). A saved reference that is not row-aligned
    /// (written before hour matching) is recomputed when the training files can be read, else used as it is.
    /// - Throws: `MonitoringError.noReference` when neither exists.
    package func reference(artifactDirectory directory: String) throws -> DriftReference {
        let saved = try DriftReference.load(directory: directory)
        if let saved, saved.table.isRowAligned { return saved }
        let artifact = try ModelArtifact.load(directory: directory)
        let files = artifact.metadata.trainingData.files
        guard !files.isEmpty else {
            if let saved { return saved }
            throw MonitoringError.noReference(artifact: directory, reason: "no \(DriftReference.fileName) and no training files in metadata.json")
        }
        let transactions: [Transaction]
        do {
            transactions = try LabelledFeatures.readTransactions(paths: files)
        } catch {
            if let saved { return saved }
            throw MonitoringError.noReference(artifact: directory, reason: "no \(DriftReference.fileName), and the training files cannot be read: \(error)")
        }
        return build(transactions: transactions, model: try artifact.scoringModel(), source: "training data \(files.joined(separator: ", ")) (computed on load)")
    }
}
