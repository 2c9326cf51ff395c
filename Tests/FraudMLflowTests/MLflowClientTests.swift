import Foundation
@testable import FraudMLflow
import Testing

/// The client's pieces that need no server: configuration, encoding, error parsing, reserved aliases.
struct MLflowClientTests {
    @Test func rejectsURLsThatAreNotHTTP() {
        for url in ["127.0.0.1:5000", "ftp://host", "http://", "http://host:5000/?token=x"] {
            #expect(throws: MLflowError.self, "\(url)") { try MLflowClient(configuration: .init(url: url)) }
        }
        #expect(throws: Never.self) { try MLflowClient(configuration: .init(url: "https://mlflow.example/prefix/")) }
    }

    @Test func percentEncodesEverythingButUnreservedCharacters() {
        #expect(MLflowClient.percentEncoded("name='a+b c'") == "name%3D%27a%2Bb%20c%27")
        #expect(MLflowClient.percentEncoded("fraud-detector_1.v~") == "fraud-detector_1.v~")
    }

    @Test func readsMLflowErrorBodies() {
        let body = Data(#"{"error_code": "RESOURCE_DOES_NOT_EXIST", "message": "Run 'x' not found"}"#.utf8)
        let error = MLflowClient.failure(operation: "GET runs/get", status: 404, body: body)
        #expect(error == MLflowError(operation: "GET runs/get", status: 404, errorCode: "RESOURCE_DOES_NOT_EXIST", message: "Run 'x' not found"))
        #expect(error.isNotFound)
        #expect(error.description == "MLflow GET runs/get: HTTP 404 RESOURCE_DOES_NOT_EXIST: Run 'x' not found")
        let proxy = MLflowClient.failure(operation: "GET runs/get", status: 502, body: Data("<html>Bad Gateway</html>".utf8))
        #expect(proxy.errorCode == nil)
        #expect(proxy.message == "<html>Bad Gateway</html>")
    }

    @Test func refusesReservedAliasNames() {
        for reserved in ["latest", "LATEST", "v1", "V23"] {
            #expect(throws: MLflowError.self, "\(reserved)") { try MLflowClient.validateAlias(reserved, operation: "test") }
        }
        for allowed in ["champion", "challenger", "v", "v1a", "version2"] {
            #expect(throws: Never.self, "\(allowed)") { try MLflowClient.validateAlias(allowed, operation: "test") }
        }
    }

    @Test func anUnreachableServerIsAnErrorWithoutStatus() async throws {
        let client = try MLflowClient(configuration: .init(url: "http://127.0.0.1:1", timeout: .seconds(2)))
        do {
            _ = try await client.experiment(named: "x")
            Issue.record("expected an error")
        } catch let error as MLflowError {
            #expect(error.status == nil)
            #expect(error.message.hasPrefix("no answer from http://127.0.0.1:1"))
        }
    }
}
