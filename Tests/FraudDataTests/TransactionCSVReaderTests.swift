import Foundation
import FraudCore
import FraudData
import Testing

@Suite struct TransactionCSVReaderTests {
    @Test func readsEveryFieldOfTheFraudTestFormat() throws {
        let rows = try TransactionCSVReader(path: Fixture.path("good.csv")).readAll()
        #expect(rows.count == 3)
        let first = rows[0]
        #expect(first.rowIndex == 0)
        #expect(first.eventTime.iso == "2020-06-21 12:14:25")
        #expect(first.ccNum == 2_291_163_933_867_244)
        #expect(first.merchant == "fraud_Kirlin and Sons")
        #expect(first.category == "personal_care")
        #expect(first.amount == 2.86)
        #expect(first.firstName == "Jeff" && first.lastName == "Elliott" && first.gender == "M")
        #expect(first.street == "351 Darlene Green" && first.city == "Columbia" && first.state == "SC" && first.zip == 29209)
        #expect(first.latitude == 33.9659 && first.longitude == -80.9355)
        #expect(first.cityPopulation == 333_497)
        #expect(first.job == "Mechanical engineer")
        #expect(first.dateOfBirth.iso == "1968-03-19")
        #expect(first.transNum == "2da90c7d74bd46a0caf3777415b3ebd3")
        #expect(first.unixTime == 1_371_816_865)
        #expect(first.merchantLatitude == 33.986391 && first.merchantLongitude == -81.200714)
        #expect(first.label == false)
    }

    @Test func quotedFieldsKeepCommasAndQuotesAndNineteenDigitCardsAreExact() throws {
        let row = try TransactionCSVReader(path: Fixture.path("good.csv")).readAll()[1]
        #expect(row.ccNum == 4_992_346_398_065_154_184)
        #expect(row.merchant == "fraud_O'Reilly, Mohr and Purdy")
        #expect(row.lastName == "Smith \"Jr\"")
        #expect(row.street == "12 Elm St, Apt. 4")
        #expect(row.job == "Surveyor, land/geomatics")
        #expect(row.label == true)
    }

    @Test func gzipAndPlainFilesReadTheSame() throws {
        let plain = try TransactionCSVReader(path: Fixture.path("good.csv")).readAll()
        let gzip = try TransactionCSVReader(path: Fixture.path("good.csv.gz")).readAll()
        #expect(plain == gzip)
    }

    @Test func indexAndLabelColumnsMayBeAbsentAndCRLFIsAccepted() throws {
        let reader = try TransactionCSVReader(path: Fixture.path("no-index-no-label-crlf.csv"))
        let rows = try reader.readAll()
        #expect(!reader.layout.hasLabel)
        #expect(rows.count == 1)
        #expect(rows[0].rowIndex == nil && rows[0].label == nil)
        #expect(rows[0].merchantLongitude == -81.200714)
        #expect(reader.quarantined.isEmpty)
    }

