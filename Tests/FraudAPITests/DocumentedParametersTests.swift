import Foundation
@testable import FraudAPI
import Hummingbird
import HummingbirdTesting
import Testing

/// Issue 14: the OpenAPI document and the server agree on what each route takes. For every operation of
/// `/openapi.json`: its query parameters are the names the route accepts (and the live server refuses any other with a
/// 400 naming it), and a body declared `additionalProperties: false` has the members the route accepts (any other is a
/// 400 naming it).
@Suite struct DocumentedParametersTests {
    /// The query parameters each operation's handler accepts.
    static let queryNames: [String: [String]] = [
        "POST /v1/score": ScoreRoute.queryNames,
        "POST /v1/payments": PaymentsRoute.queryNames,
        "POST /v1/labels": [],
        "GET /v1/transactions": TransactionsRoute.queryNames,
        "GET /v1/alerts": AlertsRoute.queryNames,
        "GET /v1/models": [],
        "POST /v1/models/{version}/promote": [],
        "POST /v1/models/rollback": [],
        "GET /v1/reports/drift": ReportsRoutes.driftQueryNames,
        "GET /v1/reports/performance": ReportsRoutes.performanceQueryNames,
        "GET /v1/reports/activity": ReportsRoutes.activityQueryNames,
        "GET /healthz": [],
        "GET /metrics": [],
    ]

    /// The static files, which ignore query strings and take none.
    static let staticPages = ["GET /openapi.json", "GET /docs", "GET /"]

    /// The bodies whose members are closed, with the members each accepts; the other bodies (payments) ignore members
    /// they do not know, for forward compatibility.
    static let closedBodies: [String: [String]] = [
        "POST /v1/labels": LabelsRoute.Body.members,
        "POST /v1/models/{version}/promote": ModelsRoutes.PromoteRequest.members,
        "POST /v1/models/rollback": ModelsRoutes.RollbackRequest.members,
    ]

    typealias JSONObject = [String: Any]

    /// Every operation of the document: "METHOD path" and the operation object.
    static func operations(_ document: JSONObject) -> [String: JSONObject] {
        var operations: [String: JSONObject] = [:]
        for (path, item) in document["paths"] as? JSONObject ?? [:] {
            for (method, operation) in item as? JSONObject ?? [:] where method != "parameters" {
                operations["\(method.uppercased()) \(path)"] = operation as? JSONObject
            }
        }
        return operations
    }

    /// `value` with a `$ref` followed.
    static func resolve(_ value: Any?, in document: JSONObject) -> JSONObject {
        guard let object = value as? JSONObject else { return [:] }
        guard let reference = object["$ref"] as? String else { return object }
        var target: Any? = document
        for part in reference.dropFirst(2).split(separator: "/") { target = (target as? JSONObject)?[String(part)] }
        return resolve(target, in: document)
    }

    /// The top-level members of a closed body schema (every branch of a `oneOf` closed), or nil when it is open.
    static func closedMembers(_ schema: JSONObject, in document: JSONObject) -> Set<String>? {
        let branches = (schema["oneOf"] as? [Any])?.map { resolve($0, in: document) } ?? [schema]
        guard branches.allSatisfy({ $0["additionalProperties"] as? Bool == false }) else { return nil }
        return Set(branches.flatMap { ($0["properties"] as? JSONObject ?? [:]).keys })
    }

    @Test func theDocumentAndTheRoutesTakeTheSameParametersAndMembers() async throws {
        let fixture = try await APIFixture.make()
        try await fixture.test { client in
            let document = try #require(try await client.send(.get, "/openapi.json").json as? JSONObject)
            let operations = Self.operations(document)
            #expect(Set(operations.keys) == Set(Self.queryNames.keys).union(Self.staticPages), "routes the document and this test disagree on")

            for (name, operation) in operations.sorted(by: { $0.key < $1.key }) {
                let parameters = (operation["parameters"] as? [Any] ?? []).map { Self.resolve($0, in: document) }
                let documented = parameters.filter { $0["in"] as? String == "query" }.compactMap { $0["name"] as? String }
                #expect(documented.sorted() == (Self.queryNames[name] ?? []).sorted(), "\(name): query parameters")

                let body = Self.resolve(operation["requestBody"], in: document)
                let schema = Self.resolve((((body["content"] as? JSONObject)?["application/json"]) as? JSONObject)?["schema"], in: document)
                let members = Self.closedMembers(schema, in: document)
                #expect(members == Self.closedBodies[name].map(Set.init), "\(name): members of the body")
            }

            // The live server: each documented parameter is accepted (a bad value is another 400), any other refused.
            for (name, accepted) in Self.queryNames.sorted(by: { $0.key < $1.key }) {
                let parts = name.split(separator: " ")
                let method: HTTPRequest.Method = parts[0] == "GET" ? .get : .post
                let path = parts[1].replacingOccurrences(of: "{version}", with: fixture.championVersion)
                let body = method == .post ? "{}" : nil
                let unknown = try await client.send(method, "\(path)?zz_undeclared=1", json: body)
                #expect(unknown.status == .badRequest && unknown.object["field"] as? String == "zz_undeclared", "\(name): \(unknown.text)")
                for parameter in accepted {
                    let answer = try await client.send(method, "\(path)?\(parameter)=%20", json: body)
                    #expect((answer.object["detail"] as? String)?.contains("unknown query parameter") != true, "\(name) \(parameter): \(answer.text)")
                }
            }
        }
    }
}
