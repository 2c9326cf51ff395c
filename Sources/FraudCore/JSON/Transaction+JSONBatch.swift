extension Transaction {
    /// Decodes a request body holding one payment object or an array of payment objects (fraudTest field names).
    /// - Returns: the payments, and whether the body was an array.
    /// - Throws: `FieldError` naming the field at fault, prefixed with the element index for arrays (`[3].amt`).
    package static func decodeJSONPayments(_ bytes: UnsafeRawBufferPointer) throws(FieldError) -> (payments: [Transaction], isBatch: Bool) {
        var reader = JSONReader(bytes)
        guard reader.consume(UInt8(ascii: "[")) else {
            var fields = PaymentJSONFields()
            try fields.read(from: &reader)
            return ([try fields.transaction()], false)
        }
        var payments: [Transaction] = []
        if reader.consume(UInt8(ascii: "]")) {
            try reader.expectEnd()
            return (payments, true)
        }
        repeat {
            let index = payments.count
            do throws(FieldError) {
                var fields = PaymentJSONFields()
                try fields.readObject(from: &reader)
                payments.append(try fields.transaction())
            } catch {
                throw FieldError(field: "[\(index)].\(error.field)", value: error.value, reason: error.reason)
            }
        } while reader.consume(UInt8(ascii: ","))
        try reader.expect(UInt8(ascii: "]"))
        try reader.expectEnd()
        return (payments, true)
    }
}
