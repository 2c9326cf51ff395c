import FraudCore

/// A change in the payment distributions from a date on, so monitoring and retraining can be shown.
package struct DriftScenario: Hashable, Sendable {
    /// What changes.
    package enum Kind: String, CaseIterable, Sendable {
        /// Legitimate amounts grow by `amountShiftFactor` (inflation, a price change).
        case amountShift = "amount-shift"
        /// Online categories (`*_net`) and travel gain share, shops lose it.
        case categoryMix = "category-mix"
        /// Fraud switches to a new pattern: daytime travel, dining and entertainment, far from home,
        /// modest amounts, longer episodes.
        case newFraudPattern = "new-fraud-pattern"
    }

    /// The factor legitimate amounts are multiplied by under `amountShift`.
    package static let amountShiftFactor = 1.5

    /// What changes.
    package var kind: Kind
    /// The first moment (midnight UTC of the given day, or the exact time given) affected.
    package var start: EventTime

    /// A scenario starting at `start`.
    package init(kind: Kind, start: EventTime) {
        self.kind = kind
        self.start = start
    }

    /// Parses `SCENARIO@DATE`, e.g. `amount-shift@2020-09-01` (a time `2020-09-01 12:00:00` works too).
    /// - Throws: `ConfigurationError` naming the bad part.
    package init(parsing text: String) throws {
        let parts = text.split(separator: "@", maxSplits: 1)
        guard parts.count == 2 else {
            throw ConfigurationError(parameter: "drift", value: text, reason: "expected SCENARIO@DATE, e.g. amount-shift@2020-09-01")
        }
        guard let kind = Kind(rawValue: String(parts[0])) else {
            throw ConfigurationError(
                parameter: "drift", value: text,
                reason: "unknown scenario '\(parts[0])'; expected one of \(Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let start = EventTime(parts[1]) else {
            throw ConfigurationError(parameter: "drift", value: text, reason: "'\(parts[1])' is not a date YYYY-MM-DD or time YYYY-MM-DD HH:MM:SS")
        }
        self.init(kind: kind, start: start)
    }
}

extension DriftScenario: CustomStringConvertible {
    package var description: String { "\(kind.rawValue)@\(start.iso)" }
}
