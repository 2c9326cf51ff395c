import Foundation

/// Paths of the CSV fixtures shipped with the tests.
enum Fixture {
    static func path(_ name: String) -> String {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures").appendingPathComponent(name).path
    }

    /// A fresh temporary file path (not created).
    static func temporaryPath(_ suffix: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("fraud-test-\(UUID().uuidString)\(suffix)").path
    }
}
