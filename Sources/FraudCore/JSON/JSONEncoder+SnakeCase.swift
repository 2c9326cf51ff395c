import Foundation

extension JSONEncoder {
    /// An encoder of the project's `Encodable` JSON (CLI `--json` output, API answers, webhooks): keys sorted, each
    /// property name in snake case (`latencyP50Ms` → `latency_p50_ms`; dictionary keys are kept as they are).
    /// A name with an acronym (`validationPRAUC` → `validation_prauc`) needs its own coding key.
    package static func sortedSnakeCase(_ formatting: OutputFormatting = []) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = formatting.union(.sortedKeys)
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return encoder
    }
}
