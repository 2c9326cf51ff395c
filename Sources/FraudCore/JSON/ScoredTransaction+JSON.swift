extension ScoredTransaction {
    /// This decision as one JSON object: the payment's fraudTest fields, then `score`, `prediction`,
    /// `threshold`, `model_version`, `reasons`, `scored_at` and `latency_ms` (`payments.scored` messages).
    package var jsonBytes: [UInt8] { jsonBytes(maskingCard: false) }

    /// The same object, with `cc_num` as a masked string (`CardNumberMask`) when `maskingCard`.
    package func jsonBytes(maskingCard: Bool) -> [UInt8] {
        var writer = JSONWriter(capacity: 1024)
        writer.beginObject()
        transaction.appendJSONFields(to: &writer, maskingCard: maskingCard)
        writer.member("score", score)
        writer.member("prediction", prediction)
        writer.member("threshold", threshold)
        writer.member("model_version", modelVersion)
        writer.member("reasons", reasons)
        writer.member("scored_at", scoredAt)
        writer.member("latency_ms", latencyMs)
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
            member("feature", reason.feature)
            member("value", reason.value)
            member("contribution", reason.contribution)
            endObject()
        }
        endArray()
    }

    /// Writes `"name":` and `reasons` as `reasons(_:)` does.
    @inlinable
    package mutating func member(_ name: StaticString, _ reasons: [FeatureContribution]) {
        key(name)
        self.reasons(reasons)
    }
}
