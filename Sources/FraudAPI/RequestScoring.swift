import FraudCore
import FraudModel
import FraudRuntime
import Metrics

/// Scores the payments of one request with the champion, in request order, and writes the decisions: the answer of
/// `POST /v1/score` and of `POST /v1/payments?decide=true`. A later payment of a card sees its earlier ones.
struct RequestScoring {
    let history: CardHistory
    let reasons: FraudScorer.Reasons
    /// The feature state to read, for `online` history.
    private let online: OnlineFeatures?

    /// The query parameters of the options.
    static let queryNames = ["history", "reasons"]

    /// The options of `query`: `history` (see `CardHistory`) and `reasons` (`flagged`, the default: payments
    /// predicted fraud; `all`; `none`; three reasons each).
    init(_ query: QueryParameters, state: APIState) throws {
        history = try CardHistory(query, hasFeatureState: state.onlineFeatures != nil)
        online = history == .online ? state.onlineFeatures : nil
        reasons = switch try query.choice("reasons", ["flagged", "all", "none"], default: "flagged") {
        case "all": .all(top: 3)
        case "none": .none
        default: .flagged(top: 3)
        }
    }

    /// The column counting the card's payments before each one, which the answer reports.
    private static let earlierPaymentsColumn = FeatureExtractor.spec.names.firstIndex(of: "card_payment_count")!

    /// The decisions of `payments` as JSON: one object, or an array in request order when `isBatch`.
    /// - Throws: `APIProblem` 400 over the batch limit or 503 without a champion; `FeatureStateError` when the
    ///   online history cannot be read.
    func answer(_ payments: [Transaction], isBatch: Bool, state: APIState) async throws -> [UInt8] {
        guard payments.count <= state.configuration.maxScoreBatch else {
            throw APIProblem.invalid("body", "at most \(state.configuration.maxScoreBatch) payments per call, got \(payments.count)")
        }
        let scorer: FraudScorer
        do {
            scorer = try await state.scorer.current()
        } catch is NoChampionError {
            throw APIProblem(.serviceUnavailable, title: "No champion model",
                             detail: "no model is promoted to champion yet; import one and run 'fraud models promote VERSION'")
        }
        var extractor = try await online?.extractor(for: payments) ?? FeatureExtractor()
        let matrix = extractor.extract(payments)
        let decisions = scorer.score(matrix, reasons: reasons)
        Counter(label: MetricNames.apiPaymentsScored).increment(by: decisions.count)
        var writer = JSONWriter(capacity: 200 * max(decisions.count, 1))
        if isBatch { writer.beginArray() }
        for (row, decision) in decisions.enumerated() {
            PaymentJSON.writeDecision(decision, transNum: payments[row].transNum, scorer: scorer, history: history,
                                      earlierPayments: Int(matrix[row, Self.earlierPaymentsColumn]), to: &writer)
        }
        if isBatch { writer.endArray() }
        return writer.bytes
    }
}

