import FraudCore
import Logging

/// Delivers alerts on every channel, de-duplicated by key and retried with backoff; the `Alerter` to use.
///
/// One `AlertDeliveryStateMachine` per channel decides; this actor does the I/O and waits on the
/// injected clock. Channels are tried concurrently and independently: a webhook that is down does not
/// delay the e-mail, and a redelivered alert retries only the channels that have not delivered it.
package actor AlertDispatcher: Alerter {
    private let channels: [any AlertChannel]
    private var machines: [AlertDeliveryStateMachine]
    private let clock: any AlertClock
    private let logger: Logger

    /// A dispatcher over the given channels.
    /// - Parameters:
    ///   - retry: when to retry failed attempts.
    ///   - deduplicationCapacity: how many delivered keys each channel remembers (bounded memory).
    ///   - seed: seed of the jitter generator; `nil` draws one from the system.
    package init(
        channels: [any AlertChannel], retry: RetryPolicy = .alertDelivery, deduplicationCapacity: Int = 100_000,
        clock: any AlertClock = SystemAlertClock(), seed: UInt64? = nil,
        logger: Logger = Logger(label: "fraud.alerting")
    ) throws(ConfigurationError) {
        guard deduplicationCapacity >= 1 else {
            throw ConfigurationError(
                parameter: "deduplicationCapacity", value: String(deduplicationCapacity), reason: "must be at least 1")
        }
        self.channels = channels
        var generator = SystemRandomNumberGenerator()
        let base = seed ?? generator.next()
        self.machines = channels.indices.map { index in
            AlertDeliveryStateMachine(
                policy: retry, deduplicationCapacity: deduplicationCapacity, seed: base &+ UInt64(index))
        }
        self.clock = clock
        self.logger = logger
    }

    /// The channels' names, in the order outcomes are returned.
    package nonisolated var channelNames: [String] { channels.map(\.name) }

    /// Delivers one alert on every channel; returns one outcome per channel, in channel order.
    package func send(_ message: AlertMessage) async -> [AlertDeliveryOutcome] {
        await withTaskGroup(of: (Int, AlertDeliveryOutcome).self) { group in
            for index in channels.indices {
                group.addTask { (index, await self.deliver(message, on: index)) }
            }
            var outcomes: [(Int, AlertDeliveryOutcome)] = []
            for await outcome in group { outcomes.append(outcome) }
            return outcomes.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }

    /// Drives one channel's state machine for one alert until it finishes.
    private func deliver(_ message: AlertMessage, on index: Int) async -> AlertDeliveryOutcome {
        let key = message.deduplicationKey
        let channel = channels[index]
        var action = machines[index].submit(key: key)
        while true {
            switch action {
            case .send(let attempt):
                do {
                    let note = try await channel.deliver(message)
                    action = machines[index].attemptSucceeded(key: key, note: note)
                } catch {
                    logger.warning("alert delivery attempt failed", metadata: [
                        "key": "\(key)", "channel": "\(channel.name)", "attempt": "\(attempt)", "error": "\(error)",
                    ])
                    action = machines[index].attemptFailed(key: key, error: error, now: clock.now)
                }
            case .scheduleRetry(_, let deadline):
                do {
                    try await clock.sleep(until: deadline)
                    action = machines[index].retryDue(key: key, now: clock.now)
                } catch {
                    action = machines[index].cancel(key: key, reason: "stopped while waiting to retry")
                }
            case .succeed(let attempts, let note):
                return outcome(key, channel, .delivered, attempts, note)
            case .giveUp(let attempts, let reason):
                logger.error("alert delivery failed", metadata: [
                    "key": "\(key)", "channel": "\(channel.name)", "reason": "\(reason)",
                ])
                return outcome(key, channel, .failed, attempts, reason)
            case .skipDuplicate:
                return outcome(key, channel, .duplicate, 0, nil)
            }
        }
    }

    private func outcome(
        _ key: String, _ channel: any AlertChannel, _ status: AlertDeliveryOutcome.Status, _ attempts: Int,
        _ detail: String?
    ) -> AlertDeliveryOutcome {
        AlertDeliveryOutcome(
            key: key, channel: channel.name, status: status, attempts: attempts, detail: detail,
            finishedAt: clock.now)
    }
}
