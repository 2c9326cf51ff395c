import Foundation
import FraudBus
import FraudCore

/// Moves a rebalance from the consumer's poll thread into `KafkaConsumer.poll`, so that the
/// `PartitionAssignmentListener` runs between batches (like the Java consumer's ConsumerRebalanceListener),
/// never while the worker processes a batch an earlier `poll` returned. The poll thread waits inside librdkafka's
/// rebalance callback until a `poll` has told the listener, then applies the answer; that `poll` goes on once it
/// is applied, so `assignment()` is up to date when it returns.
final class RebalanceHandoff: @unchecked Sendable {
    /// A change of the consumer's partitions.
    enum Change {
        case assigned(Set<TopicPartition>)
        case revoked(Set<TopicPartition>)
    }

    private enum Phase {
        /// No rebalance in progress.
        case idle
        /// Handed over, for the next `poll`.
        case waiting(Change)
        /// A `poll` is telling the listener.
        case serving
        /// The listener answered with these start offsets; for the poll thread to apply.
        case answered([TopicPartition: Int64])
        /// The poll thread applies the answer.
        case applying
        /// The consumer closed: nothing more is handed over.
        case closed
    }

    private let listener: any PartitionAssignmentListener
    private let notifier: DataNotifier
    private let condition = NSCondition()
    private var phase = Phase.idle
    /// The `poll` that answered, resumed once its answer is applied.
    private var answeringPoll: CheckedContinuation<Void, Never>?

    /// A handoff to `listener`; `notifier` wakes a `poll` waiting for records.
    init(listener: any PartitionAssignmentListener, notifier: DataNotifier) {
        self.listener = listener
        self.notifier = notifier
    }

    /// Poll thread: hands `change` to the next `poll` and waits until it has told the listener, then runs `apply`
    /// with the listener's start offsets (nil when the consumer closed first; then the change is not applied).
    func handOver(_ change: Change, apply: ([TopicPartition: Int64]?) -> Void) {
        condition.lock()
        guard case .idle = phase else {
            condition.unlock()
            return apply(nil)
        }
        phase = .waiting(change)
        condition.unlock()
        notifier.notifyAll()

        condition.lock()
        while true {
            switch phase {
            case .answered(let starts):
                phase = .applying
                condition.unlock()
                apply(starts)
                finishApplying()
                return
            case .closed:
                condition.unlock()
                return apply(nil)
            default:
                condition.wait()
            }
        }
    }

    /// `poll`: tells the listener of a change waiting for it, if any, and returns once the change is applied.
    /// - Throws: the error `assigned` threw; the change then waits for the next `poll`, its partitions unread.
    func serve() async throws {
        guard let change = take() else { return }
        switch change {
        case .revoked(let partitions):
            await listener.revoked(partitions)
            await answer([:])
        case .assigned(let partitions):
            let starts: [TopicPartition: Int64]
            do {
                starts = try await listener.assigned(partitions)
            } catch {
                putBack(change)
                throw error
            }
            await answer(starts)
        }
    }

    /// Whether a change waits for the next `poll`.
    var isWaiting: Bool {
        condition.lock()
        defer { condition.unlock() }
        if case .waiting = phase { return true }
        return false
    }

    /// Releases the poll thread for good (it applies nothing more) and a `poll` waiting for it.
    func close() {
        condition.lock()
        phase = .closed
        let poll = answeringPoll
        answeringPoll = nil
        condition.broadcast()
        condition.unlock()
        poll?.resume()
    }

    private func take() -> Change? {
        condition.lock()
        defer { condition.unlock() }
        guard case .waiting(let change) = phase else { return nil }
        phase = .serving
        return change
    }

    private func putBack(_ change: Change) {
        condition.lock()
        defer { condition.unlock() }
        if case .serving = phase { phase = .waiting(change) }
    }

    private func answer(_ starts: [TopicPartition: Int64]) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            condition.lock()
            guard case .serving = phase else {
                condition.unlock()
                return continuation.resume()
            }
            phase = .answered(starts)
            answeringPoll = continuation
            condition.broadcast()
            condition.unlock()
        }
    }

    private func finishApplying() {
        condition.lock()
        guard case .applying = phase else { return condition.unlock() }
        phase = .idle
        let poll = answeringPoll
        answeringPoll = nil
        condition.unlock()
        poll?.resume()
    }
}
