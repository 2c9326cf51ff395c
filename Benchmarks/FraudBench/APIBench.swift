import AsyncHTTPClient
import Foundation
import FraudAPI
import FraudBus
import FraudCore
import FraudModel
import FraudPipeline
import FraudRuntime
import FraudStore
import FraudTesting
import NIOCore
import NIOHTTP1

/// The HTTP API figures of issues 6 and 13, through a real server on loopback driven by an async-http-client load client
/// in the same process: `POST /v1/score` batch throughput (reference: the same scoring without HTTP) and
/// single-payment p99 at a fixed 1,000 requests/s (reference: `GET /healthz` p99 at the same rate). Scoring reads each
/// card's history from a SQLite feature state holding the 2,000 cards' states after all 40,000 payments (the default
/// `history=online`), as `fraud serve` beside an embedded pipeline does.
enum APIBench: Benchmark {
    static let name = "api"

    static func run(_ context: BenchContext) async throws -> [BenchResult] {
        let root = context.workDirectory + "/api-bench"
        try? FileManager.default.removeItem(atPath: root)
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let payments = SimulatedData.transactions(rows: 40_000, seed: 7, cards: 2_000, fraudRate: 0.01)
        let scorer = try trainScorer(payments)
        let store = try await SQLiteStore.open(path: root + "/fraud.db")
        let registry = ModelRegistry(store: store, artifactRoot: root + "/registry", evaluator: RecordedMetricsEvaluator(), policy: try PromotionPolicy())
        let featureState = try await SQLiteFeatureStateStore.open(path: root + "/feature-state.sqlite")
        try await checkpointHistory(of: payments, into: featureState)
        let server = try APIServer(store: store, registry: registry, bus: try EmbeddedBus(path: root + "/bus"), featureState: featureState,
                                   models: .fixed(scorer), configuration: .init(port: 0))
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(timeout: .init(connect: .seconds(5), read: .seconds(30))))
        let stop = StopSignal()
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        async let served: Void = server.run(stop: stop) { continuation.yield($0) }
        var results: [BenchResult] = []
        do {
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw BenchError(message: "the API server did not start") }
            let base = "http://127.0.0.1:\(port)"
            let batches = stride(from: 0, to: payments.count, by: 100).map { start in
                ByteBuffer(string: "[" + payments[start..<min(start + 100, payments.count)].map { String(decoding: $0.jsonBytes, as: UTF8.self) }
                    .joined(separator: ",") + "]")
            }
            let rate = try await batchThroughput(client, url: base + "/v1/score", bodies: batches, seconds: 5, connections: 8)
            let direct = directThroughput(scorer, payments: payments)
            results.append(BenchResult(name: "POST /v1/score, batches of 100, card history read, 8 connections (HTTP, loopback)", value: rate, unit: "payments/s",
                                       referenceName: "same scoring in-process, no HTTP", referenceValue: direct, target: "≥ 100,000 payments/s"))
            let singles = payments.prefix(5_000).map { ByteBuffer(bytes: $0.jsonBytes) }
            let scoreP99 = try await pacedP99(client, url: base + "/v1/score", method: .POST, bodies: singles, perSecond: 1_000, seconds: 5)
            let healthP99 = try await pacedP99(client, url: base + "/healthz", method: .GET, bodies: [], perSecond: 1_000, seconds: 5)
            results.append(BenchResult(name: "POST /v1/score, one payment, card history read, p99 at 1,000 requests/s", value: scoreP99, unit: "ms",
                                       referenceName: "GET /healthz p99 at 1,000 requests/s", referenceValue: healthP99, higherIsBetter: false,
                                       target: "< 5 ms"))
        } catch {
            stop.request()
            try? await served
            try? await client.shutdown()
            try? await store.close()
            try? await featureState.close()
            throw error
        }
        stop.request()
        try await served
        try await client.shutdown()
        try await store.close()
        try await featureState.close()
        return results
    }

    /// Writes the state of every card of `payments` after all of them, as a scorer's checkpoints would.
    static func checkpointHistory(of payments: [Transaction], into store: any FeatureStateStore) async throws {
        var extractor = FeatureExtractor()
        _ = extractor.extract(payments)
        let scope = FeatureStateScope(group: PaymentMessages.scorerGroup, topic: PaymentMessages.rawTopic)
        let claim = try await store.claim(scope, partition: 0)
        let cards = Set(payments.map(\.ccNum)).map { CardStateRecord(ccNum: $0, state: CardStateCodec.encode($0, in: extractor.state)!) }
        _ = try await store.write(scope, [PartitionDelta(partition: 0, epoch: claim.epoch, nextOffset: Int64(payments.count), cards: cards)])
    }

    /// An XGBoost model trained on the first payments, as the scorer the server uses.
    static func trainScorer(_ payments: [Transaction]) throws -> FraudScorer {
        var extractor = FeatureExtractor()
        let features = LabelledFeatures(transactions: payments, extractor: &extractor)
        let fingerprint = DataFingerprint(rows: features.count, frauds: 0, firstEventTime: nil, lastEventTime: nil, sha256: "", files: [])
        let training = try ModelTraining(kind: .xgboost, validationFraction: 0.2, xgboost: XGBoostParameters(threads: 2))
        let outcome = try training.train(features, fingerprint: fingerprint)
        return try FraudScorer(artifact: outcome.artifact, modelVersion: "bench")
    }

    /// Payments per second scored by `FraudScorer` directly, in batches of 100 with a fresh extractor each (as the route does).
    static func directThroughput(_ scorer: FraudScorer, payments: [Transaction]) -> Double {
        var flagged = 0
        let seconds = BenchContext.time {
            for start in stride(from: 0, to: payments.count, by: 100) {
                var extractor = FeatureExtractor()
                flagged += scorer.score(Array(payments[start..<min(start + 100, payments.count)]), extractor: &extractor).filter(\.prediction).count
            }
        }
        return flagged >= 0 ? Double(payments.count) / seconds : 0
    }

    /// Payments per second through `connections` concurrent request loops for `seconds`.
    static func batchThroughput(_ client: HTTPClient, url: String, bodies: [ByteBuffer], seconds: Int, connections: Int) async throws -> Double {
        let deadline = ContinuousClock.now + .seconds(seconds)
        let start = ContinuousClock.now
        let requests = try await withThrowingTaskGroup(of: Int.self) { group in
            for worker in 0..<connections {
                group.addTask {
                    var sent = 0
                    var index = worker
                    while ContinuousClock.now < deadline {
                        try await send(client, url: url, method: .POST, body: bodies[index % bodies.count])
                        sent += 1
                        index += connections
                    }
                    return sent
                }
            }
            return try await group.reduce(0, +)
        }
        return Double(requests * 100) / (ContinuousClock.now - start).inSeconds
    }

    /// The 99th percentile latency (ms) of requests started at a fixed rate (open loop: a slow answer does not delay the next request).
    static func pacedP99(_ client: HTTPClient, url: String, method: HTTPMethod, bodies: [ByteBuffer], perSecond: Int, seconds: Int) async throws -> Double {
        let interval = Duration.seconds(1) / perSecond
        let start = ContinuousClock.now
        let latencies = try await withThrowingTaskGroup(of: Double.self) { group in
            for index in 0..<(perSecond * seconds) {
                let due = start + interval * index
                if due > ContinuousClock.now { try await Task.sleep(until: due, clock: .continuous) }
                group.addTask {
                    let sent = ContinuousClock.now
                    try await send(client, url: url, method: method, body: bodies.isEmpty ? nil : bodies[index % bodies.count])
                    return (ContinuousClock.now - sent).inSeconds * 1000
                }
            }
            return try await group.reduce(into: [Double]()) { $0.append($1) }
        }.sorted()
        return latencies[ScoringActivity.rank(quantile: 0.99, count: latencies.count)]
    }

    private static func send(_ client: HTTPClient, url: String, method: HTTPMethod, body: ByteBuffer?) async throws {
        var request = HTTPClientRequest(url: url)
        request.method = method
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(body)
        }
        let response = try await client.execute(request, timeout: .seconds(30))
        _ = try await response.body.collect(upTo: 16 << 20)
        guard response.status == .ok else { throw BenchError(message: "\(method) \(url) answered \(response.status.code)") }
    }
}
