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
    package let configuration: Configuration
    private let state: APIState
    private let logger: Logger

    /// A server over `store` (payments, labels, alerts, reports), `registry` (models, promotion), `bus` (ingest) and
    /// `featureState`, the scorers' checkpointed card state (group `scorer`), which scoring reads and never writes:
    /// without it, payments are scored with the request's history only.
    ///
    /// Bootstraps swift-metrics with the Prometheus registry (`APIMetrics.bootstrap()`) if that was not done yet.
    /// - Throws: `ConfigurationError` when `configuration` is refused (`Configuration.validate()`), `APIAssetError`
    ///   when a bundled file is missing.
    package init(store: any FraudDatabase, registry: ModelRegistry, bus: any Bus, featureState: (any FeatureStateStore)? = nil,
                models: ModelSource? = nil, configuration: Configuration = Configuration(),
                logger: Logger = Logger(label: "fraud.api")) throws {
        try configuration.validate()
        APIMetrics.bootstrap()
        self.configuration = configuration
        self.logger = logger
        self.state = APIState(
            store: store, registry: registry, scorer: (models ?? .champion(store, checkEvery: configuration.championCheckInterval)).watcher(),
            onlineFeatures: featureState.map(OnlineFeatures.init),
            ingest: PaymentIngest(bus: bus, partitions: configuration.rawTopicPartitions), configuration: configuration,
            assets: try APIAssets(), storeGauges: StoreGauges(store: store, clock: configuration.clock))
    }

    /// The routes, behind the metrics, security-header, problem-details, `Host`, same-origin and JSON middleware; reads
    /// of personal data and scoring need a token, write and admin routes the full one (`BearerTokenMiddleware`).
    package func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: RequestMetricsMiddleware())
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: ProblemMiddleware(maxBodyBytes: configuration.maxBodyBytes, logger: logger))
        router.add(middleware: HostMiddleware(allowList: HostAllowList(host: configuration.host, allowed: configuration.allowedHosts)))
        router.add(middleware: SameOriginMiddleware())
        router.add(middleware: JSONContentTypeMiddleware(maxBodyBytes: configuration.maxBodyBytes))
        SystemRoutes.add(to: router, state: state)
        let v1 = router.group("v1")
        ModelsRoutes.add(to: v1, state: state)
        ReportsRoutes.add(to: v1, state: state)
        let reading = v1.group().add(middleware: BearerTokenMiddleware(tokens: configuration.tokens, needs: .read))
        ScoreRoute.add(to: reading, state: state)
        TransactionsRoute.add(to: reading, state: state)
        AlertsRoute.add(to: reading, state: state)
        let writing = v1.group().add(middleware: BearerTokenMiddleware(tokens: configuration.tokens, needs: .full))
        PaymentsRoute.add(to: writing, state: state)
        LabelsRoute.add(to: writing, state: state)
        ModelsRoutes.addAdmin(to: writing, state: state)
        return router
    }

    /// The Hummingbird application, with the connection limit and the header, body and idle timeouts;
    /// `onServerRunning` gets the bound port.
    package func application(onServerRunning: (@Sendable (Int) async -> Void)? = nil) -> some ApplicationProtocol {
        let (headerTimeout, bodyTimeout) = (TimeAmount(configuration.headerTimeout), TimeAmount(configuration.bodyTimeout))
        return Application(
            router: router(),
            server: .http1(configuration: .init(
                additionalChannelHandlers: [RequestTimeoutHandler(headerTimeout: headerTimeout, bodyTimeout: bodyTimeout)],
                idleTimeout: TimeAmount(configuration.idleTimeout))),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "fraud-api",
                                 availableConnectionsDelegate: .maximum(configuration.maxConnections, logger: logger)),
            onServerRunning: { channel in await onServerRunning?(channel.localAddress?.port ?? 0) },
            logger: logger)
    }

    /// What the server says at start: where it listens and which routes need which token (never the tokens).
    package func startMessage(port: Int) -> String {
        let base = "http://\(configuration.host):\(port)"
        let access = switch (configuration.token, configuration.readToken) {
        case (nil, _):
            "no FRAUD_API_TOKEN set: every route is open, so the server listens on loopback only"
        case (_, nil):
            "payment reads, scoring, write and admin routes require 'Authorization: Bearer $FRAUD_API_TOKEN'"
        default:
            "payment reads and scoring require 'Authorization: Bearer' with $FRAUD_API_READ_TOKEN or $FRAUD_API_TOKEN, write and admin routes $FRAUD_API_TOKEN"
        }
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
            throw AddressInUse(host: configuration.host, port: configuration.port)
        }
    }
}
