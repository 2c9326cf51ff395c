import Foundation
import FraudAPI
import FraudTesting
import HummingbirdTesting
import Testing

/// schemathesis (PyPI) against the live server with its own `/openapi.json`, 100 examples per operation, with the
/// token and without it: every response must conform to the document (without the token, the routes that need one
/// answer the 401 they declare), and no request may get a 5xx.
///
/// A missing schemathesis fails the test (`make test` installs it), rather than skipping it silently.
@Suite struct SchemathesisTests {
    @Test("every response conforms and none is a server error", arguments: [true, false])
    func everyResponseConformsAndNoneIsAServerError(withToken: Bool) async throws {
        let schemathesis = try #require(
            ExternalTool.find("schemathesis"),
            "schemathesis is not installed: scripts/install-deps.sh --test installs requirements-test.txt")
        let fixture = try await APIFixture.make()
        try await fixture.seed(count: 60)
        try await fixture.test { client in
            let port = try #require(client.port)
            let token = withToken ? ["--header", "Authorization: Bearer \(APIFixture.token)"] : []
            let started = ContinuousClock.now
            let result = try await schemathesis.run([
                "run", "http://127.0.0.1:\(port)/openapi.json",
                "--checks", "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance",
                "--max-examples", "100", "--seed", "1",
            ] + token, environment: ["SCHEMATHESIS_HOOKS": "", "NO_COLOR": "1"])
            let run = withToken ? "with the token" : "without a token"
            #expect(result.status == 0, "schemathesis \(run) found non-conforming responses:\n\(result.output)")
            print("schemathesis \(run): \(ContinuousClock.now - started)")
            print(result.output.split(separator: "\n").suffix(40).joined(separator: "\n"))
        }
    }
}
