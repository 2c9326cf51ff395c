import NIOHTTP1

extension MLflowClient {
    /// `registered-models/create`.
    package func createRegisteredModel(name: String, description: String? = nil) async throws -> MLflowRegisteredModel {
        struct Request: Encodable {
            var name: String
            var description: String?
        }
        struct Answer: Decodable { var registeredModel: MLflowRegisteredModel }
        return try await send(.POST, "registered-models/create", body: Request(name: name, description: description), as: Answer.self)
            .registeredModel
    }

    /// `registered-models/get`; nil when there is no such model.
    package func registeredModel(name: String) async throws -> MLflowRegisteredModel? {
        struct Answer: Decodable { var registeredModel: MLflowRegisteredModel }
        do {
            return try await get("registered-models/get", query: [("name", name)], as: Answer.self).registeredModel
        } catch let error as MLflowError where error.isNotFound {
            return nil
        }
    }

    /// The registered model `name`, created when missing (also when another client creates it meanwhile).
    package func ensureRegisteredModel(name: String, description: String? = nil) async throws -> MLflowRegisteredModel {
        if let model = try await registeredModel(name: name) { return model }
        do {
            return try await createRegisteredModel(name: name, description: description)
        } catch let error as MLflowError where error.isAlreadyExisting {
            guard let model = try await registeredModel(name: name) else { throw error }
            return model
        }
    }

    /// `model-versions/create`: MLflow numbers the version itself.
    package func createModelVersion(name: String, source: String, runId: String?, description: String? = nil,
                                   tags: [MLflowTag] = []) async throws -> MLflowModelVersion {
        struct Request: Encodable {
            var name: String
            var source: String
            var runId: String?
            var description: String?
            var tags: [MLflowTag]
        }
        struct Answer: Decodable { var modelVersion: MLflowModelVersion }
        let request = Request(name: name, source: source, runId: runId, description: description, tags: tags)
        return try await send(.POST, "model-versions/create", body: request, as: Answer.self).modelVersion
    }

    /// `model-versions/get`.
    package func modelVersion(name: String, version: String) async throws -> MLflowModelVersion {
        struct Answer: Decodable { var modelVersion: MLflowModelVersion }
        return try await get("model-versions/get", query: [("name", name), ("version", version)], as: Answer.self).modelVersion
    }

    /// Every version of the registered model `name` (`model-versions/search`, all pages).
    package func modelVersions(name: String) async throws -> [MLflowModelVersion] {
        struct Answer: Decodable {
            var modelVersions: [MLflowModelVersion]?
            var nextPageToken: String?
        }
        var versions: [MLflowModelVersion] = []
        var token: String?
        repeat {
            var query = [("filter", "name='\(Self.quoted(name))'"), ("max_results", "1000")]
            if let token { query.append(("page_token", token)) }
            let answer = try await get("model-versions/search", query: query, as: Answer.self)
            versions += answer.modelVersions ?? []
            token = answer.nextPageToken.flatMap { $0.isEmpty ? nil : $0 }
        } while token != nil
        return versions
    }

    /// `registered-models/alias` (POST): points `alias` of model `name` at MLflow `version`.
    /// - Throws: `MLflowError` without calling when `alias` is one MLflow reserves (`latest`, `v1`, `V2`, ...).
    package func setAlias(name: String, alias: String, version: String) async throws {
        struct Request: Encodable {
            var name: String
            var alias: String
            var version: String
        }
        try Self.validateAlias(alias, operation: "POST registered-models/alias")
        let _: MLflowEmpty = try await send(.POST, "registered-models/alias", body: Request(name: name, alias: alias, version: version))
    }

    /// `registered-models/alias` (DELETE, with a JSON body as MLflow requires).
    package func deleteAlias(name: String, alias: String) async throws {
        struct Request: Encodable {
            var name: String
            var alias: String
        }
        let _: MLflowEmpty = try await send(.DELETE, "registered-models/alias", body: Request(name: name, alias: alias))
    }

    /// `registered-models/alias` (GET): the version `alias` points at; nil when the model or the alias does not exist.
    package func modelVersion(name: String, alias: String) async throws -> MLflowModelVersion? {
        struct Answer: Decodable { var modelVersion: MLflowModelVersion }
        // MLflow answers a missing alias with INVALID_PARAMETER_VALUE, like a malformed request: ask the model first.
        guard try await registeredModel(name: name)?.version(forAlias: alias) != nil else { return nil }
        return try await get("registered-models/alias", query: [("name", name), ("alias", alias)], as: Answer.self).modelVersion
    }

    /// MLflow reserves `latest` and `v<digits>` (any case) for its own version references.
    static func validateAlias(_ alias: String, operation: String) throws {
        let lower = alias.lowercased()
        if lower == "latest" || (lower.count > 1 && lower.hasPrefix("v") && lower.dropFirst().allSatisfy(\.isASCII) && lower.dropFirst().allSatisfy(\.isNumber)) {
            throw MLflowError(operation: operation, errorCode: "INVALID_PARAMETER_VALUE",
                              message: "alias '\(alias)': 'latest' and 'v<number>' are reserved by MLflow; use e.g. 'champion'")
        }
    }

    /// `text` with single quotes escaped for MLflow's filter strings.
    static func quoted(_ text: String) -> String { text.replacingOccurrences(of: "'", with: "\\'") }
}
