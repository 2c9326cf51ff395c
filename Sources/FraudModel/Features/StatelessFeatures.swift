import FraudCore
import Foundation

/// Features computed from the payment alone.
enum StatelessFeatures {
    static let categoryIndex = Dictionary(uniqueKeysWithValues: FeatureNames.categories.enumerated().map { ($1, $0) })

    static func write(_ transaction: Transaction, into row: UnsafeMutableBufferPointer<Float>) {
        let hour = transaction.eventTime.hour
        row[FeatureNames.amountLog] = Float(log1p(max(0, transaction.amount)))
        row[FeatureNames.hour] = Float(hour)
        row[FeatureNames.weekday] = Float(transaction.eventTime.weekday)
        row[FeatureNames.night] = isNight(hour: hour) ? 1 : 0
        let ageDays = transaction.eventTime.date.daysSinceEpoch - transaction.dateOfBirth.daysSinceEpoch
        row[FeatureNames.ageYears] = Float(Double(ageDays) / 365.25)
        row[FeatureNames.genderMale] = transaction.gender == "M" ? 1 : transaction.gender == "F" ? 0 : .nan
        row[FeatureNames.cityPopulationLog] = Float(log1p(Double(max(0, transaction.cityPopulation))))
        row[FeatureNames.distanceKm] = Float(Haversine.kilometres(
            latitude1: transaction.latitude, longitude1: transaction.longitude,
            latitude2: transaction.merchantLatitude, longitude2: transaction.merchantLongitude))
        let category = categoryIndex[transaction.category]
        for index in 0..<FeatureNames.categories.count {
            row[FeatureNames.firstCategory + index] = index == category ? 1 : 0
        }
    }

    /// 22:00 to 03:59, when card-not-present fraud concentrates in the Sparkov profiles.
    static func isNight(hour: Int) -> Bool { hour >= 22 || hour < 4 }
}

/// Great-circle distance on a sphere of the Earth's mean radius.
enum Haversine {
    static func kilometres(latitude1: Double, longitude1: Double, latitude2: Double, longitude2: Double) -> Double {
        let radians = Double.pi / 180
        let dLat = (latitude2 - latitude1) * radians, dLon = (longitude2 - longitude1) * radians
        let a = sin(dLat / 2) * sin(dLat / 2) + cos(latitude1 * radians) * cos(latitude2 * radians) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * 6371.0088 * asin(min(1, a.squareRoot()))
    }
}
