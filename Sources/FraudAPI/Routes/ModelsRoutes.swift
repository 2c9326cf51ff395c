import FraudCore
import FraudStore
import Hummingbird

/// `GET /v1/models`, `POST /v1/models/{version}/promote` (through the validation gate unless `force`),
/// `POST /v1/models/rollback` (back to the previous champion, which passed its gate when it was promoted: there is no
/// gate to skip, so no `force`). A refused move is a 409 whose detail says why.
enum ModelsRoutes {
    struct Model: Encodable {
        var version: String
        var runId: String?
        var createdAt: String
        var modelType: String
        var threshold: Double?
        var metrics: [String: Double]
        var description: String?
        var aliases: [String]
    }

    struct Alias: Encodable {
        var name: String
        var version: String
        var updatedAt: String
        var updatedBy: String

        init(_ record: AliasRecord) {
            self.init(name: record.name, version: record.version, updatedAt: record.updatedAt.iso, updatedBy: record.updatedBy)
        }

        init(name: String, version: String, updatedAt: String, updatedBy: String) {
            self.name = name
            self.version = version
            self.updatedAt = updatedAt
            self.updatedBy = updatedBy
        }
    }

    struct Listing: Encodable {
        var models: [Model]
        var aliases: [Alias]
    }

    /// The body of a promotion.
    struct PromoteRequest: ClosedJSONObject {
        var force: Bool?
        var reason: String?
        var by: String?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case force, reason, by
        }

        static let members = CodingKeys.allCases.map(\.rawValue)
    }

    /// The body of a rollback.
    struct RollbackRequest: ClosedJSONObject {
        var reason: String?
        var by: String?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case reason, by
        }

        static let members = CodingKeys.allCases.map(\.rawValue)
    }

    struct Moved: Encodable {
        var action: String
        var alias: Alias
        var fromVersion: String?
        var reason: String
    }

    static func add(to router: some RouterMethods<BasicRequestContext>, state: APIState) {
        router.get("models") { request, _ -> Response in
            try QueryParameters.expectNone(request)
            return try JSONResponse.encoded(try await listing(state.registry.store))
        }
    }

    /// The admin routes (bearer token).
    static func addAdmin(to router: some RouterMethods<BasicRequestContext>, state: APIState) {
        router.post("models/:version/promote") { request, context -> Response in
            try QueryParameters.expectNone(request)
            let version = try context.parameters.require("version")
            let move = try JSONRequestBody.decode(PromoteRequest.self, from: try await state.body(request))
            let (by, reason) = try audit(by: move.by, reason: move.reason)
            return try answer(try await state.registry.promote(version: version, force: move.force ?? false, by: by, reason: reason))
        }
        router.post("models/rollback") { request, _ -> Response in
            try QueryParameters.expectNone(request)
            let move = try JSONRequestBody.decode(RollbackRequest.self, from: try await state.body(request))
            let (by, reason) = try audit(by: move.by, reason: move.reason)
            return try answer(try await state.registry.rollback(by: by, reason: reason))
        }
    }

    private static func audit(by: String?, reason: String?) throws -> (by: String, reason: String) {
        let by = by ?? "api"
        guard !by.isEmpty, by.count <= 200, !by.contains("\u{0}") else { throw APIProblem.invalid("by", "expected 1 to 200 characters, no NUL") }
        let reason = reason ?? ""
        guard reason.count <= 2000, !reason.contains("\u{0}") else { throw APIProblem.invalid("reason", "expected at most 2000 characters, no NUL") }
        return (by, reason)
    }

    private static func answer(_ outcome: ModelRegistry.Outcome) throws -> Response {
        switch outcome {
        case .moved(let alias, let change):
            return try JSONResponse.encoded(Moved(action: change.action.rawValue, alias: Alias(alias), fromVersion: change.expectedVersion,
                                                  reason: change.reason))
        case .rejected(let rejection):
            throw APIProblem(.conflict, title: "Move refused", detail: rejection.description)
        }
    }

    /// Every registered version with its aliases, and every alias.
    static func listing(_ store: any ModelStore) async throws -> Listing {
        let aliases = try await store.aliases()
        let models = try await store.models().map { model in
            Model(version: model.version, runId: model.runId, createdAt: model.createdAt.iso, modelType: model.modelType,
                  threshold: finite(model.threshold), metrics: model.metrics.filter(\.value.isFinite), description: model.description,
                  aliases: aliases.filter { $0.version == model.version }.map(\.name).sorted())
        }
        return Listing(models: models, aliases: aliases.map(Alias.init))
    }
}
