import Foundation
import FraudCore
import FraudMetrics
import FraudStore
import Hummingbird

/// `GET /v1/reports/drift`, `GET /v1/reports/performance` and `GET /v1/reports/activity`, all computed from the store.
enum ReportsRoutes {
    /// `{"labelled", "true_positives", "false_positives", "true_negatives", "false_negatives", "precision", "recall",
    /// "f1", "since"}`: the counts as `ConfusionCounts` writes them, the ratios left out when undefined or not finite.
    struct Performance: Encodable {
        var counts = ConfusionCounts()
        var precision: Double?
        var recall: Double?
        var f1: Double?
        var since: String?

        enum CodingKeys: CodingKey {
            case labelled, precision, recall, f1, since
        }

        init(_ outcomes: LabelledOutcomes, since: EventTime?) {
            counts.truePositives = outcomes.truePositives
            counts.falsePositives = outcomes.falsePositives
            counts.trueNegatives = outcomes.trueNegatives
            counts.falseNegatives = outcomes.falseNegatives
            // Undefined ratios (nothing predicted, nothing positive) are null rather than a made-up 0.
            precision = counts.truePositives + counts.falsePositives > 0 ? finite(counts.precision) : nil
            recall = counts.positives > 0 ? finite(counts.recall) : nil
            f1 = precision != nil && recall != nil ? finite(counts.f1) : nil
            self.since = since?.iso
        }

        func encode(to encoder: any Encoder) throws {
            try counts.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(counts.total, forKey: .labelled)
            try container.encodeIfPresent(precision, forKey: .precision)
            try container.encodeIfPresent(recall, forKey: .recall)
            try container.encodeIfPresent(f1, forKey: .f1)
            try container.encodeIfPresent(since, forKey: .since)
        }
    }

    struct Activity: Encodable {
        var windowSeconds: Int
        var since: String
        var until: String
        var payments: Int
        var paymentsPerSecond: Double
        var predictedFrauds: Int
        var fraudRate: Double?
        var latencyP50Ms: Double?
        var latencyP99Ms: Double?

        init(_ activity: ScoringActivity, windowSeconds: Int) {
            self.windowSeconds = windowSeconds
            since = activity.since.iso
            until = activity.until.iso
            payments = activity.payments
            paymentsPerSecond = activity.paymentsPerSecond
            predictedFrauds = activity.predictedFrauds
            fraudRate = finite(activity.fraudRate)
            latencyP50Ms = finite(activity.latencyP50Ms)
            latencyP99Ms = finite(activity.latencyP99Ms)
        }
    }

    /// The query parameters accepted by the drift, performance and activity reports.
    static let driftQueryNames = ["limit"], performanceQueryNames = ["since"], activityQueryNames = ["window"]

    static func add(to router: some RouterMethods<BasicRequestContext>, state: APIState) {
        router.get("reports/drift") { request, _ -> Response in
            let limit = try QueryParameters(request: request, accepting: driftQueryNames).int("limit", in: 1...1000, default: 10)
            return JSONResponse.bytes(driftJSON(try await state.store.driftReports(limit: limit)))
        }
        router.get("reports/performance") { request, _ -> Response in
            let since = try QueryParameters(request: request, accepting: performanceQueryNames).time("since")
            return try JSONResponse.encoded(Performance(try await state.store.labelledOutcomes(since: since), since: since))
        }
        router.get("reports/activity") { request, _ -> Response in
            let window = try QueryParameters(request: request, accepting: activityQueryNames).int("window", in: 1...86_400, default: 10)
            let until = state.configuration.clock()
            let activity = try await state.store.activity(since: until.adding(seconds: -Int64(window)), until: until)
            return try JSONResponse.encoded(Activity(activity, windowSeconds: window))
        }
    }

    /// `{"reports": [{"id", "created_at", "window_start", "window_end", "dataset_drift", "drifted_share", "report"}]}`;
    /// `report` is the stored report object (null if the stored text is not valid JSON).
    static func driftJSON(_ reports: [DriftReportRecord]) -> [UInt8] {
        var bytes = Array("{\"reports\":[".utf8)
        for (index, report) in reports.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            var writer = JSONWriter(capacity: 256)
            writer.beginObject()
            writer.key("id")
            if let id = report.id { writer.int(id) } else { writer.null() }
            writer.member("created_at", report.createdAt)
            writer.key("window_start")
            if let time = report.windowStart { writer.eventTime(time) } else { writer.null() }
            writer.key("window_end")
            if let time = report.windowEnd { writer.eventTime(time) } else { writer.null() }
            writer.member("dataset_drift", report.datasetDrift)
            writer.member("drifted_share", report.driftedShare)
            writer.key("report")
            writer.endObject()
            bytes.append(contentsOf: writer.bytes.dropLast())
            let valid = (try? JSONSerialization.jsonObject(with: Data(report.json.utf8))) is [String: Any]
            bytes.append(contentsOf: valid ? Array(report.json.utf8) : Array("null".utf8))
            bytes.append(UInt8(ascii: "}"))
        }
        bytes.append(contentsOf: "]}".utf8)
        return bytes
    }
}
