import Foundation
import FraudBus
import FraudCore
import FraudModel
import FraudPipeline
import FraudRuntime
import FraudStore
import FraudTesting
import Testing

/// Issue 13's guarantee: after any restart, crash or rebalance, every payment is scored exactly as one uninterrupted
/// run scores it (bit-identical), because the per-card state is restored with the offsets it reflects.
@Suite("Feature state: scores identical across restarts, crashes and rebalances", .serialized)
struct FeatureStateIdentityTests {
    /// 40 cards, so each card's history runs to ~150 payments: card features matter for every score.
    static let payments = SimulatedData.transactions(rows: 6_000, seed: 31, cards: 40)

    /// (a) One uninterrupted run: the reference scores, by `trans_num`.
    static let referenceRun = Task<[String: Double], any Error> {
        let setup = try PipelineCrashTests.Setup()
        try await drain(setup, payments[...])
        return try await scores(setup.databaseURL)
    }

    @Test("(b) 12 kill -9 of the scorer and writer at random points of their work, then a finish: every score equals an uninterrupted run's")
    func killNine() async throws {
        // 36,000 payments of 120 cards, 3,000 a round; the reference is the offline extraction, which
        // `offlineParity` shows equal to an uninterrupted stream.
        let payments = SimulatedData.transactions(rows: 36_000, seed: 32, cards: 120)
        var extractor = FeatureExtractor()
        let decisions = try PipelineFixtures.scorer().score(payments, extractor: &extractor, reasons: .none)
        let reference = Dictionary(uniqueKeysWithValues: zip(payments.map(\.transNum), decisions.map(\.score)))
        let setup = try PipelineCrashTests.Setup()
        var generator = SplitMix64(seed: 20_261_203)
        let rounds = 12
        let chunk = payments.count / rounds
        var interrupted = 0
        for round in 0..<rounds {
            try await setup.produce(payments[round * chunk..<(round + 1) * chunk])
            // SIGKILL at a random point of this round's scoring, sent by the helper itself once it has scored that many.
            let process = try setup.launch("run", killAfterScored: 1 + Int(generator.next() % UInt64(chunk - 1)))
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal)
            if try await setup.storedCount() < (round + 1) * chunk { interrupted += 1 }
        }
        #expect(interrupted >= 8, "only \(interrupted) of \(rounds) kills interrupted work")
        let finisher = try setup.launch("finish")
        finisher.waitUntilExit()
        #expect(finisher.terminationStatus == 0)
        try Self.expectIdentical(try await Self.scores(setup.databaseURL), reference)
    }

    @Test("offline parity: one extractor over the payments in order (as fraud evaluate --warmup) gives the stream's scores")
    func offlineParity() async throws {
        let reference = try await Self.referenceRun.value
        var extractor = FeatureExtractor()
        let decisions = try PipelineFixtures.scorer().score(Self.payments, extractor: &extractor, reasons: .none)
        let offline = Dictionary(uniqueKeysWithValues: zip(Self.payments.map(\.transNum), decisions.map(\.score)))
        try Self.expectIdentical(offline, reference)
    }

    @Test("(c) a graceful restart between two halves, on a new bus instance: every score equals the uninterrupted run's")
    func gracefulRestart() async throws {
        let reference = try await Self.referenceRun.value
        let setup = try PipelineCrashTests.Setup()
        let half = Self.payments.count / 2
        try await Self.drain(setup, Self.payments[..<half])
        try await Self.drain(setup, Self.payments[half...])
        try Self.expectIdentical(try await Self.scores(setup.databaseURL), reference)
    }

    /// Produces `payments`, runs the embedded pipeline (checkpointing every few batches) until they are stored, stops.
    static func drain(_ setup: PipelineCrashTests.Setup, _ payments: ArraySlice<Transaction>) async throws {
        try await setup.produce(payments)
        let bus = try EmbeddedBus(path: setup.busPath)
        defer { bus.close() }
        let store = try await StoreFactory.open(setup.databaseURL)
        let featureState = try await PipelineFixtures.featureState(bus)
        let pipeline = EmbeddedPipeline(
            bus: bus, store: store, featureState: featureState, models: .fixed(try PipelineFixtures.scorer()),
            scorer: ScorerWorker.Configuration(batch: PipelineFixtures.smallBatches, checkpointInterval: .milliseconds(5)))
        let stop = StopSignal()
        async let running: Void = pipeline.workers().run(stop: stop)
        let stored = try await pipeline.waitUntilStored(stop: stop)
        stop.request()
        try await running
        #expect(stored)
        try await featureState.close()
        try await store.close()
    }

    static func scores(_ databaseURL: String) async throws -> [String: Double] {
        let store = try await StoreFactory.open(databaseURL)
        defer { Task { try? await store.close() } }
        let rows = try await PipelineFixtures.allStored(store)
        return Dictionary(rows.map { ($0.transNum, $0.scored.score) }, uniquingKeysWith: { first, _ in first })
    }

    /// Every payment stored once, each with exactly the reference's score.
    static func expectIdentical(_ scores: [String: Double], _ reference: [String: Double]) throws {
        #expect(scores.count == reference.count)
        let differing = reference.filter { scores[$0.key]?.bitPattern != $0.value.bitPattern }.count
        #expect(differing == 0, "\(differing) of \(reference.count) scores differ from the uninterrupted run's")
    }
}
