import FraudCore
@testable import FraudStore
import FraudTesting
import Testing

/// The SQLite writer inserts chunk i while chunk i+1 is encoded on another thread; every payment must arrive once, in order.
@Suite struct SQLiteRowImagesTests {
    let payments = StoreFixtures.scored(count: 30)

    @Test func chunksEncodedAheadCoverTheBatchInOrder() throws {
        var seen: [String] = []
        var keys: [Int64] = []
        try SQLiteRowImages.encodeAhead(payments, keyed: true, chunk: 7) { images in
            #expect(images.payments.count <= 7)
            #expect(images.values.count == images.payments.count * SQLiteRowImages.width)
            seen += images.payments.map(\.transaction.transNum)
            keys += images.keys
        }
        #expect(seen == payments.map(\.transaction.transNum))
        #expect(keys == payments.map { TransactionKey.base($0.transaction.transNum) })
    }

    @Test func textsAreTheColumnValues() throws {
        let images = SQLiteRowImages(payments[3...4], keyed: false)
        #expect(images.keys.isEmpty)
        func text(_ row: Int, _ column: String) -> String? {
            let index = StoreSchema.transactionColumns.firstIndex(of: column)!
            guard case .text(let start, let count) = images.values[row * SQLiteRowImages.width + index] else { return nil }
            return String(decoding: images.texts[start..<(start + count)], as: UTF8.self)
        }
        #expect(text(1, "trans_num") == payments[4].transaction.transNum)
        #expect(text(0, "street") == payments[3].transaction.street)
        #expect(text(1, "reasons") == ReasonsJSON.encode(payments[4].reasons))
        #expect(text(0, "dob") == "1968-03-19")
    }

    @Test func aFailedChunkStopsTheBatch() {
        var chunks = 0
        #expect(throws: StoreError.self) {
            try SQLiteRowImages.encodeAhead(payments, keyed: true, chunk: 10) { _ in
                chunks += 1
                if chunks == 2 { throw StoreError(.failed(operation: "insert payment", reason: "test")) }
            }
        }
        #expect(chunks == 2)
    }
}
