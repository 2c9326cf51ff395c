import FraudCore
import Synchronization

/// What the story has told and recorded so far, read back for the summary once the pipeline has stopped.
final class DriftStoryLog: Sendable {
    struct Record {
        var events: [DriftDemo.Event] = []
        var retrainings: [DriftDemo.Retraining] = []
        var driftDetectedAt: Int?
        var streamed = 0
    }

    let record = Mutex(Record())
    private let narrate: @Sendable (DriftDemo.Event) -> Void

    init(narrate: @escaping @Sendable (DriftDemo.Event) -> Void) {
        self.narrate = narrate
    }

    /// Records and narrates one step.
    func tell(_ payment: Int, _ time: EventTime, _ text: String) {
        let event = DriftDemo.Event(payment: payment, time: time, text: text)
        record.withLock { $0.events.append(event) }
        narrate(event)
    }
}
