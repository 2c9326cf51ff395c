import FraudCore
import FraudModel

/// The scorer's batch step: decode, extract features in record order with the per-card state of each record's
/// partition (each record applied once), score the batch at once, stamp each payment with its decision and latency.
struct BatchScorer: Sendable {
    /// One batch's result.
    struct Outcome: Sendable {
        var scored: [ScoredTransaction] = []
        var quarantined: [QuarantinedRecord] = []
        var scoringNanoseconds: Int64 = 0
    }

    let state: ScorerFeatureState
    let reasons: FraudScorer.Reasons

    /// Scores the decodable records of `records` not applied before; malformed ones come back as quarantine entries.
    func score(_ records: [BusRecord], with scorer: FraudScorer) -> Outcome {
        var outcome = Outcome()
        var payments: [Transaction?] = []
        payments.reserveCapacity(records.count)
        for record in records {
            do throws(FieldError) {
                payments.append(try PaymentMessages.transaction(from: record))
            } catch {
                payments.append(nil)
                outcome.quarantined.append(PaymentMessages.quarantined(record, error: error))
            }
        }
        let started = ContinuousClock.now
        let (matrix, rows) = state.extract(records, payments: payments)
        guard !rows.isEmpty else { return outcome }
        let decisions = scorer.score(matrix, reasons: reasons)
        outcome.scoringNanoseconds = (ContinuousClock.now - started).nanoseconds
        let now = WallClock.microseconds
        let scoredAt = EventTime(millisecondsSinceEpoch: now / 1000)
        outcome.scored.reserveCapacity(rows.count)
        for (decision, index) in zip(decisions, rows) {
            let latency = Double(now - records[index].timestamp * 1000) / 1000
            outcome.scored.append(ScoredTransaction(
                transaction: payments[index]!, score: decision.score, prediction: decision.prediction, threshold: scorer.threshold,
                modelVersion: scorer.modelVersion, reasons: decision.reasons, scoredAt: scoredAt, latencyMs: max(0, latency)))
        }
        return outcome
    }
}
