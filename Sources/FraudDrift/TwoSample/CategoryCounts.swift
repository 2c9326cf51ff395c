/// Counts of each category in a reference and a current sample, over the union of their categories.
package struct CategoryCounts<Value: Hashable> {
    /// The categories, reference order first, then those seen only in the current sample.
    package var categories: [Value] = []
    /// Reference count per category (same order).
    package var reference: [Int] = []
    /// Current count per category (same order).
    package var current: [Int] = []

    package init(reference referenceValues: [Value], current currentValues: [Value]) {
        var index: [Value: Int] = [:]
        func slot(_ value: Value) -> Int {
            if let found = index[value] { return found }
            index[value] = categories.count
            categories.append(value)
            reference.append(0)
            current.append(0)
            return categories.count - 1
        }
        for value in referenceValues { reference[slot(value)] += 1 }
        for value in currentValues { current[slot(value)] += 1 }
    }

    /// Each category's share of its sample.
    package var shares: (reference: [Double], current: [Double]) {
        let referenceTotal = Double(reference.reduce(0, +))
        let currentTotal = Double(current.reduce(0, +))
        return (reference.map { Double($0) / referenceTotal }, current.map { Double($0) / currentTotal })
    }
}
