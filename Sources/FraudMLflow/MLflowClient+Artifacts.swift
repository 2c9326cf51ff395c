import Foundation
import NIOHTTP1

extension MLflowClient {
    /// One entry of a run's artifact listing.
    package struct ArtifactFile: Decodable, Hashable, Sendable {
        /// Relative to the run's artifact root, e.g. `model/model.json`.
        package var path: String
        package var isDir: Bool?
        package var fileSize: Int64?
    }

    /// Whether files can be uploaded to `artifactUri` through the server (`mlflow-artifacts:` URIs, the default of
    /// `mlflow server`); other stores (local paths, S3, ...) are written by clients directly, which the mirror does not do.
    package static func isProxied(artifactUri: String) -> Bool { artifactUri.hasPrefix("mlflow-artifacts:") }

    /// Uploads `contents` as `<artifactUri>/<path>` through the server's artifact proxy
    /// (`PUT /api/2.0/mlflow-artifacts/artifacts/...`).
    /// - Throws: `MLflowError` when `artifactUri` is not an `mlflow-artifacts:` URI, or the server refuses.
    package func uploadArtifact(artifactUri: String, path: String, contents: Data) async throws {
        guard Self.isProxied(artifactUri: artifactUri) else {
            throw MLflowError(operation: "PUT mlflow-artifacts", message: "artifact URI '\(artifactUri)' is not served by the tracking server")
        }
        // `mlflow-artifacts:/1/<run>/artifacts` or `mlflow-artifacts://host:port/1/<run>/artifacts`: keep the path.
        var location = artifactUri.dropFirst("mlflow-artifacts:".count)
        if location.hasPrefix("//") { location = location.dropFirst(2).drop { $0 != "/" } }
        let segments = (location.split(separator: "/") + path.split(separator: "/")).map { Self.percentEncoded(String($0)) }
        let _: MLflowEmpty = try await call(.PUT, "api/2.0/mlflow-artifacts/artifacts/" + segments.joined(separator: "/"), query: "",
                                            body: contents, contentType: "application/octet-stream", as: MLflowEmpty.self)
    }

    /// `artifacts/list`: the files and directories directly under `path` of the run's artifacts.
    package func listArtifacts(runId: String, path: String) async throws -> [ArtifactFile] {
        struct Answer: Decodable { var files: [ArtifactFile]? }
        return try await get("artifacts/list", query: [("run_id", runId), ("path", path)], as: Answer.self).files ?? []
    }
}
