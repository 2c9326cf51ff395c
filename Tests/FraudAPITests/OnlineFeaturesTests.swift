import Foundation
import FraudCore
import FraudModel
import FraudPipeline
import FraudRuntime
import FraudTesting
import HummingbirdTesting
import Testing

/// Scoring with each card's online history (issue 13): the API reads the state the stream's scorer checkpoints, so a
/// lone payment gets the score the stream gives it.
@Suite struct OnlineFeaturesTests {
    /// The stream's model; the fixture's champion is the registry's copy of the same artifact.
    let scorer: FraudScorer

    init() throws {
        scorer = try FraudScorer(artifactDirectory: TestModel.artifactDirectory, modelVersion: "stream")
    }

    @Test("(a) a held-back payment scored alone equals the stream's score for it, bit for bit; history=request does not")
    func onlineScoreEqualsTheStreams() async throws {
        let payments = SimulatedData.transactions(rows: 1_500, seed: 23, cards: 12)
        let heldBack = Self.lastPayments(ofCards: 5, in: payments)
        let streamed = payments.filter { !heldBack.contains($0) }
        let fixture = try await APIFixture.make()
        let scorer = self.scorer
        try await fixture.test { client in
            try await fixture.stream(streamed, scorer: scorer)
            var online: [String: Double] = [:]
            for payment in heldBack {
                let answer = try await client.send(.post, "/v1/score", json: paymentJSON(payment))
                #expect(answer.status == .ok)
                #expect(answer.history == "online \(streamed.filter { $0.ccNum == payment.ccNum }.count)")
                let score = try #require(answer.scores.first)
                online[payment.transNum] = score

                let alone = try await client.send(.post, "/v1/score?history=request", json: paymentJSON(payment))
                var fresh = FeatureExtractor()
                let requestOnly = scorer.score([payment], extractor: &fresh)[0].score
                #expect(alone.history == "request 0")
                #expect(alone.scores.map(\.bitPattern) == [requestOnly.bitPattern])
                #expect(requestOnly != score, "the card's history changes the score")
            }
            try await fixture.stream(heldBack, scorer: scorer)
            for payment in heldBack {
                let stored = try await fixture.store.transactions(TransactionQuery(ccNum: payment.ccNum, limit: 10_000)).rows
                let stream = try #require(stored.first { $0.transNum == payment.transNum }).scored.score
                #expect(online[payment.transNum]?.bitPattern == stream.bitPattern, "\(payment.transNum): API \(online[payment.transNum] ?? .nan), stream \(stream)")
            }
        }
    }

    @Test("(b) in a batch, a later payment of a card sees the earlier one after the card's state; the state is not written back")
    func aBatchSeesTheCardsEarlierPayments() async throws {
        let card = try await CheckpointedCard(SimulatedData.transactions(rows: 400, seed: 29, cards: 4), scorer: scorer)
        try await card.fixture.test { client in
            let answer = try await client.send(.post, "/v1/score", json: card.batchJSON)
            let decisions = try #require(answer.json as? [[String: Any]])
            #expect(answer.scores.map(\.bitPattern) == card.expected.map(\.bitPattern))
            #expect(decisions.map { ($0["history"] as? [String: Any])?["earlier_payments"] as? Int } == [card.history.count, card.history.count + 1])

            let again = try await client.send(.post, "/v1/score", json: card.batchJSON)
            #expect(again.text == answer.text, "the first call changed the state it read")
            let second = try await client.send(.post, "/v1/score", json: paymentJSON(card.batch[1]))
            #expect(second.history == "online \(card.history.count)")
            #expect(second.scores.count == 1 && second.scores != [card.expected[1]])
        }
    }

