import FraudCore
import FraudModel
import Hummingbird
import Metrics

/// `POST /v1/score`: scores one payment (an object) or a batch (an array) with the champion, with no side effects.
///
/// Card-history features are computed from the payments of the request only, in order: the server keeps no
/// state between calls and reads no stored history, so a lone payment is scored as its card's first payment.
enum ScoreRoute {
    static func add(to router: some RouterMethods<BasicRequestContext>, state: APIState) {
        router.post("score") { request, _ -> Response in
            let body = try await state.body(request)
            let reasons = try reasonsOption(QueryParameters(request: request))
            let decoded = try body.withUnsafeReadableBytes { bytes throws(FieldError) in try Transaction.decodeJSONPayments(bytes) }
            guard decoded.payments.count <= state.configuration.maxScoreBatch else {
                throw APIProblem.invalid("body", "at most \(state.configuration.maxScoreBatch) payments per call, got \(decoded.payments.count)")
            }
            let scorer = try await state.scorer.current()
            var extractor = FeatureExtractor()
            let decisions = scorer.score(decoded.payments, extractor: &extractor, reasons: reasons)
            Counter(label: APIMetrics.paymentsScored).increment(by: decisions.count)
            var writer = JSONWriter(capacity: 160 * max(decisions.count, 1))
            if decoded.isBatch { writer.beginArray() }
            for (payment, decision) in zip(decoded.payments, decisions) {
                PaymentJSON.writeDecision(decision, transNum: payment.transNum, scorer: scorer, to: &writer)
            }
            if decoded.isBatch { writer.endArray() }
            return JSONResponse.bytes(writer.bytes)
        }
    }

    /// `?reasons=flagged` (default: payments predicted fraud), `all` or `none`; three reasons each.
    private static func reasonsOption(_ query: QueryParameters) throws -> FraudScorer.Reasons {
        switch try query.choice("reasons", ["flagged", "all", "none"], default: "flagged") {
        case "all": .all(top: 3)
        case "none": FraudScorer.Reasons.none
        default: .flagged(top: 3)
        }
    }
}
