import FraudCore
import FraudModel

/// Builds the feature extractor a request is scored with from the scorers' checkpointed card state (the online
/// history), read once per request for the request's distinct cards and never written back.
struct OnlineFeatures: Sendable {
    /// The default scorers' state: group `scorer` over `payments.raw`.
    static let scope = FeatureStateScope(group: PaymentMessages.scorerGroup, topic: PaymentMessages.rawTopic)

    let store: any FeatureStateStore

    /// An extractor holding the checkpointed state of every card of `payments` that has one (the others start empty).
    /// - Throws: `FeatureStateError`: `.unavailable` when the state cannot be read, `.damaged` naming the card whose
    ///   state cannot be decoded.
    func extractor(for payments: [Transaction]) async throws -> FeatureExtractor {
        var seen = Set<Int64>(minimumCapacity: payments.count)
        var cards: [Int64] = []
        for payment in payments where seen.insert(payment.ccNum).inserted { cards.append(payment.ccNum) }
        let states = try await store.cardStates(Self.scope, cards: cards)
        do {
            return try FeatureExtractor(cards: states)
        } catch {
            throw FeatureStateError(.damaged, "the feature state of \(Self.scope) is damaged: \(error)")
        }
    }
}
