import AsyncHTTPClient
import FraudBus
import FraudCore
import FraudPipeline
import FraudRuntime
import FraudSimulatorServer
import FraudStore
import FraudTesting
import Foundation
import Testing

/// The poller against real HTTP servers on 127.0.0.1, producing into the real embedded bus.
@Suite("Poller source")
struct PollerSourceTests {
    /// A bus, a store and a recording clock for one test.
    struct Harness {
        let bus: EmbeddedBus
        let store: any FraudDatabase
        let clock: RecordingClock

        init(_ name: String, clock: RecordingClock = RecordingClock()) async throws {
            self.clock = clock
            let directory = TemporaryDirectory.make(name)
            bus = try EmbeddedBus(path: directory + "/bus")
            store = try await StoreFactory.open("sqlite:" + directory + "/fraud.db", logger: AlerterWorkerTests.quietLogger)
            // One partition, so the payments read back in the order they were produced.
            try await bus.createTopic(PaymentMessages.rawTopic, partitions: 1)
        }

        /// Starts a poller in a task; request `stop` and await the task to end it.
        func start(
            _ configuration: PollerSource.Configuration, client: HTTPClient = .shared, seed: UInt64 = 1
        ) -> (StopSignal, Task<Void, any Error>) {
            let stop = StopSignal()
            let poller = PollerSource(
                configuration: configuration, bus: bus, store: store, client: client, clock: clock, seed: seed,
                logger: AlerterWorkerTests.quietLogger)
            return (stop, Task { try await poller.run(stop: stop) })
        }

        /// Waits until `payments.raw` holds at least `count` records.
        func waitForPayments(_ count: Int64) async throws {
            try await Eventually.wait("\(count) payments on the bus") {
                try bus.recordCount(PaymentMessages.rawTopic) >= count
            }
        }

        /// Every payment on `payments.raw`, in partition then offset order.
        func payments() async throws -> [Transaction] {
            let total = Int(try bus.recordCount(PaymentMessages.rawTopic))
            let consumer = try await bus.makeConsumer(group: "check-\(UUID().uuidString)", topics: [PaymentMessages.rawTopic])
            let records = try await BusDrain.collect(consumer, count: total, patience: .seconds(120))
            try await consumer.close()
            return try records.map { try PaymentMessages.transaction(from: $0) }
        }

        func close() async throws {
            try await store.close()
            bus.close()
        }
    }


    static func withoutUnixTime(_ transaction: Transaction) -> Transaction {
        var copy = transaction
        copy.unixTime = nil
        return copy
    }

    @Test func producesNewPaymentsOnceWithEventTimeAndSourceLabel() async throws {
        let harness = try await Harness("poller-dedup")
        // Each answer repeats the last 2 payments of the previous one, as a live API does.
        let server = try await LocalServer.simulator(SimulatorServer(
            simulator: SimulatedData.simulator(seed: 7, fraudRate: 0.3),
            configuration: .init(port: 0, repeatedRows: 2)))
        let (stop, task) = harness.start(try .init(
            url: "http://127.0.0.1:\(server.port)/current-transactions?n=3", interval: .milliseconds(5)))
        try await harness.waitForPayments(15)
        stop.request()
        try await task.value
        await server.stop()

        let produced = try await harness.payments()
        #expect(produced.count % 3 == 0, "every answered call adds exactly 3 new payments, got \(produced.count)")
        #expect(Set(produced.map(\.transNum)).count == produced.count, "no trans_num twice")
        let expected = SimulatedData.transactions(rows: produced.count, seed: 7, fraudRate: 0.3).map(Self.withoutUnixTime)
        let byNumber = Dictionary(uniqueKeysWithValues: produced.map { ($0.transNum, $0) })
        #expect(expected.map { byNumber[$0.transNum] } == expected, "current_time became the event time; is_fraud the label")
        #expect(produced.contains { $0.label == true } && produced.allSatisfy { $0.label != nil })
        #expect(try await harness.store.quarantined(limit: 10).isEmpty)
        try await harness.close()
    }

