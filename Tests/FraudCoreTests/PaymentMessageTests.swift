import FraudCore
import Testing

@Suite("Payment topic messages")
struct PaymentMessageTests {
    static func payment() -> Transaction {
        Transaction(
            rowIndex: 7, eventTime: EventTime(millisecondsSinceEpoch: 1_592_741_665_123), ccNum: 4_992_346_398_065_154_184,
            merchant: "fraud_Kirlin, \"Sons\" \\ Co\n", category: "personal_care", amount: 2.86, firstName: "Zoë", lastName: "Elliott",
            gender: "M", street: "351 Darlene Green", city: "Columbia", state: "SC", zip: 29209, latitude: 33.9659,
            longitude: -80.9355, cityPopulation: 333_497, job: "Mechanical engineer\t🚀",
            dateOfBirth: CalendarDate(year: 1968, month: 3, day: 19)!, transNum: "2da90c7d74bd46a0caf3777415b3ebd3",
            unixTime: 1_371_816_865, merchantLatitude: 33.986391, merchantLongitude: -81.200714, label: true)
    }

    @Test func transactionRoundTripsExactly() throws {
        let payment = Self.payment()
        let decoded = try Transaction(jsonBytes: payment.jsonBytes)
        #expect(decoded == payment)
        #expect(String(decoding: payment.jsonBytes, as: UTF8.self).contains("\"cc_num\":4992346398065154184,"))
        #expect(String(decoding: payment.jsonBytes, as: UTF8.self).contains("\"trans_date_trans_time\":\"2020-06-21 12:14:25.123\""))
    }

    @Test func optionalFieldsMayBeAbsent() throws {
        var payment = Self.payment()
        payment.rowIndex = nil
        payment.unixTime = nil
        payment.label = nil
        payment.eventTime = EventTime(secondsSinceEpoch: 1_592_741_665)
        let json = String(decoding: payment.jsonBytes, as: UTF8.self)
        #expect(!json.contains("is_fraud") && !json.contains("unix_time") && !json.contains("index"))
        #expect(try Transaction(jsonBytes: payment.jsonBytes) == payment)
    }

    @Test func scoredTransactionRoundTrips() throws {
        let scored = ScoredTransaction(
            transaction: Self.payment(), score: 0.9731, prediction: true, threshold: 0.5, modelVersion: "v3",
            reasons: [FeatureContribution(feature: "amount_log", value: 1.05, contribution: 2.5e-7)],
            scoredAt: EventTime(millisecondsSinceEpoch: 1_700_000_000_001), latencyMs: 3.25)
        let message = PaymentMessages.message(for: scored)
        #expect(message.topic == "payments.scored")
        #expect(message.key == Array("4992346398065154184".utf8))
        let record = BusRecord(topic: message.topic, partition: 0, offset: 0, key: message.key, value: message.value, headers: message.headers, timestamp: 0)
        #expect(try PaymentMessages.scoredTransaction(from: record) == scored)
    }

    /// A reason whose feature has no value (NaN: the card's first payment has no previous one) is written as null
    /// and read back as NaN, instead of sending the scored payment to quarantine.
    @Test func aReasonWithoutAFeatureValueRoundTrips() throws {
        let scored = ScoredTransaction(
            transaction: Self.payment(), score: 0.99, prediction: true, threshold: 0.5, modelVersion: "v3",
            reasons: [FeatureContribution(feature: "seconds_since_previous", value: .nan, contribution: 1.5)],
            scoredAt: EventTime(millisecondsSinceEpoch: 1_700_000_000_001), latencyMs: 3.25)
        #expect(String(decoding: scored.jsonBytes, as: UTF8.self).contains("\"value\":null"))
        let decoded = try ScoredTransaction(jsonBytes: scored.jsonBytes)
        #expect(decoded.reasons.count == 1 && decoded.reasons[0].value.isNaN && decoded.reasons[0].contribution == 1.5)
    }

