import ArgumentParser
import FraudCore
import FraudData

/// `fraud inspect`: load a fraudTest-format file and report what it holds.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Read a fraudTest-format CSV (plain or gzip) and report rows, frauds, time span and quarantined rows."
    )

    @Option(name: .long, help: "The CSV file (plain or .gz); - reads standard input.")
    var data: String

    @Option(name: .long, help: "Also write quarantined rows (line, field, reason, raw) to this CSV file.")
    var quarantine: String?

    @Flag(name: .long, help: "Print one JSON object.")
    var json = false

    func run() throws {
        var quarantined: [QuarantinedRecord] = []
        let started = MonotonicClock.now
        let summary = try DatasetSummary.of(path: data) { quarantined.append($0) }
        let seconds = MonotonicClock.seconds(since: started)
        if let quarantine { try QuarantineFile.write(quarantined, to: quarantine) }
        if json {
            printJSON(InspectReport(summary: summary, fraudRate: summary.fraudRate, seconds: seconds,
                                    quarantineSample: quarantined.prefix(20).map(QuarantineEntry.init)))
            return
        }
        print("rows          \(summary.rows)")
        print("frauds        \(summary.frauds) of \(summary.labelledRows) labelled (\(Percent(summary.fraudRate)))")
        print("cards         \(summary.cards)")
        print("merchants     \(summary.merchants)")
        print("categories    \(summary.categories)")
        print("event time    \(summary.firstEventTime ?? "-") → \(summary.lastEventTime ?? "-")")
        print("quarantined   \(summary.quarantined)")
        for record in quarantined.prefix(10) {
            print("  line \(record.position): \(record.reason)")
        }
        print("read in       \(Fixed(seconds, digits: 2)) s (\(Int(Double(summary.rows + summary.quarantined) / max(seconds, 1e-9))) rows/s)")
    }
}

private struct InspectReport: Encodable {
    var summary: DatasetSummary
    var fraudRate: Double
    var seconds: Double
    var quarantineSample: [QuarantineEntry]

    enum CodingKeys: CodingKey {
        case rows, frauds, labelledRows, quarantined, cards, merchants, categories, firstEventTime, lastEventTime
        case fraudRate, seconds, quarantineSample
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(summary.rows, forKey: .rows)
        try container.encode(summary.frauds, forKey: .frauds)
        try container.encode(summary.labelledRows, forKey: .labelledRows)
        try container.encode(summary.quarantined, forKey: .quarantined)
        try container.encode(summary.cards, forKey: .cards)
        try container.encode(summary.merchants, forKey: .merchants)
        try container.encode(summary.categories, forKey: .categories)
        try container.encode(summary.firstEventTime, forKey: .firstEventTime)
        try container.encode(summary.lastEventTime, forKey: .lastEventTime)
        try container.encode(fraudRate, forKey: .fraudRate)
        try container.encode(seconds, forKey: .seconds)
        try container.encode(quarantineSample, forKey: .quarantineSample)
    }
}
