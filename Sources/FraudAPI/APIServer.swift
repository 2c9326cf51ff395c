import Foundation
import FraudCore
import FraudModel
import FraudRuntime
import FraudStore
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// The HTTP API and the dashboard (DESIGN.md §8): scoring, ingest, labels, queries, models, reports, health,
/// metrics, `/openapi.json`, `/docs` and `/`.
///
/// A value `fraud serve` runs alone and `fraud demo` starts in its task group next to the workers.
package struct APIServer: Sendable {
    /// Settings of the server.
    package struct Configuration: Sendable {
        /// Address to bind (default 127.0.0.1). Without a `token` the server binds 127.0.0.1 whatever this says.
        package var host: String
        /// Port (default 8080; 0 picks a free one).
        package var port: Int
        /// The bearer token write and admin routes require (`FRAUD_API_TOKEN`); nil: no token, loopback only.
        package var token: String?
        /// Largest request body accepted, in bytes (default 8 MiB); larger ones get 413.
        package var maxBodyBytes: Int
        /// Most payments `POST /v1/score` takes in one call (default 10,000).
        package var maxScoreBatch: Int
        /// Partitions of `payments.raw` when the API creates it (default 4).
        package var rawTopicPartitions: Int
        /// How often `POST /v1/score` looks whether the champion moved (default 1 s; zero: at every call).
        package var championCheckInterval: Duration
        /// The wall clock the routes read (labels' time, the recent-activity windows); injected by tests.
        package var clock: @Sendable () -> EventTime

        /// Settings with their defaults; see each property.
        package init(host: String = "127.0.0.1", port: Int = 8080, token: String? = nil, maxBodyBytes: Int = 8 << 20,
                    maxScoreBatch: Int = 10_000, rawTopicPartitions: Int = 4, championCheckInterval: Duration = .seconds(1),
                    clock: @escaping @Sendable () -> EventTime = { WallClock.now }) {
            self.host = host
            self.port = port
            self.token = token
            self.maxBodyBytes = maxBodyBytes
            self.maxScoreBatch = maxScoreBatch
            self.rawTopicPartitions = rawTopicPartitions
            self.championCheckInterval = championCheckInterval
            self.clock = clock
        }

        /// The address actually bound: `host`, or 127.0.0.1 when no token is configured.
        package var boundHost: String { token == nil ? "127.0.0.1" : host }
    }

    package let configuration: Configuration
    private let state: APIState
    private let logger: Logger

    /// A server over `store` (payments, labels, alerts, reports), `registry` (models, promotion), `bus` (ingest) and
    /// `featureState`, the scorers' checkpointed card state (group `scorer`), which scoring reads and never writes:
    /// without it, payments are scored with the request's history only.
    ///
    /// Bootstraps swift-metrics with the Prometheus registry (`APIMetrics.bootstrap()`) if that was not done yet.
    /// - Throws: `APIAssetError` when a bundled file is missing.
    package init(store: any FraudDatabase, registry: ModelRegistry, bus: any Bus, featureState: (any FeatureStateStore)? = nil,
                models: ModelSource? = nil, configuration: Configuration = Configuration(),
                logger: Logger = Logger(label: "fraud.api")) throws {
        APIMetrics.bootstrap()
        self.configuration = configuration
        self.logger = logger
        self.state = APIState(
            store: store, registry: registry, scorer: (models ?? .champion(store, checkEvery: configuration.championCheckInterval)).watcher(),
            onlineFeatures: featureState.map(OnlineFeatures.init),
            ingest: PaymentIngest(bus: bus, partitions: configuration.rawTopicPartitions), configuration: configuration,
            assets: try APIAssets(), storeGauges: StoreGauges(store: store, clock: configuration.clock))
    }

    /// The routes, behind the metrics, problem-details and (for write and admin routes) bearer-token middleware.
    package func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: RequestMetricsMiddleware())
        router.add(middleware: ProblemMiddleware(maxBodyBytes: configuration.maxBodyBytes, logger: logger))
        SystemRoutes.add(to: router, state: state)
        let v1 = router.group("v1")
        ScoreRoute.add(to: v1, state: state)
        TransactionsRoute.add(to: v1, state: state)
        AlertsRoute.add(to: v1, state: state)
        ModelsRoutes.add(to: v1, state: state)
        ReportsRoutes.add(to: v1, state: state)
        let guarded = v1.group().add(middleware: BearerTokenMiddleware(token: configuration.token))
        PaymentsRoute.add(to: guarded, state: state)
        LabelsRoute.add(to: guarded, state: state)
        ModelsRoutes.addAdmin(to: guarded, state: state)
        return router
    }

    /// The Hummingbird application; `onServerRunning` gets the bound port.
    package func application(onServerRunning: (@Sendable (Int) async -> Void)? = nil) -> some ApplicationProtocol {
        Application(
            router: router(),
            configuration: .init(address: .hostname(configuration.boundHost, port: configuration.port), serverName: "fraud-api"),
            onServerRunning: { channel in await onServerRunning?(channel.localAddress?.port ?? 0) },
            logger: logger)
    }

    /// What the server says at start: where it listens and whether write routes need a token (never the token itself).
    package func startMessage(port: Int) -> String {
        let base = "http://\(configuration.boundHost):\(port)"
        let access = configuration.token == nil
            ? "no FRAUD_API_TOKEN set: write and admin routes are open, so the server listens on 127.0.0.1 only"
            : "write and admin routes require 'Authorization: Bearer $FRAUD_API_TOKEN'"
        return "fraud API on \(base) (dashboard \(base)/, docs \(base)/docs, OpenAPI \(base)/openapi.json); \(access)"
    }

    /// The server could not listen: another process holds `port` on `host`.
    package struct AddressInUse: Error, CustomStringConvertible {
        package var host: String
        package var port: Int

        package var description: String { "port \(port) on \(host) is in use" }
    }

    /// Serves until `stop` is requested (or the task is cancelled), then finishes open requests and returns;
    /// throws `AddressInUse` when the port is taken.
    package func run(stop: StopSignal, onServerRunning: (@Sendable (Int) async -> Void)? = nil) async throws {
        let group = ServiceGroup(configuration: .init(services: [application(onServerRunning: onServerRunning)], logger: logger))
        do {
            try await withCleanup {
                try await withThrowingTaskGroup(of: Void.self) { tasks in
                    tasks.addTask {
                        while !stop.isRequested, !Task.isCancelled { await stop.sleep(for: .milliseconds(200)) }
                        await group.triggerGracefulShutdown()
                    }
                    // Ends the stop watcher once the server has stopped for any reason.
                    defer { tasks.cancelAll() }
                    try await group.run()
                }
            } cleanup: {
                try await state.ingest.close()
            }
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw AddressInUse(host: configuration.boundHost, port: configuration.port)
        }
    }
}
