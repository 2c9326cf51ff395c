import ArgumentParser
import Foundation
import FraudStore

/// `--registry-dir DIR`: where registered artifacts live. Every `models` subcommand accepts it (with `--database`), so
/// one pair of flags addresses a registry whichever subcommand runs; those that only read the store ignore it.
struct RegistryDirectoryOptions: ParsableArguments {
    @Option(name: .long, help: "Directory of registered artifacts (default: $FRAUD_REGISTRY_DIR, else ./models/registry).")
    var registryDir: String?

    /// The artifact directory in effect.
    var root: String {
        registryDir ?? ProcessInfo.processInfo.environment["FRAUD_REGISTRY_DIR"] ?? ModelRegistry.defaultArtifactRoot
    }
}
