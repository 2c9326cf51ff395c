import Foundation
import FraudAPI
import FraudBus
import FraudCore
import FraudPipeline
import FraudStore
import FraudTesting
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore

/// A real server over a fresh store (SQLite file or PostgreSQL schema), an embedded bus in a temporary directory with
/// its feature state (empty), and a registry whose champion is `TestModel`; requests go over loopback
/// (HummingbirdTesting `.live`).
final class APIFixture: Sendable {
    static let token = "test-token-4f1c-7d2a"
    let root: String
    let store: any FraudDatabase
    let registry: ModelRegistry
    let bus: EmbeddedBus
    /// The feature state in the bus directory, as the embedded pipeline keeps it.
    let featureState: any FeatureStateStore
    let server: APIServer
    let championVersion: String
    /// The server's clock: standing still at the fixture's creation unless made with `liveClock`.
    let clock: @Sendable () -> EventTime
    private let removeDatabase: @Sendable () async throws -> Void

    private init(root: String, store: any FraudDatabase, registry: ModelRegistry, bus: EmbeddedBus, featureState: any FeatureStateStore,
                 server: APIServer, championVersion: String, clock: @escaping @Sendable () -> EventTime, removeDatabase: @escaping @Sendable () async throws -> Void) {
        self.root = root
        self.store = store
        self.registry = registry
        self.bus = bus
        self.featureState = featureState
        self.server = server
        self.championVersion = championVersion
        self.clock = clock
        self.removeDatabase = removeDatabase
    }

    /// A fixture on SQLite, or on a new schema of `postgresURL`; its server reads the feature state unless `onlineHistory` is false.
    static func make(postgresURL: String? = nil, configuration: APIServer.Configuration = .init(port: 0, token: token, championCheckInterval: .zero, headerTimeout: .seconds(600), idleTimeout: .seconds(600)),
                     onlineHistory: Bool = true, liveClock: Bool = false, logger: Logger = Logger(label: "fraud.api.test")) async throws -> APIFixture {
        let root = TemporaryDirectory.make("api-fixture")
        // Unless `liveClock`, the server's clock stands still at the fixture's creation, so "recent" windows do not
        // depend on how long a test takes on a busy machine.
        let created = WallClock.now
        var configuration = configuration
        let frozen: @Sendable () -> EventTime = { created }
        if !liveClock { configuration.clock = frozen }
        let store: any FraudDatabase
        let remove: @Sendable () async throws -> Void
        if let postgresURL {
            let fixed = try PostgresTesting.throwawaySchema(postgresURL, prefix: "fraud_api")
            store = try await PostgresStore.connect(fixed)
            remove = { try await PostgresTesting.dropSchema(fixed) }
        } else {
            store = try await SQLiteStore.open(path: root + "/fraud.db")
            remove = {}
        }
        let registry = ModelRegistry(store: store, artifactRoot: root + "/registry", evaluator: RecordedMetricsEvaluator(),
                                     policy: try PromotionPolicy())
        let version = try await registry.importArtifact(from: TestModel.artifactDirectory).version
        _ = try await registry.promote(version: version, force: true, by: "test", reason: "fixture champion")
        let bus = try EmbeddedBus(path: root + "/bus")
        let featureState = try await FeatureStateStoreFactory.open(FeatureStateLocation.embeddedURL(bus))
        let server = try APIServer(store: store, registry: registry, bus: bus, featureState: onlineHistory ? featureState : nil,
                                   configuration: configuration, logger: logger)
        return APIFixture(root: root, store: store, registry: registry, bus: bus, featureState: featureState, server: server,
                          championVersion: version, clock: configuration.clock, removeDatabase: remove)
    }

    /// Runs `body` against the live server, then closes the store and removes everything.
    func test(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        do {
            try await server.application().test(.live, body)
        } catch {
            try? await close()
            throw error
        }
        try await close()
    }

    private func close() async throws {
        try await featureState.close()
        try await store.close()
        try await removeDatabase()
        try? FileManager.default.removeItem(atPath: root)
    }

    /// `count` scored payments scored a second before the server's clock (so they count as recent activity), every
    /// 10th predicted fraud, stored with an alert for each payment predicted fraud.
    @discardableResult
    func seed(count: Int, firstIndex: Int = 0) async throws -> [ScoredTransaction] {
        let now = clock().adding(seconds: -1)
        let rows = StoreFixtures.scored(count: count, firstIndex: firstIndex).map { row in
            var row = row
            row.scoredAt = now
            row.latencyMs = 2
            return row
        }
        try await store.write(rows)
        try await store.record(rows.filter(\.prediction).map { AlertRecord($0, raisedAt: now) })
        return rows
    }
}

/// Requests and decoded answers for the route tests.
extension TestClientProtocol {
    /// Sends `body` (JSON text) with the fixture's token unless `token` says otherwise.
    func send(_ method: HTTPRequest.Method, _ uri: String, json body: String? = nil, token: String? = APIFixture.token) async throws -> TestResponse {
        var headers: HTTPFields = [:]
        if let body, !body.isEmpty { headers[.contentType] = "application/json" }
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }) { $0 }
    }
}

extension TestResponse {
    /// The body as a JSON value.
    var json: Any? { try? JSONSerialization.jsonObject(with: Data(buffer: body), options: [.fragmentsAllowed]) }

    /// The body as a JSON object (empty when it is not one).
    var object: [String: Any] { json as? [String: Any] ?? [:] }

    /// The body as text.
    var text: String { String(buffer: body) }
}

/// A payment in the fraudTest JSON field names.
func paymentJSON(_ transaction: Transaction) -> String {
    String(decoding: transaction.jsonBytes, as: UTF8.self)
}
