import FraudCore
import FraudModel
import Synchronization

/// The scorer's per-card feature state and its batch step: decode, extract features in record order,
/// score the batch at once, stamp each payment with its decision and latency.
///
/// Calls come one batch at a time from the scorer's loop; the lock only satisfies `Sendable`.
final class BatchScorer: Sendable {
    /// One batch's result.
    struct Outcome: Sendable {
        var scored: [ScoredTransaction] = []
        var quarantined: [QuarantinedRecord] = []
        var scoringNanoseconds: Int64 = 0
    }

    private let extractor = Mutex(FeatureExtractor())
    private let reasons: FraudScorer.Reasons

    init(reasons: FraudScorer.Reasons) {
        self.reasons = reasons
    }

    /// Scores the decodable records of `records`; the others come back as quarantine entries.
    func score(_ records: [BusRecord], with scorer: FraudScorer) -> Outcome {
        var outcome = Outcome()
        var payments: [Transaction] = []
        var ingested: [Int64] = []
        payments.reserveCapacity(records.count)
        ingested.reserveCapacity(records.count)
        for record in records {
            do throws(FieldError) {
                payments.append(try PaymentMessages.transaction(from: record))
                ingested.append(record.timestamp)
            } catch {
                outcome.quarantined.append(PaymentMessages.quarantined(record, error: error))
            }
        }
        guard !payments.isEmpty else { return outcome }
        let started = ContinuousClock.now
        let decisions = extractor.withLock { scorer.score(payments, extractor: &$0, reasons: reasons) }
        let elapsed = ContinuousClock.now - started
        outcome.scoringNanoseconds = elapsed.nanoseconds
        let now = PreciseClock.microseconds
        let scoredAt = EventTime(millisecondsSinceEpoch: now / 1000)
        outcome.scored.reserveCapacity(payments.count)
        for index in payments.indices {
            let decision = decisions[index]
            let latency = Double(now - ingested[index] * 1000) / 1000
            outcome.scored.append(ScoredTransaction(
                transaction: payments[index], score: decision.score, prediction: decision.prediction, threshold: scorer.threshold,
                modelVersion: scorer.modelVersion, reasons: decision.reasons, scoredAt: scoredAt, latencyMs: max(0, latency)))
        }
        return outcome
    }
}