    @Test("(c) POST /v1/payments?decide=true answers the decisions with online history and puts the payments on payments.raw")
    func decideAnswersDecisionsAndIngests() async throws {
        let payments = SimulatedData.transactions(rows: 300, seed: 37, cards: 3)
        let card = try await CheckpointedCard(payments, scorer: scorer)
        let fixture = card.fixture
        try await fixture.test { client in
            let answer = try await client.send(.post, "/v1/payments?decide=true&reasons=all", json: card.batchJSON)
            #expect(answer.status == .ok)
            let decisions = try #require(answer.json as? [[String: Any]])
            #expect(decisions.map { $0["trans_num"] as? String } == card.batch.map(\.transNum))
            #expect(answer.scores.map(\.bitPattern) == card.expected.map(\.bitPattern))
            #expect(decisions.allSatisfy { ($0["reasons"] as? [Any])?.count == 3 && $0["model_version"] as? String == fixture.championVersion })
            #expect(decisions.map { ($0["history"] as? [String: Any])?["source"] as? String } == ["online", "online"])

            let one = try await client.send(.post, "/v1/payments?decide=true", json: paymentJSON(payments[1]))
            #expect(one.status == .ok && one.object["trans_num"] as? String == payments[1].transNum)
            let plain = try await client.send(.post, "/v1/payments?decide=false", json: paymentJSON(payments[2]))
            #expect(plain.status == .accepted && plain.object["accepted"] as? Int == 1)
            let badFlag = try await client.send(.post, "/v1/payments?decide=yes", json: paymentJSON(payments[3]))
            #expect(badFlag.status == .badRequest && badFlag.object["field"] as? String == "decide")

            let consumer = try await fixture.bus.makeConsumer(group: "api-test", topics: [PaymentMessages.rawTopic])
            let records = try await BusDrain.collect(consumer, count: 4, patience: .seconds(10))
            try await consumer.close()
            #expect(try records.map { try PaymentMessages.transaction(from: $0).transNum }.sorted()
                    == (card.batch + [payments[1], payments[2]]).map(\.transNum).sorted())
        }
    }

    @Test("(d) a damaged card state is a 500 problem naming it, for scoring and for decide=true (nothing ingested); history=request still scores")
    func aDamagedCardStateIsAServerProblem() async throws {
        let payment = SimulatedData.transactions(rows: 1, seed: 41)[0]
        let fixture = try await APIFixture.make()
        try await fixture.checkpoint([CardStateRecord(ccNum: payment.ccNum, state: [1, 2, 3])])
        try await fixture.test { client in
            for uri in ["/v1/score", "/v1/payments?decide=true"] {
                let answer = try await client.send(.post, uri, json: paymentJSON(payment))
                #expect(answer.status == .internalServerError, "\(uri)")
                #expect(answer.headers[.contentType] == "application/problem+json")
                #expect(answer.object["title"] as? String == "Feature state damaged")
                let detail = try #require(answer.object["detail"] as? String)
                #expect(detail.contains("feature state of card \(CardNumberMask.masked(payment.ccNum))") && detail.contains("3 bytes"), "\(detail)")
                #expect(!detail.contains(String(payment.ccNum)))
            }
            let requestOnly = try await client.send(.post, "/v1/score?history=request", json: paymentJSON(payment))
            #expect(requestOnly.status == .ok && requestOnly.history == "request 0")
            #expect(!FileManager.default.fileExists(atPath: fixture.root + "/bus/topics/" + PaymentMessages.rawTopic))
        }
    }

    @Test("(e) a server without feature state scores with the request's history, and refuses history=online with 503")
    func withoutFeatureStateHistoryIsTheRequests() async throws {
        let payment = SimulatedData.transactions(rows: 1, seed: 43)[0]
        let fixture = try await APIFixture.make(onlineHistory: false)
        try await fixture.test { client in
            let answer = try await client.send(.post, "/v1/score", json: paymentJSON(payment))
            #expect(answer.status == .ok && answer.history == "request 0")
            let online = try await client.send(.post, "/v1/score?history=online", json: paymentJSON(payment))
            #expect(online.status == .serviceUnavailable && online.object["field"] as? String == "history")
            let bad = try await client.send(.post, "/v1/score?history=stream", json: paymentJSON(payment))
            #expect(bad.status == .badRequest && bad.object["field"] as? String == "history")
        }
    }

    /// The last payment of each of the first `count` cards (by card number), in stream order.
    static func lastPayments(ofCards count: Int, in payments: [Transaction]) -> [Transaction] {
        let last = Dictionary(payments.map { ($0.ccNum, $0) }, uniquingKeysWith: { _, later in later })
        let chosen = Set(last.keys.sorted().prefix(count).map { last[$0]!.transNum })
        return payments.filter { chosen.contains($0.transNum) }
    }

}

