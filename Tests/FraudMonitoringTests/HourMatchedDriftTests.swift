import FraudCore
import FraudDrift
import FraudModel
import FraudMonitoring
import FraudSimulator
import FraudTesting
import Testing

/// The drift window against the hour-matched reference on simulated streams where a window covers a few hours of a
/// day (1,000 cards, about 3,100 payments a day, 2 % fraud): no alert on two steady days, each drift scenario detected
/// within 2,000 payments of its switch. Event time only (no clock); the champion is a real XGBoost model.
@Suite struct HourMatchedDriftTests {
    static let seed: UInt64 = 21
    static let cards = 1_000
    static let fraudRate = 0.02
    static let day: Int64 = 86_400

    /// The champion trained on the first 15 simulated days, and its drift reference (5,000 payments after 7 days).
    struct Champion: Sendable {
        var model: any ScoringModel
        var reference: DriftFeatureTable
        var trainingEnd: EventTime
        var trainingRows: Int
    }

    static let champion: Champion = {
        var simulator = SimulatedData.simulator(seed: seed, cards: cards, fraudRate: fraudRate)
        let end = simulator.nextEventTime.adding(seconds: 15 * day)
        var training: [Transaction] = []
        while simulator.nextEventTime < end { training.append(simulator.next()) }
        do {
            let model = try MonitoringWorkspace.train(.xgboost, on: training).model
            let reference = try DriftReferenceBuilder().build(transactions: training, model: model, source: "test").table
            return Champion(model: model, reference: reference, trainingEnd: end, trainingRows: training.count)
        } catch {
            preconditionFailure("training the test champion failed: \(error)")
        }
    }()

    /// What a stream's checks found.
    struct Outcome {
        var checks = 0
        var detections: [Int] = []
        var alerts = 0
        /// Live payments before the switch.
        var switchIndex = 0
        /// Payments from the switch to the first check that detected drift at or after it.
        var delay: Int?
    }

    /// The champion's stream continued for `steadyDays`, then `payments` more under `drift` (if any), scored by the
    /// champion and checked by a `DriftWindow` warmed on the training days.
    static func run(drift: DriftScenario.Kind?, steadyDays: Int64, after payments: Int, configuration: MonitorConfiguration) throws -> Outcome {
        let champion = Self.champion
        let switchTime = champion.trainingEnd.adding(seconds: steadyDays * day)
        var simulator = SimulatedData.simulator(seed: seed, cards: cards, fraudRate: fraudRate,
                                                drift: drift.map { [DriftScenario(kind: $0, start: switchTime)] } ?? [])
        let history = simulator.nextBatch(count: champion.trainingRows)
        var live: [Transaction] = []
        while simulator.nextEventTime < switchTime { live.append(simulator.next()) }
        let switchIndex = live.count
        live += simulator.nextBatch(count: drift == nil ? 0 : payments)

        var extractor = FeatureExtractor()
        _ = extractor.extract(history)
        let scores = champion.model.scores(extractor.extract(live))
        var window = DriftWindow(configuration: configuration)
        window.warm(with: history)
        var episodes = AlertEpisodeStateMachine(clearAfter: configuration.clearAfter)
        var outcome = Outcome(switchIndex: switchIndex)
        for (index, transaction) in live.enumerated() {
            let scored = ScoredTransaction(transaction: transaction, score: scores[index], prediction: scores[index] >= 0.5, threshold: 0.5,
                                           modelVersion: "1", reasons: [], scoredAt: transaction.eventTime, latencyMs: 1)
            for check in try window.add([scored], reference: champion.reference) {
                outcome.checks += 1
                if case .raise = episodes.check(present: check.driftDetected) { outcome.alerts += 1 }
                guard check.driftDetected else { continue }
                outcome.detections.append(index)
                if index >= switchIndex, outcome.delay == nil { outcome.delay = index + 1 - switchIndex }
            }
        }
        return outcome
    }

    /// The default windows (1,000 payments checked every 500) and the former default (2,000 every 1,000).
    @Test(arguments: [(1_000, 500), (2_000, 1_000)])
    func twoSteadyDaysRaiseNoAlert(window: Int, checkEvery: Int) throws {
        let configuration = try MonitorConfiguration(windowSize: window, checkEvery: checkEvery, warmupPayments: 0)
        let outcome = try Self.run(drift: nil, steadyDays: 2, after: 0, configuration: configuration)
        print("steady 2 days, window \(window)/\(checkEvery): \(outcome.checks) checks, drift at \(outcome.detections), \(outcome.alerts) alerts")
        #expect(outcome.checks >= 5)
        #expect(outcome.detections.isEmpty)
        #expect(outcome.alerts == 0)
    }

    @Test(arguments: DriftScenario.Kind.allCases)
    func eachScenarioIsDetectedWithin2000Payments(kind: DriftScenario.Kind) throws {
        let outcome = try Self.run(drift: kind, steadyDays: 1, after: 2_000, configuration: try MonitorConfiguration(warmupPayments: 0))
        print("\(kind.rawValue): \(outcome.checks) checks, drift at \(outcome.detections), delay \(outcome.delay.map(String.init) ?? "none") payments")
        #expect(outcome.detections.allSatisfy { $0 >= outcome.switchIndex }, "no drift before the switch")
        let delay = try #require(outcome.delay)
        #expect(delay <= 2_000)
    }
}
