/// Which card history a request's payments are scored with (`?history=`); the answer names it.
enum CardHistory: String, Sendable {
    /// The card's state as the scorers last checkpointed it, then the request's earlier payments of the card.
    case online
    /// The request's earlier payments of the card only: no stored history (what-if calls).
    case request

    /// `?history=online|request`; absent: `online` when the server has a feature state, else `request`.
    /// - Throws: `APIProblem` 400 naming `history` for another value, 503 for `online` without a feature state.
    init(_ query: QueryParameters, hasFeatureState: Bool) throws {
        let fallback: CardHistory = hasFeatureState ? .online : .request
        self = CardHistory(rawValue: try query.choice("history", ["online", "request"], default: fallback.rawValue))!
        guard self == .request || hasFeatureState else {
            throw APIProblem(.serviceUnavailable, title: "No feature state",
                             detail: "history: this server has no feature state to read card history from; use history=request",
                             field: "history")
        }
    }
}
