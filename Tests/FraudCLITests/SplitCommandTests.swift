import Foundation
import FraudCore
import FraudData
import FraudTesting
import Testing

/// `fraud split` as a user runs it: the built executable on a shuffled file with tied times and bad rows.
@Suite("fraud split")
struct SplitCommandTests {
    /// 3,000 simulated payments out of time order (every 7th tied with its predecessor), numbered in file order.
    static let rows: [Transaction] = {
        var generator = SplitMix64(seed: 15)
        var rows = SimulatedData.transactions(rows: 3_000, seed: 15, fraudRate: 0.02).shuffled(using: &generator)
        for index in rows.indices {
            if index % 7 == 0, index > 0 { rows[index].eventTime = rows[index - 1].eventTime }
            rows[index].rowIndex = Int64(index)
        }
        return rows
    }()

    /// `rows` in time order, ties in file order: what train.csv followed by test.csv must hold.
    static var ordered: [Transaction] {
        rows.sorted { ($0.eventTime, $0.rowIndex ?? 0) < ($1.eventTime, $1.rowIndex ?? 0) }
    }

    static func read(_ path: String) throws -> [Transaction] {
        let reader = try TransactionCSVReader(path: path)
        let rows = try reader.readAll()
        #expect(reader.quarantined.isEmpty, "\(path): \(reader.quarantined)")
        return rows
    }

    static func split(_ arguments: [String]) throws -> CommandRun {
        try CommandRun.run(CommandRun.fraud, ["split"] + arguments)
    }

    @Test func gzipInputSplitsByTimeQuarantinesBadRowsAndRoundTrips() throws {
        let csv = try SimulatedData.writeCSV(Self.rows, name: "split-input")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: csv))
        handle.seekToEndOfFile()
        handle.write(Data("3000,2020-13-45 00:00:00,1,m,c,1.0,a,b,F,s,c,NY,1,1,1,1,j,1990-01-01,t,1,1,1,0\n3001,too,few\n".utf8))
        try handle.close()
        #expect(try CommandRun.run("gzip", [csv]).status == 0)
        let out = TemporaryDirectory.make("split-out") + "/nested"

        let run = try Self.split(["--data", csv + ".gz", "--by", "time", "--train", "0.7", "--out", out, "--json"])
        #expect(run.status == 0, "exit status \(run.status): \(run.errors.suffix(2_000))")
        let report = run.json
        let train = try Self.read(out + "/train.csv"), test = try Self.read(out + "/test.csv")
        #expect(report["train_rows"] as? Int == 2_100 && train.count == 2_100)
        #expect(report["test_rows"] as? Int == 900 && test.count == 900)
        #expect(report["train_frauds"] as? Int == train.count { $0.label == true })
        #expect(report["test_frauds"] as? Int == test.count { $0.label == true })
        #expect((report["train_frauds"] as? Int ?? 0) > 0 && (report["test_frauds"] as? Int ?? 0) > 0)
        #expect(report["quarantined"] as? Int == 2)
        let lines = (report["quarantine_sample"] as? [[String: Any]])?.compactMap { $0["line"] as? Int }
        #expect(lines == [3_002, 3_003], "the header is line 1")
        #expect(report["split_time"] as? String == test.first?.eventTime.iso)

        let latestTrain = try #require(train.map(\.eventTime).max()), earliestTest = try #require(test.map(\.eventTime).min())
        #expect(latestTrain <= earliestTest, "every train row is at or before every test row")
        #expect(train + test == Self.ordered, "ordered by time, ties in file order")
        #expect((train + test).sorted { $0.rowIndex! < $1.rowIndex! } == Self.rows, "re-read, the files hold the input rows")
    }

    @Test func sameFilesAsThePandasReference() throws {
        let csv = try SimulatedData.writeCSV(Self.rows, name: "split-reference")
        let out = TemporaryDirectory.make("split-swift"), reference = TemporaryDirectory.make("split-pandas")
        let run = try Self.split(["--data", csv, "--train", "0.7", "--out", out])
        #expect(run.status == 0, "exit status \(run.status): \(run.errors.suffix(2_000))")
        #expect(run.output.contains("train         2100 rows"), "\(run.output)")
        let script = PythonReference.packageRoot.appendingPathComponent("Benchmarks/reference/split_by_time.py").path
        let python = try CommandRun.run("python3", [script, csv, reference + "/train.csv", reference + "/test.csv", "0.7"])
        #expect(python.status == 0, "python3 split_by_time.py (pandas, requirements-test.txt): \(python.errors.suffix(2_000))")
        #expect(try Self.read(out + "/train.csv") == Self.read(reference + "/train.csv"))
        #expect(try Self.read(out + "/test.csv") == Self.read(reference + "/test.csv"))
    }

    @Test func badFlagsAreNamed() throws {
        let csv = try SimulatedData.writeCSV(Array(Self.rows.prefix(10)), name: "split-flags")
        let out = TemporaryDirectory.make("split-flags")
        for (arguments, flag) in [
            (["--train", "1.5", "--out", out], "--train"), (["--train", "0", "--out", out], "--train"),
            (["--by", "card", "--out", out], "--by"), ([String](), "--out"),
        ] {
            let run = try Self.split(["--data", csv] + arguments)
            #expect(run.status != 0 && run.errors.contains(flag), "\(arguments): \(run.errors)")
        }
        let missing = try Self.split(["--data", out + "/missing.csv", "--out", out])
        #expect(missing.status != 0 && missing.errors.contains("missing.csv"), "\(missing.errors)")
    }
}
