#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FraudCore

/// Accumulates the raw per-payment columns that drift is tested on until the feature extractor's
/// columns are merged in: `amt`, `category`, `city_pop`, `gender`, `lat`, `long`, `merch_lat`,
/// `merch_long`, `hour` (of event time), `age` (whole years at event time) and `distance_km`
/// (customer–merchant great-circle distance).
package struct RawDriftColumns: Sendable {
    /// The column names, in report order.
    package static let names = ["amt", "category", "city_pop", "gender", "lat", "long", "merch_lat", "merch_long", "hour", "age", "distance_km"]

    private var amount: [Double] = []
    private var category: [String] = []
    private var cityPopulation: [Double] = []
    private var gender: [String] = []
    private var latitude: [Double] = []
    private var longitude: [Double] = []
    private var merchantLatitude: [Double] = []
    private var merchantLongitude: [Double] = []
    private var hour: [Double] = []
    private var age: [Double] = []
    private var distance: [Double] = []

    /// No rows yet.
    package init() {}

    /// Rows appended so far.
    package var count: Int { amount.count }

    /// Adds one payment's values.
    package mutating func append(_ transaction: Transaction) {
        amount.append(transaction.amount)
        category.append(transaction.category)
        cityPopulation.append(Double(transaction.cityPopulation))
        gender.append(transaction.gender)
        latitude.append(transaction.latitude)
        longitude.append(transaction.longitude)
        merchantLatitude.append(transaction.merchantLatitude)
        merchantLongitude.append(transaction.merchantLongitude)
        hour.append(Double(transaction.eventTime.hour))
        age.append(Double(Self.age(born: transaction.dateOfBirth, at: transaction.eventTime.date)))
        distance.append(Self.haversineKilometres(
            transaction.latitude, transaction.longitude, transaction.merchantLatitude, transaction.merchantLongitude))
    }

    /// The columns as a table, named as in `names`.
    package var table: DriftFeatureTable {
        DriftFeatureTable([
            ("amt", .numbers(amount, isInteger: false)),
            ("category", .categories(category)),
            ("city_pop", .numbers(cityPopulation, isInteger: true)),
            ("gender", .categories(gender)),
            ("lat", .numbers(latitude, isInteger: false)),
            ("long", .numbers(longitude, isInteger: false)),
            ("merch_lat", .numbers(merchantLatitude, isInteger: false)),
            ("merch_long", .numbers(merchantLongitude, isInteger: false)),
            ("hour", .numbers(hour, isInteger: true)),
            ("age", .numbers(age, isInteger: true)),
            ("distance_km", .numbers(distance, isInteger: false)),
        ])
    }

    /// Whole years from `born` to `day` (the birthday counts from its own day).
    package static func age(born: CalendarDate, at day: CalendarDate) -> Int {
        let birth = CivilCalendar.date(days: Int(born.daysSinceEpoch))
        let now = CivilCalendar.date(days: Int(day.daysSinceEpoch))
        let beforeBirthday = (now.month, now.day) < (birth.month, birth.day)
        return now.year - birth.year - (beforeBirthday ? 1 : 0)
    }

    /// Great-circle distance in km on a sphere of radius 6371 km (the haversine formula).
    package static func haversineKilometres(_ lat1: Double, _ lon1: Double, _ lat2: Double, _ lon2: Double) -> Double {
        let radians = Double.pi / 180
        let dLat = (lat2 - lat1) * radians
        let dLon = (lon2 - lon1) * radians
        let a = sin(dLat / 2) * sin(dLat / 2) + cos(lat1 * radians) * cos(lat2 * radians) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * 6371 * asin(min(1, a.squareRoot()))
    }
}
