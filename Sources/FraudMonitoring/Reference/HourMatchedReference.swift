import FraudDrift

/// The reference resampled to a window's hour-of-day mix, so that a window of a few hours is compared with the
/// reference's payments of the same hours: time-of-day features (`hour`, `night`, `card_night_count_24h`), the
/// category mix and amounts by hour, and the score then match on a steady stream, and every column stays monitored.
///
/// Each reference row of hour h is repeated about `rows · window share of h / reference rows of h` times
/// (systematic resampling: the counts are exact to one row, no randomness), which is the reference reweighted by
/// hour. Window hours without reference rows are left out of the mix.
package enum HourMatchedReference {
    /// The name of the column holding each row's hour of event time (0...23).
    package static let hourColumn = "hour"

    /// `reference` resampled to `rows` rows (default: as many as it has) with the hour mix of `windowHours`;
    /// `reference` itself when it is not row-aligned (written before hour matching), has no hour column, or shares
    /// no hour with the window.
    package static func matched(_ reference: DriftFeatureTable, toHours windowHours: [Int], rows: Int? = nil) -> DriftFeatureTable {
        guard reference.isRowAligned, case .numbers(let hours, _)? = reference[hourColumn] else { return reference }
        var byHour = [[Int]](repeating: [], count: 24)
        for (row, hour) in hours.enumerated() where hour.isFinite && (0..<24).contains(Int(hour)) { byHour[Int(hour)].append(row) }
        var wanted = [Int](repeating: 0, count: 24)
        for hour in windowHours where (0..<24).contains(hour) && !byHour[hour].isEmpty { wanted[hour] += 1 }
        let matchedWindow = wanted.reduce(0, +)
        guard matchedWindow > 0 else { return reference }
        let total = Double(rows ?? hours.count)
        var selected: [Int] = []
        selected.reserveCapacity(Int(total) + 24)
        for hour in 0..<24 where wanted[hour] > 0 {
            let candidates = byHour[hour]
            let perRow = total * Double(wanted[hour]) / Double(matchedWindow) / Double(candidates.count)
            for (index, row) in candidates.enumerated() {
                let copies = Int((Double(index + 1) * perRow).rounded(.down)) - Int((Double(index) * perRow).rounded(.down))
                selected.append(contentsOf: repeatElement(row, count: copies))
            }
        }
        return reference.rows(selected)
    }
}
