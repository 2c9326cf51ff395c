import FraudCore

/// Sample payments for bus and codec tests.
package enum BusFixtures {
    /// A valid payment, distinct for each `number` (card, amount, `trans_num` and time vary).
    package static func transaction(_ number: Int) -> Transaction {
        Transaction(
            rowIndex: Int64(number), eventTime: EventTime(year: 2020, month: 6, day: 21, hour: 12, minute: 14, second: number % 60)!,
            ccNum: 4_992_346_398_065_154_184 - Int64(number % 50), merchant: "fraud_Kirlin and Sons", category: "personal_care",
            amount: 2.86 + Double(number), firstName: "Jeff", lastName: "Elliott", gender: "M", street: "351 Darlene Green",
            city: "Columbia", state: "SC", zip: 29209, latitude: 33.9659, longitude: -80.9355, cityPopulation: 333_497,
            job: "Mechanical engineer", dateOfBirth: CalendarDate(year: 1968, month: 3, day: 19)!,
            transNum: "2da90c7d74bd46a0caf3777415b3e\(number)", unixTime: 1_371_816_865, merchantLatitude: 33.986391,
            merchantLongitude: -81.200714, label: number % 10 == 0)
    }
}
