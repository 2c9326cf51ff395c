/// The names of every metric the system records (swift-metrics; served as Prometheus text at `/metrics`): the
/// pipeline's workers, the monitor, the retrainer and the HTTP API, in one place.
public enum MetricNames {
    /// Counter: payments scored. Dimension `model_version`.
    public static let paymentsScored = "fraud_payments_scored_total"
    /// Counter: payments predicted fraud. Dimension `model_version`.
    public static let fraudsPredicted = "fraud_frauds_predicted_total"
    /// Recorder (histogram): records per scored micro-batch.
    public static let batchSize = "fraud_scoring_batch_size"
    /// Timer: time to extract features and score one micro-batch.
    public static let scoringLatency = "fraud_scoring_latency_seconds"
    /// Timer: from ingestion (record timestamp) to the end of scoring, per payment.
    public static let endToEndLatency = "fraud_end_to_end_latency_seconds"
    /// Timer: time to write one feature-state checkpoint (changed cards and offsets, one transaction).
    public static let featureCheckpointLatency = "fraud_feature_checkpoint_seconds"
    /// Counter: card states written by checkpoints.
    public static let featureCheckpointCards = "fraud_feature_checkpoint_cards_total"
    /// Timer: from a batch's features being computed to the checkpoint that makes them readable online (the API's lag).
    public static let featureStateFreshness = "fraud_feature_state_freshness_seconds"
    /// Timer: time to claim and restore the feature state of the partitions of one assignment.
    public static let featureStateRestoreLatency = "fraud_feature_state_restore_seconds"
    /// Counter: input records the feature state could never apply (gone from the log before the scorer saw them: a
    /// cold start without a checkpoint, or a gap after one).
    /// Dimension `partition`.
    public static let featureStateMissingRecords = "fraud_feature_state_missing_records_total"
    /// Counter: rows newly written to the store.
    public static let rowsStored = "fraud_store_rows_written_total"
    /// Counter: alert deliveries. Dimensions `channel`, `outcome` (delivered, failed, duplicate).
    public static let alertDeliveries = "fraud_alert_deliveries_total"
    /// Counter: calls of the "current transactions" API by the poller. Dimension `outcome`
    /// (answered, malformed, rate_limited, failed).
    public static let pollerCalls = "fraud_poller_calls_total"
    /// Counter: payments read by the poller. Dimension `outcome` (new, duplicate).
    public static let polledPayments = "fraud_poller_payments_total"
    /// Counter: records quarantined. Dimension `source`.
    public static let quarantined = "fraud_quarantined_total"
    /// Gauge: records not yet consumed. Dimensions `topic`, `group`.
    public static let consumerLag = "fraud_consumer_lag"
    /// Gauge, value 1: the model version in use. Dimension `version`.
    public static let modelVersion = "fraud_model_version_info"
    /// Champions whose artifact could not be loaded (the previous model kept serving).
    public static let modelLoadFailures = "fraud_model_load_failures_total"
    /// Gauge: fraction of payments predicted fraud over the monitor's window.
    public static let fraudRate = "fraud_fraud_rate"
    /// Gauge: share of features drifted in the monitor's last window.
    public static let driftShare = "fraud_drift_share"
    /// Gauge: per-feature drift score in the monitor's last window. Dimension `feature`.
    public static let featureDrift = "fraud_feature_drift_score"
    /// Gauges: labelled precision, recall and F1 over the monitor's labelled window.
    public static let labelledPrecision = "fraud_labelled_precision"
    public static let labelledRecall = "fraud_labelled_recall"
    public static let labelledF1 = "fraud_labelled_f1"
    /// Gauge: 99th percentile of ingestion-to-score latency over the monitor's window, in milliseconds.
    public static let windowLatencyP99 = "fraud_window_latency_p99_ms"
    /// Gauge: changes detected in the labelled error stream (Page-Hinkley plus ADWIN) since the monitor started.
    public static let errorDriftDetections = "fraud_error_drift_detections"
    /// Counter: retrainings triggered. Dimension `trigger` (schedule, labels, drift, performance, manual).
    public static let retrainTriggers = "fraud_retrain_triggers_total"

    // The HTTP API.
    /// Counter: HTTP requests answered. Dimensions `method`, `route`, `status`.
    public static let apiRequests = "fraud_api_requests_total"
    /// Timer (histogram): time to answer a request. Dimensions `method`, `route`.
    public static let apiRequestDuration = "fraud_api_request_duration_seconds"
    /// Counter: payments scored by `POST /v1/score`.
    public static let apiPaymentsScored = "fraud_api_payments_scored_total"
    /// Counter: payments accepted by `POST /v1/payments` (durably written to `payments.raw`).
    public static let apiPaymentsIngested = "fraud_api_payments_ingested_total"
    /// Gauges refreshed from the store at each scrape, so they hold whichever process did the work.
    public static let storedPayments = "fraud_store_payments"
    public static let storedLabelled = "fraud_store_labelled"
    public static let storedAlerts = "fraud_store_alerts"
    public static let storedQuarantined = "fraud_store_quarantined"
    /// Gauge: share of the payments scored in the last minute (by `scored_at`) predicted fraud.
    public static let recentFraudRate = "fraud_store_recent_fraud_rate"
    /// Gauge: payments scored per second over the last minute (by `scored_at`).
    public static let recentThroughput = "fraud_store_recent_payments_per_second"
}
