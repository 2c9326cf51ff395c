import Testing
@testable import FraudCore

@Suite struct CurrentTransactionsFormatTests {
    /// The example of DESIGN.md §4 with its elided fields filled in, double-encoded as the API sends it.
    static let designExample = #""{\"columns\":[\"cc_num\",\"merchant\",\"category\",\"amt\",\"first\",\"last\",\"gender\",\"street\",\"city\",\"state\",\"zip\",\"lat\",\"long\",\"city_pop\",\"job\",\"dob\",\"trans_num\",\"merch_lat\",\"merch_long\",\"is_fraud\",\"current_time\"],\"index\":[349827],\"data\":[[4066595222529,\"fraud_Prohaska-Murray\",\"gas_transport\",44.55,\"Jeff\",\"Elliott\",\"M\",\"351 Darlene Green\",\"Columbia\",\"SC\",29209,33.9659,-80.9355,333497,\"Mechanical engineer\",\"1968-03-19\",\"2da90c7d74bd46a0caf3777415b3ebd3\",33.986391,-81.200714,0,1730158296851]]}""#

    @Test func decodesTheDesignExample() throws {
        let batch = try CurrentTransactionsFormat.decode(Self.designExample)
        #expect(batch.quarantined.isEmpty)
        let payment = try #require(batch.transactions.first)
        #expect(batch.transactions.count == 1)
        #expect(payment.rowIndex == 349_827)
        #expect(payment.ccNum == 4_066_595_222_529)
        #expect(payment.merchant == "fraud_Prohaska-Murray")
        #expect(payment.category == "gas_transport")
        #expect(payment.amount == 44.55)
        #expect(payment.firstName == "Jeff" && payment.lastName == "Elliott" && payment.gender == "M")
        #expect(payment.street == "351 Darlene Green" && payment.city == "Columbia" && payment.state == "SC")
        #expect(payment.zip == 29209 && payment.cityPopulation == 333_497)
        #expect(payment.latitude == 33.9659 && payment.longitude == -80.9355)
        #expect(payment.job == "Mechanical engineer")
        #expect(payment.dateOfBirth == CalendarDate("1968-03-19"))
        #expect(payment.transNum == "2da90c7d74bd46a0caf3777415b3ebd3")
        #expect(payment.merchantLatitude == 33.986391 && payment.merchantLongitude == -81.200714)
        #expect(payment.label == false)
        // current_time is epoch milliseconds: 2024-10-28 23:31:36.851 UTC; never stored as unix_time.
        #expect(payment.eventTime.millisecondsSinceEpoch == 1_730_158_296_851)
        #expect(payment.eventTime.iso == "2024-10-28 23:31:36")
        #expect(payment.unixTime == nil)
    }

    @Test func encodingReproducesTheDesignExampleExactly() throws {
        let batch = try CurrentTransactionsFormat.decode(Self.designExample)
        #expect(CurrentTransactionsFormat.encode(batch.transactions) == Self.designExample)
    }

    @Test func keepsNineteenDigitCardNumbersExact() throws {
        // 4999999999999999999 is not representable as a Double (it would round to 5e18).
        let body = Self.designExample.replacingOccurrences(of: "4066595222529", with: "4999999999999999999")
        let payment = try #require(try CurrentTransactionsFormat.decode(body).transactions.first)
        #expect(payment.ccNum == 4_999_999_999_999_999_999)
        #expect(CurrentTransactionsFormat.encode([payment]).contains("[4999999999999999999,"))
    }

