/// Precision among the top-k alerts per day, as the Fraud-Detection Handbook defines it
/// (Le Borgne et al., "Reproducible Machine Learning for Credit Card Fraud Detection", §4.2).
///
/// Investigators check k alerts a day: `precisionAtK` is the fraud share among each day's k
/// highest-scored payments; `cardPrecisionAtK` is the compromised-card share among each day's
/// k highest-scored cards (a card scores its maximum of the day and is compromised if any of its
/// payments that day is fraud), with cards already detected on earlier days removed. Both divide
/// by k (not by the day's count) and average over days that have payments.
package enum PrecisionAtK {
    /// Mean over days of (frauds among the day's k highest scores) / k.
    /// - Precondition: all arrays have the same length; `k > 0`.
    package static func precisionAtK(scores: [Double], labels: [Bool], days: [Int32], k: Int) -> Double {
        precondition(scores.count == labels.count && scores.count == days.count, "arrays must have the same length")
        precondition(k > 0, "k must be positive")
        let byDay = Dictionary(grouping: scores.indices, by: { days[$0] })
        guard !byDay.isEmpty else { return 0 }
        var total = 0.0
        for day in byDay.keys.sorted() {
            let top = byDay[day]!.sorted { scores[$0] > scores[$1] || (scores[$0] == scores[$1] && $0 < $1) }.prefix(k)
            total += Double(top.filter { labels[$0] }.count) / Double(k)
        }
        return total / Double(byDay.count)
    }

    /// Mean over days of (compromised cards among the day's k highest-scored cards) / k,
    /// removing cards detected on earlier days (the Handbook's `remove_detected_compromised_cards=True`).
    /// - Precondition: all arrays have the same length; `k > 0`.
    package static func cardPrecisionAtK(scores: [Double], labels: [Bool], days: [Int32], cards: [Int64], k: Int) -> Double {
        precondition(scores.count == labels.count && scores.count == days.count && scores.count == cards.count,
                     "arrays must have the same length")
        precondition(k > 0, "k must be positive")
        let byDay = Dictionary(grouping: scores.indices, by: { days[$0] })
        guard !byDay.isEmpty else { return 0 }
        var detected = Set<Int64>()
        var total = 0.0
        for day in byDay.keys.sorted() {
            var cardScore: [Int64: (score: Double, fraud: Bool)] = [:]
            for index in byDay[day]! where !detected.contains(cards[index]) {
                let previous = cardScore[cards[index]]
                cardScore[cards[index]] = (max(previous?.score ?? -.infinity, scores[index]), (previous?.fraud ?? false) || labels[index])
            }
            let top = cardScore.sorted { $0.value.score > $1.value.score || ($0.value.score == $1.value.score && $0.key < $1.key) }.prefix(k)
            let hits = top.filter { $0.value.fraud }.map(\.key)
            total += Double(hits.count) / Double(k)
            detected.formUnion(hits)
        }
        return total / Double(byDay.count)
    }
}
