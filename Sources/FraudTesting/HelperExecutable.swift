import Foundation

/// Helper executables of crash tests (`Tests/Support/...`), built next to the test binary.
package enum HelperExecutable {
    /// The path of the helper executable `name`.
    package static func path(_ name: String) -> String {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = binary.deletingLastPathComponent()
        // On macOS the tests run inside an .xctest bundle: climb out of it.
        while directory.path.contains(".xctest") { directory = directory.deletingLastPathComponent() }
        return directory.appendingPathComponent(name).path
    }
}