    @Test func findsColumnsByNameInAnyOrder() throws {
        let inner = #"{"columns":["current_time","is_fraud","trans_num","dob","job","city_pop","long","lat","zip","state","city","street","gender","last","first","amt","category","merchant","cc_num","merch_long","merch_lat"],"index":[7,8],"data":[[1730158296851,1,"a1",-60000000000,"Nurse",100,-80.5,33.5,29209,"SC","Columbia","",  "F","Doe","Ann",12,"grocery_pos","fraud_Kub \"Corner\" LLC",4066595222529,-80.6,33.6],[1730158297000,null,"a2","1990-01-02","",5,-80.5,33.5,29209,"SC","Columbia","1 Main St","M","Roe","Bob",7.5,"misc_net","fraud_Kris, Hand and Kub","3528123412341234",-80.6,33.6]]}"#
        let body = JSONWriter.quoted(inner)
        let batch = try CurrentTransactionsFormat.decode(body)
        #expect(batch.quarantined.isEmpty)
        #expect(batch.transactions.map(\.rowIndex) == [7, 8])
        let first = batch.transactions[0]
        #expect(first.label == true && first.amount == 12 && first.merchant == #"fraud_Kub "Corner" LLC"#)
        // pandas writes datetime columns as epoch ms: -60000000000 ms is 1968-02-06 13:20 UTC.
        #expect(first.dateOfBirth.iso == "1968-02-06")
        let second = batch.transactions[1]
        #expect(second.label == nil && second.ccNum == 3_528_123_412_341_234 && second.merchant == "fraud_Kris, Hand and Kub")
        #expect(second.job == "" && second.dateOfBirth.iso == "1990-01-02")
    }

    @Test func acceptsTheInnerObjectWithoutTheOuterString() throws {
        let inner = try #require(try CurrentTransactionsFormat.decode(Self.designExample).transactions.first)
        let batch = try CurrentTransactionsFormat.decode(CurrentTransactionsFormat.encodeObject([inner]))
        #expect(batch.transactions == [inner])
    }

    @Test func quarantinesABadRowAndKeepsTheOthers() throws {
        let good = try #require(try CurrentTransactionsFormat.decode(Self.designExample).transactions.first)
        var bad = good
        bad.transNum = "bad"
        var other = good
        other.amount = 10.5
        var body = CurrentTransactionsFormat.encode([good, bad, other])
        body = body.replacingOccurrences(of: #"33.986391,-81.200714,0,1730158296851],[4066595222529,\"fraud_Prohaska-Murray\",\"gas_transport\",44.55"#,
                                         with: #"33.986391,-81.200714,0,1730158296851],[4066595222529,\"fraud_Prohaska-Murray\",\"gas_transport\",\"lots\""#)
        let batch = try CurrentTransactionsFormat.decode(body, source: "http://x/current-transactions")
        #expect(batch.transactions.count == 2)
        let record = try #require(batch.quarantined.first)
        #expect(batch.quarantined.count == 1)
        #expect(record.field == "amt")
        #expect(record.position == 1)
        #expect(record.source == "http://x/current-transactions")
        #expect(record.reason.contains("expected a number"))
        #expect(record.raw.contains("\"lots\""))
    }

    @Test(arguments: [
        ("[1,2]", "found an array"),
        ("not json", "not valid JSON"),
        (#""{oops""#, "does not hold valid JSON"),
        (#""{\"columns\":[\"cc_num\"],\"index\":[],\"data\":[]}""#, "lacks required column(s) 'merchant'"),
        (#""{\"index\":[],\"data\":[]}""#, "member 'columns'"),
        (#""{\"columns\":[],\"index\":[1],\"data\":{}}""#, "member 'data'"),
    ])
    func rejectsAMalformedEnvelopeWithAClearError(body: String, expected: String) {
        #expect {
            try CurrentTransactionsFormat.decode(body)
        } throws: { error in
            "\(error)".contains(expected)
        }
    }

    @Test func rejectsAnIndexOfTheWrongLength() throws {
        let body = Self.designExample.replacingOccurrences(of: #"\"index\":[349827]"#, with: #"\"index\":[1,2]"#)
        #expect(throws: CurrentTransactionsError.self) { try CurrentTransactionsFormat.decode(body) }
    }

    @Test func aRowOfTheWrongLengthIsQuarantinedAsRow() throws {
        let body = Self.designExample.replacingOccurrences(of: #",0,1730158296851]"#, with: #",1730158296851]"#)
        let batch = try CurrentTransactionsFormat.decode(body)
        #expect(batch.transactions.isEmpty)
        #expect(batch.quarantined.first?.field == "row")
    }
}
