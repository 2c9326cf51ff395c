import FraudRuntime
import Metrics
import Prometheus

/// The process's Prometheus registry behind swift-metrics.
///
/// Every part of the process records under `MetricNames` through swift-metrics; once `bootstrap()` has run, all of
/// it is served at `/metrics`.
package enum APIMetrics {
    /// The registry every swift-metrics handler of the process records into. The first use bootstraps
    /// swift-metrics with a `PrometheusMetricsFactory` (sub-millisecond timer buckets, batch-size buckets);
    /// a process must not bootstrap swift-metrics in another way.
    package static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10),
            .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
            .seconds(2), .seconds(5), .seconds(10),
        ]
        factory.valueHistogramBuckets[MetricNames.batchSize] = [1, 10, 50, 100, 250, 500, 1000, 2500, 5000, 10_000]
        MetricsSystem.bootstrap(factory)
        return registry
    }()

    /// Bootstraps swift-metrics with the Prometheus factory (once per process; later calls do nothing).
    /// Call it before starting workers so that their metrics are collected.
    package static func bootstrap() {
        _ = registry
    }
}
