import FraudCore
import FraudPipeline
import FraudRuntime
import FraudStore
import Logging

/// The demo's analysts: confirms payments with the simulator's ground truth (the `is_fraud` that came with them),
/// written as `true_value` through `Store.label`, once `delayPayments` later payments have been scored, so labels
/// arrive late as they do in practice. Consumes `payments.scored` in its own consumer group.
///
/// Payments the store writer has not stored yet are retried with the next batch; pending labels live in memory
/// (a restarted labeller skips them: acceptable for a demonstration, not for real labels).
package struct GroundTruthLabeller: PipelineWorker {
    package let name = "labeller"
    /// Where `payments.scored` is read.
    package let bus: any Bus
    /// Where labels are written.
    package let store: any Store
    /// Scored payments seen after a payment before it is labelled.
    package let delayPayments: Int
    /// Consumer group on `payments.scored`.
    package let group: String
    /// Micro-batches of the consumer loop.
    package let batches: MicroBatchLoop.Configuration
    let state: LabellerState

    /// A labeller writing each payment's ground truth `delayPayments` scored payments after it.
    package init(bus: any Bus, store: any Store, delayPayments: Int, group: String = "demo-labeller",
                batches: MicroBatchLoop.Configuration = .init(maxRecords: 1_000, maxWait: .milliseconds(100)),
                logger: Logger = Logger(label: "fraud.demo.labeller")) {
        self.bus = bus
        self.store = store
        self.delayPayments = max(0, delayPayments)
        self.group = group
        self.batches = batches
        state = LabellerState(store: store, delay: max(0, delayPayments), logger: logger)
    }

    /// Labels until `stop` is requested.
    package func run(stop: StopSignal) async throws {
        let consumer = try await bus.makeConsumer(group: group, topics: [PaymentMessages.scoredTopic])
        let state = self.state
        try await MicroBatchLoop(consumer: consumer, configuration: batches, stop: stop).run { records in
            try await state.process(records)
        }
    }

    /// Labels written so far.
    package func labelled() async -> Int { await state.labelled }
}
