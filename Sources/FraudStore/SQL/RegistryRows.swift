import FraudCore
import Foundation

extension RunRecord {
    static let selectList = "id, started_at, finished_at, status, params, metrics, timings, data_fingerprint, artifact_location"

    init(row: some SQLRowReader) throws {
        self.init(
            id: try row.text(required: "id"), startedAt: try row.time(required: "started_at"), finishedAt: try row.time("finished_at"),
            status: try row.text(required: "status"), params: try JSONColumn.decode(row, "params"),
            metrics: try JSONColumn.decode(row, "metrics"), timings: try JSONColumn.decode(row, "timings"),
            dataFingerprint: try row.text("data_fingerprint").map { try JSONColumn.decode($0, column: "data_fingerprint") },
            artifactLocation: try row.text("artifact_location"))
    }

    /// Values in `selectList` order.
    var values: [SQLValue] {
        [.text(id), .int(startedAt.millisecondsSinceEpoch), finishedAt.map { .int($0.millisecondsSinceEpoch) } ?? .null,
         .text(status), .text(JSONColumn.encode(params)), .text(JSONColumn.encode(metrics)), .text(JSONColumn.encode(timings)),
         dataFingerprint.map { .text(JSONColumn.encode($0)) } ?? .null, artifactLocation.map { .text($0) } ?? .null]
    }
}

extension ModelVersionRecord {
    static let selectList = "version, run_id, created_at, model_type, threshold, metrics, artifact_path, metadata, description"

    init(row: some SQLRowReader) throws {
        self.init(
            version: try row.text(required: "version"), runId: try row.text("run_id"), createdAt: try row.time(required: "created_at"),
            modelType: try row.text(required: "model_type"), threshold: try row.double("threshold"),
            metrics: try JSONColumn.decode(row, "metrics"), artifactPath: try row.text(required: "artifact_path"),
            metadataJSON: try row.text("metadata"), description: try row.text("description"))
    }

    /// Values in `selectList` order.
    var values: [SQLValue] {
        [.text(version), runId.map { .text($0) } ?? .null, .int(createdAt.millisecondsSinceEpoch), .text(modelType),
         threshold.map { .double($0) } ?? .null, .text(JSONColumn.encode(metrics)), .text(artifactPath),
         metadataJSON.map { .text($0) } ?? .null, description.map { .text($0) } ?? .null]
    }
}

extension AliasRecord {
    static let selectList = "name, version, generation, updated_at, updated_by"

    init(row: some SQLRowReader) throws {
        self.init(name: try row.text(required: "name"), version: try row.text(required: "version"),
                  generation: try row.int64(required: "generation"), updatedAt: try row.time(required: "updated_at"),
                  updatedBy: try row.text(required: "updated_by"))
    }
}

extension AliasHistoryEntry {
    static let selectList = "id, alias, from_version, to_version, action, changed_by, reason, changed_at"

    init(row: some SQLRowReader) throws {
        let actionText = try row.text(required: "action")
        guard let action = AliasAction(rawValue: actionText) else { throw StoreError(.corruptValue(column: "action", value: actionText)) }
        self.init(id: try row.int64(required: "id"), alias: try row.text(required: "alias"), fromVersion: try row.text("from_version"),
                  toVersion: try row.text(required: "to_version"), action: action, by: try row.text(required: "changed_by"),
                  reason: try row.text(required: "reason"), at: try row.time(required: "changed_at"))
    }
}

/// JSON-in-a-TEXT-column helpers for the small registry maps (not on a hot path).
enum JSONColumn {
    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    static func decode<T: Decodable>(_ text: String, column: String) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(text.utf8))
        } catch {
            throw StoreError(.corruptValue(column: column, value: String(text.prefix(80))))
        }
    }

    static func decode<T: Decodable>(_ row: some SQLRowReader, _ column: String) throws -> T {
        try decode(try row.text(required: column), column: column)
    }
}