/// The last two payments of the first payment's card, in a new fixture whose feature state holds the card's state after
/// its earlier payments, as a scorer checkpoints it.
struct CheckpointedCard {
    let fixture: APIFixture
    /// The card's payments before `batch`.
    let history: [Transaction]
    let batch: [Transaction]
    /// The scores the stream gives `batch` after `history`.
    let expected: [Double]

    init(_ payments: [Transaction], scorer: FraudScorer) async throws {
        let card = payments.filter { $0.ccNum == payments[0].ccNum }
        history = Array(card.dropLast(2))
        batch = Array(card.suffix(2))
        var extractor = FeatureExtractor()
        _ = extractor.extract(history)
        let state = CardStateRecord(ccNum: payments[0].ccNum, state: CardStateCodec.encode(payments[0].ccNum, in: extractor.state)!)
        expected = scorer.score(batch, extractor: &extractor).map(\.score)
        fixture = try await APIFixture.make()
        try await fixture.checkpoint([state])
    }

    /// `batch` as a JSON array.
    var batchJSON: String { "[" + batch.map(paymentJSON).joined(separator: ",") + "]" }
}

extension APIFixture {
    /// The state the default scorers checkpoint and the API reads.
    static let featureScope = FeatureStateScope(group: PaymentMessages.scorerGroup, topic: PaymentMessages.rawTopic)

    /// Streams `payments` through the embedded pipeline on the fixture's bus, store and feature state until they are
    /// stored, then stops it (its last checkpoint is written on stop).
    func stream(_ payments: [Transaction], scorer: FraudScorer) async throws {
        try await PaymentTopics.create(on: bus)
        let producer = try await bus.makeProducer()
        try await producer.send(payments.map { PaymentMessages.message(for: $0) })
        try await producer.close()
        let pipeline = EmbeddedPipeline(bus: bus, store: store, featureState: featureState, models: .fixed(scorer))
        let stop = StopSignal()
        async let running: Void = pipeline.workers().run(stop: stop)
        let stored = try await pipeline.waitUntilStored(stop: stop)
        stop.request()
        try await running
        #expect(stored)
    }

    /// Checkpoints `cards` as the scorer of partition 0 would.
    func checkpoint(_ cards: [CardStateRecord]) async throws {
        let claim = try await featureState.claim(Self.featureScope, partition: 0)
        let refused = try await featureState.write(Self.featureScope, [PartitionDelta(partition: 0, epoch: claim.epoch, nextOffset: 1, cards: cards)])
        #expect(refused.isEmpty)
    }
}

extension TestResponse {
    /// Every `score` of the body, in order, read from its text with `Double(_:)`, which is exact (Foundation's
    /// `JSONSerialization` on Linux can be one unit in the last place off).
    var scores: [Double] {
        text.matches(of: /"score":([-+.0-9eE]+)/).compactMap { Double($0.output.1) }
    }

    /// The decision's `history` as "SOURCE EARLIER_PAYMENTS" (e.g. "online 41").
    var history: String? {
        guard let history = object["history"] as? [String: Any], let source = history["source"] as? String,
              let earlier = history["earlier_payments"] as? Int else { return nil }
        return "\(source) \(earlier)"
    }
}
