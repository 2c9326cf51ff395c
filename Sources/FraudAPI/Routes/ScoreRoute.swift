import FraudCore
import Hummingbird

/// `POST /v1/score`: scores one payment (an object) or a batch (an array) with the champion, with no side effects.
///
/// Card-history features come from each card's online state (`?history=online`, the default: the scorers' last
/// checkpoint, read and never written) followed by the request's earlier payments of the card, or from the request's
/// payments only (`?history=request`, what-if calls).
enum ScoreRoute {
    /// The query parameters accepted.
    static let queryNames = RequestScoring.queryNames

    static func add(to router: some RouterMethods<BasicRequestContext>, state: APIState) {
        router.post("score") { request, _ -> Response in
            let body = try await state.body(request)
            let scoring = try RequestScoring(QueryParameters(request: request, accepting: queryNames), state: state)
            let decoded = try body.withUnsafeReadableBytes { bytes throws(FieldError) in try Transaction.decodeJSONPayments(bytes) }
            return JSONResponse.bytes(try await scoring.answer(decoded.payments, isBatch: decoded.isBatch, state: state))
        }
    }
}
