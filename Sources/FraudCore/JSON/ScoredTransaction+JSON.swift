extension ScoredTransaction {
    /// This decision as one JSON object: the payment's fraudTest fields, then `score`, `prediction`,
    /// `threshold`, `model_version`, `reasons`, `scored_at` and `latency_ms` (`payments.scored` messages).
    package var jsonBytes: [UInt8] { jsonBytes(maskingCard: false) }

    /// The same object, with `cc_num` as a masked string (`CardNumberMask`) when `maskingCard`.
    package func jsonBytes(maskingCard: Bool) -> [UInt8] {
        var writer = JSONWriter(capacity: 1024)
        writer.beginObject()
        transaction.appendJSONFields(to: &writer, maskingCard: maskingCard)
        writer.key("score")
        writer.double(score)
        writer.key("prediction")
        writer.bool(prediction)
        writer.key("threshold")
        writer.double(threshold)
        writer.key("model_version")
        writer.string(modelVersion)
        writer.key("reasons")
        writer.reasons(reasons)
        writer.key("scored_at")
        writer.eventTime(scoredAt)
        writer.key("latency_ms")
        writer.double(latencyMs)
        writer.endObject()
        return writer.bytes
    }

    /// Decodes a decision from its JSON object; unknown fields are ignored.
    /// - Throws: `FieldError` naming the first missing or malformed field.
    package init(jsonBytes bytes: UnsafeRawBufferPointer) throws(FieldError) {
        self = try PaymentJSONFields.decode(bytes) { (fields) throws(FieldError) in try fields.scoredTransaction() }
    }

    /// Decodes a decision from JSON bytes.
    package init(jsonBytes bytes: [UInt8]) throws(FieldError) {
        self = try PaymentJSONFields.decode(bytes) { (fields) throws(FieldError) in try fields.scoredTransaction() }
    }
}

extension JSONWriter {
    /// Reasons as `[{"feature", "value", "contribution"}]` (a missing feature value, NaN, as `null`).
    package mutating func reasons(_ reasons: [FeatureContribution]) {
        beginArray()
        for reason in reasons {
            beginObject()
            key("feature")
            string(reason.feature)
            key("value")
            double(reason.value)
            key("contribution")
            double(reason.contribution)
            endObject()
        }
        endArray()
    }
}
