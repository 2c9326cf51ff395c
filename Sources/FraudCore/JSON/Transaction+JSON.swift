extension Transaction {
    /// This payment as one JSON object with the fraudTest field names (`payments.raw` messages).
    package var jsonBytes: [UInt8] {
        var writer = JSONWriter()
        writer.beginObject()
        appendJSONFields(to: &writer)
        writer.endObject()
        return writer.bytes
    }

    /// Decodes a payment from a JSON object with the fraudTest field names; unknown fields are ignored.
    /// - Throws: `FieldError` naming the first missing or malformed field.
    package init(jsonBytes bytes: UnsafeRawBufferPointer) throws(FieldError) {
        self = try PaymentJSONFields.decode(bytes) { (fields) throws(FieldError) in try fields.transaction() }
    }

    /// Decodes a payment from JSON bytes.
    package init(jsonBytes bytes: [UInt8]) throws(FieldError) {
        self = try PaymentJSONFields.decode(bytes) { (fields) throws(FieldError) in try fields.transaction() }
    }

    /// Writes the payment's members, in `PaymentJSONField` order, into an open object; `cc_num` as a masked string
    /// (`CardNumberMask`) when `maskingCard`.
    package func appendJSONFields(to writer: inout JSONWriter, maskingCard: Bool = false) {
        if let rowIndex {
            writer.member("index", rowIndex)
        }
        writer.member("trans_date_trans_time", eventTime)
        writer.key("cc_num")
        if maskingCard { writer.string(CardNumberMask.masked(ccNum)) } else { writer.int(ccNum) }
        writer.member("merchant", merchant)
        writer.member("category", category)
        writer.member("amt", amount)
        writer.member("first", firstName)
        writer.member("last", lastName)
        writer.member("gender", gender)
        writer.member("street", street)
        writer.member("city", city)
        writer.member("state", state)
        writer.member("zip", Int64(zip))
        writer.member("lat", latitude)
        writer.member("long", longitude)
        writer.member("city_pop", Int64(cityPopulation))
        writer.member("job", job)
        writer.member("dob", dateOfBirth)
        writer.member("trans_num", transNum)
        if let unixTime {
            writer.member("unix_time", unixTime)
        }
        writer.member("merch_lat", merchantLatitude)
        writer.member("merch_long", merchantLongitude)
        if let label {
            writer.member("is_fraud", Int64(label ? 1 : 0))
        }
    }
}
