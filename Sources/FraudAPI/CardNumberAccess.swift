import Hummingbird

/// Whether an answer shows full card numbers: only with `?full_card=true` and `FRAUD_API_TOKEN` (or on a server
/// without tokens); otherwise they are masked, first 6 and last 4 digits (`CardNumberMask`).
enum CardNumberAccess {
    /// - Throws: `APIProblem` 403 naming `full_card` when the read-only token asks for full numbers.
    static func showsFullNumbers(_ parameters: QueryParameters, tokens: APITokens) throws -> Bool {
        guard try parameters.bool("full_card") == true else { return false }
        guard tokens.access(parameters.request.headers[.authorization]) == .full else {
            throw APIProblem(.forbidden, detail: "full_card=true needs FRAUD_API_TOKEN: the read-only token sees masked card numbers",
                             field: "full_card")
        }
        return true
    }
}
