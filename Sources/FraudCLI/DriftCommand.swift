import ArgumentParser
import Foundation
import FraudCore
import FraudData
import FraudDrift

/// `fraud drift`: per-feature drift of a current CSV against a reference CSV (Evidently's defaults).
struct DriftCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drift",
        abstract: "Test each feature of a current fraudTest-format CSV for drift against a reference CSV.",
        discussion: """
        Features: amt, category, city_pop, gender, lat, long, merch_lat, merch_long, hour, age, distance_km.
        Tests follow Evidently's defaults: reference ≤ 1000 rows → K-S / chi-square / Z-test (p < 0.05);
        larger → normalised Wasserstein / Jensen-Shannon (≥ 0.1). Dataset drift when ≥ 50 % of features drift.
        Files larger than the caps are subsampled uniformly and reproducibly (reservoir sampling, fixed seed).
        """
    )

    @Option(name: .long, help: "The reference CSV (plain or .gz), e.g. the training data.")
    var reference: String

    @Option(name: .long, help: "The current CSV (plain or .gz), e.g. recent payments.")
    var current: String

    @Flag(name: .long, help: "Print one JSON object.")
    var json = false

    @Option(name: .long, help: "Also write a self-contained HTML report with per-feature histograms.")
    var html: String?

    @Option(name: .long, help: "One test for every feature: ks, chisquare, z, wasserstein, jensenshannon, psi (default: Evidently's choice per feature).")
    var stattest: String?

    @Option(name: .long, help: "Threshold for every feature (default: 0.05 for p-values, 0.1 for distances).")
    var threshold: Double?

    @Option(name: .customLong("drift-share"), help: "Dataset drift when at least this share of features drifts.")
    var driftShare = 0.5

    @Option(name: .customLong("psi-bins"), help: "Bin numerical features for PSI/Jensen-Shannon by this many reference quantiles instead of Evidently's equal-width Sturges bins.")
    var psiBins: Int?

    @Option(name: .customLong("reference-cap"), help: "Most reference rows kept (uniform reservoir sample above it).")
    var referenceCap = 100_000

    @Option(name: .customLong("current-cap"), help: "Most current rows kept (uniform reservoir sample above it).")
    var currentCap = 100_000

    @Option(name: .long, help: "Seed of the subsampling.")
    var seed: UInt64 = 0x5EED

    @Flag(name: .customLong("fail-on-drift"), help: "Exit with status 1 when dataset drift is detected.")
    var failOnDrift = false

    func validate() throws {
        if let stattest, StatTestName(rawValue: stattest) == nil {
            throw ValidationError("--stattest \(stattest): expected one of \(StatTestName.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard referenceCap > 0 else { throw ValidationError("--reference-cap must be > 0, got \(referenceCap)") }
        guard currentCap > 0 else { throw ValidationError("--current-cap must be > 0, got \(currentCap)") }
        if let psiBins, psiBins < 2 { throw ValidationError("--psi-bins must be ≥ 2, got \(psiBins)") }
    }

    func run() throws {
        let started = MonotonicClock.now
        let configuration: DriftReport.Configuration
        do {
            configuration = try DriftReport.Configuration(
                driftShare: driftShare, stattest: stattest.flatMap(StatTestName.init(rawValue:)), threshold: threshold,
                binning: psiBins.map { .referenceQuantiles(count: $0) } ?? .evidently)
        } catch let error as ConfigurationError {
            throw ValidationError("--drift-share: \(error)")
        }
        let referenceSample = try Self.sample(path: reference, cap: referenceCap, seed: seed)
        let currentSample = try Self.sample(path: current, cap: currentCap, seed: seed &+ 1)
        let report = try DriftReport(reference: referenceSample.table, current: currentSample.table, configuration: configuration)
        if let html {
            try report.html(title: "Data drift: \(current) vs \(reference)").write(toFile: html, atomically: true, encoding: .utf8)
        }
        if json {
            print(report.jsonText)
        } else {
            print(Self.text(report, referenceSample, currentSample, seconds: MonotonicClock.seconds(since: started)))
        }
        if failOnDrift && report.datasetDrift { throw ExitCode(1) }
    }

    /// The raw drift columns of a file, from a reservoir sample when it has more than `cap` rows.
    struct Sample {
        var table: DriftFeatureTable
        var rows: Int
        var kept: Int
        var quarantined: Int
    }

    static func sample(path: String, cap: Int, seed: UInt64) throws -> Sample {
        var quarantined = 0
        let reader = try TransactionCSVReader(path: path) { _ in quarantined += 1 }
        var reservoir = ReservoirSample<Transaction>(capacity: cap, seed: seed)
        while let transaction = try reader.next() { reservoir.add(transaction) }
        var columns = RawDriftColumns()
        for transaction in reservoir.items { columns.append(transaction) }
        if quarantined > 0 {
            FileHandle.standardError.write(Data("warning: \(quarantined) malformed rows skipped in \(path) (see `fraud inspect --data \(path)`)\n".utf8))
        }
        return Sample(table: columns.table, rows: reservoir.seen, kept: reservoir.items.count, quarantined: quarantined)
    }

    static func text(_ report: DriftReport, _ reference: Sample, _ current: Sample, seconds: Double) -> String {
        func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(1, width - text.count)) }
        var lines = ["reference     \(reference.rows) rows" + (reference.kept < reference.rows ? " (sample of \(reference.kept))" : ""),
                     "current       \(current.rows) rows" + (current.kept < current.rows ? " (sample of \(current.kept))" : ""),
                     "",
                     pad("feature", 14) + pad("type", 13) + pad("test", 32) + pad("score", 12) + pad("threshold", 11) + "drift"]
        for feature in report.features {
            lines.append(pad(feature.name, 14) + pad(feature.columnType.rawValue, 13) + pad(feature.test.displayName, 32)
                + pad(Self.score(feature.score), 12) + pad(Fixed(feature.threshold, digits: 2).description, 11) + (feature.drifted ? "DRIFT" : "-"))
        }
        lines.append("")
        lines.append("dataset drift \(report.datasetDrift ? "DETECTED" : "not detected"): \(report.features.filter(\.drifted).count) of \(report.features.count) features (\(Percent(report.driftShare)), threshold \(Percent(report.driftShareThreshold)))")
        lines.append("computed in   \(Fixed(seconds, digits: 2)) s")
        return lines.joined(separator: "\n")
    }

    /// Scores span p-values near 0 and distances near 1: four decimals, or scientific form when tiny.
    static func score(_ value: Double) -> String {
        guard value != 0, abs(value) < 1e-4, value.isFinite else { return Fixed(value, digits: 4).description }
        let exponent = Int(log10(abs(value)).rounded(.down))
        var mantissa = value / pow(10, Double(exponent))
        var shift = exponent
        if abs(Fixed(mantissa, digits: 2).value.rounded()) >= 10 || abs(mantissa) >= 9.995 {
            mantissa /= 10
            shift += 1
        }
        return Fixed(mantissa, digits: 2).description + "e" + String(shift)
    }
}
