import FraudCore
import FraudMonitoring

extension DriftDemo {
    /// One step of the story.
    package struct Event: Sendable, CustomStringConvertible {
        /// Live payments streamed when it happened.
        package var payment: Int
        /// The stream's event time then.
        package var time: EventTime
        /// What happened.
        package var text: String

        /// The event as one narration line.
        package var description: String { "[payment \(payment), \(time.iso)] \(text)" }
    }

    /// One retraining and when it happened.
    package struct Retraining: Sendable {
        /// Live payments streamed (and stored) before it; payments after it are scored by its champion when it promoted.
        package var payment: Int
        /// Its outcome.
        package var outcome: RetrainOutcome
    }

    /// What happened.
    package struct Summary: Sendable {
        /// Live payment index of the switch to the drifted distribution.
        package var driftStart: Int
        /// Live payments streamed when the monitor first reported drift after the switch (nil: never).
        package var driftDetectedAt: Int?
        /// Payments between the switch and the detection.
        package var detectionDelay: Int? { driftDetectedAt.map { $0 - driftStart } }
        /// Live payments streamed (fewer than the script's when stopped early).
        package var streamed: Int
        /// Operational alerts the monitor raised.
        package var alerts: [OperationalAlert]
        /// Every retraining, in order.
        package var retrainings: [Retraining]
        /// The champion at the start.
        package var firstChampion: String
        /// The champion at the end.
        package var finalChampion: String?
        /// Confirmed labels written.
        package var labels: Int
        /// The story, step by step.
        package var events: [Event]
    }
}
