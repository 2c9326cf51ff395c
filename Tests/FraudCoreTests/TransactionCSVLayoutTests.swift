import Testing
@testable import FraudCore

@Suite struct TransactionCSVLayoutTests {
    private let standard = TransactionField.allCases.map(\.columnName)

    @Test func acceptsColumnsInAnyOrderAndWithoutIndexOrLabel() throws {
        let layout = try TransactionCSVLayout(header: standard.filter { $0 != "" && $0 != "is_fraud" }.reversed())
        #expect(layout.positions[.rowIndex] == nil)
        #expect(!layout.hasLabel)
        #expect(layout.positions[.merchLong] == 0)
    }

    @Test func pandasUnnamedIndexIsTheRowIndex() throws {
        let layout = try TransactionCSVLayout(header: ["Unnamed: 0"] + standard.dropFirst())
        #expect(layout.positions[.rowIndex] == 0)
    }

    @Test func missingColumnsAreNamed() {
        #expect(throws: CSVHeaderError.missingColumns(["cc_num"], unexpected: [])) {
            try TransactionCSVLayout(header: standard.filter { $0 != "cc_num" })
        }
    }

    @Test func unexpectedAndDuplicateColumnsAreNamed() {
        #expect(throws: CSVHeaderError.unexpectedColumns(["extra"])) {
            try TransactionCSVLayout(header: standard + ["extra"])
        }
        #expect(throws: CSVHeaderError.duplicateColumn("amt")) {
            try TransactionCSVLayout(header: standard + ["amt"])
        }
    }
}
