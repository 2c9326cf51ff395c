import Foundation
import FraudBus
import FraudCore
import FraudPipeline
import FraudStore
import FraudTesting
import Testing

@Suite("Pipeline crash recovery", .serialized)
struct PipelineCrashTests {
    /// A bus directory, a database and a model for the helper.
    struct Setup {
        let busPath = TemporaryDirectory.make("crash-bus")
        let databaseURL = "sqlite:" + TemporaryDirectory.make("crash-store") + "/fraud.db"
        let modelDirectory: String

        init() throws {
            modelDirectory = try PipelineFixtures.artifactDirectory()
        }

        /// Appends payments to `payments.raw` while no helper runs (the bus directory is one process's at a time).
        func produce(_ count: Int, seed: UInt64) async throws -> [Transaction] {
            let bus = try EmbeddedBus(path: busPath)
            defer { bus.close() }
            try await PaymentTopics.create(on: bus)
            return try await PipelineFixtures.produce(count, seed: seed, on: bus)
        }

        /// Appends `payments` to `payments.raw` while no helper runs.
        func produce(_ payments: some Collection<Transaction>) async throws {
            let bus = try EmbeddedBus(path: busPath)
            defer { bus.close() }
            try await PaymentTopics.create(on: bus)
            try await PipelineFixtures.produce(payments, on: bus)
        }

        /// Starts the helper and waits for its "STARTED" line; with `killAfterScored`, it kills itself with SIGKILL once
        /// its scorer has scored that many payments.
        func launch(_ mode: String, killAfterScored: Int? = nil) throws -> Process {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: HelperExecutable.path("FraudPipelineCrashHelper"))
            process.arguments = [busPath, databaseURL, modelDirectory, mode] + (killAfterScored.map { [String($0)] } ?? [])
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            var output = Data()
            while !String(decoding: output, as: UTF8.self).contains("STARTED") {
                let chunk = pipe.fileHandleForReading.availableData
                guard !chunk.isEmpty else { break }
                output += chunk
            }
            return process
        }

        func storedCount() async throws -> Int {
            let store = try await StoreFactory.open(databaseURL)
            let count = try await store.counts().transactions
            try await store.close()
            return count
        }
    }

    @Test("kill -9 of the scorer and writer at random moments, 24 times: every payment stored exactly once")
    func killNineRepeatedly() async throws {
        let setup = try Setup()
        var generator = SplitMix64(seed: 20_261_124)
        var produced: [Transaction] = []
        var interrupted = 0
        for round in 0..<24 {
            // Different seeds start different simulated cards: new trans_nums each round.
            produced += try await setup.produce(1_500, seed: 1_000 + UInt64(round))
            let process = try setup.launch("run")
            try await Task.sleep(for: .milliseconds(Int(generator.next() % 250)))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal)
            if try await setup.storedCount() < produced.count { interrupted += 1 }
        }
        // Most kills must land with work in flight, else this test would prove little.
        #expect(interrupted >= 12, "only \(interrupted) of 24 kills interrupted work")

        let finisher = try setup.launch("finish")
        finisher.waitUntilExit()
        #expect(finisher.terminationStatus == 0)

        let store = try await StoreFactory.open(setup.databaseURL)
        let stored = try await PipelineFixtures.allStored(store)
        try await store.close()
        #expect(Set(produced.map(\.transNum)).count == produced.count, "the fixture produced duplicate trans_nums")
        #expect(stored.count == produced.count)
        #expect(Set(stored.map(\.transNum)) == Set(produced.map(\.transNum)))
    }

    @Test("SIGTERM finishes the batch in flight and commits it, then exits 0")
    func sigtermIsGraceful() async throws {
        let setup = try Setup()
        // Enough payments that the signal lands with work left (the release pipeline stores ~60k a second).
        let produced = 150_000
        _ = try await setup.produce(produced, seed: 77)
        let process = try setup.launch("run")
        let watcher = try await StoreFactory.open(setup.databaseURL)
        while try await watcher.counts().transactions == 0 {
            try #require(process.isRunning, "the helper ended before storing anything")
            try await Task.sleep(for: .milliseconds(5))
        }
        try await watcher.close()
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)

        let stored = try await setup.storedCount()
        #expect(stored < produced, "the helper finished everything before the signal: nothing was in flight")
        let bus = try EmbeddedBus(path: setup.busPath)
        defer { bus.close() }
        let writerCommitted = try bus.committedOffsets(group: PaymentMessages.writerGroup, topic: PaymentMessages.scoredTopic).reduce(0, +)
        let scorerCommitted = try bus.committedOffsets(group: PaymentMessages.scorerGroup, topic: PaymentMessages.rawTopic).reduce(0, +)
        let scoredEnd = try bus.endOffsets(topic: PaymentMessages.scoredTopic).reduce(0, +)
        #expect(writerCommitted == Int64(stored), "the writer's commits and the store disagree")
        #expect(scorerCommitted == scoredEnd, "the scorer published records it did not commit")
    }
}
