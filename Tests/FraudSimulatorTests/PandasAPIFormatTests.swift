import FraudCore
import FraudTesting
import Foundation
import Testing

/// The encoded API body must read in pandas exactly as the public API's does:
/// `pd.read_json(io.StringIO(json.loads(body)), orient="split")`.
@Suite struct PandasAPIFormatTests {
    @Test func pandasReadsTheEncodedBodyWithIdenticalValues() throws {
        var rows = SimulatedData.transactions(rows: 300, seed: 8, cards: 1000, fraudRate: 0.05)
        rows[0].merchant = #"fraud_Kub "Corner", Hand and O'Hara"#
        rows[1].ccNum = 4_999_999_999_999_999_999
        rows[2].label = nil
        let body = CurrentTransactionsFormat.encode(rows)
        let bodyPath = SimulatedData.temporaryPath(name: "api-body", extension: "json")
        try body.write(toFile: bodyPath, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: bodyPath) }

        let csv = try runPython("read_api_payload.py", bodyPath)
        let lines = csv.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
        #expect(lines.count == rows.count)
        for (row, line) in zip(rows, lines) {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let expected = [
                String(row.rowIndex!), String(row.ccNum), row.merchant, row.category, row.amount.description,
                row.dateOfBirth.iso, row.transNum, row.merchantLatitude.description,
                row.label.map { $0 ? "1" : "0" } ?? "null", String(row.eventTime.millisecondsSinceEpoch),
                row.eventTime.iso,
            ]
            #expect(fields == expected)
        }
    }

    private func runPython(_ script: String, _ argument: String) throws -> String {
        String(decoding: try PythonReference.output("simulator/" + script, arguments: [argument]), as: UTF8.self)
    }
}
