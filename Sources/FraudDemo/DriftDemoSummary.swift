import FraudCore
import FraudMonitoring

extension DriftDemo {
    /// One step of the story.
    public struct Event: Sendable, CustomStringConvertible {
        /// Live payments streamed when it happened.
        public var payment: Int
        /// The stream's event time then.
        public var time: EventTime
        /// What happened.
        public var text: String

        /// The event as one narration line.
        public var description: String { "[payment \(payment), \(time.iso)] \(text)" }
    }

    /// One retraining and when it happened.
    public struct Retraining: Sendable {
        /// Live payments streamed (and stored) before it; payments after it are scored by its champion when it promoted.
        public var payment: Int
        /// Its outcome.
        public var outcome: RetrainOutcome
    }

    /// What happened.
    public struct Summary: Sendable {
        /// Live payment index of the switch to the drifted distribution.
        public var driftStart: Int
        /// Live payments streamed when the monitor first reported drift after the switch (nil: never).
        public var driftDetectedAt: Int?
        /// Payments between the switch and the detection.
        public var detectionDelay: Int? { driftDetectedAt.map { $0 - driftStart } }
        /// Live payments streamed (fewer than the script's when stopped early).
        public var streamed: Int
        /// Operational alerts the monitor raised.
        public var alerts: [OperationalAlert]
        /// Every retraining, in order.
        public var retrainings: [Retraining]
        /// The champion at the start.
        public var firstChampion: String
        /// The champion at the end.
        public var finalChampion: String?
        /// Confirmed labels written.
        public var labels: Int
        /// The story, step by step.
        public var events: [Event]
    }
}
