import FraudCore
import FraudModel
import FraudStore
import Hummingbird

/// What the route handlers share: the store, the registry, the scorer, the online card history, the ingest path
/// and the settings.
struct APIState: Sendable {
    let store: any FraudDatabase
    let registry: ModelRegistry
    let scorer: ChampionWatcher
    /// The scorers' card state, when the server has one: scoring reads it (`?history=online`).
    let onlineFeatures: OnlineFeatures?
    let ingest: PaymentIngest
    let configuration: APIServer.Configuration
    let assets: APIAssets
    let storeGauges: StoreGauges

    /// The request body, refused (413) beyond the configured limit.
    func body(_ request: Request) async throws -> ByteBuffer {
        try await request.body.collect(upTo: configuration.maxBodyBytes)
    }
}
