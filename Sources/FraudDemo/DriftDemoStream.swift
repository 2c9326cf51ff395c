import FraudCore
import FraudSimulator

/// The story's simulated stream: the payments the first champion is trained on, then the live payments, which
/// switch to the script's drift `driftAfter` payments in.
struct DriftDemoStream: Sendable {
    /// The champion's training payments.
    let training: [Transaction]
    /// The simulator, at the first live payment.
    let live: PaymentSimulator
    /// Event time of the first drifted payment.
    let switchTime: EventTime

    init(_ script: DriftDemoScript) throws {
        var probe = try PaymentSimulator(seed: script.seed, cards: script.cards, fraudRate: script.fraudRate)
        _ = probe.nextBatch(count: script.trainingPayments + script.driftAfter)
        let switchTime = probe.nextEventTime
        var simulator = try PaymentSimulator(seed: script.seed, cards: script.cards, fraudRate: script.fraudRate,
                                             drift: script.drift.map { DriftScenario(kind: $0, start: switchTime) })
        training = simulator.nextBatch(count: script.trainingPayments)
        live = simulator
        self.switchTime = switchTime
    }
}
