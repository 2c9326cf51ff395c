import FraudCore
import FraudDrift
import FraudModel
import FraudStore

/// How the retrainer builds, judges and promotes a challenger.
package struct RetrainerConfiguration: Sendable {
    /// The original training files (fraudTest format, plain or gzip); the confirmed labels are added to them.
    package var originals: [String]
    /// Where retraining sets and candidate artifacts are written, one directory per run.
    package var workDirectory: String
    /// The registry's artifact directory.
    package var artifactRoot: String
    /// The model kind and its parameters.
    package var training: ModelTraining
    /// When to retrain.
    package var triggers: RetrainTriggers
    /// The gate's metric and tolerance (its window is set per run, see `gateWindowRows`).
    package var gateMetric: String
    /// How much worse than the champion's the challenger's `gateMetric` may be.
    package var gateTolerance: Double
    /// Largest acceptable p99 time for the challenger to score a batch of the gate's window, ms (nil: no budget).
    package var latencyBudgetMs: Double?
    /// Recall and precision may not get worse than the champion's by more than this.
    package var guardTolerance: Double
    /// The least the gate's window must hold for the same-window comparison.
    package var gateRequirements: PromotionGate.Requirements
    /// The gate judges on the most recent this many confirmed labels (default 2,000) ...
    package var gateWindowRows: Int
    /// ... but on at most this share of all confirmed labels (default 0.3). The gate window's labels are held out
    /// of the challenger's training set, so it is not judged on rows it learnt from.
    package var holdoutShare: Double
    /// Labelled decisions of the champion the performance trigger looks at (default 1,000).
    package var performanceWindow: Int
    /// How often `fraud run retrainer` checks its triggers (default 30 s).
    package var checkInterval: Duration
    /// How `fraud run retrainer` waits out a database outage while it checks its triggers.
    package var outage = OutageRetry.standard
    /// Recorded as who moved the aliases.
    package var actor: String

    /// - Throws: `ConfigurationError` naming the setting out of range.
    package init(originals: [String], workDirectory: String, artifactRoot: String = ModelRegistry.defaultArtifactRoot,
                training: ModelTraining, triggers: RetrainTriggers, gateMetric: String = "pr_auc", gateTolerance: Double = 0.01,
                latencyBudgetMs: Double? = nil, guardTolerance: Double = 0.05, gateRequirements: PromotionGate.Requirements = .init(), gateWindowRows: Int = 2_000,
                holdoutShare: Double = 0.3, performanceWindow: Int = 1_000, checkInterval: Duration = .seconds(30),
                actor: String = "retrainer") throws {
        guard !originals.isEmpty else { throw ConfigurationError(parameter: "originals", value: "[]", expected: "at least one training file") }
        guard gateWindowRows >= 1 else { throw ConfigurationError(parameter: "gateWindowRows", value: "\(gateWindowRows)", expected: "≥ 1") }
        guard holdoutShare > 0, holdoutShare < 1 else { throw ConfigurationError(parameter: "holdoutShare", value: "\(holdoutShare)", expected: "0 < share < 1") }
        guard (0...1).contains(gateTolerance) else { throw ConfigurationError(parameter: "gateTolerance", value: "\(gateTolerance)", expected: "0...1") }
        guard (0...1).contains(guardTolerance) else { throw ConfigurationError(parameter: "guardTolerance", value: "\(guardTolerance)", expected: "0...1") }
        guard performanceWindow >= 1 else { throw ConfigurationError(parameter: "performanceWindow", value: "\(performanceWindow)", expected: "≥ 1") }
        (self.originals, self.workDirectory, self.artifactRoot, self.training, self.triggers) = (originals, workDirectory, artifactRoot, training, triggers)
        (self.gateMetric, self.gateTolerance, self.guardTolerance, self.gateRequirements) = (gateMetric, gateTolerance, guardTolerance, gateRequirements)
        self.latencyBudgetMs = latencyBudgetMs
        (self.gateWindowRows, self.holdoutShare, self.performanceWindow, self.checkInterval, self.actor) = (gateWindowRows, holdoutShare, performanceWindow, checkInterval, actor)
    }
}