    @Test func decodesForeignJSONWithSpacesEscapesAndUnknownFields() throws {
        let json = """
        { "extra": {"nested": [1, 2, {"x": null}]}, "trans_date_trans_time": "2020-06-21 12:14:25", "cc_num": 2291163933867244,
          "merchant": "fraud_Kirlin and Sons", "category": "personal_care", "amt": 2.86, "first": "Je\\u0066f", "last": "Elliott",
          "gender": "M", "street": "351 Darlene Green", "city": "Columbia", "state": "SC", "zip": 29209, "lat": 33.9659,
          "long": -80.9355, "city_pop": 333497, "job": "Mechanical engineer", "dob": "1968-03-19",
          "trans_num": "2da9", "merch_lat": 33.986391, "merch_long": -81.200714, "is_fraud": 0 }
        """
        let payment = try Transaction(jsonBytes: Array(json.utf8))
        #expect(payment.firstName == "Jeff")
        #expect(payment.ccNum == 2_291_163_933_867_244)
        #expect(payment.label == false)
        // The label may also be a JSON boolean.
        let flagged = try Transaction(jsonBytes: Array(json.replacingOccurrences(of: "\"is_fraud\": 0", with: "\"is_fraud\": true").utf8))
        #expect(flagged.label == true)
    }

    @Test(arguments: [
        ("\"amt\":2.86", "\"amt\":\"2.86\"", "amt"),
        ("\"cc_num\":4992346398065154184", "\"cc_num\":49923463980651541840", "cc_num"),
        ("\"dob\":\"1968-03-19\"", "\"dob\":\"1968-13-19\"", "dob"),
        ("\"lat\":33.9659", "\"lat\":133.9659", "lat"),
        ("\"trans_num\":\"2da90c7d74bd46a0caf3777415b3ebd3\",", "", "trans_num"),
        ("\"is_fraud\":1", "\"is_fraud\":2", "is_fraud"),
        ("\"is_fraud\":1", "\"is_fraud\":tru", "is_fraud"),
    ])
    func malformedFieldIsNamed(original: String, replacement: String, field: String) throws {
        let json = String(decoding: Self.payment().jsonBytes, as: UTF8.self).replacingOccurrences(of: original, with: replacement)
        #expect(json != String(decoding: Self.payment().jsonBytes, as: UTF8.self))
        #expect(throws: FieldError.self) { try Transaction(jsonBytes: Array(json.utf8)) }
        do {
            _ = try Transaction(jsonBytes: Array(json.utf8))
        } catch {
            #expect(error.field == field)
        }
    }

    @Test func truncatedAndNonJSONMessagesFail() {
        for text in ["", "{", "not json", "[1,2]", "{\"cc_num\":1", String(decoding: Self.payment().jsonBytes.dropLast(), as: UTF8.self)] {
            #expect(throws: FieldError.self) { try Transaction(jsonBytes: Array(text.utf8)) }
        }
    }

    @Test func otherSchemaVersionIsRefused() {
        var message = PaymentMessages.message(for: Self.payment())
        message.headers = [BusHeader(name: "schema-version", text: "2")]
        let record = BusRecord(topic: message.topic, partition: 0, offset: 5, key: message.key, value: message.value, headers: message.headers, timestamp: 0)
        do {
            _ = try PaymentMessages.transaction(from: record)
            Issue.record("schema version 2 was accepted")
        } catch {
            #expect(error.field == "schema-version")
            #expect(PaymentMessages.quarantined(record, error: error).position == 5)
        }
    }

    /// Vectors from Kafka's `UtilsTest.testMurmur2`.
    @Test(arguments: [
        ("21", Int32(-973_932_308)), ("foobar", -790_332_482), ("a-little-bit-long-string", -985_981_536),
        ("a-little-bit-longer-string", -1_486_304_829), ("lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8", -58_897_971),
        ("abc", 479_470_107),
    ])
    func murmur2MatchesKafka(key: String, expected: Int32) {
        #expect(Int32(bitPattern: Murmur2Partitioner.murmur2(Array(key.utf8))) == expected)
    }

    @Test func busURLs() throws {
        #expect(try BusAddress(url: "embedded:/tmp/bus") == .embedded(path: "/tmp/bus"))
        #expect(try BusAddress(url: "kafka://a:9092,b:9093") == .kafka(bootstrapServers: "a:9092,b:9093"))
        #expect(throws: BusError.self) { try BusAddress(url: "kafka://") }
        #expect(throws: BusError.self) { try BusAddress(url: "redis://x") }
    }
}
