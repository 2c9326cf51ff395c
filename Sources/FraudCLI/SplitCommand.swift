import ArgumentParser
import Foundation
import FraudCore
import FraudData

/// `fraud split`: a fraudTest-format file split by event time into `train.csv` and `test.csv`.
struct SplitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "split",
        abstract: "Split a fraudTest-format CSV (plain or gzip) by event time into DIR/train.csv and DIR/test.csv.",
        discussion: """
            Rows are ordered by event time (ties keep their input order); the first --train fraction goes to \
            train.csv, the rest to test.csv, both in the fraudTest format. Malformed rows are quarantined, not split.
            """
    )

    /// How rows are ordered before the cut.
    enum Order: String, ExpressibleByArgument, CaseIterable {
        case time
    }

    @Option(name: .long, help: "The CSV file (plain or .gz); - reads standard input.")
    var data: String

    @Option(name: .long, help: "Order of the split.")
    var by: Order = .time

    @Option(name: .long, help: "Fraction of the rows, earliest first, that go to train.csv (between 0 and 1).")
    var train = 0.7

    @Option(name: .long, help: "Directory to write train.csv and test.csv into (created if missing).")
    var out: String

    @Option(name: .long, help: "Also write quarantined rows (line, field, reason, raw) to this CSV file.")
    var quarantine: String?

    @Flag(name: .long, help: "Print one JSON object.")
    var json = false

    func validate() throws {
        guard train > 0, train < 1 else { throw ValidationError("--train \(train): expected a fraction between 0 and 1 (exclusive)") }
        guard !out.isEmpty else { throw ValidationError("--out: expected a directory") }
    }

    func run() throws {
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        } catch {
            throw ValidationError("--out \(out): cannot create the directory (\(error.localizedDescription))")
        }
        var quarantined: [QuarantinedRecord] = []
        let split = TimeSplit(try TransactionCSVReader(path: data) { quarantined.append($0) }.readAll(), trainFraction: train)
        let report = SplitReport(split, directory: out, quarantined: quarantined)
        try write(split.train, to: report.trainFile)
        try write(split.test, to: report.testFile)
        if let quarantine { try QuarantineFile.write(quarantined, to: quarantine) }
        if json {
            printJSON(report)
            return
        }
        print("train         \(report.trainRows) rows, \(report.trainFrauds) frauds → \(report.trainFile)")
        print("test          \(report.testRows) rows, \(report.testFrauds) frauds → \(report.testFile)")
        print("split time    \(report.splitTime ?? "-") (train rows at or before it, test rows at or after)")
        print("quarantined   \(quarantined.count)")
        for record in quarantined.prefix(10) {
            print("  line \(record.position): \(record.reason)")
        }
    }

    private func write(_ rows: ArraySlice<Transaction>, to path: String) throws {
        let writer = try TransactionCSVWriter(path: path)
        try writer.write(contentsOf: rows)
        try writer.flush()
    }
}

/// What `fraud split --json` prints.
private struct SplitReport: Encodable {
    var trainRows: Int
    var testRows: Int
    var trainFrauds: Int
    var testFrauds: Int
    var splitTime: String?
    var trainFile: String
    var testFile: String
    var quarantined: Int
    var quarantineSample: [QuarantineEntry]

    init(_ split: TimeSplit, directory: String, quarantined: [QuarantinedRecord]) {
        trainRows = split.train.count
        testRows = split.test.count
        trainFrauds = split.train.count { $0.label == true }
        testFrauds = split.test.count { $0.label == true }
        splitTime = split.splitTime?.iso
        trainFile = directory + "/train.csv"
        testFile = directory + "/test.csv"
        self.quarantined = quarantined.count
        quarantineSample = quarantined.prefix(20).map(QuarantineEntry.init)
    }
}
