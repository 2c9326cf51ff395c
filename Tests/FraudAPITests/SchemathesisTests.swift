import Foundation
import FraudAPI
import FraudTesting
import HummingbirdTesting
import Testing

/// schemathesis (PyPI) against the live server with its own `/openapi.json`: every response must conform to the
/// document, and no request may get a 5xx.
@Suite struct SchemathesisTests {
    @Test func everyResponseConformsAndNoneIsAServerError() async throws {
        guard let schemathesis = ExternalTool.find("schemathesis") else {
            print("SKIPPED schemathesis test: schemathesis is not installed (scripts/install-deps.sh --test installs requirements-test.txt)")
            return
        }
        let fixture = try await APIFixture.make()
        try await fixture.seed(count: 60)
        try await fixture.test { client in
            let port = try #require(client.port)
            let result = try await schemathesis.run([
                "run", "http://127.0.0.1:\(port)/openapi.json",
                "--checks", "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance",
                "--max-examples", "30", "--seed", "1", "--header", "Authorization: Bearer \(APIFixture.token)",
            ], environment: ["SCHEMATHESIS_HOOKS": "", "NO_COLOR": "1"])
            #expect(result.status == 0, "schemathesis found non-conforming responses:\n\(result.output)")
            print(result.output.split(separator: "\n").suffix(40).joined(separator: "\n"))
        }
    }
}
