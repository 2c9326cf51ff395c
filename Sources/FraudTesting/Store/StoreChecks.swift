import FraudCore
import FraudStore

/// The bodies of the conformance checks on payments, labels, alerts, quarantine and drift reports.
package enum StoreChecks {
    static let t0 = EventTime(year: 2020, month: 6, day: 21)!

    static func run(_ check: StoreConformance.Check, _ store: any FraudDatabase) async throws {
        switch check {
        case .redeliveredBatchChangesNothing: try await redelivery(store)
        case .rowsRoundTrip: try await roundTrip(store)
        case .queryFilters: try await filters(store)
        case .cursorPaginationVisitsEveryRowOnce: try await pagination(store)
        case .cardHistoryAcrossHoursAndDays: try await cardHistory(store)
        case .labels: try await labels(store)
        case .unknownLabelIsRejectedAndChangesNothing: try await unknownLabel(store)
        case .labelledSinceWatermark: try await watermark(store)
        case .alerts: try await alerts(store)
        case .quarantine: try await quarantine(store)
        case .driftReports: try await driftReports(store)
        case .scoringActivityAndLabelledOutcomes: try await ActivityChecks.activityAndOutcomes(store)
        case .registry: try await RegistryChecks.registry(store)
        case .aliasMovesAreCheckedAndRecorded: try await RegistryChecks.aliasMoves(store)
        case .olderSchemaIsUpgradedNotWiped: break
        }
    }

    static func redelivery(_ store: any FraudDatabase) async throws {
        let batch = StoreFixtures.scored(count: 500)
        try expectEqual(try await store.write(batch), 500, "rows inserted by the first delivery")
        try expectEqual(try await store.counts().transactions, 500, "row count after the first delivery")
        try expectEqual(try await store.write(batch), 0, "rows inserted by a redelivery")
        try expectEqual(try await store.counts().transactions, 500, "row count after a redelivery")
        let overlapping = Array(batch[250...]) + StoreFixtures.scored(count: 250, firstIndex: 500)
        try expectEqual(try await store.write(overlapping), 250, "rows inserted by a half-new batch")
        try expectEqual(try await store.write(batch + batch), 0, "rows inserted by a batch repeating itself")
        try expectEqual(try await store.counts().transactions, 750, "row count after overlapping batches")
        // Two writers delivering the same new batch at once (a rebalance): each row is inserted once.
        let concurrent = StoreFixtures.scored(count: 300, firstIndex: 1000)
        async let first = store.write(concurrent)
        async let second = store.write(concurrent)
        try expectEqual(try await first + second, 300, "rows inserted by two concurrent deliveries of one batch")
        try expectEqual(try await store.counts().transactions, 1050, "final row count")
        try expectEqual(try await store.write([]), 0, "rows inserted by an empty batch")
        // A large batch (a backend may write it in parts, e.g. PostgreSQL's parallel COPYs) whose second half holds
        // stored rows: the first half's rows are inserted once and counted once.
        let large = StoreFixtures.scored(count: 4_000, firstIndex: 2000)
        try expectEqual(try await store.write(Array(large[3_000...])), 1_000, "rows inserted before the large batch")
        try expectEqual(try await store.write(large), 3_000, "rows inserted by a large batch whose second half is partly stored")
        try expectEqual(try await store.write(large), 0, "rows inserted by a redelivered large batch")
        try expectEqual(try await store.counts().transactions, 5_050, "row count after the large batches")
    }

    static func roundTrip(_ store: any FraudDatabase) async throws {
        let batch = StoreFixtures.scored(count: 40)
        try await store.write(batch)
        let page = try await store.transactions(TransactionQuery(limit: 100))
        try expectEqual(page.rows.count, 40, "rows read back")
        let byTransNum = Dictionary(uniqueKeysWithValues: page.rows.map { ($0.transNum, $0) })
        for row in batch {
            guard let stored = byTransNum[row.transaction.transNum] else { throw ConformanceFailure(message: "row \(row.transaction.transNum) missing") }
            try expectEqual(stored.scored, row, "stored row \(row.transaction.transNum)")
            try expect(stored.trueValue == nil && stored.labeledAt == nil && stored.labeledBy == nil, "a new row has no true_value")
        }
    }

    static func filters(_ store: any FraudDatabase) async throws {
        let batch = StoreFixtures.scored(count: 100, cards: 4)
        try await store.write(batch)
        let from = t0.adding(seconds: 60 * 10), to = t0.adding(seconds: 60 * 30)
        let window = try await store.transactions(TransactionQuery(from: from, to: to, limit: 1000)).rows
        try expectEqual(window.count, 20, "rows in [10 min, 30 min)")
        try expect(window.allSatisfy { $0.scored.transaction.eventTime >= from && $0.scored.transaction.eventTime < to }, "time range respected")
        try expect(zip(window, window.dropFirst()).allSatisfy { $0.scored.transaction.eventTime > $1.scored.transaction.eventTime }, "newest first")
        let card = batch[1].transaction.ccNum
        let cardRows = try await store.transactions(TransactionQuery(ccNum: card, limit: 1000)).rows
        try expectEqual(cardRows.count, 25, "rows of one card")
        try expect(cardRows.allSatisfy { $0.scored.transaction.ccNum == card }, "card filter respected")
        let flagged = try await store.transactions(TransactionQuery(prediction: true, limit: 1000)).rows
        try expectEqual(Set(flagged.map(\.transNum)), Set(batch.filter(\.prediction).map(\.transaction.transNum)), "predicted-fraud rows")
        try await store.label([LabelUpdate(transNum: batch[3].transaction.transNum, isFraud: true, labeledBy: "ana", labeledAt: t0)])
        let labelled = try await store.transactions(TransactionQuery(label: .labelled, limit: 1000)).rows
        try expectEqual(labelled.map(\.transNum), [batch[3].transaction.transNum], "labelled rows")
        try expectEqual(try await store.transactions(TransactionQuery(label: .unlabelled, limit: 1000)).rows.count, 99, "unlabelled rows")
        let combined = try await store.transactions(TransactionQuery(from: from, ccNum: card, prediction: false, label: .unlabelled, limit: 1000)).rows
        let expected = batch.filter { $0.transaction.ccNum == card && !$0.prediction && $0.transaction.eventTime >= from }
        try expectEqual(Set(combined.map(\.transNum)), Set(expected.map(\.transaction.transNum)), "combined filters")
    }

    static func pagination(_ store: any FraudDatabase) async throws {
        var batch = StoreFixtures.scored(count: 53)
        // Same event time on several rows: the cursor must break ties by trans_num.
        for index in 20..<30 { batch[index].transaction.eventTime = t0 }
        try await store.write(batch)
        var seen: [String] = []
        var query = TransactionQuery(limit: 7)
        var pages = 0
        repeat {
            let page = try await store.transactions(query)
            seen += page.rows.map(\.transNum)
            pages += 1
            try expect(page.rows.count <= 7, "page size respected")
            guard let next = page.nextCursor else { break }
            query.cursor = try TransactionCursor(token: next.token)
        } while pages < 100
        try expectEqual(seen.count, 53, "rows visited")
        try expectEqual(Set(seen).count, 53, "distinct rows visited")
        try expectEqual(pages, 8, "pages of 7 for 53 rows")
    }

    /// One card's payments scattered over 40 days, with empty days, several payments in one hour and at one instant,
    /// and one before 1970: paged newest first with and without a time range, every page as a full scan would give it.
    static func cardHistory(_ store: any FraudDatabase) async throws {
        var batch = StoreFixtures.scored(count: 120, cards: 3)
        var random = SplitMix64(seed: 7)
        for index in batch.indices {
            let minutes = index % 10 == 0 ? 0 : Int64(random.next() % (40 * 24 * 60))
            batch[index].transaction.eventTime = t0.adding(seconds: minutes * 60 + Int64(index % 4) * 7)
        }
        batch[4].transaction.eventTime = EventTime(year: 1969, month: 12, day: 31)!.adding(seconds: 23 * 3600 + 1799)
        try await store.write(batch)
        let card = batch[1].transaction.ccNum
        let newestFirst = batch.filter { $0.transaction.ccNum == card }.sorted {
            ($0.transaction.eventTime, $0.transaction.transNum) > ($1.transaction.eventTime, $1.transaction.transNum)
        }.map(\.transaction.transNum)
        let from = t0.adding(seconds: 5 * 86_400 + 1_234), to = t0.adding(seconds: 31 * 86_400 + 3_599)
        let windowed = batch.filter { $0.transaction.ccNum == card && $0.transaction.eventTime >= from && $0.transaction.eventTime < to }
            .sorted { ($0.transaction.eventTime, $0.transaction.transNum) > ($1.transaction.eventTime, $1.transaction.transNum) }
            .map(\.transaction.transNum)
        for (query, expected) in [(TransactionQuery(ccNum: card, limit: 6), newestFirst),
                                  (TransactionQuery(from: from, to: to, ccNum: card, limit: 5), windowed)] {
            var query = query, seen: [String] = []
            for _ in 0..<100 {
                let page = try await store.transactions(query)
                seen += page.rows.map(\.transNum)
                guard let next = page.nextCursor else { break }
                query.cursor = next
            }
            try expectEqual(seen, expected, "the card's payments, newest first, \(query.from == nil ? "all" : "in the window")")
        }
        try expect(newestFirst.count > 30 && windowed.count > 10 && windowed.count < newestFirst.count, "fixture spans the window")
    }

    static func labels(_ store: any FraudDatabase) async throws {
        let batch = StoreFixtures.scored(count: 30)
        try await store.write(batch)
        let one = batch[0].transaction.transNum
        try await store.label(transNum: one, isFraud: true, by: "ana", at: t0.adding(seconds: 5))
        var row = try await store.transactions(TransactionQuery(label: .labelled, limit: 10)).rows
        try expectEqual(row.count, 1, "labelled rows after one label")
        try expectEqual(row[0].trueValue, true, "true_value")
        try expectEqual(row[0].labeledBy, "ana", "labeled_by")
        try expectEqual(row[0].labeledAt, t0.adding(seconds: 5), "labeled_at")
        try expectEqual(row[0].scored.prediction, batch[0].prediction, "the prediction is left as it was")
        let bulk = (1..<21).map { LabelUpdate(transNum: batch[$0].transaction.transNum, isFraud: $0 % 2 == 0, labeledBy: "bulk", labeledAt: t0.adding(seconds: 9)) }
        try await store.label(bulk)
        try expectEqual(try await store.counts().labelled, 21, "labelled count after a bulk label")
        // Relabelling corrects the value; the latest update of a trans_num in one call wins.
        try await store.label([LabelUpdate(transNum: one, isFraud: true, labeledBy: "x", labeledAt: t0),
                               LabelUpdate(transNum: one, isFraud: false, labeledBy: "bob", labeledAt: t0.adding(seconds: 60))])
        row = try await store.transactions(TransactionQuery(to: t0.adding(seconds: 1), limit: 10)).rows
        try expectEqual(row.first?.trueValue, false, "corrected true_value")
        try expectEqual(row.first?.labeledBy, "bob", "corrected labeled_by")
        try await store.label([])
    }

    static func unknownLabel(_ store: any FraudDatabase) async throws {
        let batch = StoreFixtures.scored(count: 5)
        try await store.write(batch)
        let updates = [LabelUpdate(transNum: batch[0].transaction.transNum, isFraud: true, labeledBy: "ana", labeledAt: t0),
                       LabelUpdate(transNum: "no-such-payment", isFraud: true, labeledBy: "ana", labeledAt: t0)]
        try await expectStoreError("labelling an unknown trans_num", { kind in
            if case .unknownTransactions(let names) = kind { return names == ["no-such-payment"] }
            return false
        }) { try await store.label(updates) }
        try expectEqual(try await store.counts().labelled, 0, "labels set by a rejected call")
        let error = StoreError(.unknownTransactions(["no-such-payment"]))
        try expect(error.description.contains("no-such-payment"), "the error names the trans_num")
    }

    static func watermark(_ store: any FraudDatabase) async throws {
        let batch = StoreFixtures.scored(count: 20)
        try await store.write(batch)
        for (offset, index) in [5, 2, 9, 7].enumerated() {
            try await store.label(transNum: batch[index].transaction.transNum, isFraud: index == 9, by: "ana", at: t0.adding(seconds: Int64(offset)))
        }
        let first = try await store.labelled(after: nil, limit: 3)
        try expectEqual(first.map(\.transNum), [5, 2, 9].map { batch[$0].transaction.transNum }, "labelled rows in label-time order")
        let rest = try await store.labelled(after: first.last!.labelWatermark, limit: 10)
        try expectEqual(rest.map(\.transNum), [batch[7].transaction.transNum], "labelled rows after the watermark")
        try expectEqual(try await store.labelled(after: rest.last!.labelWatermark, limit: 10).count, 0, "nothing after the last watermark")
        try expectEqual(first[2].trueValue, true, "true_value carried")
    }

    static func alerts(_ store: any FraudDatabase) async throws {
        let batch = StoreFixtures.scored(count: 30).filter(\.prediction)
        try await store.write(batch)
        var alerts = batch.enumerated().map { AlertRecord($0.element, raisedAt: t0.adding(seconds: Int64($0.offset))) }
        alerts[1].deliveries = [
            AlertDeliveryOutcome(key: alerts[1].transNum, channel: "webhook", status: .failed, attempts: 3,
                                 detail: "gave up after 3 attempts: HTTP 503: \"busy\"\n", finishedAt: t0.adding(seconds: 5)),
            AlertDeliveryOutcome(key: alerts[1].transNum, channel: "email", status: .delivered, attempts: 1, detail: nil,
                                 finishedAt: t0.adding(seconds: 6)),
        ]
        try expectEqual(try await store.record(alerts), 3, "alerts recorded")
        try expectEqual(try await store.record(alerts), 0, "alerts recorded again")
        let listed = try await store.alerts(AlertQuery(limit: 10))
        try expectEqual(listed, alerts.reversed(), "alerts read back, newest first")
        try await store.label(transNum: batch[0].transaction.transNum, isFraud: true, by: "ana", at: t0)
        let queue = try await store.alerts(AlertQuery(unlabelledOnly: true))
        try expectEqual(Set(queue.map(\.transNum)), Set(batch[1...].map(\.transaction.transNum)), "unlabelled alert queue")
        try expectEqual(try await store.alerts(AlertQuery(from: t0.adding(seconds: 1), to: t0.adding(seconds: 2))).map(\.transNum),
                        [batch[1].transaction.transNum], "alerts in a time range")
    }

    static func quarantine(_ store: any FraudDatabase) async throws {
        let records = [
            QuarantinedRecord(source: "payments.raw", position: 7, field: "amt", reason: "not a number", raw: "x,y,\"z\"\n"),
            QuarantinedRecord(source: "payments.raw", position: 8, field: nil, reason: "bad JSON", raw: "{"),
        ]
        try expectEqual(try await store.quarantine(records), 2, "records quarantined")
        try expectEqual(try await store.quarantine(records), 0, "records quarantined again")
        try expectEqual(try await store.quarantined(limit: 10), records.reversed(), "quarantine read back, newest first")
        try expectEqual(try await store.counts().quarantined, 2, "quarantine count")
    }

    static func driftReports(_ store: any FraudDatabase) async throws {
        let first = DriftReportRecord(createdAt: t0, windowStart: t0, windowEnd: t0.adding(seconds: 3600), datasetDrift: false, driftedShare: 0.1, json: "{\"a\":1}")
        let second = DriftReportRecord(createdAt: t0.adding(seconds: 60), datasetDrift: true, driftedShare: 0.6, json: "{}")
        try await store.save(first)
        try await store.save(second)
        let listed = try await store.driftReports(limit: 10)
        try expectEqual(listed.count, 2, "reports saved")
        var expected = [second, first]
        for index in expected.indices { expected[index].id = listed[index].id }
        try expectEqual(listed, expected, "reports read back, newest first")
        try expect(listed[0].id! > listed[1].id!, "ids increase")
    }

    static func upgrade(_ database: StoreConformance.Database) async throws {
        let old = try await database.open(1)
        let batch = StoreFixtures.scored(count: 10)
        try await old.write(batch)
        try await old.label(transNum: batch[2].transaction.transNum, isFraud: true, by: "ana", at: t0)
        try await old.close()
        let upgraded = try await database.open(nil)
        try await withCleanup {
            try expectEqual(try await upgraded.counts(), StoreCounts(transactions: 10, labelled: 1, alerts: 0, quarantined: 0), "rows kept by the upgrade")
            let labelled = try await upgraded.labelled(after: nil, limit: 10)
            try expectEqual(labelled.map(\.transNum), [batch[2].transaction.transNum], "label kept by the upgrade")
            try expectEqual(try await upgraded.aliasGeneration(), 0, "registry tables created by the upgrade")
            try expectEqual(try await upgraded.write(batch), 0, "old rows still deduplicate after the upgrade")
        } cleanup: {
            try await upgraded.close()
        }
        let again = try await database.open(nil)
        try expectEqual(try await again.counts().transactions, 10, "reopening at the latest version changes nothing")
        try await again.close()
    }
}
