import FraudAlerting
import FraudBus
import FraudCore
import FraudSimulatorServer
import Hummingbird
import ServiceLifecycle
import Synchronization

/// A clock that records every wait it was asked for, in milliseconds, measured from the last time it was
/// read (the poller reads the time, then sleeps until that time plus its wait); it waits for real unless
/// `waitsForReal` is false, then it returns at once.
final class RecordingClock: AlertClock {
    private let system = SystemAlertClock()
    private let waitsForReal: Bool
    private let state = Mutex<(lastRead: EventTime?, waits: [Int64])>((nil, []))

    init(waitsForReal: Bool = true) {
        self.waitsForReal = waitsForReal
    }

    var now: EventTime {
        let now = system.now
        state.withLock { $0.lastRead = now }
        return now
    }

    /// Every requested wait, in order.
    var waits: [Int64] { state.withLock { $0.waits } }

    func sleep(until deadline: EventTime) async throws {
        state.withLock { state in
            let from = state.lastRead ?? system.now
            state.waits.append(deadline.millisecondsSinceEpoch - from.millisecondsSinceEpoch)
        }
        if waitsForReal { try await system.sleep(until: deadline) }
    }
}

/// A Hummingbird application running on 127.0.0.1 for one test; `stop()` shuts it down gracefully
/// (open keep-alive connections are closed too, so clients see the server go away).
final class LocalServer: Sendable {
    let port: Int
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    private init(port: Int, group: ServiceGroup, task: Task<Void, any Error>) {
        self.port = port
        self.group = group
        self.task = task
    }

    /// Starts the application `make` builds (given the callback to report its port) and waits until it listens.
    static func start<App: ApplicationProtocol>(_ make: (@escaping @Sendable (Int) async -> Void) -> App) async throws -> LocalServer {
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let application = make { port in continuation.yield(port) }
        let group = ServiceGroup(services: [application], logger: AlerterWorkerTests.quietLogger)
        let task = Task {
            defer { continuation.finish() }
            try await group.run()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            _ = try await task.value
            throw ServerDidNotStart()
        }
        return LocalServer(port: port, group: group, task: task)
    }

    /// The simulator's "current transactions" API on `port` (0 = a free one).
    static func simulator(_ server: SimulatorServer) async throws -> LocalServer {
        try await start { ready in server.application(onServerRunning: ready) }
    }

    /// A server answering `GET /current-transactions` with `script`'s responses in turn, the last one forever.
    static func scripted(_ script: [(status: Int, body: String)]) async throws -> LocalServer {
        let calls = Mutex(0)
        let router = Router()
        router.get("current-transactions") { _, _ -> Response in
            let index = calls.withLock { count in
                defer { count += 1 }
                return min(count, script.count - 1)
            }
            return Response(
                status: .init(code: script[index].status), headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: script[index].body)))
        }
        return try await start { ready in
            Application(
                router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                onServerRunning: { channel in await ready(channel.localAddress?.port ?? 0) })
        }
    }

    /// Shuts the server down and waits until it stopped.
    func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await task.value
    }

    struct ServerDidNotStart: Error {}
}

extension EmbeddedBus {
    /// Records in `topic`, all partitions together.
    func recordCount(_ topic: String) throws -> Int64 {
        try endOffsets(topic: topic).reduce(0, +)
    }
}
