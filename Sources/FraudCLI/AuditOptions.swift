import ArgumentParser
import Foundation

/// `--reason` and `--by`: what the alias history records for a change.
struct AuditOptions: ParsableArguments {
    @Option(name: .long, help: "Why (recorded in the alias history).")
    var reason = ""

    @Option(name: .long, help: "Who (recorded; default: $USER).")
    var by: String?

    /// Who is acting: `--by`, else `$USER`, else `cli`.
    var who: String { Self.who(by) }

    /// `by`, else `$USER`, else `cli`.
    static func who(_ by: String?) -> String {
        by ?? ProcessInfo.processInfo.environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "cli"
    }
}
