import ArgumentParser
import Foundation
import FraudCore

/// `fraud label`: confirm payments as fraud or not (`true_value`), one or from a file.
struct LabelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "label",
        abstract: "Set the confirmed label (true_value) of stored payments, all or nothing.",
        discussion: """
            One payment: fraud label --trans-num ID --fraud true|false [--by WHO]
            Many: fraud label --file labels.csv, a CSV with a header naming trans_num and is_fraud (1/0/true/false) \
            and optionally labeled_by. An unknown trans_num fails the whole call and changes nothing.
            """)

    @Option(name: .long, help: "The payment's trans_num.")
    var transNum: String?

    @Option(name: .long, help: "true if the payment is fraud, false if not.")
    var fraud: Bool?

    @Option(name: .long, help: "A CSV of labels (trans_num,is_fraud[,labeled_by]).")
    var file: String?

    @Option(name: .long, help: "Who confirmed (default: $USER).")
    var by: String?

    /// Who confirmed: `--by`, else `$USER`, else `cli`.
    private var who: String { AuditOptions.who(by) }

    @OptionGroup var database: DatabaseOptions

    @Flag(name: .long, help: "Print one JSON object.")
    var json = false

    func validate() throws {
        if file == nil && (transNum == nil || fraud == nil) { throw ValidationError("give --trans-num ID --fraud true|false, or --file labels.csv") }
        if file != nil && (transNum != nil || fraud != nil) { throw ValidationError("--file cannot be combined with --trans-num/--fraud") }
    }

    func run() async throws {
        let now = WallClock.now
        let updates: [LabelUpdate]
        if let file {
            updates = try LabelFile.read(path: file, defaultBy: who, at: now)
        } else {
            updates = [LabelUpdate(transNum: transNum!, isFraud: fraud!, labeledBy: who, labeledAt: now)]
        }
        try await withDatabase(database) { store in try await store.label(updates) }
        if json {
            printJSON(LabelReport(labelled: updates.count, frauds: updates.filter(\.isFraud).count, by: who))
        } else {
            print("labelled \(updates.count) payment(s): \(updates.filter(\.isFraud).count) fraud, \(updates.filter { !$0.isFraud }.count) not fraud")
        }
    }
}

private struct LabelReport: Encodable {
    var labelled: Int
    var frauds: Int
    var by: String
}

/// A labels CSV: a header naming `trans_num` and `is_fraud` (also `fraud` or `true_value`), optionally `labeled_by`.
enum LabelFile {
    static func read(path: String, defaultBy: String, at: EventTime) throws -> [LabelUpdate] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw ValidationError("cannot read label file '\(path)'") }
        var lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).makeIterator()
        guard let header = lines.next() else { throw ValidationError("'\(path)' is empty: expected a header trans_num,is_fraud") }
        let names = header.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let transNumColumn = names.firstIndex(of: "trans_num") else { throw ValidationError("'\(path)': the header has no 'trans_num' column") }
        guard let labelColumn = names.firstIndex(where: { ["is_fraud", "fraud", "true_value"].contains($0) }) else {
            throw ValidationError("'\(path)': the header has no 'is_fraud' column")
        }
        let byColumn = names.firstIndex(of: "labeled_by")
        var updates: [LabelUpdate] = []
        var lineNumber = 1
        while let line = lines.next() {
            lineNumber += 1
            if line.allSatisfy(\.isWhitespace) { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count == names.count else { throw ValidationError("'\(path)' line \(lineNumber): \(fields.count) fields, the header has \(names.count)") }
            let value = fields[labelColumn].lowercased()
            guard let isFraud = ["1": true, "true": true, "0": false, "false": false][value] else {
                throw ValidationError("'\(path)' line \(lineNumber): field 'is_fraud' is '\(fields[labelColumn])', expected 1, 0, true or false")
            }
            guard !fields[transNumColumn].isEmpty else { throw ValidationError("'\(path)' line \(lineNumber): field 'trans_num' is empty") }
            let by = byColumn.map { fields[$0] }.flatMap { $0.isEmpty ? nil : $0 } ?? defaultBy
            updates.append(LabelUpdate(transNum: fields[transNumColumn], isFraud: isFraud, labeledBy: by, labeledAt: at))
        }
        return updates
    }
}
