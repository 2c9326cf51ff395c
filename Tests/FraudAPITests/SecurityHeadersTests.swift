import FraudAPI
import Hummingbird
import HummingbirdTesting
import Testing

/// Every answer carries the browser security headers (issue 14, item 5): pages, assets, JSON and problem details alike.
@Suite struct SecurityHeadersTests {
    @Test func everyResponseCarriesTheSecurityHeaders() async throws {
        let fixture = try await APIFixture.make()
        try await fixture.test { client in
            let requests: [(HTTPRequest.Method, String, String?)] = [
                (.get, "/", APIFixture.token), (.get, "/docs", nil), (.get, "/assets/dashboard.js", nil), (.get, "/assets/docs.css", nil),
                (.get, "/openapi.json", nil), (.get, "/v1/models", nil), (.get, "/v1/transactions", APIFixture.token),
                (.get, "/v1/transactions", nil), (.get, "/v1/nothing", nil), (.post, "/v1/labels", APIFixture.token),
            ]
            for (method, uri, token) in requests {
                let answer = try await client.send(method, uri, json: method == .post ? "{}" : nil, token: token)
                let csp = answer.headers[.contentSecurityPolicy] ?? ""
                #expect(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"), "\(uri): \(csp)")
                #expect(!csp.contains("unsafe-inline") && !csp.contains("http"), "\(uri): \(csp)")
                #expect(answer.headers[HTTPFields.Element.Name("X-Frame-Options")!] == "DENY", "\(uri)")
                #expect(answer.headers[.xContentTypeOptions] == "nosniff", "\(uri)")
                #expect(answer.headers[HTTPFields.Element.Name("Referrer-Policy")!] == "no-referrer", "\(uri)")
                // Answers with data are never cached; only the pages and assets, which hold none, for a minute.
                let isAsset = ["/", "/docs", "/openapi.json"].contains(uri) || uri.hasPrefix("/assets/")
                #expect(answer.headers[values: .cacheControl] == [isAsset ? "max-age=60" : "no-store"], "\(uri)")
            }
            // The pages load nothing inline, so the policy needs no 'unsafe-inline'.
            for page in ["/", "/docs"] {
                let html = try await client.send(.get, page, token: nil).text
                #expect(!html.contains("<style") && !html.contains("style=") && !html.contains("<script>") && !html.contains("onclick"), "\(page)")
            }
        }
    }
}
