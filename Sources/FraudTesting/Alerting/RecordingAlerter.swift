import FraudCore
import Synchronization

/// An alerter that keeps what it is sent.
package final class RecordingAlerter: Alerter {
    /// Every message sent, in order.
    package let messages = Mutex<[AlertMessage]>([])

    package init() {}

    package func send(_ message: AlertMessage) async -> [AlertDeliveryOutcome] {
        messages.withLock { $0.append(message) }
        return [AlertDeliveryOutcome(key: message.deduplicationKey, channel: "test", status: .delivered, attempts: 1, detail: nil,
                                     finishedAt: WallClock.now)]
    }

    /// The operational alerts sent, in order.
    package var operational: [OperationalAlert] {
        messages.withLock { $0.compactMap { if case .operational(let alert) = $0 { alert } else { nil } } }
    }
}
