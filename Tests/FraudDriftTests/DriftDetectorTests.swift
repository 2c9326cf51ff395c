import FraudCore
import Foundation
import Testing
import FraudDrift

/// Page–Hinkley and ADWIN against river 0.26.1's detection indices on the same streams.
/// Expected indices were produced by `Tests/Python/drift/river_streams.py` (see its header).
@Suite("Streaming drift detectors")
struct DriftDetectorTests {
    struct RiverStreams: Decodable {
        var testStream: [Double]
        var docStream: [Double]

        enum CodingKeys: String, CodingKey {
            case testStream = "test_stream", docStream = "doc_stream"
        }
    }

    static func riverStreams() throws -> RiverStreams {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/river_streams", withExtension: "json"))
        return try JSONDecoder().decode(RiverStreams.self, from: Data(contentsOf: url))
    }

    /// Bernoulli error indicators from SplitMix64, as `error_stream` in river_streams.py.
    static func errorStream(seed: UInt64, _ segments: [(count: Int, rate: Double)]) -> [Double] {
        var generator = SplitMix64(seed: seed)
        return segments.flatMap { segment in (0..<segment.count).map { _ in generator.nextUnit() < segment.rate ? 1.0 : 0.0 } }
    }

    static let errors = errorStream(seed: 42, [(3000, 0.05), (2000, 0.25), (3000, 0.05)])
    static let gradual = errorStream(seed: 7, [(2000, 0.02), (2000, 0.06), (2000, 0.12)])

    func detections<Detector: StreamingDriftDetector>(_ detector: Detector, _ stream: [Double]) -> [Int] {
        var detector = detector
        var found: [Int] = []
        for (index, value) in stream.enumerated() {
            detector.update(value)
            if detector.driftDetected { found.append(index) }
        }
        return found
    }

    @Test func generatedStreamsMatchThePythonGenerator() {
        #expect(Self.errors.reduce(0, +) == 804)
        #expect(Self.gradual.reduce(0, +) == 406)
    }

    @Test func adwinMatchesRiverOnRiversOwnStreams() throws {
        let streams = try Self.riverStreams()
        #expect(detections(try ADWIN(), streams.testStream) == [1023])
        #expect(detections(try ADWIN(), streams.docStream) == [1023])
    }

    @Test func pageHinkleyMatchesRiverOnRiversOwnStreams() throws {
        let streams = try Self.riverStreams()
        #expect(detections(try PageHinkley(), streams.testStream) == [1020, 1397, 1548, 1988])
        #expect(detections(try PageHinkley(), streams.docStream) == [1006])
    }

    @Test func adwinMatchesRiverOnErrorRateStreams() throws {
        #expect(detections(try ADWIN(), Self.errors) == [3135, 5151])
        #expect(detections(try ADWIN(delta: 0.01, clock: 1), Self.errors) == [3080, 5122])
        #expect(detections(try ADWIN(), Self.gradual) == [2527, 4511])
    }

    @Test func pageHinkleyMatchesRiverOnErrorRateStreams() throws {
        #expect(detections(try PageHinkley(), Self.errors) == [3253, 5264])
        #expect(detections(try PageHinkley(threshold: 10, mode: .up), Self.errors) == [3041, 3259, 3723, 4271, 4471, 4685])
        #expect(detections(try PageHinkley(delta: 0.001, threshold: 20), Self.gradual) == [2445, 2823, 4120])
    }

    @Test func adwinWindowShrinksAfterAChangeAndTracksTheMean() throws {
        var adwin = try ADWIN()
        for value in Self.errors.prefix(5000) { adwin.update(value) }
        #expect(adwin.detections == 1)
        #expect(adwin.width < 2000)
        #expect(abs(adwin.estimation - 0.25) < 0.05)
    }

    @Test func invalidParametersAreRejectedByName() {
        #expect(throws: ConfigurationError(parameter: "delta", value: "1.5", expected: "0 < delta < 1")) { try ADWIN(delta: 1.5) }
        #expect(throws: ConfigurationError.self) { try ADWIN(clock: 0) }
        #expect(throws: ConfigurationError.self) { try PageHinkley(alpha: 0) }
        #expect(throws: ConfigurationError.self) { try PageHinkley(threshold: -1) }
    }
}
