import FraudDrift
import FraudModel
import FraudPipeline
import FraudStore

/// How the retrainer builds, judges and promotes a challenger.
public struct RetrainerConfiguration: Sendable {
    /// The original training files (fraudTest format, plain or gzip); the confirmed labels are added to them.
    public var originals: [String]
    /// Where retraining sets and candidate artifacts are written, one directory per run.
    public var workDirectory: String
    /// The registry's artifact directory.
    public var artifactRoot: String
    /// The model kind and its parameters.
    public var training: ModelTraining
    /// When to retrain.
    public var triggers: RetrainTriggers
    /// The gate's metric and tolerance (its window is set per run, see `gateWindowRows`).
    public var gateMetric: String
    /// How much worse than the champion's the challenger's `gateMetric` may be.
    public var gateTolerance: Double
    /// Largest acceptable p99 time for the challenger to score a batch of the gate's window, ms (nil: no budget).
    public var latencyBudgetMs: Double?
    /// Recall and precision may not get worse than the champion's by more than this.
    public var guardTolerance: Double
    /// The least the gate's window must hold for the same-window comparison.
    public var gateRequirements: PromotionGate.Requirements
    /// The gate judges on the most recent this many confirmed labels (default 2,000) ...
    public var gateWindowRows: Int
    /// ... but on at most this share of all confirmed labels (default 0.3). The gate window's labels are held out
    /// of the challenger's training set, so it is not judged on rows it learnt from.
    public var holdoutShare: Double
    /// Labelled decisions of the champion the performance trigger looks at (default 1,000).
    public var performanceWindow: Int
    /// How often `fraud run retrainer` checks its triggers (default 30 s).
    public var checkInterval: Duration
    /// How `fraud run retrainer` waits out a database outage while it checks its triggers.
    public var outage = OutageRetry.standard
    /// Recorded as who moved the aliases.
    public var actor: String

    /// - Throws: `DriftParameterError` naming the setting out of range.
    public init(originals: [String], workDirectory: String, artifactRoot: String = ModelRegistry.defaultArtifactRoot,
                training: ModelTraining, triggers: RetrainTriggers, gateMetric: String = "pr_auc", gateTolerance: Double = 0.01,
                latencyBudgetMs: Double? = nil, guardTolerance: Double = 0.05, gateRequirements: PromotionGate.Requirements = .init(), gateWindowRows: Int = 2_000,
                holdoutShare: Double = 0.3, performanceWindow: Int = 1_000, checkInterval: Duration = .seconds(30),
                actor: String = "retrainer") throws {
        guard !originals.isEmpty else { throw DriftParameterError(parameter: "originals", value: "[]", expected: "at least one training file") }
        guard gateWindowRows >= 1 else { throw DriftParameterError(parameter: "gateWindowRows", value: "\(gateWindowRows)", expected: "≥ 1") }
        guard holdoutShare > 0, holdoutShare < 1 else { throw DriftParameterError(parameter: "holdoutShare", value: "\(holdoutShare)", expected: "0 < share < 1") }
        guard (0...1).contains(gateTolerance) else { throw DriftParameterError(parameter: "gateTolerance", value: "\(gateTolerance)", expected: "0...1") }
        guard (0...1).contains(guardTolerance) else { throw DriftParameterError(parameter: "guardTolerance", value: "\(guardTolerance)", expected: "0...1") }
        guard performanceWindow >= 1 else { throw DriftParameterError(parameter: "performanceWindow", value: "\(performanceWindow)", expected: "≥ 1") }
        (self.originals, self.workDirectory, self.artifactRoot, self.training, self.triggers) = (originals, workDirectory, artifactRoot, training, triggers)
        (self.gateMetric, self.gateTolerance, self.guardTolerance, self.gateRequirements) = (gateMetric, gateTolerance, guardTolerance, gateRequirements)
        self.latencyBudgetMs = latencyBudgetMs
        (self.gateWindowRows, self.holdoutShare, self.performanceWindow, self.checkInterval, self.actor) = (gateWindowRows, holdoutShare, performanceWindow, checkInterval, actor)
    }
}
