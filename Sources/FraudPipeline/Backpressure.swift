import FraudBus
import FraudCore
import FraudRuntime

/// Holds the scorer back while the scored topic's un-consumed lead (records published but not yet
/// committed by the writer's group) exceeds `maxLead`, so a slow writer slows the scorer instead of
/// letting the backlog grow without bound.
package struct Backpressure: Sendable {
    /// Largest lead the scorer publishes into.
    package var maxLead: Int64
    /// How often the lead is measured while waiting.
    package var checkInterval: Duration
    /// The current lead.
    package let lead: @Sendable () async throws -> Int64

    /// A bound on a lead measured by `lead`.
    /// - Precondition: `maxLead > 0`.
    package init(maxLead: Int64, checkInterval: Duration = .milliseconds(5), lead: @escaping @Sendable () async throws -> Int64) {
        precondition(maxLead > 0, "maxLead must be positive")
        self.maxLead = maxLead
        self.checkInterval = checkInterval
        self.lead = lead
    }

    /// The lead of `group` on `topic` of an embedded bus: records appended but not committed by the group.
    package static func embedded(_ bus: EmbeddedBus, group: String = PaymentMessages.writerGroup,
                                topic: String = PaymentMessages.scoredTopic, maxLead: Int64) -> Backpressure {
        Backpressure(maxLead: maxLead) { try bus.lag(group: group, topic: topic) }
    }

    /// Waits until the lead is at most `maxLead`, or a stop is requested (the batch in flight is then published anyway).
    /// - Returns: whether it had to wait.
    @discardableResult
    package func wait(stop: StopSignal) async throws -> Bool {
        var waited = false
        while try await lead() > maxLead, !stop.isRequested, !Task.isCancelled {
            waited = true
            await stop.sleep(for: checkInterval)
        }
        return waited
    }
}
