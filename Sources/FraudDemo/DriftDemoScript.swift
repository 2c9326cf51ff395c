import FraudCore
import FraudDrift
import FraudModel
import FraudMonitoring
import FraudSimulator

/// The drift scenario of `fraud demo --scenario drift`, as settings: a champion trained on the simulator's first
/// payments; the live stream switches to a drifted distribution part-way; the simulator's ground truth arrives as
/// `true_value` labels with a delay; the monitor reports drift; a retraining triggers; the challenger is promoted.
package struct DriftDemoScript: Sendable {
    /// Simulator seed, cards and fraud share.
    package var seed: UInt64
    /// Cards simulated.
    package var cards: Int
    /// Target share of fraudulent payments.
    package var fraudRate: Double
    /// Payments the champion is trained on (before the live stream).
    package var trainingPayments: Int
    /// Live payments streamed.
    package var livePayments: Int
    /// Live payments before the distribution switches.
    package var driftAfter: Int
    /// What changes at the switch.
    package var drift: [DriftScenario.Kind]
    /// Scored payments between a payment and its label.
    package var labelDelay: Int
    /// Payments scored per micro-batch.
    package var batchSize: Int
    /// The retrainer checks its triggers every this many live payments.
    package var retrainCheckEvery: Int
    /// The monitor's settings.
    package var monitor: MonitorConfiguration
    /// When to retrain; cool-down and schedule in seconds of the demo's clock (the event time of the stream).
    /// Drift alone by default: with a few dozen frauds in a labelled window, recall floors fire on noise before the
    /// switch as often as after it.
    package var triggers: RetrainTriggers
    /// The model kind and parameters of the champion and every challenger.
    package var training: ModelTraining

    /// The settings `fraud demo --scenario drift` runs with (about a minute on 2 cores).
    package static func standard() throws -> DriftDemoScript {
        try DriftDemoScript(
            seed: 7, cards: 300, fraudRate: 0.02, trainingPayments: 20_000, livePayments: 24_000, driftAfter: 6_000,
            drift: [.amountShift, .categoryMix, .newFraudPattern], labelDelay: 1_000, batchSize: 500, retrainCheckEvery: 2_000,
            monitor: try MonitorConfiguration(windowSize: 2_000, checkEvery: 1_000, warmupPayments: 0, labelPollInterval: .milliseconds(50)),
            triggers: try RetrainTriggers(onDrift: true, cooldownSeconds: 3 * 86_400),
            training: try ModelTraining(kind: .xgboost, xgboost: try XGBoostParameters(rounds: 150, maxDepth: 5, threads: 0)))
    }

    /// - Throws: `ConfigurationError` naming a count out of range.
    package init(seed: UInt64, cards: Int, fraudRate: Double, trainingPayments: Int, livePayments: Int, driftAfter: Int,
                drift: [DriftScenario.Kind], labelDelay: Int, batchSize: Int, retrainCheckEvery: Int, monitor: MonitorConfiguration,
                triggers: RetrainTriggers, training: ModelTraining) throws {
        for (name, value) in [("trainingPayments", trainingPayments), ("livePayments", livePayments), ("batchSize", batchSize),
                              ("retrainCheckEvery", retrainCheckEvery)] where value < 1 {
            throw ConfigurationError(parameter: name, value: "\(value)", expected: "≥ 1")
        }
        guard (0..<livePayments).contains(driftAfter) else {
            throw ConfigurationError(parameter: "driftAfter", value: "\(driftAfter)", expected: "0..<livePayments")
        }
        guard labelDelay >= 0 else { throw ConfigurationError(parameter: "labelDelay", value: "\(labelDelay)", expected: "≥ 0") }
        (self.seed, self.cards, self.fraudRate, self.trainingPayments, self.livePayments) = (seed, cards, fraudRate, trainingPayments, livePayments)
        (self.driftAfter, self.drift, self.labelDelay, self.batchSize, self.retrainCheckEvery) = (driftAfter, drift, labelDelay, batchSize, retrainCheckEvery)
        (self.monitor, self.triggers, self.training) = (monitor, triggers, training)
    }
}
