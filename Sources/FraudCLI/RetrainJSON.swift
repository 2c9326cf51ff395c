import FraudCore
import FraudMonitoring

/// One retraining as printed.
struct RetrainJSON: Encodable {
    var retrained = true
    var runId: String
    var trigger: String
    var reason: String
    var candidateVersion: String
    var previousChampion: String?
    var promoted: Bool
    var decisionReason: String?
    var gate: String
    var candidateMetrics: [String: Double]?
    var championMetrics: [String: Double]?
    var trainingRows: Int
    var confirmedLabels: Int
    var heldOutLabels: Int
    var confirmedRows: Int
    var correctedLabels: Int
    var sha256: String?

    init(_ outcome: RetrainOutcome) {
        runId = outcome.runId
        trigger = outcome.trigger.kind.rawValue
        reason = outcome.trigger.reason
        candidateVersion = outcome.candidate.version
        previousChampion = outcome.previousChampion
        if case .challenger(let why) = outcome.decision {
            promoted = false
            decisionReason = why
        } else {
            promoted = true
        }
        gate = outcome.gateNote
        candidateMetrics = outcome.candidateEvaluation?.metrics
        championMetrics = outcome.championEvaluation?.metrics
        trainingRows = outcome.fingerprint.rows
        confirmedLabels = outcome.confirmedLabels
        heldOutLabels = outcome.heldOutLabels
        confirmedRows = outcome.export.confirmedRows
        correctedLabels = outcome.export.correctedLabels
        sha256 = outcome.fingerprint.sha256
    }

    var text: String {
        var lines = ["run \(runId), trigger \(trigger): \(reason)",
                     "training set: \(trainingRows) labelled rows, sha256 \(sha256 ?? "-")",
                     "confirmed labels in the store: \(confirmedLabels) (\(confirmedRows) appended as rows, \(confirmedLabels - confirmedRows) on rows of "
                        + "the original files, \(correctedLabels) of them changing the label; \(heldOutLabels) held out for the gate)",
                     gate]
        for metric in ["pr_auc", "recall", "precision", "f1"] {
            if let candidate = candidateMetrics?[metric], let champion = championMetrics?[metric] {
                lines.append("\(metric): challenger \(Fixed(candidate, digits: 4)), champion \(Fixed(champion, digits: 4))")
            }
        }
        lines.append(promoted ? "version \(candidateVersion) promoted to champion (was \(previousChampion ?? "none"))"
                              : "version \(candidateVersion) kept as challenger: \(decisionReason ?? "")")
        return lines.joined(separator: "\n")
    }
}

/// One recorded retraining run as printed by `--history --json`.
struct RetrainRunJSON: Encodable {
    var id: String
    var status: String
    var startedAt: String
    var finishedAt: String?
    var params: [String: String]
    var metrics: [String: Double]
    var sha256: String?

    init(_ run: RunRecord) {
        id = run.id
        status = run.status
        startedAt = run.startedAt.iso
        finishedAt = run.finishedAt?.iso
        params = run.params
        metrics = run.metrics
        sha256 = run.dataFingerprint?.sha256
    }
}
