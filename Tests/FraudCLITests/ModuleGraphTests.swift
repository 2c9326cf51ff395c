import Foundation
import Testing

/// The module graph `docs/DESIGN.md` opens with is the one `Package.swift` declares: every library and executable
/// target with exactly the project modules it may import, and no module missing from the table.
@Suite struct ModuleGraphTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func theDesignDocumentsModuleTableMatchesThePackage() throws {
        let package = try String(contentsOf: Self.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let design = try String(contentsOf: Self.root.appendingPathComponent("docs/DESIGN.md"), encoding: .utf8)
        let declared = Self.targets(in: package)
        let documented = try Self.moduleTable(in: design)
        #expect(!declared.isEmpty && !documented.isEmpty)
        for (module, imports) in declared.sorted(by: { $0.key < $1.key }) {
            #expect(documented[module] == imports, "\(module): Package.swift says \(imports.sorted()), DESIGN.md says \(documented[module]?.sorted() ?? [])")
        }
        #expect(Set(documented.keys) == Set(declared.keys), "modules in DESIGN.md but not in Package.swift, or the reverse")
    }

    /// Each non-test target of `Package.swift` and the project targets it depends on (products of other packages left out).
    static func targets(in package: String) -> [String: Set<String>] {
        let withoutProducts = package.replacingOccurrences(of: #"\.product\([^)]*\)"#, with: "", options: .regularExpression)
        let target = try! Regex(#"\.(target|executableTarget|systemLibrary)\(\s*name:\s*"(\w+)"(?:,\s*dependencies:\s*\[([^\]]*)\])?"#)
        var targets: [String: Set<String>] = [:]
        for match in withoutProducts.matches(of: target) {
            let name = String(match.output[2].substring!)
            let dependencies = match.output[3].substring.map(String.init) ?? ""
            targets[name] = Set(dependencies.matches(of: /"(\w+)"/).map { String($0.output.1) })
        }
        return targets
    }

    /// The rows of the table under `## Module graph`: the module (first column) and what it imports (second, `—` for none).
    static func moduleTable(in design: String) throws -> [String: Set<String>] {
        let section = try #require(design.components(separatedBy: "## Module graph").dropFirst().first)
        var table: [String: Set<String>] = [:]
        for line in section.split(separator: "\n").prefix(while: { !$0.hasPrefix("## ") }) where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 2 else { continue }
            let names = cells[1].matches(of: /`(\w+)`/).map { String($0.output.1) }
            table[cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))] = Set(names)
        }
        return table
    }
}