    @Test func honoursTooManyRequestsAndItsRetryAfter() async throws {
        // The clock records the waits without waiting, so the server's real one-minute window cannot be outwaited:
        // after two answered calls every call is answered 429 with a Retry-After of about a minute.
        let harness = try await Harness("poller-429", clock: RecordingClock(waitsForReal: false))
        let server = try await LocalServer.simulator(SimulatorServer(
            simulator: SimulatedData.simulator(seed: 8), configuration: .init(port: 0, callsPerMinute: 2)))
        let (stop, task) = harness.start(try .init(
            url: "http://127.0.0.1:\(server.port)/current-transactions", interval: .milliseconds(20),
            backoff: .init(initial: .milliseconds(5), maximum: .milliseconds(10))))
        try await Eventually.wait("a wait after 429") { harness.clock.waits.count >= 3 }
        stop.request()
        try await task.value
        await server.stop()

        let waits = harness.clock.waits
        #expect(waits.prefix(2) == [20, 20], "answered calls wait the interval: \(waits)")
        // The server's Retry-After is the rest of its one-minute window: whole seconds, less when the machine is slow.
        #expect((1_000...60_000).contains(waits[2]) && waits[2] % 1_000 == 0,
                "429 waited its Retry-After (whole seconds, up to a minute), not the 5-10 ms backoff: \(waits)")
        let produced = try await harness.payments()
        #expect(produced.map(\.transNum) == SimulatedData.transactions(rows: 2, seed: 8).map(\.transNum))
        try await harness.close()
    }

    @Test func quarantinesMalformedBodiesAndRowsAndRetriesServerErrors() async throws {
        let harness = try await Harness("poller-malformed")
        let payments = SimulatedData.transactions(rows: 3, seed: 9)
        #expect(Set(payments.map(\.ccNum)).count == 3)
        // The second row of this body has a card number that is not a number.
        let badRow = CurrentTransactionsFormat.encodeObject(payments[1...2])
            .replacingOccurrences(of: "[\(payments[2].ccNum),", with: "[\"card?\",")
        let server = try await LocalServer.scripted([
            (503, #"{"error":"overloaded"}"#),
            (200, "this is not JSON"),
            (200, String(decoding: try JSONEncoder().encode(badRow), as: UTF8.self)),
            (200, CurrentTransactionsFormat.encode(payments[0...0])),
        ])
        let (stop, task) = harness.start(try .init(
            url: "http://127.0.0.1:\(server.port)/current-transactions", interval: .milliseconds(10),
            backoff: Backoff(initial: .milliseconds(30), maximum: .seconds(300))))
        try await Eventually.wait("both payments produced and both problems quarantined") {
            let quarantined = try await harness.store.quarantined(limit: 10).count
            return try harness.bus.recordCount(PaymentMessages.rawTopic) >= 2 && quarantined >= 2
        }
        // The last answer is served again and again: its payment is a duplicate each time.
        try await Eventually.wait("a few more calls") { harness.clock.waits.count >= 8 }
        stop.request()
        try await task.value
        await server.stop()

        #expect(harness.clock.waits.prefix(3) == [30, 10, 10], "503 backs off, then the interval: \(harness.clock.waits)")
        let produced = try await harness.payments()
        #expect(produced.map(\.transNum) == [payments[1].transNum, payments[0].transNum])
        let kept = try await harness.store.quarantined(limit: 10).sorted { $0.position < $1.position }
        #expect(kept.count == 2)
        #expect(kept[0].reason.contains("the body is not valid JSON"), "\(kept[0].reason)")
        #expect(kept[0].raw == "this is not JSON")
        #expect(kept[0].field == nil)
        #expect(kept[0].source == "http://127.0.0.1:\(server.port)/current-transactions")
        #expect(kept[1].field == "cc_num")
        #expect(kept[1].raw.contains(payments[2].transNum))
        #expect(kept[1].position % 1_000 == 1, "row 1 of its call")
        try await harness.close()
    }

    @Test func aStopEndsTheWaitBetweenCalls() async throws {
        let harness = try await Harness("poller-stop")
        let server = try await LocalServer.simulator(SimulatorServer(simulator: SimulatedData.simulator(seed: 12), configuration: .init(port: 0)))
        let (stop, task) = harness.start(try .init(url: "http://127.0.0.1:\(server.port)/current-transactions", interval: .seconds(3_600)))
        try await harness.waitForPayments(1)
        try await Eventually.wait("the poller waiting its hour") { harness.clock.waits == [3_600_000] }
        stop.request()
        // Returns now, not in an hour (the wait is raced against the stop signal).
        try await task.value
        await server.stop()
        #expect(try harness.bus.recordCount(PaymentMessages.rawTopic) == 1)
        try await harness.close()
    }

    @Test func backsOffWhileTheServerIsDownAndResumesWhenItComesBack() async throws {
        let harness = try await Harness("poller-down")
        let first = try await LocalServer.simulator(SimulatorServer(simulator: SimulatedData.simulator(seed: 10), configuration: .init(port: 0)))
        let port = first.port
        // async-http-client retries a refused connection until its connect timeout (10 s by default): shorten
        // it so that calls to the stopped server fail fast, while calls it answers keep the default timeout.
        let client = HTTPClient(configuration: .init(timeout: .init(connect: .milliseconds(200))))
        let (stop, task) = harness.start(try .init(
            url: "http://127.0.0.1:\(port)/current-transactions", interval: .milliseconds(10),
            backoff: .init(initial: .milliseconds(20), multiplier: 2, maximum: .milliseconds(80), jitter: 0)), client: client)
        try await harness.waitForPayments(2)
        await first.stop()
        try await Eventually.wait("four failed calls in a row") {
            harness.clock.waits.suffix(4) == [20, 40, 80, 80]
        }
        let before = try harness.bus.recordCount(PaymentMessages.rawTopic)
        let second = try await LocalServer.simulator(SimulatorServer(
            simulator: SimulatedData.simulator(seed: 11), configuration: .init(port: port)))
        try await harness.waitForPayments(before + 2)
        stop.request()
        try await task.value
        await second.stop()
        try await client.shutdown()

        let produced = try await harness.payments().map(\.transNum)
        let fromFirst = SimulatedData.transactions(rows: Int(before), seed: 10).map(\.transNum)
        let fromSecond = SimulatedData.transactions(rows: produced.count - Int(before), seed: 11).map(\.transNum)
        #expect(produced == fromFirst + fromSecond, "nothing lost or repeated across the outage")
        try await harness.close()
    }
}
