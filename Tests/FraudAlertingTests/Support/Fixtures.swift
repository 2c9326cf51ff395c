import FraudCore
import Logging

/// Alerts and scored payments for the tests.
enum Fixtures {
    /// The dispatcher logs failed attempts; the tests check outcomes instead.
    static let quietLogger: Logger = {
        var logger = Logger(label: "fraud.alerting.tests")
        logger.logLevel = .critical
        return logger
    }()

    static let eventTime = EventTime(year: 2020, month: 6, day: 21, hour: 12, minute: 14, second: 25)!

    static func scored(transNum: String = "2da90c7d74bd46a0caf3777415b3ebd3", prediction: Bool = true) -> ScoredTransaction {
        let payment = Transaction(
            eventTime: eventTime, ccNum: 2_291_163_933_867_244, merchant: "fraud_Kirlin and Sons",
            category: "shopping_net", amount: 1077.69, firstName: "Jeff", lastName: "Elliott", gender: "M",
            street: "351 Darlene Green", city: "Columbia", state: "SC", zip: 29209, latitude: 33.9659,
            longitude: -80.9355, cityPopulation: 333_497, job: "Mechanical engineer",
            dateOfBirth: CalendarDate(year: 1968, month: 3, day: 19)!, transNum: transNum,
            merchantLatitude: 33.986391, merchantLongitude: -81.200714)
        return ScoredTransaction(
            transaction: payment, score: 0.9713, prediction: prediction, threshold: 0.62, modelVersion: "7",
            reasons: [
                FeatureContribution(feature: "amount_vs_card_mean", value: 12.04, contribution: 2.1),
                FeatureContribution(feature: "card_count_1h", value: 3, contribution: 1.4),
                FeatureContribution(feature: "hour", value: 12, contribution: -0.3),
            ],
            scoredAt: eventTime, latencyMs: 3.2)
    }

    static func alert(transNum: String = "2da90c7d74bd46a0caf3777415b3ebd3") -> AlertMessage {
        .fraud(Alert(scored(transNum: transNum), createdAt: EventTime(secondsSinceEpoch: 1_700_000_000))!)
    }

    static func drift(details: String = "amt: wasserstein 0.31 >= 0.1\ncategory: jensen-shannon 0.12 >= 0.1") -> AlertMessage {
        .operational(OperationalAlert(
            id: "drift:42", kind: .driftDetected, severity: .warning, title: "Drift detected in 2 of 12 features",
            details: details, createdAt: EventTime(secondsSinceEpoch: 1_700_000_000)))
    }
}
