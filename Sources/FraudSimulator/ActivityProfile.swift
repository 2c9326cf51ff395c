import FraudCore

/// When legitimate payments happen and in which category: daily, weekly and yearly seasonality,
/// and the category mix for each hour of the day.
///
/// A card's payments are a non-homogeneous Poisson process with intensity
/// `rate × factor(t)`, sampled by thinning (Lewis and Shedler 1979): candidates at the peak rate,
/// each kept with probability `factor(t) / maxFactor`.
struct ActivityProfile: Sendable {
    /// Hourly activity factors (mean 1 over the day).
    let hourFactors: [Double]
    /// Mon...Sun factors (mean 1).
    let weekdayFactors: [Double] = [1.3, 1.2, 0.75, 0.8, 0.85, 0.9, 1.2]
    /// Jan...Dec factors (mean about 1): the December rush of card data.
    let monthFactors: [Double] = [0.85, 0.85, 0.9, 0.95, 1.0, 1.0, 1.0, 1.0, 0.95, 0.95, 1.05, 1.5]
    /// For each hour, cumulative category weights (`PaymentCategory.all` order), last entry 1.
    let categoryCumulative: [[Double]]
    /// The largest `factor(t)`: the thinning bound.
    let maxFactor: Double

    /// A profile from category shares (index-aligned with `PaymentCategory.all`).
    init(shares: [Double]) {
        let categories = PaymentCategory.all
        var hourly = [Double](repeating: 0, count: 24)
        var cumulative: [[Double]] = []
        let totalShare = shares.reduce(0, +)
        // Each category's hour profile normalised to mean 1, weighted by its share.
        let profiles = categories.map { category -> [Double] in
            let weights = category.hours.weights
            let mean = weights.reduce(0, +) / 24
            return weights.map { $0 / mean }
        }
        for hour in 0..<24 {
            var running = 0.0
            var row: [Double] = []
            for (index, profile) in profiles.enumerated() {
                running += shares[index] / totalShare * profile[hour]
                row.append(running)
            }
            hourly[hour] = running
            cumulative.append(row.map { $0 / running })
        }
        hourFactors = hourly
        categoryCumulative = cumulative
        maxFactor = hourly.max()! * 1.3 * 1.5
    }

    /// Activity at an event time, relative to the average.
    func factor(_ time: EventTime) -> Double {
        let month = CivilCalendar.date(days: Int(time.date.daysSinceEpoch)).month
        return hourFactors[time.hour] * weekdayFactors[time.weekday] * monthFactors[month - 1]
    }

    /// A category index for a legitimate payment at `hour`.
    func category(hour: Int, using random: inout SeededGenerator) -> Int {
        let draw = random.uniform()
        let row = categoryCumulative[hour]
        var index = 0
        while index < row.count - 1 && row[index] <= draw { index += 1 }
        return index
    }
}
