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
            writer.key("index")
            writer.int(rowIndex)
        }
        writer.key("trans_date_trans_time")
        writer.eventTime(eventTime)
        writer.key("cc_num")
        if maskingCard { writer.string(CardNumberMask.masked(ccNum)) } else { writer.int(ccNum) }
        writer.key("merchant")
        writer.string(merchant)
        writer.key("category")
        writer.string(category)
        writer.key("amt")
        writer.double(amount)
        writer.key("first")
        writer.string(firstName)
        writer.key("last")
        writer.string(lastName)
        writer.key("gender")
        writer.string(gender)
        writer.key("street")
        writer.string(street)
        writer.key("city")
        writer.string(city)
        writer.key("state")
        writer.string(state)
        writer.key("zip")
        writer.int(Int64(zip))
        writer.key("lat")
        writer.double(latitude)
        writer.key("long")
        writer.double(longitude)
        writer.key("city_pop")
        writer.int(Int64(cityPopulation))
        writer.key("job")
        writer.string(job)
        writer.key("dob")
        writer.date(dateOfBirth)
        writer.key("trans_num")
        writer.string(transNum)
        if let unixTime {
            writer.key("unix_time")
            writer.int(unixTime)
        }
        writer.key("merch_lat")
        writer.double(merchantLatitude)
        writer.key("merch_long")
        writer.double(merchantLongitude)
        if let label {
            writer.key("is_fraud")
            writer.int(label ? 1 : 0)
        }
    }
}
