import FraudAPI
import FraudAlerting
import FraudCore
import FraudMonitoring
import FraudPipeline
import FraudRuntime
import FraudStore
import Logging

/// The parts `fraud demo` adds to the scorer and writer, each as a `PipelineWorker` of the demo's group.
enum DemoWorkers {
    /// The alerter: alerts on every predicted fraud through the configured channels (recorded only when none is).
    static func alerter(bus: any Bus, store: any Store) throws -> any PipelineWorker {
        let logger = OperationalAlerter.logger("fraud.alerter")
        let configuration = try AlertSettings().commandConfiguration()
        let dispatcher = try AlertDispatcher(configuration: configuration, logger: logger)
        return AlerterWorker(configuration: try AlerterWorker.Configuration(), bus: bus, store: store, alerter: dispatcher, logger: logger)
    }

    /// The monitor: drift against the champion's training reference, fraud rate, latency, labelled performance.
    static func monitor(bus: any Bus, store: any FraudDatabase) throws -> any PipelineWorker {
        let logger = OperationalAlerter.logger("fraud.monitor")
        return try MonitorWorker(bus: bus, store: store, alerter: try OperationalAlerter.make(logger: logger),
                                 configuration: try MonitorConfiguration(), logger: logger)
    }

    /// The HTTP API and the dashboard, scoring with the card history the demo's scorer checkpoints into `featureState`
    /// (with the request's history only when nil).
    static func server(store: any FraudDatabase, registry: ModelRegistry, bus: any Bus, featureState: (any FeatureStateStore)?,
                       port: Int) throws -> any PipelineWorker {
        let server = try APIServer(store: store, registry: registry, bus: bus, featureState: featureState,
                                   configuration: .init(port: port), logger: OperationalAlerter.logger("fraud.api"))
        return ServerWorker(server: server)
    }
}
