/// Typed access to the fields of one record of a payment format (a CSV line, a row of the "current transactions"
/// API), named by their fraudTest columns; every failure is a `FieldError` naming its column.
///
/// The formats differ in where the row index and the event time come from, and in how they spell values; which
/// field of a `Transaction` each column fills, and what a valid one is, is said once, in `Transaction(record:)`.
protocol TransactionRecord {
    /// The row index, if the record has one.
    func rowIndex() throws -> Int64?
    /// When the payment happened.
    func eventTime() throws -> EventTime
    /// The CSV's `unix_time`, if the record has one.
    func unixTime() throws -> Int64?
    /// `cc_num`: a positive integer of at most 19 digits.
    func cardNumber() throws -> Int64
    /// A string column; an empty one is refused unless `allowEmpty`.
    func text(_ field: TransactionField, allowEmpty: Bool) throws -> String
    func integer(_ field: TransactionField) throws -> Int64
    /// A number column, refused outside `range` when given.
    func number(_ field: TransactionField, range: ClosedRange<Double>?) throws -> Double
    func date(_ field: TransactionField) throws -> CalendarDate
    /// `is_fraud`, if the record has a label.
    func label() throws -> Bool?
}

extension Transaction {
    /// The payment of one record, its fields read in schema order.
    /// - Throws: `FieldError` naming the first field that is missing or malformed.
    init(record: some TransactionRecord) throws {
        self.init(
            rowIndex: try record.rowIndex(),
            eventTime: try record.eventTime(),
            ccNum: try record.cardNumber(),
            merchant: try record.text(.merchant),
            category: try record.text(.category),
            amount: try record.amount(),
            firstName: try record.text(.first),
            lastName: try record.text(.last),
            gender: try record.text(.gender),
            street: try record.text(.street, allowEmpty: true),
            city: try record.text(.city),
            state: try record.text(.state),
            zip: Int(try record.integer(.zip)),
            latitude: try record.number(.lat, range: -90...90),
            longitude: try record.number(.long, range: -180...180),
            cityPopulation: Int(try record.integer(.cityPop)),
            job: try record.text(.job, allowEmpty: true),
            dateOfBirth: try record.date(.dob),
            transNum: try record.text(.transNum),
            unixTime: try record.unixTime(),
            merchantLatitude: try record.number(.merchLat, range: -90...90),
            merchantLongitude: try record.number(.merchLong, range: -180...180),
            label: try record.label()
        )
    }
}

extension TransactionRecord {
    fileprivate func text(_ field: TransactionField) throws -> String {
        try text(field, allowEmpty: false)
    }

    fileprivate func amount() throws -> Double {
        let amount = try number(.amt, range: nil)
        guard amount >= 0 else { throw FieldError(field: TransactionField.amt.columnName, value: String(amount), reason: "negative amount") }
        return amount
    }
}
