import ArgumentParser
import FraudModel
import FraudPipeline
import FraudStore

/// Which model the scorer serves: `--model DIR`, else the registry's champion alias, watched for changes.
struct ModelOptions: ParsableArguments {
    @Option(name: .long, help: "Serve this artifact directory instead of the registry's champion alias.")
    var model: String?

    @Option(name: .long, help: "How often to check whether the champion alias moved, in milliseconds.")
    var modelCheckMs = 1_000

    func validate() throws {
        guard modelCheckMs >= 1 else { throw ValidationError("--model-check-ms \(modelCheckMs): expected at least 1") }
    }

    /// The scorer's model source.
    func source(store: any FraudDatabase) throws -> ModelSource {
        if let model { return .fixed(try FraudScorer(artifactDirectory: model)) }
        return .champion(store, checkEvery: .milliseconds(modelCheckMs))
    }
}