    @Test func aRenamedColumnIsAnErrorNamingIt() throws {
        #expect {
            try TransactionCSVReader(path: Fixture.path("renamed-column.csv"))
        } throws: { error in
            let text = String(describing: error)
            return text.contains("'amt'") && text.contains("'amount'")
        }
    }

    @Test func aMissingFileIsAnErrorNamingThePath() {
        #expect {
            try TransactionCSVReader(path: "/nonexistent/payments.csv")
        } throws: { error in
            String(describing: error).contains("/nonexistent/payments.csv")
        }
    }

    @Test func malformedRowsGoToQuarantineWithLineFieldAndReason() throws {
        let reader = try TransactionCSVReader(path: Fixture.path("with-bad-rows.csv"))
        let rows = try reader.readAll()
        #expect(rows.map(\.rowIndex) == [0, 6])
        let byLine = Dictionary(uniqueKeysWithValues: reader.quarantined.map { ($0.position, $0) })
        #expect(byLine.keys.sorted() == [3, 4, 5, 6, 7, 9, 10])
        #expect(byLine[3]?.field == "amt" && byLine[3]?.reason.contains("not a number") == true)
        #expect(byLine[4]?.field == "trans_date_trans_time")
        #expect(byLine[5]?.field == "row" && byLine[5]?.reason.contains("expected 23 fields") == true)
        #expect(byLine[6]?.field == "cc_num")
        #expect(byLine[7]?.field == "is_fraud" && byLine[7]?.reason.contains("0 or 1") == true)
        #expect(byLine[9]?.field == "lat" && byLine[9]?.reason.contains("outside") == true)
        #expect(byLine[10]?.field == nil && byLine[10]?.reason.contains("quoted field") == true)
        #expect(byLine[3]?.raw.hasPrefix("1,2020-06-21 12:14:33,") == true)
        #expect(reader.rowsRead == 9)
    }

    @Test func quarantineCanStreamToAHandler() throws {
        var seen: [Int64] = []
        let reader = try TransactionCSVReader(path: Fixture.path("with-bad-rows.csv")) { seen.append($0.position) }
        _ = try reader.readAll()
        #expect(seen == [3, 4, 5, 6, 7, 9, 10])
        #expect(reader.quarantined.isEmpty)
    }

    @Test func recordsSpanningChunkBoundariesAreReadWhole() throws {
        // A 64-byte buffer forces every record across several refills (and the buffer to grow).
        let small = try TransactionCSVReader(path: Fixture.path("good.csv"), chunkSize: 64).readAll()
        let large = try TransactionCSVReader(path: Fixture.path("good.csv")).readAll()
        #expect(small == large)
    }

    /// Issue 14: text that is not UTF-8 was read with U+FFFD in its place and accepted. Rows 1 and 2 of good.csv with
    /// a Latin-1 `é` (0xE9) in `merchant`, and in the quoted `job`, are quarantined naming the column and the byte, with
    /// their bytes kept; the good row between them is read.
    @Test func rowsWithTextThatIsNotUTF8AreQuarantinedWithTheirBytes() throws {
        let lines = try String(contentsOfFile: Fixture.path("good.csv"), encoding: .utf8).split(separator: "\n").map { Array($0.utf8) }
        func replacing(_ line: [UInt8], _ text: String, with replacement: [UInt8]) -> [UInt8] {
            var line = line
            line.replaceSubrange(line.firstRange(of: Array(text.utf8))!, with: replacement)
            return line
        }
        let merchant = replacing(lines[1], "Kirlin", with: Array("Kirl".utf8) + [0xE9, 0x6E])
        let job = replacing(lines[2], "Surveyor", with: Array("Surv".utf8) + [0xE9] + Array("yor\\".utf8))
        let path = Fixture.temporaryPath(".csv")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(([lines[0], merchant, lines[3], job] as [[UInt8]]).map { $0 + [0x0A] }.joined()).write(to: URL(fileURLWithPath: path))

        let reader = try TransactionCSVReader(path: path)
        let rows = try reader.readAll()
        #expect(rows.map(\.rowIndex) == [2])
        try #require(reader.quarantined.count == 2)
        let (first, second) = (reader.quarantined[0], reader.quarantined[1])
        #expect(first.position == 2 && first.field == "merchant")
        #expect(first.reason.hasPrefix("field 'merchant': not valid UTF-8: byte 0xE9 at offset 10 of the value (got \"fraud_Kirl\\xE9n and Sons\")"),
                "\(first.reason)")
        #expect(second.position == 4 && second.field == "job" && second.reason.contains("byte 0xE9 at offset 4"), "\(second.reason)")
        #expect(!first.raw.contains("\u{FFFD}") && first.raw.contains("Kirl\\xE9n"))
        #expect(first.rawBytes == merchant && second.rawBytes == job)
    }

    /// Issue 14: a gzip file cut short read as a complete, shorter file.
    @Test func aTruncatedGzipFileIsAnErrorNotAShorterFile() throws {
        let lines = try String(contentsOfFile: Fixture.path("good.csv"), encoding: .utf8).split(separator: "\n")
        let body = (1...3_000).map { index in lines[1].replacingOccurrences(of: "2da90c7d74bd46a0caf3777415b3ebd3", with: "t\(index)") }
        let path = try CompressedFileReaderTests.write(Array(([String(lines[0])] + body).joined(separator: "\n").utf8), gzip: true)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try TransactionCSVReader(path: path).readAll().count == 3_000)
        let compressed = try Data(contentsOf: URL(fileURLWithPath: path))
        let kept = compressed.count * 6 / 10
        try compressed.prefix(kept).write(to: URL(fileURLWithPath: path))
        #expect {
            try TransactionCSVReader(path: path).readAll()
        } throws: { error in
            "\(error)" == "cannot read '\(path)': truncated gzip stream at compressed byte \(kept) (the file ends inside a gzip member)"
        }
    }
}
