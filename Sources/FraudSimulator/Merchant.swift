/// A merchant: a unique `fraud_`-prefixed name (as in the public data, where the prefix is no label)
/// and the category it sells in.
struct Merchant: Sendable {
    let name: String
    let category: Int

    /// `perCategory` merchants for each category, names unique, some with commas, apostrophes
    /// and double quotes so that CSV quoting is exercised.
    static func catalogue(perCategory: Int, using random: inout SeededGenerator) -> [[Merchant]] {
        var used = Set<String>()
        var result: [[Merchant]] = []
        for category in PaymentCategory.all.indices {
            var merchants: [Merchant] = []
            while merchants.count < perCategory {
                let name = "fraud_" + companyName(using: &random)
                guard used.insert(name).inserted else { continue }
                merchants.append(Merchant(name: name, category: category))
            }
            result.append(merchants)
        }
        return result
    }

    private static func companyName(using random: inout SeededGenerator) -> String {
        let a = random.element(of: Catalogue.companyNames)
        let b = random.element(of: Catalogue.companyNames)
        let draw = random.uniform()
        if draw < 0.4 { return "\(a)-\(b)" }
        if draw < 0.7 { return "\(a), \(b) and \(random.element(of: Catalogue.companyNames))" }
        if draw < 0.99 { return "\(a) \(random.element(of: Catalogue.companySuffixes))" }
        return "\(a) \"\(b)\" \(random.element(of: Catalogue.companySuffixes))"
    }
}
