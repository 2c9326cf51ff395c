/// The names of every metric the system records (swift-metrics; served as Prometheus text at `/metrics`): the
/// pipeline's workers, the monitor, the retrainer and the HTTP API, in one place.
package enum MetricNames {
    /// Counter: payments scored. Dimension `model_version`.
    package static let paymentsScored = "fraud_payments_scored_total"
    /// Counter: payments predicted fraud. Dimension `model_version`.
    package static let fraudsPredicted = "fraud_frauds_predicted_total"
    /// Recorder (histogram): records per scored micro-batch.
    package static let batchSize = "fraud_scoring_batch_size"
    /// Timer: time to extract features and score one micro-batch.
    package static let scoringLatency = "fraud_scoring_latency_seconds"
    /// Timer: from ingestion (record timestamp) to the end of scoring, per payment.
    package static let endToEndLatency = "fraud_end_to_end_latency_seconds"
    /// Timer: time to write one feature-state checkpoint (changed cards and offsets, one transaction).
    package static let featureCheckpointLatency = "fraud_feature_checkpoint_seconds"
    /// Counter: card states written by checkpoints.
    package static let featureCheckpointCards = "fraud_feature_checkpoint_cards_total"
    /// Timer: from a batch's features being computed to the checkpoint that makes them readable online (the API's lag).
    package static let featureStateFreshness = "fraud_feature_state_freshness_seconds"
    /// Timer: time to claim and restore the feature state of the partitions of one assignment.
    package static let featureStateRestoreLatency = "fraud_feature_state_restore_seconds"
    /// Counter: input records the feature state could never apply (gone from the log before the scorer saw them: a
    /// cold start without a checkpoint, or a gap after one).
    /// Dimension `partition`.
    package static let featureStateMissingRecords = "fraud_feature_state_missing_records_total"
    /// Counter: rows newly written to the store.
    package static let rowsStored = "fraud_store_rows_written_total"
    /// Counter: alert deliveries. Dimensions `channel`, `outcome` (delivered, failed, duplicate).
    package static let alertDeliveries = "fraud_alert_deliveries_total"
    /// Counter: calls of the "current transactions" API by the poller. Dimension `outcome`
    /// (answered, malformed, rate_limited, failed).
    package static let pollerCalls = "fraud_poller_calls_total"
    /// Counter: payments read by the poller. Dimension `outcome` (new, duplicate).
    package static let polledPayments = "fraud_poller_payments_total"
    /// Counter: records quarantined. Dimension `source`.
    package static let quarantined = "fraud_quarantined_total"
    /// Gauge: records not yet consumed. Dimensions `topic`, `group`.
    package static let consumerLag = "fraud_consumer_lag"
    /// Gauge, value 1: the model version in use. Dimension `version`.
    package static let modelVersion = "fraud_model_version_info"
    /// Champions whose artifact could not be loaded (the previous model kept serving).
    package static let modelLoadFailures = "fraud_model_load_failures_total"
    /// Gauge: fraction of payments predicted fraud over the monitor's window.
    package static let fraudRate = "fraud_fraud_rate"
    /// Gauge: share of features drifted in the monitor's last window.
    package static let driftShare = "fraud_drift_share"
    /// Gauge: per-feature drift score in the monitor's last window. Dimension `feature`.
    package static let featureDrift = "fraud_feature_drift_score"
    /// Gauges: labelled precision, recall and F1 over the monitor's labelled window.
    package static let labelledPrecision = "fraud_labelled_precision"
    package static let labelledRecall = "fraud_labelled_recall"
    package static let labelledF1 = "fraud_labelled_f1"
    /// Gauge: 99th percentile of ingestion-to-score latency over the monitor's window, in milliseconds.
    package static let windowLatencyP99 = "fraud_window_latency_p99_ms"
    /// Gauge: changes detected in the labelled error stream (Page-Hinkley plus ADWIN) since the monitor started.
    package static let errorDriftDetections = "fraud_error_drift_detections"
    /// Counter: retrainings triggered. Dimension `trigger` (schedule, labels, drift, performance, manual).
    package static let retrainTriggers = "fraud_retrain_triggers_total"

    // The HTTP API.
    /// Counter: HTTP requests answered. Dimensions `method`, `route`, `status`.
    package static let apiRequests = "fraud_api_requests_total"
    /// Timer (histogram): time to answer a request. Dimensions `method`, `route`.
    package static let apiRequestDuration = "fraud_api_request_duration_seconds"
    /// Counter: payments scored by `POST /v1/score`.
    package static let apiPaymentsScored = "fraud_api_payments_scored_total"
    /// Counter: payments accepted by `POST /v1/payments` (durably written to `payments.raw`).
    package static let apiPaymentsIngested = "fraud_api_payments_ingested_total"
    /// Gauges refreshed from the store at each scrape, so they hold whichever process did the work.
    package static let storedPayments = "fraud_store_payments"
    package static let storedLabelled = "fraud_store_labelled"
    package static let storedAlerts = "fraud_store_alerts"
    package static let storedQuarantined = "fraud_store_quarantined"
    /// Gauge: share of the payments scored in the last minute (by `scored_at`) predicted fraud.
    package static let recentFraudRate = "fraud_store_recent_fraud_rate"
    /// Gauge: payments scored per second over the last minute (by `scored_at`).
    package static let recentThroughput = "fraud_store_recent_payments_per_second"
}
