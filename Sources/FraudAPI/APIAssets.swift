import Foundation
import Hummingbird

/// The files the server serves as they are: the OpenAPI document, the docs page and the dashboard
/// (`Sources/FraudAPI/Resources`, copied into the bundle), read once at start.
struct APIAssets: Sendable {
    /// File name → (content type, bytes).
    private let files: [String: (type: String, bytes: ByteBuffer)]

    /// The files and the content type each is served with.
    static let served: [(name: String, type: String)] = [
        ("openapi.json", "application/json"), ("docs.html", "text/html; charset=utf-8"), ("docs.js", "text/javascript; charset=utf-8"),
        ("docs.css", "text/css; charset=utf-8"),
        ("dashboard.html", "text/html; charset=utf-8"), ("dashboard.css", "text/css; charset=utf-8"),
        ("dashboard.js", "text/javascript; charset=utf-8"), ("common.css", "text/css; charset=utf-8"),
    ]

    /// Reads every served file from the module's bundle.
    /// - Throws: `APIAssetError` naming a file that is missing.
    init() throws {
        var files: [String: (type: String, bytes: ByteBuffer)] = [:]
        for file in Self.served {
            let parts = file.name.split(separator: ".")
            guard let url = Bundle.module.url(forResource: String(parts[0]), withExtension: String(parts[1]), subdirectory: "Resources"),
                  let data = try? Data(contentsOf: url)
            else { throw APIAssetError(name: file.name) }
            files[file.name] = (file.type, ByteBuffer(bytes: data))
        }
        self.files = files
    }

    /// The file `name` as a response (cached by the browser for a minute).
    func response(_ name: String) -> Response {
        guard let file = files[name] else { return APIProblem(.notFound, detail: "no file \(name)").response }
        return Response(status: .ok, headers: [.contentType: file.type, .cacheControl: "max-age=60"], body: .init(byteBuffer: file.bytes))
    }
}

/// A served file missing from the bundle (a broken build or installation).
package struct APIAssetError: Error, CustomStringConvertible {
    /// The missing file.
    package var name: String

    package var description: String { "the API's bundled file 'Resources/\(name)' is missing: rebuild the FraudAPI target" }
}
