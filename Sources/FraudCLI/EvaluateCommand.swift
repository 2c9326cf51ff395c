import ArgumentParser
import Foundation
import FraudCore
import FraudMetrics
import FraudModel

/// `fraud evaluate`: replay a labelled file through a model and report every figure.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Score a labelled fraudTest-format CSV with a model directory and report the metrics.",
        discussion: """
        The file is replayed in event-time order through a fresh feature extractor, so per-card state starts \
        empty at the file's first payment (cold start). --warmup FILE replays earlier payments first, \
        for state only, without scoring them.
        """
    )

    @Option(name: .long, help: "Model artifact directory (from fraud train).")
    var model: String

    @Option(name: .long, help: "Labelled CSV (plain or .gz) to score; repeat for more files.")
    var data: [String]

    @Option(name: .long, help: "Earlier payments replayed only to warm the per-card state; repeatable.")
    var warmup: [String] = []

    @Option(name: .long, help: "Alerts per day for precision@k and card precision@k.")
    var k: Int = 100

    @Option(name: .long, help: "Override the model's threshold.")
    var threshold: Double?

    @Flag(name: .long, help: "Print one JSON object.")
    var json = false

    @Option(name: .long, help: "Also write a self-contained HTML report (curves as inline SVG) to this file.")
    var html: String?

    func run() throws {
        let scorer = try FraudScorer(artifactDirectory: model)
        let input = try TrainingInput.load(paths: data, warmup: warmup, progress: ModelProgress.line)
        let started = MonotonicClock.now
        let scores = scorer.model.scores(input.features.matrix)
        ModelProgress.line("scored \(scores.count) rows in \(Fixed(MonotonicClock.seconds(since: started), digits: 3)) s")
        let features = input.features
        let report = EvaluationReport(scores: scores, labels: features.labels, days: features.days, cards: features.cards,
                                      threshold: threshold ?? scorer.threshold, k: k)
        if let html {
            try EvaluationHTML.render(report, title: "fraud evaluate: \(model) on \(data.joined(separator: ", "))")
                .write(toFile: html, atomically: true, encoding: .utf8)
            ModelProgress.line("wrote \(html)")
        }
        if json {
            var summary = report
            summary.rocCurve = []
            summary.prCurve = []
            printJSON(summary)
        } else {
            EvaluationText.print(report, title: "\(model) on \(data.joined(separator: ", "))")
        }
    }
}
