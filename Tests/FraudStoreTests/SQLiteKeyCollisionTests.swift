import FraudCore
import FraudStore
import FraudTesting
import GRDB
import Testing

/// SQLite keys payments by a hash of `trans_num` (`TransactionKey`). Real collisions are too rare to meet, so these
/// tests make them: they store other payments ("intruders") directly under the keys a payment's hash points to.
@Suite struct SQLiteKeyCollisionTests {
    let path = TemporaryDirectory.make("key-collision") + "/store.db"
    let fixtures = StoreFixtures.scored(count: 4)
    let at = EventTime(year: 2024, month: 2, day: 1)!

    /// Stores a copy of `source`'s row under `trans_num` = `name` and `trans_key` = `key`, as a colliding payment would be.
    func storeIntruder(_ name: String, key: Int64, copying source: String) throws {
        let columns = StoreSchema.transactionColumns.dropFirst().joined(separator: ", ")
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO transactions (trans_num, trans_key, \(columns)) SELECT ?, ?, \(columns) FROM transactions WHERE trans_num = ?",
                           arguments: [name, key, source])
        }
        try queue.close()
    }

    /// Stored databases hold these keys: the hash must never change (value from the documented formula, computed in Python).
    @Test func keysAreStable() {
        #expect(TransactionKey.base("0123456789abcdef0123456789abcdef") == 7_572_167_539_242_745_856)
    }

    @Test func collidingPaymentsAreStoredApartAndFoundByTransNum() async throws {
        let store = try await SQLiteStore.open(path: path)
        let (stored, colliding) = (fixtures[0], fixtures[1])
        let transNum = colliding.transaction.transNum
        #expect(try await store.write([stored]) == 1)
        try storeIntruder("intruder", key: TransactionKey.base(transNum), copying: stored.transaction.transNum)

        #expect(try await store.write([colliding]) == 1, "stored under the next key of its range, not merged with the intruder")
        #expect(try await store.write([colliding, stored]) == 0, "a redelivery is still recognised behind the collision")
        #expect(try await store.counts().transactions == 3)
        try await store.record([AlertRecord(colliding, raisedAt: at)])
        #expect(try await store.alerts(AlertQuery(unlabelledOnly: true)).map(\.transNum) == [transNum])

        try await store.label(transNum: transNum, isFraud: true, by: "ana", at: at)
        #expect(try await store.labelled(after: nil, limit: 10).map(\.transNum) == [transNum], "the label went to the payment, not the intruder")
        #expect(try await store.alerts(AlertQuery(unlabelledOnly: true)).isEmpty, "the alerts join finds the payment behind the collision")
        try await store.close()
    }

    @Test func aFullKeyRangeIsAnErrorNotAMerge() async throws {
        let store = try await SQLiteStore.open(path: path)
        let (stored, refused) = (fixtures[0], fixtures[2])
        #expect(try await store.write([stored]) == 1)
        let base = TransactionKey.base(refused.transaction.transNum)
        for slot in 0..<TransactionKey.slots {
            try storeIntruder("intruder-\(slot)", key: base + slot, copying: stored.transaction.transNum)
        }
        await #expect(throws: StoreError.self) { try await store.write([fixtures[3], refused]) }
        #expect(try await store.counts().transactions == 1 + Int(TransactionKey.slots), "the refused batch wrote nothing")
        try await store.close()
    }
}
