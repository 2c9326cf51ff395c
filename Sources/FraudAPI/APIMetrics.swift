import FraudRuntime
import Metrics
import Prometheus

/// The process's Prometheus registry behind swift-metrics, and the names of the API's own metrics.
///
/// Workers record under `PipelineMetrics` names through swift-metrics; once `bootstrap()` has run, whatever any part
/// of the process records is served at `/metrics`.
public enum APIMetrics {
    /// Counter: HTTP requests answered. Dimensions `method`, `route`, `status`.
    public static let requests = "fraud_api_requests_total"
    /// Timer (histogram): time to answer a request. Dimensions `method`, `route`.
    public static let requestDuration = "fraud_api_request_duration_seconds"
    /// Counter: payments scored by `POST /v1/score`.
    public static let paymentsScored = "fraud_api_payments_scored_total"
    /// Counter: payments accepted by `POST /v1/payments` (durably written to `payments.raw`).
    public static let paymentsIngested = "fraud_api_payments_ingested_total"
    /// Gauges refreshed from the store at each scrape, so they hold whichever process did the work.
    public static let storedPayments = "fraud_store_payments"
    public static let storedLabelled = "fraud_store_labelled"
    public static let storedAlerts = "fraud_store_alerts"
    public static let storedQuarantined = "fraud_store_quarantined"
    /// Gauge: share of the payments scored in the last minute (by `scored_at`) predicted fraud.
    public static let recentFraudRate = "fraud_store_recent_fraud_rate"
    /// Gauge: payments scored per second over the last minute (by `scored_at`).
    public static let recentThroughput = "fraud_store_recent_payments_per_second"

    /// The registry every swift-metrics handler of the process records into. The first use bootstraps
    /// swift-metrics with a `PrometheusMetricsFactory` (sub-millisecond timer buckets, batch-size buckets);
    /// a process must not bootstrap swift-metrics in another way.
    public static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10),
            .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
            .seconds(2), .seconds(5), .seconds(10),
        ]
        factory.valueHistogramBuckets[PipelineMetrics.batchSize] = [1, 10, 50, 100, 250, 500, 1000, 2500, 5000, 10_000]
        MetricsSystem.bootstrap(factory)
        return registry
    }()

    /// Bootstraps swift-metrics with the Prometheus factory (once per process; later calls do nothing).
    /// Call it before starting workers so that their metrics are collected.
    public static func bootstrap() {
        _ = registry
    }
}
