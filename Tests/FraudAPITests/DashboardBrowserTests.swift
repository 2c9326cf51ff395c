import Foundation
import FraudAPI
import FraudCore
import FraudModel
import FraudSimulator
import FraudTesting
import HummingbirdTesting
import Testing

/// The dashboard in headless Chromium (selenium, `Tests/Python/api/dashboard_browser.py`) against a live server whose
/// store is fed with simulated payments scored by the test model: live numbers change, "Confirm fraud" on an alert
/// reaches the database, and a screenshot is saved (`FRAUD_DASHBOARD_SCREENSHOT`, else a temporary file).
@Suite struct DashboardBrowserTests {
    @Test func confirmingAnAlertInTheBrowserLabelsThePayment() async throws {
        // A missing browser fails the test (`make test` installs it), rather than skipping it silently.
        let hasBrowser = ExternalTool.find("chromium") != nil && ExternalTool.find("chromedriver") != nil
        let hasSelenium = await ExternalTool.pythonHas("selenium")
        let python = try #require(ExternalTool.find("python3").flatMap { hasBrowser && hasSelenium ? $0 : nil },
                                  "needs chromium, chromium-driver (Debian) and selenium (PyPI); scripts/install-deps.sh --test installs them")
        let fixture = try await APIFixture.make(liveClock: true)
        try await fixture.seed(count: 30)
        // A challenger and a drift report, so that every panel has something to show.
        let challenger = try await fixture.registry.importArtifact(from: TestModel.artifactDirectory, description: "retrained").version
        try await fixture.registry.setAlias("challenger", to: challenger, by: "test", reason: "shadow scoring")
        try await fixture.store.save(DriftReportRecord(createdAt: WallClock.now, datasetDrift: false, driftedShare: 0.25, json: Self.driftReport))
        let screenshot = ProcessInfo.processInfo.environment["FRAUD_DASHBOARD_SCREENSHOT"]
            ?? TemporaryDirectory.make("dashboard") + "/dashboard.png"
        let script = PythonReference.packageRoot.appendingPathComponent("Tests/Python/api/dashboard_browser.py").path
        try await fixture.test { client in
            let port = try #require(client.port)
            let feeder = Task { try await Self.feed(fixture) }
            defer { feeder.cancel() }
            let result = try await python.run([script, "http://127.0.0.1:\(port)", APIFixture.token, screenshot])
            try #require(result.status == 0, "the browser script failed:\n\(result.output)")
            let report = try #require(result.output.split(separator: "\n").last.flatMap {
                try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
            })
            let confirmed = try #require(report["confirmed"] as? String)
            let throughput = try #require(report["throughput"] as? [String])
            #expect(throughput.count == 2 && throughput[0] != throughput[1])
            #expect(report["status"] as? String == "live")
            let stored = try await fixture.store.labelled(after: nil, limit: 10).first { $0.transNum == confirmed }
            #expect(stored?.trueValue == true)
            #expect(stored?.labeledBy == "dashboard")
        }
        #expect(FileManager.default.fileExists(atPath: screenshot))
        print("dashboard screenshot: \(screenshot)")
    }

    /// A drift report in the monitor's format: four features, one drifted.
    static let driftReport = """
        {"dataset_drift":false,"drift_share":0.25,"features":[\
        {"name":"amt","test":"wasserstein","score":0.182,"threshold":0.1,"drifted":true},\
        {"name":"category","test":"jensenshannon","score":0.041,"threshold":0.1,"drifted":false},\
        {"name":"hour","test":"wasserstein","score":0.067,"threshold":0.1,"drifted":false},\
        {"name":"card_amount_1h","test":"wasserstein","score":0.023,"threshold":0.1,"drifted":false}],\
        "drift_share_threshold":0.5,"reference_rows":5000,"current_rows":5000}
        """

    /// Scores simulated payments with the test model and stores them (with alerts), a varying number every 250 ms,
    /// until cancelled: the stand-in for the pipeline's workers.
    static func feed(_ fixture: APIFixture) async throws {
        let scorer = try FraudScorer(artifactDirectory: TestModel.artifactDirectory, modelVersion: fixture.championVersion)
        var simulator = SimulatedData.simulator(seed: 21, cards: 300, fraudRate: 0.05, start: WallClock.now)
        var extractor = FeatureExtractor()
        var round = 0
        while !Task.isCancelled {
            round += 1
            let started = ContinuousClock.now
            let batch = simulator.nextBatch(count: 20 + (round * 37) % 60)
            let decisions = scorer.score(batch, extractor: &extractor)
            let now = WallClock.now
            let elapsed = ContinuousClock.now - started
            let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            let latency = milliseconds / Double(batch.count) + Double(round % 5) * 0.3
            let scored = zip(batch, decisions).map { payment, decision in
                ScoredTransaction(transaction: payment, score: decision.score, prediction: decision.prediction, threshold: scorer.threshold,
                                  modelVersion: scorer.modelVersion, reasons: decision.reasons, scoredAt: now, latencyMs: latency)
            }
            try await fixture.store.write(scored)
            try await fixture.store.record(scored.filter(\.prediction).map { AlertRecord($0, raisedAt: now) })
            try await Task.sleep(for: .milliseconds(250))
        }
    }
}
