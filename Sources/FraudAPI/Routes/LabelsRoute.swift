import FraudCore
import FraudStore
import Hummingbird

/// `POST /v1/labels`: sets `true_value` of one payment (`{"trans_num", "is_fraud"}`) or many
/// (`{"labels": [...]}`), all or nothing; an unknown `trans_num` changes nothing (422).
enum LabelsRoute {
    struct Label: Decodable {
        var transNum: String
        var isFraud: Bool

        enum CodingKeys: String, CodingKey {
            case transNum = "trans_num", isFraud = "is_fraud"
        }
    }

    struct Body: ClosedJSONObject {
        var transNum: String?
        var isFraud: Bool?
        var labels: [Label]?
        var labeledBy: String?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case transNum = "trans_num", isFraud = "is_fraud", labels, labeledBy = "labeled_by"
        }

        static let members = CodingKeys.allCases.map(\.rawValue)
    }

    struct Answer: Encodable {
        var labelled: Int
        var frauds: Int
        var labeledBy: String
    }

    /// At most this many labels per call.
    static let maxLabels = 10_000

    static func add(to router: some RouterMethods<BasicRequestContext>, state: APIState) {
        router.post("labels") { request, _ -> Response in
            try QueryParameters.expectNone(request)
            let body = try JSONRequestBody.decode(Body.self, from: try await state.body(request))
            let updates = try updates(body, at: state.configuration.clock())
            try await state.store.label(updates)
            return try JSONResponse.encoded(Answer(labelled: updates.count, frauds: updates.filter(\.isFraud).count,
                                                   labeledBy: updates[0].labeledBy))
        }
    }

    /// The label updates a body asks for.
    static func updates(_ body: Body, at now: EventTime) throws -> [LabelUpdate] {
        let by = body.labeledBy ?? "api"
        guard !by.isEmpty, by.count <= 200, !by.contains("\u{0}") else {
            throw APIProblem.invalid("labeled_by", "expected 1 to 200 characters, no NUL")
        }
        let labels: [Label]
        switch (body.labels, body.transNum, body.isFraud) {
        case (let list?, nil, nil):
            guard !list.isEmpty, list.count <= maxLabels else {
                throw APIProblem.invalid("labels", "expected 1 to \(maxLabels) labels, got \(list.count)")
            }
            labels = list
        case (nil, let transNum?, let isFraud?):
            labels = [Label(transNum: transNum, isFraud: isFraud)]
        case (nil, nil, _):
            throw APIProblem.invalid("trans_num", "missing: give trans_num and is_fraud, or labels")
        case (nil, _, nil):
            throw APIProblem.invalid("is_fraud", "missing: give trans_num and is_fraud, or labels")
        default:
            throw APIProblem.invalid("labels", "give either labels or trans_num and is_fraud, not both")
        }
        for (index, label) in labels.enumerated() where label.transNum.isEmpty || label.transNum.contains("\u{0}") {
            let field = body.labels == nil ? "trans_num" : "labels[\(index)].trans_num"
            throw APIProblem.invalid(field, label.transNum.isEmpty ? "empty" : "contains a NUL character")
        }
        return labels.map { LabelUpdate(transNum: $0.transNum, isFraud: $0.isFraud, labeledBy: by, labeledAt: now) }
    }
}
