import FraudCore
import FraudData
import Foundation
import Testing

@Suite struct TransactionCSVRoundTripTests {
    @Test func writtenRowsReadBackIdentical() throws {
        let original = try TransactionCSVReader(path: Fixture.path("good.csv")).readAll()
        var tricky = original[0]
        tricky.rowIndex = nil
        tricky.unixTime = nil
        tricky.label = nil
        tricky.merchant = "fraud_\"Quoted\", Inc.\nSecond line"
        tricky.amount = 0.1 + 0.2  // not a short decimal: must still round-trip exactly
        tricky.latitude = -0.000001
        let rows = original + [tricky]
        let path = Fixture.temporaryPath(".csv")
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            let writer = try TransactionCSVWriter(path: path)
            try writer.write(contentsOf: rows)
            try writer.flush()
        }
        let reader = try TransactionCSVReader(path: path)
        let back = try reader.readAll()
        #expect(reader.quarantined.isEmpty)
        #expect(back.count == rows.count)
        #expect(Array(back.prefix(3)) == original)
        var expectedTricky = tricky
        expectedTricky.rowIndex = 3  // a missing index is written as the running row number
        #expect(back[3] == expectedTricky)
    }

    @Test func theWrittenHeaderIsTheFraudTestHeader() throws {
        let path = Fixture.temporaryPath(".csv")
        defer { try? FileManager.default.removeItem(atPath: path) }
        do { _ = try TransactionCSVWriter(path: path) }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == ",trans_date_trans_time,cc_num,merchant,category,amt,first,last,gender,street,city,state,zip,lat,long,city_pop,job,dob,trans_num,unix_time,merch_lat,merch_long,is_fraud\n")
    }
}
