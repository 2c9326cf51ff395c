extension FeatureDrift: Codable {
    enum CodingKeys: String, CodingKey {
        case name, test, score, threshold, drifted
        case columnType = "column_type", statistic, referenceCount = "reference_count", currentCount = "current_count", histogram
    }

    /// `{"name", "test", "score", "threshold", "drifted"}` first, then the extra fields;
    /// non-finite numbers (a χ² of a category new in the current sample) become null.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(test, forKey: .test)
        try container.encode(score.isFinite ? score : nil, forKey: .score)
        try container.encode(threshold, forKey: .threshold)
        try container.encode(drifted, forKey: .drifted)
        try container.encode(columnType, forKey: .columnType)
        try container.encode(statistic.flatMap { $0.isFinite ? $0 : nil }, forKey: .statistic)
        try container.encode(referenceCount, forKey: .referenceCount)
        try container.encode(currentCount, forKey: .currentCount)
        try container.encode(histogram, forKey: .histogram)
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        test = try container.decode(StatTestName.self, forKey: .test)
        score = try container.decodeIfPresent(Double.self, forKey: .score) ?? .nan
        threshold = try container.decode(Double.self, forKey: .threshold)
        drifted = try container.decode(Bool.self, forKey: .drifted)
        columnType = try container.decodeIfPresent(DriftColumnType.self, forKey: .columnType) ?? .numerical
        statistic = try container.decodeIfPresent(Double.self, forKey: .statistic)
        referenceCount = try container.decodeIfPresent(Int.self, forKey: .referenceCount) ?? 0
        currentCount = try container.decodeIfPresent(Int.self, forKey: .currentCount) ?? 0
        histogram = try container.decodeIfPresent(DriftHistogram.self, forKey: .histogram) ?? DriftHistogram(labels: [], reference: [], current: [])
    }
}
