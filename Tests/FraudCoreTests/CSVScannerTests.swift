import Testing
@testable import FraudCore

@Suite struct CSVScannerTests {
    private func scan(_ text: String, atEnd: Bool = true) -> (CSVScanner.Outcome, [String]) {
        var fields: [CSVFieldRange] = []
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { raw in
            let outcome = CSVScanner.scanRecord(in: raw, from: 0, atEndOfInput: atEnd, fields: &fields)
            return (outcome, fields.map { CSVScanner.string($0, in: raw) ?? "(not UTF-8)" })
        }
    }

    @Test func splitsPlainFields() {
        let (outcome, fields) = scan("a,b,,c\nnext")
        #expect(outcome == .record(next: 7, lineBreaks: 1))
        #expect(fields == ["a", "b", "", "c"])
    }

    @Test func quotedFieldsHoldCommasQuotesAndLineBreaks() {
        let (outcome, fields) = scan("\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n")
        #expect(outcome == .record(next: 32, lineBreaks: 2))
        #expect(fields == ["x, y", "say \"hi\"", "two\nlines"])
    }

    @Test func crlfEndsARecordWithoutLeavingACarriageReturn() {
        let (_, fields) = scan("a,b\r\n")
        #expect(fields == ["a", "b"])
    }

    @Test func asksForMoreInputWhenTheBufferEndsMidRecord() {
        #expect(scan("a,b", atEnd: false).0 == .needMoreInput)
        #expect(scan("a,\"b", atEnd: false).0 == .needMoreInput)
        #expect(scan("a,\"b\"", atEnd: false).0 == .needMoreInput)
        #expect(scan("a,\"b", atEnd: true).0 == .unterminatedQuote)
        #expect(scan("a,b", atEnd: true).1 == ["a", "b"])
    }
}
