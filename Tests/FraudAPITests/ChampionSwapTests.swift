import Foundation
import FraudAPI
import FraudCore
import FraudModel
import FraudTesting
import HummingbirdTesting
import Testing

/// `POST /v1/score` follows the champion as the stream's scorer does (one `ChampionWatcher`): a new champion is
/// served at the next check; one whose artifact cannot be loaded is skipped, counted, and the previous model kept.
@Suite struct ChampionSwapTests {
    @Test func aChampionThatCannotBeLoadedKeepsThePreviousModelServing() async throws {
        let fixture = try await APIFixture.make()
        let payment = paymentJSON(SimulatedData.transactions(rows: 1, seed: 5)[0])
        try await fixture.test { client in
            let before = try await client.send(.post, "/v1/score", json: payment)
            #expect(before.object["model_version"] as? String == fixture.championVersion)

            let broken = try await fixture.registry.importArtifact(from: TestModel.artifactDirectory)
            try Data("{ not a model".utf8).write(to: URL(fileURLWithPath: broken.artifactPath + "/model.json"))
            _ = try await fixture.registry.promote(version: broken.version, force: true, by: "test", reason: "broken artifact")

            let after = try await client.send(.post, "/v1/score", json: payment)
            #expect(after.status == .ok)
            #expect(after.object["model_version"] as? String == fixture.championVersion)
            #expect(after.object["score"] as? Double == before.object["score"] as? Double)
            let metrics = try await client.send(.get, "/metrics", token: nil)
            #expect(metrics.text.contains("fraud_model_load_failures_total"))

            let good = try await fixture.registry.importArtifact(from: TestModel.artifactDirectory)
            _ = try await fixture.registry.promote(version: good.version, force: true, by: "test", reason: "good artifact")
            let swapped = try await client.send(.post, "/v1/score", json: payment)
            #expect(swapped.object["model_version"] as? String == good.version)
        }
    }
}
